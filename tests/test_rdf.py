"""RDF: SHACL conformance of exports, broken exports caught, lossless round trip through RDF."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, XSD

from kg import rdf, table
from kg.rdf import KG, SEM


def test_seed_export_conforms(seed_build):
    result, _out = seed_build
    conforms, report = rdf.validate(rdf.to_rdf(result.graph))
    assert conforms, report


def test_samples_export_conforms(samples_build):
    result, out = samples_build
    g = rdf.load(out / "graph.ttl")
    conforms, report = rdf.validate(g)
    assert conforms, report


def test_broken_event_is_reported(seed_build):
    result, _out = seed_build
    g = rdf.to_rdf(result.graph)
    event = next(g.subjects(RDF.type, KG.Event))
    g.remove((event, KG.date, None))
    g.add((event, KG.date, Literal("sometime in April")))  # untyped date
    g.remove((event, SEM.eventType, None))  # no type
    conforms, report = rdf.validate(g)
    assert not conforms
    assert "eventType" in report and "date" in report


def test_bad_datatype_is_reported(seed_build):
    result, _out = seed_build
    g = rdf.to_rdf(result.graph)
    event = next(g.subjects(RDF.type, KG.Event))
    g.set((event, KG.quadClass, Literal("four")))
    g.set((event, KG.goldstein, Literal("12.5", datatype=XSD.decimal)))
    assert not rdf.validate(g)[0]


def test_round_trip_through_rdf_is_lossless(seed_build, tmp_path):
    result, out = seed_build
    g1 = rdf.load(out / "graph.ttl")
    G2 = rdf.to_graph(g1)
    assert table.to_csv(G2) == table.to_csv(result.graph)
    rdf.write(G2, tmp_path / "again.ttl")
    g2 = rdf.load(tmp_path / "again.ttl")
    assert isomorphic(g1, g2)


def test_iris_are_stable_and_under_the_base(seed_build):
    result, _out = seed_build
    g = rdf.to_rdf(result.graph)
    for s in set(g.subjects()):
        assert isinstance(s, URIRef) and str(s).startswith(rdf.BASE)
