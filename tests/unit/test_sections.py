"""kg/nlp/sections.py: long documents cut at paragraph, line, sentence or space boundaries, and joined back."""

from __future__ import annotations

from kg.nlp.context import span_list
from kg.nlp.sections import join_docs, split_sections


def test_pieces_join_back_to_the_text():
    text = "Iran attacked Israel. Egypt criticised Qatar.\n\nJapan met Vietnam. " * 20
    pieces = list(split_sections(text, 150))
    assert "".join(pieces) == text and all(len(p) <= 150 for p in pieces)


def test_paragraph_break_is_preferred():
    text = "One sentence here. Another one.\n\nSecond paragraph starts. More."
    assert list(split_sections(text, 50))[0] == "One sentence here. Another one.\n\n"


def test_line_break_when_no_paragraph():
    text = "First line of words\nSecond line of words. And more."
    assert list(split_sections(text, 30))[0] == "First line of words\n"


def test_sentence_end_when_no_line_break():
    text = "Iran attacked Israel. Egypt criticised Qatar today."
    assert list(split_sections(text, 30))[0] == "Iran attacked Israel. "


def test_space_when_no_sentence_end():
    assert list(split_sections("aaaa bbbb cccc dddd", 10)) == ["aaaa bbbb ", "cccc dddd"]


def test_one_giant_token_is_cut():
    assert list(split_sections("x" * 25, 10)) == ["x" * 10, "x" * 10, "x" * 5]


def test_short_and_empty_texts_are_one_piece():
    assert list(split_sections("Short.", 100)) == ["Short."] and list(split_sections("", 100)) == [""]


def test_joined_docs_keep_whole_text_offsets_and_spans(window_extractor):
    from .support import REF

    nlp = window_extractor.nlp("en")
    text = "Egypt criticised Qatar. Iran attacked Israel."
    parts = list(split_sections(text, 30))
    assert len(parts) == 2
    doc = join_docs([window_extractor._process(nlp, p, REF) for p in parts], text)
    assert doc.text == text
    assert [(a.text, a.start_char) for a in span_list(doc, "kg_actors")] == [("Egypt", 0), ("Qatar", 17), ("Iran", 24), ("Israel", 38)]
