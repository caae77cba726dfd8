"""kg/extract/reading.py: how a trigger's words read in their sentence (a noun trigger matched on a verb's
inflection is a verb), and the place an act of force named by an event noun happened in."""

from __future__ import annotations

import pytest

from .support import extract, pairs


@pytest.mark.parametrize("text", [
    "Russian missiles struck Mykolaiv on Wednesday.",
    "Israeli rockets attacked Beirut's suburbs.",
])
def test_a_noun_trigger_matched_on_a_verb_form_is_a_verb(full_extractor, text):
    assert {p[:2] for p in pairs(extract(full_extractor, text, "en"))} in ({("RUS", "UKR")}, {("ISR", "LBN")})


def test_a_plural_noun_trigger_stays_a_noun(full_extractor):
    assert ("RUS", "UKR", "19") in pairs(extract(full_extractor, "Russian missile strikes on Mykolaiv killed four.", "en"))


@pytest.mark.parametrize("lang,text", [
    ("en", "The shelling by Russia in Mykolaiv killed four people."),
    ("en", "Russian strikes in Mykolaiv killed four people."),
    ("id", "Penembakan oleh Rusia di Mykolaiv menewaskan empat orang."),
    ("id", "Serangan Rusia di Mykolaiv menewaskan empat orang."),
])
def test_the_place_after_an_event_nouns_doer_is_its_target(full_extractor, lang, text):
    assert ("RUS", "UKR", "19") in pairs(extract(full_extractor, text, lang))


def test_a_dates_possessor_before_the_event_noun_still_opens_its_clause(full_extractor):
    ex = extract(full_extractor, "Thursday's Russian missile attack in Mykolaiv killed four people.", "en")
    assert ("RUS", "UKR", "19") in pairs(ex)
    assert {e.date.value for e in ex.events if e.root == "19"} == {"2024-04-11"}  # the possessor's day dates the noun


@pytest.mark.parametrize("lang,text", [
    ("en", "The attack by Hezbollah, whose leaders live in Beirut, killed two soldiers."),
    ("en", "Two soldiers were killed by a Russian strike in Mykolaiv."),
    ("id", "Dua tentara tewas dalam serangan Rusia di Mykolaiv."),
    ("en", "Chinese naval drills in the Taiwan Strait alarmed Taipei."),
])
def test_no_place_target_for_a_governed_noun_a_clause_or_a_drill(full_extractor, lang, text):
    assert not {p for p in pairs(extract(full_extractor, text, lang)) if p[1] in ("LBN", "UKR", "TWN") and p[2] == "19"}


@pytest.mark.parametrize("lang,text", [
    ("en", "Mykolaiv was struck by Russian drones on Friday."),
    ("id", "Mykolaiv digempur artileri Rusia pada Jumat."),
    ("id", "Pelabuhan Mykolaiv dihantam rudal Rusia."),
])
def test_a_place_before_a_passive_verb_of_force_is_its_target(full_extractor, lang, text):
    assert ("RUS", "UKR", "19") in pairs(extract(full_extractor, text, lang))


@pytest.mark.parametrize("lang,text", [
    ("id", "Mykolaiv dihantam drone buatan Iran."),
    ("id", "Kapal di dekat Yaman diserang Houthi."),
])
def test_no_passive_place_for_a_maker_or_a_place_after_a_preposition(full_extractor, lang, text):
    assert pairs(extract(full_extractor, text, lang)) == set()


@pytest.mark.parametrize("lang,text", [
    ("en", "Fighters backed by Iran attacked Israel."),
    ("id", "Pejuang yang didukung Iran menyerang Israel."),
    ("id", "Milisi yang didanai Qatar menyerang Israel."),
])
def test_the_agent_of_a_modifier_on_the_doer_noun_is_no_doer(full_extractor, lang, text):
    assert not {p for p in pairs(extract(full_extractor, text, lang)) if p[0] in ("IRN", "QAT")}


@pytest.mark.parametrize("lang,text", [
    ("en", "Rockets fired by Hamas hit Tel Aviv."),
    ("id", "Roket yang ditembakkan Hamas menghantam Tel Aviv."),
])
def test_the_agent_of_a_weapons_use_is_its_doer(full_extractor, lang, text):
    assert ("NSA:HAMAS", "ISR", "19") in pairs(extract(full_extractor, text, lang))


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Iran's support for Hezbollah worries Israel.", {("IRN", "NSA:HEZBOLLAH", "05")}),
    ("en", "Russia's aid to Syria angered Washington.", {("RUS", "SYR", "07")}),
    ("id", "Dukungan Iran untuk Hizbullah membuat khawatir Israel.", {("IRN", "NSA:HEZBOLLAH", "05")}),
])
def test_the_one_a_verb_of_feeling_names_is_no_target_of_the_act(full_extractor, lang, text, want):
    assert pairs(extract(full_extractor, text, lang)) == want


def test_a_verb_trigger_with_its_own_subject_is_a_verb_though_tagged_a_noun(full_extractor):
    # the English parser tags 'condemn' NOUN in '"We condemn Israel," ...' but gives it 'We' as nsubj (read_as_verb)
    assert ("EGY", "ISR", "11") in pairs(extract(full_extractor, "\"We condemn Israel,\" Egypt's foreign ministry said.", "en"))


@pytest.mark.parametrize("lang,text,name", [
    ("en", "Iran's support for Hezbollah worries Israel.", "Hezbollah"),
    ("id", "Dukungan Iran untuk Hizbullah membuat khawatir Israel.", "Hizbullah"),  # an effect verb of two words
])
def test_a_name_right_before_a_verb_of_feeling_is_seen_as_such_in_both_languages(window_extractor, lang, text, name):
    from kg.extract.reading import before_effect_verb

    from .support import rules_for

    rules = rules_for(window_extractor, text, lang)
    named = next(a for a in rules.actors if a.text == name)
    first = rules.actors[0]
    assert before_effect_verb(named, rules) and not before_effect_verb(first, rules)
