"""RDF export and import: the event graph <-> RDF using kg's ontology (``ontology/kg.ttl``).

Events are n-ary nodes (``kg:Event``, a ``sem:Event``) with participations (source/target, sector, role,
surface text), a typed date (``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear``, from the value's shape), a
place (``sem:hasPlace``), a CAMEO type (``sem:eventType`` -> a SKOS concept of ``ontology/cameo.ttl``),
modality, Goldstein score, quad class and confidence. Each event is ``prov:wasDerivedFrom`` one mention per
report (a merged event has several), which records the document, the sentence and the character offsets
(NIF ``beginIndex``/``endIndex``); ``kg:numMentions``/``kg:numArticles``/``kg:numSources`` are counted from
them. People's time-bounded posts are ``org:Membership``\\ s with an OWL-Time interval.

The fast path (the default): :func:`triples` streams the export as pyoxigraph terms, :func:`write` hands
them to Oxigraph's serialisers (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML) without ever holding
the whole RDF graph in memory, and :func:`to_graph` reads an export back with Oxigraph. :func:`to_rdf`
builds an rdflib ``Graph`` from the same stream (for pySHACL and rdflib users); ``write(...,
backend="rdflib")`` is the slow reference path the benchmark compares against.

In N-Quads and TriG each source document has its own named graph, named by the document's IRI
(``kgr:doc/<id>``): the document's metadata, the events read from it and their mentions. Actors, places,
posts and the derived ``kg:actedOn`` links are in the default graph.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

import pyoxigraph as ox
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.util import iri_escape

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
    "rdf": Namespace(str(RDF)),
}  # fmt: skip


INSTANCE_KINDS = ("doc", "actor", "place", "event", "participation", "mention", "membership", "interval", "instant", "role")


# one prefix per kind of instance: actor:irn is kgr:actor/irn (predeclared in kg query too)
INSTANCE_PREFIXES: dict[str, Namespace] = {kind: Namespace(f"{KGR}{kind}/") for kind in INSTANCE_KINDS}


KIND_CLASS = {
    "state": KG.State, "person": KG.Person, "organisation": KG.Organisation, "igo": KG.InternationalOrganisation,
    "armed_group": KG.ArmedGroup, "group": KG.Group,
}  # fmt: skip


CLASS_KIND = {v: k for k, v in KIND_CLASS.items()}


MODALITY = {"asserted": KG.Asserted, "negated": KG.Negated, "future": KG.Future, "hypothetical": KG.Hypothetical}


PRECISION = {"day": (KG.DayPrecision, XSD.date), "month": (KG.MonthPrecision, XSD.gYearMonth), "year": (KG.YearPrecision, XSD.gYear)}


# posts that have their own org:Role individual in ontology/kg.ttl; any other post gets kgr:role/<slug>
ROLE_IRIS = {
    "President": KG.President, "Prime Minister": KG.PrimeMinister, "Foreign Minister": KG.ForeignMinister,
    "Defence Minister": KG.DefenceMinister, "Supreme Leader": KG.SupremeLeader, "Secretary-General": KG.SecretaryGeneral,
    "Head of State": KG.HeadOfState,
}  # fmt: skip


FORMAT_BY_SUFFIX = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld", ".xml": "xml", ".rdf": "xml",
                    ".nq": "nquads", ".trig": "trig"}  # fmt: skip


OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
    "ntriples": ox.RdfFormat.N_TRIPLES, "n-triples": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
    "nq": ox.RdfFormat.N_QUADS, "n-quads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG,
    "json-ld": ox.RdfFormat.JSON_LD, "jsonld": ox.RdfFormat.JSON_LD, "xml": ox.RdfFormat.RDF_XML,
    "rdfxml": ox.RdfFormat.RDF_XML, "rdf/xml": ox.RdfFormat.RDF_XML,
}  # fmt: skip


QUAD_FORMATS = {ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG}


def new_graph() -> Graph:
    g = Graph(bind_namespaces="core")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    return g


def _iri(kind: str, ident: str) -> URIRef:
    return URIRef(instance_iri(kind, ident))


def actor_iri(actor_id: str) -> URIRef:
    return _iri("place", actor_id.removeprefix("place:")) if actor_id.startswith("place:") else _iri("actor", actor_id)


_DATE_SHAPES = ((re.compile(r"-?\d{4,}-\d{2}-\d{2}"), "day"), (re.compile(r"-?\d{4,}-\d{2}"), "month"), (re.compile(r"-?\d{4,}"), "year"))


def date_precision_of(value: str, precision: str = "") -> str:
    """The precision a date value is written in: its shape decides (``2024-04`` is a month whatever
    ``precision`` says); ``precision`` only names values of no known shape."""
    for rx, name in _DATE_SHAPES:
        if rx.fullmatch(value):
            return name
    return precision if precision in PRECISION else "day"


def typed_date(value: str, precision: str = "") -> Literal:
    """``value`` as an ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear`` literal, by its shape."""
    return Literal(value, datatype=PRECISION[date_precision_of(value, precision)][1])


@cache
def _cameo_codes() -> frozenset[str]:
    from kg.lexicon.cameo import table

    return frozenset(table())


def cameo_concept(code: str) -> str:
    """The CAMEO concept an event of ``code`` is typed with: the code itself, or its nearest ancestor listed
    in ``ontology/cameo.ttl`` (the exact code is kept in ``kg:cameoCode``)."""
    codes = _cameo_codes()
    for k in (code, code[:3], code[:2]):
        if k in codes:
            return k
    return code


def source_of(meta: dict, doc_id: str) -> str:
    """Who published a document (as kg counts sources): its publisher, else its URL's host, else itself."""
    if meta.get("publisher"):
        return str(meta["publisher"]).strip()
    if meta.get("url"):
        host = urlsplit(str(meta["url"])).hostname or ""
        if host:
            return host.removeprefix("www.")
    return f"doc:{doc_id}"


