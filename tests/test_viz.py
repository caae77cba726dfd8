"""The HTML view in a real headless Chromium with every network request blocked."""

from __future__ import annotations

import networkx as nx

import kg
from kg.graph.build import event_edges_of
from kg.outputs.viz import network_data, render_html


EDGE_MIDPOINTS = """(() => { const r = document.getElementById('graph').getBoundingClientRect();
    return window.edges.getIds({filter: e => !e.hidden}).map(id => {
      const e = window.edges.get(id); const p = window.network.getPositions([e.from, e.to]);
      const d = window.network.canvasToDOM({x: (p[e.from].x + p[e.to].x) / 2, y: (p[e.from].y + p[e.to].y) / 2});
      return {x: d.x + r.left, y: d.y + r.top}; }); })()"""


def page_data(html: str) -> dict:
    """The data embedded in a page, with its nodes, edges and records back as one dict each (viz._columns)."""
    import json
    import re

    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S).group(1))
    for key in ("nodes", "edges", "records"):
        t = data[key]
        items = [{k: col[i] for k, col in t["cols"].items()} for i in range(t["n"])]
        for k, m in t["sparse"].items():
            for i, v in m.items():
                items[int(i)][k] = v
        data[key] = items
    return data


def _open(browser, path):
    page = browser.new_page()
    requests, failed = [], []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page.on("request", lambda r: requests.append(r.url))
    page.on("requestfailed", lambda r: failed.append(r.url))
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_function("window.kgDrawn === true", timeout=15000)
    return page, requests, failed, errors


def test_page_is_self_contained(seed_build):
    _result, out = seed_build
    html = (out / "graph.html").read_text(encoding="utf-8")
    import re

    assert not re.search(r"<script[^>]+src=", html, re.I)
    assert not re.search(r"<link\b", html, re.I)
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", html, re.I)
    assert "@import" not in html


def test_renders_offline_and_draws_every_node(browser, seed_build):
    result, out = seed_build
    page, requests, failed, errors = _open(browser, out / "graph.html")
    assert errors == []
    assert failed == [] and all(u.startswith("file:") for u in requests)
    drawn = page.evaluate("window.network.body.nodeIndices.length")
    G = result.graph
    assert drawn == sum(1 for n in G if G.degree(n) > 0) > 5
    dyads = {(u, v) for u, v, _k, _d in event_edges_of(result.graph)}
    places = {(u, v) for u, v, d in G.edges(data=True) if d.get("kind") == "place_of"}
    assert page.evaluate("window.edges.length") == len(dyads) + len(places)
    assert page.evaluate("window.network.body.edgeIndices.length") == len(dyads) + len(places)
    # something was painted on the canvas
    painted = page.evaluate("""(() => { const c = document.querySelector('canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; })()""")
    assert painted > 1000
    page.close()


def test_date_filter_hides_older_links(browser, seed_build):
    result, out = seed_build
    page, *_ = _open(browser, out / "graph.html")
    _nodes, edges = network_data(result.graph)
    total = len(edges)
    assert page.evaluate("window.kgVisibleEdges") == sum(any(e["modality"] == "asserted" for e in ed["events"]) for ed in edges)
    page.fill("#since", "2024-04-10")
    page.dispatch_event("#since", "change")
    expected = sum(any(e["modality"] == "asserted" and (e["date"] + "-99-99")[:10] >= "2024-04-10" for e in ed["events"]) for ed in edges)
    assert page.evaluate("window.kgVisibleEdges") == expected < total
    page.close()


def test_article_text_never_runs(browser, tmp_path):
    text = ("Israel struck Iran's consulate in Damascus on 1 April 2024 <script>window.__xss = 1</script> "
            "<img src=x onerror=\"window.__xss = 2\"> officials said.\n\n"
            "Iran condemned Israel on 2 April 2024 </script><script>window.__xss = 3</script>.")  # fmt: skip
    src = tmp_path / "evil.txt"
    src.write_text(text, encoding="utf-8")
    result = kg.build([src], lang="en")
    assert any("<script>" in d["sentence"] for _u, _v, _k, d in event_edges_of(result.graph))
    path = tmp_path / "evil.html"
    path.write_text(render_html(result.graph, title="<script>window.__xss = 4</script>"), encoding="utf-8")
    page, _requests, failed, errors = _open(browser, path)
    # hover every edge so that every tooltip is built
    hovered = 0
    for pos in page.evaluate(EDGE_MIDPOINTS):
        page.mouse.move(pos["x"], pos["y"])
        page.wait_for_timeout(250)
        hovered += page.evaluate("!document.getElementById('tip').hidden")
        page.mouse.click(pos["x"], pos["y"])  # the details panel: full sentences, source line, expand button
        page.wait_for_timeout(100)
    assert hovered >= 1
    details = page.evaluate("document.getElementById('details-body').textContent")
    assert "<script>" in details or "onerror" in details  # shown, as text
    page.evaluate("window.kgData.edges.filter(e => e.ev.length > 1).forEach(e => window.kgExpand(e.id))")
    assert page.evaluate("window.__xss") is None
    assert page.evaluate("document.title") == "<script>window.__xss = 4</script>"
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert errors == [] and failed == []
    page.close()


