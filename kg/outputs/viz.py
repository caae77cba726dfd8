"""The HTML view: a self-contained, offline, interactive event-graph explorer.

One HTML file, nothing fetched at open time: kg's page (``kg/outputs/templates/view.html``, its script
``view.js`` and the label placement shared with ``kg serve``'s app, ``kg/serve/static/labels.js``) is inlined,
and the graph travels as JSON inside a ``<script type="application/json">`` element with ``<``, ``>`` and
``&`` escaped. Every piece of article text is put on the page with ``textContent`` or painted on the canvas
with ``fillText``: it can never become markup or script.

What the page shows: actors and places as nodes (shape and colour by kind, size by number of events),
each source-target pair (dyad) as one arrow coloured by its dominant quad class, width by number of
events, labelled with the event type; a click expands a dyad into its events. Hovering shows the events
with the evidence sentence (trigger and actors highlighted) and the source, and the event's other reports
(an event is one act, however many reports it merges: one record, listing them); a click pins them in a side
panel. Controls: date range (slider and date fields), event-class and quad-class filters, actor search
with focus on its 1-2 hop neighbourhood, non-asserted events on/off, physics on/off; a timeline under
the graph follows the same filters.

Drawing: positions are computed here (:func:`layout`, a vectorised force layout); the page paints the graph
itself on one canvas, in batches (one path per colour), keeps the painted graph as a bitmap between view
changes and places labels so that they never overlap, so 10,000 nodes draw in about a second and repaint
in milliseconds (``bench/viz_speed.py``). Node labels keep one size on screen; edge labels show whole on
hover and, from a closer zoom on, wherever they have room. Above ``max_nodes`` (:data:`MAX_NODES`) the page
keeps the most active actors and says so on the page.

The page exposes ``window.kgGraph`` (the canvas: ``fit``, ``moveTo``, ``getScale``, ``canvasToDOM``,
``getPositions``, ``visibleNodes``, ``visibleEdges``, ``labels``, ``redraw``, ...), ``window.kgData`` (the
embedded data), ``window.kgRefresh()``, ``window.kgFocus(id, hops)`` and ``window.kgExpand(edge id)``, and sets
``window.kgDrawn = true`` once the first frame is painted (``window.kgDrawnAt``: when, in ms).
"""

from __future__ import annotations

import json
import math
import re
import time
from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from datetime import date
from importlib.resources import files
from pathlib import Path

import networkx as nx

from kg.graph.build import event_edges_of
from kg.lexicon.cameo import QUAD_COLORS, QUAD_LABELS
from kg.util import atomic_write_text

MAX_NODES = 20000  # above this many nodes the page shows the most active actors only (and says so)

KIND_STYLE = {
    "state": ("#1f77b4", "dot"),
    "person": ("#ff7f0e", "diamond"),
    "organisation": ("#2ca02c", "square"),
    "igo": ("#9467bd", "star"),
    "armed_group": ("#d62728", "triangle"),
    "group": ("#8c564b", "dot"),
    "place": ("#7f7f7f", "triangleDown"),
}
KIND_LABEL = {"state": "state", "person": "person", "organisation": "organisation", "igo": "international organisation",
              "armed_group": "armed group", "group": "other group", "place": "place"}  # fmt: skip
PLACE_EDGE_COLOR = "#aaaaaa"



def _template(name: str = "view.html") -> str:
    return (files("kg.outputs") / "templates" / name).read_text(encoding="utf-8")


def _shared_js() -> str:
    """The label placement that ``kg serve``'s app uses too (one implementation for both views)."""
    return (files("kg.serve") / "static" / "labels.js").read_text(encoding="utf-8")


