"""A second doer named after an elliptical echo of the act: "Britain condemned Iran, and so did France", "..., as did
France", "Inggris mengecam Iran, begitu pula Prancis", "..., dan demikian juga dengan Prancis".

The marker (``echo_doer_markers`` in lang.json) stands for the act just said, and the actors named after it, closing
their clause, did it too: they join the act's doers with the same target. They are never its target, where the window
rules or the parse took the last actor after the verb for its object ("Grenville menolak perjanjian apa pun, dan
begitu pula Tsar Alexander": Russia rejected the treaty too; Britain did not reject Russia).

The act echoed is the trigger the marker follows with no other trigger between them, in the same sentence; the
marker follows a comma or a coordinator; the actors after it (a list joined by coordinators) end at a punctuation
mark or the sentence's end: "Begitu pula Prancis mengecam ..." has a verb of its own and is none.
"""

from __future__ import annotations

from kg.caching import per_language
from kg.extract.sentence import _Arg
from kg.lang.settings import settings


@per_language
def _markers(lang: str) -> tuple[tuple[str, ...], ...]:
    """The language's ``echo_doer_markers`` as tuples of words, longest first (split once, not per token)."""
    phrases = {tuple(m.lower().split()) for m in settings(lang).echo_doer_markers or ()}
    return tuple(sorted((p for p in phrases if p), key=lambda p: (-len(p), p)))


def _marker_at(rules, k: int, end: int) -> int:
    """The length in words of the longest ``echo_doer_markers`` phrase starting at token ``k`` (before ``end``), or 0."""
    lows = rules.lows
    for words in _markers(rules.lang):
        n = len(words)
        if k + n <= end and lows[k] == words[0] and tuple(lows[k : k + n]) == words:
            return n
    return 0


def echoed_doers(rules, trig) -> list:
    """The actor spans an echo marker after ``trig`` names as its doers too (module doc), in order; none when there
    is no such marker."""
    if not _markers(rules.lang):
        return []
    sent_end = rules.sent.end
    later = [t.start for t in rules.triggers if t.start >= trig.end]
    stop = min(later, default=sent_end)
    coordinators = rules.s.coordinators
    for k in range(trig.end + 1, stop):
        n = _marker_at(rules, k, sent_end)
        if not n:
            continue
        before = rules.doc[k - 1]
        if not (before.is_punct or rules.lows[k - 1] in coordinators):
            return []
        found: list = []
        i = k + n
        for a in sorted(rules.actors, key=lambda a: a.start):
            if a.start < i:
                continue
            between = rules.doc[i : a.start]
            if not found:  # right after the marker, or after a determiner: "as did the European Union"
                if any(rules.lows[t.i] not in rules.s.determiners for t in between):
                    break
            elif not between or any(not (t.is_punct or rules.lows[t.i] in coordinators or rules.lows[t.i] in rules.s.determiners) for t in between):
                break
            found.append(a)
            i = a.end
        if not found or (i < sent_end and not rules.doc[i].is_punct):
            return []
        return found
    return []


def with_echoed_doers(rules, trig, source, target):
    """``(source, target)`` of ``trig`` with the doers an echo marker names after it (:func:`echoed_doers`) added to
    ``source`` and taken out of ``target`` (None when nothing else is left of it)."""
    if source is None:
        return source, target
    doers = echoed_doers(rules, trig)
    if not doers:
        return source, target
    spans = {(a.start, a.end) for a in doers}
    if target is not None:
        kept = [sp for sp in target.spans if (sp.start, sp.end) not in spans]
        target = _Arg(kept, target.how) if kept else None
    have = {(sp.start, sp.end) for sp in source.spans}
    added = [a for a in doers if (a.start, a.end) not in have]
    if added:
        source = _Arg(list(source.spans) + added, source.how + "+echo")
    return source, target
