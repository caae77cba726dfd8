"""kg/nlp/phrases.py: PhraseIndex (many token sequences matched at once) and overlap filtering."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import LOWER, ORTH

from kg.nlp.phrases import PhraseIndex, _filter_overlaps


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def test_one_and_many_word_patterns(nlp):
    index = PhraseIndex(nlp.vocab.strings, ORTH)
    index.add("iran", ["Iran"])
    index.add("saudi", ["Saudi", "Arabia"])
    index.add("uae", ["United", "Arab", "Emirates"])
    assert index(nlp("Iran, Saudi Arabia and the United Arab Emirates")) == [("iran", 0, 1), ("saudi", 2, 4), ("uae", 6, 9)]


def test_orth_index_is_case_sensitive_and_lower_index_is_not(nlp):
    orth = PhraseIndex(nlp.vocab.strings, ORTH)
    orth.add("navy", ["Navy"])
    lower = PhraseIndex(nlp.vocab.strings, LOWER)
    lower.add("navy", ["navy"])
    doc = nlp("the navy and the Navy")
    assert orth(doc) == [("navy", 4, 5)]
    assert lower(doc) == [("navy", 1, 2), ("navy", 4, 5)]


def test_prefix_of_a_longer_pattern_does_not_match_alone(nlp):
    index = PhraseIndex(nlp.vocab.strings, ORTH)
    index.add("uae", ["United", "Arab", "Emirates"])
    assert index(nlp("the United Arab League")) == []


def test_overlapping_matches_are_all_returned(nlp):
    index = PhraseIndex(nlp.vocab.strings, ORTH)
    index.add("korea", ["Korea"])
    index.add("north korea", ["North", "Korea"])
    assert index(nlp("North Korea")) == [("north korea", 0, 2), ("korea", 1, 2)]


def test_pattern_at_the_end_of_the_doc(nlp):
    index = PhraseIndex(nlp.vocab.strings, ORTH)
    index.add("sa", ["Saudi", "Arabia"])
    assert index(nlp("Saudi")) == [] and index(nlp("to Saudi Arabia")) == [("sa", 1, 3)]


def test_empty_doc_and_empty_pattern(nlp):
    index = PhraseIndex(nlp.vocab.strings, ORTH)
    index.add("none", [])
    assert len(index) == 0 and index(nlp("")) == []


def test_longest_match_wins_overlaps():
    assert _filter_overlaps([("korea", 1, 2), ("north korea", 0, 2)]) == [("north korea", 0, 2)]


def test_equal_length_overlaps_keep_the_earlier():
    assert _filter_overlaps([("b", 1, 3), ("a", 0, 2)]) == [("a", 0, 2)]


def test_disjoint_matches_are_kept_in_order():
    assert _filter_overlaps([("b", 3, 4), ("a", 0, 2)]) == [("a", 0, 2), ("b", 3, 4)]
