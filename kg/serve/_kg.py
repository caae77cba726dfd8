"""Every import ``kg serve`` makes from the rest of kg, in one place.

The imports are inside the functions because worker processes import this module and must stay light. Everything here
is called in the server process only, except :func:`force_layout` and :func:`csv_safe` (worker processes).
"""

from __future__ import annotations

import os
from pathlib import Path


class SourceError(ValueError):
    """SOURCE is not a graph kg can serve (one line, shown as ``Error: ...``)."""


def resolve_source(source: str | Path) -> dict:
    """The RDF file to load for ``source`` (an export, a ``kg build`` folder or a ``kg add`` store), as
    ``{"kind", "path", "media_type", "stamp"}``. A store is exported (merged) to its cached N-Triples file,
    as ``kg query`` does; that file is rewritten only when the store changed."""
    from kg.outputs.rdf import format_of
    from kg.query.sources import locate
    from kg.query.sources import NotAGraph

    try:
        kind, found = locate(source)
    except NotAGraph as exc:
        raise SourceError(str(exc)) from None
    stamp = source_stamp(source)
    if kind == "store":
        from kg.store.outputs import rdf_file
        try:
            path = rdf_file(found)
        except Exception as exc:  # noqa: BLE001 - any store problem is "cannot serve this source"
            raise SourceError(f"{source}: cannot read the kg store ({' '.join(str(exc).split())})") from None
    else:
        path = found
        if Path(source).is_dir() and (Path(source) / "graph.nt").is_file():
            path = Path(source) / "graph.nt"  # the same graph as graph.ttl, the fastest to load
    try:
        fmt = format_of(path)
    except ValueError as exc:
        raise SourceError(str(exc)) from None
    return {"kind": kind, "path": str(path), "media_type": fmt.media_type, "stamp": stamp}


def source_stamp(source: str | Path) -> str:
    """Changes whenever what ``source`` holds changes: a store's fingerprint, an export's size and time."""
    from kg.query.sources import locate
    kind, found = locate(source)
    if kind == "store":
        from kg.store.store import Store
        with Store(found, create=False, readonly=True) as store:
            return "store:" + store.fingerprint()
    if Path(source).is_dir() and (Path(source) / "graph.nt").is_file():
        found = Path(source) / "graph.nt"
    st = os.stat(found)
    return f"file:{found}:{st.st_size}:{st.st_mtime_ns}"


def prefixes() -> dict[str, str]:
    """kg's prefixes (``kg:``, ``sem:`` ... and ``actor:``, ``event:`` ...), predeclared for every query."""
    from kg.query.sparql import ALL_PREFIXES
    return {p: str(ns) for p, ns in ALL_PREFIXES.items()}


def queries_dir() -> Path:
    """``data/queries``: the ready-made example queries."""
    from kg.resources import data_dir
    return data_dir() / "queries"


def vis_network_dir():
    """vis-network 9.1.2 (Apache-2.0 OR MIT) as pyvis ships it: the library kg's static view inlines."""
    from importlib.resources import files

    return files("pyvis") / "templates" / "lib" / "vis-9.1.2"


def force_layout(n, src, dst, weight, *, seed: int = 7):
    """kg.viz's numpy force layout (about 1 s for 2,000 nodes): an (n, 2) array."""
    from kg.outputs.viz import _force_layout
    return _force_layout(n, src, dst, weight, seed=seed)


def csv_safe(value):
    """A CSV cell a spreadsheet shows as text, never runs as a formula (kg's events.csv rule)."""
    from kg.util import csv_safe as guard
    return guard(value)
