"""kg/extract/extractor.py: the per-trigger decisions of Extractor._event (names, hostages, civilians,
coding, ids, mentions) and the Extractor's own interface."""

from __future__ import annotations

import pytest

from kg.extract.extractor import Extractor, model_language
from kg.model import Modality

from .support import REF, document, extract, one_event, pairs


@pytest.mark.parametrize("lang,text", [
    ("en", "Demonstrators stormed the Israeli embassy in Amman."),
    ("id", "Demonstran menyerbu kedutaan Israel di Amman."),
])
def test_civilians_storming_is_a_violent_protest(window_extractor, lang, text):
    e = one_event(extract(window_extractor, text, lang))
    assert (e.code, [p.code for p in e.sources], [p.sector for p in e.sources]) == ("145", ["JOR"], ["CVL"])


def test_detaining_hostages_is_hostage_taking(window_extractor):
    e = one_event(extract(window_extractor, "Hamas detained two Israeli hostages.", "en"))
    assert e.code == "181"


@pytest.mark.parametrize("lang,text", [
    ("en", "The hostages still held by Hamas are Israelis."),
    ("id", "Para sandera yang masih ditahan Hamas adalah warga Israel."),
])
def test_hostages_described_as_held_is_no_new_act(window_extractor, lang, text):
    assert extract(window_extractor, text, lang).events == []


def test_trigger_word_inside_a_name_makes_no_event(window_extractor):
    e = one_event(extract(window_extractor, "Ban Ki-moon met Putin.", "en"))
    assert e.trigger == "met" and e.root == "04"


def test_refusal_to_return_to_talks_is_coded_as_the_refusal(window_extractor):
    assert pairs(extract(window_extractor, "Iran refused to return to talks with the United States.", "en")) == {("IRN", "USA", "12")}


def test_event_id_is_stable_and_mention_covers_trigger_and_sides(window_extractor):
    a = one_event(extract(window_extractor, "Yesterday Iran attacked Israel heavily.", "en"))
    b = one_event(extract(window_extractor, "Yesterday Iran attacked Israel heavily.", "en"))
    assert a.id == b.id and a.id.startswith("ev_")
    assert (a.mention.text, a.mention.sentence) == ("Iran attacked Israel", "Yesterday Iran attacked Israel heavily.")


@pytest.mark.parametrize("lang,text", [("en", "Iran attacked Israel."), ("id", "Iran menyerang Israel.")])
def test_event_carries_cameo_label_and_quad_class(window_extractor, lang, text):
    e = one_event(extract(window_extractor, text, lang))
    assert (e.code, e.quad_class, e.goldstein) == ("190", 4, -10.0)


def test_request_to_act_is_hypothetical(window_extractor):
    ex = extract(window_extractor, "Tiongkok mendesak Rusia untuk menyerang Ukraina.", "id")
    asked = [e for e in ex.events if e.sources[0].code == "RUS"]
    assert asked and all(e.modality is Modality.HYPOTHETICAL for e in asked)


def test_person_participant_takes_the_office_held_on_the_date(window_extractor):
    e = one_event(extract(window_extractor, "Joe Biden criticised Iran.", "en"))
    assert (e.sources[0].actor_id, e.sources[0].code, e.sources[0].role) == ("joe_biden", "USA", "President")


def test_actors_gives_the_mentions(window_extractor):
    ex = window_extractor.actors(document("Iran attacked Israel.", "en"))
    assert [m.actor_id for m in ex.actor_mentions] == ["irn", "isr"]


def test_actors_gives_no_events_even_after_extract(window_extractor):
    extract(window_extractor, "Iran attacked Israel.", "en")  # the full English pipeline is now cached
    assert window_extractor.actors(document("Iran attacked Israel.", "en")).events == []


def test_long_document_is_read_in_sections_with_whole_text_offsets(window_extractor, monkeypatch):
    import kg.extract.extractor as mod

    text = "Egypt criticised Qatar. " * 30 + "Iran attacked Israel."
    monkeypatch.setattr(mod, "SECTION_CHARS", 200)
    ex = extract(window_extractor, text, "en")
    attack = one_event(ex, "19")
    assert text[attack.mention.start : attack.mention.end] == "Iran attacked Israel"
    assert len([e for e in ex.events if e.root == "11"]) == 30


def test_unknown_model_is_a_clear_error():
    with pytest.raises(LookupError, match="cannot find spaCy pipeline"):
        model_language("no_such_pipeline_xyz")
    with pytest.raises(LookupError):
        Extractor(model="no_such_pipeline_xyz")


def test_extract_many_is_one_extraction_per_document(window_extractor):
    docs = [document("Iran attacked Israel.", "en"), document("Mesir mengecam Qatar.", "id", REF)]
    assert [pairs(x) for x in window_extractor.extract_many(docs)] == [{("IRN", "ISR", "19")}, {("EGY", "QAT", "11")}]


@pytest.mark.parametrize("lang,text", [
    ("en", "Chad's defence minister Idriss Mahamat spoke in Ndjamena. Mahamat criticised Sudan."),
    ("id", "Menteri Pertahanan Chad Idriss Mahamat berbicara di Ndjamena. Idriss mengkritik Sudan."),
])
def test_an_act_of_a_person_named_again_by_part_of_the_name_says_so_in_its_rule(window_extractor, lang, text):
    e = one_event(extract(window_extractor, text, lang))
    assert ([p.code for p in e.sources], [p.code for p in e.targets], e.root) == (["TCD"], ["SDN"], "11")
    assert e.sources[0].name == "Idriss Mahamat" and e.rule.endswith("+alias")
