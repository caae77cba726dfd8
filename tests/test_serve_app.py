"""The ``kg serve`` app in a real headless Chromium with every request that would leave 127.0.0.1 blocked,
XSS payloads in the graph, and the issue's must-shows on a store of about 4,000 events (with the load test)."""

from __future__ import annotations

import json
import statistics
import threading
import time
import urllib.parse

import pytest

from .test_serve_support import REPO, Server, store_4k

pytestmark = pytest.mark.slow


def _open(browser, server, fragment: str = "", viewport=(1440, 900)):
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    seen = {"outside": [], "errors": [], "requests": []}
    own = server.url + "/"

    def route(r):
        seen["requests"].append(r.request.url)
        if r.request.url.startswith(own):
            r.continue_()
        else:
            seen["outside"].append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.goto(own + fragment)
    _wait(page, "window.kgDrawn === true")
    return page, seen


def _wait(page, expr: str, timeout: float = 30.0):
    """Poll ``expr`` (the page's CSP forbids eval, so no wait_for_function)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expr):
        assert time.monotonic() < deadline, f"timed out waiting for {expr}"
        page.wait_for_timeout(50)


def _redrawn(page):
    page.evaluate("window.kgDrawn = false")


@pytest.fixture(scope="module")
def app(samples_build):
    server = Server(samples_build[1], "--workers", "2")
    yield server
    server.stop()


def test_draws_with_no_errors_and_nothing_fetched_from_outside(browser, app):
    page, seen = _open(browser, app)
    assert seen["errors"] == [] and seen["outside"] == []
    api = json.loads(app.get("/api/graph?limit=60&quads=1,2,3,4")[2])
    assert page.evaluate("window.network.body.nodeIndices.length") == len(api["nodes"]) > 10
    assert page.evaluate("window.network.body.edgeIndices.length") == len(api["edges"]) > 10
    painted = page.evaluate("""(() => { const c = document.querySelector('#graph canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; })()""")
    assert painted > 5000
    # the date inputs start with the data's range, not empty
    overview = json.loads(app.get("/api/overview")[2])
    assert page.input_value("#since") == overview["since"] and page.input_value("#until") == overview["until"]
    # the whole legend is visible at 1440x900
    box = page.locator("#legend").bounding_box()
    assert box["y"] + box["height"] <= 900 and page.locator("#legend li").count() >= 10
    page.close()


def test_labels_never_overlap_at_the_default_zoom(browser, app):
    page, _ = _open(browser, app)
    boxes = page.evaluate("""window.kgLabelled.map(id => {
        const n = window.nodes.get(id); const b = window.kgLabelBox(id, n.label); b.label = n.label; return b; })""")
    assert len(boxes) >= 10
    shown = page.evaluate("window.nodes.get().filter(n => n.label).map(n => n.id)")
    assert sorted(shown) == sorted(b["id"] for b in boxes)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a["x1"] < b["x2"] and a["x2"] > b["x1"] and a["y1"] < b["y2"] and a["y2"] > b["y1"]), (a, b)
    # edge labels: none at the default zoom, whole words ("4 events · +10.8") from a closer zoom
    assert page.evaluate("window.edges.get().filter(e => e.label).length") == 0
    page.evaluate("window.network.moveTo({scale: window.network.getScale() * 2.0})")
    page.evaluate("window.network.emit('zoom', {})")
    _wait(page, "window.edges.get().filter(e => e.label).length > 0")
    labels = page.evaluate("window.edges.get().map(e => e.label)")
    assert all(label and label.split(" ")[1] in ("event", "events") for label in labels)
    page.close()


def test_search_suggests_and_focuses_the_ego_network(browser, app):
    page, seen = _open(browser, app)
    page.fill("#search", "Filipina")  # Indonesian for the Philippines
    _wait(page, "document.querySelectorAll('#suggestions li[data-id]').length > 0")
    assert page.locator("#suggestions li[data-id]").first.get_attribute("data-id") == "phl"
    _redrawn(page)
    page.keyboard.press("Enter")
    _wait(page, "window.kgDrawn === true")
    assert "actor=phl" in page.url
    ego = json.loads(app.get("/api/ego?actor=phl&hops=1&quads=1,2,3,4")[2])
    assert sorted(page.evaluate("window.nodes.getIds()")) == sorted(n["id"] for n in ego["nodes"])
    one_hop = len(ego["nodes"])
    _redrawn(page)
    page.check("input[name=hops][value='2']")
    _wait(page, "window.kgDrawn === true")
    assert "hops=2" in page.url and page.evaluate("window.nodes.length") > one_hop
    assert seen["errors"] == [] and seen["outside"] == []
    page.close()


def test_expand_and_more_bring_in_actors(browser, app):
    page, _ = _open(browser, app, "#limit=5")
    assert page.evaluate("window.nodes.length") == 5
    first = page.evaluate("window.nodes.getIds()[0]")
    _redrawn(page)
    page.evaluate(f"window.kgApp.expand({json.dumps(first)})")
    _wait(page, "window.kgDrawn === true")
    assert page.evaluate("window.nodes.length") > 5 and f"expand={first}" in page.url
    _redrawn(page)
    page.click("#more")
    _wait(page, "window.kgDrawn === true")
    assert "limit=10" in page.url
    page.close()


def test_filters_change_the_graph(browser, app):
    page, _ = _open(browser, app)
    before = page.evaluate("window.edges.length")
    _redrawn(page)
    page.fill("#since", "2024-08-01")
    page.dispatch_event("#since", "change")
    _wait(page, "window.kgDrawn === true")
    after = page.evaluate("window.edges.length")
    api = json.loads(app.get("/api/graph?limit=60&since=2024-08-01&quads=1,2,3,4")[2])
    assert after == len(api["edges"]) < before and "since=2024-08-01" in page.url
    _redrawn(page)
    page.uncheck("input[data-quad='1']")
    _wait(page, "window.kgDrawn === true")
    colours = page.evaluate("window.edges.get().map(e => e.color.color)")
    assert "#2ca02c" not in colours and "quads=2%2C3%2C4" in page.url
    page.close()


def test_dyad_panel_and_event_table_with_csv(browser, app):
    page, seen = _open(browser, app)
    page.evaluate("window.kgApp.showDyad('idn', 'egy')")
    _wait(page, "document.querySelectorAll('#detail svg rect').length > 0")
    dyad = json.loads(app.get("/api/dyad?a=idn&b=egy&quads=1,2,3,4")[2])
    assert page.locator("#detail h3").inner_text() == "Indonesia ↔ Egypt"
    assert page.locator("#detail svg circle").count() == len(dyad["months"])
    page.click("text=All events of this pair")
    _wait(page, "(window.kgEventsLoaded || 0) > 0")
    rows = page.locator("#events tbody tr")
    assert rows.count() == dyad["events"] and "scope=pair" in page.url
    href = page.get_attribute("#csv", "href")
    body = page.request.get(app.url + href).text()
    assert body.splitlines()[0].startswith("event_id,date,date_precision") and len(body.strip().splitlines()) == dyad["events"] + 1
    # text filter on the table
    page.click("#eventsclear")
    _wait(page, "(window.kgEventsLoaded || 0) > 1")
    n_all = page.evaluate("window.kgEventsLoaded")
    page.fill("#eventsq", "Cairo")
    _wait(page, f"window.kgEventsLoaded > {n_all}")
    texts = page.locator("#events tbody tr").all_inner_texts()
    assert texts and all("cairo" in t.lower() for t in texts)
    assert seen["errors"] == [] and seen["outside"] == []
    page.close()


def test_console_runs_the_examples(browser, app):
    page, seen = _open(browser, app, "#view=sparql")
    _wait(page, "document.querySelectorAll('#examples option').length > 1")
    names = [n for n in page.eval_on_selector_all("#examples option", "os => os.map(o => o.value)") if n]
    assert {p.stem for p in (REPO / "data" / "queries").glob("*.rq")} == set(names)
    page.select_option("#examples", "most_active_actors")
    page.click("#run")
    _wait(page, "(window.kgQueryDone || 0) > 0")
    assert page.locator("#results tbody tr").count() > 3 and "ex=most_active_actors" in page.url
    page.fill("#query", "SELECT ?x WHERE { ?x a }")
    page.click("#run")
    _wait(page, "window.kgQueryDone > 1")
    assert page.locator("#sparqlerror").inner_text().startswith("SPARQL syntax error")
    assert seen["errors"] == [] and seen["outside"] == []
    page.close()


def test_permalink_restores_the_view(browser, app):
    page, _ = _open(browser, app, "#actor=idn&hops=2&since=2024-03-01&asserted=1&a=idn&b=egy")
    _wait(page, "document.querySelectorAll('#detail svg').length > 0")
    ids = sorted(page.evaluate("window.nodes.getIds()"))
    url = page.url
    page.close()
    page2, _ = _open(browser, app, url.split("/", 3)[3])
    _wait(page2, "document.querySelectorAll('#detail svg').length > 0")
    assert sorted(page2.evaluate("window.nodes.getIds()")) == ids
    assert page2.input_value("#since") == "2024-03-01" and page2.is_checked("#asserted")
    assert page2.is_checked("input[name=hops][value='2']") and page2.locator("#detail h3").inner_text() == "Indonesia ↔ Egypt"
    page2.close()


# -- XSS ------------------------------------------------------------------------------------------------

PAYLOADS = ['<img src=x onerror="window.__xss=1">', "<script>window.__xss=2</script>", '"><svg onload="window.__xss=3">']


@pytest.fixture(scope="module")
def evil(tmp_path_factory):
    import kg

    folder = tmp_path_factory.mktemp("evil")
    lexicon = folder / "evil.jsonl"
    lexicon.write_text(json.dumps({"id": "zorblax", "kind": "armed_group", "name": PAYLOADS[0] + " Front", "code": "NSA:ZORBLAX",
                                   "names": {"*": ["Zorblax Front"]}}) + "\n", encoding="utf-8")  # fmt: skip
    record = {"id": "evil-1", "lang": "en", "date": "2024-05-02", "url": "javascript:window.__xss=4",
              "title": PAYLOADS[1] + " title",
              "text": ("The Zorblax Front attacked Israel on 1 May 2024 " + PAYLOADS[1] + " officials said.\n\n"
                       "Israel condemned the Zorblax Front on 2 May 2024 " + PAYLOADS[2] + ".")}  # fmt: skip
    src = folder / "news.jsonl"
    src.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = kg.build([src], lexicon_files=[str(lexicon)])  # a Path here fails in kg (spaCy config E961)
    out = folder / "out"
    result.write(out, formats=["graph.nt"])
    server = Server(out, "--workers", "1")
    yield server
    server.stop()


def test_xss_payloads_never_run(browser, evil):
    page, seen = _open(browser, evil)
    labels = page.evaluate("window.nodes.get().map(n => window.kgNodeInfo[n.id].label)")
    assert any("<img" in label for label in labels)  # the payload is in the graph, as text
    page.evaluate("window.kgApp.focusActor('zorblax')")
    _wait(page, "document.querySelectorAll('#detail li').length > 0")
    page.evaluate("window.kgApp.showDyad('zorblax', 'isr')")
    _wait(page, "document.querySelectorAll('#detail svg').length > 0")
    page.evaluate("window.kgApp.loadEvents()")
    page.click("button[data-view=events]")
    _wait(page, "document.querySelectorAll('#events tbody tr').length > 0")
    assert "<script>" in page.locator("#events tbody").inner_text()
    assert page.locator("#events a[href^='javascript']").count() == 0
    page.click("button[data-view=sparql]")
    page.fill("#query", "SELECT ?x ?label WHERE { ?a rdfs:label ?label FILTER(CONTAINS(?label, '<')) "
                        "BIND('<img src=x onerror=\"window.__xss=5\">' AS ?x) }")  # fmt: skip
    page.click("#run")
    _wait(page, "(window.kgQueryDone || 0) > 0")
    assert "<img" in page.locator("#results").inner_text()
    page.hover("#graph") if page.locator("#graph").is_visible() else None
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    assert page.evaluate("document.querySelectorAll('img, svg[onload], script:not([src])').length") == 0
    assert seen["errors"] == [] and seen["outside"] == []
    page.close()


# -- the must-shows on about 4,000 events ----------------------------------------------------------


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    store = store_4k(tmp_path_factory.mktemp("store4k"))
    server = Server(store, "--workers", "2")
    yield server
    server.stop()


def test_4k_store_formats_construct_update_and_sparqlwrapper(big):
    from SPARQLWrapper import JSON, SPARQLWrapper
    import rdflib

    n = int(json.loads(big.query("SELECT (COUNT(*) AS ?n) WHERE { ?e a kg:Event }")[2])["results"]["bindings"][0]["n"]["value"])
    assert 3500 <= n <= 5000
    q = "SELECT ?e ?d WHERE { ?e a kg:Event ; kg:date ?d } ORDER BY ?e LIMIT 300"
    for how in ("get", "form", "direct"):
        for accept in ("application/sparql-results+json", "text/csv", "text/tab-separated-values", "application/sparql-results+xml"):
            status, headers, body = big.query(q, accept, how)
            assert status == 200 and headers["Content-Type"].startswith(accept) and body.count(b"ev_") == 300
    status, _h, body = big.query("CONSTRUCT { ?e ?p ?o } WHERE { ?e a kg:Event ; ?p ?o } LIMIT 5000", "text/turtle")
    assert status == 200 and len(rdflib.Graph().parse(data=body.decode(), format="turtle")) == 5000
    assert 400 <= big.query("INSERT DATA { <urn:a> <urn:b> <urn:c> }", how="form")[0] < 500
    sw = SPARQLWrapper(big.endpoint)
    sw.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?e a <https://w3id.org/kg-news/ontology#Event> }")
    sw.setReturnFormat(JSON)
    assert int(sw.queryAndConvert()["results"]["bindings"][0]["n"]["value"]) == n
    assert big.host == "127.0.0.1"


LOAD_QUERIES = [p.read_text(encoding="utf-8") for p in sorted((REPO / "data" / "queries").glob("*.rq"))] + [
    "SELECT (COUNT(*) AS ?n) WHERE { ?e a kg:Event }",
    "SELECT ?e ?d WHERE { ?e a kg:Event ; kg:date ?d } ORDER BY DESC(?d) LIMIT 50",
]


def test_load_8_clients_25_queries_p95(big):
    """8 concurrent clients x 25 queries (the data/queries examples and two more), 127.0.0.1 only: all answered,
    and p95 within the issue's 0.5 s, or (on a machine busy with other work) within 6x the p95 of the same
    queries asked one at a time in the same run, so a server that serialised its clients would still fail.
    bench/serve_load.py measures the bar itself."""
    serial = []
    for q in LOAD_QUERIES * 2:
        t0 = time.perf_counter()
        status, _h, _body = big.query(q, "application/sparql-results+json", "form")
        serial.append(time.perf_counter() - t0)
        assert status == 200
    serial_p95 = statistics.quantiles(serial, n=20)[18]
    times, failures = [], []
    lock = threading.Lock()

    def client(k):
        for i in range(25):
            q = LOAD_QUERIES[(k * 25 + i) % len(LOAD_QUERIES)]
            t0 = time.perf_counter()
            status, _h, body = big.query(q, "application/sparql-results+json", "form")
            dt = time.perf_counter() - t0
            with lock:
                times.append(dt)
                if status != 200 or "results" not in json.loads(body):
                    failures.append((status, body[:200]))

    threads = [threading.Thread(target=client, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert failures == [] and len(times) == 200
    p95 = statistics.quantiles(times, n=20)[18]
    print(f"200 queries, p50 {statistics.median(times):.3f}s p95 {p95:.3f}s max {max(times):.3f}s; one at a time p95 {serial_p95:.3f}s")
    assert p95 <= max(0.5, 6 * serial_p95)


def test_4k_app_draws_offline(browser, big):
    page, seen = _open(browser, big)
    assert seen["errors"] == [] and seen["outside"] == []
    assert all(urllib.parse.urlsplit(u).hostname == "127.0.0.1" for u in seen["requests"])
    assert page.evaluate("window.network.body.nodeIndices.length") == 60
    page.close()
