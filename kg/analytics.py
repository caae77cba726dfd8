"""Analytics over the event graph: plain functions of a :func:`kg.graph.build_graph` graph, networkx style.

Every function takes the event graph ``G`` (actors and places as nodes, one edge per source-target pair of
an event) and the same keyword **filters** (see :func:`filter_events`):

``since`` / ``until``
    a period (``date`` or ISO text: ``"2024"``, ``"2024-03"``, ``"2024-03-14"``; ``until="2024-03"`` takes in
    all of March). An event is in the period when its date's interval (a day, a month or a year, by the
    date's precision) overlaps it; undated events are left out once a period is given.
``event_class``
    CAMEO code prefixes: ``"19"`` (a root), ``"046"`` (a code), or several.
``quad_class``
    1-4, several, or a name: ``"cooperation"`` (1, 2), ``"conflict"`` (3, 4), ``"verbal"`` (1, 3),
    ``"material"`` (2, 4), ``"verbal_cooperation"`` ...
``modality``
    ``"asserted"``, ``"negated"``, ``"future"``, ``"hypothetical"``, or several.
``min_confidence``
    the lowest extraction confidence kept.
``lang``
    the language(s) of the source document (``"en"``, ``"id"``).

Edges that are not events (``kind="place_of"``) are never counted. One event that links several sources
or targets counts once per actor and once per pair of actors. Actors are graph nodes; to work with
countries and organisations as wholes (an ISO code gathers a state with its leaders, ministries and
forces), first :func:`collapse` the graph by code.

>>> G = example_graph()
>>> activity(G)["irn"]
{'name': 'Iran', 'events': 7, 'as_source': 3, 'as_target': 4, 'partners': 4, 'goldstein': 0.8}
>>> [d["pair"] for d in dyads(G, kind="conflict")]
[('irn', 'isr'), ('hamas', 'isr'), ('irn', 'usa')]
"""

from __future__ import annotations

import calendar
import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta

import networkx as nx

__all__ = [
    "QUAD_CLASSES", "ActorNotFound", "filter_events", "collapse", "resolve_actor", "activity", "pagerank",
    "betweenness", "centrality", "communities", "brokers", "dyads", "neighbors", "timeline", "trend",
    "shortest_paths", "simple_paths", "ego_network", "overview", "date_interval", "example_graph",
]  # fmt: skip

QUAD_CLASSES = {
    "cooperation": (1, 2), "conflict": (3, 4), "verbal": (1, 3), "material": (2, 4),
    "verbal_cooperation": (1,), "material_cooperation": (2,), "verbal_conflict": (3,), "material_conflict": (4,),
}  # fmt: skip
FILTERS = ("since", "until", "event_class", "quad_class", "modality", "min_confidence", "lang")
KIND_RANK = {"state": 0, "igo": 1, "armed_group": 2, "organisation": 3, "group": 4, "person": 5}
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


class ActorNotFound(LookupError):
    """An actor argument that names no actor of the graph (or several); the message says which."""


# -- dates ---------------------------------------------------------------------------------------------


