"""RDF: SHACL conformance of exports, broken exports caught, lossless round trips through every format,
the fixes the ontology asks for (empty codes, derived kg:actedOn, CAMEO fallback, dates by shape, file
names only), merged events with several mentions, and people's posts as org:Membership."""

from __future__ import annotations

import copy

import networkx as nx
import pytest
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, PROV, RDF, XSD

from kg.outputs import rdf, table
from kg.query import from_rdf
from kg.outputs.rdf.vocab import KG, ORG, SEM, TIME

FORMATS = ("ttl", "nt", "nq", "trig", "jsonld")


@pytest.fixture(scope="module")
def samples_graph(samples_build) -> nx.MultiDiGraph:
    return samples_build[0].graph


@pytest.fixture(scope="module")
def samples_rdf(samples_graph):
    return rdf.to_rdf(samples_graph)


def _event_with(g, pred, value=None):
    for e in g.subjects(RDF.type, KG.Event):
        if value is None or (e, pred, value) in g:
            return e
    raise AssertionError(f"no event with {pred} {value}")


def test_seed_export_conforms(seed_build):
    result, _out = seed_build
    conforms, report = rdf.validate(rdf.to_rdf(result.graph))
    assert conforms, report


def test_samples_export_conforms(samples_build):
    _result, out = samples_build
    g = rdf.load(out / "graph.ttl")
    conforms, report = rdf.validate(g)
    assert conforms, report


def test_broken_event_is_reported(samples_rdf):
    g = copy.deepcopy(samples_rdf)
    event = _event_with(g, KG.date)
    g.remove((event, KG.date, None))  # no time (its precision is left dangling)
    g.remove((event, SEM.eventType, None))  # no type
    other = next(e for e in g.subjects(RDF.type, KG.Event) if e != event and (e, KG.date, None) in g)
    g.set((other, KG.date, Literal("sometime in April")))  # untyped date
    conforms, report = rdf.validate(g)
    assert not conforms
    assert "eventType" in report and "kg:date" in report and "datePrecision" in report


def test_bad_datatype_is_reported(samples_rdf):
    g = copy.deepcopy(samples_rdf)
    event = next(g.subjects(RDF.type, KG.Event))
    g.set((event, KG.quadClass, Literal("four")))
    g.set((event, KG.goldstein, Literal("12.5", datatype=XSD.decimal)))
    conforms, report = rdf.validate(g)
    assert not conforms and "quadClass" in report and "goldstein" in report


def test_broken_counts_and_derived_links_are_reported(samples_rdf):
    g = copy.deepcopy(samples_rdf)
    event = next(g.subjects(RDF.type, KG.Event))
    g.set((event, KG.numMentions, Literal(3)))
    a, b = URIRef(rdf.KGR + "actor/usa"), URIRef(rdf.KGR + "actor/idn")
    g.add((a, KG.actedOn, b))  # no asserted event says so
    conforms, report = rdf.validate(g)
    assert not conforms and "numMentions" in report and "actedOn" in report


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_is_lossless_in_every_format(samples_graph, samples_rdf, tmp_path, fmt):
    path = rdf.write(samples_graph, tmp_path / f"graph.{fmt}")
    g1 = rdf.load(path)
    assert isomorphic(g1, samples_rdf)
    G2 = from_rdf.to_graph(path)
    assert table.to_csv(G2) == table.to_csv(samples_graph)
    assert G2.graph["documents"] == {k: {**v, "source": rdf.vocab._file_name(v["source"])} for k, v in samples_graph.graph["documents"].items()}
    again = rdf.write(G2, tmp_path / f"again.{fmt}")
    assert isomorphic(g1, rdf.load(again))


def test_round_trip_rebuilds_the_views(samples_build, tmp_path):
    from kg.outputs import viz

    result, out = samples_build
    G2 = from_rdf.to_graph(out / "graph.ttl")
    assert set(G2.nodes) == set(result.graph.nodes)
    for n, attrs in result.graph.nodes(data=True):
        for key in ("type", "name", "kind", "code", "country", "sector", "wikidata"):
            assert G2.nodes[n].get(key) == attrs.get(key), (n, key)
    html = viz.render_html(G2, title="again")
    assert "Sabina Shoal" in html and len(html) > 10_000


