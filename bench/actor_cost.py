"""The cost of actor knowledge at scale (issue #13 item 6): start-up of ``kg actors`` and peak memory of a
one-article ``kg build``, with every source of actors and, side by side, with the curated data only.

Usage: python bench/actor_cost.py [--runs 5] [--article FILE]

Each measurement is a fresh process (``python -m kg.cli``), so it includes importing kg and spaCy, loading the
lexicon, building the pipeline and, for the full sources, loading the name index (the caches in
``$KG_CACHE_DIR`` or ``~/.cache/kg`` are warmed by one untimed run first, as a user's second run would find them).
The reference sets ``KG_ACTOR_SOURCES=curated``: kg's actors as they were before the office-holders and the
PETRARCH2 import were loaded by default. Printed: median and min wall time of ``kg actors`` over --runs runs, peak
RSS (``ru_maxrss`` of the child) of ``kg actors`` and of ``kg build`` on one article, and the counts of people,
roles, groups and states each source holds.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SENTENCE = ["Presiden Rusia, Vladimir Putin, menelepon Raisi", "--lang", "id", "--date", "2024-04-16"]
SETTINGS = {"all sources": None, "curated only": "curated"}


def _env(sources: str | None) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop("KG_ACTOR_SOURCES", None)
    if sources:
        env["KG_ACTOR_SOURCES"] = sources
    return env


def _peak_kb(cmd: list[str], env: dict) -> tuple[float, int]:
    """(seconds, peak RSS in KiB) of one child process, measured by a wrapper so children do not add up."""
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE); "
             "s = time.perf_counter() - t; "
             "sys.exit(r.stderr.decode()[-400:]) if r.returncode else "
             "print(s, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", probe, *cmd], env=env, capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"actor_cost: {' '.join(cmd[:4])} failed: {out.stderr.strip()}")
    secs, kb = out.stdout.split()
    return float(secs), int(kb)


def counts() -> dict:
    from kg.lexicon import petrarch
    from kg.lexicon.lexicon import Lexicon, bundled_files, officeholder_files

    cur = Lexicon()
    for path in bundled_files():
        cur.add_file(path)
    out = {}
    people = [a for a in cur.actors.values() if a.kind.value == "person"]
    groups = [a for a in cur.actors.values() if a.kind.value not in ("person", "state")]
    out["curated"] = {"people": len(people), "roles": sum(len(a.roles) for a in people), "groups": len(groups),
                      "states": len({r.country for a in people for r in a.roles if r.country})}  # fmt: skip
    rows = [o for p in officeholder_files() for _n, o in __import__("kg.resources", fromlist=["x"]).read_jsonl(p)]
    new = [o for o in rows if o["id"] not in cur.actors]
    out["officeholders"] = {"people": len(rows), "new people": len(new), "roles": sum(len(o["roles"]) for o in rows),
                            "states": len({r["country"] for o in rows for r in o["roles"]})}  # fmt: skip
    p2 = [json.loads(t) for t in petrarch._data().rows.values()]
    pp = [o for o in p2 if o["kind"] == "person"]
    out["petrarch2"] = {"people": len(pp), "roles": sum(len(o.get("roles", [])) for o in pp),
                        "groups": len(p2) - len(pp),
                        "armed groups": sum(o["kind"] == "armed_group" for o in p2),
                        "groups with a home state": sum(o["kind"] != "person" and bool(o.get("country")) for o in p2),
                        "states": len({o.get("country") for o in p2 if o.get("country")})}  # fmt: skip
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--article", type=Path, default=None, help="one article for kg build (default: a bundled sample)")
    args = ap.parse_args()
    if args.article is not None and not args.article.is_file():
        sys.exit(f"actor_cost: no such article: {args.article}")
    import kg

    article = args.article or Path(kg.sample_path("id-kunjungan.txt"))
    kg_cmd = [sys.executable, "-m", "kg.cli"]
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; {args.runs} runs each; article {article.name}")
    print(f"{'':<14}{'kg actors median':>18}{'min':>8}{'peak RSS':>11}{'kg build peak RSS':>20}{'build s':>9}")
    for label, sources in SETTINGS.items():
        env = _env(sources)
        _peak_kb([*kg_cmd, "actors", *SENTENCE], env)  # warm the caches
        runs = [_peak_kb([*kg_cmd, "actors", *SENTENCE], env) for _ in range(args.runs)]
        with tempfile.TemporaryDirectory() as tmp:
            _peak_kb([*kg_cmd, "build", str(article), "--out", tmp], env)  # warm
            b_secs, b_kb = _peak_kb([*kg_cmd, "build", str(article), "--out", tmp], env)
        secs = [r[0] for r in runs]
        print(f"{label:<14}{statistics.median(secs):>16.2f} s{min(secs):>6.2f} s{max(r[1] for r in runs) / 1024:>8.0f} MB"
              f"{b_kb / 1024:>17.0f} MB{b_secs:>8.2f}s")  # fmt: skip
    print("\nactors by source (people, their dated roles, groups, states covered):")
    for source, c in counts().items():
        print(f"  {source:<14}" + ", ".join(f"{k} {v:,}" for k, v in c.items()))


if __name__ == "__main__":
    t0 = time.perf_counter()
    main()
    print(f"({time.perf_counter() - t0:.0f} s)")
