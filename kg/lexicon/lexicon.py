"""The actor and place lexicon: ``data/actors/*.jsonl``, ``data/actors/officeholders/*.jsonl`` and
``data/places/*.jsonl`` as Python objects, with the PETRARCH2 import (``data/petrarch/actors.jsonl``) behind them.

A :class:`Lexicon` knows every canonical actor and place and every surface form that names them, per
language. It is built once per process (and per set of user lexicon files) and shared by the pipelines.

Sources and precedence (data/FORMATS.md): **curated** files (``data/actors/*.jsonl`` and user ``--lexicon``
files) > **office-holders** (``data/actors/officeholders/``: an id the curated files have merges into that
entry, the union of both entries' roles and names, the curated fields winning) > **petrarch2** (read lazily by
:mod:`kg.lexicon.petrarch`: an imported actor becomes an :class:`Actor` the first time ``lex.actors[id]`` asks for
it; names are matched by :mod:`kg.lexicon.names`). ``Lexicon.tier(id)`` says which source an actor comes from.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from kg.errors import LexiconError  # noqa: F401 - raised here, defined with the other domain errors
from kg.caching import per_language
from kg.model import Actor, ActorKind, Place, Role
from kg.lang.settings import settings
from kg.lexicon.rows import _date, _names, actor_from_row
from kg.resources import data_dir, lang_dir, read_jsonl

_ID = re.compile(r"^[a-z0-9_]+$")
TIERS = ("curated", "officeholders", "petrarch2")  # precedence, highest first


def actor_sources() -> frozenset[str]:
    """The sources kg reads: all of :data:`TIERS`, or those ``$KG_ACTOR_SOURCES`` lists (comma-separated;
    ``curated`` is always read). ``KG_ACTOR_SOURCES=curated`` gives kg's actors before issue #13, the
    reference of ``bench/actor_cost.py``."""
    import os

    value = os.environ.get("KG_ACTOR_SOURCES")
    if not value:
        return frozenset(TIERS)
    return frozenset(x.strip() for x in value.split(",") if x.strip() in TIERS) | {"curated"}


class _Actors(dict):
    """Actors by id; an id of the PETRARCH2 import (``p2_...``) not asked for before is read on demand (and
    remembered: the same id always reads as the same actor). Read-only once the lexicon is frozen."""

    frozen = False

    def __missing__(self, key: str) -> Actor:
        if not isinstance(key, str) or not key.startswith("p2_") or "petrarch2" not in actor_sources():
            raise KeyError(key)
        from kg.lexicon import petrarch

        actor = petrarch.actor(key)
        if actor is None:
            raise KeyError(key)
        dict.__setitem__(self, key, actor)
        return actor

    def _refuse(self, *_args, **_kwargs):
        raise TypeError("the lexicon is read-only after load_lexicon(); build a new Lexicon() to change it")

    def __setitem__(self, key, value) -> None:
        if self.frozen:
            self._refuse()
        dict.__setitem__(self, key, value)

    def __delitem__(self, key) -> None:
        if self.frozen:
            self._refuse()
        dict.__delitem__(self, key)

    def _frozen_guard(name: str):  # noqa: N805 - builds the methods below
        def method(self, *args, **kwargs):
            if self.frozen:
                self._refuse()
            return getattr(dict, name)(self, *args, **kwargs)

        method.__name__ = name
        return method

    update = _frozen_guard("update")
    pop = _frozen_guard("pop")
    popitem = _frozen_guard("popitem")
    clear = _frozen_guard("clear")
    setdefault = _frozen_guard("setdefault")
    __ior__ = _frozen_guard("__ior__")
    del _frozen_guard

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key) -> bool:
        if dict.__contains__(self, key):
            return True
        if not isinstance(key, str) or not key.startswith("p2_") or "petrarch2" not in actor_sources():
            return False
        from kg.lexicon import petrarch

        return petrarch.row(key) is not None


@dataclass(frozen=True, slots=True)
class Surface:
    """One surface form of an actor or place."""

    text: str
    target: str  # actor id or "place:<id>"
    type: str  # name, adjective, metonym, place
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class SectorNoun:
    words: str
    sector: str
    role: str | None = None


@dataclass
class Lexicon:
    actors: dict[str, Actor] = field(default_factory=_Actors)
    places: dict[str, Place] = field(default_factory=dict)
    # lang ("*" = any) -> surfaces
    _surfaces: dict[str, list[Surface]] = field(default_factory=lambda: defaultdict(list))
    by_code: dict[str, str] = field(default_factory=dict)  # state ISO3 -> actor id
    sources: list[str] = field(default_factory=list)
    _non_state: dict[str, bool] = field(default_factory=dict, repr=False)  # cache of :meth:`non_state`
    _tiers: dict[str, int] = field(default_factory=dict, repr=False)  # actor id -> index in TIERS
    # single-word names of office-holders ("Blair"): matched only by kg.lexicon.names' bare-surname rule
    surnames: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    # indexes other modules compute from this lexicon (:meth:`derived`), kept with it
    _derived: dict[str, object] = field(default_factory=dict, repr=False, compare=False)
    _frozen = False  # not a field: set by :meth:`freeze`

    def __setattr__(self, name: str, value) -> None:
        if self._frozen:
            raise TypeError(f"the lexicon is read-only after load_lexicon(): cannot set {name!r}")
        object.__setattr__(self, name, value)

    def freeze(self) -> Lexicon:
        """Make the lexicon read-only: :func:`load_lexicon` shares one lexicon between every pipeline of the
        process, so no one may change it (mappings become read-only views, lists tuples; setting an attribute,
        an actor or a place, or :meth:`add_file`, raises ``TypeError``). Memos of values that never change
        stay writable: PETRARCH2 actors read on demand, :meth:`non_state`, :meth:`derived`."""
        from types import MappingProxyType

        surfaces = MappingProxyType({lg: tuple(v) for lg, v in self._surfaces.items()})
        frozen = {"_surfaces": surfaces, "sources": tuple(self.sources)}
        for name in ("places", "by_code", "surnames"):
            frozen[name] = MappingProxyType(dict(getattr(self, name)))
        for name, value in frozen.items():
            object.__setattr__(self, name, value)
        self.actors.frozen = True
        object.__setattr__(self, "_frozen", True)
        return self

    def derived(self, name: str, build):
        """The index ``name`` computed from this lexicon by ``build(lexicon)``: built on first use and kept
        with the lexicon (so it lives and dies with it, and no cache keyed on ``id(lexicon)`` is needed)."""
        found = self._derived.get(name)
        if found is None:
            found = self._derived[name] = build(self)
        return found

    def tier(self, actor_id: str) -> str:
        """Where an actor comes from: ``curated``, ``officeholders`` or ``petrarch2``."""
        if actor_id.startswith("p2_") and actor_id not in self._tiers:
            return "petrarch2"
        return TIERS[self._tiers.get(actor_id, 0)]

    def non_state(self, actor_id: str) -> bool:
        """Is the actor a non-state group or IGO at any time (the Taliban before 2021 count)?"""
        found = self._non_state.get(actor_id)
        if found is None:
            actor = self.actors.get(actor_id)
            codes = [actor.code or ""] + [c for c, _s, _u in actor.codes] if actor is not None else []
            found = self._non_state[actor_id] = any(c.startswith(("NSA:", "IGO:")) for c in codes)
        return found

    def surfaces(self, lang: str) -> list[Surface]:
        return [*self._surfaces.get("*", ()), *self._surfaces.get(lang, ())]

    def state(self, iso3: str | None) -> Actor | None:
        return self.actors.get(self.by_code.get(iso3 or "", ""))

    def find(self, text: str, lang: str | None = None) -> list[Actor]:
        """Actors whose code, id or surface form equals ``text`` (case-insensitive)."""
        key = text.strip().lower()
        out: dict[str, Actor] = {}
        for actor in self.actors.values():
            if key in (actor.id, (actor.code or "").lower(), actor.name.lower()):
                out[actor.id] = actor
        langs = [lang] if lang else list(self._surfaces)
        for lg in langs:
            for s in self.surfaces(lg):
                if s.text.lower() == key and s.target in self.actors:
                    out[s.target] = self.actors[s.target]
        return list(out.values())

    # -- loading -----------------------------------------------------------------------------------
    def add_file(self, path: Path, tier: str = "curated") -> None:
        """Add a file's actors and places; ``tier="officeholders"`` merges into curated entries (module doc)."""
        if self._frozen:
            raise TypeError(f"the lexicon is read-only after load_lexicon(): cannot add {path}")
        self.sources.append(str(path))
        is_place_file = path.parent.name == "places"
        for number, obj in read_jsonl(path):
            where = f"{path}:{number}"
            try:
                if is_place_file or obj.get("kind") in ("city", "capital", "region", "site", "place"):
                    self._add_place(obj)
                elif tier == "officeholders":
                    self._add_officeholder(obj)
                else:
                    self._add_actor(obj)
            except (KeyError, TypeError, ValueError) as exc:
                raise LexiconError(f"{where}: {exc}") from None

    def _add_place(self, obj: dict) -> None:
        pid = obj["id"]
        place = Place(
            id=pid,
            name=obj["name"],
            kind=obj.get("kind", "city"),
            country=obj.get("country"),
            lat=obj.get("lat"),
            lon=obj.get("lon"),
        )
        self._drop_surfaces(f"place:{pid}")
        self.places[pid] = place
        for lang, names in _names(obj.get("names"), obj["name"]).items():
            for n in names:
                self._surfaces[lang].append(Surface(n, f"place:{pid}", "place"))

    def _add_actor(self, obj: dict) -> None:
        aid = obj["id"]
        if not _ID.match(aid):
            raise ValueError(f"actor id {aid!r} must match [a-z0-9_]+")
        self._tiers[aid] = 0  # curated (a user file too); _add_officeholder says otherwise
        actor = actor_from_row(obj)
        kind, code, names = actor.kind, actor.code, _names(obj.get("names"), obj["name"])
        self._drop_surfaces(aid)
        self.actors[aid] = actor
        if kind is ActorKind.STATE and code:
            self.by_code[code] = aid
        for lang, ns in names.items():
            for n in ns:
                self._surfaces[lang].append(Surface(n, aid, "name", obj.get("sector")))
        for lang, ns in (obj.get("adjectives") or {}).items():
            plural = _plural_rule(lang)
            for n in ns:
                self._surfaces[lang].append(Surface(n, aid, "adjective"))
                if plural and n.endswith(tuple(plural.get("endings", []))):
                    # "Iranians", "Israelis": people of the state, coded as its civilians
                    self._surfaces[lang].append(Surface(n + plural["suffix"], aid, "adjective", "CVL"))
        sectors = obj.get("metonym_sectors") or {}
        for lang, ns in (obj.get("metonyms") or {}).items():
            for n in ns:
                self._surfaces[lang].append(Surface(n, aid, "metonym", sectors.get(n, "GOV")))

    def _add_officeholder(self, obj: dict) -> None:
        """An office-holder row: merged into a curated entry of the same id (roles and names united, curated
        roles winning over an overlapping role of the same post and country), else added with its single-word
        names kept apart as bare surnames."""
        aid = obj["id"]
        names = _names(obj.get("names"), obj["name"])
        single = {n for ns in names.values() for n in ns if len(n.split()) == 1}
        for n in single:
            ids = self.surnames.get(n, ())
            if aid not in ids:
                self.surnames[n] = (*ids, aid)
        kept = {lg: [n for n in ns if n not in single] for lg, ns in names.items()}
        current = self.actors.get(aid) if not aid.startswith("p2_") else None
        if current is None:
            self._add_actor({**obj, "names": {lg: ns for lg, ns in kept.items() if ns}})
            self._tiers[aid] = 1
            return
        if current.kind is not ActorKind.PERSON:
            raise ValueError(f"office-holder {aid!r} is a curated {current.kind.value}, not a person")
        extra = []
        for r in obj.get("roles", []):
            role = Role(r["post"], r.get("country"), r.get("sector"), _date(r.get("start")), _date(r.get("end")), r.get("code"))
            if not any(_same_office(role, mine) for mine in (*current.roles, *extra)):
                extra.append(role)
        known = set(current.aliases)
        more = tuple(n for ns in kept.values() for n in ns if n not in known)
        if extra or more:
            roles = tuple(sorted((*current.roles, *extra), key=lambda r: r.start or date.min, reverse=True))
            from dataclasses import replace

            self.actors[aid] = replace(current, roles=roles, aliases=current.aliases + tuple(dict.fromkeys(more)))
            for lg, ns in kept.items():
                for n in ns:
                    if n not in known:
                        self._surfaces[lg].append(Surface(n, aid, "name", obj.get("sector")))

    def _drop_surfaces(self, target: str) -> None:
        """An entry redefined by a later file (a user lexicon) replaces the earlier one whole."""
        if dict.__contains__(self.actors, target) or target.removeprefix("place:") in self.places:
            for lang in self._surfaces:
                self._surfaces[lang] = [s for s in self._surfaces[lang] if s.target != target]


