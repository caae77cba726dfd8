"""Where a saved event graph is: one answer for every command that reads one (``kg view``, ``kg query``,
``kg stats`` and the other analyst commands, ``kg.open``).

A graph source is

- an RDF export kg wrote (``.ttl``, ``.nt``, ``.nq``, ``.trig``, ``.jsonld``, ``.rdf``);
- an output folder of ``kg build`` / ``kg export`` (its ``graph.ttl``, ``graph.nt`` ...);
- a store folder of ``kg add`` (``kg.sqlite`` inside; its merged graph).
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.errors import KgInputError

GRAPH_FILES = ("graph.ttl", "graph.nt", "graph.nq", "graph.trig", "graph.jsonld", "graph.rdf")
RDF_SUFFIXES = (".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf", ".xml")
STORE_DB = "kg.sqlite"


class NotAGraph(KgInputError, ValueError):
    """A path that is not a saved event graph (no export, no build folder, no store)."""


class MissingSource(NotAGraph, FileNotFoundError):
    """A graph source that does not exist."""


def locate(source: str | Path) -> tuple[str, Path]:
    """``("store", folder)`` or ``("export", file)`` for a graph source; :class:`NotAGraph` otherwise."""
    path = Path(source)
    if path.is_dir():
        if (path / STORE_DB).is_file():
            return "store", path
        for name in GRAPH_FILES:
            if (path / name).is_file():
                return "export", path / name
        raise NotAGraph(f"{path}: a folder with no graph export ({', '.join(GRAPH_FILES)}) and no kg store ({STORE_DB}) in it")
    if not path.exists():
        raise MissingSource(f"{path}: no such file or folder")
    if path.suffix.lower() not in RDF_SUFFIXES:
        raise NotAGraph(f"{path}: not an RDF export kg can read (use {', '.join(RDF_SUFFIXES)}), a kg build folder or a store")
    return "export", path


def is_graph_source(source: str | Path) -> bool:
    try:
        locate(source)
    except NotAGraph:
        return False
    return True


def open_graph(source: str | Path) -> nx.MultiDiGraph:
    """The event graph saved in ``source`` (a store gives its merged graph)."""
    kind, path = locate(source)
    if kind == "store":
        from kg.store.outputs import graph_from_store

        return graph_from_store(path)
    from kg.query import from_rdf as rdf

    try:
        return rdf.to_graph(path)
    except Exception as exc:  # noqa: BLE001 - Oxigraph and rdflib raise many kinds of parse errors
        raise NotAGraph(f"{path}: cannot read the graph ({type(exc).__name__}: {' '.join(str(exc).split())})") from None