def _file_name(source: str) -> str:
    """The file name of a document's source (never a machine's folder layout)."""
    return re.split(r"[\\/]", source.rstrip("/\\"))[-1] if source else ""


class _Terms:
    """Cached pyoxigraph IRIs of one namespace: ``_Terms(KG).Event``."""

    def __init__(self, ns: str):
        self._ns = str(ns)
        self._cache: dict[str, ox.NamedNode] = {}

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        node = self._cache.get(name)
        if node is None:
            node = self._cache[name] = ox.NamedNode(self._ns + name)
        return node

    def __getitem__(self, name: str) -> ox.NamedNode:
        return self.__getattr__(name)


_kg, _rdf, _rdfs, _xsd, _prov, _dct, _sem, _nif, _org, _time, _wgs, _skos, _owl, _schema = (
    _Terms(ns) for ns in (KG, RDF, RDFS, XSD, PROV, DCTERMS, SEM, NIF, ORG, TIME, WGS, SKOS, OWL, SCHEMA)
)


_TRUE = ox.Literal("true", datatype=ox.NamedNode(str(XSD.boolean)))


_FALSE = ox.Literal("false", datatype=ox.NamedNode(str(XSD.boolean)))


_OX_KIND = {k: ox.NamedNode(str(v)) for k, v in KIND_CLASS.items()}


_OX_MODALITY = {k: ox.NamedNode(str(v)) for k, v in MODALITY.items()}


_OX_PRECISION = {k: (ox.NamedNode(str(c)), ox.NamedNode(str(t))) for k, (c, t) in PRECISION.items()}


_OX_ROLES = {k: ox.NamedNode(str(v)) for k, v in ROLE_IRIS.items()}


def instance_iri(kind: str, ident) -> str:
    """The IRI of one of kg's instances (``kgr:<kind>/<id>``): THE place where IRIs are minted from data.
    Ids are percent-escaped (:func:`kg.util.iri_escape`), so any document id, file name, lexicon id or
    wikidata value gives a valid IRI; the id itself is kept as a literal (``dcterms:identifier``) and
    :func:`to_graph` gives it back."""
    return f"{KGR}{kind}/{iri_escape(str(ident))}"


def _r(kind: str, ident: str) -> ox.NamedNode:
    return ox.NamedNode(instance_iri(kind, ident))


Quad4 = tuple  # (subject, predicate, object, graph name or None), pyoxigraph terms


_BAD_QIDS_SEEN: set[str] = set()
