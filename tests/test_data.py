"""The bundled data is valid: ids unique, codes well-formed, role intervals sane, CAMEO complete."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pytest

from kg.lexicon import cameo
from kg.lexicon.lexicon import load_lexicon
from kg.model import ActorKind
from kg.nlp.triggers import load_triggers
from kg.resources import data_dir, languages, read_jsonl

CODE = re.compile(r"^([A-Z]{3}|IGO:[A-Z0-9_]+|NSA:[A-Z0-9_]+)$")


def _actor_rows(files="actors/*.jsonl"):
    for path in sorted(data_dir().glob(files)):
        for number, obj in read_jsonl(path):
            yield f"{path.name}:{number}", obj


# curated actors, and the ones imported from PETRARCH2 (scripts/import_petrarch.py) meet the same checks
ACTOR_FILES = pytest.mark.parametrize("files", ["actors/*.jsonl", "petrarch/actors.jsonl"])


@ACTOR_FILES
def test_actor_ids_unique_and_codes_valid(files):
    ids = Counter()
    for where, obj in _actor_rows(files):
        ids[obj["id"]] += 1
        assert re.fullmatch(r"[a-z0-9_]+", obj["id"]), where
        ActorKind(obj["kind"])
        if obj.get("code"):
            assert CODE.match(obj["code"]), where
        for c in obj.get("codes", []):
            assert CODE.match(c["code"]), where
    dup = [i for i, n in ids.items() if n > 1]
    assert dup == []


def test_every_un_member_and_observer_is_a_state():
    lex = load_lexicon()
    states = {a.code for a in lex.actors.values() if a.kind is ActorKind.STATE}
    assert len(states) >= 197
    for code in ("RUS", "IRN", "ISR", "PSE", "VAT", "TWN", "XKX", "IDN", "USA", "UKR"):
        assert code in states


@ACTOR_FILES
def test_role_intervals_well_formed_and_not_overlapping(files):
    for where, obj in _actor_rows(files):
        if obj["kind"] != "person":
            continue
        by_post = defaultdict(list)
        for r in obj.get("roles", []):
            start, end = r.get("start"), r.get("end")
            if start and end:
                assert start <= end, where
            by_post[(r["post"], r.get("country"), r.get("code"))].append((start or "0000", end or "9999"))
        for spans in by_post.values():
            spans.sort()
            for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
                assert e1 <= s2, (where, spans)


def test_dated_roles_pick_the_office():
    from datetime import date

    lex = load_lexicon()
    putin = lex.actors["vladimir_putin"]
    assert putin.role_at(date(2024, 4, 16)).post == "President"
    raisi = lex.actors["ebrahim_raisi"]
    assert raisi.code_at(date(2024, 4, 16)) == "IRN"
    assert raisi.role_at(date(2024, 4, 16)).post == "President"
    assert raisi.role_at(date(2024, 6, 1)) is None and raisi.code_at(date(2024, 6, 1)) == "IRN"


def test_cameo_table_is_complete():
    t = cameo.table()
    assert len(t) >= 290
    roots = {c for c in t if len(c) == 2}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    for code, info in t.items():
        assert code.startswith(info.root)
        assert info.quad_class == cameo.quad_of_root(info.root)
        assert -10 <= info.goldstein <= 10
        if len(code) > 2:
            assert code[: len(code) - 1] in t or code[:2] in t


@pytest.mark.parametrize("lang", languages())
def test_triggers_cover_every_root_with_valid_codes(lang):
    triggers = load_triggers(lang)
    assert len(triggers) >= 150
    t = cameo.table()
    roots = set()
    for trig in triggers:
        assert trig.code[:3] in t or trig.code in t or trig.code[:2] in t, trig
        roots.add(trig.code[:2])
    assert roots == {f"{i:02d}" for i in range(1, 21)}