def test_network_data_merges_dyads():
    G = nx.MultiDiGraph(documents={"d": {"title": "t"}})
    for n in ("a", "b"):
        G.add_node(n, type="actor", name=n.upper(), kind="state", code=n.upper())
    base = dict(doc_id="d", date="2024-01-01", date_precision="day", event_code="190", event_root="19",
                event_label="Fight", quad_class=4, goldstein=-10.0, modality="asserted", sentence="s", place="")  # fmt: skip
    G.add_edge("a", "b", key="e1#0", event_id="e1", char_start=0, **base)
    G.add_edge("a", "b", key="e2#0", event_id="e2", char_start=5, **base)
    nodes, edges = network_data(G)
    assert len(nodes) == 2 and len(edges) == 1 and len(edges[0]["events"]) == 2


# ------------------------------------------------------------------------------------- synthetic graphs

import importlib.util  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from kg.outputs import viz  # noqa: E402

_spec = importlib.util.spec_from_file_location("viz_speed", Path(__file__).resolve().parents[1] / "bench" / "viz_speed.py")
viz_speed = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(viz_speed)


_day = viz._day


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    G = viz_speed.synthetic_graph(120, 300, seed=3)
    path = tmp_path_factory.mktemp("syn") / "syn.html"
    viz.write_html(G, path, title="synthetic")
    return G, path


def _expected_visible(G, *, asserted=True, since=None, until=None, quads=(1, 2, 3, 4)):
    """Dyad and place links with at least one event passing the filters (the page's rule, computed here)."""
    lo, hi = (_day(since) if since else None), (_day(until) if until else None)

    def ok(d):
        if asserted and d["modality"] != "asserted":
            return False
        if int(d["quad_class"]) not in quads:
            return False
        if lo is not None or hi is not None:
            a, b = _day(d["date"]), _day(d["date"], end=True)
            if a is None or (lo is not None and b < lo) or (hi is not None and a > hi):
                return False
        return True

    events = {d["event_id"]: d for _u, _v, _k, d in event_edges_of(G)}
    links = {(u, v) for u, v, _k, d in event_edges_of(G) if ok(d)}
    links |= {(u, v) for u, v, d in G.edges(data=True) if d.get("kind") == "place_of" and ok(events[d["event_id"]])}
    nodes = {n for link in links for n in link}
    return links, nodes


def test_synthetic_counts_and_date_slider(browser, synthetic):
    G, path = synthetic
    page, _requests, failed, errors = _open(browser, path)
    assert errors == [] and failed == []
    links, nodes = _expected_visible(G)
    assert page.evaluate("window.edges.length") == len({(u, v) for u, v, _k in G.edges(keys=True)})
    assert page.evaluate("window.network.body.edgeIndices.length") == len(links) == page.evaluate("window.kgVisibleEdges")
    assert page.evaluate("window.network.body.nodeIndices.length") == len(nodes)
    # move the start slider to mid-year with the keyboard-free way a user would: set value, fire 'input'
    mid = _day("2024-07-01")
    page.evaluate(f"(() => {{ const r = document.getElementById('range-from'); r.value = {mid}; r.dispatchEvent(new Event('input')); }})()")
    page.wait_for_function("document.getElementById('since').value === '2024-07-01'")
    page.wait_for_timeout(100)
    links2, nodes2 = _expected_visible(G, since="2024-07-01")
    assert page.evaluate("window.network.body.edgeIndices.length") == len(links2) < len(links)
    assert page.evaluate("window.network.body.nodeIndices.length") == len(nodes2)
    # the timeline follows: the same events, fewer of them in the range
    tl = page.evaluate("window.kgTimeline")
    asserted = {d["event_id"]: d for _u, _v, _k, d in event_edges_of(G) if d["modality"] == "asserted"}
    assert tl["total"] == len(asserted)
    assert tl["inRange"] == sum(1 for d in asserted.values() if _day(d["date"], end=True) >= mid)
    # quad filter + non-asserted toggle
    page.uncheck("#quad-4")
    page.uncheck("#asserted-only")
    links3, _ = _expected_visible(G, asserted=False, since="2024-07-01", quads=(1, 2, 3))
    assert page.evaluate("window.network.body.edgeIndices.length") == len(links3)
    assert page.evaluate("window.kgTimeline.total") == len({d["event_id"] for _u, _v, _k, d in event_edges_of(G) if d["quad_class"] != 4})
    page.close()


