"""Opening a saved event graph as networkx: an RDF export, a ``kg build`` output folder (with its merge
records) or a store. ``kg.open`` (:func:`kg.api.open`) and every command that reads a graph come here."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from kg.graph.merge import MERGES_FILE
from kg.query import from_rdf as rdf
from kg.query.sources import NotAGraph, locate
from kg.store.outputs import graph_from_store


def open_graph(source: str | Path) -> nx.MultiDiGraph:
    """The event graph saved in ``source`` (a store gives its merged graph)."""
    kind, path = locate(source)
    if kind == "store":
        return graph_from_store(path)
    try:
        return rdf.to_graph(path)
    except Exception as exc:  # noqa: BLE001 - Oxigraph and rdflib raise many kinds of parse errors
        raise NotAGraph(f"{path}: cannot read the graph ({type(exc).__name__}: {' '.join(str(exc).split())})") from None


def read_merges(folder: str | Path) -> nx.MultiDiGraph:
    """The merged graph of a ``kg build``/``kg export`` output folder, with its merge records (from
    ``merges.json``; from ``graph.ttl`` alone, the records hold the mentions but not the reasons)."""
    folder = Path(folder)
    ttl = folder / "graph.ttl"
    if not ttl.is_file():
        raise FileNotFoundError(f"{folder}: no graph.ttl here (write one with: kg build FILES -o {folder})")
    H = rdf.to_graph(ttl)
    side = folder / MERGES_FILE
    if side.is_file():
        data = json.loads(side.read_text(encoding="utf-8"))
        H.graph["merges"] = data.get("merges", {})
        H.graph["merge_options"] = data.get("merge_options", {})
    return H
