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

import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache, lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import networkx as nx
import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from .graph import event_edges_of
from .model import stable_id
from .util import atomic_path, iri_escape, iri_unescape

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
    from .cameo import table

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


# -- the stream of terms ---------------------------------------------------------------------------------


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


@lru_cache(maxsize=1 << 16)
def _actor(node: str) -> ox.NamedNode:
    return _r("place", node.removeprefix("place:")) if node.startswith("place:") else _r("actor", node)


@lru_cache(maxsize=1 << 12)
def _doc(doc_id: str) -> ox.NamedNode:
    return _r("doc", doc_id)


def _s(value) -> ox.Literal:
    return ox.Literal(str(value))


def _int(value, dtype: ox.NamedNode = _xsd.integer) -> ox.Literal:
    return ox.Literal(str(int(value)), datatype=dtype)


def _bool(value) -> ox.Literal:
    return _TRUE if value else _FALSE


def _dec(value, fmt: str) -> ox.Literal:
    return ox.Literal(format(float(value), fmt), datatype=_xsd.decimal)


def _double(value) -> ox.Literal:
    return ox.Literal(repr(float(value)), datatype=_xsd.double)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or stable_id(text)


Quad4 = tuple  # (subject, predicate, object, graph name or None), pyoxigraph terms


def triples(G: nx.MultiDiGraph, *, memberships: bool = True) -> Iterator[Quad4]:
    """The RDF of ``G`` as a stream of ``(subject, predicate, object, graph)`` pyoxigraph terms (``graph``
    is the source document's IRI, or ``None`` for the default graph). Each subject's triples come together
    (readable Turtle); nothing is accumulated but a few small sets."""
    docs = G.graph.get("documents", {})
    for doc_id in sorted(docs):
        yield from _document(doc_id, docs[doc_id])
    roles_done: set[str] = set()
    instants_done: set[str] = set()
    for node in sorted(G.nodes):
        attrs = G.nodes[node]
        if attrs.get("type") == "place":
            yield from _place(node, attrs)
            continue
        yield from _actor_triples(node, attrs)
        if memberships and attrs.get("kind") == "person":
            yield from _memberships(node, attrs, roles_done, instants_done)
    merges = G.graph.get("merges") or {}
    acted: dict[str, set[str]] = defaultdict(set)
    by_event: dict[str, list[tuple[int, str, str, dict]]] = {}
    for u, v, k, d in event_edges_of(G):
        by_event.setdefault(d["event_id"], []).append((_dyad_index(k), u, v, d))
    for event_id, indexed in by_event.items():
        indexed.sort(key=lambda x: x[0])
        dyads = [(u, v, d) for _n, u, v, d in indexed]
        yield from _event(event_id, dyads, docs, merges.get(event_id))
        if dyads[0][2].get("modality", "asserted") == "asserted":
            for u, v, _d in dyads:
                acted[u].add(v)
    # kg:actedOn, DERIVED from the asserted events (ontology/kg.ttl says how)
    for u in sorted(acted):
        s = _actor(u)
        for v in sorted(acted[u]):
            yield s, _kg.actedOn, _actor(v), None


