"""kg/nlp/petrarch_layer.py: PETRARCH2's verb dictionary as a trigger layer under kg's curated triggers."""

from __future__ import annotations

import pytest

from kg.nlp.context import kg_get, span_list
from kg.nlp.petrarch_layer import DEFAULT_PARTS, PARTS, is_generic, parts_from_env

from .support import processed_doc


def layer_triggers(extractor, text, lang="en"):
    doc = processed_doc(extractor, text, lang)
    return [(t.text, t.label_, kg_get(t)["trigger"].origin) for t in span_list(doc, "kg_triggers")]


@pytest.mark.parametrize("text,words,code", [
    ("Gunmen gunned down a Syrian soldier.", "gunned down", "193"),
    ("Iran kicked out the Swiss envoy.", "kicked out", "174"),
    ("Russia took over the Ukrainian port.", "took over", "171"),
])
def test_phrasal_verb_with_a_specific_code_is_a_trigger(window_extractor, text, words, code):
    assert layer_triggers(window_extractor, text) == [(words, code, "petrarch2")]


def test_discard_phrase_in_the_sentence_drops_the_layers_trigger(window_extractor):
    assert layer_triggers(window_extractor, "Russia took over the port in the 1914 war.") == []


def test_curated_trigger_is_never_overridden(window_extractor):
    found = layer_triggers(window_extractor, "Iran attacked Israel.")
    assert found == [("attacked", "190", "kg")]


def test_indonesian_has_no_petrarch_layer(window_extractor):
    found = layer_triggers(window_extractor, "Rusia menyerang Ukraina.", "id")
    assert all(origin == "kg" for _w, _c, origin in found)


@pytest.mark.parametrize("value,parts", [
    (None, DEFAULT_PARTS), ("", DEFAULT_PARTS), ("1", DEFAULT_PARTS), ("0", frozenset()),
    ("*", frozenset(PARTS)), ("triggers, discards", frozenset({"triggers", "discards"})),
])
def test_parts_from_the_setting(monkeypatch, value, parts):
    monkeypatch.delenv("KG_PETRARCH", raising=False)
    assert parts_from_env(value) == parts


def test_unknown_part_is_a_one_line_error():
    with pytest.raises(ValueError, match="unknown part"):
        parts_from_env("triggers,verbs")


@pytest.mark.parametrize("code,generic", [("190", True), ("010", True), ("193", False), ("0331", False), ("19", False)])
def test_bare_root_codes_are_generic(code, generic):
    assert is_generic(code) is generic
