"""Reading a store: its merged graph and an RDF file of it (its outputs: :func:`kg.api.export`, ``kg export``)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import networkx as nx

from kg.errors import StoreError  # noqa: F401 - raised here, defined with the other domain errors
from kg.graph.merge import MergeOptions, merge_events
from kg.store.store import Store


def graph_from_store(path: str | Path, *, merge: bool = True, options: MergeOptions = MergeOptions(),
                     min_confidence: float | None = None) -> nx.MultiDiGraph:  # fmt: skip
    """The event graph of the store in folder ``path``: merged across documents (default) or one event
    per mention (``merge=False``). This is what ``kg export``, ``kg query --store`` and ``kg view --store``
    work on. Merged, it keeps the events of confidence >= ``min_confidence`` (default: the graph's threshold,
    :data:`kg.extract.confidence.DEFAULT_MIN_CONFIDENCE`, as ``kg export`` does; 0 keeps all); the store itself
    keeps every report."""
    with Store(path, create=False, readonly=True) as store:
        G = store.graph()
    return _confident(merge_events(G, options), min_confidence) if merge else G


def _confident(G: nx.MultiDiGraph, min_confidence: float | None) -> nx.MultiDiGraph:
    from kg.extract.confidence import DEFAULT_MIN_CONFIDENCE, drop_unconfident

    return drop_unconfident(G, DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence)


def rdf_file(path: str | Path, *, options: MergeOptions = MergeOptions(), fmt: str = "nt") -> Path:
    """An RDF export of the store's merged graph, for SPARQL (``kg query``, ``kg serve``): the graph ``kg
    export`` writes (events under the default confidence threshold left out). Cached in ``DIR/cache/`` and
    rewritten only when the store, the merge options or the threshold changed; in a temporary folder if the
    store folder is read-only. ``fmt``: "nt" (fastest to write and load) or "ttl"."""
    from kg.extract.confidence import DEFAULT_MIN_CONFIDENCE
    from kg.outputs import rdf

    with Store(path, create=False, readonly=True) as store:
        stamp = store.fingerprint(options)
        cache = store.dir / "cache"
        target = cache / f"graph-{stamp}-c{DEFAULT_MIN_CONFIDENCE:g}.{fmt}"
        if target.exists():
            return target
        G = _confident(merge_events(store.graph(), options), None)
    rdf_fmt = {"nt": "nt", "ttl": "turtle"}.get(fmt, fmt)
    try:
        cache.mkdir(exist_ok=True)
        for old in cache.glob(f"graph-*.{fmt}"):
            old.unlink(missing_ok=True)
        return rdf.write(G, target, fmt=rdf_fmt)
    except OSError:  # a read-only store (or a full disk there): the export goes to a temporary folder
        return rdf.write(G, Path(tempfile.mkdtemp(prefix="kg-store-")) / target.name, fmt=rdf_fmt)