def _dyad_index(key) -> int:
    tail = str(key).rsplit("#", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _document(doc_id: str, meta: dict) -> Iterator[Quad4]:
    d = _r("doc", doc_id)
    yield d, _rdf.type, _kg.Document, d
    yield d, _rdf.type, _prov.Entity, d
    yield d, _dct.identifier, _s(doc_id), d
    if meta.get("title"):
        yield d, _dct.title, _s(meta["title"]), d
    if meta.get("lang"):
        yield d, _dct.language, _s(meta["lang"]), d
    if meta.get("date"):
        yield d, _dct.date, ox.Literal(str(meta["date"]), datatype=_xsd.date), d
    if meta.get("url"):
        yield d, _schema.url, ox.Literal(str(meta["url"]), datatype=_xsd.anyURI), d
    if meta.get("publisher"):
        yield d, _dct.publisher, _s(meta["publisher"]), d
    if meta.get("source"):
        yield d, _dct.source, _s(_file_name(str(meta["source"]))), d


def _place(node: str, attrs: dict) -> Iterator[Quad4]:
    s = _actor(node)
    yield s, _rdf.type, _kg.Place, None
    yield s, _rdfs.label, _s(attrs.get("name") or node), None
    if attrs.get("kind"):
        yield s, _kg.placeKind, _s(attrs["kind"]), None
    if attrs.get("country"):
        yield s, _kg.countryCode, _s(attrs["country"]), None
    if attrs.get("lat") is not None and attrs.get("lon") is not None:
        yield s, _wgs.lat, _double(attrs["lat"]), None
        yield s, _wgs.long, _double(attrs["lon"]), None


_QID = re.compile(r"(?:https?://(?:www\.)?wikidata\.org/(?:wiki|entity)/)?(Q[1-9][0-9]*)")
_BAD_QIDS_SEEN: set[str] = set()


def wikidata_qid(value, node: str = "") -> str:
    """The Wikidata item id (``Q159``) in a lexicon's ``wikidata`` value (``Q159`` or its URL), or "" when
    the value is not one: then the actor gets no ``owl:sameAs`` (the export's contract allows only items),
    and kg says so once per value."""
    if not value:
        return ""
    m = _QID.fullmatch(str(value).strip())
    if m:
        return m.group(1)
    if str(value) not in _BAD_QIDS_SEEN:
        _BAD_QIDS_SEEN.add(str(value))
        import logging

        logging.getLogger(__name__).warning("actor %r: wikidata value %r is not a Wikidata item id (Q123); no owl:sameAs written",
                                            node, str(value))  # fmt: skip
    return ""


def _actor_triples(node: str, attrs: dict) -> Iterator[Quad4]:
    s = _actor(node)
    name = attrs.get("name") or node
    yield s, _rdf.type, _OX_KIND.get(attrs.get("kind", ""), _kg.Actor), None
    yield s, _rdfs.label, _s(name), None
    yield s, _dct.identifier, _s(node), None
    if attrs.get("code"):
        yield s, _kg.code, _s(attrs["code"]), None
    if attrs.get("country"):
        yield s, _kg.countryCode, _s(attrs["country"]), None
    if attrs.get("sector"):
        yield s, _kg.sector, _s(attrs["sector"]), None
    qid = wikidata_qid(attrs.get("wikidata"), node)
    if qid:
        yield s, _owl.sameAs, ox.NamedNode(f"{WD}{qid}"), None
    for alias in sorted(set(attrs.get("aliases") or []) - {name}):
        yield s, _skos.altLabel, _s(alias), None


def roles_of(node: str, attrs: dict) -> list[dict]:
    """A person's time-bounded posts: the node's ``roles`` attribute (as :func:`to_graph` restores it), else
    the bundled lexicon's. Each: post, country, code, sector, start, end (ISO dates or "")."""
    if isinstance(attrs.get("roles"), list):
        return attrs["roles"]
    try:
        from .lexicon import load_lexicon

        actor = load_lexicon().actors.get(node)
    except Exception:  # noqa: BLE001 - no lexicon, no posts: the export is still valid
        return []
    if actor is None:
        return []
    return [{"post": r.post, "country": r.country or "", "code": r.code or "", "sector": r.sector or "",
             "start": r.start.isoformat() if r.start else "", "end": r.end.isoformat() if r.end else ""}
            for r in actor.roles]  # fmt: skip


def _memberships(node: str, attrs: dict, roles_done: set[str], instants_done: set[str]) -> Iterator[Quad4]:
    person = _actor(node)
    for r in roles_of(node, attrs):
        post = r.get("post") or ""
        if not post:
            continue
        ident = stable_id(node, post, r.get("country", ""), r.get("code", ""), r.get("start", ""))
        m = _r("membership", ident)
        yield m, _rdf.type, _org.Membership, None
        label = f"{attrs.get('name') or node}: {post} ({r.get('code') or r.get('country') or '?'}), {r.get('start') or '?'} to {r.get('end') or 'now'}"
        yield m, _rdfs.label, _s(label), None
        yield m, _org.member, person, None
        role = _OX_ROLES.get(post) or _r("role", _slug(post))
        yield m, _org.role, role, None
        yield m, _kg.postTitle, _s(post), None
        if r.get("country"):
            yield m, _org.organization, _r("actor", r["country"].lower()), None
            yield m, _kg.countryCode, _s(r["country"]), None
        if r.get("code"):
            yield m, _kg.code, _s(r["code"]), None
        if r.get("sector"):
            yield m, _kg.sector, _s(r["sector"]), None
        interval = _r("interval", ident)
        yield m, _org.memberDuring, interval, None
        yield interval, _rdf.type, _time.Interval, None
        for prop, key in ((_time.hasBeginning, "start"), (_time.hasEnd, "end")):
            if r.get(key):
                yield interval, prop, _r("instant", r[key]), None
        if post not in _OX_ROLES and post not in roles_done:
            roles_done.add(post)
            yield role, _rdf.type, _org.Role, None
            yield role, _rdfs.label, ox.Literal(post, language="en"), None
        for key in ("start", "end"):
            day = r.get(key)
            if day and day not in instants_done:
                instants_done.add(day)
                i = _r("instant", day)
                yield i, _rdf.type, _time.Instant, None
                yield i, _time.inXSDDate, ox.Literal(day, datatype=_xsd.date), None


def _event(event_id: str, dyads: list[tuple[str, str, dict]], docs: dict, merge: dict | None) -> Iterator[Quad4]:
    d = dyads[0][2]
    gname = _doc(d["doc_id"])
    e = _r("event", event_id)
    code = str(d["event_code"])
    yield e, _rdf.type, _kg.Event, gname
    label = f"{d.get('source_code', '')} -> {d.get('target_code', '')}: {d.get('event_label') or code}"
    yield e, _rdfs.label, ox.Literal(label, language="en"), gname
    yield e, _sem.eventType, ox.NamedNode(f"{CAMEO}{iri_escape(cameo_concept(code))}"), gname
    yield e, _kg.cameoCode, _s(code), gname
    yield e, _kg.cameoRoot, _s(d.get("event_root") or code[:2]), gname
    yield e, _kg.quadClass, _int(d["quad_class"]), gname
    yield e, _kg.goldstein, _dec(d["goldstein"], ".1f"), gname
    yield e, _kg.modality, _OX_MODALITY[d.get("modality") or "asserted"], gname
    yield e, _kg.confidence, _dec(d.get("confidence", 0.5), ".3f"), gname
    yield e, _kg.symmetric, _bool(d.get("symmetric")), gname
    if d.get("trigger"):
        yield e, _kg.trigger, _s(d["trigger"]), gname
    if d.get("rule"):
        yield e, _kg.rule, _s(d["rule"]), gname
    if d.get("quantities"):
        yield e, _kg.quantities, _s(d["quantities"]), gname
    if d.get("date"):
        value = str(d["date"])
        concept, dtype = _OX_PRECISION[date_precision_of(value, d.get("date_precision", ""))]
        yield e, _kg.date, ox.Literal(value, datatype=dtype), gname
        yield e, _kg.datePrecision, concept, gname
        yield e, _kg.dateInferred, _bool(d.get("date_inferred")), gname
    if d.get("place_id"):
        yield e, _sem.hasPlace, _r("place", d["place_id"]), gname
    # the event's sources and targets in the text's order (its edges are their product, source-major); one
    # actor named twice ("Amman" and "Yordania") is two participations of the same actor
    parts: list[tuple[ox.NamedNode, str, int, str, dict]] = []
    seen: set[tuple] = set()
    linked: set[tuple[str, str]] = set()
    counter = {"source": 0, "target": 0}
    for u, v, dd in dyads:
        for side, actor in (("source", u), ("target", v)):
            ident = (side, actor) + tuple(dd.get(f"{side}_{k}") or "" for k in ("code", "text", "sector", "role"))
            if ident in seen:
                continue
            seen.add(ident)
            if (side, actor) not in linked:
                linked.add((side, actor))
                yield e, _kg.hasSource if side == "source" else _kg.hasTarget, _actor(actor), gname
            index = counter[side]
            counter[side] += 1
            p = _r("participation", stable_id(event_id, side, actor) if index == 0 else stable_id(event_id, side, actor, index))
            yield e, _kg.hasParticipation, p, gname
            parts.append((p, side, index, actor, dd))
    # mentions: the one the edge's wording comes from (primary), and every other report of a merged event
    primary = (d["doc_id"], int(d["char_start"]), int(d["char_end"]))
    records = list((merge or {}).get("mentions") or [])
    primary_rec = next((r for r in records if (r.get("doc_id"), r.get("char_start"), r.get("char_end")) == primary), None)
    mentions = [{"doc_id": d["doc_id"], "char_start": primary[1], "char_end": primary[2], "mention": d.get("mention"),
                 "sentence": d.get("sentence", ""), "sentence_index": d.get("sentence_index"),
                 "event_id": primary_rec["event_id"] if primary_rec else event_id,
                 "merged": merge is not None}]  # fmt: skip
    for r in records:
        if r is primary_rec or r.get("char_start") is None:
            continue
        mentions.append({**r, "merged": True})
    m_iris = [_r("mention", stable_id(m["doc_id"], m["char_start"], m["char_end"], m["event_id"])) for m in mentions]
    for m_iri in dict.fromkeys(m_iris):
        yield e, _prov.wasDerivedFrom, m_iri, gname
    if len(set(m_iris)) > 1:
        yield e, _kg.primaryMention, m_iris[0], gname
    doc_ids = {m["doc_id"] for m in mentions}
    n_sources = len({source_of(docs.get(x, {}), x) for x in doc_ids})
    yield e, _kg.numMentions, _int(d.get("mentions") or len(set(m_iris))), gname
    yield e, _kg.numArticles, _int(d.get("articles") or len(doc_ids)), gname
    yield e, _kg.numSources, _int(d.get("sources") if isinstance(d.get("sources"), int) else n_sources), gname
    for p, side, index, actor, dd in parts:
        yield p, _rdf.type, _kg.Participation, gname
        yield p, _kg.actor, _actor(actor), gname
        yield p, _kg.participantRole, _kg.SourceRole if side == "source" else _kg.TargetRole, gname
        yield p, _kg.participantIndex, _int(index, _xsd.nonNegativeInteger), gname
        for key, prop in (("code", _kg.code), ("text", _kg.surface), ("sector", _kg.sector), ("role", _kg.role)):
            value = dd.get(f"{side}_{key}")
            if value:  # empty codes, sectors ... are left out, never written as ""
                yield p, prop, _s(value), gname
    done: set[str] = set()
    for m, m_iri in zip(mentions, m_iris):
        if m_iri.value in done:
            continue
        done.add(m_iri.value)
        mg = _doc(m["doc_id"])
        yield m_iri, _rdf.type, _kg.Mention, mg
        yield m_iri, _kg.inDocument, mg, mg
        yield m_iri, _nif.beginIndex, _int(m["char_start"], _xsd.nonNegativeInteger), mg
        yield m_iri, _nif.endIndex, _int(m["char_end"], _xsd.nonNegativeInteger), mg
        if m.get("mention"):
            yield m_iri, _nif.anchorOf, _s(m["mention"]), mg
        if m.get("sentence"):
            yield m_iri, _kg.sentence, _s(m["sentence"]), mg
        if m.get("sentence_index") is not None and m.get("sentence_index") != "":
            yield m_iri, _kg.sentenceIndex, _int(m["sentence_index"], _xsd.nonNegativeInteger), mg
        if m.get("merged"):
            yield m_iri, _kg.eventId, _s(m["event_id"]), mg


# -- rdflib view, serialisation ----------------------------------------------------------------------------


def _to_rdflib(term, cache_: dict):
    if isinstance(term, ox.NamedNode):
        node = cache_.get(term.value)
        if node is None:
            node = cache_[term.value] = URIRef(term.value)
        return node
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == str(XSD.string):
            return Literal(term.value)
        return Literal(term.value, datatype=_to_rdflib(term.datatype, cache_))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise TypeError(f"unexpected RDF term {term!r}")


def to_rdf(G: nx.MultiDiGraph) -> Graph:
    """The RDF graph of an event graph, as an rdflib ``Graph`` (named graphs merged)."""
    g = new_graph()
    cache_: dict = {}
    add = g.add
    for s, p, o, _g in triples(G):
        add((_to_rdflib(s, cache_), _to_rdflib(p, cache_), _to_rdflib(o, cache_)))
    return g


def to_dataset(G: nx.MultiDiGraph) -> Dataset:
    """The RDF of ``G`` as an rdflib ``Dataset``: one named graph per source document."""
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, override=True, replace=True)
    cache_: dict = {}
    graphs: dict = {}
    for s, p, o, gname in triples(G):
        if gname is None:
            target = ds.default_graph if hasattr(ds, "default_graph") else ds.default_context
        else:
            target = graphs.get(gname.value)
            if target is None:
                target = graphs[gname.value] = ds.graph(URIRef(gname.value))
        target.add((_to_rdflib(s, cache_), _to_rdflib(p, cache_), _to_rdflib(o, cache_)))
    return ds


