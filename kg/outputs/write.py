"""Writing a graph's outputs (RDF, CSV, HTML) into a folder."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import networkx as nx

from kg.graph.explain import write_merges
from kg.graph.merge import MERGES_FILE
from kg.util import atomic_write_bytes

OUTPUTS = ("graph.ttl", "events.csv", "graph.html")
RDF_SUFFIXES = (".ttl", ".nt", ".jsonld", ".nq", ".trig")


def output_names(spec: str, known: Iterable[str], stems: dict[str, str] | None = None) -> list[str]:
    """The file names a ``--formats`` value asks for, in order and once each. A bare suffix (``.csv`` or
    ``csv``) takes kg's usual name for it (``stems``, else ``graph``), so it never writes a hidden file; a
    name is a file inside the output folder, so a path is refused (ValueError, one line).

    >>> output_names("graph.ttl, .csv,html,graph.ttl", (".ttl", ".csv", ".html"), {".csv": "events"})
    ['graph.ttl', 'events.csv', 'graph.html']
    >>> output_names("../x.csv", (".csv",))
    Traceback (most recent call last):
    ValueError: '../x.csv' is not a file name: --formats names files inside the output folder (-o), e.g. events.csv
    """
    known = tuple(k.lower() for k in known)
    stems = stems or {}
    names: list[str] = []
    for item in (part.strip() for part in spec.split(",")):
        if not item:
            continue
        if "/" in item or "\\" in item or item in {".", ".."}:
            raise ValueError(f"{item!r} is not a file name: --formats names files inside the output folder (-o), e.g. events.csv")
        bare = item if item.startswith(".") else "." + item
        if bare.lower() in known:  # only a suffix: the usual name
            item = stems.get(bare.lower(), "graph") + bare.lower()
        if item not in names:
            names.append(item)
    return names


KNOWN = (".ttl", ".nt", ".jsonld", ".nq", ".trig", ".csv", ".html")
STEMS = {".csv": "events"}


def write_outputs(
    G: nx.MultiDiGraph, outdir: str | Path, *, formats: Iterable[str] = OUTPUTS, title: str | None = None,
    rendered: dict[str, Callable[[], bytes]] | None = None,
) -> dict[str, Path]:
    """Write the requested outputs of ``G`` into ``outdir`` (each file atomically); a merged graph also
    gets ``merges.json`` (every mention of every event and why it was merged, for ``kg explain``).
    ``rendered``: outputs whose bytes are made elsewhere (name -> a function returning them, called after
    the other outputs are written: ``kg build --engine dask`` serialises the RDF on a worker meanwhile)."""
    from kg.outputs import rdf, table, viz

    rendered = rendered or {}
    formats = list(formats)
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for name in formats:
        path = out / name
        if name in rendered:
            continue
        if name.endswith(RDF_SUFFIXES):
            written[name] = rdf.write(G, path)
        elif name.endswith(".csv"):
            written[name] = table.write_csv(G, path)
        elif name.endswith(".html"):
            written[name] = viz.write_html(G, path, title=title or "kg event graph")
        else:
            raise ValueError(f"unknown output {name!r} (known: .ttl .nt .jsonld .nq .trig .csv .html)")
    for name in formats:
        if name in rendered and name not in written:
            written[name] = atomic_write_bytes(out / name, rendered[name]())
    written = {name: written[name] for name in formats if name in written}  # in the order asked for
    if "merges" in G.graph and written:
        written[MERGES_FILE] = write_merges(G, out / MERGES_FILE)
    return written
