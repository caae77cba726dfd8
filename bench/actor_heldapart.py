"""Held-apart actor resolution (issue #13): bench/heldapart/actor_cases.jsonl and bench/heldapart/leaders30.jsonl.

Usage: python bench/actor_heldapart.py [--failures] [--lexicon FILE ...] [--json]

Each case goes through ``kg.resolve.resolve_text`` (its text, language and date) and is scored by
``tests.test_actor_cases.score_case``, exactly as kg's own case suite is, with two additions:

- ``alt_codes``: other spellings of a non-state group's code that also count (``NSA:KH`` for ``NSA:KATAIB_HEZBOLLAH``);
- ``home``: a group's home state. Besides the strict score, every case gets a **state** score, the issue's "resolved
  to the right state": a person or state body passes when some actor overlapping the mention has the expected code
  (sector and role not checked); a group passes when it has the expected code (or an alt code) or when its code or its
  home country (``country`` in the output of ``resolve_text`` if kg gives one, else the actor's ``country`` in kg's
  lexicon) is the group's home state; a negative passes when nothing overlaps the mention.

Printed: strict and state pass rates overall, per category and per language; the 30 leaders scored by code only
(the right state, as the issue counts them); with --failures every failing case and what kg returned.
The files are a held-apart set: measure on them, never tune on them (bench/heldapart/README.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.test_actor_cases import load_cases, score_case  # noqa: E402

HELD = REPO / "bench" / "heldapart"
CASES = HELD / "actor_cases.jsonl"
LEADERS = HELD / "leaders30.jsonl"
CATEGORIES = ("office_2000_2015", "small_state_after_2015", "variant", "former", "group", "negative")


def _overlapping(case: dict, actors: list[dict]) -> list[dict]:
    start = case["text"].find(case["mention"])
    end = start + len(case["mention"])
    return [a for a in actors if a["start"] < end and a["end"] > start]


def strict_ok(case: dict, actors: list[dict]) -> tuple[bool, str]:
    """score_case on the case, then on the case with each alternative code."""
    ok, why = score_case(case, actors)
    for alt in case.get("alt_codes") or ():
        if ok:
            break
        ok, _ = score_case({**case, "code": alt}, actors)
    return ok, why


def state_ok(case: dict, actors: list[dict], home_of) -> bool:
    over = _overlapping(case, actors)
    if case["code"] is None:
        return not over
    codes = {case["code"], *(case.get("alt_codes") or ())}
    home = case.get("home")
    for a in over:
        if a["code"] in codes:
            return True
        if home and (a["code"] == home or home_of(a) == home):
            return True
    return False


def run(cases: list[dict], lexicon_files: tuple[str, ...]) -> list[dict]:
    try:
        from kg.extract.resolve import resolve_text
    except ImportError:  # kg before the issue #15 package layout
        from kg.resolve import resolve_text

    lexicon = None

    def home_of(actor: dict) -> str | None:
        nonlocal lexicon
        if "country" in actor:
            return actor["country"]
        if lexicon is None:
            try:
                from kg.lexicon.lexicon import load_lexicon
            except ImportError:  # kg before the issue #15 package layout
                from kg.lexicon import load_lexicon

            lexicon = load_lexicon(lexicon_files)
        found = lexicon.actors.get(actor.get("id") or "")
        return found.country if found is not None else None

    out = []
    for case in cases:
        actors = resolve_text(case["text"], lang=case["lang"], ref_date=date.fromisoformat(case["date"]),
                              lexicon_files=lexicon_files)  # fmt: skip
        ok, why = strict_ok(case, actors)
        out.append({**case, "passed": ok, "state": state_ok(case, actors, home_of), "why": why})
    return out


def tally(results: list[dict], key: str | None) -> dict[str, tuple[int, int, int]]:
    """{group: (strict passed, state passed, total)}."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in results:
        groups["all" if key is None else str(r.get(key))].append(r)
    return {g: (sum(r["passed"] for r in v), sum(r["state"] for r in v), len(v)) for g, v in groups.items()}


def _cell(p: int, n: int) -> str:
    return f"{p:>3}/{n:<3} {p / n:6.1%}" if n else " " * 14


def report(results: list[dict], leaders: list[dict], show_failures: bool) -> None:
    print(f"== held-apart actor cases ({CASES.relative_to(REPO)}): {len(results)} cases")
    print(f"{'':<24}{'strict':>14}   {'state':>14}")
    rows = [("all", tally(results, None)["all"])]
    by_cat = tally(results, "category")
    rows += [(c, by_cat[c]) for c in CATEGORIES if c in by_cat]
    rows += [(c, v) for c, v in sorted(by_cat.items()) if c not in CATEGORIES]
    rows += [(f"lang {k}", v) for k, v in sorted(tally(results, "lang").items())]
    for name, (s, st, n) in rows:
        print(f"  {name:<22}{_cell(s, n)}   {_cell(st, n)}")
    print(f"{'category x lang (strict)':<24}{'en':>14}   {'id':>14}")
    for c in [c for c in CATEGORIES if c in by_cat]:
        cells = []
        for lang in ("en", "id"):
            sub = [r for r in results if r["category"] == c and r["lang"] == lang]
            cells.append(_cell(sum(r["passed"] for r in sub), len(sub)))
        print(f"  {c:<22}{cells[0]}   {cells[1]}")
    if leaders:
        s, st, n = tally(leaders, None)["all"]
        print(f"\n== leaders ({LEADERS.relative_to(REPO)}), right state: {st}/{n}")
    if show_failures:
        print("\nfailures (strict; * = right state all the same):")
        for r in [*results, *leaders]:
            if not r["passed"] or not r["state"]:
                mark = "*" if r["state"] else " "
                print(f" {mark}[{r['lang']} {r['category']} {r['date']}] {r['text']!r} :: {r['mention']!r}: "
                      f"{r['why'] or 'right code, wrong state'}")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--failures", action="store_true", help="list the failing cases and what kg returned")
    ap.add_argument("--lexicon", nargs="*", default=[], help="extra actor files, as kg's --lexicon")
    ap.add_argument("--json", action="store_true", help="print the per-category numbers as JSON")
    args = ap.parse_args()
    for path in args.lexicon:
        if not Path(path).is_file():
            sys.exit(f"actor_heldapart: no such lexicon file: {path}")
    lex = tuple(args.lexicon)
    try:
        cases = load_cases(CASES)
        leader_cases = load_cases(LEADERS) if LEADERS.exists() else []
    except (OSError, ValueError, KeyError) as err:
        sys.exit(f"actor_heldapart: cannot read the cases: {err}")
    results = run(cases, lex)
    leaders = run(leader_cases, lex)
    if args.json:
        cats = tally(results, "category")
        lead = tally(leaders, None).get("all", (0, 0, 0))
        print(json.dumps({"all": tally(results, None)["all"], "categories": cats,
                          "languages": tally(results, "lang"), "leaders30_state": lead[1]}))  # fmt: skip
        return
    report(results, leaders, args.failures)


if __name__ == "__main__":
    main()
