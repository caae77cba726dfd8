"""kg/extract/syntax/parties.py: the other party of an act a request, demand, refusal or threat is about."""

from __future__ import annotations

import pytest

from .support import extract, pairs


@pytest.mark.parametrize("lang,text,pair", [
    ("en", "Poland demanded reparations from Germany.", ("POL", "DEU", "10")),
    ("id", "Polandia menuntut ganti rugi perang dari Jerman.", ("POL", "DEU", "10")),
])
def test_a_demand_is_made_of_the_actor_its_source_phrase_names(full_extractor, lang, text, pair):
    assert pair in pairs(extract(full_extractor, text, lang))


@pytest.mark.parametrize("lang,text,pair", [
    ("en", "Hungary refused to send weapons to Ukraine.", ("HUN", "UKR", "12")),
    ("id", "Tiongkok mengancam melarang impor anggur dari Australia.", ("CHN", "AUS", "13")),
])
def test_a_refusal_or_threat_targets_the_other_party_of_the_act_it_controls(full_extractor, lang, text, pair):
    found = pairs(extract(full_extractor, text, lang))
    assert pair in found and not any(root in ("07", "16", "17") for _s, _t, root in found), found
