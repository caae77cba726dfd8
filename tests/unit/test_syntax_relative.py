"""kg/extract/syntax/relative.py: a name inside a relative clause set off by commas is no doer of a verb after it."""

from __future__ import annotations

import pytest

from .support import extract, pairs


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Iran accused Israel, which the US calls an ally, of attacking Syria.", {("IRN", "ISR", "11")}),
    ("id", "Rusia menuduh Ukraina, yang menerima tank Jerman, menembaki Donetsk.", {("RUS", "UKR", "11"), ("DEU", "UKR", "07")}),
])
def test_a_name_inside_the_clause_is_no_doer_after_it(full_extractor, lang, text, want):
    assert pairs(extract(full_extractor, text, lang)) == want


@pytest.mark.parametrize("lang,text,want", [
    ("en", "The US, which Israel trusts, sanctioned Iran.", {("USA", "IRN", "16")}),
    ("id", "Rusia, yang menerima drone Iran, menyerang Ukraina.", {("IRN", "RUS", "07"), ("RUS", "UKR", "19")}),
])
def test_the_opening_antecedent_is_the_doer(full_extractor, lang, text, want):
    assert pairs(extract(full_extractor, text, lang)) == want


def test_a_doer_before_the_pronoun_stays(full_extractor):
    got = pairs(extract(full_extractor, "AS, yang mendukung Israel, menyerang Suriah.", "id"))
    assert got == {("USA", "ISR", "05"), ("USA", "SYR", "19")}


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Israel attacked a group that Iran funds.", set()),
    ("id", "AS mengecam milisi yang didukung Iran.", set()),
    ("en", "Russia launched missiles that hit Ukraine.", {("RUS", "UKR", "19")}),
    ("id", "Houthi menyerang kapal-kapal yang terkait dengan Israel.", {("NSA:HOUTHIS", "ISR", "19")}),
])
def test_a_relative_clause_on_a_common_noun_keeps_its_doer_to_itself(full_extractor, lang, text, want):
    assert pairs(extract(full_extractor, text, lang)) == want


@pytest.mark.parametrize("text,want", [
    ("Iran menuduh Israel, yang dipasok senjata oleh AS, membom Lebanon.", {("IRN", "ISR", "11"), ("USA", "ISR", "07")}),
    ("China mengkritik Jepang, yang didukung AS, dan menjatuhkan sanksi kepada Tokyo.",
     {("CHN", "JPN", "11"), ("USA", "JPN", "05"), ("CHN", "JPN", "16")}),
])
def test_a_verb_after_the_clause_continues_its_antecedent(full_extractor, text, want):
    assert pairs(extract(full_extractor, text, "id")) == want


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Turkey condemned the attack which the PKK carried out.", {("TUR", "NSA:PKK", "11")}),
    ("id", "Turki mengecam serangan yang dilakukan PKK.", {("TUR", "NSA:PKK", "11")}),
    ("en", "The US condemned the militia that Iran funds.", set()),
])
def test_a_relative_clause_on_an_event_noun_names_its_doer(full_extractor, lang, text, want):
    assert pairs(extract(full_extractor, text, lang)) == want
