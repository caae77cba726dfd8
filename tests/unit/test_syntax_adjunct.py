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
