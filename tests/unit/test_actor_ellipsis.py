"""kg/nlp/actor_ellipsis.py: gapped names ("North and South Korea", "Korea Utara dan Selatan") and the other half of
a divided state named before ("the North", "pihak Utara")."""

from __future__ import annotations

import pytest

from kg.nlp.context import kg_get, span_list

from .support import processed_doc


def actors(extractor, text, lang):
    doc = processed_doc(extractor, text, lang)
    return [(sp.text, sp.kb_id_, (kg_get(sp) or {}).get("rule")) for sp in span_list(doc, "kg_actors")]


@pytest.mark.parametrize("lang,text,bare", [
    ("en", "North and South Korea held talks.", "North"),
    ("id", "Korea Utara dan Selatan menggelar perundingan.", "Selatan"),
])
def test_a_gapped_modifier_is_the_state_it_names_with_the_shared_word(window_extractor, lang, text, bare):
    got = actors(window_extractor, text, lang)
    assert (bare, "prk" if lang == "en" else "kor", "lexicon:gapped") in got
    assert len({kb for _t, kb, _r in got}) == 2


@pytest.mark.parametrize("lang,text", [
    ("en", "The storm moved north and South Korea closed its schools."),  # lower case: a direction
    ("en", "Russia and South Korea held talks."),  # a full name before 'and'
    ("id", "Badai bergerak ke Korea Utara dan selatan Jepang."),
])
def test_no_gapped_name_without_a_bare_capitalised_modifier(window_extractor, lang, text):
    assert not any(rule == "lexicon:gapped" for _t, _kb, rule in actors(window_extractor, text, lang))


@pytest.mark.parametrize("lang,text,half,kb", [
    ("en", "South Korea accused the North of firing shells.", "North", "prk"),
    ("en", "Sudan accused the South of backing rebels.", "South", "ssd"),
    ("id", "Korea Selatan menuduh pihak Utara menembakkan peluru.", "Utara", "prk"),
])
def test_the_other_half_of_a_state_named_before(window_extractor, lang, text, half, kb):
    assert (half, kb, "lexicon:half") in actors(window_extractor, text, lang)


@pytest.mark.parametrize("lang,text", [
    ("en", "Ireland criticised the North over the plan."),  # 'North Ireland' is no state's name
    ("en", "Japan joined the North Atlantic talks."),  # part of a longer name
    ("en", "North Korea fired shells at a loudspeaker in South Korea that blares propaganda into the North."),
    ("id", "Irlandia mengkritik pihak Utara terkait rencana itu."),
])
def test_no_half_without_a_state_it_names_or_when_the_sentence_names_it(window_extractor, lang, text):
    assert not any(rule == "lexicon:half" for _t, _kb, rule in actors(window_extractor, text, lang))
