"""kg/extract/syntax/object_act.py: a ``requires_object`` trigger acts only on an actor the parse makes its direct
object ("mengakui Beijing", "recognised Palestine"), not when a clause follows ("mengakui China lebih kuat")."""

from __future__ import annotations

import pytest

from .support import extract, pairs


@pytest.mark.parametrize("lang,text,pair", [
    ("id", "Nikaragua beralih mengakui Beijing.", ("NIC", "CHN", "05")),
    ("id", "Kosta Rika mengakui Beijing pada 2007.", ("CRI", "CHN", "05")),
    ("en", "Costa Rica recognised Beijing in 2007.", ("CRI", "CHN", "05")),
])
def test_a_state_named_as_the_object_is_recognised(full_extractor, lang, text, pair):
    assert pair in pairs(extract(full_extractor, text, lang))


@pytest.mark.parametrize("lang,text", [
    ("id", "Jepang mengakui China lebih kuat di laut."),
    ("id", "Malaysia mengakui Singapura unggul dalam investasi."),
    ("id", "Menlu Rusia mengakui Ukraina telah menyerang wilayahnya."),
    ("en", "Japan recognised that China was stronger at sea."),
    ("en", "Japan recognises China is a major partner."),
])
def test_an_admission_with_a_clause_is_no_recognition(full_extractor, lang, text):
    assert not any(root == "05" for _s, _t, root in pairs(extract(full_extractor, text, lang)))


def test_the_window_rules_alone_code_no_recognition_by_the_object(window_extractor):
    # without the parse nothing says the name is the object: the act needs it
    assert not any(root == "05" for _s, _t, root in pairs(extract(window_extractor, "Nikaragua beralih mengakui Beijing.", "id")))
