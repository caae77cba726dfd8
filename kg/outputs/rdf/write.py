"""The event graph as RDF: a stream of quads in kg's ontology, serialised by Oxigraph (or rdflib)."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.graph.build import event_edges_of
from kg.model import stable_id
from kg.outputs.rdf.vocab import (
    _BAD_QIDS_SEEN,
    _FALSE,
    _OX_KIND,
    _OX_MODALITY,
    _OX_PRECISION,
    _OX_ROLES,
    _TRUE,
    CAMEO,
    FORMAT_BY_SUFFIX,
    INSTANCE_PREFIXES,
    ORG,
    OX_FORMATS,
    PREFIXES,
    QUAD_FORMATS,
    TIME,
    WD,
    Quad4,
    _dct,
    _file_name,
    _kg,
    _nif,
    _org,
    _owl,
    _prov,
    _r,
    _rdf,
    _rdfs,
    _schema,
    _sem,
    _skos,
    _time,
    _wgs,
    _xsd,
    cameo_concept,
    date_precision_of,
    new_graph,
    source_of,
)
from kg.util import atomic_path, iri_escape


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
    yield from _home_and_codes(s, node, attrs)
    qid = wikidata_qid(attrs.get("wikidata"), node)
    if qid:
        yield s, _owl.sameAs, ox.NamedNode(f"{WD}{qid}"), None
    for alias in sorted(set(attrs.get("aliases") or []) - {name}):
        yield s, _skos.altLabel, _s(alias), None


def _home_and_codes(s, node: str, attrs: dict) -> Iterator[Quad4]:
    """kg:homeCountry (the home state, as the state's actor IRI) and the codes other datasets use
    (kg:cameoCode, kg:ploverCountry, kg:ploverType; issue #13), from :mod:`kg.lexicon.codes`."""
    from kg.lexicon.codes import node_codes

    found = node_codes(node, attrs)
    if found.get("country"):
        yield s, _kg.homeCountry, _r("actor", found["country"].lower()), None
    for key, prop in (("cameo", _kg.cameoCode), ("plover_country", _kg.ploverCountry), ("plover_type", _kg.ploverType)):
        if found.get(key):
            yield s, prop, _s(found[key]), None


def roles_of(node: str, attrs: dict) -> list[dict]:
    """A person's time-bounded posts: the node's ``roles`` attribute (as :func:`to_graph` restores it), else
    the bundled lexicon's. Each: post, country, code, sector, start, end (ISO dates or "")."""
    if isinstance(attrs.get("roles"), list):
        return attrs["roles"]
    try:
        from kg.lexicon.lexicon import load_lexicon

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
    """Run a SPARQL query with kg's prefixes predeclared (rdflib; see :mod:`kg.query.sparql` for the fast path)."""
    return g.query(sparql, initNs={k: v for k, v in PREFIXES.items()})


_ = (ORG, TIME)
