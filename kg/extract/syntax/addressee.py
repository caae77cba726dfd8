"""Whom an object-control verb addresses, and the adposition that marks a nominal: the two readings the role walks
(:mod:`kg.extract.syntax.roles`) and the appeal vetoes (:mod:`kg.extract.syntax.asked`) share."""

from __future__ import annotations

from kg.extract.syntax.data import NOUN_POS, OBJECTS, SUBJECTS, role_data


def _case(tok) -> str | None:
    """The adposition of a nominal (its ``case`` child; multi-word "according to", "out of" by first word), or of its
    first modifier where the parser hung it there: "by Russian drones" parsed with 'by' on 'Russian'."""
    found = next((c.lower_ for c in tok.children if c.dep_ in ("case", "mark") and c.i < tok.i), None)
    if found is None and tok.pos_ in ("NOUN", "PROPN"):
        first = next((c for c in tok.children if c.i < tok.i and c.dep_ in ("amod", "compound")), None)
        if first is not None:
            found = next((c.lower_ for c in first.children if c.dep_ == "case" and c.i < first.i), None)
    return found


def addressed(verb, clause, lang: str, names_actor) -> list:
    """Whom an object-control ``verb`` addresses, the one asked to do the act of its controlled ``clause``, as parse
    tokens: its objects ("urged Israel to ...", "mendesak Hamas agar ..."); else an oblique before the clause after
    an addressee adposition (syntax.json adpositions ``addressee``) for which ``names_actor`` holds ("called on
    Israel to ...", "menyerukan kepada Israel untuk ..."; not a date: "called on Monday for ..."); else the subject
    of the clause right after the verb, where the parse made the one asked that clause's subject ("meminta Israel
    menjamin ...", "asked its citizens to leave"). That ``verb`` is an object-control verb and ``clause`` a clause
    it controls is the caller's to say."""
    found = [c for c in verb.children if c.dep_ in OBJECTS + ("iobj",)]
    if not found:  # "mendesak para diplomatnya agar berunding ...", parsed with the object as a nominal xcomp
        found = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in NOUN_POS and verb.i < c.i < clause.i]
    if not found:
        preps = role_data(lang).adps("addressee")
        found = [c for c in verb.children if c.dep_ in ("obl", "nmod", "obl:arg") and verb.i < c.i < clause.i
                 and _case(c) in preps and names_actor(c)]  # fmt: skip
    return found or [s for s in clause.children if s.dep_ in SUBJECTS and s.left_edge.i == verb.i + 1]
