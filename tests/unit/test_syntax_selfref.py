"""kg/extract/syntax/selfref.py: a reported clause's subject that is the speaker's own side ("said his country would",
"pasukannya", "the group" of an armed group's speaker) is the speaker. Sentences written for these tests."""

from __future__ import annotations

import pytest

from .support import extract


def _events(ex):
    return {(s.code, t.code, e.root) for e in ex.events for s in e.sources for t in e.targets}


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Armenia's defence minister said his country would attack Azerbaijani positions.", ("ARM", "AZE", "19")),
    ("en", "A Hamas official said the group had fired rockets at Ashkelon.", ("NSA:HAMAS", "ISR", "19")),
    ("id", "Juru bicara Hamas mengatakan kelompok itu telah menembakkan roket ke Ashkelon.", ("NSA:HAMAS", "ISR", "19")),
    ("id", "Menteri Pertahanan Armenia mengatakan pasukannya telah menyerang posisi Azerbaijan.", ("ARM", "AZE", "19")),
])
def test_speaker_own_side(full_extractor, lang, text, want):
    assert want in _events(extract(full_extractor, text, lang))


@pytest.mark.parametrize("lang,text", [
    # a state's army speaks of another group; "the country" of a state's speaker is never read
    ("en", "Israel's army said the group had fired rockets at Ashkelon."),
    ("en", "The US envoy said the country would attack Hezbollah."),
    ("id", "Militer Israel mengatakan kelompok itu telah menembakkan roket ke Ashkelon."),
])
def test_no_speaker_side(full_extractor, lang, text):
    assert not {e for e in _events(extract(full_extractor, text, lang)) if e[2] == "19"}
