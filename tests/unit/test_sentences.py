"""kg/nlp/sentences.py: sentence boundaries (kg_sentencizer), headlines, per-doc lower-case forms."""

from __future__ import annotations

import pytest

from kg.extract.sentence import sentences_of
from kg.nlp.sentences import _is_headline, doc_text, lowers

from .support import processed_doc


def sents(extractor, text, lang="en"):
    return [s.text.strip() for s in sentences_of(processed_doc(extractor, text, lang))]


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Iran attacked Israel. Egypt criticised Qatar.", ["Iran attacked Israel.", "Egypt criticised Qatar."]),
    ("id", "Iran menyerang Israel. Mesir mengecam Qatar.", ["Iran menyerang Israel.", "Mesir mengecam Qatar."]),
])
def test_full_stop_ends_a_sentence(window_extractor, lang, text, expected):
    assert sents(window_extractor, text, lang) == expected


def test_line_break_ends_a_sentence_without_a_stop(window_extractor):
    assert sents(window_extractor, "Iran Strikes Israel\nEgypt criticised Qatar.") == ["Iran Strikes Israel", "Egypt criticised Qatar."]


def test_closing_quote_stays_with_its_sentence(window_extractor):
    text = 'Iran said: "We attacked Israel." Egypt criticised Qatar.'
    assert sents(window_extractor, text) == ['Iran said: "We attacked Israel."', "Egypt criticised Qatar."]


def test_question_and_exclamation_end_sentences(window_extractor):
    assert len(sents(window_extractor, "Will Iran attack? Egypt says no! Qatar agrees.")) == 3


@pytest.mark.parametrize("lang,text", [
    ("en", "Iran Launches Missiles Toward Israeli Territory"),
    ("id", "Iran Luncurkan Rudal Menuju Wilayah Israel"),
])
def test_title_case_line_without_stop_is_a_headline(window_extractor, lang, text):
    assert _is_headline(sentences_of(processed_doc(window_extractor, text, lang))[0])


@pytest.mark.parametrize("text", ["Iran Launches Missiles Toward Israeli Territory.", "Iran launched missiles toward Israel"])
def test_stop_or_lower_case_words_mean_no_headline(window_extractor, text):
    assert not _is_headline(sentences_of(processed_doc(window_extractor, text, "en"))[0])


def test_lowers_are_the_lower_case_tokens_once(window_extractor):
    doc = processed_doc(window_extractor, "Iran ATTACKED Israel.", "en")
    assert lowers(doc) == ["iran", "attacked", "israel", "."]
    assert lowers(doc) is lowers(doc)
    assert doc_text(doc) == "Iran ATTACKED Israel."
