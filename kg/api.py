"""kg's Python API: build an event graph from inputs and write its outputs.

>>> import kg
>>> result = kg.build([kg.sample_path("id-kunjungan.txt")])   # doctest: +SKIP
>>> result.summary()                                           # doctest: +SKIP
{'documents': 1, 'actors': ..., 'events': ...}
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import networkx as nx

from . import graph as graph_mod
from .extract import Extractor
from .ingest import InputProblem, iter_documents
from .model import Document, Extraction
from .resources import data_dir

log = logging.getLogger(__name__)

OUTPUTS = ("graph.ttl", "events.csv", "graph.html")


@dataclass
class BuildResult:
    graph: nx.MultiDiGraph
    problems: list[InputProblem] = field(default_factory=list)
    documents: int = 0
    seconds: float = 0.0
    words: int = 0

    @property
    def failed(self) -> list[InputProblem]:
        return [p for p in self.problems if p.fatal]

    def summary(self) -> dict:
        return graph_mod.summary(self.graph)

    def write(self, outdir: str | Path, *, formats: Iterable[str] = OUTPUTS, title: str | None = None) -> dict[str, Path]:
        return write_outputs(self.graph, outdir, formats=formats, title=title)


def sample_path(name: str = "") -> Path:
    """Path of a bundled sample text (``data/samples/``), or of the folder."""
    return data_dir() / "samples" / name if name else data_dir() / "samples"


def build(
    inputs: Iterable[str | Path],
    *,
    lang: str | None = None,
    ref_date: date | None = None,
    lexicon_files: Iterable[str] = (),
    model: str | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
    on_document: Callable[[Document, Extraction], None] | None = None,
    workers: int = 1,
) -> BuildResult:
    """Read ``inputs`` (files, folders, JSONL), extract events and merge them into one graph.

    Bad inputs do not stop the build: they are collected in ``result.problems`` (and passed to
    ``on_problem`` as they happen). ``workers > 1`` extracts in that many forked processes.
    """
    t0 = time.perf_counter()
    extractor = Extractor(lexicon_files=lexicon_files, model=model)
    G = graph_mod.build_graph(())
    result = BuildResult(graph=G)
    items = iter_documents(inputs, lang=lang, ref_date=ref_date)
    for item, ex in extract_stream(extractor, items, workers=workers):
        if isinstance(ex, InputProblem) or isinstance(item, InputProblem):
            problem = ex if isinstance(ex, InputProblem) else item
            result.problems.append(problem)
            if on_problem:
                on_problem(problem)
            continue
        graph_mod.add_extraction(G, ex)
        result.documents += 1
        result.words += len(item.text.split())
        if on_document:
            on_document(item, ex)
    result.seconds = time.perf_counter() - t0
    return result


_WORKER: Extractor | None = None


def _extract_one(doc: Document) -> Extraction | InputProblem:
    try:
        return _WORKER.extract(doc)  # type: ignore[union-attr]
    except Exception as exc:  # a bug on one document must not cost the batch
        log.debug("extraction failed", exc_info=True)
        return InputProblem(doc.source, f"extraction failed ({type(exc).__name__}: {exc}); please report this")


def extract_stream(extractor: Extractor, items, *, workers: int = 1, chunksize: int = 8):
    """Yield ``(item, Extraction | InputProblem)`` for a stream of Documents and InputProblems, in order.

    With ``workers > 1`` documents are extracted in forked processes that inherit the loaded pipelines
    (load them first, so that the fork shares them); problems pass straight through.
    """
    global _WORKER
    _WORKER = extractor
    if workers <= 1:
        for item in items:
            yield item, item if isinstance(item, InputProblem) else _extract_one(item)
        return
    import itertools
    import multiprocessing as mp

    for lang in _languages():
        extractor.nlp(lang)
    ctx = mp.get_context("fork")
    with ctx.Pool(workers) as pool:
        items = iter(items)
        while True:
            batch = list(itertools.islice(items, 256))
            if not batch:
                break
            docs = [x for x in batch if isinstance(x, Document)]
            results = iter(pool.imap(_extract_one, docs, chunksize=chunksize))
            for x in batch:
                yield x, x if isinstance(x, InputProblem) else next(results)


def _languages() -> list[str]:
    from .resources import languages

    return languages()


def write_outputs(
    G: nx.MultiDiGraph, outdir: str | Path, *, formats: Iterable[str] = OUTPUTS, title: str | None = None
) -> dict[str, Path]:
    """Write the requested outputs of ``G`` into ``outdir`` (each file atomically)."""
    from . import rdf, table, viz

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
    return written


def _stderr_progress() -> Callable[[Document, Extraction], None] | None:
    if not sys.stderr.isatty():
        return None
    state = {"n": 0, "t0": time.perf_counter()}

    def tick(doc: Document, ex: Extraction) -> None:
        state["n"] += 1
        rate = state["n"] / max(time.perf_counter() - state["t0"], 1e-9)
        sys.stderr.write(f"\r{state['n']} documents, {rate:.1f} docs/s, last: {doc.id[:40]:<40}")
        sys.stderr.flush()

    return tick
