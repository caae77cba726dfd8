"""kg/extract/syntax/halted_owner.py: ending or halting another's act is no de-escalation (087) by the one asked.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.syntax.halted_owner import others_act_halted

from .support import extract


def _events(ex):
    return {(s.code, t.code, e.root) for e in ex.events for s in e.sources for t in e.targets}


def test_rule_paths():
    assert others_act_halted("087", "verb:xcomp-control(obj)>obj>nmod:poss")
    assert others_act_halted("087", "verb:nsubj>obj>nmod")
    assert others_act_halted("087", "verb:xcomp-control(obj)>obj>nmod:poss+obj>nmod(of)")
    assert not others_act_halted("087", "verb:xcomp-control>obl(on)")
    assert not others_act_halted("190", "verb:nsubj>obj>nmod:poss")
    assert not others_act_halted("087", None)


@pytest.mark.parametrize("lang,text,want,absent", [
    ("en", "Oman urged Iran to end the Houthis' attacks on shipping.", ("OMN", "IRN", "02"), "08"),
    ("id", "Oman mendesak Iran menghentikan serangan Rusia terhadap Ukraina.", ("OMN", "IRN", "02"), "08"),
])
def test_others_act_halted_gives_the_appeal_only(full_extractor, lang, text, want, absent):
    got = _events(extract(full_extractor, text, lang))
    assert want in got and not any(e[2] == absent for e in got)


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Israel halted its strikes on Syria.", ("ISR", "SYR", "08")),
    ("id", "Israel menghentikan serangannya terhadap Suriah.", ("ISR", "SYR", "08")),
])
def test_own_act_halted_stays(full_extractor, lang, text, want):
    assert want in _events(extract(full_extractor, text, lang))
