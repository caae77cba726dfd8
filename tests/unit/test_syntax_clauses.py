"""kg/extract/syntax/clauses.py: the subject of a coordinated clause that the parser made a conjunct of the nominal
before it, or the object of the verb before it made part of that clause's subject."""

from __future__ import annotations

import pytest

from .support import extract, pairs


@pytest.mark.parametrize("lang,text,wrong,right", [
    ("en", "Russia attacked Ukraine and Belarus condemned the attack.", ("RUS", "BLR", "19"), ("RUS", "UKR", "19")),
    ("en", "The US imposed sanctions on Iran and Russia criticized Washington.", ("USA", "RUS", "16"), ("RUS", "USA", "11")),
    ("id", "Israel menyerang Gaza dan Mesir mengecam serangan itu.", ("ISR", "EGY", "19"), ("ISR", "PSE", "19")),
    ("id", "AS menjatuhkan sanksi kepada Iran dan Rusia mengkritik Washington.", ("USA", "RUS", "16"), ("RUS", "USA", "11")),
])
def test_the_subject_of_the_next_clause_is_no_object(full_extractor, lang, text, wrong, right):
    found = pairs(extract(full_extractor, text, lang))
    assert right in found and wrong not in found, found


def test_x_and_y_parsed_as_the_next_clauses_subject(full_extractor):
    # parsed with "Israel and Jordan" as the subject of "condemned" and no object of "attacked"
    found = pairs(extract(full_extractor, "Iran attacked Israel and Jordan condemned Iran.", "en"))
    assert found == {("IRN", "ISR", "19"), ("JOR", "IRN", "11")}, found


@pytest.mark.parametrize("lang,text,pair", [
    ("en", "Russia attacked Ukraine and Georgia.", ("RUS", "GEO", "19")),
    ("en", "Russia attacked Ukraine and Georgia using missiles.", ("RUS", "GEO", "19")),
    ("en", "Egypt urged Israel and Jordan to reopen the border.", ("EGY", "JOR", "02")),
    ("id", "Rusia menyerang Ukraina dan Georgia menggunakan rudal.", ("RUS", "GEO", "19")),
    ("id", "Indonesia meminta Israel dan Mesir membuka perbatasan.", ("IDN", "EGY", "02")),
])
def test_a_plain_coordinated_object_keeps_every_target(full_extractor, lang, text, pair):
    assert pair in pairs(extract(full_extractor, text, lang))


@pytest.mark.parametrize("lang,text", [
    ("en", "The rebels attacked British ships and warned Washington."),
    ("id", "Para pemberontak menyerang kapal Inggris dan memperingatkan Washington."),
])
def test_a_name_in_the_first_verbs_object_is_no_doer_of_the_verb_joined_to_it(full_extractor, lang, text):
    assert pairs(extract(full_extractor, text, lang)) == set()


@pytest.mark.parametrize("lang,text", [
    ("en", "The rebels attacked ships and Britain warned Washington."),
    ("id", "Para pemberontak menyerang kapal dan Inggris memperingatkan Washington."),
])
def test_a_clause_with_its_own_subject_keeps_it(full_extractor, lang, text):
    assert pairs(extract(full_extractor, text, lang)) == {("GBR", "USA", "13")}


@pytest.mark.parametrize("lang,text,pair", [
    ("id", "China mengkritik Jepang yang dibela AS.", ("USA", "JPN", "05")),
    ("id", "China mengkritik Jepang yang menyerang Korea Utara.", ("JPN", "PRK", "19")),
    ("id", "Rusia menyerang Ukraina dan Georgia yang didukung NATO.", ("IGO:NATO", "GEO", "05")),
    ("en", "Egypt praised Qatar, which mediated between Israel and Hamas.", ("QAT", "ISR", "04")),
])
def test_a_relative_clause_is_about_the_noun_before_its_pronoun(full_extractor, lang, text, pair):
    found = pairs(extract(full_extractor, text, lang))
    assert pair in found and not any(s in ("CHN", "RUS", "EGY") and r in ("04", "05", "19") and t != pair[0] and s != "RUS"
                                     for s, t, r in found if r == pair[2]), found


@pytest.mark.parametrize("lang,text,wrong,right", [
    ("en", "Poland stayed calm after Belarus attacked Lithuania.", ("POL", "LTU", "19"), ("BLR", "LTU", "19")),
    ("id", "Polandia tetap tenang setelah Belarus menyerang Lituania.", ("POL", "LTU", "19"), ("BLR", "LTU", "19")),
])
def test_a_name_after_a_time_word_is_the_next_clauses_subject(full_extractor, lang, text, wrong, right):
    found = pairs(extract(full_extractor, text, lang))
    assert right in found and wrong not in found, found