def _ox_format(fmt: str | ox.RdfFormat) -> ox.RdfFormat:
    if isinstance(fmt, ox.RdfFormat):
        return fmt
    try:
        return OX_FORMATS[fmt.lower()]
    except KeyError:
        raise ValueError(f"unknown RDF format {fmt!r} (use {', '.join(sorted(set(FORMAT_BY_SUFFIX.values())))})") from None


def _ox_prefixes() -> dict[str, str]:
    """Prefixes of the files kg writes: the vocabularies, and one per kind of instance (``event:ev_1`` is
    ``kgr:event/ev_1``, which Turtle and SPARQL would have to write ``kgr:event\\/ev_1``)."""
    vocab = {p: str(ns) for p, ns in PREFIXES.items() if p != "kgr"}
    return vocab | {p: str(ns) for p, ns in INSTANCE_PREFIXES.items()}


def serialize(g: Graph | nx.MultiDiGraph, fmt: str = "turtle") -> bytes:
    """Bytes of an rdflib graph, or of an event graph (streamed through Oxigraph)."""
    if isinstance(g, nx.MultiDiGraph):
        return _ox_serialize(g, _ox_format(fmt), None) or b""
    return g.serialize(format=fmt, encoding="utf-8")


def _ox_serialize(G: nx.MultiDiGraph, fmt: ox.RdfFormat, output) -> bytes | None:
    if fmt in QUAD_FORMATS:
        default = ox.DefaultGraph()
        stream: Iterable = (ox.Quad(s, p, o, g if g is not None else default) for s, p, o, g in triples(G))
    else:
        stream = (ox.Triple(s, p, o) for s, p, o, _g in triples(G))
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML):
        return ox.serialize(stream, output, fmt, prefixes=_ox_prefixes())
    return ox.serialize(stream, output, fmt)


