"""kg/extract/coordination.py: coordinated actors of a symmetric act that are not each other's partners."""

from __future__ import annotations

import pytest

from .support import extract, pairs, rules_for


@pytest.mark.parametrize("lang,text", [
    ("en", "He met Putin and Xi Jinping in Beijing."),
    ("en", "The envoy held talks with Russia and Ukraine."),
    ("id", "Ia bertemu dengan Putin dan Xi Jinping di Beijing."),
    ("id", "Utusan itu mengadakan perundingan dengan Rusia dan Ukraina."),
])
def test_partners_of_an_unnamed_subject_are_no_pair(full_extractor, lang, text):
    assert not pairs(extract(full_extractor, text, lang))


@pytest.mark.parametrize("lang,text", [
    ("en", "Japan and South Korea are also negotiating."),
    ("en", "Australia, Mexico, Switzerland and India are also negotiating."),
    ("id", "Jepang dan Korea Selatan juga sedang bernegosiasi."),
])
def test_subjects_of_an_echoed_act_are_no_pair(full_extractor, lang, text):
    assert not pairs(extract(full_extractor, text, lang))


@pytest.mark.parametrize("lang,text,pair", [
    ("en", "Japan and South Korea are negotiating.", {"JPN", "KOR"}),
    ("en", "A mediator hosted talks between Israel and Hamas.", {"ISR", "NSA:HAMAS"}),
    ("id", "Rusia dan Ukraina mengadakan perundingan di Istanbul.", {"RUS", "UKR"}),
])
def test_each_others_partners_stay_a_pair(full_extractor, lang, text, pair):
    found = pairs(extract(full_extractor, text, lang))
    assert any({s, t} == pair and root == "04" for s, t, root in found), found


@pytest.mark.parametrize("lang,text", [
    ("en", "Speaking after Russian troops crossed the border, the senator blamed Belarus and Kazakhstan."),
    ("en", "After Russian troops crossed the border, he condemned Belarus."),
    ("id", "Setelah pasukan Rusia menyeberangi perbatasan, ia mengecam Belarus."),
])
def test_an_actor_before_the_parses_subject_is_not_the_doer(full_extractor, lang, text):
    assert not any(s == "RUS" for s, _t, _root in pairs(extract(full_extractor, text, lang)))


@pytest.mark.parametrize("lang,text,pair", [
    ("en", "Russia said Ukrainian drones had attacked the Kursk nuclear plant.", ("UKR", "RUS", "19")),
    ("id", "Rusia, yang menginvasi Ukraina, mengecam Polandia.", ("RUS", "UKR", "19")),
])
def test_a_modifier_or_a_relative_pronouns_antecedent_stays_the_doer(full_extractor, lang, text, pair):
    assert pair in pairs(extract(full_extractor, text, lang))


def test_a_list_head_the_parse_lost_is_kept_only_across_a_comma(window_extractor):
    # the Indonesian parser reads 'Mali' as an adverb: the parse's subjects are Burkina Faso and Niger
    from kg.extract.coordination import listed_before
    from kg.extract.sentence import _Arg

    rules = rules_for(window_extractor, "Mali, Burkina Faso dan Niger mengecam Prancis.", "id")
    mali, bfa, ner = rules.actors[:3]
    assert [sp.kb_id_ for sp in listed_before(_Arg([mali, bfa, ner], "subject"), _Arg([bfa, ner], "nsubj")).spans] == ["mli", "bfa", "ner"]
    assert listed_before(_Arg([mali, bfa, ner], "prep:with"), _Arg([bfa, ner], "nsubj")).spans == [bfa, ner]  # not a subject
    rules = rules_for(window_extractor, "Rusia menyerang Ukraina dan Moldova mengecam Moskow.", "id")
    ukr, mda = rules.actors[1:3]
    assert listed_before(_Arg([ukr, mda], "subject"), _Arg([mda], "nsubj")).spans == [mda]  # 'dan': a clause's object
    rules = rules_for(window_extractor, "Usai bertemu Presiden Prancis, Kanselir Jerman mengkritik Rusia.", "id")
    fra, deu = rules.actors[:2]
    assert listed_before(_Arg([fra, deu], "subject"), _Arg([deu], "nsubj")).spans == [deu]  # a verb's object before it