def test_named_graph_per_document(samples_graph, tmp_path):
    ds = rdf.load(rdf.write(samples_graph, tmp_path / "graph.trig"), dataset=True)
    names = {str(c.identifier) for c in ds.graphs() if len(c) and str(c.identifier).startswith(rdf.BASE)}
    assert names == {f"{rdf.KGR}doc/{d}" for d in samples_graph.graph["documents"]}
    for c in ds.graphs():
        if str(c.identifier).startswith(rdf.KGR + "doc/"):
            doc = URIRef(str(c.identifier))
            assert (doc, RDF.type, KG.Document) in c
            for m in c.subjects(RDF.type, KG.Mention):
                assert (m, KG.inDocument, doc) in c
    assert rdf.validate(ds)[0]


def test_fast_path_streams_without_rdflib(samples_graph, tmp_path, monkeypatch):
    monkeypatch.setattr(rdf, "to_rdf", lambda G: (_ for _ in ()).throw(AssertionError("rdflib used")))
    path = rdf.write(samples_graph, tmp_path / "graph.nt")
    assert path.stat().st_size > 10_000


def test_rdflib_backend_writes_the_same_triples(samples_graph, samples_rdf, tmp_path):
    path = rdf.write(samples_graph, tmp_path / "slow.ttl", backend="rdflib")
    assert isomorphic(rdf.load(path), samples_rdf)


def test_iris_are_stable_and_under_the_base(samples_rdf):
    for s in set(samples_rdf.subjects()):
        assert isinstance(s, URIRef) and str(s).startswith(rdf.BASE)