def write(G: nx.MultiDiGraph, path: str | Path, fmt: str | None = None, *, backend: str = "oxigraph") -> Path:
    """Write the RDF of ``G`` to ``path`` atomically (format from the suffix unless given: ``.ttl``, ``.nt``,
    ``.nq``, ``.trig``, ``.jsonld``, ``.rdf``). The default backend streams triples into Oxigraph's
    serialiser; ``backend="rdflib"`` builds an rdflib graph first (slow; for comparison)."""
    path = Path(path)
    fmt = fmt or FORMAT_BY_SUFFIX.get(path.suffix.lower(), "turtle")
    oxfmt = _ox_format(fmt)
    with atomic_path(path) as tmp:
        if backend == "rdflib":
            with open(tmp, "wb") as fh:
                if oxfmt in QUAD_FORMATS:
                    fh.write(to_dataset(G).serialize(format="nquads" if oxfmt == ox.RdfFormat.N_QUADS else "trig", encoding="utf-8"))
                else:
                    rdflib_fmt = {ox.RdfFormat.TURTLE: "turtle", ox.RdfFormat.N_TRIPLES: "nt", ox.RdfFormat.JSON_LD: "json-ld",
                                  ox.RdfFormat.RDF_XML: "xml"}[oxfmt]  # fmt: skip
                    fh.write(to_rdf(G).serialize(format=rdflib_fmt, encoding="utf-8"))
                fh.flush()
                os.fsync(fh.fileno())
        else:
            _ox_serialize(G, oxfmt, str(tmp))  # Oxigraph writes the file itself (much faster than through Python)
    return path


