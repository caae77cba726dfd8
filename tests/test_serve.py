"""``kg serve``: the SPARQL 1.1 Protocol with real clients against a real server on 127.0.0.1."""

from __future__ import annotations

import csv
import io
import json
import shutil
import signal
import socket
import subprocess
import sys
import time

import pyoxigraph as ox
import pytest
import rdflib

from kg.serve.formats import choose, parse_accept

from .test_serve_support import REPO, Server, build_store

COUNT = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a kg:Event }"
ROWS = "SELECT ?e ?date ?label WHERE { ?e a kg:Event ; kg:date ?date ; rdfs:label ?label } ORDER BY ?date ?e"
CONSTRUCT = "CONSTRUCT { ?e rdfs:label ?l ; kg:date ?d } WHERE { ?e a kg:Event ; rdfs:label ?l ; kg:date ?d }"
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def served(samples_build):
    _result, out = samples_build
    server = Server(out, "--max-rows", "500", "--timeout", "2", "--workers", "2")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def local(samples_build):
    """The same graph in this process, to compare answers with."""
    from kg.serve._kg import prefixes, resolve_source

    _result, out = samples_build
    src = resolve_source(out)
    store = ox.Store()
    store.bulk_load(path=src["path"], format=ox.RdfFormat.from_media_type(src["media_type"]))
    return lambda q: store.query(q, prefixes=prefixes(), use_default_graph_as_union=True)


def _rows_from(fmt: str, body: bytes) -> list[dict]:
    if fmt == "json":
        doc = json.loads(body)
        return [{k: v["value"] for k, v in b.items()} for b in doc["results"]["bindings"]]
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(body.decode("utf-8"), newline="")))
    ox_fmt = {"tsv": ox.QueryResultsFormat.TSV, "xml": ox.QueryResultsFormat.XML}[fmt]
    sols = ox.parse_query_results(body, format=ox_fmt)
    names = [v.value for v in sols.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in sols]


ACCEPT = {"json": "application/sparql-results+json", "csv": "text/csv", "tsv": "text/tab-separated-values",
          "xml": "application/sparql-results+xml"}  # fmt: skip


@pytest.mark.parametrize("how", ["get", "form", "direct"])
@pytest.mark.parametrize("fmt", ["json", "csv", "tsv", "xml"])
def test_select_in_every_format_and_method(served, local, fmt, how):
    status, headers, body = served.query(ROWS, ACCEPT[fmt], how)
    assert status == 200, body
    assert headers["Content-Type"].split(";")[0] == ACCEPT[fmt]
    rows = _rows_from(fmt, body)
    expected = [{"e": s["e"].value, "date": s["date"].value, "label": s["label"].value} for s in local(ROWS)]
    assert rows == expected and len(rows) > 20


def test_json_is_the_default_and_accept_q_values_count(served):
    status, headers, body = served.query(COUNT)
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+json"
    assert json.loads(body)["results"]["bindings"][0]["n"]["datatype"].endswith("#integer")
    status, headers, _ = served.query(COUNT, "application/sparql-results+json;q=0.2, text/csv;q=0.9")
    assert headers["Content-Type"].startswith("text/csv")
    status, headers, _ = served.query(COUNT, None, format="tsv")  # ?format= wins, as YASGUI and Fuseki use it
    assert headers["Content-Type"].startswith("text/tab-separated-values")
    status, _h, body = served.query(COUNT, "image/png")
    assert status == 406 and b"offers" in body


def test_ask(served):
    status, _h, body = served.query("ASK { ?e a kg:Event }")
    assert status == 200 and json.loads(body) == {"head": {}, "boolean": True}
    status, _h, body = served.query("ASK { ?e a kg:NoSuchClass }", "application/sparql-results+xml")
    assert status == 200 and b"<boolean>false</boolean>" in body