def test_actor_search_focus_and_non_latin(browser, synthetic):
    G, path = synthetic
    page, *_ = _open(browser, path)
    target = next(n for n, d in G.nodes(data=True) if d.get("name", "").startswith(("Россия", "Иран", "إيران", "中国")) and G.degree(n) > 2)
    name = G.nodes[target]["name"]
    page.fill("#search", name.upper()[:5] if name[0].isalpha() and name.upper() != name else name[:4])
    labels = page.evaluate("[...document.querySelectorAll('#suggest button')].map(b => b.textContent)")
    assert labels and all(lab.split(" ")[0] == name.split(" ")[0] for lab in labels)
    page.evaluate(f"window.kgFocus({target!r}, 1)")
    links, _ = _expected_visible(G)
    hood = {target} | {m for u, v in links if target in (u, v) and not v.startswith("place:") for m in (u, v)}
    hood |= {v for u, v in links if u == target and v.startswith("place:")}
    drawn = set(page.evaluate("window.network.body.nodeIndices"))
    assert drawn == hood
    # Indonesian without diacritics / case finds accented labels: fold() is NFKD + lower
    assert page.evaluate("'Ñandú'.normalize('NFKD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase()") == "nandu"
    page.evaluate("window.kgFocus(null)")
    assert page.evaluate("window.network.body.nodeIndices.length") == len({n for link in links for n in link})
    page.close()


def test_dyad_expands_into_events(browser, synthetic):
    _G, path = synthetic
    page, *_ = _open(browser, path)
    edge = page.evaluate("window.kgData.edges.filter(e => e.kind === 'dyad' && e.ev.length > 1)[0]")
    n = len(edge["ev"])
    before = page.evaluate("window.edges.length")
    page.evaluate(f"window.kgExpand({edge['id']!r})")
    assert page.evaluate("window.edges.length") == before + n
    assert page.evaluate(f"window.edges.get({edge['id']!r}).hidden") is True
    page.evaluate(f"window.kgExpand({edge['id']!r})")
    assert page.evaluate("window.edges.length") == before
    page.close()


def test_large_graph_is_aggregated_and_says_so(browser, tmp_path):
    G = viz_speed.synthetic_graph(300, 700, seed=5)
    path = viz.write_html(G, tmp_path / "big.html", max_nodes=100)
    page, _r, failed, errors = _open(browser, path)
    assert errors == [] and failed == []
    assert page.evaluate("window.nodes.length") == 100
    notice = page.evaluate("document.getElementById('notice').textContent")
    assert "100 most active of 300" in notice and page.evaluate("!document.getElementById('notice').hidden")
    page.close()


def test_highlights_and_safe_urls():
    s = "Presiden 🇮🇩 Joko Widodo menerima Menlu Rusia di Jakarta."
    spans = viz.highlights(s, [("menerima", "trigger"), ("Joko Widodo", "source"), ("Menlu Rusia", "target")])
    assert [r for *_x, r in spans] == ["source", "trigger", "target"]
    utf16 = s.encode("utf-16-le")
    a, b, _ = spans[0]
    assert utf16[2 * a : 2 * b].decode("utf-16-le") == "Joko Widodo"
    assert viz._safe_url("javascript:alert(1)") == "" and viz._safe_url("https://x.org/a") == "https://x.org/a"
    assert viz._day("2024-02") == viz._day("2024-02-01") and viz._day("2024-02", end=True) == viz._day("2024-02-29")


def test_view_command_from_rdf_export(seed_build, tmp_path):
    from click.testing import CliRunner

    from kg.cli import main
    from kg.query.from_rdf import to_graph

    _result, out = seed_build
    runner = CliRunner()
    helptext = runner.invoke(main, ["view", "--help"]).output
    assert "Example" in helptext and "kg view" in helptext
    res = runner.invoke(main, ["view", str(out / "graph.ttl"), "-o", str(tmp_path / "v.html")])
    assert res.exit_code == 0, res.output
    G = to_graph(out / "graph.ttl")
    nodes, edges = network_data(G)
    data = page_data((tmp_path / "v.html").read_text(encoding="utf-8"))
    assert [e["id"] for e in data["edges"]] == [e["id"] for e in edges] and len(nodes) == len(viz.view_nodes(G)) == len(data["nodes"])
    res = runner.invoke(main, ["view", str(out), "-o", str(tmp_path / "irn.html"), "--actor", "IRN", "--hops", "1", "--since", "2024-04-01"])
    assert res.exit_code == 0, res.output
    sub = viz.subgraph(G, actors=viz.find_actors(G, "IRN"), hops=1, since="2024-04-01")
    assert all(d["date"] >= "2024-04" for *_x, d in sub.edges(data=True) if "event_code" in d)
    assert runner.invoke(main, ["view", str(out), "-o", str(tmp_path / "x.html"), "--actor", "NOPE"]).exit_code == 2
