"""``kg export --format nq --parts N``: the graph's RDF as N N-Quads files, for a SPARQL server's bulk loader.

N-Quads is one statement a line and kg's RDF has no blank nodes, so any line is valid alone: the parts are
cut at statement boundaries into files of about equal size (each chunk of statements goes to the smallest
part so far), and a loader can read them in parallel (``oxigraph load --file OUT/graph.nq.parts/*.nq``
does). Each quad keeps its named graph (the source document), as in ``graph.nq``. The folder is written
whole or not at all: parts are staged beside it and the folder replaces the previous one.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

PARTS_FOLDER = "graph.nq.parts"
CHUNK = 200  # statements serialised at a time (then sent to the smallest part)


def write_parts(G: nx.MultiDiGraph, folder: str | Path, parts: int) -> list[Path]:
    """Write the RDF of ``G`` as ``folder/part-00000.nq`` ... (``parts`` files, some possibly empty for a
    tiny graph); returns their paths."""
    from kg.outputs.rdf.write import triples

    if parts < 1:
        raise ValueError("parts must be at least 1")
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    stage = folder.parent / f".{folder.name}.{uuid.uuid4().hex[:12]}.tmp"
    stage.mkdir()
    try:
        paths = [stage / f"part-{i:05d}.nq" for i in range(parts)]
        files = [p.open("wb") for p in paths]
        sizes = [0] * parts
        default = ox.DefaultGraph()
        try:
            chunk: list = []
            for s, p, o, g in triples(G):
                chunk.append(ox.Quad(s, p, o, g if g is not None else default))
                if len(chunk) >= CHUNK:
                    _flush(chunk, files, sizes)
                    chunk = []
            _flush(chunk, files, sizes)
            for fh in files:
                fh.flush()
                os.fsync(fh.fileno())
        finally:
            for fh in files:
                fh.close()
        old = folder.parent / f".{folder.name}.{uuid.uuid4().hex[:12]}.old"
        if folder.exists():
            os.replace(folder, old)
        os.replace(stage, folder)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return [folder / p.name for p in paths]


def _flush(chunk: list, files: list, sizes: list[int]) -> None:
    if not chunk:
        return
    data = ox.serialize(chunk, None, ox.RdfFormat.N_QUADS)
    i = min(range(len(sizes)), key=sizes.__getitem__)
    files[i].write(data)
    sizes[i] += len(data)
