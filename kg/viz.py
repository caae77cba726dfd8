"""The HTML view: a self-contained, offline, interactive event graph (pyvis data, vis-network drawing).

pyvis builds the node and edge lists; kg renders them into its own page, with vis-network's script and
style inlined from the pyvis package (so nothing is fetched from a URL), positions computed in Python
(networkx layout, physics off: large graphs draw at once instead of never settling), and every piece of
article text carried as JSON data and shown as text, never as markup.

The page exposes ``window.network`` (the vis Network), ``window.nodes`` and ``window.edges`` (its DataSets).
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from importlib.resources import files
from pathlib import Path

import networkx as nx

from .graph import event_edges_of
from .util import atomic_write_text

KIND_STYLE = {
    "state": ("#1f77b4", "dot"),
    "person": ("#ff7f0e", "diamond"),
    "organisation": ("#2ca02c", "square"),
    "igo": ("#9467bd", "star"),
    "armed_group": ("#d62728", "triangle"),
    "group": ("#8c564b", "dot"),
    "place": ("#7f7f7f", "triangleDown"),
}
QUAD_COLOR = {1: "#2ca02c", 2: "#1f77b4", 3: "#ff7f0e", 4: "#d62728"}
QUAD_LABEL = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def _vis_assets() -> tuple[str, str]:
    lib = files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def _json_for_script(obj) -> str:
    """JSON that is safe inside a <script> element: no '<', '>', '&' or line separators can close it."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True)
    return (
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )  # fmt: skip


def view_nodes(G: nx.MultiDiGraph) -> list[str]:
    """Nodes the view draws: actors and places that take part in at least one event."""
    return sorted(n for n in G.nodes if G.degree(n) > 0)


def layout(G: nx.MultiDiGraph, seed: int = 7) -> dict[str, tuple[float, float]]:
    simple = nx.Graph()
    simple.add_nodes_from(view_nodes(G))
    for u, v in G.edges():
        if u != v:
            w = simple.get_edge_data(u, v, {}).get("weight", 0) + 1
            simple.add_edge(u, v, weight=w)
    if len(simple) == 0:
        return {}
    pos = nx.spring_layout(simple, seed=seed, k=2 / math.sqrt(max(len(simple), 1)), iterations=60 if len(simple) < 3000 else 25)
    scale = 90 * math.sqrt(max(len(simple), 4))
    return {n: (float(x) * scale, float(y) * scale) for n, (x, y) in pos.items()}