def format_of(path: str | Path) -> ox.RdfFormat:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMAT_BY_SUFFIX:
        raise ValueError(f"{path}: unknown RDF format (use .ttl, .nt, .nq, .trig, .jsonld or .rdf)")
    return _ox_format(FORMAT_BY_SUFFIX[suffix])


def load(path: str | Path, *, dataset: bool = False) -> Graph:
    """Read an RDF export (any format kg writes) into an rdflib ``Graph`` (named graphs merged), or with
    ``dataset=True`` into an rdflib ``Dataset`` keeping them. Parsed by Oxigraph (fast)."""
    path = Path(path)
    fmt = format_of(path)
    target = Dataset() if dataset else new_graph()
    cache_: dict = {}
    graphs: dict = {}
    for q in ox.parse(path=str(path), format=fmt):
        s, p, o = _to_rdflib(q.subject, cache_), _to_rdflib(q.predicate, cache_), _to_rdflib(q.object, cache_)
        if dataset and isinstance(q, ox.Quad) and not isinstance(q.graph_name, ox.DefaultGraph):
            name = q.graph_name.value
            sub = graphs.get(name)
            if sub is None:
                sub = graphs[name] = target.graph(URIRef(name))
            sub.add((s, p, o))
        elif dataset:
            target.default_graph.add((s, p, o)) if hasattr(target, "default_graph") else target.default_context.add((s, p, o))
        else:
            target.add((s, p, o))
    return target


def query(g: Graph, sparql: str):
    """Run a SPARQL query with kg's prefixes predeclared (rdflib; see :mod:`kg.sparql` for the fast path)."""
    return g.query(sparql, initNs={k: v for k, v in PREFIXES.items()})


_ = (ORG, TIME)


# -- back from RDF ---------------------------------------------------------------------------------------

_DOC_QUERY = """
SELECT ?d ?id ?title ?url ?lang ?date ?source ?publisher WHERE {
  ?d a kg:Document ; dcterms:identifier ?id .
  OPTIONAL { ?d dcterms:title ?title } OPTIONAL { ?d schema:url ?url } OPTIONAL { ?d dcterms:language ?lang }
  OPTIONAL { ?d dcterms:date ?date } OPTIONAL { ?d dcterms:source ?source } OPTIONAL { ?d dcterms:publisher ?publisher }
}"""

_ACTOR_QUERY = """
SELECT ?a ?cls ?label ?id ?code ?country ?sector ?wd WHERE {
  VALUES ?cls { kg:State kg:Person kg:Organisation kg:InternationalOrganisation kg:ArmedGroup kg:Group kg:Actor }
  ?a a ?cls .
  OPTIONAL { ?a rdfs:label ?label } OPTIONAL { ?a dcterms:identifier ?id } OPTIONAL { ?a kg:code ?code }
  OPTIONAL { ?a kg:countryCode ?country } OPTIONAL { ?a kg:sector ?sector } OPTIONAL { ?a owl:sameAs ?wd }
}"""

_ALIAS_QUERY = "SELECT ?a ?alias WHERE { ?a skos:altLabel ?alias }"

_PLACE_QUERY = """
SELECT ?p ?label ?kind ?country ?lat ?lon WHERE {
  ?p a kg:Place . OPTIONAL { ?p rdfs:label ?label } OPTIONAL { ?p kg:placeKind ?kind }
  OPTIONAL { ?p kg:countryCode ?country } OPTIONAL { ?p wgs:lat ?lat ; wgs:long ?lon }
}"""

