"""Name keys that survive real spelling, over every source of actors (issue #13 item 5).

A name is reduced to a **key**: accents and case dropped (``Niinistö`` = ``NIINISTO``), apostrophes, dots and
hyphens made spaces, each word replaced by its group's first word in ``data/actors/name_variants.json``
(``Qaddafi``, ``Gadhafi`` -> ``GADDAFI``), name particles dropped when not first (``Nouri al-Maliki`` =
``Nouri Maliki``), then a light phonetic skeleton (``kh``/``gh``/``dh``/``th``/``ph`` -> ``h``/``g``/``d``/``t``/
``f``, ``q`` -> ``k``, ``ou`` -> ``u``, ``w`` -> ``v``, a ``y`` between vowels dropped, other ``y`` -> ``i``,
doubled letters single: ``Nazarbayev`` = ``Nazarbaev``, ``Berdimuhamedow`` = ``Berdymukhamedov``).

:class:`NameIndex` maps keys to actor ids. **Full** keys are a name as written; **derived** keys, for people
only, are the name in reversed order (``Abe Shinzo``), with initials (``G W BUSH``, ``SUSILO B YUDHOYONO``),
first and last word (``Gloria Arroyo``) and its last two or more words (``Lula da Silva``); a full key always
wins over a derived one. ``last`` maps a person's last word to their ids (the bare-surname rule,
:mod:`kg.nlp.names`). The index covers the lexicon's actors (curated, office-holders, user files) and the
PETRARCH2 import; it is built once and kept in a pickle keyed on the content of every file it reads.

>>> key("Muammar Qaddafi") == key("Moammar Gadhafi") == key("Muammar al-Gaddafi")
True
>>> key("Sauli Niinistö"), key("Nursultan Nazarbayev") == key("Nursultan Nazarbaev")
('SAULI NINISTO', True)
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from kg.resources import data_dir

log = logging.getLogger(__name__)
_VERSION = 3
_SPECIAL = str.maketrans({"ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "æ": "ae",
                          "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D"})  # fmt: skip
_APOSTROPHES = re.compile(r"['’ʼ‘`´]")
_SPLIT = re.compile(r"[^A-Z0-9]+")
_SKELETON = (("KH", "H"), ("GH", "G"), ("DH", "D"), ("TH", "T"), ("PH", "F"), ("Q", "K"), ("OU", "U"), ("W", "V"))
_Y_BETWEEN_VOWELS = re.compile(r"(?<=[AEIOU])Y(?=[AEIOU])")
_DOUBLE = re.compile(r"(.)\1+")


def variants_path() -> Path:
    return data_dir() / "actors" / "name_variants.json"


@cache
def _variants() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """(word -> its group's first word, particles, joiners) from ``name_variants.json``."""
    path = variants_path()
    data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    canon: dict[str, str] = {}
    for group in data.get("groups", []):
        for word in group:
            canon.setdefault(fold_words(word)[0] if fold_words(word) else word, group[0])
    return canon, frozenset(data.get("particles", [])), frozenset(data.get("joiners", []))


def joiners() -> frozenset[str]:
    """Lower-case words that may stand inside a name in running text (``al``, ``bin``, ``da``, ``van``)."""
    return _variants()[2]


def fold_words(text: str) -> list[str]:
    """Accent-free upper-case words of ``text`` (apostrophes dropped; dots, hyphens and spaces split).

    >>> fold_words("Fiame Naomi Mata'afa"), fold_words("G. W. Bush")
    (['FIAME', 'NAOMI', 'MATAAFA'], ['G', 'W', 'BUSH'])
    """
    text = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", text.translate(_SPECIAL)))
    text = "".join(c for c in text if not unicodedata.combining(c)).upper()
    return [w for w in _SPLIT.split(text) if w]


def skeleton(word: str) -> str:
    for a, b in _SKELETON:
        word = word.replace(a, b)
    word = _Y_BETWEEN_VOWELS.sub("", word).replace("Y", "I")
    return _DOUBLE.sub(r"\1", word)


def key_words(text: str) -> list[str]:
    """The words of ``text``'s key (see the module doc)."""
    canon, particles, _j = _variants()
    words = [canon.get(w, w) for w in fold_words(text)]
    words = [w for i, w in enumerate(words) if i == 0 or i == len(words) - 1 or w not in particles]
    if len(words) > 1 and words[-1] in particles:
        words = words[:-1]
    return [skeleton(w) for w in words]


def key(text: str) -> str:
    return " ".join(key_words(text))


def person_keys(name: str) -> list[str]:
    """Derived keys of a person's name (reversed, initials, first+last, last words); the full key excluded."""
    w = key_words(name)
    n = len(w)
    if n < 2 or any(len(x) == 1 for x in w):
        return []
    out = [" ".join([w[-1], *w[:-1]])]  # reversed: "ABE SINZO"
    out.append(" ".join([*(x[0] for x in w[:-1]), w[-1]]))  # "G W BUS"
    out.append(" ".join([w[0][0], w[-1]]))  # "G BUS"
    if n >= 3:
        out.append(" ".join([w[0], *(x[0] for x in w[1:-1]), w[-1]]))  # "SUSILO B YUDOIONO"
        out.append(" ".join([w[0], w[-1]]))  # "GLORIA AROIO"
        out += [" ".join(w[i:]) for i in range(1, n - 1)]  # "LULA SILVA"
    return [k for k in dict.fromkeys(out) if k != " ".join(w)]


@dataclass
class NameIndex:
    full: dict[str, tuple[str, ...]] = field(default_factory=dict)  # key -> actor ids, in source order
    derived: dict[str, tuple[str, ...]] = field(default_factory=dict)
    last: dict[str, tuple[str, ...]] = field(default_factory=dict)  # a person's last key word -> ids
    kinds: dict[str, str] = field(default_factory=dict)  # actor id -> kind ("person", "organisation", ...)

    def lookup(self, text_key: str) -> tuple[str, ...]:
        """Ids whose full key is ``text_key``, else those with it as a derived key."""
        return self.full.get(text_key) or self.derived.get(text_key, ())

    def _add(self, table: dict, k: str, aid: str) -> None:
        ids = table.get(k, ())
        if aid not in ids:
            table[k] = (*ids, aid)

    def add_actor(self, aid: str, kind: str, names) -> None:
        self.kinds[aid] = kind
        for name in names:
            words = key_words(name)
            if not words:
                continue
            if len(words) == 1 and kind == "person":
                continue  # bare surnames go by the surname rule only
            self._add(self.full, " ".join(words), aid)
            if kind == "person" and len(words) >= 2:
                self._add(self.last, words[-1], aid)
                for k in person_keys(name):
                    self._add(self.derived, k, aid)


def build_index(lex) -> NameIndex:
    """A fresh index over ``lex``'s non-state actors and the PETRARCH2 import (curated ids for ``same_as``)."""
    from kg.lexicon import petrarch

    index = NameIndex()
    for aid, actor in dict.items(lex.actors):
        if actor.kind.value != "state":
            index.add_actor(aid, actor.kind.value, actor.aliases or (actor.name,))
    for aid, text in petrarch._data().rows.items():
        row = json.loads(text)
        target = row.get("same_as") if row.get("same_as") and dict.__contains__(lex.actors, row["same_as"]) else aid
        names = [n for ns in (row.get("names") or {}).values() for n in ns]
        kind = row["kind"] if target == aid else lex.actors[target].kind.value
        if kind == "person" or target != aid:
            index.add_actor(target, kind, names)
        else:  # a group: single-word names only as acronyms ("ANSF"), never a capitalised common word
            index.add_actor(target, kind, [n for n in names if len(fold_words(n)) > 1 or (n.isupper() and len(n) >= 3)])
    return index


def _fingerprint(lex) -> str:
    from kg.lexicon import petrarch

    h = hashlib.sha1(f"names-{_VERSION}".encode())
    for path in [*(Path(p) for p in lex.sources), variants_path(), *petrarch._files()]:
        h.update(str(path.name).encode())
        h.update(path.read_bytes() if path.is_file() else b"-")
    return h.hexdigest()[:16]


_INDEXES: dict[int, NameIndex] = {}


def index_for(lex) -> NameIndex:
    """The name index of a lexicon, from the pickle cache when the files are unchanged."""
    found = _INDEXES.get(id(lex))
    if found is not None:
        return found
    from kg.lexicon.petrarch import _cache_dir

    cached = _cache_dir() / f"names-{_fingerprint(lex)}.pickle"
    index = None
    try:
        with open(cached, "rb") as fh:
            index = pickle.load(fh)
        if not isinstance(index, NameIndex):
            index = None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    if index is None:
        index = build_index(lex)
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "wb") as fh:
                pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cached)
        except OSError as exc:  # a read-only home: work without the cache
            log.debug("kg.lexicon.names: no cache written (%s)", exc)
    _INDEXES[id(lex)] = index
    return index


