"""Writing a graph's outputs (RDF, CSV, HTML) into a folder."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from kg.graph.explain import write_merges
from kg.graph.merge import MERGES_FILE

OUTPUTS = ("graph.ttl", "events.csv", "graph.html")


def write_outputs(
    G: nx.MultiDiGraph, outdir: str | Path, *, formats: Iterable[str] = OUTPUTS, title: str | None = None
) -> dict[str, Path]:
    """Write the requested outputs of ``G`` into ``outdir`` (each file atomically); a merged graph also
    gets ``merges.json`` (every mention of every event and why it was merged, for ``kg explain``)."""
    from kg.outputs import rdf, table, viz

    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for name in formats:
        path = out / name
        if name.endswith((".ttl", ".nt", ".jsonld", ".nq", ".trig")):
            written[name] = rdf.write(G, path)
        elif name.endswith(".csv"):
            written[name] = table.write_csv(G, path)
        elif name.endswith(".html"):
            written[name] = viz.write_html(G, path, title=title or "kg event graph")
        else:
            raise ValueError(f"unknown output {name!r} (known: .ttl .nt .jsonld .nq .trig .csv .html)")
    if "merges" in G.graph and written:
        written[MERGES_FILE] = write_merges(G, out / MERGES_FILE)
    return written
