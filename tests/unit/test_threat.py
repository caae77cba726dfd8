"""kg/extract/threat.py: a strike-back said of the future, in what its doer's speaker says, is the speaker's threat."""

from __future__ import annotations

import pytest

from .support import extract, pairs


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Iran said it would retaliate against Israel.", {("IRN", "ISR", "13")}),
    ("en", '"We will strike back against Israel," Iran said.', {("IRN", "ISR", "13")}),
    ("id", "Iran mengatakan akan membalas Israel.", {("IRN", "ISR", "13")}),
    ("id", '"Kami akan membalas Israel," kata Iran.', {("IRN", "ISR", "13")}),
])
def test_a_strike_back_said_of_the_future_is_a_threat(full_extractor, lang, text, want):
    ex = extract(full_extractor, text, lang)
    assert pairs(ex) == want
    assert all(e.modality.value == "asserted" for e in ex.events)


@pytest.mark.parametrize("lang,text", [
    ("en", "Israel retaliated against Iran."),  # done, not threatened
    ("en", "US officials said Iran would retaliate against Israel."),  # another's prediction
    ("id", "Israel membalas Iran."),
    ("id", "Iran mengatakan akan membalas surat Israel."),  # a reply to a letter
])
def test_no_threat_without_a_future_strike_back_of_the_speakers(full_extractor, lang, text):
    assert pairs(extract(full_extractor, text, lang)) == set()


def test_a_threat_word_before_it_keeps_its_own_event(full_extractor):
    assert pairs(extract(full_extractor, "Iran vowed to retaliate against Israel.", "en")) == {("IRN", "ISR", "13")}