def date_interval(value: str | date | None) -> tuple[date, date] | None:
    """The days an ISO date of any precision covers, or None for no date.

    >>> date_interval("2024-02")
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    >>> date_interval("2024-03-14")[0] == date_interval("2024-03-14")[1]
    True
    >>> date_interval("") is None
    True
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value, value
    text = str(value).strip()[:10]
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if not m:
        raise ValueError(f"{value!r} is not an ISO date such as 2024, 2024-03 or 2024-03-14")
    y = int(m.group(1))
    if m.group(3):
        d = date(y, int(m.group(2)), int(m.group(3)))
        return d, d
    if m.group(2):
        mo = int(m.group(2))
        return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
    return date(y, 1, 1), date(y, 12, 31)


def _as_set(value, cast=str) -> set | None:
    if value is None:
        return None
    if isinstance(value, (str, int)):
        value = [value]
    return {cast(v) for v in value}


def _quads(value) -> set[int] | None:
    if value is None:
        return None
    out: set[int] = set()
    for v in [value] if isinstance(value, (str, int)) else value:
        if isinstance(v, str) and not v.isdigit():
            key = v.strip().lower().replace(" ", "_").replace("-", "_")
            if key not in QUAD_CLASSES:
                raise ValueError(f"unknown quad class {v!r} (1-4 or {', '.join(QUAD_CLASSES)})")
            out.update(QUAD_CLASSES[key])
        else:
            q = int(v)
            if q not in (1, 2, 3, 4):
                raise ValueError(f"quad class must be 1-4, not {q}")
            out.add(q)
    return out


# -- filtering and projection ------------------------------------------------------------------------


def _is_event(d: dict) -> bool:
    return "event_code" in d


def _passes(d: dict, docs: dict, f: dict) -> bool:
    if f["since"] or f["until"]:
        span = date_interval(d.get("date") or "")
        if span is None:
            return False
        if f["since"] and span[1] < f["since"]:
            return False
        if f["until"] and span[0] > f["until"]:
            return False
    if f["event_class"] and not any(str(d.get("event_code", "")).startswith(p) for p in f["event_class"]):
        return False
    if f["quad_class"] and int(d.get("quad_class", 0)) not in f["quad_class"]:
        return False
    if f["modality"] and d.get("modality") not in f["modality"]:
        return False
    if f["min_confidence"] is not None and float(d.get("confidence", 0.0)) < f["min_confidence"]:
        return False
    if f["lang"] and docs.get(d.get("doc_id"), {}).get("lang") not in f["lang"]:
        return False
    return True


def _normalise_filters(since=None, until=None, event_class=None, quad_class=None, modality=None, min_confidence=None, lang=None) -> dict:
    return {
        "since": date_interval(since)[0] if since not in (None, "") else None,
        "until": date_interval(until)[1] if until not in (None, "") else None,
        "event_class": _as_set(event_class),
        "quad_class": _quads(quad_class),
        "modality": {m.lower() for m in _as_set(modality)} if modality is not None else None,
        "min_confidence": float(min_confidence) if min_confidence is not None else None,
        "lang": _as_set(lang),
    }


def filter_events(
    G: nx.MultiDiGraph,
    *,
    since=None,
    until=None,
    event_class=None,
    quad_class=None,
    modality=None,
    min_confidence=None,
    lang=None,
    keep_places: bool = False,
) -> nx.MultiDiGraph:
    """A new graph with only the events that pass the filters, and the actors that take part in them.

    Place nodes and ``place_of`` edges are dropped unless ``keep_places`` (then the places of the kept
    events stay). Graph attributes (``documents``, ``collapsed``) are copied.

    >>> G = example_graph()
    >>> H = filter_events(G, since="2024-04", quad_class="conflict")
    >>> sorted({d["event_id"] for _u, _v, d in H.edges(data=True)})
    ['e5', 'e6', 'e7']
    >>> sorted(H)
    ['irn', 'isr', 'usa']
    """
    f = _normalise_filters(since, until, event_class, quad_class, modality, min_confidence, lang)
    docs = G.graph.get("documents", {})
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    kept: set[str] = set()
    for u, v, k, d in G.edges(keys=True, data=True):
        if not _is_event(d) or not _passes(d, docs, f):
            continue
        for n in (u, v):
            if n not in H:
                H.add_node(n, **G.nodes[n])
        H.add_edge(u, v, key=k, **d)
        kept.add(d["event_id"])
    if keep_places:
        for u, v, k, d in G.edges(keys=True, data=True):
            if d.get("kind") == "place_of" and d.get("event_id") in kept:
                if v not in H:
                    H.add_node(v, **G.nodes[v])
                H.add_edge(u, v, key=k, **d)
    return H


def _prepare(G: nx.MultiDiGraph, filters: dict) -> nx.MultiDiGraph:
    unknown = set(filters) - set(FILTERS)
    if unknown:
        raise TypeError(f"unknown filter(s): {', '.join(sorted(unknown))} (known: {', '.join(FILTERS)})")
    return filter_events(G, **filters)


def _events(G: nx.MultiDiGraph) -> list[tuple[str, str, dict]]:
    """Event edges ``(u, v, attrs)`` in a stable order."""
    rows = [(u, v, d) for u, v, d in G.edges(data=True) if _is_event(d)]
    rows.sort(key=lambda r: (str(r[2].get("date", "")), str(r[2].get("event_id", "")), str(r[0]), str(r[1])))
    return rows


def _name(G: nx.MultiDiGraph, n: str) -> str:
    return str(G.nodes[n].get("name") or n) if n in G else str(n)


def collapse(G: nx.MultiDiGraph, by: str = "code", *, self_loops: bool = False) -> nx.MultiDiGraph:
    """The graph with actors gathered by their CAMEO code: a state with its leaders, ministries and forces.

    Node keys become codes (``"IDN"``, ``"IGO:UN"``, ``"NSA:HAMAS"``; an actor with no code keeps its id).
    A code node's ``name`` and ``kind`` are those of the actor the code stands for (the state itself, the
    organisation itself) when the graph or the lexicon knows it; ``members`` lists the actor ids gathered
    and ``aliases`` their names and aliases (so "Putin" finds ``RUS``). An event that links two members of
    one code is dropped unless ``self_loops``; an event seen twice between the same two codes (Putin and
    Russia both as sources) is kept once. Places are dropped. ``by="actor"`` returns ``G`` unchanged.

    >>> H = collapse(example_graph())
    >>> sorted(H)
    ['IRN', 'ISR', 'NSA:HAMAS', 'QAT', 'RUS', 'USA']
    >>> H.nodes["RUS"]["members"], H.nodes["RUS"]["name"]
    (['rus', 'vladimir_putin'], 'Russia')
    >>> H.number_of_edges("RUS", "IRN")
    3
    """
    if by == "actor":
        return G
    if by != "code":
        raise ValueError(f"by must be 'actor' or 'code', not {by!r}")
    if G.graph.get("collapsed") == "code":
        return G
    key_of = {n: (d.get("code") or n) for n, d in G.nodes(data=True) if d.get("type", "actor") != "place"}
    members: dict[str, list[str]] = defaultdict(list)
    for n, code in key_of.items():
        members[code].append(n)
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    H.graph["collapsed"] = "code"
    for code, ms in sorted(members.items()):
        ms = sorted(ms)
        own = code.split(":")[-1].lower()
        head = own if own in ms else min(ms, key=lambda m: (KIND_RANK.get(G.nodes[m].get("kind", ""), 9), m))
        hd = G.nodes[head]
        name, kind = hd.get("name") or head, hd.get("kind", "")
        if head != own and code != head:
            known = _lexicon_actor(own)
            if known is not None and known.code == code:
                name, kind = known.name, known.kind.value
        aliases = sorted({str(a) for m in ms for a in [G.nodes[m].get("name") or m, *(G.nodes[m].get("aliases") or [])]})
        H.add_node(code, type="actor", name=name, kind=kind, code=code, country=hd.get("country", ""),
                   members=ms, aliases=aliases)  # fmt: skip
    seen: set[tuple[str, str, str]] = set()
    for u, v, k, d in G.edges(keys=True, data=True):
        if not _is_event(d) or u not in key_of or v not in key_of:
            continue
        cu, cv = key_of[u], key_of[v]
        if cu == cv and not self_loops:
            continue
        if (cu, cv, d["event_id"]) in seen:
            continue
        seen.add((cu, cv, d["event_id"]))
        H.add_edge(cu, cv, key=k, **d, source_actor=u, target_actor=v)
    return H


def _lexicon_actor(actor_id: str):
    try:
        from .lexicon import load_lexicon

        return load_lexicon().actors.get(actor_id)
    except Exception:  # analytics work without the bundled data (a graph loaded from elsewhere)
        return None


def weighted_digraph(G: nx.MultiDiGraph) -> nx.DiGraph:
    """Directed projection: ``weight`` = number of events from u to v; a symmetric event (a call, a
    meeting) counts in both directions. Self-loops are left out.

    >>> sorted(weighted_digraph(example_graph()).edges("vladimir_putin", data="weight"))
    [('vladimir_putin', 'ebrahim_raisi', 1)]
    >>> weighted_digraph(example_graph())["ebrahim_raisi"]["vladimir_putin"]["weight"]
    1
    """
    D = nx.DiGraph()
    D.add_nodes_from(n for n, d in G.nodes(data=True) if d.get("type", "actor") != "place")
    for u, v, d in _events(G):
        if u == v:
            continue
        for a, b in [(u, v), (v, u)] if d.get("symmetric") else [(u, v)]:
            D.add_edge(a, b, weight=D.get_edge_data(a, b, {"weight": 0})["weight"] + 1)
    D.remove_nodes_from([n for n in list(D) if D.degree(n) == 0])
    return D


def weighted_graph(G: nx.MultiDiGraph) -> nx.Graph:
    """Undirected projection: one link per pair of actors with ``weight`` (events), ``cooperation``,
    ``conflict`` (events of quad class 1-2 and 3-4) and ``goldstein`` (their sum). Self-loops are left out.

    >>> dict(weighted_graph(example_graph())["irn"]["rus"])
    {'weight': 3, 'cooperation': 3, 'conflict': 0, 'goldstein': 21.8}
    """
    U = nx.Graph()
    seen: set[tuple[str, str, str]] = set()
    for u, v, d in _events(G):
        if u == v:
            continue
        a, b = sorted((u, v))
        if (a, b, d["event_id"]) in seen:
            continue
        seen.add((a, b, d["event_id"]))
        if not U.has_edge(a, b):
            U.add_edge(a, b, weight=0, cooperation=0, conflict=0, goldstein=0.0)
        e = U[a][b]
        e["weight"] += 1
        q = int(d.get("quad_class", 0))
        e["cooperation"] += q in (1, 2)
        e["conflict"] += q in (3, 4)
        e["goldstein"] = round(e["goldstein"] + float(d.get("goldstein", 0.0)), 6)
    return U


# -- resolving actor arguments ---------------------------------------------------------------------


def resolve_actor(G: nx.MultiDiGraph, text: str, *, lang: str | None = None) -> str:
    """The node of ``G`` that ``text`` names: a node id, a code ("RUS", "IGO:UN"), a name or an alias in
    any language kg knows ("Rusia", "Putin", "PBB"), or a word of one name ("Retno"). In a graph collapsed
    by code, a person names the code they act for ("Putin" -> ``RUS``).

    Raises :class:`ActorNotFound` when nothing or several different actors match.

    >>> G = example_graph()
    >>> resolve_actor(G, "IRN"), resolve_actor(G, "Putin"), resolve_actor(collapse(G), "putin")
    ('irn', 'vladimir_putin', 'RUS')
    """
    key = " ".join(str(text).split()).lower()
    if not key:
        raise ActorNotFound("empty actor name")
    actors = [n for n, d in G.nodes(data=True) if d.get("type", "actor") != "place"]
    collapsed = G.graph.get("collapsed") == "code"

    def one(found: Iterable[str], what: str) -> str | None:
        found = sorted(set(found))
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            shown = ", ".join(f"{n} ({_name(G, n)})" for n in found[:8])
            raise ActorNotFound(f"{text!r} is ambiguous ({what}): {shown}; give a code or a fuller name")
        return None

    # 1. node key
    hit = one((n for n in actors if str(n).lower() == key), "node id")
    if hit:
        return hit
    # 2. a code: the actor the code stands for first (the state "idn" for IDN)
    coded = [n for n in actors if str(G.nodes[n].get("code", "")).lower() == key]
    if coded:
        own = key.split(":")[-1]
        if own in coded:
            return own
        heads = [n for n in coded if G.nodes[n].get("kind") in ("state", "igo", "armed_group")]
        hit = one(heads or coded, "several actors have this code")
        if hit:
            return hit
    # 3. names and aliases in the graph
    hit = one(
        (n for n in actors if key == str(G.nodes[n].get("name", "")).lower() or key in {str(a).lower() for a in G.nodes[n].get("aliases") or []}),
        "name or alias",
    )
    if hit:
        return hit
    # 4. the lexicon, in every language (or ``lang``)
    known = []
    try:
        from .lexicon import load_lexicon

        known = load_lexicon().find(text, lang)
    except Exception:  # no bundled data
        known = []
    if known:
        if collapsed:
            targets = {a.code or a.id for a in known}
        else:
            targets = {a.id for a in known}
        in_graph = [t for t in targets if t in G]
        states = [a.id for a in known if a.kind.value == "state" and a.id in in_graph]
        hit = one(states or in_graph, "lexicon")
        if hit:
            return hit
        names = ", ".join(sorted(f"{a.name} ({a.code or a.id})" for a in known)[:5])
        raise ActorNotFound(f"{text!r} is {names}: no event in this graph involves them")
    # 5. a whole word of a name or alias
    word = re.compile(rf"(?<!\w){re.escape(key)}(?!\w)")
    hit = one(
        (n for n in actors if any(word.search(str(s).lower()) for s in [G.nodes[n].get("name", ""), *(G.nodes[n].get("aliases") or [])])),
        "partial name",
    )
    if hit:
        return hit
    names = {str(G.nodes[n].get("name", n)): n for n in actors}
    close = difflib.get_close_matches(str(text), list(names), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise ActorNotFound(f"no actor {text!r} in this graph{hint}")


def _node(G: nx.MultiDiGraph, actor: str) -> str:
    return actor if actor in G else resolve_actor(G, actor)


# -- activity and centrality ---------------------------------------------------------------------------


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


# -- blocs ----------------------------------------------------------------------------------------------


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


# -- dyads ----------------------------------------------------------------------------------------------


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


# -- time series -------------------------------------------------------------------------------------


def _period_start(d: date, freq: str) -> date:
    return d.replace(day=1) if freq == "month" else d - timedelta(days=d.weekday())


def _period_label(start: date, freq: str) -> str:
    if freq == "month":
        return f"{start:%Y-%m}"
    iso = start.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _next_period(start: date, freq: str) -> date:
    if freq == "week":
        return start + timedelta(days=7)
    return date(start.year + (start.month == 12), start.month % 12 + 1, 1)


def timeline_parts(G: nx.MultiDiGraph, a: str, b: str | None = None, *, freq: str = "month", directed: bool = False,
                   **filters) -> tuple[list[dict], int]:  # fmt: skip
    """:func:`timeline` and the number of matching events left out for an imprecise or missing date."""
    if freq not in ("month", "week"):
        raise ValueError("freq must be 'month' or 'week'")
    H = _prepare(G, filters)
    na = _node(G, a)
    nb = None if b is None else _node(G, b)
    events: dict[str, dict] = {}
    for u, v, d in _events(H):
        if u == v:
            continue
        if nb is None:
            ok = na in (u, v) if not directed else u == na
        else:
            ok = (u, v) == (na, nb) or (not directed and (u, v) == (nb, na))
        if ok:
            events.setdefault(d["event_id"], d)
    finest = 0 if freq == "week" else 1
    counts: dict[date, dict] = {}
    left_out = 0
    for d in events.values():
        span = date_interval(d.get("date") or "")
        if span is None or _PRECISION_RANK.get(d.get("date_precision") or "day", 0) > finest:
            left_out += 1
            continue
        start = _period_start(span[0], freq)
        row = counts.setdefault(start, {"events": 0, "goldstein": 0.0, "q1": 0, "q2": 0, "q3": 0, "q4": 0})
        row["events"] += 1
        row["goldstein"] = round(row["goldstein"] + float(d.get("goldstein", 0.0)), 6)
        q = int(d.get("quad_class", 0))
        if q in (1, 2, 3, 4):
            row[f"q{q}"] += 1
    rows = []
    if counts:
        since = filters.get("since")
        until = filters.get("until")
        start = _period_start(date_interval(since)[0], freq) if since else min(counts)
        end = _period_start(date_interval(until)[1], freq) if until else max(counts)
        cur = start
        while cur <= end:
            row = counts.get(cur, {"events": 0, "goldstein": 0.0, "q1": 0, "q2": 0, "q3": 0, "q4": 0})
            rows.append({"period": _period_label(cur, freq), "start": cur.isoformat(), **row})
            cur = _next_period(cur, freq)
    return rows, left_out


def timeline(G: nx.MultiDiGraph, a: str, b: str | None = None, *, freq: str = "month", directed: bool = False, **filters) -> list[dict]:
    """The time series of a dyad (``a`` with ``b``, either direction unless ``directed``) or of one actor
    with everyone (``b`` None): per ``freq`` period ("month" or "week", weeks start on Monday), ``events``,
    ``goldstein`` (sum), and ``q1``-``q4`` (events per quad class). Periods run from the first to the last
    event (or over ``since``/``until``), empty ones included. Events whose date is less precise than the
    period (a month-dated event in a weekly series) or missing are left out (:func:`timeline_parts` counts
    them).

    >>> [(r["period"], r["events"], r["goldstein"], r["q2"]) for r in timeline(example_graph(), "Russia", "Iran")]
    [('2024-02', 2, 14.4, 1), ('2024-03', 1, 7.4, 1)]
    """
    return timeline_parts(G, a, b, freq=freq, directed=directed, **filters)[0]


def trend(series: list[dict], value: str = "goldstein") -> float:
    """Least-squares slope of ``value`` per period over a :func:`timeline` (empty periods count as 0):
    above 0 the relationship warms, below 0 it cools.

    >>> trend([{"goldstein": 1.0}, {"goldstein": 2.0}, {"goldstein": 4.0}])
    1.5
    """
    ys = [float(r[value]) for r in series]
    n = len(ys)
    if n < 2:
        return 0.0
    mx, my = (n - 1) / 2, sum(ys) / n
    num = sum((x - mx) * (y - my) for x, y in enumerate(ys))
    den = sum((x - mx) ** 2 for x in range(n))
    return round(num / den, 6)


# -- paths and ego networks ---------------------------------------------------------------------------


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


# -- overview ------------------------------------------------------------------------------------------


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


# -- a graph with known structure, for examples and tests -----------------------------------------------


def example_graph() -> nx.MultiDiGraph:
    """A small hand-built event graph (Russia, Iran, Israel, the US, Qatar, Hamas; January-May 2024) that
    the examples and tests use: its numbers can be checked by hand.

    >>> G = example_graph()
    >>> G.number_of_nodes(), G.number_of_edges(), len({d["event_id"] for *_x, d in G.edges(data=True)})
    (9, 15, 13)
    """
    G = nx.MultiDiGraph()
    G.graph["documents"] = {
        "d1": {"title": "Moscow and Tehran", "url": "", "lang": "en", "date": "2024-03-20", "source": "d1.txt", "publisher": ""},
        "d2": {"title": "Perang", "url": "", "lang": "id", "date": "2024-04-20", "source": "d2.txt", "publisher": ""},
    }
    actors = [
        ("rus", "Russia", "state", "RUS", ["Rusia", "Russian Federation"]),
        ("vladimir_putin", "Vladimir Putin", "person", "RUS", ["Putin"]),
        ("irn", "Iran", "state", "IRN", ["Iran"]),
        ("ebrahim_raisi", "Ebrahim Raisi", "person", "IRN", ["Raisi"]),
        ("isr", "Israel", "state", "ISR", ["Israel"]),
        ("usa", "United States", "state", "USA", ["US", "Amerika Serikat"]),
        ("qat", "Qatar", "state", "QAT", ["Qatar"]),
        ("hamas", "Hamas", "armed_group", "NSA:HAMAS", ["Hamas"]),
    ]
    for n, name, kind, code, aliases in actors:
        G.add_node(n, type="actor", name=name, kind=kind, code=code, country=code if kind == "state" else "", sector="",
                   wikidata="", aliases=aliases)  # fmt: skip
    G.add_node("place:doha", type="place", name="Doha", kind="capital", country="QAT", lat=25.29, lon=51.53, code="")
    events = [  # id, source, targets, date, precision, code, quad, goldstein, modality, confidence, symmetric, doc
        ("e1", "vladimir_putin", ["ebrahim_raisi"], "2024-01-10", "day", "040", 1, 1.0, "asserted", 0.9, True, "d1"),
        ("e2", "rus", ["irn"], "2024-02-05", "day", "057", 1, 8.0, "asserted", 0.8, False, "d1"),
        ("e3", "irn", ["rus"], "2024-02-20", "day", "061", 2, 6.4, "asserted", 0.8, False, "d1"),
        ("e4", "rus", ["irn"], "2024-03-15", "day", "062", 2, 7.4, "asserted", 0.7, False, "d1"),
        ("e5", "isr", ["irn"], "2024-04-01", "day", "190", 4, -10.0, "asserted", 0.9, False, "d2"),
        ("e6", "irn", ["isr"], "2024-04-13", "day", "190", 4, -10.0, "asserted", 0.9, False, "d2"),
        ("e7", "usa", ["irn"], "2024-04-15", "day", "163", 4, -8.0, "asserted", 0.6, False, "d2"),
        ("e8", "qat", ["hamas"], "2024-03-10", "day", "043", 1, 2.8, "asserted", 0.7, False, "d1"),
        ("e9", "hamas", ["qat"], "2024-03-11", "day", "036", 1, 4.0, "asserted", 0.5, False, "d1"),
        ("e10", "usa", ["qat"], "2024-03", "month", "020", 1, 3.0, "asserted", 0.6, False, "d1"),
        ("e11", "isr", ["hamas"], "2024-03-05", "day", "190", 4, -10.0, "asserted", 0.9, False, "d2"),
        ("e12", "irn", ["hamas"], "2024-02-01", "day", "070", 2, 7.0, "future", 0.3, False, "d2"),
        ("e13", "usa", ["isr", "qat"], "2024-05-02", "day", "036", 1, 4.0, "asserted", 0.8, False, "d1"),
    ]
    for n, (eid, src, tgts, day, prec, code, quad, gold, mod, conf, sym, doc) in enumerate(events):
        for i, tgt in enumerate(tgts):
            G.add_edge(src, tgt, key=f"{eid}#{i}", event_id=eid, doc_id=doc, date=day, date_precision=prec, date_inferred=False,
                       event_code=code, event_root=code[:2], event_label=f"CAMEO {code}", quad_class=quad, goldstein=gold,
                       source_code=G.nodes[src]["code"], source_name=G.nodes[src]["name"], target_code=G.nodes[tgt]["code"],
                       target_name=G.nodes[tgt]["name"], place="Doha" if eid == "e8" else "", place_id="doha" if eid == "e8" else "",
                       sentence=f"Sentence of {eid}.", sentence_index=0, char_start=n * 10, char_end=n * 10 + 5, mention=eid,
                       trigger="t", modality=mod, confidence=conf, symmetric=sym, rule="hand")  # fmt: skip
    G.add_edge("qat", "place:doha", key="e8@place", kind="place_of", event_id="e8")
    return G
