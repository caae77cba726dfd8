"""HTML view speed: page generation, and first draw and redraw in headless Chromium (network blocked), side by
side with a reference page in the same run.

Usage: python bench/viz_speed.py [--sizes 500,2000,10000] [--events-per-node 2.5] [--max-nodes N] [--repeat 3]
                                 [--keep DIR] [--no-reference]

For each size a synthetic event graph is generated (:func:`synthetic_graph`: power-law actor activity,
communities, a year of dates, all four quad classes, some non-asserted events, month-dated events, places,
Indonesian and non-Latin names) and rendered with :func:`kg.outputs.viz.render_html` (timed: data, layout,
page). The reference is a bare vis-network 9.1.2 page (the library the view drew with before, inlined from
pyvis) with the same nodes, positions, colours, sizes and links and nothing else: no controls, no labels
placed, physics off. Each page is opened from disk ``--repeat`` times, kg's and the reference in turn (the
machine is shared: the medians of pages opened side by side compare, absolute numbers move with the load,
printed with the table), with every non-file request aborted, and timed:

- first draw: from navigation start until the first frame is painted (``window.kgDrawnAt``; the reference's
  first ``afterDrawing``), each page forcing its canvas to finish with ``getImageData`` before it says so;
- redraw: a repaint of the unchanged view (hover, selection, tooltip; kg repaints from its cached graph
  bitmap and places the labels anew), finished on the canvas; the reference: ``network.redraw()``;
- full repaint (kg only): the graph layer painted anew, as after a pan or zoom comes to rest;
- filter change (kg only): the date filter moved to mid-range, visibility recomputed and repainted.

Above kg's aggregation limit (``--max-nodes``, default :data:`kg.outputs.viz.MAX_NODES`) the page shows the
top actors only and says so; the "drawn" column tells how many nodes the page really drew.
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import random
import shutil
import statistics
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


REFERENCE = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>__CSS__</style>
<style>body { margin: 0; } #graph { position: absolute; left: 270px; top: 40px; right: 0; bottom: 120px; }</style></head>
<body><div id="graph"></div><script>__JS__</script>
<script type="application/json" id="data">__DATA__</script>
<script>
var D = JSON.parse(document.getElementById("data").textContent);
window.network = new vis.Network(document.getElementById("graph"), {nodes: new vis.DataSet(D.nodes), edges: new vis.DataSet(D.edges)},
  {physics: false, layout: {improvedLayout: false}, edges: {smooth: false, arrows: {to: {scaleFactor: 0.6}}}, nodes: {borderWidth: 1}});
window.network.fit({animation: false});
window.network.once("afterDrawing", function (ctx) {
  ctx.getImageData(0, 0, 1, 1); window.kgDrawnAt = performance.now(); window.kgDrawn = true; });
</script></body></html>"""


def reference_page(html: str) -> str:
    """A bare vis-network page with the nodes and links of kg's page ``html``."""
    import json
    import re
    from importlib.resources import files

    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S).group(1))

    def rows(t):  # kg.outputs.viz._columns back to one dict per item
        items = [{k: col[i] for k, col in t["cols"].items()} for i in range(t["n"])]
        for k, m in t["sparse"].items():
            for i, v in m.items():
                items[int(i)][k] = v
        return items

    quad_color = {q["quad"]: q["color"] for q in data["quads"]}
    nodes = [{"id": n["id"], "label": n["label"], "x": n["x"], "y": n["y"], "size": n["size"], "color": n["color"], "shape": n["shape"]}
             for n in rows(data["nodes"])]  # fmt: skip
    edges = [{"from": e["from"], "to": e["to"], "arrows": "to" if e["kind"] == "dyad" else "",
              "color": quad_color.get(e.get("quad"), "#999999") if e["kind"] == "dyad" else data["placeColor"],
              "width": 1 + 2 * math.log2(len(e["ev"]))} for e in rows(data["edges"])]  # fmt: skip
    lib = files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    text = json.dumps({"nodes": nodes, "edges": edges}, ensure_ascii=False).replace("<", "\\u003c")
    parts = {"__CSS__": (lib / "vis-network.css").read_text(encoding="utf-8"), "__DATA__": text,
             "__JS__": (lib / "vis-network.min.js").read_text(encoding="utf-8").replace("</script", "<\\/script")}  # fmt: skip
    return re.sub(r"__(?:CSS|JS|DATA)__", lambda m: parts[m.group(0)], REFERENCE)


