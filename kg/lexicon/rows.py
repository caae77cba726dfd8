"""An actor row of kg's format (data/FORMATS.md) as a :class:`~kg.model.Actor`: shared by the lexicon and the
PETRARCH2 import reader."""

from __future__ import annotations

from datetime import date

from kg.model import Actor, ActorKind, Role


def actor_from_row(obj: dict) -> Actor:
    """The :class:`Actor` of one row (``KeyError``/``ValueError`` on a malformed one)."""
    kind = ActorKind(obj["kind"])
    roles = tuple(
        Role(post=r["post"], country=r.get("country"), sector=r.get("sector"), start=_date(r.get("start")),
             end=_date(r.get("end")), code=r.get("code"))  # fmt: skip
        for r in obj.get("roles", [])
    )
    codes = tuple((c["code"], _date(c.get("since")), _date(c.get("until"))) for c in obj.get("codes", []))
    names = _names(obj.get("names"), obj["name"])
    aliases = tuple(dict.fromkeys(n for ns in names.values() for n in ns))
    code = obj.get("code")
    if code is None and kind is ActorKind.PERSON and roles:
        code = roles[-1].code or roles[-1].country or obj.get("country")
    return Actor(id=obj["id"], kind=kind, name=obj["name"], code=code, country=obj.get("country"), sector=obj.get("sector"),
                 aliases=aliases, wikidata=obj.get("wikidata"), roles=roles, codes=codes)  # fmt: skip


def _names(names: dict | None, canonical: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for lang, ns in (names or {}).items():
        if isinstance(ns, str):
            ns = [ns]
        out[lang] = [n for n in ns if isinstance(n, str) and n.strip()]
    if not any(canonical in ns for ns in out.values()):
        out.setdefault("*", []).append(canonical)
    return out


def _date(value: object) -> date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError(f"date {value!r} must be an ISO string")
    parts = value.split("-")
    y, m, d = int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1
    return date(y, m, d)
