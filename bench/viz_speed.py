"""HTML view speed: page generation time and time-to-interactive in headless Chromium (network blocked).

Usage: python bench/viz_speed.py [--sizes 500,2000,10000] [--events-per-node 2.5] [--max-nodes N] [--keep DIR]

For each size a synthetic event graph is generated (:func:`synthetic_graph`: power-law actor activity,
communities, a year of dates, all four quad classes, some non-asserted events, places, Indonesian and
non-Latin names), rendered with :func:`kg.viz.render_html` (timed: layout + page), opened from disk in
Debian's Chromium with every non-file request aborted, and timed until ``window.kgDrawn`` (first drawing
done, the page answers input), then one date-filter change (``kgRefresh``) and one redraw are timed.
Above kg's aggregation limit (``--max-nodes``, default :data:`kg.viz.MAX_NODES`) the page shows the top
actors only and says so; the "drawn" column tells how many nodes the page really drew.
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import networkx as nx

KINDS = (("state", 0.3), ("person", 0.25), ("organisation", 0.2), ("igo", 0.05), ("armed_group", 0.1), ("group", 0.1))
NAMES = ("Kementerian Luar Negeri", "Tentara Nasional", "Presiden", "Ministry of Defence", "Parliament", "Россия",
         "Иран", "إيران", "الحكومة", "中国外交部", "日本政府", "Υπουργείο", "Ñandú Fuerzas", "Pasukan Keamanan")  # fmt: skip
EVENT_TYPES = (  # (code, root, label, quad, goldstein)
    ("010", "01", "Make public statement", 1, 0.0), ("036", "03", "Express intent to meet or negotiate", 1, 4.0),
    ("040", "04", "Consult", 1, 1.0), ("042", "04", "Make a visit", 1, 1.9), ("051", "05", "Engage in diplomatic cooperation", 1, 3.5),
    ("061", "06", "Cooperate economically", 2, 6.4), ("070", "07", "Provide aid", 2, 7.0), ("081", "08", "Ease sanctions", 2, 5.0),
    ("111", "11", "Criticize or denounce", 3, -2.0), ("120", "12", "Reject", 3, -4.0), ("130", "13", "Threaten", 3, -4.4),
    ("160", "16", "Reduce relations", 3, -4.0), ("173", "17", "Arrest, detain", 4, -5.0), ("190", "19", "Use conventional military force", 4, -10.0),
    ("195", "19", "Employ aerial weapons", 4, -10.0), ("183", "18", "Conduct suicide, car, or other non-military bombing", 4, -10.0),
)  # fmt: skip


def synthetic_graph(n_nodes: int, n_events: int | None = None, *, seed: int = 1, places: float = 0.1) -> nx.MultiDiGraph:
    """A kg-shaped event graph with ``n_nodes`` actors and places and ``n_events`` events (2.5 per node by default).

    Nodes and edges carry the attributes of :mod:`kg.graph` (``EDGE_FIELDS``, ``place_of`` links,
    ``G.graph["documents"]``); every node takes part in at least one event.
    """
    rng = random.Random(seed)
    n_events = int(n_nodes * 2.5) if n_events is None else n_events
    n_places = int(n_nodes * places)
    n_actors = n_nodes - n_places
    G = nx.MultiDiGraph()
    docs = {}
    n_docs = max(1, n_events // 6)
    start = date(2024, 1, 1)
    for i in range(n_docs):
        d = start + timedelta(days=rng.randrange(366))
        docs[f"doc{i}"] = {"title": f"Synthetic report {i} — Laporan {i}", "url": f"https://news.example.org/{i}",
                           "lang": rng.choice(("en", "id")), "date": d.isoformat(), "source": "", "publisher": rng.choice(("Example Wire", "Kantor Berita"))}  # fmt: skip
    G.graph["documents"] = docs
    kinds, weights = zip(*KINDS)
    actors = []
    for i in range(n_actors):
        kind = rng.choices(kinds, weights)[0]
        name = f"{rng.choice(NAMES)} {i}"
        code = f"X{i:05d}" if kind == "state" else (f"IGO:O{i}" if kind == "igo" else f"NSA:{i}")
        G.add_node(f"a{i}", type="actor", name=name, kind=kind, code=code, country="", sector="", wikidata="", aliases=[name])
        actors.append(f"a{i}")
    place_ids = []
    for i in range(n_places):
        G.add_node(f"place:p{i}", type="place", name=f"Kota {i} / Город {i}", kind="city", country="", lat=None, lon=None, code="")
        place_ids.append(f"place:p{i}")
    # power-law activity inside ~sqrt(n) communities, with some cross-community events
    n_comm = max(1, int(math.sqrt(n_actors) / 2))
    comm = [actors[c::n_comm] for c in range(n_comm)]
    act_w = [1.0 / (r + 1) ** 0.8 for r in range(n_actors)]
    rng.shuffle(act_w)
    order = list(range(n_actors))
    cum = list(itertools.accumulate(act_w))

    def pick(pool_idx=None):
        if pool_idx is None:
            return rng.choices(order, cum_weights=cum)[0]
        pool = comm[pool_idx]
        return int(rng.choice(pool)[1:])

    uncovered = list(range(n_actors))
    rng.shuffle(uncovered)
    uncovered_places = list(place_ids)
    for k in range(n_events):
        if uncovered:
            s = uncovered.pop()
            t = pick(s % n_comm) if rng.random() < 0.7 else pick()
        else:
            s = pick()
            t = pick(s % n_comm) if rng.random() < 0.7 else pick()
        if t == s:
            t = (s + 1) % n_actors
        code, root, label, quad, gold = rng.choice(EVENT_TYPES)
        doc = f"doc{rng.randrange(n_docs)}"
        day = start + timedelta(days=rng.randrange(366))
        prec = "day" if rng.random() < 0.85 else "month"
        value = day.isoformat() if prec == "day" else day.isoformat()[:7]
        src, tgt = G.nodes[f"a{s}"], G.nodes[f"a{t}"]
        place = uncovered_places.pop() if uncovered_places else (rng.choice(place_ids) if place_ids and rng.random() < 0.3 else "")
        sentence = f"{src['name']} {label.lower()} {tgt['name']} on {value}" + (f" in {G.nodes[place]['name']}" if place else "") + "."
        mod = rng.choices(("asserted", "negated", "future", "hypothetical"), (0.85, 0.05, 0.07, 0.03))[0]
        G.add_edge(f"a{s}", f"a{t}", key=f"ev{k}#0", event_id=f"ev{k}", doc_id=doc, date=value, date_precision=prec,
                   date_inferred=False, event_code=code, event_root=root, event_label=label, quad_class=quad, goldstein=gold,
                   source_code=src["code"], source_name=src["name"], source_text=src["name"], source_sector="", source_role="",
                   target_code=tgt["code"], target_name=tgt["name"], target_text=tgt["name"], target_sector="", target_role="",
                   place=G.nodes[place]["name"] if place else "", place_id=place.removeprefix("place:"), sentence=sentence,
                   sentence_index=0, char_start=k, char_end=k + len(sentence), mention=sentence, trigger=label.split()[0].lower(),
                   modality=mod, confidence=0.8, symmetric=False, rule="synthetic")  # fmt: skip
        if place:
            G.add_edge(f"a{s}", place, key=f"ev{k}@place", kind="place_of", event_id=f"ev{k}")
    return G


def time_page(browser, path: Path) -> dict:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    failed: list[str] = []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page.on("requestfailed", lambda r: failed.append(r.url))
    t0 = time.perf_counter()
    page.goto(path.as_uri(), timeout=180_000)
    while not page.evaluate("window.kgDrawn === true"):  # (wait_for_function's polling uses eval, which the page's CSP forbids)
        time.sleep(0.02)
    wall = time.perf_counter() - t0
    nav = page.evaluate("window.kgDrawnAt")  # ms since navigation start, measured inside the page
    drawn = page.evaluate("window.network.body.nodeIndices.length")
    refresh_ms = page.evaluate("""(() => { const s = document.getElementById('since');
        s.value = window.kgData.dateMin ? window.kgData.dateMid : ''; const t = performance.now(); window.kgRefresh();
        return performance.now() - t; })()""")
    redraw_ms = page.evaluate("(() => { const t = performance.now(); window.network.redraw(); return performance.now() - t; })()")
    page.close()
    return {"tti_s": nav / 1000, "wall_s": wall, "drawn": drawn, "refresh_ms": refresh_ms, "redraw_ms": redraw_ms, "failed": len(failed)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="500,2000,10000")
    ap.add_argument("--events-per-node", type=float, default=2.5)
    ap.add_argument("--max-nodes", type=int, default=None, help="kg's aggregation limit (default kg.viz.MAX_NODES; 0 = never)")
    ap.add_argument("--keep", type=Path, default=None, help="keep the pages in this folder")
    args = ap.parse_args()

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from conftest import chromium_path  # noqa: E402
    from playwright.sync_api import sync_playwright

    from kg.outputs import viz

    max_nodes = viz.MAX_NODES if args.max_nodes is None else (args.max_nodes or None)
    out = args.keep or Path(tempfile.mkdtemp(prefix="kg-viz-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    exe = chromium_path()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, headless=True, args=["--no-sandbox", "--disable-gpu"]) if exe else None
        for n in [int(s) for s in args.sizes.split(",")]:
            G = synthetic_graph(n, int(n * args.events_per_node))
            n_events = sum(1 for *_x, d in G.edges(data=True) if "event_code" in d)
            t0 = time.perf_counter()
            timings: dict[str, float] = {}
            html = viz.render_html(G, title=f"synthetic {n} nodes", max_nodes=max_nodes, timings=timings)
            gen = time.perf_counter() - t0
            path = out / f"synthetic-{n}.html"
            path.write_text(html, encoding="utf-8")
            row = {"nodes": n, "events": n_events, "gen_s": gen, "layout_s": timings.get("layout_s", 0.0),
                   "mb": len(html.encode()) / 1e6}  # fmt: skip
            if browser:
                row |= time_page(browser, path)
            rows.append(row)
            print(" ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items()), flush=True)
        if browser:
            browser.close()
    print()
    print(f"| nodes | events | drawn nodes | page MB | generate s (layout s) | time to interactive s | filter change ms | redraw ms |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['nodes']:,} | {r['events']:,} | {r.get('drawn', '-')} | {r['mb']:.1f} | {r['gen_s']:.2f} ({r['layout_s']:.2f}) | "
              f"{r.get('tti_s', float('nan')):.2f} | {r.get('refresh_ms', float('nan')):.0f} | {r.get('redraw_ms', float('nan')):.0f} |")
    if not args.keep:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
