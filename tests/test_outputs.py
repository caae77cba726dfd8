"""RDF parses back and answers SPARQL; the graph carries events as edges; the README query works."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
from rdflib import Graph

from kg.graph.build import event_edges_of, summary
from kg.errors import QueryError
from kg.query.sparql import run_query

README = Path(__file__).resolve().parents[1] / "README.md"


def test_graph_shape(seed_build):
    result, _out = seed_build
    G = result.graph
    assert isinstance(G, nx.MultiDiGraph)
    s = summary(G)
    assert s["documents"] == 1 and s["events"] >= 6
    for u, v, _k, d in event_edges_of(G):
        assert G.nodes[u]["type"] == "actor" and G.nodes[v]["type"] == "actor"
        assert d["event_code"] and d["sentence"] and d["doc_id"]
    assert "place:damascus" in G


def test_turtle_parses_back(seed_build):
    result, out = seed_build
    g = Graph()
    g.parse(out / "graph.ttl", format="turtle")
    assert len(g) > 100
    rows = list(g.query("""
        PREFIX kg: <https://w3id.org/kg-news/ontology#>
        SELECT ?e ?date WHERE { ?e a kg:Event ; kg:date ?date }"""))
    events = {d["event_id"] for _u, _v, _k, d in event_edges_of(result.graph)}
    assert len(rows) == len(events)
    datatypes = {str(r.date.datatype).rsplit("#", 1)[1] for r in rows}
    assert datatypes <= {"date", "gYearMonth", "gYear"} and "gYear" in datatypes


def _readme_query() -> str:
    text = README.read_text(encoding="utf-8")
    m = re.search(r"```sparql\n(.*?)```", text, re.S)
    assert m, "README has no ```sparql block"
    return m.group(1)


def test_readme_query_lists_the_seed_events_with_dates(seed_build):
    _result, out = seed_build
    table = run_query(out / "graph.ttl", _readme_query(), fmt="csv")
    lines = table.strip().splitlines()
    assert len(lines) >= 7
    assert "2024-04-16" in table and "2024-04-01" in table and "2022" in table
    assert "Damascus" in table


def test_query_errors_are_clear(seed_build, tmp_path):
    _result, out = seed_build
    try:
        run_query(out / "graph.ttl", "SELECT ?e WHERE {\n ?e a }", fmt="table")
    except QueryError as exc:
        assert "line 2" in str(exc)
    else:
        raise AssertionError("no error")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    try:
        run_query(bad, "SELECT * WHERE { ?s ?p ?o }")
    except QueryError as exc:
        assert "bad.ttl" in str(exc)
    else:
        raise AssertionError("no error")