_MEMBERSHIP_QUERY = """
SELECT ?person ?post ?country ?code ?sector ?start ?end WHERE {
  ?m a org:Membership ; org:member ?person ; kg:postTitle ?post .
  OPTIONAL { ?m kg:countryCode ?country } OPTIONAL { ?m kg:code ?code } OPTIONAL { ?m kg:sector ?sector }
  OPTIONAL { ?m org:memberDuring/time:hasBeginning/time:inXSDDate ?start }
  OPTIONAL { ?m org:memberDuring/time:hasEnd/time:inXSDDate ?end }
}"""

_EVENT_QUERY = """
SELECT ?e ?code ?root ?quad ?gold ?mod ?conf ?sym ?trigger ?rule ?quantities ?date ?prec ?inferred ?place ?label
       ?nmentions ?narticles ?nsources ?primary
WHERE {
  ?e a kg:Event ; kg:cameoCode ?code ; kg:quadClass ?quad ; kg:goldstein ?gold ; kg:modality ?mod .
  OPTIONAL { ?e kg:cameoRoot ?root } OPTIONAL { ?e kg:confidence ?conf }
  OPTIONAL { ?e kg:trigger ?trigger } OPTIONAL { ?e kg:symmetric ?sym } OPTIONAL { ?e kg:rule ?rule }
  OPTIONAL { ?e kg:quantities ?quantities }
  OPTIONAL { ?e kg:date ?date } OPTIONAL { ?e kg:datePrecision ?prec } OPTIONAL { ?e kg:dateInferred ?inferred }
  OPTIONAL { ?e sem:hasPlace ?place } OPTIONAL { ?e rdfs:label ?label }
  OPTIONAL { ?e kg:numMentions ?nmentions } OPTIONAL { ?e kg:numArticles ?narticles } OPTIONAL { ?e kg:numSources ?nsources }
  OPTIONAL { ?e kg:primaryMention ?primary }
}"""

_MENTION_QUERY = """
SELECT ?e ?m ?doc ?begin ?end ?anchor ?sentence ?sindex ?eid WHERE {
  ?e a kg:Event ; prov:wasDerivedFrom ?m . ?m kg:inDocument ?doc ; nif:beginIndex ?begin ; nif:endIndex ?end .
  OPTIONAL { ?m nif:anchorOf ?anchor } OPTIONAL { ?m kg:sentence ?sentence } OPTIONAL { ?m kg:sentenceIndex ?sindex }
  OPTIONAL { ?m kg:eventId ?eid }
}"""

_PART_QUERY = """
SELECT ?e ?p ?a ?prole ?index ?code ?surface ?sector ?role WHERE {
  ?e kg:hasParticipation ?p . ?p kg:actor ?a ; kg:participantRole ?prole .
  OPTIONAL { ?p kg:participantIndex ?index }
  OPTIONAL { ?p kg:code ?code } OPTIONAL { ?p kg:surface ?surface } OPTIONAL { ?p kg:sector ?sector } OPTIONAL { ?p kg:role ?role }
}"""


def _local(iri, kind: str) -> str:
    return iri_unescape(str(iri).removeprefix(str(KGR) + kind + "/"))


