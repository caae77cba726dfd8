"""Activity, centrality, blocs, dyads, neighbours and an overview of the event graph."""

from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx

from kg.analytics.example import example_graph  # noqa: F401 - the doctests use it
from kg.analytics.filters import _events, _name, _node, _prepare, weighted_digraph, weighted_graph


def activity(G: nx.MultiDiGraph, **filters) -> dict[str, dict]:
    """Per actor: ``events`` taken part in (the weighted degree), ``as_source``, ``as_target``,
    ``partners`` (distinct actors met: the plain degree) and ``goldstein`` (sum over its events), most
    active first.

    >>> act = activity(example_graph(), quad_class="cooperation")
    >>> next(iter(act)), act["rus"]["events"], act["rus"]["partners"]
    ('irn', 3, 1)
    """
    H = _prepare(G, filters)
    events: dict[str, set] = defaultdict(set)
    src: dict[str, set] = defaultdict(set)
    tgt: dict[str, set] = defaultdict(set)
    partners: dict[str, set] = defaultdict(set)
    gold: dict[str, dict[str, float]] = defaultdict(dict)
    for u, v, d in _events(H):
        e = d["event_id"]
        src[u].add(e)
        tgt[v].add(e)
        for n, other in ((u, v), (v, u)):
            events[n].add(e)
            gold[n][e] = float(d.get("goldstein", 0.0))
            if other != n:
                partners[n].add(other)
    out = {
        n: {"name": _name(H, n), "events": len(events[n]), "as_source": len(src[n]), "as_target": len(tgt[n]),
            "partners": len(partners[n]), "goldstein": round(sum(gold[n].values()), 6)}
        for n in events
    }  # fmt: skip
    return dict(sorted(out.items(), key=lambda kv: (-kv[1]["events"], -kv[1]["partners"], str(kv[0]))))


def pagerank(G: nx.MultiDiGraph, *, alpha: float = 0.85, **filters) -> dict[str, float]:
    """PageRank on the directed projection weighted by events (:func:`weighted_digraph`): actors that
    many events are aimed at, by actors that are themselves targeted, rank high. Highest first.

    >>> pr = pagerank(example_graph(), event_class="040")      # the Putin-Raisi call only: symmetric
    >>> pr
    {'ebrahim_raisi': 0.5, 'vladimir_putin': 0.5}
    """
    D = weighted_digraph(_prepare(G, filters))
    if D.number_of_nodes() == 0:
        return {}
    pr = nx.pagerank(D, alpha=alpha, weight="weight")
    return {n: round(s, 6) for n, s in sorted(pr.items(), key=lambda kv: (-kv[1], str(kv[0])))}


def betweenness(G: nx.MultiDiGraph, *, k: int | None = None, sample_above: int = 500, seed: int = 0, **filters) -> dict[str, float]:
    """Normalised betweenness on the undirected projection (unweighted hops): the brokers that sit on
    the short paths between others. Graphs with more than ``sample_above`` actors are estimated from
    ``k`` (default 200) sampled sources with a fixed ``seed``. Highest first.

    >>> betweenness(example_graph())["irn"]
    0.206349
    """
    U = weighted_graph(_prepare(G, filters))
    if U.number_of_nodes() == 0:
        return {}
    if k is None and U.number_of_nodes() > sample_above:
        k = 200
    if k is not None and k >= U.number_of_nodes():
        k = None
    bc = nx.betweenness_centrality(U, k=k, normalized=True, weight=None, seed=seed)
    return {n: round(s, 6) for n, s in sorted(bc.items(), key=lambda kv: (-kv[1], str(kv[0])))}


def centrality(G: nx.MultiDiGraph, *, k: int | None = None, seed: int = 0, **filters) -> dict[str, dict]:
    """One table: :func:`activity` columns plus ``pagerank`` and ``betweenness``, most active first."""
    H = _prepare(G, filters)
    act = activity(H)
    pr = pagerank(H)
    bc = betweenness(H, k=k, seed=seed)
    return {n: {**row, "pagerank": pr.get(n, 0.0), "betweenness": bc.get(n, 0.0)} for n, row in act.items()}


