"""The PETRARCH2/Phoenix dictionaries imported into kg's formats (``data/petrarch/``), loaded on demand.

``scripts/import_petrarch.py`` writes the files; data/FORMATS.md describes them. ``import kg`` and loading the
lexicon read nothing here; the imported actors are part of the default extraction through the name index
(:mod:`kg.lexicon.names`) and ``Lexicon.actors``, which read them the first time a name needs them, from a pickle
cache when one matches the files (``$KG_CACHE_DIR`` or ``~/.cache/kg``; a cache that cannot be written is simply
skipped). Curated entries and office-holders rank above them (data/FORMATS.md, precedence).

>>> import kg.lexicon.petrarch as p2
>>> [m.code for m in p2.lookup("HAMID KARZAI", when="2010-05-12")]
['AFG']
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from kg.model import Actor
from kg.resources import data_dir, read_jsonl

log = logging.getLogger(__name__)
_CACHE_VERSION = 2


def folder() -> Path:
    return data_dir() / "petrarch"


def actors_path() -> Path:
    return folder() / "actors.jsonl"


def norm_key(text: str) -> str:
    """Case-, accent- and spacing-insensitive key of a name, as the importer writes it.

    >>> norm_key("  Ban_Ki-moon_ "), norm_key("Michèle  Bachelet")
    ('BAN KI-MOON', 'MICHELE BACHELET')
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(w for w in re.split(r"[_ ]+", text.strip()) if w).upper()


@dataclass(frozen=True, slots=True)
class Match:
    """An imported actor a name refers to, with its code on the asked date."""

    id: str
    name: str
    kind: str
    code: str | None  # kg code on the date (ISO3, IGO:X, NSA:X)
    country: str | None
    sector: str | None
    role: str | None  # post held on the date, if any
    cameo: str | None  # the original CAMEO/Phoenix code (of the role held on the date, else the entry's)
    same_as: str | None  # the curated actor this entry is an alias set of


@dataclass
class _Data:
    rows: dict[str, str]  # id -> the row's JSON text (decoded on demand: loading stays fast)
    index: dict[str, tuple[str, ...]]  # norm key -> actor ids (imported actors)
    states: dict[str, str]  # norm key -> ISO3 (extra state names)


def _files() -> list[Path]:
    return [actors_path(), folder() / "state_names.jsonl"]


def _fingerprint() -> str:
    h = hashlib.sha1(str(_CACHE_VERSION).encode())
    for path in _files():
        h.update(path.name.encode())
        h.update(path.read_bytes() if path.is_file() else b"-")
    return h.hexdigest()[:16]


def _cache_dir() -> Path:
    return Path(os.environ.get("KG_CACHE_DIR") or Path.home() / ".cache" / "kg")


def _read() -> _Data:
    rows: dict[str, str] = {}
    index: dict[str, list[str]] = {}
    for _n, obj in read_jsonl(actors_path()) if actors_path().is_file() else ():
        rows[obj["id"]] = json.dumps(obj, ensure_ascii=False)
        for names in (obj.get("names") or {}).values():
            for name in names:
                ids = index.setdefault(norm_key(name), [])
                if obj["id"] not in ids:
                    ids.append(obj["id"])
    states: dict[str, str] = {}
    path = folder() / "state_names.jsonl"
    for _n, obj in read_jsonl(path) if path.is_file() else ():
        for names in (obj.get("names") or {}).values():
            for name in names:
                states.setdefault(norm_key(name), obj["code"])
    return _Data(rows, {k: tuple(v) for k, v in index.items()}, states)


@cache
def _data() -> _Data:
    if not actors_path().is_file():
        log.warning("kg.lexicon.petrarch: %s is missing (run scripts/import_petrarch.py)", actors_path())
        return _Data({}, {}, {})
    key = _fingerprint()
    cached = _cache_dir() / f"petrarch-{key}.pickle"
    try:
        with open(cached, "rb") as fh:
            data = pickle.load(fh)
        if isinstance(data, _Data):
            return data
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    data = _read()
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cached)
    except OSError as exc:  # read-only home, full disk: work without a cache
        log.debug("kg.lexicon.petrarch: no cache written (%s)", exc)
    return data


