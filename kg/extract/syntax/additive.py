"""Targets added with their adposition repeated.

A conjunct with an adposition of its own is no conjunct of a head without one: "Kanada mengerahkan pasukan ke Latvia
dan ke Polandia", parsed with "ke Polandia" a conjunct of the object "pasukan", names no second thing deployed but a
second destination, as "ke Latvia" (the object's ``nmod``) is one (:func:`marked_apart`; :func:`more_targets` adds it
to the verb's targets marked by the same adposition).

An oblique marked by an additive adposition stacked on another: "Selain ke Indonesia, PM Abe juga akan berkunjung
ke India" ("besides to Indonesia"): the second adposition says what the phrase is to the verb, as it would alone, so
Indonesia is another destination of the visit, as India is (syntax.json ``adpositions``: ``additive``).

Such a phrase only adds to the targets the verb has: it is never the act's one target ("Selain kepada Ukraina, Jerman
juga mengirim bantuan kepada Moldova": Moldova, with the target hung on the object, stays). An additive adposition
alone ("Selain Jepang, Prabowo juga mengunjungi China", English "Besides Japan, ...") leaves open which of the verb's
parties the phrase adds to (another visitor or another place visited): it adds nothing.
"""

from __future__ import annotations

from kg.extract.syntax.data import OBJECTS
from kg.extract.syntax.dated import verb_dated_conjuncts


def _own_adp(tok) -> str | None:
    return next((c.lower_ for c in tok.children if c.dep_ == "case" and c.i < tok.i), None)


def marked_apart(conj, head) -> bool:
    """Whether the conjunct ``conj`` has an adposition of its own and its ``head`` none ("pasukan ... dan ke Polandia")."""
    return _own_adp(conj) is not None and _own_adp(head) is None and head.pos_ in ("NOUN", "PROPN")


def stacked_adp(tok, additive) -> str | None:
    """The adposition written after an ``additive`` one before the nominal ``tok`` ("selain ke Indonesia": "ke"), or
    None when ``tok``'s first adposition is no additive one or nothing follows it."""
    if not additive:
        return None
    cases = [c.lower_ for c in tok.children if c.dep_ == "case" and c.i < tok.i]
    if len(cases) >= 2 and cases[0] in additive:
        return cases[1]
    return None


def more_targets(r, tok, found: list, preps: frozenset) -> list:
    """More targets of the verb ``tok`` (``r``: its :class:`~kg.extract.syntax.roles._Roles`) besides its targets
    ``found``: those coordinated across a date (:func:`~kg.extract.syntax.dated.verb_dated_conjuncts`) and those of
    an additive oblique whose stacked adposition is one of the verb's target adpositions ``preps`` (module doc)."""
    more = verb_dated_conjuncts(r, tok, found, preps)
    if not found:
        return more
    known = {a.index for a in found + more}
    additive = r.d.by_role.get("additive")
    for c in tok.children:
        adp = stacked_adp(c, additive) if c.dep_ in ("obl", "nmod", "obl:arg") else None
        if adp is not None and adp in preps:
            more += [a for a in r.actors_in(c, f"obl({adp})+additive") if a.index not in known]
        if c.dep_ in OBJECTS:  # "pasukan ke Latvia dan ke Polandia": a conjunct of the object marked as a target is
            for cc in c.children:
                adp = _own_adp(cc)
                if cc.dep_ == "conj" and marked_apart(cc, c) and adp in preps and any(a.rule.endswith(f"({adp})") for a in found):
                    more += [a for a in r.actors_in(cc, f"obj>nmod({adp})+conj") if a.index not in known]
    return more