def _same_office(a: Role, b: Role) -> bool:
    """The same post of the same country over overlapping dates (the curated role of the two wins)."""
    if (a.post, a.country) != (b.post, b.country):
        return False
    far = date.max
    return (a.start or date.min) < (b.end or far) and (b.start or date.min) < (a.end or far)


@per_language
def _plural_rule(lang: str) -> dict | None:
    """The ``demonym_plural`` rule of the language whose names are keyed ``lang`` in the actor data (none
    for a names language kg has no folder for)."""
    return settings(lang).demonym_plural if (lang_dir(lang) / "lang.json").is_file() else None


def bundled_files() -> list[Path]:
    """Curated actor and place files (not the office-holders: :func:`officeholder_files`)."""
    base = data_dir()
    return sorted((base / "actors").glob("*.jsonl")) + sorted((base / "places").glob("*.jsonl"))


def officeholder_files() -> list[Path]:
    return sorted((data_dir() / "actors" / "officeholders").glob("*.jsonl"))


def load_lexicon(extra: tuple[str, ...] = ()) -> Lexicon:
    """The bundled lexicon plus user files ``extra`` (later entries replace earlier ones by id), read-only
    (:meth:`Lexicon.freeze`) and shared: one per (user files, :func:`actor_sources`) per process.

    Curated files first, then the office-holders merged into them, then user files (curated tier). The
    PETRARCH2 import is not read here (module doc)."""
    return _load_lexicon(tuple(extra), actor_sources())


@cache
def _load_lexicon(extra: tuple[str, ...], sources: frozenset[str]) -> Lexicon:
    lex = Lexicon()
    for path in bundled_files():
        lex.add_file(path)
    for path in officeholder_files() if "officeholders" in sources else ():
        lex.add_file(path, tier="officeholders")
    for p in extra:
        path = Path(p)
        if not path.is_file():
            raise LexiconError(f"{p}: lexicon file not found")
        lex.add_file(path)
    return lex.freeze()


@per_language
def sector_nouns(lang: str) -> tuple[SectorNoun, ...]:
    path = lang_dir(lang) / "sectors.jsonl"
    if not path.is_file():
        return ()
    return tuple(SectorNoun(o["words"], o["sector"], o.get("role")) for _n, o in read_jsonl(path))
