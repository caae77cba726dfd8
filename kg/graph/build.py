"""The event graph: a networkx ``MultiDiGraph`` with actors and places as nodes and events as edges.

The graph is kg's interchange form: the event table, the RDF export and the HTML view are all written
from it, and an RDF export can be loaded back into it (:func:`kg.query.from_rdf.to_graph`).

Node attributes: ``type`` ("actor" or "place"), ``name``, ``kind``, ``code``, ``country``, ``sector``,
``wikidata``, ``aliases`` (actors); ``lat``, ``lon``, ``country`` (places).
Edge attributes (one edge per source-target pair of an event, keyed ``<event_id>#<n>``): see
:data:`EDGE_FIELDS`. ``G.graph["documents"]`` maps document ids to their metadata.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import networkx as nx

from kg.model import ActorKind, Event, Extraction

EDGE_FIELDS = (
    "event_id", "doc_id", "date", "date_precision", "date_inferred", "event_code", "event_root", "event_label",
    "quad_class", "goldstein", "source_code", "source_name", "source_text", "source_sector", "source_role",
    "target_code", "target_name", "target_text", "target_sector", "target_role", "place", "place_id",
    "sentence", "sentence_index", "char_start", "char_end", "mention", "trigger", "modality", "confidence",
    "symmetric", "rule", "quantities",
)  # fmt: skip


def event_edges(event: Event) -> list[tuple[str, str, str, dict]]:
    """The ``(u, v, key, attrs)`` edges of one event (one per source-target pair)."""
    out = []
    for n, (src, tgt) in enumerate(event.dyads()):
        d = event.date
        out.append(
            (
                src.actor_id,
                tgt.actor_id,
                f"{event.id}#{n}",
                {
                    "event_id": event.id,
                    "doc_id": event.doc_id,
                    "date": d.value if d else "",
                    "date_precision": d.precision.value if d else "",
                    "date_inferred": bool(d.inferred) if d else False,
                    "event_code": event.code,
                    "event_root": event.root,
                    "event_label": event.label,
                    "quad_class": event.quad_class,
                    "goldstein": event.goldstein,
                    "source_code": src.code or "",
                    "source_name": src.name,
                    "source_text": src.text,
                    "source_sector": src.sector or "",
                    "source_role": src.role or "",
                    "target_code": tgt.code or "",
                    "target_name": tgt.name,
                    "target_text": tgt.text,
                    "target_sector": tgt.sector or "",
                    "target_role": tgt.role or "",
                    "place": event.place.name if event.place else "",
                    "place_id": event.place.id if event.place else "",
                    "sentence": event.mention.sentence,
                    "sentence_index": event.mention.sentence_index,
                    "char_start": event.mention.start,
                    "char_end": event.mention.end,
                    "mention": event.mention.text,
                    "trigger": event.trigger,
                    "modality": event.modality.value,
                    "confidence": event.confidence,
                    "symmetric": event.symmetric,
                    "rule": event.rule,
                    "quantities": "; ".join(f"{n} {what}" for what, n in event.quantities),
                },
            )
        )
    return out


def build_graph(extractions: Iterable[Extraction]) -> nx.MultiDiGraph:
    """Merge extractions into one graph. Actors merge by canonical id; events keep their own edges."""
    G = nx.MultiDiGraph()
    G.graph["documents"] = {}
    for ex in extractions:
        add_extraction(G, ex)
    return G


def add_extraction(G: nx.MultiDiGraph, ex: Extraction) -> None:
    doc = ex.document
    G.graph.setdefault("documents", {})[doc.id] = {
        "title": doc.title or "",
        "url": doc.url or "",
        "lang": doc.lang,
        "date": doc.date.isoformat() if doc.date else "",
        "source": doc.source,
        "publisher": doc.publisher or "",
    }
    for actor in ex.actors.values():
        if actor.id in G and G.nodes[actor.id].get("type") == "actor":
            continue
        G.add_node(
            actor.id,
            type="actor",
            name=actor.name,
            kind=actor.kind.value,
            code=actor.code_at(doc.date) or "",
            country=actor.country or "",
            sector=actor.sector or "",
            wikidata=actor.wikidata or "",
            aliases=list(actor.aliases),
        )
    for place in ex.places.values():
        node = f"place:{place.id}"
        if node not in G:
            G.add_node(node, type="place", name=place.name, kind=place.kind, country=place.country or "",
                       lat=place.lat, lon=place.lon, code="")  # fmt: skip
    for event in ex.events:
        for u, v, key, attrs in event_edges(event):
            G.add_edge(u, v, key=key, **attrs)
        if event.place is not None:
            src = event.sources[0].actor_id
            G.add_edge(src, f"place:{event.place.id}", key=f"{event.id}@place", kind="place_of", event_id=event.id)


def event_edges_of(G: nx.MultiDiGraph) -> Iterable[tuple[str, str, str, dict]]:
    """Edges that are events (not place links), in a stable order."""
    rows = [(u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if "event_code" in d]
    rows.sort(key=lambda r: (r[3]["doc_id"], r[3]["char_start"], r[2]))
    return rows


def actor_activity(G: nx.MultiDiGraph, *, weight: str | None = None) -> dict[str, int]:
    """Number of events each actor takes part in, as source or target.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("rus", "irn", key="e1#0", event_code="040")
    'e1#0'
    >>> G.add_edge("irn", "isr", key="e2#0", event_code="190")
    'e2#0'
    >>> actor_activity(G)
    {'irn': 2, 'rus': 1, 'isr': 1}
    """
    counts: Counter[str] = Counter()
    for u, v, _k, d in G.edges(keys=True, data=True):
        if "event_code" not in d:
            continue
        counts[u] += 1
        counts[v] += 1
    return dict(counts.most_common())


def summary(G: nx.MultiDiGraph) -> dict:
    events = {d["event_id"] for _u, _v, _k, d in event_edges_of(G)}
    return {
        "documents": len(G.graph.get("documents", {})),
        "actors": sum(1 for _n, d in G.nodes(data=True) if d.get("type") == "actor"),
        "places": sum(1 for _n, d in G.nodes(data=True) if d.get("type") == "place"),
        "events": len(events),
        "edges": sum(1 for _ in event_edges_of(G)),
    }


_ = ActorKind  # re-exported type used in node attributes
