"""kg/extract/places.py: where an event happened and the quantities stated with it."""

from __future__ import annotations

import pytest

from .support import extract, one_event, rules_for, trigger


@pytest.mark.parametrize("lang,text,verb", [
    ("en", "Malaysia sent aid to Myanmar in Yangon.", "sent"),
    ("id", "Malaysia mengirim bantuan ke Myanmar di Yangon.", "bantuan"),
])
def test_locative_place_after_the_trigger_is_where(window_extractor, lang, text, verb):
    rules = rules_for(window_extractor, text, lang)
    place = rules.place_for(trigger(rules, verb))
    assert place is not None and place.id == "yangon"


@pytest.mark.parametrize("lang,text", [
    ("en", "In Geneva, Japan met with Vietnam."),
    ("id", "Di Jenewa, Jepang bertemu dengan Vietnam."),
])
def test_place_opening_the_sentence_is_where(window_extractor, lang, text):
    e = one_event(extract(window_extractor, text, lang))
    assert e.place is not None and e.place.id == "geneva"


@pytest.mark.parametrize("lang,text", [
    ("en", "Japan met with Vietnam."),
    ("id", "Jepang bertemu dengan Vietnam."),
])
def test_no_place_named_is_no_place(window_extractor, lang, text):
    assert one_event(extract(window_extractor, text, lang)).place is None


def test_place_after_the_next_trigger_belongs_to_it(window_extractor):
    rules = rules_for(window_extractor, "Iran attacked Israel and Egypt criticised Qatar in Cairo.", "en")
    assert rules.place_for(trigger(rules, "attacked")) is None
    assert rules.place_for(trigger(rules, "criticised")).id == "cairo"


@pytest.mark.parametrize("lang,text,verb,expected", [
    ("en", "Israel killed 34 people in Gaza.", "killed", (("people", 34),)),
    ("id", "Israel menewaskan tujuh petugas di Gaza.", "menewaskan", (("petugas", 7),)),
    ("en", "Russia launched hundreds of drones at Ukraine.", "launched", (("drones", 100),)),
    ("id", "Rusia meluncurkan ratusan drone ke Ukraina.", "meluncurkan", (("drone", 100),)),
])
def test_number_and_its_noun_are_a_quantity(window_extractor, lang, text, verb, expected):
    rules = rules_for(window_extractor, text, lang)
    trig = trigger(rules, verb)
    assert rules.quantities(trig, rules.sent.end) == expected


@pytest.mark.parametrize("lang,text,verb", [
    ("en", "Israel struck Gaza for 3 days.", "struck"),
    ("id", "Israel menyerang Gaza selama 3 hari.", "menyerang"),
])
def test_a_duration_is_no_quantity(window_extractor, lang, text, verb):
    rules = rules_for(window_extractor, text, lang)
    assert rules.quantities(trigger(rules, verb), rules.sent.end) == ()


def test_thousands_separator_is_read(window_extractor):
    rules = rules_for(window_extractor, "Russia fired 1,200 shells at Ukraine.", "en")
    assert rules.quantities(trigger(rules, "fired"), rules.sent.end) == (("shells", 1200),)


def test_quantity_reaches_the_extracted_event(window_extractor):
    e = one_event(extract(window_extractor, "Israel killed 34 people in Gaza.", "en"))
    assert e.quantities == (("people", 34),) and e.place.id == "gaza_strip"