def _json_for_script(obj) -> str:
    """JSON that is safe inside a <script> element: no '<', '>', '&' or line separators can close it."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )  # fmt: skip


def _columns(items: list[dict]) -> dict:
    """``items`` as columns, the page's format for nodes, edges and records (a third smaller, parsed faster):
    ``{"n": count, "cols": {key: [value per item]}, "sparse": {key: {"index": value}}}`` for keys that
    only some items have. The page turns it back into one object per item."""
    counts = Counter(k for item in items for k in item)
    n = len(items)
    return {
        "n": n,
        "cols": {k: [item[k] for item in items] for k, c in counts.items() if c == n},
        "sparse": {k: {str(i): item[k] for i, item in enumerate(items) if k in item} for k, c in counts.items() if c < n},
    }


def view_nodes(G: nx.MultiDiGraph) -> list[str]:
    """Nodes the view draws: actors and places that take part in at least one event."""
    return sorted(n for n in G.nodes if G.degree(n) > 0)


# ----------------------------------------------------------------------------------------------- layout


def _force_layout(n: int, src, dst, weight, *, seed: int = 7, iterations: int | None = None):
    """Fruchterman-Reingold in numpy: exact repulsion up to 800 nodes, grid (cell centroid) repulsion above.

    ``O(n * cells)`` per iteration instead of networkx's ``O(n^2)`` Python loop: 2,000 nodes lay out in
    about a second where ``nx.spring_layout`` takes 15-20 s.
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    if n == 1:
        return pos
    iterations = iterations or (100 if n <= 3000 else 60)
    k = 1.0 / math.sqrt(n)
    k2 = k * k
    src = np.asarray(src, dtype=np.int64)
    dst = np.asarray(dst, dtype=np.int64)
    w = np.sqrt(np.asarray(weight, dtype=np.float64))
    temp = 0.1
    cool = temp / (iterations + 1)
    exact = n <= 800
    side = int(min(24, max(8, math.sqrt(n) / 2.5)))
    for _ in range(iterations):
        px, py = pos[:, 0].astype(np.float32), pos[:, 1].astype(np.float32)
        if exact:
            cx, cy, m = px, py, np.ones(n, dtype=np.float32)
        else:
            lo, hi = pos.min(0), pos.max(0)
            cell = np.minimum(((pos - lo) / np.maximum(hi - lo, 1e-9) * side).astype(np.int64), side - 1)
            cid = cell[:, 0] * side + cell[:, 1]
            mass = np.bincount(cid, minlength=side * side)
            used = mass > 0
            m = mass[used].astype(np.float32)
            cx = (np.bincount(cid, weights=pos[:, 0], minlength=side * side)[used] / m).astype(np.float32)
            cy = (np.bincount(cid, weights=pos[:, 1], minlength=side * side)[used] / m).astype(np.float32)
        dx = px[:, None] - cx[None, :]
        dy = py[:, None] - cy[None, :]
        d2 = dx * dx + dy * dy
        np.maximum(d2, np.float32(k2 * 0.01), out=d2)
        f = (np.float32(k2) * m)[None, :] / d2
        if exact:
            np.fill_diagonal(f, 0)
        disp = np.stack([(dx * f).sum(1), (dy * f).sum(1)], axis=1).astype(np.float64)
        if len(src):
            dv = pos[src] - pos[dst]
            dist = np.sqrt(np.einsum("ij,ij->i", dv, dv)) + 1e-9
            fv = dv * ((dist / k) * w)[:, None]
            disp[:, 0] -= np.bincount(src, weights=fv[:, 0], minlength=n) - np.bincount(dst, weights=fv[:, 0], minlength=n)
            disp[:, 1] -= np.bincount(src, weights=fv[:, 1], minlength=n) - np.bincount(dst, weights=fv[:, 1], minlength=n)
        disp -= (pos - pos.mean(0)) * (0.3 / k)  # gravity: keeps components together
        length = np.sqrt(np.einsum("ij,ij->i", disp, disp)) + 1e-9
        pos += disp * (np.minimum(length, temp) / length)[:, None]
        temp -= cool
    return pos


def layout(G: nx.MultiDiGraph, seed: int = 7, nodes: Iterable[str] | None = None) -> dict[str, tuple[float, float]]:
    """Positions (vis canvas units) for the drawn nodes; deterministic for a given graph and seed."""
    order = sorted(nodes) if nodes is not None else view_nodes(G)
    if not order:
        return {}
    index = {n: i for i, n in enumerate(order)}
    weights: Counter[tuple[int, int]] = Counter()
    for u, v in G.edges():
        if u != v and u in index and v in index:
            a, b = sorted((index[u], index[v]))
            weights[(a, b)] += 1
    pairs = sorted(weights)
    pos = _force_layout(len(order), [a for a, _ in pairs], [b for _, b in pairs], [weights[p] for p in pairs], seed=seed)
    pos = pos - pos.mean(0)
    spread = float(abs(pos).max()) or 1.0
    scale = max(260.0, 45 * math.sqrt(len(order))) / spread
    return {n: (round(float(pos[i, 0]) * scale, 1), round(float(pos[i, 1]) * scale, 1)) for n, i in index.items()}


