"""kg's information on spaCy spans and docs: the one place that reads spaCy's extension storage."""

from __future__ import annotations

from spacy.tokens import Doc, Span


def kg_get(span) -> dict | None:
    """kg's information on a span (what resolved it, its trigger or time value): ``span._.kg``, read
    directly from where spaCy keeps it (building ``span._`` costs more than the rest of the lookup)."""
    if type(span) is Span:
        return span.doc.user_data.get(("._.", "kg", span.start_char, span.end_char))
    return span._.kg  # kg.extract._Ref and other stand-ins


def set_span_list(doc: Doc, group: str, spans: list[Span]) -> None:
    """``doc.spans[group] = spans``, keeping the Span objects too (in start order): iterating a
    SpanGroup makes new Span objects every time."""
    spans = sorted(spans, key=lambda x: x.start)
    doc.spans[group] = spans
    doc.user_data[("kg_list", group)] = spans


def span_list(doc: Doc, group: str) -> list[Span]:
    """The spans of ``doc.spans[group]`` in start order (the kept list, unless the group was changed)."""
    kept = doc.user_data.get(("kg_list", group))
    current = doc.spans.get(group)
    if current is None:
        return []
    if kept is None or len(kept) != len(current):
        kept = sorted(current, key=lambda x: x.start)
        doc.user_data[("kg_list", group)] = kept
    return kept


def kg_set(span: Span, info: dict) -> None:
    """Set ``span._.kg`` (the same storage as spaCy's, so ``span._.kg`` reads it back)."""
    span.doc.user_data[("._.", "kg", span.start_char, span.end_char)] = info


def _actor_ending_at(doc: Doc, i: int) -> Span | None:
    for span in span_list(doc, "kg_actors"):
        if span.end == i:
            return span
    return None
