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


# -- back from RDF ---------------------------------------------------------------------------------------

_EVENT_QUERY = """
SELECT ?e ?code ?root ?quad ?gold ?mod ?conf ?sym ?trigger ?rule ?date ?prec ?inferred ?place
       ?m ?doc ?begin ?end ?anchor ?sentence ?sindex ?label
WHERE {
  ?e a kg:Event ; kg:cameoCode ?code ; kg:cameoRoot ?root ; kg:quadClass ?quad ; kg:goldstein ?gold ;
     kg:modality ?mod ; kg:confidence ?conf ; kg:trigger ?trigger ; prov:wasDerivedFrom ?m .
  ?m kg:inDocument ?doc ; nif:beginIndex ?begin ; nif:endIndex ?end ; nif:anchorOf ?anchor ;
     kg:sentence ?sentence ; kg:sentenceIndex ?sindex .
  OPTIONAL { ?e kg:symmetric ?sym }
  OPTIONAL { ?e kg:rule ?rule }
  OPTIONAL { ?e kg:date ?date ; kg:datePrecision ?prec . OPTIONAL { ?e kg:dateInferred ?inferred } }
  OPTIONAL { ?e sem:hasPlace ?place }
  OPTIONAL { ?t skos:notation ?code ; skos:prefLabel ?label FILTER(lang(?label) = "en") }
}"""

_PART_QUERY = """
SELECT ?e ?a ?prole ?code ?surface ?sector ?role WHERE {
  ?e kg:hasParticipation ?p . ?p kg:actor ?a ; kg:participantRole ?prole ; kg:code ?code .
  OPTIONAL { ?p kg:surface ?surface } OPTIONAL { ?p kg:sector ?sector } OPTIONAL { ?p kg:role ?role }
}"""


def _local(iri, kind: str) -> str:
    return str(iri).removeprefix(str(KGR) + kind + "/")


def to_graph(source: str | Path | Graph) -> nx.MultiDiGraph:
    """Rebuild kg's event graph from one of its RDF exports (the inverse of :func:`to_rdf`)."""
    g = source if isinstance(source, Graph) else load(source)
    G = nx.MultiDiGraph()
    docs = {}
    for d in g.subjects(RDF.type, KG.Document):
        ident = str(g.value(d, DCTERMS.identifier))
        value = lambda p: str(g.value(d, p) or "")  # noqa: E731
        docs[ident] = {"title": value(DCTERMS.title), "url": value(SCHEMA.url), "lang": value(DCTERMS.language),
                       "date": value(DCTERMS.date), "source": value(DCTERMS.source), "publisher": value(DCTERMS.publisher)}  # fmt: skip
    G.graph["documents"] = docs
    for cls, kind in CLASS_KIND.items():
        for a in g.subjects(RDF.type, cls):
            ident = _local(a, "actor")
            wd = g.value(a, OWL.sameAs)
            G.add_node(ident, type="actor", kind=kind, name=str(g.value(a, RDFS.label)), code=str(g.value(a, KG.code) or ""),
                       country=str(g.value(a, KG.countryCode) or ""), sector=str(g.value(a, KG.sector) or ""),
                       wikidata=str(wd).rsplit("/", 1)[-1] if wd else "",
                       aliases=sorted({str(x) for x in g.objects(a, SKOS.altLabel)} | {str(g.value(a, RDFS.label))}))  # fmt: skip
    for p in g.subjects(RDF.type, KG.Place):
        lat, lon = g.value(p, WGS.lat), g.value(p, WGS.long)
        G.add_node("place:" + _local(p, "place"), type="place", name=str(g.value(p, RDFS.label)),
                   kind=str(g.value(p, KG.placeKind) or ""), country=str(g.value(p, KG.countryCode) or ""),
                   lat=float(lat) if lat is not None else None, lon=float(lon) if lon is not None else None, code="")  # fmt: skip
    parts: dict[str, dict[str, list]] = defaultdict(lambda: {"source": [], "target": []})
    for row in g.query(_PART_QUERY, initNs=PREFIXES):
        side = "source" if row.prole == KG.SourceRole else "target"
        parts[str(row.e)][side].append(
            {"id": _local(row.a, "actor"), "code": str(row.code), "text": str(row.surface or ""),
             "sector": str(row.sector or ""), "role": str(row.role or "")}  # fmt: skip
        )
    prec_name = {v[0]: k for k, v in PRECISION.items()}
    mod_name = {v: k for k, v in MODALITY.items()}
    for row in g.query(_EVENT_QUERY, initNs=PREFIXES):
        event_id = _local(row.e, "event")
        place_id = _local(row.place, "place") if row.place else ""
        p = parts[str(row.e)]
        base = {
            "event_id": event_id, "doc_id": _local(row.doc, "doc"), "date": str(row.date or ""),
            "date_precision": prec_name.get(row.prec, "") if row.prec else "",
            "date_inferred": bool(row.inferred.toPython()) if row.inferred is not None else False,
            "event_code": str(row.code), "event_root": str(row.root), "event_label": _event_label(g, row.e, str(row.code)),
            "quad_class": int(row.quad), "goldstein": float(row.gold), "place": G.nodes[f"place:{place_id}"]["name"] if place_id else "",
            "place_id": place_id, "sentence": str(row.sentence), "sentence_index": int(row.sindex),
            "char_start": int(row.begin), "char_end": int(row.end), "mention": str(row.anchor), "trigger": str(row.trigger),
            "modality": mod_name[row.mod], "confidence": float(row.conf), "symmetric": bool(row.sym.toPython()) if row.sym is not None else False,
            "rule": str(row.rule or ""),
        }  # fmt: skip
        n = 0
        for s in p["source"]:
            for t in p["target"]:
                attrs = dict(base)
                for side, x in (("source", s), ("target", t)):
                    attrs[f"{side}_code"] = x["code"]
                    attrs[f"{side}_name"] = G.nodes[x["id"]]["name"] if x["id"] in G else x["id"]
                    attrs[f"{side}_text"] = x["text"]
                    attrs[f"{side}_sector"] = x["sector"]
                    attrs[f"{side}_role"] = x["role"]
                G.add_edge(s["id"], t["id"], key=f"{event_id}#{n}", **attrs)
                n += 1
        if place_id and p["source"]:
            G.add_edge(p["source"][0]["id"], f"place:{place_id}", key=f"{event_id}@place", kind="place_of", event_id=event_id)
    return G


def _event_label(g: Graph, e, code: str) -> str:
    label = str(g.value(e, RDFS.label) or "")
    return label.split(": ", 1)[1] if ": " in label else code


def validate(g: Graph) -> tuple[bool, str]:
    """SHACL-validate an export against ``ontology/shapes.ttl`` (RDFS inference over ``kg.ttl``)."""
    import pyshacl

    from .resources import ontology_dir

    shapes = Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    ont = Graph().parse(ontology_dir() / "kg.ttl", format="turtle")
    conforms, _graph, text = pyshacl.validate(g, shacl_graph=shapes, ont_graph=ont, inference="rdfs")
    return bool(conforms), str(text)