# ------------------------------------------------------------------------------------------------- data


def _day(value: str, end: bool = False) -> int | None:
    """Days since 1970-01-01 of the first (or last) day of an ISO date of any precision."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?.*", value or "")
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if d:
            day = date(y, int(mo), int(d))
        elif mo:
            day = date(y, int(mo), 1) if not end else (date(y + (int(mo) == 12), int(mo) % 12 + 1, 1).toordinal() - 1)
        else:
            day = date(y, 1, 1) if not end else date(y, 12, 31)
    except ValueError:
        return None
    ordinal = day if isinstance(day, int) else day.toordinal()
    return ordinal - date(1970, 1, 1).toordinal()


def _u16(text: str, i: int) -> int:
    """Python index ``i`` into ``text`` as a JavaScript (UTF-16) index."""
    return len(text[:i].encode("utf-16-le")) // 2


def highlights(sentence: str, parts: Iterable[tuple[str, str]]) -> list[list]:
    """Non-overlapping ``[start, end, role]`` spans (UTF-16 offsets) of ``(text, role)`` parts in ``sentence``."""
    spans: list[tuple[int, int, str]] = []
    low = sentence.lower()
    for text, role in parts:
        text = (text or "").strip()
        if len(text) < 2:
            continue
        start = 0
        while True:
            i = low.find(text.lower(), start)
            if i < 0:
                break
            j = i + len(text)
            if all(j <= a or i >= b for a, b, _r in spans):
                spans.append((i, j, role))
                break
            start = i + 1
    if len(sentence.encode("utf-16-le")) == 2 * len(sentence):  # no character outside the BMP: same offsets
        return [[a, b, r] for a, b, r in sorted(spans)]
    return [[_u16(sentence, a), _u16(sentence, b), r] for a, b, r in sorted(spans)]


def _safe_url(url: str) -> str:
    return url if re.match(r"(?i)^https?://[^\s]+$", url or "") else ""


def _activity(G: nx.MultiDiGraph) -> Counter:
    act: Counter[str] = Counter()
    for u, v, d in G.edges(data=True):
        if "event_code" in d:
            act[u] += 1
            act[v] += 1
        elif d.get("kind") == "place_of":
            act[v] += 1
    return act


def view_data(G: nx.MultiDiGraph, *, title: str = "kg event graph", max_nodes: int | None = MAX_NODES,
              focus: Iterable[str] = (), hops: int = 1, timings: dict | None = None) -> dict:  # fmt: skip
    """Everything the page needs, as one JSON-able dict (see ``kg/outputs/templates/view.html`` for its use).

    ``nodes`` are vis-network-shaped items (id, label, x, y, size, colour, shape), ``edges`` the links (from, to,
    kind ``dyad`` or ``place``, dominant quad class, ``bend`` for the two arrows of a pair acting both ways);
    ``records`` holds one entry per event edge (date as day numbers of its first and last day and its
    precision ``p``, CAMEO code and root, label index ``l`` into ``labels``, quad class, modality, sentence
    index, highlight spans, document index); an edge's ``ev`` lists its records. A ``timings`` dict
    receives the seconds spent (``data_s``, ``layout_s``), for benchmarks.
    """
    t0 = time.perf_counter()
    docs_meta = G.graph.get("documents", {})
    drawable = view_nodes(G)
    activity = _activity(G)
    notice = ""
    if max_nodes and len(drawable) > max_nodes:
        keep = sorted(drawable, key=lambda n: (-activity[n], n))[:max_nodes]
        keep_set = set(keep)
        all_events = {d["event_id"] for _u, _v, _k, d in event_edges_of(G)}
        kept_events = {d["event_id"] for u, v, _k, d in event_edges_of(G) if u in keep_set and v in keep_set}
        notice = (f"Large graph: showing the {len(keep):,} most active of {len(drawable):,} actors and places "
                  f"and the {len(kept_events):,} of {len(all_events):,} events among them. "
                  f"Narrow the graph (kg view --actor/--since/--until) or raise --max-nodes to see more.")  # fmt: skip
        drawable = sorted(keep)
    drawn = set(drawable)

    docs_index: dict[str, int] = {}
    docs: list[dict] = []
    sentences: list[str] = []
    sent_index: dict[str, int] = {}
    records: list[dict] = []
    event_index: dict[str, int] = {}
    first_record: dict[str, int] = {}
    dyads: dict[tuple[str, str], list[int]] = defaultdict(list)
    merges = G.graph.get("merges", {})
    labels: list[str] = []  # event labels, each once; a record names its label by index ("l")
    label_index: dict[str, int] = {}

    def doc_at(doc_id: str) -> int:
        if doc_id not in docs_index:
            meta = docs_meta.get(doc_id, {})
            docs_index[doc_id] = len(docs)
            docs.append({"id": doc_id, "title": meta.get("title") or "", "url": _safe_url(meta.get("url") or ""),
                         "publisher": meta.get("publisher") or "", "date": meta.get("date") or "", "lang": meta.get("lang") or ""})  # fmt: skip
        return docs_index[doc_id]

    def sentence_at(sentence: str) -> int:
        if sentence not in sent_index:
            sent_index[sentence] = len(sentences)
            sentences.append(sentence)
        return sent_index[sentence]

    for u, v, _k, d in event_edges_of(G):
        if u not in drawn or v not in drawn:
            continue
        doc_id = d.get("doc_id", "")
        doc_at(doc_id)
        sentence = d.get("sentence") or ""
        sentence_at(sentence)
        eid = d["event_id"]
        event_index.setdefault(eid, len(event_index))
        value = d.get("date") or ""
        rec = {
            "e": event_index[eid], "id": eid, "date": value, "d0": _day(value), "d1": _day(value, end=True), "p": _precision(d),
            "code": d.get("event_code", ""), "root": d.get("event_root", "")[:2],
            "l": label_index.setdefault(d.get("event_label", ""), len(label_index)), "quad": int(d.get("quad_class") or 0),
            "mod": d.get("modality") or "asserted", "doc": docs_index[doc_id], "s": sent_index[sentence], "u": u, "v": v,
            "hl": highlights(sentence, ((d.get("trigger") or "", "trigger"), (d.get("source_text") or d.get("source_name") or "", "source"),
                                        (d.get("target_text") or d.get("target_name") or "", "target"))),
        }  # fmt: skip
        # the event's other reports (headline, recap, other articles): [document, sentence] each
        others = [m for m in (merges.get(eid) or {}).get("mentions", [])
                  if (m.get("doc_id"), m.get("char_start")) != (doc_id, d.get("char_start"))]  # fmt: skip
        rec["n"] = int(d.get("mentions") or 1 + len(others))
        if d.get("date_inferred"):
            rec["inf"] = True  # the article's date, not one the sentence gives
        if d.get("place"):
            rec["place"] = d["place"]
        if others:
            rec["rep"] = [[doc_at(m["doc_id"]), sentence_at(m.get("sentence") or "")] for m in others[:20]]
        first_record.setdefault(eid, len(records))
        dyads[(u, v)].append(len(records))
        records.append(rec)
    labels = sorted(label_index, key=label_index.get)
    t_data = time.perf_counter()
    pos = layout(G, nodes=drawable)
    t_layout = time.perf_counter()

    nodes = []
    for node in drawable:
        attrs = G.nodes[node]
        kind = "place" if attrs.get("type") == "place" else attrs.get("kind") or "state"
        color, shape = KIND_STYLE.get(kind, KIND_STYLE["group"])
        x, y = pos.get(node, (0.0, 0.0))
        n_events = activity.get(node, 0)
        nodes.append({"id": node, "label": attrs.get("name") or node, "shape": shape, "x": x, "y": y, "color": color,
                      "size": round(10 + 4 * math.sqrt(n_events), 1), "kind": kind, "code": attrs.get("code") or "",
                      "country": attrs.get("country") or "", "nev": n_events,
                      "aliases": [a for a in attrs.get("aliases") or [] if a != attrs.get("name")][:8]})  # fmt: skip

    edges = []
    for (u, v), recs in sorted(dyads.items()):
        recs.sort(key=lambda i: (records[i]["date"] or "9999", records[i]["id"]))
        quads: dict[int, int] = {}
        for i in recs:
            quads[records[i]["quad"]] = quads.get(records[i]["quad"], 0) + 1
        quad = max(sorted(quads), key=quads.__getitem__)
        # colour, width and label follow the filters in the page; the pair's two directions are drawn apart
        edges.append({"from": u, "to": v, "ev": recs, "kind": "dyad", "quad": quad, "bend": 0.15 if (v, u) in dyads else 0})
    places: dict[tuple[str, str], set[int]] = defaultdict(set)
    for u, v, d in G.edges(data=True):
        if d.get("kind") == "place_of" and u in drawn and v in drawn and d.get("event_id") in first_record:
            places[(u, v)].add(first_record[d["event_id"]])
    for (u, v), recs in sorted(places.items()):
        edges.append({"from": u, "to": v, "ev": sorted(recs, key=lambda i: (records[i]["date"] or "9999", records[i]["id"])),
                      "kind": "place", "bend": 0})  # fmt: skip
    for i, e in enumerate(edges):
        e["id"] = f"e{i}"

    days = [r[k] for r in records for k in ("d0", "d1") if r[k] is not None]
    roots = Counter(r["root"] for r in records)
    try:
        from kg.lexicon.cameo import table

        root_labels = {c: i.label for c, i in table().items() if len(c) == 2}
    except Exception:  # pragma: no cover - CAMEO data missing: fall back to the event labels
        root_labels = {}
    focus_ids = [f for f in focus if f in drawn]
    t_end = time.perf_counter()
    if timings is not None:
        timings.update(data_s=t_data - t0 + t_end - t_layout, layout_s=t_layout - t_data)
    return {
        "title": title,
        "notice": notice,
        "nodes": nodes,
        "edges": edges,
        "records": records,
        "labels": labels,
        "placeColor": PLACE_EDGE_COLOR,
        "sentences": sentences,
        "docs": docs,
        "events": len(event_index),
        "dayMin": min(days) if days else None,
        "dayMax": max(days) if days else None,
        "roots": [{"root": r, "label": root_labels.get(r, ""), "n": roots[r]} for r in sorted(roots)],
        "quads": [{"quad": q, "label": QUAD_LABELS[q], "color": QUAD_COLORS[q]} for q in sorted(QUAD_COLORS)],
        "kinds": [{"kind": k, "label": KIND_LABEL[k], "color": c, "shape": s} for k, (c, s) in KIND_STYLE.items()],
        "focus": focus_ids,
        "hops": max(1, min(2, int(hops or 1))),
        "big": len(nodes) > 800,
    }


def _precision(d: dict) -> str:
    """``day``, ``month`` or ``year``: how much of the event's date is known."""
    p = d.get("date_precision")
    if p in ("day", "month", "year"):
        return p
    value = d.get("date") or ""
    return "year" if len(value) == 4 else "month" if len(value) == 7 else "day"


