"""Analytics over the event graph: plain functions of a :func:`kg.graph.build.build_graph` graph, networkx style.

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

from kg.analytics.example import example_graph
from kg.analytics.filters import (
    FILTERS,
    KIND_RANK,
    QUAD_CLASSES,
    ActorNotFound,
    collapse,
    date_interval,
    filter_events,
    resolve_actor,
    weighted_digraph,
    weighted_graph,
)
from kg.analytics.measures import activity, betweenness, brokers, centrality, communities, dyads, neighbors, overview, pagerank
from kg.analytics.paths import ego_network, shortest_paths, simple_paths
from kg.analytics.timelines import timeline, timeline_parts, trend

__all__ = ["FILTERS", "KIND_RANK", "weighted_digraph", "weighted_graph", "timeline_parts",
    "QUAD_CLASSES", "ActorNotFound", "filter_events", "collapse", "resolve_actor", "activity", "pagerank",
    "betweenness", "centrality", "communities", "brokers", "dyads", "neighbors", "timeline", "trend",
    "shortest_paths", "simple_paths", "ego_network", "overview", "date_interval", "example_graph",
]  # fmt: skip
