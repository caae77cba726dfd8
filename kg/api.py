"""kg's Python API: every command is one call here (sqlite-utils style: the CLI is a thin layer over it).

- :func:`build`: inputs -> a merged event graph (a :class:`~kg.result.BuildResult`), written with ``.write``;
- :func:`add`: inputs -> a persistent store (``kg add``); :func:`export`: a store -> output files;
- :func:`open`: any saved graph (an export, a build folder, a store) -> a :class:`~kg.result.BuildResult`.

>>> import kg
>>> result = kg.build([kg.sample_path("id-kunjungan.txt")])   # doctest: +SKIP
>>> result.summary()                                           # doctest: +SKIP
{'documents': 1, 'actors': ..., 'events': ...}
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from kg.extract.extractor import Extractor
from kg.extract.parallel import extract_stream
from kg.graph import build as graph_mod
from kg.graph.merge import MergeOptions, merge_events
from kg.io.decode import FieldMap
from kg.io.ingest import InputProblem
from kg.io.inputs import Progress, iter_documents, iter_inputs
from kg.model import Document, Extraction
from kg.outputs.write import OUTPUTS, write_outputs
from kg.query.open import open_graph
from kg.resources import data_dir
from kg.result import BuildResult
from kg.store.fragments import AddResult
from kg.store.store import Store

log = logging.getLogger(__name__)


def open(source: str | Path) -> BuildResult:  # noqa: A001 - kg.open, as in the README
    """``kg.open``: a :class:`~kg.result.BuildResult` (tables, analytics, SPARQL, view) of the graph saved in
    ``source``: an RDF export, a ``kg build`` output folder or a ``kg add`` store. Every command that reads
    a saved graph reads it through here.

    >>> import kg
    >>> kg.open("no/such/place")
    Traceback (most recent call last):
    ...
    kg.query.sources.MissingSource: no/such/place: no such file or folder
    """
    t0 = time.perf_counter()
    G = open_graph(source)
    return BuildResult(graph=G, documents=len(G.graph.get("documents", {})), seconds=time.perf_counter() - t0)


def load(path: str | Path) -> BuildResult:
    """The same as :func:`open` (kept for scripts written before ``kg.open``)."""
    return open(path)


def add(
    inputs: Iterable[str | Path],
    store: str | Path,
    *,
    lang: str | None = None,
    ref_date: date | None = None,
    lexicon_files: Iterable[str] = (),
    model: str | None = None,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    fields: FieldMap | str | None = None,
    commit_every: int = 32,
    timeout: float | None = 300,
    workers: int = 1,
    on_problem: Callable[[InputProblem], None] | None = None,
    on_document: Callable | None = None,
    progress: Progress | None = None,
    stats: dict | None = None,
    engine: str = "local",
    **dask_options,
) -> AddResult:
    """``kg add``: read ``inputs`` (files, folders, ``-``; text, HTML, JSONL, CSV, gzip'd or not) and add
    every new document's extraction to the store in folder ``store`` (created if needed). A document
    already stored is skipped before extraction; each is stored whole or not at all (:mod:`kg.store`).
    ``fields``: JSONL/CSV field names (``"text=body,date=published"`` or a :class:`FieldMap`). ``stats``: a dict
    filled with the store's statistics when it is closed, also when the run was stopped (Ctrl-C).
    ``engine="dask"``: extraction on a Dask cluster (``dask_options``: :func:`kg.scale.engine.store_stream`'s)."""
    fieldmap = fields if isinstance(fields, FieldMap) else FieldMap.parse(fields)
    st = Store(store, commit_every=commit_every)
    try:
        with contextlib.ExitStack() as on_dask:
            if engine == "dask":
                from kg.scale.engine import store_stream

                extractor, stream = on_dask.enter_context(store_stream(lexicon_files, model, workers=workers, **dask_options))
            else:
                extractor, stream = Extractor(lexicon_files=lexicon_files, model=model), None
            items = iter_inputs(inputs, lang=lang, ref_date=ref_date, include=tuple(include), exclude=tuple(exclude),
                                fieldmap=fieldmap, progress=progress or Progress())  # fmt: skip
            return st.add(items, extract=extractor.extract, on_problem=on_problem, on_document=on_document,
                          timeout=timeout or None, workers=workers, extractor=extractor, stream=stream)  # fmt: skip
    finally:
        try:
            if stats is not None:
                stats.update(st.stats())
        finally:
            st.close(commit=False)  # add() has written every complete document; nothing else is pending


def export(
    store: str | Path,
    outdir: str | Path,
    *,
    formats: Iterable[str] = OUTPUTS,
    options: MergeOptions = MergeOptions(),
    title: str | None = None,
    parts: int | None = None,
    engine: str = "local",
    min_confidence: float | None = None,
    **dask_options,
) -> tuple[BuildResult, dict[str, Path]]:
    """``kg export``: the merged event graph of the store in ``store``, written into ``outdir`` (each file
    atomically, with ``merges.json``). Returns the graph (as :func:`open` would) and the files written.
    ``parts``: also the N-Quads in that many files for bulk loading (:mod:`kg.scale.parts`); ``engine="dask"``:
    the merge on a Dask cluster (:func:`kg.scale.engine.merge_graph`, same result; ``dask_options``: its options).
    ``min_confidence``: merged events below it are left out (an event is as confident as its best report; default: the graph's threshold,
    :data:`kg.extract.confidence.DEFAULT_MIN_CONFIDENCE`; 0 keeps all; the store itself keeps every report)."""
    from kg.extract.confidence import DEFAULT_MIN_CONFIDENCE, drop_unconfident

    threshold = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence
    t0 = time.perf_counter()
    with Store(store, create=False, readonly=True) as st:
        if engine == "dask":
            from kg.scale.engine import merge_graph

            G = drop_unconfident(merge_graph(st.graph(), options, **dask_options), threshold)
        else:
            G = drop_unconfident(merge_events(st.graph(), options), threshold)
    written = write_outputs(G, outdir, formats=formats, title=title)
    if parts:
        from kg.scale.parts import PARTS_FOLDER, write_parts

        written[PARTS_FOLDER] = write_parts(G, Path(outdir) / PARTS_FOLDER, parts)[0].parent
    return BuildResult(graph=G, documents=len(G.graph.get("documents", {})), seconds=time.perf_counter() - t0), written


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
    merge: MergeOptions | None = None,
    engine: str = "local",
    min_confidence: float | None = None,
    syntax=None,
    **dask_options,
) -> BuildResult:
    """Read ``inputs`` (files, folders, JSONL), extract events and merge them into one graph.

    Bad inputs do not stop the build: they are collected in ``result.problems`` (and passed to
    ``on_problem`` as they happen). ``workers > 1`` extracts in that many forked processes.
    Reports of one act (headline, lead and recap of an article; several articles) become one event with
    the rules ``kg export`` applies to a store (:func:`kg.graph.merge.merge_events`; ``merge``: its options,
    ``MergeOptions(enabled=False)`` keeps every report its own event); ``result.unmerged`` has every report.
    ``engine="dask"``: the same result computed on a Dask cluster (:func:`kg.scale.engine.build`, which takes
    ``dask_options`` such as ``scheduler`` and ``parquet_dir``; ``workers`` is then the LocalCluster's size).
    ``min_confidence``: merged events of lower confidence (an event is as confident as its best report) are
    left out of ``result.graph``, while ``result.unmerged`` keeps every report (default: the graph's threshold,
    :data:`kg.extract.confidence.DEFAULT_MIN_CONFIDENCE`; 0 keeps every event). ``syntax``: how the parse is
    used (:mod:`kg.extract.syntax.use`; default ``"full,veto"``, False = the window rules only).
    """
    from kg.extract.confidence import DEFAULT_MIN_CONFIDENCE, drop_unconfident

    threshold = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence
    if engine == "dask":
        from kg.scale.engine import build as build_on_dask

        return build_on_dask(inputs, lang=lang, ref_date=ref_date, lexicon_files=lexicon_files, model=model,
                             on_problem=on_problem, merge=merge, workers=workers, syntax=syntax,
                             min_confidence=threshold, **dask_options)  # fmt: skip
    if engine != "local" or dask_options:
        raise ValueError(f"engine must be local or dask, not {engine!r}" if engine != "local" else f"options only for engine dask: {', '.join(dask_options)}")
    t0 = time.perf_counter()
    extractor = Extractor(lexicon_files=lexicon_files, model=model, syntax=syntax)
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
    result.unmerged = G  # every report, whatever its confidence
    result.graph = drop_unconfident(merge_events(G, merge or MergeOptions()), threshold)
    result.seconds = time.perf_counter() - t0
    return result


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
