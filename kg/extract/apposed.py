"""A list of actors set off by commas after a group noun, in apposition to it: "Tiga negara, Mali, Burkina Faso dan
Niger, menyatakan keluar dari ECOWAS", "Three countries led by military juntas, Mali, Burkina Faso and Niger, ...",
"Empat pemerintah Barat, Amerika Serikat, Inggris, Kanada dan Australia, menjatuhkan sanksi ...". The listed actors
are the group: each is the doer of what the group noun does.

The parser reads such a list many ways (the first name as the group noun's conjunct and the rest as a second subject,
all of it on a relative clause's agent, a chain of appositions), and each lost names; the window rules took the
closing comma before a verb of saying for a clause break. :func:`apposed_members` reads the list off the words alone:
a maximal run of actors joined by commas and at least one coordinator ("and", "dan"), opened by a single comma after
a phrase that names no actor of the run, and closed by a comma. The group noun's head is one of the language's
``group_heads`` (syntax.json: "countries", "states", "negara", "pemerintah"); the callers check it is the verb's
subject or object (the parse) or that it opens the clause (the window rules). A list after a verb or an adposition ("sanctioned
Mali, Burkina Faso and Niger") is no apposition: no comma opens it. A group noun with no list names no one here.
"""

from __future__ import annotations

from kg.caching import per_language
from kg.lang.settings import settings

MAX_SEPARATOR = 2  # ", and", ", dan": the words between two listed actors
GROUP_WORDS = 8  # "Tiga negara yang dipimpin junta militer": the most words from the group noun to the list


@per_language
def group_heads(lang: str) -> frozenset[str]:
    """The head nouns of a group a list may be apposed to (syntax.json ``group_heads``)."""
    from kg.extract.syntax.data import role_data

    try:
        return role_data(lang).group_heads
    except LookupError:
        return frozenset()


@per_language
def _joiners(lang: str) -> frozenset[str]:
    """One-word coordinators that join a list ("and", "dan", "serta"), without the comma."""
    return frozenset(c.lower() for c in settings(lang).coordinators if " " not in c and c.isalpha())


def apposed_members(doc, at: dict, bounds: list, close: int, lang: str, *, final: bool = False) -> tuple[list[int], int] | None:
    """The actors (indices into ``bounds``, ``at`` maps a token to its actor) of the list that ends right before the
    comma at token ``close`` (with ``final``, an object's list, also the sentence's closing punctuation), and the token
    of the comma that opens it; None when the words there are no such list (module doc). The caller checks what comes
    before the opening comma."""
    if close <= 0 or close >= len(doc):
        return None
    if doc[close].text != "," and not (final and doc[close].text in ".!?" and (close == len(doc) - 1 or doc[close].is_sent_end)):
        return None
    k = at.get(close - 1)
    if k is None or bounds[k][1] != close:
        return None
    joiners = _joiners(lang)
    members, joined = [k], False
    i = bounds[k][0] - 1
    while True:
        sep = []
        while i >= 0 and len(sep) <= MAX_SEPARATOR and (doc[i].text == "," or doc[i].lower_ in joiners):
            sep.append(i)
            i -= 1
        prev = at.get(i) if i >= 0 else None
        if sep and len(sep) <= MAX_SEPARATOR and prev is not None and bounds[prev][1] == i + 1 and prev not in members:
            joined = joined or any(doc[j].lower_ in joiners for j in sep)
            members.insert(0, prev)
            i = bounds[prev][0] - 1
            continue
        if len(members) < 2 or not joined or len(sep) != 1 or doc[sep[0]].text != ",":
            return None  # no list, or one not opened by a lone comma ("sanctioned Mali, Burkina Faso and Niger")
        if prev is not None or i < 0:
            return None
        return members, sep[0]
