"""The state an envoy is posted to as the target of an act done to that envoy by its own side.

"Israel recalled the Israeli ambassador to Turkey", "Turkey's ambassador to Israel was recalled", "Indonesia menarik
Duta Besar Indonesia untuk Myanmar", "Duta Besar Turki untuk Israel dipanggil pulang": the envoy's mention takes in
where it is posted (:meth:`kg.nlp.actors.ActorTagger._posting`, the mention's ``posted``), so the verb's object is the
doer's own envoy and the act seemed to have no other party. For a trigger marked ``posting_target`` (recalling or
withdrawing an envoy) the posting is the target; with no doer written (a passive without agent) the envoy's own state
is the doer. Other verbs keep the envoy as their party ("summoned Turkey's ambassador", "The ambassador of Turkey to
Israel met Netanyahu").
"""

from __future__ import annotations

from spacy.tokens import Span

from kg.extract.sentence import _Arg
from kg.nlp.context import kg_get


def _posting(span) -> Span | None:
    """The mention of the state or body the envoy ``span`` is posted to (its ``posted`` characters count from the
    envoy mention's first), or None."""
    if type(span) is not Span:
        return None
    posted = (kg_get(span) or {}).get("posted")
    if not posted:
        return None
    base = span.start_char
    return span.doc.char_span(base + posted["start"], base + posted["end"], label=posted["label"], kb_id=posted["id"])


def posted_parties(rules, trigger, source: _Arg | None, target: _Arg | None) -> tuple[_Arg | None, _Arg | None, bool]:
    """``(source, target, used)``: for a ``posting_target`` trigger whose object (or passive subject) ``target`` is one
    envoy posted somewhere, the posting as target and, with no doer, the envoy as the doer (its state's act); else
    the arguments unchanged. A doer of another side than the envoy's leaves them as they are."""
    if not trigger.posting_target or target is None or len(target.spans) != 1:
        return source, target, False
    envoy = target.spans[0]
    dest = _posting(envoy)
    if dest is None or not dest.kb_id_:
        return source, target, False
    if source is None:
        source = _Arg([envoy], target.how)
    elif not rules.same_side(source, _Arg([envoy], target.how)):
        return source, target, False
    return source, _Arg([dest], target.how), True
