"""The HTML view in a real headless Chromium with every network request blocked."""

from __future__ import annotations

import networkx as nx

import kg
from kg.graph import event_edges_of
from kg.viz import network_data, render_html


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
    for pos in page.evaluate("""(() => window.edges.getIds().map(id => {
          const e = window.edges.get(id); const p = window.network.getPositions([e.from, e.to]);
          return window.network.canvasToDOM({x: (p[e.from].x + p[e.to].x) / 2, y: (p[e.from].y + p[e.to].y) / 2}); }))()"""):
        page.mouse.move(pos["x"], pos["y"] + 46)
        page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
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