def test_no_empty_codes_and_file_names_only(samples_graph):
    G = copy.deepcopy(samples_graph)
    u, v, k, d = next((u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if "event_code" in d)
    d["target_code"] = ""
    for meta in G.graph["documents"].values():
        meta["source"] = "/home/someone/secret folder/" + meta["source"]
    g = rdf.to_rdf(G)
    assert not list(g.subjects(KG.code, Literal("")))
    sources = {str(o) for o in g.objects(None, DCTERMS.source)}
    assert sources and all("/" not in s for s in sources)
    G2 = from_rdf.to_graph(g)
    assert table.to_csv(G2) == table.to_csv(G)  # the participation without a code reads back


def test_acted_on_only_for_asserted_events(samples_graph, samples_rdf):
    g = samples_rdf
    asserted = {(s, t) for e in g.subjects(KG.modality, KG.Asserted)
                for s in g.objects(e, KG.hasSource) for t in g.objects(e, KG.hasTarget)}  # fmt: skip
    assert set(g.subject_objects(KG.actedOn)) == asserted
    future = _event_with(g, KG.modality, KG.Future)
    for s in g.objects(future, KG.hasSource):
        for t in g.objects(future, KG.hasTarget):
            if (s, t) not in asserted:
                assert (s, KG.actedOn, t) not in g


def test_unknown_cameo_code_is_typed_with_its_ancestor_and_dates_by_shape(samples_graph):
    G = copy.deepcopy(samples_graph)
    edges = [d for _u, _v, _k, d in G.edges(keys=True, data=True) if "event_code" in d]
    first = edges[0]["event_id"]
    second = next(d["event_id"] for d in edges if d["event_id"] != first)
    for d in edges:
        if d["event_id"] == first:
            d.update(event_code="0429", event_root="04")  # not in cameo.ttl: 042 is
        if d["event_id"] == second:
            d.update(date="2024-04", date_precision="")  # unknown precision, month-shaped value
        d["merged_from_somewhere"] = {"not": "exported"}  # unknown edge attributes are ignored
    g = rdf.to_rdf(G)
    e1, e2 = URIRef(f"{rdf.KGR}event/{first}"), URIRef(f"{rdf.KGR}event/{second}")
    assert g.value(e1, SEM.eventType) == rdf.CAMEO["042"] and str(g.value(e1, KG.cameoCode)) == "0429"
    assert g.value(e2, KG.date).datatype == XSD.gYearMonth and g.value(e2, KG.datePrecision) == KG.MonthPrecision
    assert rdf.typed_date("2024", "day").datatype == XSD.gYear
    conforms, report = rdf.validate(g)
    assert conforms, report


def test_actor_typed_only_kg_actor_survives(samples_graph):
    G = copy.deepcopy(samples_graph)
    G.add_node("someone", type="actor", kind="", name="Someone", code="", country="", sector="", wikidata="", aliases=["Someone"])
    G2 = from_rdf.to_graph(rdf.to_rdf(G))
    assert G2.nodes["someone"]["name"] == "Someone"


def test_people_hold_posts_for_a_time(samples_rdf):
    g = samples_rdf
    jokowi = URIRef(rdf.KGR + "actor/joko_widodo")
    m = next(g.subjects(ORG.member, jokowi))
    assert (m, RDF.type, ORG.Membership) in g and g.value(m, ORG.role) == KG.President
    term = g.value(m, ORG.memberDuring)
    begin = g.value(g.value(term, TIME.hasBeginning), TIME.inXSDDate)
    assert begin == Literal("2014-10-20", datatype=XSD.date)


def _two_reports(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``G`` plus a second outlet's copy of every document (other ids, same text): every event reported twice."""
    H = copy.deepcopy(G)
    for doc_id, meta in list(G.graph["documents"].items()):
        H.graph["documents"][doc_id + "-copy"] = {**meta, "publisher": "Other Outlet", "url": f"https://other.example/{doc_id}"}
    for u, v, k, d in list(G.edges(keys=True, data=True)):
        if "event_code" in d:
            H.add_edge(u, v, key=k.replace("ev_", "ev_copy_"), **{**d, "doc_id": d["doc_id"] + "-copy", "event_id": "ev_copy_" + d["event_id"][3:]})
        else:
            H.add_edge(u, v, key=k.replace("ev_", "ev_copy_"), **{**d, "event_id": "ev_copy_" + d["event_id"][3:]})
    return H


def test_merged_events_keep_every_mention(samples_graph, tmp_path):
    from kg.graph.merge import merge_events

    H = merge_events(_two_reports(samples_graph))
    ds_path = rdf.write(H, tmp_path / "merged.nq")
    g = rdf.load(ds_path)
    conforms, report = rdf.validate(g)
    assert conforms, report
    merged = [e for e in g.subjects(RDF.type, KG.Event) if int(g.value(e, KG.numMentions)) == 2]
    assert merged
    for e in merged:
        mentions = set(g.objects(e, PROV.wasDerivedFrom))
        assert len(mentions) == 2 and g.value(e, KG.primaryMention) in mentions
        assert {g.value(m, KG.inDocument) for m in mentions} and int(g.value(e, KG.numArticles)) == 2
        assert int(g.value(e, KG.numSources)) == 2
    G2 = from_rdf.to_graph(ds_path)
    assert table.to_csv(G2) == table.to_csv(H)
    d = next(d for _u, _v, d in G2.edges(data=True) if d.get("mentions") == 2)
    assert d["articles"] == 2 and len(d["merged_from"]) == 2
    assert isomorphic(g, rdf.load(rdf.write(G2, tmp_path / "again.nq")))


def test_every_term_is_documented_in_english_and_indonesian():
    from rdflib import Graph
    from rdflib.namespace import OWL, RDFS, SKOS

    from kg.resources import ontology_dir

    for name in ("kg.ttl", "cameo.ttl"):
        g = Graph().parse(ontology_dir() / name, format="turtle")
        terms = {s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(rdf.BASE)}
        terms -= {s for s in terms if (s, RDF.type, OWL.Ontology) in g}
        assert len(terms) > (300 if name == "cameo.ttl" else 60)
        for t in terms:
            for prop in (RDFS.label, RDFS.comment):
                langs = {o.language for o in g.objects(t, prop)}
                assert {"en", "id"} <= langs, (name, t, prop)
    cameo = Graph().parse(ontology_dir() / "cameo.ttl", format="turtle")
    assert len(list(cameo.objects(rdf.CAMEO.scheme, SKOS.hasTopConcept))) == 20
    from kg.lexicon.cameo import table

    assert {str(o) for o in cameo.objects(None, SKOS.notation) if str(o).isdigit()} >= set(table())