@pytest.mark.parametrize("accept,fmt", [("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld")])
def test_construct_parses(served, local, accept, fmt):
    status, headers, body = served.query(CONSTRUCT, accept, "form")
    assert status == 200 and headers["Content-Type"].split(";")[0] == accept
    g = rdflib.Graph().parse(data=body.decode("utf-8"), format=fmt)
    assert len(g) == len(list(local(CONSTRUCT))) > 40


def test_describe_is_turtle_by_default(served):
    status, headers, body = served.query("DESCRIBE actor:idn")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=body.decode("utf-8"), format="turtle")
    assert (rdflib.URIRef("https://w3id.org/kg-news/id/actor/idn"), rdflib.RDFS.label, rdflib.Literal("Indonesia")) in g


@pytest.mark.parametrize("kind", ["form-update", "sparql-update", "query-insert", "get-update"])
def test_updates_are_refused_with_403(served, local, kind):
    update = "PREFIX ex: <http://example.org/#> # comment\nINSERT DATA { ex:a ex:b ex:c }"
    if kind == "form-update":
        status, _h, body = served.get("/sparql", {"Content-Type": "application/x-www-form-urlencoded"},
                                      b"update=" + update.replace(" ", "+").encode())  # fmt: skip
    elif kind == "sparql-update":
        status, _h, body = served.get("/sparql", {"Content-Type": "application/sparql-update"}, update.encode())
    elif kind == "query-insert":
        status, _h, body = served.query(update, how="form")
    else:
        status, _h, body = served.get("/sparql?update=" + update.replace(" ", "+").replace("\n", "%0A").replace("#", "%23"))
    assert status == 403 and b"read-only" in body
    assert json.loads(served.query("ASK { <http://example.org/#a> ?p ?o }")[2])["boolean"] is False


def test_service_is_refused(served):
    status, _h, body = served.query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert status == 403 and b"SERVICE" in body
    status, _h, _b = served.query('SELECT ("SERVICE" AS ?word) WHERE {}')  # the word in a string is fine
    assert status == 200


def test_syntax_error_is_one_line_400(served):
    status, _h, body = served.query("SELECT ?x WHERE { ?x a }")
    assert status == 400
    assert body.decode().startswith("SPARQL syntax error") and body.decode().count("\n") == 1


def test_row_cap(served):
    status, _h, body = served.query("SELECT * WHERE { ?s ?p ?o }")
    assert status == 400 and b"more than 500 rows" in body and b"LIMIT" in body
    status, _h, body = served.query("SELECT * WHERE { ?s ?p ?o } LIMIT 500")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 500
    status, _h, body = served.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert status == 400 and b"triples" in body


def test_timeout_stops_the_query_and_the_server_goes_on(served):
    before = sorted(served.workers())
    t0 = time.monotonic()
    status, _h, body = served.query(HEAVY)
    took = time.monotonic() - t0
    assert status == 503 and b"longer than 2 s" in body and took < 6
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # the runaway worker was killed and replaced
        now = sorted(served.workers())
        if len(now) == len(before) and now != before:
            break
        time.sleep(0.2)
    assert len(served.workers()) == len(before) and sorted(served.workers()) != before
    for _ in range(4):
        assert served.query(COUNT)[0] == 200


def test_service_description(served):
    status, headers, body = served.get("/sparql")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=body.decode(), format="turtle")
    SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert (None, SD.endpoint, rdflib.URIRef(served.endpoint)) in g
    assert (None, SD.supportedLanguage, SD.SPARQL11Query) in g
    status, headers, body = served.get("/sparql", {"Accept": "application/ld+json"})
    assert status == 200 and len(rdflib.Graph().parse(data=body.decode(), format="json-ld")) == len(g)