def network_data(G: nx.MultiDiGraph) -> tuple[list[dict], list[dict]]:
    """pyvis node and edge dicts for ``G`` (dyads merged into one edge carrying all their events)."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    pos = layout(G)
    docs = G.graph.get("documents", {})
    activity: dict[str, int] = defaultdict(int)
    dyads: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for u, v, _k, d in event_edges_of(G):
        activity[u] += 1
        activity[v] += 1
        dyads[(u, v)].append(d)
    for node in view_nodes(G):
        attrs = G.nodes[node]
        kind = "place" if attrs.get("type") == "place" else attrs.get("kind", "state")
        color, shape = KIND_STYLE.get(kind, KIND_STYLE["state"])
        x, y = pos.get(node, (0.0, 0.0))
        label = attrs.get("name", node)
        title = "\n".join(
            p for p in (label, f"kind: {kind}", f"code: {attrs.get('code')}" if attrs.get("code") else "",
                        f"events: {activity.get(node, 0)}") if p
        )  # fmt: skip
        net.add_node(
            node, label=label, title=title, color=color, shape=shape, x=x, y=y,
            size=12 + 5 * math.sqrt(activity.get(node, 0)), kind=kind, code=attrs.get("code", ""), physics=False,
        )  # fmt: skip
    for (u, v), evs in sorted(dyads.items()):
        evs.sort(key=lambda d: (d.get("date") or "", d["event_id"]))
        quads = [int(d["quad_class"]) for d in evs]
        quad = max(set(quads), key=quads.count)
        lines = [f"{G.nodes[u].get('name', u)} → {G.nodes[v].get('name', v)}: {len(evs)} event(s)"]
        for d in evs[:12]:
            doc = docs.get(d["doc_id"], {})
            lines.append(
                f"• {d.get('date') or 'undated'} {d['event_code']} {d['event_label']}"
                f"{' [' + d['modality'] + ']' if d['modality'] != 'asserted' else ''}"
                f"{' at ' + d['place'] if d.get('place') else ''}"
            )
            lines.append(f"  “{d['sentence'][:300]}”")
            lines.append(f"  — {doc.get('title') or d['doc_id']}{' ' + doc['url'] if doc.get('url') else ''}")
        if len(evs) > 12:
            lines.append(f"… and {len(evs) - 12} more")
        net.add_edge(
            u, v, title="\n".join(lines), color=QUAD_COLOR.get(quad, "#999999"), width=1 + 2 * math.log2(len(evs) + 0),
            label=evs[0]["event_label"] if len(evs) == 1 else f"{len(evs)} events", arrows="to",
            events=[{"id": d["event_id"], "date": d.get("date", ""), "code": d["event_code"], "root": d["event_root"],
                     "quad": int(d["quad_class"]), "modality": d["modality"]} for d in evs],
            quad=quad, dates=sorted({d.get("date", "") for d in evs}),
        )  # fmt: skip
    places: dict[tuple[str, str], list[str]] = defaultdict(list)
    events_by_id = {d["event_id"]: d for evs in dyads.values() for d in evs}
    for u, v, _k, d in G.edges(keys=True, data=True):
        if d.get("kind") == "place_of" and d["event_id"] in events_by_id:
            places[(u, v)].append(d["event_id"])
    for (u, v), ids in sorted(places.items()):
        evs = [events_by_id[i] for i in sorted(set(ids))]
        net.add_edge(
            u, v, title=f"{G.nodes[v].get('name', v)}: place of {len(evs)} event(s)", color="#aaaaaa", dashes=True,
            width=1, arrows="", kind="place",
            events=[{"id": d["event_id"], "date": d.get("date", ""), "code": d["event_code"], "root": d["event_root"],
                     "quad": int(d["quad_class"]), "modality": d["modality"]} for d in evs],
        )  # fmt: skip
    nodes, edges, *_ = net.get_network_data()
    for i, e in enumerate(edges):
        e["id"] = f"e{i}"
    return nodes, edges


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>__TITLE__</title>
<style>__VIS_CSS__</style>
<style>
body { margin: 0; font: 14px system-ui, sans-serif; color: #222; }
#bar { padding: 6px 10px; border-bottom: 1px solid #ddd; display: flex; gap: 14px; align-items: center; flex-wrap: wrap; }
#graph { position: absolute; top: 46px; bottom: 0; left: 0; right: 0; }
.legend span { display: inline-block; margin-right: 10px; }
.sw { display: inline-block; width: 10px; height: 10px; margin-right: 3px; border-radius: 2px; vertical-align: middle; }
div.vis-tooltip { white-space: pre-wrap; max-width: 520px; font: 12px system-ui, sans-serif; }
</style>
</head>
<body>
<div id="bar">
  <strong id="heading"></strong>
  <label><input type="checkbox" id="asserted-only" checked> asserted only</label>
  <label>from <input type="date" id="since"></label>
  <label>to <input type="date" id="until"></label>
  <span class="legend" id="legend"></span>
  <span id="status"></span>
</div>
<div id="graph"></div>
<script>__VIS_JS__</script>
<script>
(function () {
  "use strict";
  var DATA = __DATA__;
  var heading = document.getElementById("heading");
  heading.textContent = DATA.title;
  var legend = document.getElementById("legend");
  DATA.legend.forEach(function (item) {
    var s = document.createElement("span");
    var sw = document.createElement("i");
    sw.className = "sw"; sw.style.background = item.color;
    s.appendChild(sw); s.appendChild(document.createTextNode(item.label));
    legend.appendChild(s);
  });
  window.nodes = new vis.DataSet(DATA.nodes);
  window.edges = new vis.DataSet(DATA.edges);
  var options = { physics: { enabled: false }, interaction: { hover: true, tooltipDelay: 100 },
                  edges: { smooth: false, font: { size: 10, align: "middle" } }, nodes: { font: { size: 16, strokeWidth: 3, strokeColor: "#ffffff" } } };
  window.network = new vis.Network(document.getElementById("graph"), { nodes: window.nodes, edges: window.edges }, options);
  function visibleEvents(edge, since, until, assertedOnly) {
    return edge.events.filter(function (ev) {
      if (assertedOnly && ev.modality !== "asserted") return false;
      var d = ev.date || "";
      if (since && d && d.length >= 4 && (d + "-99-99").slice(0, 10) < since) return false;
      if (until && d && d.slice(0, 10) > until) return false;
      return true;
    });
  }
  function refresh() {
    var since = document.getElementById("since").value, until = document.getElementById("until").value;
    var assertedOnly = document.getElementById("asserted-only").checked;
    var shown = 0;
    var updates = DATA.edges.map(function (e) {
      var n = visibleEvents(e, since, until, assertedOnly).length;
      if (n > 0) shown += 1;
      return { id: e.id, hidden: n === 0 };
    });
    window.edges.update(updates);
    document.getElementById("status").textContent = shown + " of " + DATA.edges.length + " links shown";
    window.kgVisibleEdges = shown;
  }
  ["since", "until", "asserted-only"].forEach(function (id) { document.getElementById(id).addEventListener("change", refresh); });
  window.kgRefresh = refresh;
  window.network.once("afterDrawing", function () { window.kgDrawn = true; });
  refresh();
})();
</script>
</body>
</html>
"""


def render_html(G: nx.MultiDiGraph, *, title: str = "kg event graph") -> str:
    nodes, edges = network_data(G)
    legend = [{"label": k.replace("_", " "), "color": c} for k, (c, _s) in KIND_STYLE.items()]
    legend += [{"label": f"— {QUAD_LABEL[q]}", "color": QUAD_COLOR[q]} for q in sorted(QUAD_COLOR)]
    data = {"title": title, "nodes": nodes, "edges": edges, "legend": legend}
    js, css = _vis_assets()
    parts = {
        "__VIS_CSS__": css,
        "__TITLE__": _escape(title),
        "__DATA__": _json_for_script(data),
        "__VIS_JS__": js.replace("</script", "<\\/script"),
    }
    # one pass, so that text inside the data can never be taken for a placeholder
    return re.sub(r"__(?:VIS_CSS|TITLE|DATA|VIS_JS)__", lambda m: parts[m.group(0)], PAGE)


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def write_html(G: nx.MultiDiGraph, path: str | Path, *, title: str = "kg event graph") -> Path:
    return atomic_write_text(path, render_html(G, title=title))