def communities(G: nx.MultiDiGraph, *, on: str = "cooperation", resolution: float = 1.0, seed: int = 0, **filters) -> list[list[str]]:
    """Blocs: Louvain communities (fixed ``seed``) of the undirected projection weighted by the events
    ``on`` "cooperation" (default: a bloc is a group that cooperates), "conflict" or "all". Actors with no
    such event are left out. Largest bloc first, members sorted.

    >>> communities(example_graph())
    [['hamas', 'isr', 'qat', 'usa'], ['ebrahim_raisi', 'vladimir_putin'], ['irn', 'rus']]
    """
    if on not in ("cooperation", "conflict", "all"):
        raise ValueError("on must be 'cooperation', 'conflict' or 'all'")
    U = weighted_graph(_prepare(G, filters))
    w = "weight" if on == "all" else on
    S = nx.Graph()
    S.add_weighted_edges_from((a, b, d[w]) for a, b, d in U.edges(data=True) if d[w] > 0)
    if S.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(S, weight="weight", resolution=resolution, seed=seed)
    blocs = [sorted(c, key=str) for c in found]
    return sorted(blocs, key=lambda c: (-len(c), str(c[0])))


def brokers(G: nx.MultiDiGraph, *, blocs: list[list[str]] | None = None, **filters) -> list[dict]:
    """Bloc members with events (of any kind) reaching other blocs: ``bloc`` (index in ``blocs``),
    ``blocs`` reached (their own included), ``bridging`` events with members of other blocs, and
    ``betweenness``. ``blocs`` default to :func:`communities`; actors in no bloc are not counted.
    Most blocs first, then most bridging events.

    >>> [(b["actor"], b["blocs"], b["bridging"]) for b in brokers(example_graph())]
    [('irn', 2, 4), ('isr', 2, 2), ('hamas', 2, 1), ('usa', 2, 1)]
    """
    H = _prepare(G, filters)
    blocs = communities(H) if blocs is None else blocs
    bloc_of = {n: i for i, c in enumerate(blocs) for n in c}
    U = weighted_graph(H)
    bc = betweenness(H)
    out = []
    for n in U:
        if n not in bloc_of:
            continue
        own = bloc_of[n]
        reached, bridging = {own}, 0
        for m, d in U[n].items():
            if m in bloc_of and bloc_of[m] != own:
                reached.add(bloc_of[m])
                bridging += d["weight"]
        if len(reached) > 1:
            out.append({"actor": n, "name": _name(H, n), "bloc": own, "blocs": len(reached), "bridging": bridging,
                        "betweenness": bc.get(n, 0.0)})  # fmt: skip
    return sorted(out, key=lambda r: (-r["blocs"], -r["bridging"], -r["betweenness"], str(r["actor"])))


def dyads(G: nx.MultiDiGraph, *, kind: str | None = None, top: int | None = 10, **filters) -> list[dict]:
    """The strongest pairs of actors (either direction): ``events``, ``cooperation`` and ``conflict``
    (events of quad class 1-2 and 3-4), ``goldstein`` (sum), ``quad`` (counts per quad class) and the
    first and last date. ``kind`` "cooperation" ranks by cooperation events then Goldstein sum (highest),
    "conflict" by conflict events then Goldstein sum (lowest); None ranks by all events. Pairs with no
    event of ``kind`` are left out. ``top`` None keeps all.

    >>> top = dyads(example_graph(), kind="cooperation", top=1)[0]
    >>> top["pair"], top["cooperation"], top["goldstein"], top["quad"]
    (('irn', 'rus'), 3, 21.8, {1: 1, 2: 2, 3: 0, 4: 0})
    """
    if kind not in (None, "cooperation", "conflict"):
        raise ValueError("kind must be None, 'cooperation' or 'conflict'")
    H = _prepare(G, filters)
    pairs: dict[tuple[str, str], dict[str, dict]] = defaultdict(dict)
    for u, v, d in _events(H):
        if u == v:
            continue
        pairs[tuple(sorted((u, v), key=str))][d["event_id"]] = d
    out = []
    for (a, b), evs in pairs.items():
        quad = Counter(int(d.get("quad_class", 0)) for d in evs.values())
        dates = sorted(str(d.get("date")) for d in evs.values() if d.get("date"))
        row = {
            "pair": (a, b), "names": (_name(H, a), _name(H, b)), "events": len(evs),
            "cooperation": quad[1] + quad[2], "conflict": quad[3] + quad[4],
            "goldstein": round(sum(float(d.get("goldstein", 0.0)) for d in evs.values()), 6),
            "quad": {q: quad[q] for q in (1, 2, 3, 4)}, "first": dates[0] if dates else "", "last": dates[-1] if dates else "",
        }  # fmt: skip
        if kind is None or row[kind] > 0:
            out.append(row)
    if kind == "cooperation":
        out.sort(key=lambda r: (-r["cooperation"], -r["goldstein"], r["pair"]))
    elif kind == "conflict":
        out.sort(key=lambda r: (-r["conflict"], r["goldstein"], r["pair"]))
    else:
        out.sort(key=lambda r: (-r["events"], r["pair"]))
    return out if top is None else out[:top]