def choose(lex, ids, when: date | None) -> str | None:
    """The one actor ``ids`` stand for on ``when``, or ``None`` when they stay ambiguous (precision first).

    The best source wins (curated > office-holders > petrarch2); among several of one source, the only one in
    office on the date; else, when all are people of one name and one state on the date, the first."""
    if not ids:
        return None
    rank = {t: i for i, t in enumerate(("curated", "officeholders", "petrarch2"))}
    best = min(rank[lex.tier(i)] for i in ids)
    top = [i for i in dict.fromkeys(ids) if rank[lex.tier(i)] == best]
    if len(top) == 1:
        return top[0]
    actors = [lex.actors.get(i) for i in top]
    if any(a is None for a in actors):
        return None
    if when is not None:
        held = [a for a in actors if a.roles and a.role_at(when) is not None]
        if len(held) == 1:
            return held[0].id
    if len({(a.kind, a.name.casefold(), a.code_at(when)) for a in actors}) == 1:
        return actors[0].id
    return None


def in_office(actor, when: date | None) -> bool:
    """Did ``actor`` hold an office on ``when`` (now, if ``None``)? PETRARCH's sectorless roles ("Elite": a
    public figure out of office) do not count."""
    roles = [r for r in actor.roles if r.sector is not None or r.code is not None]
    if when is None:
        return any(r.end is None for r in roles)
    return any(r.covers(when) for r in roles)
