"""The office-holder files (data/actors/officeholders/*.jsonl, issue #13 item 2) are valid kg person rows.

Checks: every line parses; ids are well-formed and unique across the office-holder files; an id shared with
data/actors/people.jsonl names the same person; every ISO3 code is a state of data/actors/states.jsonl; dates
are valid ISO dates with start <= end; no post of one country has two holders at once (over the office-holder
files together with the curated people they do not replace); every row says where its facts come from.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date

import pytest

from kg.resources import data_dir, read_jsonl

FILES = sorted((data_dir() / "actors" / "officeholders").glob("*.jsonl"))
NAME_KEYS = {"en", "id", "*"}
SECTORS = {"GOV", "MIL", "DIP", "INT", "JUD", "OPP", "REB", "LEG", "POL"}


def _rows(paths):
    for path in paths:
        for number, obj in read_jsonl(path):
            yield f"{path.name}:{number}", obj


def _iso(value, where):
    assert isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), f"{where}: bad date {value!r}"
    return date.fromisoformat(value)


def _states():
    return {obj["code"] for _w, obj in _rows([data_dir() / "actors" / "states.jsonl"]) if obj["kind"] == "state"}


def _curated_people():
    return {obj["id"]: obj for _w, obj in _rows(sorted((data_dir() / "actors").glob("*.jsonl")))
            if obj["kind"] == "person"}


def test_there_are_office_holder_files():
    assert FILES, "no data/actors/officeholders/*.jsonl"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_rows_are_well_formed(path):
    states = _states()
    seen = 0
    for where, obj in _rows([path]):
        seen += 1
        assert re.fullmatch(r"[a-z0-9_]+", obj["id"]), where
        assert obj["kind"] == "person", where
        assert isinstance(obj["name"], str) and obj["name"].strip(), where
        assert obj["country"] in states, f"{where}: country {obj['country']!r}"
        assert isinstance(obj.get("source"), str) and obj["source"].strip(), f"{where}: no source"
        names = obj["names"]
        assert names and set(names) <= NAME_KEYS, where
        forms = [f for v in names.values() for f in v]
        assert forms and all(isinstance(f, str) and f.strip() == f and f for f in forms), where
        assert obj["name"] in forms, f"{where}: the canonical name is not among its names"
        assert obj["roles"], f"{where}: no roles"
        for r in obj["roles"]:
            assert isinstance(r["post"], str) and r["post"].strip(), where
            # a role in an IGO (copied from a curated person) carries its code instead of a state
            assert r["country"] in states or (r["country"] is None and r.get("code")), f"{where}: {r}"
            assert r["sector"] in SECTORS, where
            start = _iso(r["start"], where)
            if r["end"] is not None:
                assert start <= _iso(r["end"], where), f"{where}: {r['post']} ends before it starts"
            assert r.get("approx", False) in (True, False), where
            assert start >= date(1900, 1, 1) and start <= date(2027, 1, 1), f"{where}: implausible start {start}"
    assert seen > 0


def test_ids_unique_and_consistent_with_curated_people():
    curated = _curated_people()
    ids = Counter(obj["id"] for _w, obj in _rows(FILES))
    assert [i for i, n in ids.items() if n > 1] == []
    for where, obj in _rows(FILES):
        if obj["id"] in curated:
            assert curated[obj["id"]]["name"] == obj["name"], f"{where}: {obj['id']} is someone else in people.jsonl"


def _intervals():
    """(post, country) -> [(start, end, id, where)], office-holder rows first, then curated people not re-listed."""
    by_post = defaultdict(list)
    ours = set()
    for where, obj in _rows(FILES):
        ours.add(obj["id"])
        for r in obj["roles"]:
            end = date.fromisoformat(r["end"]) if r["end"] else date.max
            key = (r["post"], r["country"] or r.get("code"))
            by_post[key].append((date.fromisoformat(r["start"]), end, obj["id"], where, True))
    for pid, obj in _curated_people().items():
        if pid in ours:
            continue
        for r in obj.get("roles", []):
            if not r.get("start"):
                continue
            end = date.fromisoformat(r["end"]) if r.get("end") else date.max
            key = (r["post"], r["country"] or r.get("code"))
            by_post[key].append((date.fromisoformat(r["start"]), end, pid, "people", False))
    return by_post


def test_no_post_has_two_holders_at_once():
    clashes = []
    for key, spans in _intervals().items():
        spans.sort()
        for i, a in enumerate(spans):
            for b in spans[i + 1:]:
                if b[0] >= a[1]:
                    break
                if (a[4] or b[4]) and not (a[2] == b[2] and a[3] == b[3] and a[0] == b[0]):
                    clashes.append(f"{key}: {a[2]} {a[0]}..{a[1]} / {b[2]} {b[0]}..{b[1]}")
    assert clashes == []


def test_a_person_does_not_hold_one_post_twice_at_once():
    for where, obj in _rows(FILES):
        by_post = defaultdict(list)
        for r in obj["roles"]:
            by_post[(r["post"], r["country"] or r.get("code"))].append((r["start"], r["end"] or "9999-12-31"))
        for key, spans in by_post.items():
            spans.sort()
            for (_a0, a1), (b0, _b1) in zip(spans, spans[1:]):
                assert b0 >= a1, f"{where}: {key} twice at once"
