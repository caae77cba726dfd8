"""kg/extract/echo_doer.py: a second doer named after an echo of the act ("and so did France", "begitu pula Prancis")."""

from __future__ import annotations

import pytest

from .support import extract, pairs


@pytest.mark.parametrize("lang,text,found", [
    ("en", "Britain condemned North Korea, and so did France.", {("GBR", "PRK", "11"), ("FRA", "PRK", "11")}),
    ("en", "The United States imposed sanctions on Russia, as did the European Union.", {("USA", "RUS", "16"), ("IGO:EU", "RUS", "16")}),
    ("id", "Inggris mengecam Korea Utara, begitu pula Prancis.", {("GBR", "PRK", "11"), ("FRA", "PRK", "11")}),
    ("id", "Polandia mengirim senjata ke Ukraina, dan demikian juga dengan Slowakia.", {("POL", "UKR", "07"), ("SVK", "UKR", "07")}),
])
def test_the_actor_after_the_marker_did_the_act_too(full_extractor, lang, text, found):
    assert pairs(extract(full_extractor, text, lang)) == found


@pytest.mark.parametrize("lang,text", [
    ("en", "Britain rejected the treaty, and so did Russia."),
    ("id", "Inggris menolak perjanjian itu, dan begitu pula Rusia."),
])
def test_the_echoed_doer_is_never_the_target(full_extractor, lang, text):
    assert not pairs(extract(full_extractor, text, lang))


def test_a_marker_before_a_verb_of_its_own_adds_no_doer(full_extractor):
    found = pairs(extract(full_extractor, "Inggris mengecam Iran. Begitu pula Prancis mengecam Rusia.", "id"))
    assert found == {("GBR", "IRN", "11"), ("FRA", "RUS", "11")}
