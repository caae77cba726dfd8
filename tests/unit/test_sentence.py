"""kg/extract/sentence.py: RulesBase, the sentence under the rules: prepositions governing an actor,
coordinated groups, free actors, clause breaks, the next and previous triggers."""

from __future__ import annotations

import pytest

from .support import processed_doc, rules_for, trigger


def actor(rules, kb):
    return next(a for a in rules.actors if a.kb_id_ == kb)


@pytest.mark.parametrize("lang,text,kb,prep", [
    ("en", "Turkey imposed sanctions on Syria.", "syr", "on"),
    ("id", "Turki menjatuhkan sanksi terhadap Suriah.", "syr", "terhadap"),
    ("en", "Iran held talks with Crown Prince Mohammed bin Salman.", "mohammed_bin_salman", "with"),
])
def test_preposition_governing_an_actor(window_extractor, lang, text, kb, prep):
    rules = rules_for(window_extractor, text, lang)
    a = actor(rules, kb)
    assert rules._prep_before(a, rules.sent.start) == prep


def test_quantity_of_is_not_a_preposition(window_extractor):
    rules = rules_for(window_extractor, "Hundreds of Malaysians attacked Israel.", "en")
    assert [a.text for a in rules.actors][:1] == ["Malaysians"]
    assert rules._prep_before(rules.actors[0], rules.sent.start) is None


def test_the_of_inside_a_title_is_the_titles_not_a_preposition(window_extractor):
    # "Secretary of State" is one role noun: its 'of' governs 'State', not the name after the title
    rules = rules_for(window_extractor, "Secretary of State Antony Blinken met Enrique Manalo.", "en")
    blinken = actor(rules, "antony_blinken")
    assert rules._prep_before(blinken, rules.sent.start) is None and rules._is_free(blinken)
    rules = rules_for(window_extractor, "Iran welcomed the visit of Foreign Minister Enrique Manalo.", "en")
    assert rules._prep_before(actor(rules, "enrique_manalo"), rules.sent.start) == "of"


def test_actor_after_preposition_is_not_free(window_extractor):
    rules = rules_for(window_extractor, "Iran attacked Israel from Syria.", "en")
    assert rules._is_free(actor(rules, "irn")) and rules._is_free(actor(rules, "isr"))
    assert not rules._is_free(actor(rules, "syr"))


@pytest.mark.parametrize("lang,text,kbs", [
    ("en", "Russia, China and Iran criticised Israel.", ["rus", "chn", "irn"]),
    ("id", "Rusia, Tiongkok dan Iran mengecam Israel.", ["rus", "chn", "irn"]),
    ("id", "Rusia serta Iran mengecam Israel.", ["rus", "irn"]),
])
def test_coordinated_actors_group_leftwards(window_extractor, lang, text, kbs):
    rules = rules_for(window_extractor, text, lang)
    assert [sp.kb_id_ for sp in rules._group_left(actor(rules, "irn"))] == kbs


@pytest.mark.parametrize("lang,text", [
    ("en", "Iran criticised Israel and Egypt."),
    ("id", "Iran mengecam Israel dan Mesir."),
])
def test_coordinated_objects_group_rightwards(window_extractor, lang, text):
    rules = rules_for(window_extractor, text, lang)
    assert [sp.kb_id_ for sp in rules._group_right(actor(rules, "isr"), rules.sent.end)] == ["isr", "egy"]


def test_actors_without_a_coordinator_are_not_a_group(window_extractor):
    rules = rules_for(window_extractor, "Iran told Israel Egypt would help.", "en")
    assert [sp.kb_id_ for sp in rules._group_right(actor(rules, "isr"), rules.sent.end)] == ["isr"]


@pytest.mark.parametrize("lang,text,word", [
    ("en", "Iran said Israel attacked.", "said"),
    ("id", "Iran mengatakan Israel menyerang.", "mengatakan"),
    ("en", "Iran attacked because Israel struck.", "because"),
])
def test_clause_break_words(window_extractor, lang, text, word):
    rules = rules_for(window_extractor, text, lang)
    i = rules.lows.index(word.lower())
    assert rules._clause_break_between(0, i + 1) and not rules._clause_break_between(0, i)


def test_next_and_previous_trigger(window_extractor):
    rules = rules_for(window_extractor, "Iran attacked Israel and Egypt criticised Qatar.", "en")
    attacked, criticised = trigger(rules, "attacked"), trigger(rules, "criticised")
    assert rules._next_trigger_start(attacked) == criticised.start
    assert rules._next_trigger_start(criticised) == rules.sent.end
    assert rules._prev_trigger_end(criticised) == attacked.end


def test_rules_see_only_their_own_sentence(window_extractor):
    text = "Iran attacked Israel. Egypt criticised Qatar."
    first = rules_for(window_extractor, text, "en", sentence=0)
    second = rules_for(window_extractor, text, "en", sentence=1)
    assert [a.kb_id_ for a in first.actors] == ["irn", "isr"] and [a.kb_id_ for a in second.actors] == ["egy", "qat"]
    assert [t.text for t in second.triggers] == ["criticised"]


def test_places_are_kept_apart_from_actors(window_extractor):
    rules = rules_for(window_extractor, "In Geneva, Japan met with Vietnam.", "en")
    assert [p.kb_id_ for p in rules.places] == ["place:geneva"] and [a.kb_id_ for a in rules.actors] == ["jpn", "vnm"]


def test_sentences_of_is_computed_once(window_extractor):
    from kg.extract.sentence import sentences_of

    doc = processed_doc(window_extractor, "Iran attacked Israel. Egypt criticised Qatar.", "en")
    assert sentences_of(doc) is sentences_of(doc) and len(sentences_of(doc)) == 2


@pytest.mark.parametrize("lang,text", [
    ("id", "Menurut militer Ukraina, Rusia menyerang Kharkiv."),
    ("en", "According to Kyiv, Russia attacked Kharkiv."),
])
def test_the_source_of_a_report_joins_no_list_with_the_subject(window_extractor, lang, text):
    rules = rules_for(window_extractor, text, lang)
    rus = actor(rules, "rus")
    assert [sp.kb_id_ for sp in rules._group_left(rus)] == ["rus"]


@pytest.mark.parametrize("lang,words,start,want", [
    ("en", "he and President Ferdinand Marcos", 3, 2),  # "President"
    ("en", "he and Prime Minister Anthony Albanese", 4, 2),  # "Prime Minister", two words
    ("id", "ia dan Perdana Menteri Anthony Albanese", 4, 2),
    ("en", "he and the Philippines", 3, 3),  # no office: the name's own start
])
def test_office_words_before_a_name(lang, words, start, want):
    from kg.extract.sentence import _before_office

    assert _before_office(words.lower().split(), 0, start, lang) == want


@pytest.mark.parametrize("lang,text", [
    ("id", "Ia dan Presiden Ferdinand Marcos Jr. menandatangani perjanjian pertahanan."),
    ("en", "He and President Ferdinand Marcos Jr. signed a defence agreement."),
])
def test_name_suffix_ends_no_sentence(window_extractor, lang, text):
    # lang.json name_suffixes are kept one token, as the titles are (kg/nlp/pipeline.py keep_abbreviations)
    assert len(list(processed_doc(window_extractor, text, lang).sents)) == 1
