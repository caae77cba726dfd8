"""kg/extract/syntax/frames.py: a trigger's argument frame read from the dependency parse."""

from __future__ import annotations

import pytest

from .support import parsed_frame, sides


@pytest.mark.parametrize("lang,text,word", [
    ("en", "Iran attacked Israel.", "attacked"),
    ("id", "Iran menyerang Israel.", "menyerang"),
])
def test_active_verb_subject_and_object(full_extractor, lang, text, word):
    f, ids = parsed_frame(full_extractor, text, lang, word)
    assert f.kind == "verb" and sides(f, ids) == (["irn"], ["isr"])


@pytest.mark.parametrize("lang,text,word", [
    ("en", "Israel was attacked by Iran.", "attacked"),
    ("id", "Israel diserang oleh Iran.", "diserang"),
])
def test_passive_agent_is_source_and_subject_is_target(full_extractor, lang, text, word):
    f, ids = parsed_frame(full_extractor, text, lang, word)
    assert f.kind == "passive" and sides(f, ids) == (["irn"], ["isr"])


@pytest.mark.parametrize("lang,text,word", [
    ("en", "Iran did not attack Israel.", "attack"),
    ("id", "Iran tidak menyerang Israel.", "menyerang"),
])
def test_negation_in_the_parse_marks_the_frame(full_extractor, lang, text, word):
    f, ids = parsed_frame(full_extractor, text, lang, word)
    assert f.negated and sides(f, ids) == (["irn"], ["isr"])


@pytest.mark.parametrize("lang,text,word", [
    ("en", "Egypt and Qatar criticised Israel.", "criticised"),
    ("id", "Mesir dan Qatar mengecam Israel.", "mengecam"),
])
def test_conjoined_subjects_are_both_sources(full_extractor, lang, text, word):
    f, ids = parsed_frame(full_extractor, text, lang, word)
    assert sides(f, ids) == (["egy", "qat"], ["isr"])


@pytest.mark.parametrize("lang,text,word", [
    ("en", "Iran's attack on Israel shocked Egypt.", "attack"),
    ("id", "Serangan Iran terhadap Israel mengejutkan Mesir.", "serangan"),
])
def test_event_noun_agent_and_target(full_extractor, lang, text, word):
    f, ids = parsed_frame(full_extractor, text, lang, word, nominal=True)
    assert f.kind == "noun" and sides(f, ids) == (["irn"], ["isr"])


@pytest.mark.parametrize("lang,text,word", [
    ("en", "The United States said Iran attacked Israel.", "attacked"),
    ("id", "Amerika Serikat mengatakan Iran menyerang Israel.", "menyerang"),
])
def test_reported_act_keeps_its_speaker_apart(full_extractor, lang, text, word):
    f, ids = parsed_frame(full_extractor, text, lang, word)
    assert sides(f, ids) == (["irn"], ["isr"])
    assert f.speech is not None and [ids[a.index] for a in f.speech.speakers] == ["usa"]


def test_trigger_inside_an_actor_has_no_frame(full_extractor):
    from kg.extract.syntax.frames import frame
    from kg.nlp.context import span_list
    from .support import parsed_doc

    doc = parsed_doc(full_extractor, "Iran attacked Israel.", "en")
    actors = [(a.start, a.end) for a in span_list(doc, "kg_actors")]
    assert frame(doc, actors, 0, "en") is None  # token 0 is "Iran"


def test_frame_rule_names_both_paths(full_extractor):
    f, ids = parsed_frame(full_extractor, "Iran attacked Israel.", "en", "attacked")
    assert f.rule == "verb:nsubj>obj"
