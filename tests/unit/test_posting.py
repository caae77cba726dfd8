"""kg/extract/posting.py: the state an envoy is posted to is the target of a recall by the envoy's own side."""

from __future__ import annotations

import pytest

from .support import extract, pairs


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Chile recalled the Chilean ambassador to Israel.", ("CHL", "ISR", "16")),
    ("en", "Chile's ambassador to Israel was recalled.", ("CHL", "ISR", "16")),
    ("id", "Cile memanggil pulang Duta Besar Cile untuk Israel.", ("CHL", "ISR", "16")),
    ("id", "Duta Besar Cile untuk Israel dipanggil pulang.", ("CHL", "ISR", "16")),
    ("id", "Duta Besar Cile untuk Israel ditarik.", ("CHL", "ISR", "16")),
])
def test_a_recalled_envoys_posting_is_the_target(window_extractor, lang, text, want):
    assert pairs(extract(window_extractor, text, lang)) == {want}


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Israel summoned the Chilean ambassador to Israel.", {("ISR", "CHL", "11")}),  # a summons: the envoy's state
    ("en", "The ambassador of Chile to Israel met Turkish officials.", {("CHL", "TUR", "04")}),  # no recall verb
    ("en", "Chile recalled the Chilean ambassador for consultations.", set()),  # no posting
    ("id", "Israel memanggil Duta Besar Cile untuk Israel.", {("ISR", "CHL", "11")}),
])
def test_other_acts_and_unposted_envoys_keep_their_parties(window_extractor, lang, text, want):
    assert pairs(extract(window_extractor, text, lang)) == want
