"""Where a saved event graph is: one answer for every command that reads one (``kg view``, ``kg query``,
``kg stats`` and the other analyst commands, ``kg.open``).

A graph source is

- an RDF export kg wrote (``.ttl``, ``.nt``, ``.nq``, ``.trig``, ``.jsonld``, ``.rdf``);
- an output folder of ``kg build`` / ``kg export`` (its ``graph.ttl``, ``graph.nt`` ...);
- a store folder of ``kg add`` (``kg.sqlite`` inside; its merged graph).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgInputError, QueryError
from kg.outputs.rdf.vocab import FORMAT_BY_SUFFIX
from kg.outputs.rdf.write import format_of

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


def _resolve(path: Path) -> Path:
    """The RDF file behind ``path`` (an export, an output folder or a kg store folder: :func:`kg.query.sources.locate`)."""
    try:
        kind, found = locate(path)
    except NotAGraph as exc:
        raise QueryError(str(exc)) from None
    if kind == "store":
        from kg.store.outputs import rdf_file

        try:
            return rdf_file(found)
        except Exception as exc:  # noqa: BLE001 - any store problem is "cannot read this source"
            raise QueryError(f"{path}: cannot read the kg store ({exc})") from None
    if Path(path).is_dir() and (Path(path) / "graph.nt").is_file():
        return Path(path) / "graph.nt"  # the same graph as graph.ttl, and the fastest to load
    return found


def open_store(source: str | Path | ox.Store) -> ox.Store:
    """An in-memory Oxigraph store holding the export ``source``."""
    if isinstance(source, ox.Store):
        return source
    path = _resolve(Path(source))
    try:
        fmt = format_of(path)
    except ValueError:
        raise QueryError(f"{path}: unknown RDF format (use {', '.join(sorted(FORMAT_BY_SUFFIX))})") from None
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"{path}: cannot read RDF ({' '.join(str(exc).split())})") from None
    return store
