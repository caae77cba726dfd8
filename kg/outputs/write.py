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