def network_data(G: nx.MultiDiGraph, *, max_nodes: int | None = MAX_NODES) -> tuple[list[dict], list[dict]]:
    """The node and edge dicts of the view for ``G`` (dyads merged into one edge), each edge with its ``events`` as dicts."""
    data = view_data(G, max_nodes=max_nodes)
    recs = data["records"]
    edges = []
    for e in data["edges"]:
        e = dict(e)
        e["events"] = [{"id": recs[i]["id"], "date": recs[i]["date"], "code": recs[i]["code"], "root": recs[i]["root"],
                        "quad": recs[i]["quad"], "modality": recs[i]["mod"], "label": data["labels"][recs[i]["l"]]} for i in e["ev"]]  # fmt: skip
        edges.append(e)
    return data["nodes"], edges


# --------------------------------------------------------------------------------------------- subgraph


def find_actors(G: nx.MultiDiGraph, query: str) -> list[str]:
    """Nodes whose id or code equals ``query``, else whose name or an alias does (case-insensitive)."""
    q = query.strip().casefold()
    hits = [n for n, d in G.nodes(data=True) if str(n).casefold() == q or str(d.get("code") or "").casefold() == q]
    if not hits:
        hits = [n for n, d in G.nodes(data=True)
                if str(d.get("name") or "").casefold() == q or any(str(a).casefold() == q for a in d.get("aliases") or [])]  # fmt: skip
    return sorted(hits)


