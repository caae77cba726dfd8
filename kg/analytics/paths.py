"""Paths between actors and ego networks."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from kg.analytics.example import example_graph  # noqa: F401 - the doctests use it
from kg.analytics.filters import _is_event, _name, _node, _prepare, filter_events, weighted_graph


def _hop_events(H: nx.MultiDiGraph, a: str, b: str) -> list[dict]:
    out = {}
    for u, v in ((a, b), (b, a)):
        for d in (H.get_edge_data(u, v) or {}).values():
            if _is_event(d):
                out.setdefault(d["event_id"], {"event_id": d["event_id"], "date": d.get("date", ""), "source": u, "target": v,
                                               "event_code": d.get("event_code", ""), "event_label": d.get("event_label", ""),
                                               "quad_class": d.get("quad_class"), "goldstein": d.get("goldstein"),
                                               "sentence": d.get("sentence", "")})  # fmt: skip
    return sorted(out.values(), key=lambda e: (str(e["date"]), e["event_id"]))


def _path_rows(H: nx.MultiDiGraph, paths: Iterable[list[str]]) -> list[dict]:
    rows = []
    for p in paths:
        hops = [{"from": x, "to": y, "events": _hop_events(H, x, y)} for x, y in zip(p, p[1:])]
        rows.append({"nodes": list(p), "names": [_name(H, n) for n in p], "hops": hops})
    return rows


def _endpoints(G, a, b, filters):
    H = _prepare(G, filters)
    na, nb = _node(G, a), _node(G, b)
    U = weighted_graph(H)
    return H, U, na, nb


def shortest_paths(G: nx.MultiDiGraph, a: str, b: str, **filters) -> list[dict]:
    """Every shortest chain of events linking ``a`` and ``b`` (either direction), each as ``nodes`` and
    ``hops`` with the events of each hop. Empty if they are not linked.

    >>> [p["nodes"] for p in shortest_paths(example_graph(), "Russia", "Hamas")]
    [['rus', 'irn', 'hamas']]
    >>> [e["event_id"] for e in shortest_paths(example_graph(), "Russia", "Hamas")[0]["hops"][0]["events"]]
    ['e2', 'e3', 'e4']
    """
    H, U, na, nb = _endpoints(G, a, b, filters)
    if na not in U or nb not in U or not nx.has_path(U, na, nb):
        return []
    return _path_rows(H, sorted(nx.all_shortest_paths(U, na, nb), key=lambda p: [str(n) for n in p]))


def simple_paths(G: nx.MultiDiGraph, a: str, b: str, *, k: int = 3, limit: int = 100, **filters) -> list[dict]:
    """All chains of at most ``k`` hops linking ``a`` and ``b`` with no actor twice (shortest first, at
    most ``limit``), each with the events of each hop.

    >>> [p["nodes"] for p in simple_paths(example_graph(), "Hamas", "Qatar", k=3)]
    [['hamas', 'qat'], ['hamas', 'irn', 'usa', 'qat'], ['hamas', 'isr', 'usa', 'qat']]
    """
    H, U, na, nb = _endpoints(G, a, b, filters)
    if na not in U or nb not in U:
        return []
    found = sorted(nx.all_simple_paths(U, na, nb, cutoff=k), key=lambda p: (len(p), [str(n) for n in p]))
    return _path_rows(H, found[:limit])


def ego_network(G: nx.MultiDiGraph, actor: str, *, hops: int = 1, keep_places: bool = False, **filters) -> nx.MultiDiGraph:
    """The actors within ``hops`` of ``actor`` and all the (filtered) events among them.

    >>> E = ego_network(example_graph(), "Qatar", since="2024-03", until="2024-03")
    >>> sorted(E), E.number_of_edges()
    (['hamas', 'qat', 'usa'], 3)
    """
    H = filter_events(G, keep_places=keep_places, **filters)
    node = _node(G, actor)
    U = weighted_graph(H)
    if node not in U:
        return nx.MultiDiGraph(H.subgraph([node] if node in H else []))
    keep = set(nx.single_source_shortest_path_length(U, node, cutoff=hops))
    if keep_places:
        keep |= {v for u, v, d in H.edges(data=True) if d.get("kind") == "place_of" and u in keep}
    E = nx.MultiDiGraph(H.subgraph(keep))
    if keep_places:
        kept = {d["event_id"] for _u, _v, d in E.edges(data=True) if _is_event(d)}
        E.remove_edges_from([(u, v, k) for u, v, k, d in E.edges(keys=True, data=True) if d.get("kind") == "place_of" and d["event_id"] not in kept])
        E.remove_nodes_from([n for n in list(E) if E.nodes[n].get("type") == "place" and E.degree(n) == 0])
    return E