def test_sparqlwrapper(served, local):
    from SPARQLWrapper import CSV, JSON, POST, TURTLE, SPARQLWrapper

    sw = SPARQLWrapper(served.endpoint)
    sw.setQuery("PREFIX kg: <https://w3id.org/kg-news/ontology#> " + COUNT.replace("kg:", "kg:"))
    sw.setReturnFormat(JSON)
    n = int(sw.queryAndConvert()["results"]["bindings"][0]["n"]["value"])
    assert n == int(next(iter(local(COUNT)))["n"].value) > 20
    sw.setMethod(POST)
    sw.setReturnFormat(CSV)
    assert sw.queryAndConvert().decode().splitlines()[1] == str(n)
    sw.setQuery(CONSTRUCT)
    sw.setReturnFormat(TURTLE)
    g = rdflib.Graph().parse(data=sw.queryAndConvert(), format="turtle")
    assert len(g) == len(list(local(CONSTRUCT)))
    sw.setQuery("ASK { ?e a <https://w3id.org/kg-news/ontology#Event> }")
    sw.setReturnFormat(JSON)
    assert sw.queryAndConvert()["boolean"] is True


def test_rdflib_sparqlstore(served, local):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    g = rdflib.Graph(store=SPARQLStore(served.endpoint, returnFormat="json"))
    rows = list(g.query("SELECT ?e ?date WHERE { ?e a <https://w3id.org/kg-news/ontology#Event> ; "
                        "<https://w3id.org/kg-news/ontology#date> ?date } ORDER BY ?date ?e"))  # fmt: skip
    expected = [(s["e"].value, s["date"].value) for s in local("SELECT ?e ?date WHERE { ?e a kg:Event ; kg:date ?date } ORDER BY ?date ?e")]
    assert [(str(r[0]), str(r[1])) for r in rows] == expected
    assert (rdflib.URIRef("https://w3id.org/kg-news/id/actor/idn"), rdflib.RDFS.label, rdflib.Literal("Indonesia")) in g


def test_listens_on_loopback_only(served):
    assert served.host == "127.0.0.1" and "this machine only" in served.log
    hexport = f"{served.port:04X}"
    listening = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = open(table).read().splitlines()[1:]
        except OSError:
            continue
        listening += [ln.split()[1] for ln in lines if ln.split()[1].endswith(":" + hexport) and ln.split()[3] == "0A"]
    assert listening == ["0100007F:" + hexport]
    # and not through this machine's other addresses
    others = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)} - {"127.0.0.1", "127.0.1.1"}
    for addr in others:
        with pytest.raises(OSError):
            socket.create_connection((addr, served.port), timeout=2).close()


def test_cors_off_by_default(served):
    status, headers, _b = served.get("/sparql?query=ASK%7B%7D", {"Origin": "https://evil.example"})
    assert status == 200 and headers.get("Access-Control-Allow-Origin") is None


def test_one_log_line_per_request(served):
    marker = "logmarker" + str(time.time_ns())
    for i in range(3):
        served.query(f"SELECT ?x WHERE {{ BIND(\"{marker}{i}\" AS ?x) }}")
    time.sleep(0.3)
    lines = [ln for ln in served.lines if marker in ln]
    assert len(lines) == 3 and all('"GET /sparql?' in ln and " 200 " in ln for ln in lines)


def test_app_api_answers(served):
    status, _h, body = served.get("/api/search?q=Filipina")  # the Indonesian name finds the Philippines
    assert status == 200 and json.loads(body)["actors"][0]["code"] == "PHL"
    status, _h, body = served.get("/api/graph?limit=5")
    g = json.loads(body)
    assert len(g["nodes"]) == 5 and g["total_actors"] > 5 and all("x" in n for n in g["nodes"])
    status, _h, body = served.get("/api/ego?actor=idn&hops=1")
    ego = json.loads(body)
    assert ego["ego"] == "idn" and {"egy", "pse"} <= {n["id"] for n in ego["nodes"]}
    status, _h, body = served.get("/api/dyad?a=idn&b=egy")
    d = json.loads(body)
    assert d["events"] == sum(m["events"] for m in d["months"]) + sum(y["events"] for y in d["years"]) > 0
    status, _h, body = served.get("/api/events.csv?a=idn&b=egy")
    rows = list(csv.DictReader(io.StringIO(body.decode(), newline="")))
    assert status == 200 and len(rows) == d["events"] and all(r["sentence"] for r in rows)
    for bad in ("/api/ego?actor=nobody", "/api/graph?since=yesterday", "/api/graph?quads=7", "/api/graph?limit=x"):
        status, _h, body = served.get(bad)
        assert status == 400 and body.count(b"\n") == 1, bad
    assert served.get("/api/nothing")[0] == 404


