"""Targets coordinated across a date: "will visit India on August 21-23 and Malaysia on August 23-25", "berkunjung ke
India 21-23 Agustus dan Malaysia 23-25 Agustus", "visited Japan on Monday and South Korea on Wednesday", "ke Jepang pada
10 Mei dan ke Korea Selatan pada 13 Mei".

A date written after the first conjunct puts the coordinator after the date, and the parser hangs the second conjunct
on the date ("Malaysia" a ``conj`` of "Agustus", the first conjunct's ``nmod``; "South Korea" of "12", the verb's
``obl``) or, with its adposition repeated, on the verb ("dan ke Korea Selatan" a ``conj`` of "berkunjung"). The second
conjunct is then what the first is: another destination, another target. :func:`dated_conjuncts` finds the conjuncts
hung on a date; :func:`is_date_phrase` says what a date is here: a phrase of numbers, adpositions and punctuation with
a month, weekday or unit name (``time.json``) or a year in it, and the words of relative periods, nothing else ("pada
Senin", "on May 10-12", "21-23 Agustus", "pada 2022", "bulan lalu", "last month": "withdrew from Mali in 2022 and from
Niger last month").
"""

from __future__ import annotations

from kg.caching import per_language
from kg.extract.syntax.data import SUBJECTS, VERB_POS

DATE_POS = ("NUM", "SYM", "PUNCT", "ADP", "DET")  # the other words of a date phrase: "on May 10-12", "pada 10 Mei"


class DateWords(frozenset):
    """The words a date phrase is made of, lower-case: names (a month, a weekday, a unit of time: "Mei", "Monday",
    "bulan", "year") and ``modifiers``, words that only go with a name ("lalu", "last", "ini", "this", "ago")."""

    modifiers: frozenset = frozenset()


@per_language
def date_words(lang: str) -> DateWords:
    """The language's date words (``time.json``: month and weekday names, units of time, the words of its relative
    periods and of "ago"; empty when it has none), read once per language: every frame's role walker
    (:class:`~kg.extract.syntax.roles._Roles`) asks for them."""
    from kg.nlp.timex import _tagger

    try:
        tagger = _tagger(lang)
    except LookupError:
        return DateWords()
    v = tagger.v
    names = frozenset(tagger.months) | frozenset(tagger.weekdays) | frozenset(tagger.units)
    before = v.get("weekday_before", {})
    phrases = [*v.get("relative_periods", {}), *v.get("ago", []), *v.get("weekday_past", []), *v.get("weekday_future", []),
               *before.get("past", []), *before.get("future", [])]  # fmt: skip
    modifiers = frozenset(w for p in phrases for w in p.lower().split()) - names
    words = DateWords(names | modifiers)
    words.modifiers = modifiers
    return words


def is_date_phrase(tok, words: frozenset[str]) -> bool:
    """Whether ``tok``'s phrase, its conjuncts left out, is a date: numbers, adpositions, punctuation, modifiers of
    ``words`` and at least one month, weekday or unit name of ``words`` or a year ("pada 2022", "bulan lalu", "last
    month")."""
    if not words:
        return False
    from kg.nlp.timex import TimeTagger

    modifiers = getattr(words, "modifiers", frozenset())
    named = False
    stack = [tok]
    while stack:
        t = stack.pop()
        low = t.lower_
        if low in words:
            named = named or low not in modifiers
        elif t.pos_ == "NUM" and TimeTagger.year_of(t.text) is not None:
            named = True
        elif t.pos_ not in DATE_POS:
            return False
        stack.extend(c for c in t.children if c.dep_ not in ("conj", "cc"))
    return named


def dated_conjuncts(tok, words: frozenset[str]) -> list:
    """The conjuncts hung on the date ``tok`` that are nouns, not clauses ("... 21-23 Agustus dan Malaysia": Malaysia;
    "on Monday and Ukraine struck back" has a verb, no conjunct here); none when ``tok`` is no date phrase."""
    if not is_date_phrase(tok, words):
        return []
    return [c for c in tok.children if c.dep_ == "conj" and is_noun_conjunct(c, words)]


def is_noun_conjunct(c, words: frozenset[str]) -> bool:
    """Whether the conjunct ``c`` is a noun phrase that ends the coordination: no verb and no subject of its own, and
    followed by a date, an adposition, a punctuation mark or nothing ("dan Malaysia 23-25 Agustus", "and South Korea on
    May 13"), not by a verb the parser left outside it ("... on Monday and Ukraine struck back", "dan Ukraina membalas")."""
    if c.pos_ in VERB_POS or any(x.dep_ in SUBJECTS or x.pos_ in VERB_POS for x in c.children):
        return False
    after = c.right_edge.i + 1
    if after >= len(c.doc):
        return True
    nxt = c.doc[after]
    return nxt.pos_ in DATE_POS or nxt.lower_ in words


def verb_dated_conjuncts(r, tok, found: list, preps: frozenset) -> list:
    """More targets of the verb ``tok`` (``r``: its :class:`~kg.extract.syntax.roles._Roles`) coordinated with its targets
    ``found`` across a date the parse hangs on the verb: "visit Japan on May 10-12 and South Korea ...", "ke Jepang pada
    10 Mei dan ke Korea Selatan pada 13 Mei" (the adposition repeated: a conjunct of the verb marked as the first is, on
    the verb or on its object: "menjatuhkan sanksi terhadap Iran pada 2019 dan terhadap Venezuela pada 2020")."""
    base = found[0].rule
    more: list = []
    dated = any(is_date_phrase(c, r.dates) for c in tok.children if c.dep_ != "conj")
    for c in tok.children:
        if c.dep_ != "conj":
            for cc in dated_conjuncts(c, r.dates):
                more += r.actors_in(cc, f"{base}+conj")
        elif dated and r._case(c) in preps and base.endswith(f"({r._case(c)})") and is_noun_conjunct(c, r.dates):
            more += r.actors_in(c, f"{base}+conj")
    known = {a.index for a in found}
    return [a for a in more if a.index not in known]
