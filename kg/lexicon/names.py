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
PETRARCH2 import; it is built once and kept in an SQLite file of the cache folder, keyed on the content of every file it reads.

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
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from pathlib import Path

from kg.resources import data_dir

log = logging.getLogger(__name__)
_VERSION = 4
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
    return list(_key_words(text))


@lru_cache(maxsize=1 << 16)
def _key_words(text: str) -> tuple[str, ...]:
    """:func:`key_words`, remembered: the same names recur in every document (and in every stretch of a
    run of capitalised words, :mod:`kg.nlp.names`), and folding and the skeleton cost ~10 µs a name."""
    canon, particles, _j = _variants()
    words = [canon.get(w, w) for w in fold_words(text)]
    words = [w for i, w in enumerate(words) if i == 0 or i == len(words) - 1 or w not in particles]
    if len(words) > 1 and words[-1] in particles:
        words = words[:-1]
    return tuple(skeleton(w) for w in words)


def key(text: str) -> str:
    return " ".join(_key_words(text))


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

    def find(self, text_key: str) -> tuple[tuple[str, ...], bool]:
        """(ids, whether by a full key): ids whose full key is ``text_key``, else those with it as a derived key."""
        full = self.full.get(text_key)
        return (full, True) if full else (self.derived.get(text_key, ()), False)

    def last_ids(self, word: str) -> tuple[str, ...]:
        return self.last.get(word, ())

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
    from kg.lexicon.lexicon import actor_sources

    rows = petrarch._data().rows if "petrarch2" in actor_sources() else {}
    for aid, text in rows.items():
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

    from kg.lexicon.lexicon import actor_sources

    h = hashlib.sha1(f"names-{_VERSION}-{sorted(actor_sources())}".encode())
    for path in [*(Path(p) for p in lex.sources), variants_path(), *petrarch._files()]:
        h.update(str(path.name).encode())
        h.update(path.read_bytes() if path.is_file() else b"-")
    return h.hexdigest()[:16]


class StoredIndex:
    """A :class:`NameIndex` kept in an SQLite file: opening it costs nothing, a lookup a few microseconds
    (remembered), so start-up does not pay for the tens of thousands of names a short text never uses."""

    def __init__(self, path: Path):
        import sqlite3

        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._memo: dict[tuple[str, str], tuple] = {}

    def _get(self, table: str, k: str) -> tuple[str, ...]:
        found = self._memo.get((table, k))
        if found is None:
            row = self._db.execute(f"SELECT ids FROM {table} WHERE k = ?", (k,)).fetchone()  # noqa: S608 - fixed names
            found = self._memo[(table, k)] = tuple(row[0].split(" ")) if row else ()
        return found

    def find(self, text_key: str) -> tuple[tuple[str, ...], bool]:
        """(ids, whether by a full key): full keys first, else derived ones."""
        full = self._get("full", text_key)
        return (full, True) if full else (self._get("derived", text_key), False)

    def last_ids(self, word: str) -> tuple[str, ...]:
        return self._get("last", word)


def _write_sqlite(index: NameIndex, path: Path) -> None:
    import sqlite3

    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    for table, data in (("full", index.full), ("derived", index.derived), ("last", index.last)):
        db.execute(f"CREATE TABLE {table} (k TEXT PRIMARY KEY, ids TEXT NOT NULL) WITHOUT ROWID")
        db.executemany(f"INSERT INTO {table} VALUES (?, ?)", ((k, " ".join(v)) for k, v in data.items()))  # noqa: S608
    db.commit()
    db.close()
    os.replace(tmp, path)


def index_for(lex):
    """The name index of a lexicon (:class:`StoredIndex`), built into the cache folder the first time the files
    it reads have this content; an in-memory :class:`NameIndex` where no cache can be written. Kept with the
    lexicon (:meth:`kg.lexicon.lexicon.Lexicon.derived`)."""
    return lex.derived("name_index", _open_index)


def _open_index(lex):
    from kg.lexicon.petrarch import _cache_dir

    path = _cache_dir() / f"names-{_fingerprint(lex)}.sqlite"
    index = None
    if path.is_file():
        try:
            index = StoredIndex(path)
        except Exception as exc:  # noqa: BLE001 - a broken cache file: rebuild
            log.debug("kg.lexicon.names: cannot open %s (%s)", path, exc)
    if index is None:
        built = build_index(lex)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_sqlite(built, path)
            index = StoredIndex(path)
        except Exception as exc:  # noqa: BLE001 - a read-only home, a full disk: work from memory
            log.debug("kg.lexicon.names: no cache written (%s)", exc)
            index = built
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
