"""kg/extract/participants.py: who a mention is in an event: a place's state, a person discovered beside a role,
the lexicon's actor, with the code and role it has on the event's date."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.participants import actor_for, participant
from kg.model import Extraction
from kg.nlp.context import span_list

from .support import processed_doc


def _mention(extractor, text, lang, surface, ref=dt.date(2024, 4, 16)):
    doc = processed_doc(extractor, text, lang, ref)
    return next(sp for sp in span_list(doc, "kg_actors") if sp.text == surface)


def test_a_place_stands_for_its_state_and_is_recorded(window_extractor):
    span = _mention(window_extractor, "Russian missiles hit Kharkiv on Monday.", "en", "Kharkiv")
    ex = Extraction(document=None)
    actor = actor_for(window_extractor.lex, span, ex)
    assert actor.code == "UKR" and ex.actors[actor.id] is actor


def test_a_person_discovered_beside_a_role_is_an_official_of_that_state(window_extractor):
    span = _mention(window_extractor, "Presiden Rusia, Ivan Petrovski, mengunjungi Iran.", "id", "Presiden Rusia, Ivan Petrovski")
    p = participant(window_extractor.lex, span, Extraction(document=None), dt.date(2024, 4, 16))
    assert (p.code, p.role) == ("RUS", "President")


@pytest.mark.parametrize("when,code", [(dt.date(2024, 4, 16), "NLD"), (dt.date(2025, 3, 1), "IGO:NATO")])
def test_a_known_person_takes_the_code_of_the_date(window_extractor, when, code):
    span = _mention(window_extractor, "Mark Rutte met Enrique Manalo.", "en", "Mark Rutte")
    assert participant(window_extractor.lex, span, Extraction(document=None), when).code == code


def test_the_state_named_beside_a_persons_role_wins_over_the_lexicons(window_extractor):
    # "Ahmed Ali" is a namesake of a Cameroonian official in the PETRARCH list; the text says he is Yemen's
    span = _mention(window_extractor, "Yemeni coast guard spokesman Ahmed Ali accused Eritrea.", "en", "Yemeni coast guard spokesman Ahmed Ali")
    p = participant(window_extractor.lex, span, Extraction(document=None), dt.date(2024, 6, 10))
    assert p.code == "YEM" and p.role == "Spokesperson"
    # alone, "Ahmed Ali" is no spelling of the listed "Ahmadu Ali" the document backs (Cameroon is not named): no actor
    doc = processed_doc(window_extractor, "Ahmed Ali accused Eritrea.", "en", dt.date(2024, 4, 16))
    assert [sp.text for sp in span_list(doc, "kg_actors")] == ["Eritrea"]
    listed = _mention(window_extractor, "Ahmadu Ali accused Eritrea.", "en", "Ahmadu Ali")
    assert participant(window_extractor.lex, listed, Extraction(document=None), dt.date(2024, 6, 10)).code == "CMR"
    backed = _mention(window_extractor, "Ahmed Ali accused Eritrea, Cameroon's government said.", "en", "Ahmed Ali")
    assert participant(window_extractor.lex, backed, Extraction(document=None), dt.date(2024, 6, 10)).code == "CMR"
