"""RDF export and import: the event graph <-> RDF using kg's ontology (``ontology/kg.ttl``).

Events are n-ary nodes (``kg:Event``, a ``sem:Event``) with participations (source/target, sector, role,
surface text), a typed date (``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear`` by precision), a place
(``sem:hasPlace``), a CAMEO type (``sem:eventType`` -> a SKOS concept), modality, Goldstein score, quad
class and confidence. Each event is ``prov:wasDerivedFrom`` its mention, which records the document,
the sentence and the character offsets (NIF ``beginIndex``/``endIndex``).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import networkx as nx
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from .graph import event_edges_of
from .model import stable_id
from .util import atomic_write_bytes

BASE = "https://w3id.org/kg-news/"
KG = Namespace(BASE + "ontology#")
KGR = Namespace(BASE + "id/")
CAMEO = Namespace(BASE + "cameo/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
WD = Namespace("http://www.wikidata.org/entity/")
SCHEMA = Namespace("https://schema.org/")
WGS = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
ORG = Namespace("http://www.w3.org/ns/org#")
TIME = Namespace("http://www.w3.org/2006/time#")

PREFIXES: dict[str, Namespace] = {
    "kg": KG, "kgr": KGR, "cameo": CAMEO, "sem": SEM, "nif": NIF, "wd": WD, "schema": SCHEMA, "wgs": WGS,
    "org": ORG, "time": TIME, "prov": Namespace(str(PROV)), "dcterms": Namespace(str(DCTERMS)),
    "skos": Namespace(str(SKOS)), "owl": Namespace(str(OWL)), "rdfs": Namespace(str(RDFS)), "xsd": Namespace(str(XSD)),
}  # fmt: skip

KIND_CLASS = {
    "state": KG.State, "person": KG.Person, "organisation": KG.Organisation, "igo": KG.InternationalOrganisation,
    "armed_group": KG.ArmedGroup, "group": KG.Group,
}  # fmt: skip
CLASS_KIND = {v: k for k, v in KIND_CLASS.items()}
MODALITY = {"asserted": KG.Asserted, "negated": KG.Negated, "future": KG.Future, "hypothetical": KG.Hypothetical}
PRECISION = {"day": (KG.DayPrecision, XSD.date), "month": (KG.MonthPrecision, XSD.gYearMonth), "year": (KG.YearPrecision, XSD.gYear)}


def new_graph() -> Graph:
    g = Graph(bind_namespaces="core")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    return g


def _iri(kind: str, ident: str) -> URIRef:
    return KGR[f"{kind}/{ident}"]


def actor_iri(actor_id: str) -> URIRef:
    return _iri("place", actor_id.removeprefix("place:")) if actor_id.startswith("place:") else _iri("actor", actor_id)


def typed_date(value: str, precision: str) -> Literal:
    _concept, dtype = PRECISION.get(precision, PRECISION["day"])
    return Literal(value, datatype=dtype)


def to_rdf(G: nx.MultiDiGraph) -> Graph:
    """The RDF graph of an event graph."""
    g = new_graph()
    add = g.add
    for doc_id, meta in sorted(G.graph.get("documents", {}).items()):
        d = _iri("doc", doc_id)
        add((d, RDF.type, KG.Document))
        add((d, RDF.type, PROV.Entity))
        add((d, DCTERMS.identifier, Literal(doc_id)))
        if meta.get("title"):
            add((d, DCTERMS.title, Literal(meta["title"])))
        if meta.get("lang"):
            add((d, DCTERMS.language, Literal(meta["lang"])))
        if meta.get("date"):
            add((d, DCTERMS.date, Literal(meta["date"], datatype=XSD.date)))
        if meta.get("url"):
            add((d, SCHEMA.url, Literal(meta["url"], datatype=XSD.anyURI)))
        if meta.get("publisher"):
            add((d, DCTERMS.publisher, Literal(meta["publisher"])))
        if meta.get("source"):
            add((d, DCTERMS.source, Literal(meta["source"])))
    for node, attrs in sorted(G.nodes(data=True), key=lambda x: x[0]):
        s = actor_iri(node)
        if attrs.get("type") == "place":
            add((s, RDF.type, KG.Place))
            add((s, RDFS.label, Literal(attrs.get("name", node))))
            if attrs.get("kind"):
                add((s, KG.placeKind, Literal(attrs["kind"])))
            if attrs.get("country"):
                add((s, KG.countryCode, Literal(attrs["country"])))
            if attrs.get("lat") is not None and attrs.get("lon") is not None:
                add((s, WGS.lat, Literal(float(attrs["lat"]), datatype=XSD.double)))
                add((s, WGS.long, Literal(float(attrs["lon"]), datatype=XSD.double)))
            continue
        add((s, RDF.type, KIND_CLASS.get(attrs.get("kind", ""), KG.Actor)))
        add((s, RDFS.label, Literal(attrs.get("name", node))))
        add((s, DCTERMS.identifier, Literal(node)))
        if attrs.get("code"):
            add((s, KG.code, Literal(attrs["code"])))
        if attrs.get("country"):
            add((s, KG.countryCode, Literal(attrs["country"])))
        if attrs.get("sector"):
            add((s, KG.sector, Literal(attrs["sector"])))
        if attrs.get("wikidata"):
            add((s, OWL.sameAs, WD[attrs["wikidata"]]))
        for alias in sorted(set(attrs.get("aliases") or []) - {attrs.get("name")}):
            add((s, SKOS.altLabel, Literal(alias)))
    by_event: dict[str, list[tuple[str, str, dict]]] = defaultdict(list)
    for u, v, _k, d in event_edges_of(G):
        by_event[d["event_id"]].append((u, v, d))
    for event_id, dyads in by_event.items():
        _add_event(g, event_id, dyads)
    return g


def _add_event(g: Graph, event_id: str, dyads: list[tuple[str, str, dict]]) -> None:
    add = g.add
    d = dyads[0][2]
    e = _iri("event", event_id)
    add((e, RDF.type, KG.Event))
    add((e, RDFS.label, Literal(f"{d['source_code']} -> {d['target_code']}: {d['event_label']}", lang="en")))
    add((e, SEM.eventType, CAMEO[d["event_code"]]))
    add((e, KG.cameoCode, Literal(d["event_code"])))
    add((e, KG.cameoRoot, Literal(d["event_root"])))
    add((e, KG.quadClass, Literal(int(d["quad_class"]))))
    add((e, KG.goldstein, Literal(f"{float(d['goldstein']):.1f}", datatype=XSD.decimal)))
    add((e, KG.modality, MODALITY[d["modality"]]))
    add((e, KG.confidence, Literal(f"{float(d['confidence']):.3f}", datatype=XSD.decimal)))
    add((e, KG.symmetric, Literal(bool(d.get("symmetric")))))
    add((e, KG.trigger, Literal(d["trigger"])))
    if d.get("rule"):
        add((e, KG.rule, Literal(d["rule"])))
    if d.get("date"):
        add((e, KG.date, typed_date(d["date"], d["date_precision"])))
        add((e, KG.datePrecision, PRECISION.get(d["date_precision"], PRECISION["day"])[0]))
        add((e, KG.dateInferred, Literal(bool(d.get("date_inferred")))))
    if d.get("place_id"):
        add((e, SEM.hasPlace, _iri("place", d["place_id"])))
    seen: set[tuple[str, str]] = set()
    for u, v, dd in dyads:
        for role, actor, prefix in (("source", u, "source"), ("target", v, "target")):
            if (role, actor) in seen:
                continue
            seen.add((role, actor))
            a = actor_iri(actor)
            add((e, KG.hasSource if role == "source" else KG.hasTarget, a))
            p = _iri("participation", stable_id(event_id, role, actor))
            add((e, KG.hasParticipation, p))
            add((p, RDF.type, KG.Participation))
            add((p, KG.actor, a))
            add((p, KG.participantRole, KG.SourceRole if role == "source" else KG.TargetRole))
            add((p, KG.code, Literal(dd[f"{prefix}_code"])))
            if dd.get(f"{prefix}_text"):
                add((p, KG.surface, Literal(dd[f"{prefix}_text"])))
            if dd.get(f"{prefix}_sector"):
                add((p, KG.sector, Literal(dd[f"{prefix}_sector"])))
            if dd.get(f"{prefix}_role"):
                add((p, KG.role, Literal(dd[f"{prefix}_role"])))
        add((_iri("actor", u), KG.actedOn, _iri("actor", v)))
    m = _iri("mention", stable_id(d["doc_id"], d["char_start"], d["char_end"], event_id))
    add((e, PROV.wasDerivedFrom, m))
    add((m, RDF.type, KG.Mention))
    add((m, KG.inDocument, _iri("doc", d["doc_id"])))
    add((m, NIF.beginIndex, Literal(int(d["char_start"]), datatype=XSD.nonNegativeInteger)))
    add((m, NIF.endIndex, Literal(int(d["char_end"]), datatype=XSD.nonNegativeInteger)))
    add((m, NIF.anchorOf, Literal(d["mention"])))
    add((m, KG.sentence, Literal(d["sentence"])))
    add((m, KG.sentenceIndex, Literal(int(d["sentence_index"]), datatype=XSD.nonNegativeInteger)))


def serialize(g: Graph, fmt: str = "turtle") -> bytes:
    return g.serialize(format=fmt, encoding="utf-8")


def write(G: nx.MultiDiGraph, path: str | Path, fmt: str | None = None) -> Path:
    """Write the RDF of ``G`` to ``path`` atomically (format from the suffix unless given)."""
    path = Path(path)
    fmt = fmt or FORMAT_BY_SUFFIX.get(path.suffix.lower(), "turtle")
    return atomic_write_bytes(path, serialize(to_rdf(G), fmt))


FORMAT_BY_SUFFIX = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld", ".xml": "xml", ".rdf": "xml",
                    ".nq": "nquads", ".trig": "trig"}  # fmt: skip


def load(path: str | Path) -> Graph:
    path = Path(path)
    g = new_graph()
    g.parse(path, format=FORMAT_BY_SUFFIX.get(path.suffix.lower(), "turtle"))
    return g


def query(g: Graph, sparql: str):
    """Run a SPARQL query with kg's prefixes predeclared."""
    return g.query(sparql, initNs={k: v for k, v in PREFIXES.items()})


_ = (BNode, ORG, TIME)
