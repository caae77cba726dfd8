"""A document's piece of the event graph, as the store keeps it."""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass, field

import networkx as nx

from kg.errors import StoreError  # noqa: F401 - raised here, defined with the other domain errors
from kg.graph import build as graph_mod
from kg.io.ingest import InputProblem
from kg.model import Extraction


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class AddResult:
    added: int = 0
    duplicates: int = 0  # already in the store (same text): nothing written
    renamed: int = 0  # an id already used by another text: stored as ``id~sha8``
    failed: int = 0  # extraction failed on the document (reported as a problem)
    repaired: int = 0  # incomplete documents of an interrupted older run, removed to be extracted again
    words: int = 0
    events: int = 0
    seconds: float = 0.0
    problems: list[InputProblem] = field(default_factory=list)

    @property
    def bad_inputs(self) -> list[InputProblem]:
        return [p for p in self.problems if p.fatal]


def fragment(ex: Extraction) -> dict:
    """The piece of the event graph one document contributes (JSON-ready)."""
    g = nx.MultiDiGraph()
    g.graph["documents"] = {}
    graph_mod.add_extraction(g, ex)
    doc_id = ex.document.id
    return {
        "doc": [doc_id, g.graph["documents"][doc_id]],
        "nodes": [[n, a] for n, a in g.nodes(data=True)],
        "edges": [[u, v, k, a] for u, v, k, a in g.edges(keys=True, data=True)],
    }


def _pack(obj: dict) -> bytes:
    return zlib.compress(json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8"), 6)


def _unpack(blob: bytes) -> dict:
    return json.loads(zlib.decompress(blob).decode("utf-8"))


def add_fragment(G: nx.MultiDiGraph, frag: dict) -> None:
    """Add one stored document piece to ``G`` (same rules as :func:`kg.graph.build.add_extraction`)."""
    doc_id, meta = frag["doc"]
    G.graph.setdefault("documents", {})[doc_id] = meta
    for n, attrs in frag["nodes"]:
        if n in G and G.nodes[n].get("type") == attrs.get("type"):
            continue
        G.add_node(n, **attrs)
    for u, v, k, attrs in frag["edges"]:
        G.add_edge(u, v, key=k, **attrs)
