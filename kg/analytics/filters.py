"""Filtering events, collapsing actors by code, resolving actor arguments: the ground of :mod:`kg.analytics`."""

from __future__ import annotations

import calendar
import difflib
import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime

import networkx as nx

from kg.analytics.example import example_graph  # noqa: F401 - the doctests use it
from kg.lexicon.cameo import QUAD_LABELS

QUAD_CLASSES = {
    "cooperation": (1, 2), "conflict": (3, 4), "verbal": (1, 3), "material": (2, 4),
    **{label.replace(" ", "_"): (q,) for q, label in QUAD_LABELS.items()},  # "verbal_cooperation": (1,) ...
}  # fmt: skip


FILTERS = ("since", "until", "event_class", "quad_class", "modality", "min_confidence", "lang")


KIND_RANK = {"state": 0, "igo": 1, "armed_group": 2, "organisation": 3, "group": 4, "person": 5}


_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


class ActorNotFound(LookupError):
    """An actor argument that names no actor of the graph (or several); the message says which."""


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
        from kg.lexicon.lexicon import load_lexicon

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
        from kg.lexicon.lexicon import load_lexicon

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
