"""Actor resolution of short texts (``kg actors``): what kg recognises, and how it resolved it."""

from __future__ import annotations

from datetime import date

from kg.caching import settings_key
from kg.extract.extractor import Extractor
from kg.io.ingest import choose_language
from kg.model import Document


def resolve_text(text: str, *, lang: str | None = None, ref_date: date | None = None, lexicon_files=()) -> list[dict]:
    """Actors in ``text`` as plain dicts: span, surface text, actor id, code, kind, sector/role, rule, and
    (:mod:`kg.lexicon.codes`) the home state ``country``, ``former`` (a person out of office since), the
    ``cameo`` code and the PLOVER-style ``plover_country``/``plover_type``, and ``source``: ``curated``,
    ``officeholders``, ``petrarch2`` or ``discovered`` (a name kg found beside a role, in no source)."""
    from kg.lexicon.codes import describe

    lang = choose_language(text, lang) if lang or len(text.split()) >= 4 else (lang or "en")
    extractor = _extractor(tuple(lexicon_files))
    doc = Document(id="text", text=text, lang=lang, date=ref_date)
    ex = extractor.actors(doc)
    out = []
    lex = extractor.lex
    for m in ex.actor_mentions:
        actor = ex.actors[m.actor_id]
        role = actor.role_at(ref_date) if actor.kind.value == "person" else None
        sector = m.sector or actor.sector
        known = dict.__contains__(lex.actors, actor.id) or actor.id.startswith("p2_")
        out.append(
            {
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "id": actor.id,
                "name": actor.name,
                "code": actor.code_at(ref_date),
                "kind": actor.kind.value,
                "sector": sector,
                "role": (role.post if role else None) or m.role,
                "rule": m.rule,
                "confidence": m.confidence,
                **describe(actor, ref_date, sector),
                "source": lex.tier(actor.id) if known else "discovered",
            }
        )
    return out


_EXTRACTORS: dict[tuple, Extractor] = {}


def _extractor(files: tuple) -> Extractor:
    """One Extractor per lexicon files and settings (:func:`kg.caching.settings_key`) per process."""
    key = (files, settings_key())
    if key not in _EXTRACTORS:
        _EXTRACTORS[key] = Extractor(lexicon_files=files)
    return _EXTRACTORS[key]
