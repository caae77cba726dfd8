"""kg/extract/syntax/joint.py: the partner of a verb of joining forces does the subjectless clause it governs too,
and no clause with a subject of its own, nor one a time word sets apart from the partner."""

from __future__ import annotations

import pytest

from .support import extract, pairs


@pytest.mark.parametrize("lang,text", [
    ("en", "Denmark cooperated with Finland to impose sanctions on Belarus."),
    ("id", "Denmark bekerja sama dengan Finlandia untuk menyerang Belarus."),
])
def test_the_partner_does_the_governed_act(full_extractor, lang, text):
    found = {(s, t) for s, t, _ in pairs(extract(full_extractor, text, lang))}
    assert {("DNK", "BLR"), ("FIN", "BLR")} <= found


@pytest.mark.parametrize("lang,text", [
    ("en", "Denmark cooperated with Finland while Poland condemned Belarus."),
    ("id", "Denmark bekerja sama dengan Finlandia, sementara Polandia mengecam Belarus."),
])
def test_a_clause_with_its_own_subject_is_no_joint_act(full_extractor, lang, text):
    found = {(s, t) for s, t, _ in pairs(extract(full_extractor, text, lang))}
    assert ("FIN", "BLR") not in found and ("POL", "BLR") in found