def subgraph(G: nx.MultiDiGraph, *, actors: Iterable[str] = (), hops: int = 2, since: str | None = None,
             until: str | None = None) -> nx.MultiDiGraph:  # fmt: skip
    """The part of ``G`` to view: events overlapping [since, until], then the ``hops`` neighbourhood of ``actors``."""
    lo = _day(since) if since else None
    hi = _day(until) if until else None

    def keep(d: dict) -> bool:
        if lo is None and hi is None:
            return True
        a, b = _day(d.get("date") or ""), _day(d.get("date") or "", end=True)
        return a is not None and (lo is None or b >= lo) and (hi is None or a <= hi)

    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    kept_events = set()
    for u, v, k, d in G.edges(keys=True, data=True):
        if "event_code" in d and keep(d):
            H.add_edge(u, v, key=k, **d)
            kept_events.add(d["event_id"])
    for u, v, k, d in G.edges(keys=True, data=True):
        if d.get("kind") == "place_of" and d.get("event_id") in kept_events:
            H.add_edge(u, v, key=k, **d)
    actors = [a for a in actors if a in H]
    if actors:
        seen = set(actors)
        queue = deque((a, 0) for a in actors)
        while queue:
            n, depth = queue.popleft()
            if depth >= hops:
                continue
            for m in set(H.successors(n)) | set(H.predecessors(n)):
                if m not in seen and not str(m).startswith("place:"):
                    seen.add(m)
                    queue.append((m, depth + 1))
        events = {d["event_id"] for u, v, d in H.edges(data=True) if "event_code" in d and u in seen and v in seen}
        H = nx.MultiDiGraph(H.edge_subgraph([(u, v, k) for u, v, k, d in H.edges(keys=True, data=True)
                                             if d.get("event_id") in events and (u in seen and (v in seen or d.get("kind") == "place_of"))]))  # fmt: skip
        H.graph.update(G.graph)
    for n in H.nodes:
        H.nodes[n].update(G.nodes[n])
    return H


