"""kg/extract/apposed.py: a list of actors set off by commas after a group noun, read off the words."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from kg.extract.apposed import apposed_members, group_heads


def _read(lang: str, words: list[str], names: list[tuple[int, int]], close: int, final: bool = False):
    doc = spacy.blank(lang).make_doc(" ".join(words))
    assert [t.text for t in doc] == words
    at = {i: k for k, (s, e) in enumerate(names) for i in range(s, e)}
    return apposed_members(doc, at, names, close, lang, final=final)


def test_list_after_a_group_noun():
    words = "Tiga negara , Mali , Burkina Faso dan Niger , keluar".split()
    assert _read("id", words, [(3, 4), (5, 7), (8, 9)], 9) == ([0, 1, 2], 2)


def test_list_after_a_relative_clause_on_the_group_noun():
    words = "Three countries led by juntas , Mali , Burkina Faso and Niger , left".split()
    assert _read("en", words, [(6, 7), (8, 10), (11, 12)], 12) == ([0, 1, 2], 5)


@pytest.mark.parametrize("words,names,close", [
    ("Three countries sanctioned Mali , Burkina Faso and Niger , saying".split(), [(3, 4), (5, 7), (8, 9)], 9),  # no comma opens it
    ("Three countries backed by Russia , Mali and Niger , left".split(), [(4, 5), (6, 7), (8, 9)], 9),  # an actor before: no apposition read
    ("Two countries , Mali , Niger , left".split(), [(3, 4), (5, 6)], 6),  # no 'and'
    ("Two countries , Niger , left".split(), [(3, 4)], 4),  # one name is no list
])
def test_no_apposed_list(words, names, close):
    assert _read("en", words, names, close) is None


def test_object_list_closed_by_the_sentence_end():
    words = "France criticised two countries , Mali and Niger .".split()
    assert _read("en", words, [(5, 6), (7, 8)], 8) is None
    assert _read("en", words, [(5, 6), (7, 8)], 8, final=True) == ([0, 1], 4)


def test_group_heads_are_language_data():
    assert "countries" in group_heads("en") and "negara" in group_heads("id")
