#!/usr/bin/env python3
"""RDF speed: kg's export, load and SPARQL on a synthetic graph of >= 1,000,000 triples, fast path
(pyoxigraph: streamed export, bulk load, Oxigraph SPARQL) against plain rdflib.

    /work/venv/bin/python bench/rdf_speed.py                 # 1M triples, both paths (~10 minutes; rdflib is slow)
    /work/venv/bin/python bench/rdf_speed.py --skip-rdflib   # the fast path only (~1 minute)
    /work/venv/bin/python bench/rdf_speed.py --triples 200000 --repeats 3

Every stage runs in its own process so that its peak memory (ru_maxrss) is its own. Reported: building the
networkx event graph (not part of the export), the export (event graph -> Turtle / N-Triples file), loading
the file (into Oxigraph / an rdflib Graph), reading it back into networkx (kg.rdf.to_graph), peak memory,
and the median time of every query in data/queries/*.rq. The synthetic graph uses the ids the queries
name (actor:isr, actor:joko_widodo, event:ev_81463fb5be434537, codes ISR/LBN/IDN/PSE), so every query does
real work.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERIES = sorted((ROOT / "data" / "queries").glob("*.rq"))
TRIPLES_PER_EVENT = 44  # a little under what one synthetic event gives, so that the export has >= the triples asked for


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def synthetic_graph(n_triples: int, seed: int = 7):
    """An event graph with about ``n_triples`` triples in its RDF export."""
    import networkx as nx

    from kg.lexicon.cameo import table

    rng = random.Random(seed)
    codes = [c for c in table() if len(c) == 3]
    states = ["isr", "lbn", "idn", "pse", "egy", "usa", "chn", "phl", "rus", "irn"] + [f"s{i:03d}" for i in range(190)]
    people = ["joko_widodo"] + [f"p{i:04d}" for i in range(800)]
    G = nx.MultiDiGraph()
    n_events = n_triples // TRIPLES_PER_EVENT
    n_docs = max(1, n_events // 12)
    G.graph["documents"] = {f"d{i:06d}": {"title": f"Article {i}", "url": f"https://news{i % 40}.example/a/{i}", "lang": "en" if i % 3 else "id",
                                          "date": f"202{i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}", "source": f"a{i}.txt",
                                          "publisher": f"Outlet {i % 40}"} for i in range(n_docs)}  # fmt: skip
    for s in states:
        G.add_node(s, type="actor", kind="state", name=s.upper(), code=s.upper(), country=s.upper(), sector="", wikidata="", aliases=[s.upper()])
    for i, p in enumerate(people):
        c = states[i % len(states)].upper()
        G.add_node(p, type="actor", kind="person", name=p.replace("_", " ").title(), code=c, country=c, sector="GOV", wikidata="",
                   aliases=[p], roles=[{"post": "President", "country": c, "code": "", "sector": "GOV", "start": "2014-10-20", "end": "2024-10-20"}])  # fmt: skip
    for i in range(50):
        G.add_node(f"place:pl{i}", type="place", name=f"Place {i}", kind="city", country="ISR", lat=31.0 + i / 100, lon=35.0, code="")
    actors = states + people
    hot = ["isr", "lbn", "idn", "pse", "joko_widodo"]
    for n in range(n_events):
        doc = f"d{n % n_docs:06d}"
        u = rng.choice(hot) if rng.random() < 0.2 else rng.choice(actors)
        v = rng.choice(hot) if rng.random() < 0.2 else rng.choice(actors)
        if u == v:
            v = "lbn" if u != "lbn" else "isr"
        code = rng.choice(codes)
        day = f"202{rng.randrange(5)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        eid = "ev_81463fb5be434537" if n == 0 else f"ev_{n:016x}"
        start = 40 * (n // n_docs)
        G.add_edge(u, v, key=f"{eid}#0", event_id=eid, doc_id=doc, date=day, date_precision="day", date_inferred=False,
                   event_code=code, event_root=code[:2], event_label=f"CAMEO {code}", quad_class=table()[code].quad_class,
                   goldstein=table()[code].goldstein, source_code=G.nodes[u]["code"], source_name=G.nodes[u]["name"], source_text=u,
                   source_sector="GOV", source_role="", target_code=G.nodes[v]["code"], target_name=G.nodes[v]["name"], target_text=v,
                   target_sector="", target_role="", place="", place_id="", sentence=f"Sentence {n} about {u} and {v}.", sentence_index=n % 30,
                   char_start=start, char_end=start + 30, mention=f"{u} ... {v}", trigger="met", modality="asserted" if n % 10 else "future",
                   confidence=0.7, symmetric=False, rule="synthetic", quantities="")  # fmt: skip
    return G


def timed(fn, *args, **kwargs):
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t


def stage_fast_export(args) -> dict:
    from kg.outputs import rdf
    from kg.query import from_rdf

    G, t_build = timed(synthetic_graph, args.triples)
    rss_graph = rss_mb()
    out = Path(args.workdir)
    _p, t_ttl = timed(rdf.write, G, out / "graph.ttl")
    _p, t_nt = timed(rdf.write, G, out / "graph.nt")
    _p, t_nq = timed(rdf.write, G, out / "graph.nq")
    n = sum(1 for _ in open(out / "graph.nt", "rb"))
    return {"triples": n, "events": sum(1 for _ in G.edges()), "build_networkx_s": t_build, "rss_after_networkx_mb": rss_graph,
            "write_turtle_s": t_ttl, "write_ntriples_s": t_nt, "write_nquads_s": t_nq, "peak_rss_mb": rss_mb()}  # fmt: skip


def stage_rdflib_export(args) -> dict:
    from kg.outputs import rdf
    from kg.query import from_rdf

    G, t_build = timed(synthetic_graph, args.triples)
    rss_graph = rss_mb()
    g, t_graph = timed(rdf.to_rdf, G)
    out = Path(args.workdir)
    _b, t_ttl = timed(g.serialize, destination=str(out / "rdflib.ttl"), format="turtle", encoding="utf-8")
    _b, t_nt = timed(g.serialize, destination=str(out / "rdflib.nt"), format="nt", encoding="utf-8")
    return {"triples": len(g), "build_networkx_s": t_build, "rss_after_networkx_mb": rss_graph, "build_rdflib_graph_s": t_graph,
            "write_turtle_s": t_ttl, "write_ntriples_s": t_nt, "peak_rss_mb": rss_mb()}  # fmt: skip


def _queries() -> dict[str, str]:
    return {q.stem: q.read_text(encoding="utf-8") for q in QUERIES}


def stage_fast_load(args) -> dict:
    from kg.query.sparql import execute, open_store, results_rows

    path = Path(args.workdir) / f"graph.{args.fmt}"
    store, t_load = timed(open_store, path)
    rss_loaded = rss_mb()
    times, counts = {}, {}
    for name, q in _queries().items():
        runs = []
        for _ in range(args.repeats):
            (names, rows), t = timed(lambda: results_rows(execute(store, q)))
            runs.append(t)
        times[name], counts[name] = statistics.median(runs), len(rows)
    return {"load_s": t_load, "rss_after_load_mb": rss_loaded, "query_median_s": times, "rows": counts, "peak_rss_mb": rss_mb()}


def stage_to_graph(args) -> dict:
    from kg.outputs import rdf
    from kg.query import from_rdf

    G, t = timed(rdf.to_graph, Path(args.workdir) / "graph.nt")
    return {"to_graph_s": t, "edges": G.number_of_edges(), "peak_rss_mb": rss_mb()}


def stage_rdflib_load(args) -> dict:
    from rdflib import Graph

    from kg.outputs.rdf.vocab import PREFIXES
    from kg.outputs.rdf.vocab import INSTANCE_PREFIXES

    progress = Path(args.workdir) / "rdflib_load.json"
    g = Graph()
    _g, t_load = timed(g.parse, str(Path(args.workdir) / "graph.ttl"), format="turtle")
    res = {"load_s": t_load, "rss_after_load_mb": rss_mb(), "query_median_s": {}, "rows": {}, "peak_rss_mb": rss_mb()}
    progress.write_text(json.dumps(res))
    ns = {**PREFIXES, **INSTANCE_PREFIXES}
    for name, q in _queries().items():  # partial results are kept: the parent may stop a query that runs too long
        runs = []
        for _ in range(args.rdflib_repeats):
            rows, t = timed(lambda: list(g.query(q, initNs=ns)))
            runs.append(t)
        res["query_median_s"][name], res["rows"][name] = statistics.median(runs), len(rows)
        res["peak_rss_mb"] = rss_mb()
        progress.write_text(json.dumps(res))
    return res


STAGES = {"fast_export": stage_fast_export, "rdflib_export": stage_rdflib_export, "fast_load": stage_fast_load,
          "to_graph": stage_to_graph, "rdflib_load": stage_rdflib_load}  # fmt: skip


def run_stage(name: str, args, timeout: float | None = None, **extra) -> dict:
    cmd = [sys.executable, __file__, "--stage", name, "--workdir", args.workdir, "--triples", str(args.triples),
           "--repeats", str(args.repeats), "--rdflib-repeats", str(args.rdflib_repeats)]  # fmt: skip
    for k, v in extra.items():
        cmd += [f"--{k}", str(v)]
    print(f"... {name} {' '.join(f'{k}={v}' for k, v in extra.items())}", file=sys.stderr, flush=True)
    try:
        out = subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        partial = Path(args.workdir) / f"{name}.json"
        res = json.loads(partial.read_text()) if partial.exists() else {}
        res["timed_out_after_s"] = timeout
        return res
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--repeats", type=int, default=5, help="runs per query on the fast path (median)")
    ap.add_argument("--rdflib-repeats", type=int, default=1, help="runs per query on rdflib (median)")
    ap.add_argument("--skip-rdflib", action="store_true")
    ap.add_argument("--rdflib-timeout", type=float, default=420,
                    help="stop rdflib's load+queries stage after this many seconds (queries not reached show as '> ...')")  # fmt: skip
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--stage", choices=sorted(STAGES), help=argparse.SUPPRESS)
    ap.add_argument("--workdir", help=argparse.SUPPRESS)
    ap.add_argument("--fmt", default="nt", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.stage:
        print(json.dumps(STAGES[args.stage](args)))
        return 0
    with tempfile.TemporaryDirectory(prefix="kg-rdf-bench-") as tmp:
        args.workdir = tmp
        res = {"fast_export": run_stage("fast_export", args)}
        res["fast_load_nt"] = run_stage("fast_load", args, fmt="nt")
        res["fast_load_ttl"] = run_stage("fast_load", args, fmt="ttl")
        res["to_graph"] = run_stage("to_graph", args)
        if not args.skip_rdflib:
            res["rdflib_export"] = run_stage("rdflib_export", args)
            res["rdflib_load"] = run_stage("rdflib_load", args, timeout=args.rdflib_timeout)
    if args.json:
        print(json.dumps(res, indent=2))
        return 0
    fe = res["fast_export"]
    print(f"synthetic export: {fe['triples']:,} triples, {fe['events']:,} events; networkx graph built in {fe['build_networkx_s']:.1f}s "
          f"({fe['rss_after_networkx_mb']:.0f} MB)")  # fmt: skip
    rows = [("step", "fast path (pyoxigraph)", "rdflib")]
    re_ = res.get("rdflib_export", {})
    rl = res.get("rdflib_load", {})
    f = lambda x, unit="s": "-" if x is None else (f"{x:.2f} s" if unit == "s" else f"{x:.0f} MB")  # noqa: E731
    rows.append(("export: build RDF graph", "streamed (none)", f(re_.get("build_rdflib_graph_s"))))
    rows.append(("export: write Turtle", f(fe["write_turtle_s"]), f(re_.get("write_turtle_s"))))
    rows.append(("export: write N-Triples", f(fe["write_ntriples_s"]), f(re_.get("write_ntriples_s"))))
    rows.append(("export: write N-Quads (graph per document)", f(fe["write_nquads_s"]), "-"))
    rows.append(("export: peak memory (incl. networkx graph)", f(fe["peak_rss_mb"], "mb"), f(re_.get("peak_rss_mb"), "mb")))
    rows.append(("load N-Triples", f(res["fast_load_nt"]["load_s"]), "-"))
    rows.append(("load Turtle", f(res["fast_load_ttl"]["load_s"]), f(rl.get("load_s"))))
    rows.append(("load: peak memory (Turtle, all queries)", f(res["fast_load_ttl"]["peak_rss_mb"], "mb"), f(rl.get("peak_rss_mb"), "mb")))
    rows.append(("RDF -> networkx (kg.rdf.to_graph, N-Triples)", f(res["to_graph"]["to_graph_s"]), "-"))
    for name in res["fast_load_ttl"]["query_median_s"]:
        fast = res["fast_load_ttl"]["query_median_s"][name]
        slow = rl.get("query_median_s", {}).get(name)
        n = res["fast_load_ttl"]["rows"][name]
        slow_text = f(slow) if slow is not None or "timed_out_after_s" not in rl else f"not done in {rl['timed_out_after_s']:.0f} s stage"
        rows.append((f"query {name} ({n} rows)", f(fast), slow_text))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    for i, r in enumerate(rows):
        print(" | ".join(c.ljust(w) for c, w in zip(r, widths)))
        if i == 0:
            print("-+-".join("-" * w for w in widths))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
