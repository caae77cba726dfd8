"""An actor's home state and the codes other datasets give it (issue #13 items 2-4).

- **home state** (``country``): a state's own code; a person's state on the date (the office held then, else the
  nearest one, else the entry's ``country``); a group's, party's or agency's ``country`` (Hezbollah: ``LBN``);
  none for IGOs and transnational groups.
- **former**: a person whose every office ended before the date (``None`` for non-persons and people with no
  dated office).
- **CAMEO/Phoenix** code: the PETRARCH2 dictionaries' own code for an imported actor (the role held on the
  date); otherwise the CAMEO country code plus the CAMEO role of the sector (``IRNMIL``, ``LBNREB``, ``USAGOV``;
  a former office-holder is ``ELI``, CAMEO's elite), an IGO's code (``IGOUNO``).
- **PLOVER/POLECAT-style** code: a country (ISO3; ``UNO`` for the UN, ``EUR`` for the EU) and an actor type
  (``GOV``, ``MIL``, ``COP``, ``REB``, ``IGO``...).

The tables are ``data/actors/codes.json``.

>>> from datetime import date
>>> from kg.lexicon.lexicon import load_lexicon
>>> lex = load_lexicon()
>>> describe(lex.actors["hezbollah"], date(2024, 1, 1))
{'country': 'LBN', 'former': None, 'cameo': 'LBNREB', 'plover_country': 'LBN', 'plover_type': 'REB'}
>>> describe(lex.actors["un"], None)["cameo"], describe(lex.actors["un"], None)["plover_country"]
('IGOUNO', 'UNO')
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import cache

from kg.model import Actor, ActorKind
from kg.resources import data_dir

_ISO3 = re.compile(r"^[A-Z]{3}$")


@cache
def tables() -> dict:
    path = data_dir() / "actors" / "codes.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def _iso(code: str | None) -> str | None:
    return code if code and _ISO3.match(code) else None


def home_country(actor: Actor, when: date | None) -> str | None:
    if actor.kind is ActorKind.STATE:
        return _iso(actor.code)
    if actor.kind is ActorKind.PERSON:
        return _iso(actor.code_at(when)) or _iso(actor.country)
    code = actor.code_at(when)
    return _iso(code) or _iso(actor.country)


def former(actor: Actor, when: date | None) -> bool | None:
    """True when ``when`` falls after the person's last office (module doc)."""
    if actor.kind is not ActorKind.PERSON or not actor.roles or when is None:
        return None
    if any(r.covers(when) for r in actor.roles):
        return False
    return all(r.end is not None and r.end <= when for r in actor.roles)


def _sector(actor: Actor, when: date | None, sector: str | None) -> str | None:
    if sector:
        return sector
    if actor.kind is ActorKind.PERSON:
        role = actor.role_at(when)
        return role.sector if role is not None else None
    return actor.sector


def cameo(actor: Actor, when: date | None, sector: str | None = None) -> str | None:
    t = tables()
    if actor.id.startswith("p2_"):
        from kg.lexicon import petrarch

        found = petrarch.cameo_code(actor.id, when)
        if found:
            return found
    code = actor.code_at(when) or ""
    if code.startswith("IGO:"):
        return (t.get("igo", {}).get(code) or {}).get("cameo", "IGO")
    country = home_country(actor, when)
    if country is None:
        return None
    base = t.get("cameo_country", {}).get(country, country)
    if former(actor, when):
        return base + t.get("former_cameo_role", "ELI")
    role = t.get("cameo_sector", {}).get(_sector(actor, when, sector) or "", "")
    return base + role


def plover(actor: Actor, when: date | None, sector: str | None = None) -> tuple[str | None, str | None]:
    """(country, actor type) in PLOVER/POLECAT style."""
    t = tables()
    code = actor.code_at(when) or ""
    if code.startswith("IGO:") or actor.kind is ActorKind.IGO:
        return (t.get("igo", {}).get(code) or {}).get("plover"), "IGO"
    country = home_country(actor, when)
    if former(actor, when):
        return country, None
    return country, t.get("plover_type", {}).get(_sector(actor, when, sector) or "")


def describe(actor: Actor, when: date | None, sector: str | None = None) -> dict:
    """The fields ``kg actors`` adds for an actor: country, former, cameo, plover_country, plover_type."""
    pc, pt = plover(actor, when, sector)
    return {"country": home_country(actor, when), "former": former(actor, when), "cameo": cameo(actor, when, sector),
            "plover_country": pc, "plover_type": pt}  # fmt: skip


def node_codes(node: str, attrs: dict) -> dict:
    """:func:`describe` for a graph node (no date: the actor as it stands now): the lexicon's actor when it
    knows the id, else one made of the node's ``kind``, ``code``, ``country`` and ``sector``."""
    try:
        from kg.lexicon.lexicon import load_lexicon

        actor = load_lexicon().actors.get(node)
    except Exception:  # noqa: BLE001 - no lexicon: the node's own attributes still say something
        actor = None
    if actor is None:
        try:
            kind = ActorKind(attrs.get("kind") or "organisation")
        except ValueError:
            kind = ActorKind.ORGANISATION
        actor = Actor(id=node, kind=kind, name=attrs.get("name") or node, code=attrs.get("code") or None,
                      country=attrs.get("country") or None, sector=attrs.get("sector") or None)  # fmt: skip
    return describe(actor, None, attrs.get("sector") or None)
