"""kg/extract/syntax/adjunct.py: the party of an act named in a temporal phrase is no party of the main verb."""

from __future__ import annotations

import pytest

from .support import extract, pairs


@pytest.mark.parametrize("lang,text", [
    ("en", "The US halted talks after the attack on Israel."),
    ("en", "Canada expelled two diplomats following the bombing of Ukraine."),
    ("id", "AS menghentikan perundingan setelah serangan terhadap Israel."),
    ("id", "Jepang menarik duta besarnya pasca serangan terhadap Israel."),
])
def test_the_patient_of_an_act_in_a_time_phrase_is_no_target(full_extractor, lang, text):
    assert pairs(extract(full_extractor, text, lang)) == set()


@pytest.mark.parametrize("lang,text,pair", [
    ("en", "The US halted talks with Iran after the attack on Israel.", ("USA", "IRN", "16")),
    ("en", "Turkey recalled its ambassador from Israel after the raid.", ("TUR", "ISR", "16")),
    ("id", "AS menjatuhkan sanksi kepada Iran setelah serangan terhadap Israel.", ("USA", "IRN", "16")),
])
def test_the_verbs_own_party_stays(full_extractor, lang, text, pair):
    assert pairs(extract(full_extractor, text, lang)) == {pair}


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Egypt closed the border following the Israeli strike on Gaza.", {("ISR", "PSE", "19")}),
    ("en", "Jordan sent aid in response to Israel's attack on Gaza.", {("ISR", "PSE", "19")}),
    ("id", "Mesir menutup perbatasan di tengah serangan terhadap Gaza.", set()),
])
def test_an_actor_in_a_time_phrase_is_no_target_of_an_act_that_is_no_response(full_extractor, lang, text, want):
    assert pairs(extract(full_extractor, text, lang)) == want


def test_a_response_keeps_the_phrases_doer(full_extractor):
    got = pairs(extract(full_extractor, "Turkey recalled its ambassador after Israel's attack on Gaza.", "en"))
    assert got == {("TUR", "ISR", "16"), ("ISR", "PSE", "19")}


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Israel launched airstrikes despite Egypt's warnings.", set()),
    ("id", "Israel menarik pasukannya meskipun ada serangan Hamas.", set()),
    ("en", "Turkey recalled its ambassador despite Israel's apology.", {("TUR", "ISR", "16")}),
])
def test_in_spite_of_an_act_only_a_diplomatic_reaction_is_addressed_to_its_doer(full_extractor, lang, text, want):
    assert pairs(extract(full_extractor, text, lang)) == want
