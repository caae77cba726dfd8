"""kg/extract/syntax/names.py: persons' names read to the parser as the language's placeholder name."""

from __future__ import annotations

import datetime as dt

import pytest

from .support import extract, one_event, processed_doc


@pytest.mark.parametrize("text,pair", [
    ("Blinken met Prime Minister Fumio Kishida in Tokyo on Monday.", ("USA", "JPN")),
    ("Borrell urged Tehran to release the detained Europeans.", ("IGO:EU", "IRN")),
    ("Lavrov criticised Blinken over the sanctions on Tuesday.", ("RUS", "USA")),
])
def test_a_persons_name_is_parsed_as_a_name_the_parser_knows(full_extractor, text, pair):
    """A surname the English parser never saw ("Blinken", "Borrell") is read by its letters and breaks the
    parse (bench/placeholder_names.py: Blinken 5/30, Borrell 3/30); read as the placeholder name, the
    sentence's subject and object come from the parse, not from the window rules."""
    e = one_event(extract(full_extractor, text, "en", dt.date(2023, 5, 16)))
    assert e.rule.startswith("syntax:verb:nsubj>"), e.rule
    assert (e.sources[0].code, e.targets[0].code) == pair


def test_the_parser_reads_person_names_as_the_placeholder_and_keeps_every_offset(full_extractor):
    from kg.extract.syntax.names import person_names, placeholder_name, words_for_parser

    doc = processed_doc(full_extractor, "Blinken met Prime Minister Fumio Kishida and Japan's envoy.", "en", dt.date(2023, 5, 16))
    names = person_names(doc, 0, len(doc), full_extractor.lex)
    assert [doc[a:b].text for a, b in names] == ["Blinken", "Fumio Kishida"]  # not the state, not the title
    words = words_for_parser(doc[0 : len(doc)], names, placeholder_name("en"))
    assert words == ["John" if w == "Fumio" else "Johnson" if w in ("Blinken", "Kishida") else w for w in (t.text for t in doc)]
    assert placeholder_name("id") == ()  # the Indonesian parser reads foreign names as it reads its own
    assert words_for_parser(doc[0 : len(doc)], names, ()) == [t.text for t in doc]