# ------------------------------------------------------------------------------------------------- page


def render_html(G: nx.MultiDiGraph, *, title: str = "kg event graph", max_nodes: int | None = MAX_NODES,
                focus: Iterable[str] = (), hops: int = 1, timings: dict | None = None) -> str:  # fmt: skip
    """The page for ``G``: one self-contained HTML document (``timings`` as for :func:`view_data`, plus ``page_s``)."""
    data = view_data(G, title=title, max_nodes=max_nodes, focus=focus, hops=hops, timings=timings)
    t0 = time.perf_counter()
    parts = {
        "__TITLE__": _escape(title),
        "__DATA__": _json_for_script({**data, **{k: _columns(data[k]) for k in ("nodes", "edges", "records")}}),
        "__LABELS_JS__": _shared_js().replace("</script", "<\\/script"),
        "__VIEW_JS__": _template("view.js").replace("</script", "<\\/script"),
    }
    # one pass, so that text inside the data can never be taken for a placeholder
    page = re.sub(r"__(?:TITLE|DATA|LABELS_JS|VIEW_JS)__", lambda m: parts[m.group(0)], _template())
    if timings is not None:
        timings["page_s"] = time.perf_counter() - t0
    return page


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def write_html(G: nx.MultiDiGraph, path: str | Path, *, title: str = "kg event graph", max_nodes: int | None = MAX_NODES,
               focus: Iterable[str] = (), hops: int = 1) -> Path:  # fmt: skip
    return atomic_write_text(path, render_html(G, title=title, max_nodes=max_nodes, focus=focus, hops=hops))