def neighbors(G: nx.MultiDiGraph, actor: str, *, hops: int = 1, **filters) -> list[dict]:
    """Actors within ``hops`` of ``actor`` (an id, code, name or alias): its partners and adversaries.

    Each row: ``actor``, ``name``, ``hops`` (distance), ``events`` with ``actor`` directly, ``cooperation``,
    ``conflict``, ``goldstein`` (their sum), ``out``/``in`` (events sent and received by ``actor``) and
    ``via`` (for farther actors: the nearer ones that link them). Nearest first, then most events.

    >>> [(r["actor"], r["events"], r["cooperation"], r["conflict"]) for r in neighbors(example_graph(), "Iran")]
    [('rus', 3, 3, 0), ('isr', 2, 0, 2), ('hamas', 1, 1, 0), ('usa', 1, 0, 1)]
    """
    H = _prepare(G, filters)
    node = _node(G, actor)
    if node not in H:
        return []
    U = weighted_graph(H)
    if node not in U:
        return []
    dist = nx.single_source_shortest_path_length(U, node, cutoff=hops)
    sent: Counter[str] = Counter()
    received: Counter[str] = Counter()
    for u, v, d in _events(H):
        if u == node and v != node:
            sent[v] += 1
        if v == node and u != node:
            received[u] += 1
    out = []
    for n, h in dist.items():
        if n == node:
            continue
        link = U[node][n] if U.has_edge(node, n) else {"weight": 0, "cooperation": 0, "conflict": 0, "goldstein": 0.0}
        via = sorted((m for m in U[n] if dist.get(m, hops + 1) == h - 1 and m != node), key=str) if h > 1 else []
        out.append({"actor": n, "name": _name(H, n), "hops": h, "events": link["weight"], "cooperation": link["cooperation"],
                    "conflict": link["conflict"], "goldstein": link["goldstein"], "out": sent[n], "in": received[n], "via": via})  # fmt: skip
    return sorted(out, key=lambda r: (r["hops"], -r["events"], str(r["actor"])))


def overview(G: nx.MultiDiGraph, *, top: int = 5, **filters) -> dict:
    """Counts for a first look: documents (and per language), actors with events, events per quad class,
    per CAMEO root and per month (``"undated"`` for none), the most active actors and the top dyads.

    >>> o = overview(example_graph(), top=2)
    >>> o["events"], o["by_quad"], o["by_month"]
    (13, {1: 6, 2: 3, 3: 0, 4: 4}, {'2024-01': 1, '2024-02': 3, '2024-03': 5, '2024-04': 3, '2024-05': 1})
    """
    H = _prepare(G, filters)
    docs = G.graph.get("documents", {})
    events: dict[str, dict] = {}
    for _u, _v, d in _events(H):
        events.setdefault(d["event_id"], d)
    by_quad = Counter(int(d.get("quad_class", 0)) for d in events.values())
    by_root = Counter(str(d.get("event_root", "")) for d in events.values())
    by_month = Counter((str(d.get("date") or "")[:7] or "undated") for d in events.values())
    by_lang = Counter(m.get("lang", "") for m in docs.values())
    act = activity(H)
    return {
        "documents": len(docs),
        "languages": dict(sorted(by_lang.items())),
        "actors": len(act),
        "events": len(events),
        "by_quad": {q: by_quad[q] for q in (1, 2, 3, 4)},
        "by_root": dict(sorted(by_root.items())),
        "by_month": dict(sorted(by_month.items(), key=lambda kv: (kv[0] == "undated", kv[0]))),
        "top_actors": [{"actor": n, **row} for n, row in list(act.items())[:top]],
        "top_cooperation": dyads(H, kind="cooperation", top=top),
        "top_conflict": dyads(H, kind="conflict", top=top),
    }