def actors() -> dict[str, dict]:
    """Every imported actor row (kg's actor format plus ``cameo``, ``same_as``, ``petrarch``, ``source``) by id."""
    return {aid: json.loads(text) for aid, text in _data().rows.items()}


@cache
def row(actor_id: str) -> dict | None:
    """One imported actor row, or ``None``."""
    text = _data().rows.get(actor_id)
    return json.loads(text) if text is not None else None


@cache
def actor(actor_id: str) -> Actor | None:
    """An imported actor as kg's :class:`~kg.model.Actor` (dated roles and all)."""
    row_ = row(actor_id)
    if row_ is None:
        return None
    from kg.lexicon.rows import actor_from_row

    return actor_from_row(row_)


def cameo_code(actor_id: str, when: date | str | None = None) -> str | None:
    """The CAMEO/Phoenix code PETRARCH gives the actor (on ``when``, for people with dated roles)."""
    row_ = row(actor_id)
    if row_ is None:
        return None
    when = date.fromisoformat(when) if isinstance(when, str) else when
    a = actor(actor_id)
    role = a.role_at(when) if a is not None and when is not None else None
    if role is not None:
        for r in row_.get("roles", []):
            if r.get("start") == (role.start.isoformat() if role.start else None) and r.get("post") == role.post:
                return r.get("cameo")
    return row_.get("cameo")


def lookup(name: str, when: date | str | None = None) -> list[Match]:
    """Imported actors named ``name`` (any case, accents, ``_`` or spaces), with their code on ``when``."""
    when = date.fromisoformat(when) if isinstance(when, str) else when
    data = _data()
    out = []
    for aid in data.index.get(norm_key(name), ()):
        a = actor(aid)
        role = a.role_at(when) if when is not None else None
        out.append(
            Match(
                id=aid,
                name=a.name,
                kind=a.kind.value,
                code=a.code_at(when),
                country=(role.country if role is not None else None) or a.country,
                sector=(role.sector if role is not None else None) or a.sector,
                role=role.post if role is not None else None,
                cameo=cameo_code(aid, when),
                same_as=row(aid).get("same_as"),
            )
        )
    return out


def state_code(name: str) -> str | None:
    """The ISO3 code of a state named by one of PETRARCH's extra names ("Afghanestan", "Kandahar")."""
    return _data().states.get(norm_key(name))


def _jsonl(name: str) -> tuple[dict, ...]:
    path = folder() / name
    return tuple(obj for _n, obj in read_jsonl(path)) if path.is_file() else ()


@cache
def triggers() -> tuple[dict, ...]:
    """English verb triggers (kg's trigger format with ``forms``, ``block``, ``source``)."""
    return _jsonl("triggers.jsonl")


@cache
def patterns() -> tuple[dict, ...]:
    """Verb patterns with the elements before/after the verb and the source/target positions."""
    return _jsonl("patterns.jsonl")


@cache
def synsets() -> dict[str, tuple[str, ...]]:
    path = folder() / "synsets.json"
    return {k: tuple(v) for k, v in json.loads(path.read_text(encoding="utf-8")).items()} if path.is_file() else {}


@cache
def sector_nouns() -> tuple[dict, ...]:
    """Agent nouns (kg's sector-noun format with ``cameo`` and ``source``); ``sector`` may be ``None``."""
    return _jsonl("sectors.jsonl")


@cache
def negative_contexts() -> tuple[dict, ...]:
    """Discard phrases: ``words``, ``scope`` (sentence|story), ``match`` (stem|word)."""
    return _jsonl("negative_contexts.jsonl")