def _ox_store(source) -> ox.Store:
    if isinstance(source, ox.Store):
        return source
    if isinstance(source, Graph):
        store = ox.Store()
        store.bulk_load(source.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
        return store
    from .sparql import open_store

    return open_store(source)


def _rows(store: ox.Store, q: str) -> Iterator[dict]:
    from .sparql import with_prefixes

    result = store.query(with_prefixes(q)[0], use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    for sol in result:
        yield {n: sol[n] for n in names}


def _v(term, default: str = "") -> str:
    return term.value if term is not None else default


def to_graph(source: str | Path | Graph | ox.Store) -> nx.MultiDiGraph:
    """Rebuild kg's event graph from one of its RDF exports (the inverse of :func:`to_rdf`): a file in any
    format kg writes, an rdflib ``Graph`` or a pyoxigraph ``Store``."""
    store = _ox_store(source)
    G = nx.MultiDiGraph()
    docs: dict[str, dict] = {}
    doc_ids_by_iri: dict[str, str] = {}  # the ids as written (dcterms:identifier), whatever the IRIs look like
    for r in _rows(store, _DOC_QUERY):
        doc_ids_by_iri[r["d"].value] = _v(r["id"])
        docs[_v(r["id"])] = {"title": _v(r["title"]), "url": _v(r["url"]), "lang": _v(r["lang"]), "date": _v(r["date"]),
                             "source": _v(r["source"]), "publisher": _v(r["publisher"])}  # fmt: skip
    G.graph["documents"] = {k: docs[k] for k in sorted(docs)}
    aliases: dict[str, set[str]] = defaultdict(set)
    for r in _rows(store, _ALIAS_QUERY):
        aliases[r["a"].value].add(r["alias"].value)
    specific: dict[str, dict] = {}
    for r in _rows(store, _ACTOR_QUERY):
        iri = r["a"].value
        kind = CLASS_KIND.get(URIRef(r["cls"].value), "")
        if iri in specific and not kind:
            continue  # kg:Actor as well as a subclass (an inferred graph): keep the subclass
        ident = _v(r["id"]) or _local(iri, "actor")
        name = _v(r["label"], ident)
        wd = _v(r["wd"])
        specific[iri] = dict(ident=ident, type="actor", kind=kind, name=name, code=_v(r["code"]), country=_v(r["country"]),
                             sector=_v(r["sector"]), wikidata=iri_unescape(wd.removeprefix(str(WD))) if wd else "",
                             aliases=sorted(aliases.get(iri, set()) | {name}))  # fmt: skip
    roles: dict[str, list[dict]] = defaultdict(list)
    for r in _rows(store, _MEMBERSHIP_QUERY):
        roles[r["person"].value].append({"post": _v(r["post"]), "country": _v(r["country"]), "code": _v(r["code"]),
                                         "sector": _v(r["sector"]), "start": _v(r["start"]), "end": _v(r["end"])})  # fmt: skip
    actor_ids_by_iri = {iri: attrs["ident"] for iri, attrs in specific.items()}
    for iri, attrs in sorted(specific.items(), key=lambda kv: kv[1]["ident"]):
        ident = attrs.pop("ident")
        if attrs["kind"] == "person":
            attrs["roles"] = sorted(roles.get(iri, []), key=lambda x: (x["start"], x["post"]))
        G.add_node(ident, **attrs)
    for r in _rows(store, _PLACE_QUERY):
        pid = _local(r["p"].value, "place")
        G.add_node("place:" + pid, type="place", name=_v(r["label"], pid), kind=_v(r["kind"]), country=_v(r["country"]),
                   lat=float(r["lat"].value) if r["lat"] is not None else None,
                   lon=float(r["lon"].value) if r["lon"] is not None else None, code="")  # fmt: skip
    parts: dict[str, dict[str, list]] = defaultdict(lambda: {"source": [], "target": []})
    for r in sorted(_rows(store, _PART_QUERY), key=lambda r: (int(_v(r["index"], "0")), r["p"].value)):
        side = "source" if r["prole"].value == str(KG.SourceRole) else "target"
        parts[r["e"].value][side].append(
            {"id": actor_ids_by_iri.get(r["a"].value) or _local(r["a"].value, "actor"), "code": _v(r["code"]), "text": _v(r["surface"]),
             "sector": _v(r["sector"]), "role": _v(r["role"])}  # fmt: skip
        )
    mentions: dict[str, list[dict]] = defaultdict(list)
    for r in _rows(store, _MENTION_QUERY):
        mentions[r["e"].value].append({
            "iri": r["m"].value, "doc_id": doc_ids_by_iri.get(r["doc"].value) or _local(r["doc"].value, "doc"), "char_start": int(r["begin"].value),
            "char_end": int(r["end"].value), "mention": _v(r["anchor"]), "sentence": _v(r["sentence"]),
            "sentence_index": int(r["sindex"].value) if r["sindex"] is not None else None, "event_id": _v(r["eid"]),
        })  # fmt: skip
    prec_name = {str(v[0]): k for k, v in PRECISION.items()}
    mod_name = {str(v): k for k, v in MODALITY.items()}
    events = []
    for r in _rows(store, _EVENT_QUERY):
        e = r["e"].value
        ms = sorted(mentions.get(e, []), key=lambda m: (m["doc_id"], m["char_start"], m["iri"]))
        if not ms:
            continue
        primary = next((m for m in ms if r["primary"] is not None and m["iri"] == r["primary"].value), ms[0])
        events.append((primary["doc_id"], primary["char_start"], e, r, ms, primary))
    merges: dict[str, dict] = {}
    for _doc, _start, e, r, ms, primary in sorted(events, key=lambda x: x[:3]):
        event_id = _local(e, "event")
        place_id = _local(r["place"].value, "place") if r["place"] is not None else ""
        code = r["code"].value
        label = _v(r["label"])
        date = _v(r["date"])
        base = {
            "event_id": event_id, "doc_id": primary["doc_id"], "date": date,
            "date_precision": prec_name.get(_v(r["prec"]), date_precision_of(date) if date else ""),
            "date_inferred": _v(r["inferred"]) == "true", "event_code": code,
            "event_root": _v(r["root"], code[:2]), "event_label": label.split(": ", 1)[1] if ": " in label else code,
            "quad_class": int(r["quad"].value), "goldstein": float(r["gold"].value),
            "place": G.nodes[f"place:{place_id}"]["name"] if place_id and f"place:{place_id}" in G else "",
            "place_id": place_id, "sentence": primary["sentence"],
            "sentence_index": primary["sentence_index"] if primary["sentence_index"] is not None else 0,
            "char_start": primary["char_start"], "char_end": primary["char_end"], "mention": primary["mention"],
            "trigger": _v(r["trigger"]), "modality": mod_name.get(r["mod"].value, "asserted"),
            "confidence": float(r["conf"].value) if r["conf"] is not None else 0.5,
            "symmetric": _v(r["sym"]) == "true", "rule": _v(r["rule"]), "quantities": _v(r["quantities"]),
        }  # fmt: skip
        if any(m["event_id"] for m in ms):  # an export of a merged graph: restore the merge attributes
            doc_ids = sorted({m["doc_id"] for m in ms})
            base.update(mentions=int(_v(r["nmentions"], str(len(ms)))), articles=int(_v(r["narticles"], str(len(doc_ids)))),
                        sources=int(_v(r["nsources"], "1")), doc_ids=doc_ids,
                        publishers=sorted({source_of(docs.get(x, {}), x) for x in doc_ids}),
                        merged_from=sorted({m["event_id"] or event_id for m in ms}))  # fmt: skip
            merges[event_id] = {"anchor": event_id, "mentions": [
                {"event_id": m["event_id"] or event_id, "doc_id": m["doc_id"], "char_start": m["char_start"],
                 "char_end": m["char_end"], "sentence": m["sentence"], "mention": m["mention"],
                 "sentence_index": m["sentence_index"], "publisher": source_of(docs.get(m["doc_id"], {}), m["doc_id"]),
                 "url": docs.get(m["doc_id"], {}).get("url", ""), "title": docs.get(m["doc_id"], {}).get("title", "")}
                for m in ms]}  # fmt: skip
        p = parts[e]
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
    if merges:
        G.graph["merges"] = merges
    return G


def _union(g: Graph) -> Graph:
    if isinstance(g, Dataset) or type(g).__name__ == "ConjunctiveGraph":
        out = new_graph()
        for s, p, o, _c in g.quads((None, None, None, None)):
            out.add((s, p, o))
        return out
    return g


@cache
def _shapes_and_ontology() -> tuple[Graph, Graph, dict]:
    from .resources import ontology_dir

    shapes = Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    ont = Graph().parse(ontology_dir() / "kg.ttl", format="turtle")
    supers: dict = defaultdict(set)
    for sub, sup in ont.subject_objects(RDFS.subClassOf):
        if isinstance(sup, URIRef):
            supers[sub].add(sup)
    changed = True
    while changed:  # transitive closure (a few dozen classes)
        changed = False
        for cls, sups in supers.items():
            more = set().union(*(supers.get(x, set()) for x in sups)) - sups
            if more:
                sups |= more
                changed = True
    return shapes, ont, dict(supers)


def validate(g: Graph | str | Path) -> tuple[bool, str]:
    """SHACL-validate an export (an rdflib graph or dataset, or a file) against ``ontology/shapes.ttl``.

    The class hierarchy of ``ontology/kg.ttl`` is applied first (a kg:State is also a kg:Actor, a
    sem:Actor ...), and kg.ttl is mixed in as the ontology graph (kg's org:Role individuals). This is
    RDFS subclass reasoning only, not domain/range inference, so a link to a node that was never described
    (an actor with no type) is reported by ``sh:class`` as it is. The same check from the command line:
    ``pyshacl -s ontology/shapes.ttl -e ontology/kg.ttl -i rdfs graph.ttl``.
    """
    import pyshacl

    if isinstance(g, (str, Path)):
        g = load(g)
    shapes, ont, supers = _shapes_and_ontology()
    data = Graph()
    for t in _union(g).triples((None, None, None)):
        data.add(t)
    for s, cls in list(data.subject_objects(RDF.type)):
        for sup in supers.get(cls, ()):
            data.add((s, RDF.type, sup))
    with _sparql_parse_cache():
        conforms, _graph, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ont, inference="none")
    return bool(conforms), str(text)


class _QueryText(str):
    """A SPARQL text whose parsing is deferred to the (cached) translation."""


@contextmanager
def _sparql_parse_cache():
    """pySHACL runs each SPARQL constraint once per focus node, and rdflib parses the same text every time
    (~0.1 s with pyparsing): parse and translate each text once while validating."""
    from rdflib.plugins.sparql import processor

    parse, translate = processor.parseQuery, processor.translateQuery
    cache_: dict = {}

    def cached_translate(parsed, base=None, initNs=None):
        if not isinstance(parsed, _QueryText):
            return translate(parsed, base, initNs)
        key = (str(parsed), base, tuple(sorted((k, str(v)) for k, v in (initNs or {}).items())))
        if key not in cache_:
            cache_[key] = translate(parse(str(parsed)), base, initNs)
        return cache_[key]

    processor.parseQuery, processor.translateQuery = _QueryText, cached_translate
    try:
        yield
    finally:
        processor.parseQuery, processor.translateQuery = parse, translate
