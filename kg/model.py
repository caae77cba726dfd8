"""The typed contract between kg's stages.

Every stage speaks in these types: ``ingest`` makes :class:`Document`, ``extract`` makes
:class:`Actor`, :class:`Place`, :class:`ActorMention` and :class:`Event` (each event carrying the
:class:`Mention` it came from), ``graph`` and the exporters consume them.

Ids are deterministic: :func:`stable_id` hashes the parts that identify a thing, so the same input
gives the same ids (and so the same RDF) on every run and every machine.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from enum import Enum
from typing import Any


class ActorKind(str, Enum):
    STATE = "state"
    PERSON = "person"
    ORGANISATION = "organisation"
    IGO = "igo"
    ARMED_GROUP = "armed_group"
    GROUP = "group"  # collective actors without a state ("Western countries")


class Precision(str, Enum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Modality(str, Enum):
    ASSERTED = "asserted"
    NEGATED = "negated"
    FUTURE = "future"
    HYPOTHETICAL = "hypothetical"


def stable_id(*parts: object, prefix: str = "", length: int = 16) -> str:
    """A short deterministic id from ``parts``.

    >>> stable_id("doc1", 10, 20, prefix="ev_")
    'ev_70d5130ed1efa302'
    >>> stable_id("doc1", 10, 20, prefix="ev_") == stable_id("doc1", 10, 20, prefix="ev_")
    True
    """
    raw = "\x1f".join(str(p) for p in parts).encode("utf-8")
    return prefix + hashlib.sha1(raw).hexdigest()[:length]


@dataclass(frozen=True, slots=True)
class Document:
    """One input text, cleaned, with the metadata extraction needs."""

    id: str
    text: str
    lang: str
    date: date | None = None  # reference (publication) date
    date_source: str | None = None  # "option", "metadata" or "text"
    source: str = ""  # file path or "stdin"
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    dropped_lines: int = 0  # scraped junk removed by ingest


@dataclass(frozen=True, slots=True)
class Role:
    post: str
    country: str | None
    sector: str | None
    start: date | None
    end: date | None
    code: str | None = None  # explicit code (IGO/NSA posts)

    def covers(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor: a state, person, organisation, IGO or armed group."""

    id: str
    kind: ActorKind
    name: str
    code: str | None = None  # event-table code: ISO3, IGO:X, NSA:X (persons: from their role)
    country: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    roles: tuple[Role, ...] = ()
    codes: tuple[tuple[str, date | None, date | None], ...] = ()  # (code, since, until)

    def role_at(self, when: date | None) -> Role | None:
        """The role held on ``when`` (the latest-starting one if several), else ``None``."""
        if not self.roles:
            return None
        if when is None:
            current = [r for r in self.roles if r.end is None]
            return current[0] if current else max(self.roles, key=lambda r: r.start or date.min)
        held = [r for r in self.roles if r.covers(when)]
        return max(held, key=lambda r: r.start or date.min) if held else None

    def code_at(self, when: date | None) -> str | None:
        """The event-table code of this actor on ``when``."""
        for code, since, until in self.codes:
            if when is None:
                if until is None:
                    return code
                continue
            if (since is None or since <= when) and (until is None or when < until):
                return code
        if self.kind is ActorKind.PERSON:
            role = self.role_at(when)
            if role is None and when is not None:
                # outside any role: the person still resolves, to the country of their nearest role
                role = min(self.roles, key=lambda r: _distance(r, when), default=None)
            if role is not None:
                return role.code or role.country or self.code
        return self.code


def _distance(role: Role, when: date) -> int:
    if role.start and when < role.start:
        return (role.start - when).days
    if role.end and when >= role.end:
        return (when - role.end).days
    return 0


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    kind: str = "city"
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """Where in which document something was said."""

    doc_id: str
    sentence_index: int
    start: int  # character offsets into Document.text
    end: int
    text: str
    sentence: str
    sentence_start: int = 0  # offset of the sentence in Document.text


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One occurrence of an actor in a text, and how it was resolved."""

    actor_id: str
    code: str | None
    start: int
    end: int
    text: str
    rule: str  # e.g. "lexicon:name", "lexicon:metonym", "combo:state+sector", "apposition"
    confidence: float
    sector: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Participant:
    """An actor in the role it plays in one event, coded at the event's date."""

    actor_id: str
    code: str | None
    name: str
    text: str  # surface form in the sentence
    sector: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class TimeValue:
    value: str  # ISO: 2024-04-16, 2024-04, 2024
    precision: Precision
    text: str = ""
    inferred: bool = False  # True when no date was stated and the reference date was used

    def as_date(self) -> date:
        parts = [int(p) for p in self.value.split("-")] + [1, 1]
        return date(parts[0], parts[1], parts[2])


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    code: str  # CAMEO code, e.g. "190"
    root: str  # CAMEO root, e.g. "19"
    label: str
    quad_class: int
    goldstein: float
    sources: tuple[Participant, ...]
    targets: tuple[Participant, ...]
    mention: Mention
    trigger: str
    date: TimeValue | None = None
    place: Place | None = None
    modality: Modality = Modality.ASSERTED
    symmetric: bool = False
    confidence: float = 0.5
    rule: str = ""
    quantities: tuple[tuple[str, int], ...] = ()  # (what, number) as stated

    @property
    def doc_id(self) -> str:
        return self.mention.doc_id

    def dyads(self) -> list[tuple[Participant, Participant]]:
        """Every (source, target) pair of this event."""
        return [(s, t) for s in self.sources for t in self.targets]


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    actors: dict[str, Actor] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    actor_mentions: list[ActorMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def to_dict(obj: Any) -> Any:
    """Plain JSON-ready dict of a model object (enums and dates as strings)."""

    def clean(value: Any) -> Any:
        if isinstance(value, Enum):
            return value.value
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [clean(v) for v in value]
        return value

    return clean(asdict(obj))
