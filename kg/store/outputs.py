"""Reading a store: its merged graph and an RDF file of it (its outputs: :func:`kg.api.export`, ``kg export``)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import networkx as nx

from kg.errors import StoreError  # noqa: F401 - raised here, defined with the other domain errors
from kg.graph.merge import MergeOptions, merge_events
from kg.store.store import Store


def graph_from_store(path: str | Path, *, merge: bool = True, options: MergeOptions = MergeOptions()) -> nx.MultiDiGraph:
    """The event graph of the store in folder ``path``: merged across documents (default) or one event
    per mention (``merge=False``). This is what ``kg export``, ``kg query --store`` and ``kg view --store``
    work on."""
    with Store(path, create=False, readonly=True) as store:
        G = store.graph()
    return merge_events(G, options) if merge else G


def rdf_file(path: str | Path, *, options: MergeOptions = MergeOptions(), fmt: str = "nt") -> Path:
    """An RDF export of the store's merged graph, for SPARQL (``kg query``): cached in ``DIR/cache/``
    and rewritten only when the store or the merge options changed; in a temporary folder if the store
    folder is read-only. ``fmt``: "nt" (fastest to write and load) or "ttl"."""
    from kg.outputs import rdf

    with Store(path, create=False, readonly=True) as store:
        stamp = store.fingerprint(options)
        cache = store.dir / "cache"
        target = cache / f"graph-{stamp}.{fmt}"
        if target.exists():
            return target
        G = merge_events(store.graph(), options)
    rdf_fmt = {"nt": "nt", "ttl": "turtle"}.get(fmt, fmt)
    try:
        cache.mkdir(exist_ok=True)
        for old in cache.glob(f"graph-*.{fmt}"):
            old.unlink(missing_ok=True)
        return rdf.write(G, target, fmt=rdf_fmt)
    except OSError:  # a read-only store (or a full disk there): the export goes to a temporary folder
        return rdf.write(G, Path(tempfile.mkdtemp(prefix="kg-store-")) / target.name, fmt=rdf_fmt)
