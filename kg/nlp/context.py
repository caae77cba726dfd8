"""kg's information on spaCy docs and spans.

- :class:`DocContext`: what kg's components and rules know about one Doc beyond spaCy's annotations
  (its text and reference date, per-doc caches), typed, in one ``doc.user_data`` entry.
- ``kg_get``/``kg_set``: kg's information on a span (``span._.kg``), from :mod:`kg.nlp.spacy_internals`
  (the one module that uses spaCy's internals).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span

from kg.nlp.spacy_internals import kg_get, kg_set

__all__ = ["DocContext", "doc_context", "kg_get", "kg_set", "set_span_list", "span_list"]

_KEY = "kg"


@dataclass(eq=False)
class DocContext:
    """One document's context, made when the Doc is and kept in ``doc.user_data["kg"]``."""

    text: str | None = None  # the document's text (``Doc.text`` joins every token anew on each access)
    ref_date: date | None = None  # the date relative time expressions are read from
    lowers: list[str] | None = None  # every token's lower-case form
    sentences: tuple | None = None  # (sentence spans, their start tokens, {start: is a headline})
    span_lists: dict[str, list[Span]] = field(default_factory=dict)  # doc.spans groups as plain lists
    span_starts: dict[str, list[int]] | None = None  # start tokens of span_lists, for bisecting
    parsed: bool | None = None  # the doc has a dependency parse
    role_tokens: set[int] | None = None  # tokens of role and sector nouns
    sector_starts: dict[int, Span] | None = None  # sector noun spans by start token
    actor_ends: tuple[list[Span], dict[int, Span]] | None = None  # (the kg_actors list, its first span by end token)


def doc_context(doc: Doc) -> DocContext:
    """The doc's :class:`DocContext` (an empty one is made on first use)."""
    ctx = doc.user_data.get(_KEY)
    if ctx is None:
        ctx = doc.user_data[_KEY] = DocContext()
    return ctx


def set_span_list(doc: Doc, group: str, spans: list[Span]) -> None:
    """``doc.spans[group] = spans``, keeping the Span objects too (in start order): iterating a
    SpanGroup makes new Span objects every time."""
    spans = sorted(spans, key=lambda x: x.start)
    doc.spans[group] = spans
    doc_context(doc).span_lists[group] = spans


def span_list(doc: Doc, group: str) -> list[Span]:
    """The spans of ``doc.spans[group]`` in start order (the kept list, unless the group was changed)."""
    lists = doc_context(doc).span_lists
    kept = lists.get(group)
    current = doc.spans.get(group)
    if current is None:
        return []
    if kept is None or len(kept) != len(current):
        kept = lists[group] = sorted(current, key=lambda x: x.start)
    return kept


def _actor_ending_at(doc: Doc, i: int) -> Span | None:
    """The first actor span (in start order) that ends at token ``i``, from a table made once per span list."""
    spans = span_list(doc, "kg_actors")
    ctx = doc_context(doc)
    ends = ctx.actor_ends
    if ends is None or ends[0] is not spans:
        by_end: dict[int, Span] = {}
        for span in spans:
            by_end.setdefault(span.end, span)
        ends = ctx.actor_ends = (spans, by_end)
    return ends[1].get(i)