def test_accept_parsing():
    assert parse_accept("text/csv;q=0, */*;q=0.1") == [("*/*", 0.1)]
    assert choose("results", "application/*") == "json" and choose("graph", "text/*;q=0.5") == "turtle"


# -- separate servers: CORS, reload, shutdown, bad starts ------------------------------------------------


def test_cors_when_asked(samples_build):
    server = Server(samples_build[1], "--cors", "https://yasgui.example.org", "--workers", "1")
    try:
        status, headers, _b = server.get("/sparql?query=ASK%7B%7D", {"Origin": "https://yasgui.example.org"})
        assert headers["Access-Control-Allow-Origin"] == "https://yasgui.example.org"
        status, headers, _b = server.get("/sparql", {"Origin": "https://yasgui.example.org",
                                                     "Access-Control-Request-Method": "POST"}, method="OPTIONS")  # fmt: skip
        assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"]
    finally:
        assert server.stop() == 0


def test_store_additions_show_without_restart(tmp_path):
    samples = REPO / "data" / "samples"
    store = build_store(tmp_path / "store", [samples / "en-maritime.txt"])
    server = Server(store, "--watch", "0.5", "--workers", "2")
    try:
        def count():
            return int(json.loads(server.query(COUNT)[2])["results"]["bindings"][0]["n"]["value"])

        before = count()
        build_store(store, [samples / "id-kunjungan.txt"])
        deadline = time.monotonic() + 60
        while count() == before and time.monotonic() < deadline:
            time.sleep(0.3)
        after = count()
        assert after > before
        assert all(count() == after for _ in range(4))  # every worker has the new graph
        assert "changed, reloaded" in server.log
    finally:
        server.stop()


@pytest.mark.parametrize("sig,name", [(signal.SIGINT, "Ctrl-C"), (signal.SIGTERM, "SIGTERM")])
def test_clean_shutdown(samples_build, sig, name):
    server = Server(samples_build[1], "--workers", "2")
    try:
        workers = server.workers()
        assert len(workers) == 2
        assert server.query(COUNT)[0] == 200
    finally:
        code = server.stop(sig)
    assert code == 0 and f"stopped ({name})" in server.log and "Traceback" not in server.log
    for pid in workers:  # no worker left behind
        assert subprocess.run(["ps", "-p", str(pid)], capture_output=True).returncode != 0


def test_bad_starts_are_one_line(tmp_path, samples_build):
    junk = tmp_path / "notes.txt"
    junk.write_text("hello")
    r = subprocess.run([sys.executable, "-m", "kg.serve", str(junk)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and r.stderr.startswith("Error:") and "Traceback" not in r.stderr
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        r = subprocess.run([sys.executable, "-m", "kg.serve", str(samples_build[1]), "--port", str(port)],
                           capture_output=True, text=True, timeout=60)  # fmt: skip
    assert r.returncode == 2 and f"cannot listen on 127.0.0.1:{port}" in r.stderr and r.stderr.count("\n") == 1


def test_kg_cli_has_serve():
    kg = shutil.which("kg", path=str(REPO / ".venv" / "bin")) or "kg"
    r = subprocess.run([sys.executable, "-c", "from kg.cli import run; run()", "serve", "--help"], capture_output=True, text=True)
    assert r.returncode == 0 and "SPARQL 1.1" in r.stdout, (kg, r.stderr)
