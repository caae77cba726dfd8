"""A built or opened event graph with kg's analyst API (tables, analytics, SPARQL, views)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.graph import build as graph_mod
from kg.io.ingest import InputProblem
from kg.outputs.write import OUTPUTS, write_outputs


@dataclass
class BuildResult:
    graph: nx.MultiDiGraph
    problems: list[InputProblem] = field(default_factory=list)
    documents: int = 0
    seconds: float = 0.0
    words: int = 0
    unmerged: nx.MultiDiGraph | None = None  # one event per report (``graph`` has reports of one act merged)

    @property
    def failed(self) -> list[InputProblem]:
        return [p for p in self.problems if p.fatal]

    def summary(self) -> dict:
        return graph_mod.summary(self.graph)

    def write(self, outdir: str | Path, *, formats: Iterable[str] = OUTPUTS, title: str | None = None) -> dict[str, Path]:
        return write_outputs(self.graph, outdir, formats=formats, title=title)

    # -- the analyst API (kg.analytics over this graph; tables are pandas DataFrames) ------------------
    # ``by="code"`` (the default) gathers each state with its leaders, ministries and forces, each
    # organisation with its officials (:func:`kg.analytics.collapse`); ``by="actor"`` keeps every actor.
    # Actor arguments take ids, codes, names or aliases in any language ("Rusia", "RUS", "Putin").
    # ``**filters``: since, until, event_class, quad_class, modality, min_confidence, lang.

    def graph_by(self, by: str = "code") -> nx.MultiDiGraph:
        """The event graph with actors gathered ``by`` "code" (cached) or as built (``by="actor"``)."""
        from kg.analytics.filters import collapse

        if by == "actor":
            return self.graph
        cache = self.__dict__.setdefault("_collapsed", {})
        stamp = (id(self.graph), self.graph.number_of_nodes(), self.graph.number_of_edges())
        if cache.get("stamp") != stamp:
            cache.update(stamp=stamp, graph=collapse(self.graph, by))
        return cache["graph"]

    @property
    def events(self):
        """The event table as a pandas DataFrame (one row per source-target pair; typed columns)."""
        from kg.outputs.exports import event_frame

        return event_frame(self.graph)

    def resolve(self, actor: str, *, by: str = "code") -> str:
        """The node an actor argument names ("Putin" -> ``RUS`` by code, ``vladimir_putin`` by actor)."""
        from kg.analytics.filters import resolve_actor

        return resolve_actor(self.graph_by(by), actor)

    def stats(self, *, by: str = "code", top: int = 5, **filters) -> dict:
        """Overview: documents, actors, events per quad class, root and month, top actors and dyads."""
        from kg.analytics.measures import overview

        return overview(self.graph_by(by), top=top, **filters)

    def activity(self, *, by: str = "code", **filters):
        """Actors by events, with partners, PageRank and betweenness (a DataFrame indexed by actor)."""
        import pandas as pd

        from kg.analytics.measures import centrality

        table = centrality(self.graph_by(by), **filters)
        return pd.DataFrame.from_dict(table, orient="index").rename_axis("actor")

    def communities(self, *, by: str = "code", on: str = "cooperation", **filters) -> list[list[str]]:
        """Blocs (Louvain communities of cooperation, by default), largest first."""
        from kg.analytics.measures import communities

        return communities(self.graph_by(by), on=on, **filters)

    def brokers(self, *, by: str = "code", **filters):
        """Actors whose events reach more than one bloc (a DataFrame)."""
        import pandas as pd

        from kg.analytics.measures import brokers

        return pd.DataFrame(brokers(self.graph_by(by), **filters))

    def dyads(self, kind: str | None = None, *, top: int | None = 10, by: str = "code", **filters):
        """The strongest pairs (``kind`` None, "cooperation" or "conflict") as a DataFrame."""
        import pandas as pd

        from kg.analytics.measures import dyads

        rows = dyads(self.graph_by(by), kind=kind, top=top, **filters)
        flat = [{"a": r["pair"][0], "b": r["pair"][1], "name_a": r["names"][0], "name_b": r["names"][1], "events": r["events"],
                 "cooperation": r["cooperation"], "conflict": r["conflict"], "goldstein": r["goldstein"],
                 **{f"q{q}": n for q, n in r["quad"].items()}, "first": r["first"], "last": r["last"]} for r in rows]  # fmt: skip
        return pd.DataFrame(flat, columns=["a", "b", "name_a", "name_b", "events", "cooperation", "conflict", "goldstein",
                                           "q1", "q2", "q3", "q4", "first", "last"])  # fmt: skip

    def neighbors(self, actor: str, *, hops: int = 1, by: str = "code", **filters):
        """An actor's partners and adversaries within ``hops`` (a DataFrame)."""
        import pandas as pd

        from kg.analytics.measures import neighbors

        G = self.graph_by(by)
        return pd.DataFrame(neighbors(G, self.resolve(actor, by=by), hops=hops, **filters),
                            columns=["actor", "name", "hops", "events", "cooperation", "conflict", "goldstein", "out", "in", "via"])  # fmt: skip

    def timeline(self, a: str, b: str | None = None, *, freq: str = "month", by: str = "code", **filters):
        """A dyad's (or one actor's) events, Goldstein sum and quad-class counts per period (a DataFrame)."""
        import pandas as pd

        from kg.analytics.timelines import timeline

        na = self.resolve(a, by=by)
        nb = self.resolve(b, by=by) if b else None
        rows = timeline(self.graph_by(by), na, nb, freq=freq, **filters)
        return pd.DataFrame(rows, columns=["period", "start", "events", "goldstein", "q1", "q2", "q3", "q4"])

    def paths(self, a: str, b: str, *, k: int | None = None, by: str = "code", **filters) -> list[dict]:
        """The shortest chains of events between two actors, or (with ``k``) all chains of at most k hops."""
        from kg.analytics.paths import shortest_paths, simple_paths

        G, na, nb = self.graph_by(by), self.resolve(a, by=by), self.resolve(b, by=by)
        return shortest_paths(G, na, nb, **filters) if k is None else simple_paths(G, na, nb, k=k, **filters)

    def ego(self, actor: str, *, hops: int = 1, by: str = "code", **filters) -> nx.MultiDiGraph:
        """The actor's ego network within ``hops`` (and the filters' period) as a networkx graph."""
        from kg.analytics.paths import ego_network

        return ego_network(self.graph_by(by), self.resolve(actor, by=by), hops=hops, **filters)

    def query(self, sparql: str):
        """Run SPARQL over this graph's RDF (kg's prefixes predeclared); the answer as a DataFrame."""
        import pandas as pd
        import pyoxigraph as ox

        from kg.outputs.rdf.write import to_rdf
        from kg.query.sparql import execute, results_rows

        cache = self.__dict__.setdefault("_store", {})
        stamp = (id(self.graph), self.graph.number_of_nodes(), self.graph.number_of_edges())
        if cache.get("stamp") != stamp:
            store = ox.Store()
            store.load(to_rdf(self.graph).serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
            cache.update(stamp=stamp, store=store)
        names, rows = results_rows(execute(cache["store"], sparql))
        return pd.DataFrame(rows, columns=names)

    def view(self, actor: str | None = None, *, hops: int = 1, title: str | None = None, height: int = 600, **filters):
        """The interactive view, for Jupyter: an isolated (sandboxed) iframe that works offline. With
        ``actor``, its ego network within ``hops``; ``**filters`` narrow the events shown. The object
        displays itself as a cell's last value (``display(result.view())`` elsewhere); ``.html`` is the page.
        """
        from kg.analytics.filters import filter_events, resolve_actor
        from kg.analytics.paths import ego_network
        from kg.outputs.exports import NotebookView
        from kg.outputs.viz import render_html

        G = self.graph
        if actor is not None:
            G = ego_network(G, resolve_actor(G, actor), hops=hops, keep_places=True, **filters)
        elif filters:
            G = filter_events(G, keep_places=True, **filters)
        heading = title or (f"kg: {actor} within {hops} hop{'s' if hops != 1 else ''}" if actor else "kg event graph")
        return NotebookView(render_html(G, title=heading), height=height, title=heading)

    def export(self, path: str | Path) -> Path:
        """Write the graph as ``.graphml``, ``.gexf`` (with time intervals), ``.parquet`` (the event table)
        or ``.json`` (node-link), by the path's suffix."""
        from kg.outputs.exports import write

        return write(self.graph, path)

    def _repr_html_(self) -> str:
        import html

        s = self.summary()
        cells = "".join(f"<tr><th style='text-align:left'>{html.escape(k)}</th><td>{v}</td></tr>" for k, v in s.items())
        return f"<table><caption>kg event graph</caption>{cells}</table>"