def _open(browser, path: Path):
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page.goto(path.as_uri(), timeout=180_000)
    while not page.evaluate("window.kgDrawn === true"):  # (wait_for_function's polling uses eval, which the page's CSP forbids)
        time.sleep(0.02)
    return page


def time_page(browser, path: Path) -> dict:
    page = _open(browser, path)
    row = {"first_s": page.evaluate("window.kgDrawnAt") / 1000, "drawn": page.evaluate("window.kgVisibleNodes")}
    row["redraw_ms"] = statistics.median(page.evaluate("kgGraph.frame()") for _ in range(5))
    row["repaint_ms"] = statistics.median(page.evaluate("kgGraph.redraw()") for _ in range(3))
    row["filter_ms"] = page.evaluate("""(() => { const s = document.getElementById('since');
        s.value = window.kgData.dateMin ? window.kgData.dateMid : ''; const t = performance.now(); window.kgRefresh();
        window.kgGraph.redraw(); return performance.now() - t; })()""")
    page.close()
    return row


def time_reference(browser, path: Path) -> dict:
    page = _open(browser, path)
    row = {"ref_first_s": page.evaluate("window.kgDrawnAt") / 1000}
    row["ref_redraw_ms"] = statistics.median(page.evaluate("""(() => { const t = performance.now(); window.network.redraw();
        window.network.canvas.frame.canvas.getContext('2d').getImageData(0, 0, 1, 1); return performance.now() - t; })()""")
        for _ in range(3))  # fmt: skip
    page.close()
    return row


def _median_rows(runs: list[dict]) -> dict:
    return {k: statistics.median(r[k] for r in runs) if isinstance(runs[0][k], float) else runs[0][k] for k in runs[0]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="500,2000,10000")
    ap.add_argument("--events-per-node", type=float, default=2.5)
    ap.add_argument("--max-nodes", type=int, default=None, help="kg's aggregation limit (default kg.outputs.viz.MAX_NODES; 0 = never)")
    ap.add_argument("--repeat", type=int, default=3, help="open each page this many times, kg's and the reference in turn")
    ap.add_argument("--no-reference", action="store_true", help="time kg's page only")
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
    if exe is None:
        print("chromium is not installed: generation times only", file=sys.stderr)
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
                   "mb": len(html.encode()) / 1e6, "load": os.getloadavg()[0]}  # fmt: skip
            if browser:
                ref = out / f"reference-{n}.html"
                if not args.no_reference:
                    ref.write_text(reference_page(html), encoding="utf-8")
                runs = []
                for _ in range(args.repeat):
                    r = time_page(browser, path)
                    if not args.no_reference:
                        r |= time_reference(browser, ref)
                    runs.append(r)
                row |= _median_rows(runs)
                row["load"] = (row["load"] + os.getloadavg()[0]) / 2
            rows.append(row)
            print(" ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items()), flush=True)
        if browser:
            browser.close()
    nan = float("nan")
    print()
    print(f"medians of {args.repeat} openings at 1440x900; machine load average during the run: "
          + ", ".join(f"{r['load']:.1f}" for r in rows) + f" on {os.cpu_count()} cores")
    print("| nodes | events | drawn | page MB | generate s (layout s) | first draw s (reference) | redraw ms (reference) "
          "| full repaint ms | filter change ms |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['nodes']:,} | {r['events']:,} | {r.get('drawn', '-')} | {r['mb']:.1f} | {r['gen_s']:.2f} ({r['layout_s']:.2f}) "
              f"| {r.get('first_s', nan):.2f} ({r.get('ref_first_s', nan):.2f}) | {r.get('redraw_ms', nan):.0f} ({r.get('ref_redraw_ms', nan):.0f}) "
              f"| {r.get('repaint_ms', nan):.0f} | {r.get('filter_ms', nan):.0f} |")
    if not args.keep:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
