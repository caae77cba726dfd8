"""``--engine dask``: kg build (and the merge of kg export) on a Dask cluster, with the single-process result.

The client reads the inputs (the same reader as ``kg build``) and cuts the documents into partitions of
about ``partition_words`` words. Then, as a Dask graph:

1. **map**, one task per partition (:func:`kg.scale.tasks.extract_partition`): extraction into the
   partition's graph, its ``mentions.parquet`` part, the merge's first step (reports of one act inside each
   document) and the reports split into ``buckets`` by the hash of their blocking key;
2. **shuffle**: small tasks pick each partition's share of each bucket, on the worker that holds it;
3. **reduce**, one task per bucket (:func:`kg.scale.tasks.merge_bucket`): the merge's second step (reports
   across documents: same modality, participants, root and date precision, dates within the window) and the
   bucket's ``events.parquet`` part.

The client adds the partitions' graphs in input order (as ``kg build`` adds documents) and the merged
events in the merge's order, so the graph, ``events.csv``, ``graph.ttl`` and ``merges.json`` are the ones the
default engine writes. Why exactly: the first step needs one document, and a document is never split; the
second step's clusters never span two blocking keys, and all reports of a key meet in one reduce task,
date windows included (the sweep over dates runs inside the key, so no window is cut by a partition or a
bucket boundary); the order of the result is a total order (date, event id) that does not depend on where
anything ran; a node's attributes are those of its first document in input order, as in one process.
"""

from __future__ import annotations

import contextlib
import logging
import operator
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

import networkx as nx

from kg.graph.merge import MergeOptions, merged_graph
from kg.io.ingest import InputProblem
from kg.model import Document
from kg.result import BuildResult
from kg.scale import tasks
from kg.scale.cluster import ClusterError, ExtractorPlugin, Progress, connect, n_workers, wait_for_workers

PARTITION_WORDS = 20_000

log = logging.getLogger(__name__)


class _Timeline:
    """``kg -v build --engine dask`` logs when each stage ended: wall and this process's CPU seconds since the start."""

    def __init__(self) -> None:
        self.t0, self.c0 = time.perf_counter(), tasks.cpu_seconds()

    def __call__(self, stage: str) -> None:
        log.info("dask %s: %.2f s (client CPU %.2f s)", stage, time.perf_counter() - self.t0, tasks.cpu_seconds() - self.c0)


def partitions(items: Iterable, words: int, on_problem: Callable[[InputProblem], None]) -> Iterator[list[Document]]:
    """Documents in runs of about ``words`` words (at least one document each); problems go to ``on_problem``."""
    batch: list[Document] = []
    n = 0
    for item in items:
        if isinstance(item, InputProblem):
            on_problem(item)
            continue
        batch.append(item)
        n += len(item.text.split())
        if n >= words:
            yield batch
            batch, n = [], 0
    if batch:
        yield batch


def add_partition(G: nx.MultiDiGraph, P: nx.MultiDiGraph) -> None:
    """Add a partition's graph to ``G`` as :func:`kg.graph.build.add_extraction` would have added its
    documents one by one after ``G``'s: a node keeps the attributes of its first document."""
    G.graph.setdefault("documents", {}).update(P.graph.get("documents", {}))
    for n, d in P.nodes(data=True):
        if n not in G:
            G.add_node(n, **d)
        elif d.get("type") == "actor" and G.nodes[n].get("type") != "actor":
            G.add_node(n, **d)
    for u, v, k, d in P.edges(keys=True, data=True):
        G.add_edge(u, v, key=k, **d)


def assemble(G: nx.MultiDiGraph, merged: Iterable[tuple], options: MergeOptions) -> nx.MultiDiGraph:
    """The merged graph from the reduce tasks' events, in :func:`kg.graph.merge.merge_events`' order."""
    return merged_graph(G, (event for _key, *event in sorted(merged, key=operator.itemgetter(0))), options)


def _result(future):
    """A task's result; a task that failed (its worker died again and again) becomes a one-line error."""
    from distributed import CancelledError

    try:
        return future.result()
    except CancelledError:
        raise ClusterError("the Dask cluster cancelled kg's tasks (was the scheduler shut down?)") from None
    except Exception as exc:
        if type(exc).__name__ == "KilledWorker":
            raise ClusterError(f"Dask workers died again and again running a task ({exc}); see the worker logs") from None
        raise


def submit_merge(client, part_futures: list, config: tasks.Config) -> list:
    """The shuffle of the partitions' reports into ``config.buckets`` reduce tasks: their futures (submitted
    as soon as the partitions are: each runs when its inputs are there)."""
    splits = [[client.submit(tasks.bucket, f, b, pure=False) for f in part_futures] for b in range(config.buckets)]
    return [client.submit(tasks.merge_bucket, b, splits[b], config, pure=False) for b in range(config.buckets)]


def gather_merge(reduce: list) -> list[tuple]:
    """The merged events of :func:`submit_merge`'s reduce tasks."""
    merged: list[tuple] = []
    for f in reduce:
        merged.extend(_result(f))
        f.release()
    return merged


def run_merge(client, part_futures: list, config: tasks.Config) -> list[tuple]:
    """Shuffle the partitions' reports into ``config.buckets`` reduce tasks; their merged events."""
    return gather_merge(submit_merge(client, part_futures, config))


def build(
    inputs: Iterable[str | Path],
    *,
    lang: str | None = None,
    ref_date: date | None = None,
    lexicon_files: Iterable[str] = (),
    model: str | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
    merge: MergeOptions | None = None,
    workers: int = 2,
    scheduler: str | None = None,
    client=None,
    parquet_dir: str | Path | None = None,
    partition_words: int = PARTITION_WORDS,
    buckets: int | None = None,
    progress: bool = False,
    on_partition: Callable[[int], None] | None = None,
    syntax=None,
    min_confidence: float | None = None,
    outputs: tuple[str | Path, Iterable[str]] | None = None,
) -> BuildResult:
    """``kg build --engine dask``: :func:`kg.api.build`'s result, computed on a Dask cluster (``client``, or
    the scheduler at ``scheduler``, or a new LocalCluster of ``workers`` processes). ``parquet_dir``: write
    ``events.parquet``, ``mentions.parquet`` and ``actors.parquet`` there (:mod:`kg.scale.parquet`; with a
    remote scheduler it must be a folder the workers can write). ``on_partition(i)``: called as partition
    ``i``'s graph arrives. ``syntax`` and ``min_confidence``: as :func:`kg.api.build`'s (the default mode;
    the graph's default threshold). ``outputs``: ``(outdir, formats)`` to write as :meth:`BuildResult.write`
    does (``kg build``), while the cluster runs: the RDF is serialised on a worker while this process writes
    the others (``result.written``: the files; a failure to write raises :class:`OutputsError`)."""
    from kg.extract.confidence import DEFAULT_MIN_CONFIDENCE, drop_unconfident
    from kg.extract.syntax.use import parse_mode
    from kg.io.inputs import iter_documents

    t0 = time.perf_counter()
    mark = _Timeline()
    options = merge or MergeOptions()
    lexicon_files = tuple(str(Path(f).resolve()) for f in lexicon_files)
    syntax = parse_mode(syntax)  # an unknown mode is one clear error here
    threshold = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence
    if model:
        from kg.extract.extractor import model_language

        model_language(model)  # a missing pipeline is one clear error here, not one per task
    result = BuildResult(graph=nx.MultiDiGraph())

    def problem(p: InputProblem) -> None:
        result.problems.append(p)
        if on_problem:
            on_problem(p)

    with contextlib.ExitStack() as stack:
        if client is None:
            client = stack.enter_context(connect(scheduler, workers, preload=lambda: tasks.extractor_for(lexicon_files, model, preload=True, syntax=syntax)))
        wait_for_workers(client, 1)
        client.register_plugin(ExtractorPlugin(lexicon_files, model, syntax))
        mark("cluster ready")
        nb = buckets or max(2, 2 * n_workers(client))
        stage = None
        if parquet_dir is not None:
            from kg.scale.parquet import discard, new_stage

            stage = new_stage(parquet_dir)
            stack.callback(discard, stage)  # gone after a failure; publish() empties it on success
        config = tasks.Config(lexicon_files=lexicon_files, model=model, options=options, buckets=nb, stage=str(stage) if stage else None,
                              syntax=syntax)
        bar = Progress(client, progress)
        stack.callback(bar.close)
        G = nx.MultiDiGraph()
        G.graph["documents"] = {}
        parts: list = []  # each partition's full result (its reports stay on the workers)
        pending: dict[int, object] = {}  # partition -> future of its graph, not yet added
        arrived: dict[int, dict] = {}
        window = 2 * n_workers(client) + 2  # partitions in flight: enough to keep every worker busy, memory bounded
        nxt = 0

        def take(block: bool) -> None:
            nonlocal nxt
            from distributed import wait

            if block and nxt in pending and not pending[nxt].done():
                wait(list(pending.values()), return_when="FIRST_COMPLETED")
            for i in [i for i, f in pending.items() if f.done()]:
                arrived[i] = _result(pending.pop(i))
            while nxt in arrived:
                piece = arrived.pop(nxt)
                add_partition(G, piece["graph"])
                result.words += piece["words"]
                result.documents += len(piece["graph"].graph.get("documents", {}))
                for p in piece["problems"]:
                    problem(p)
                bar.done(piece["words"])
                if on_partition:
                    on_partition(nxt)
                nxt += 1

        items = iter_documents(inputs, lang=lang, ref_date=ref_date)
        for i, docs in enumerate(partitions(items, partition_words, problem)):
            f = client.submit(tasks.extract_partition, i, docs, config, pure=False)
            parts.append(f)
            pending[i] = client.submit(tasks.graph_of, f, pure=False)
            while len(pending) + len(arrived) >= window:
                take(block=True)
        bar.submitted(len(parts))
        mark(f"inputs read ({len(parts)} partitions)")
        reduce = submit_merge(client, parts, config) if parts else []
        del parts
        while pending or arrived:
            take(block=True)
        mark("partitions extracted")
        merged = gather_merge(reduce)
        del reduce
        mark("merged")
        result.unmerged = G
        result.graph = drop_unconfident(assemble(G, merged, options), threshold)
        mark("graph assembled")
        if stage is not None:
            from kg.outputs.exports import event_frame
            from kg.scale.parquet import publish

            result.parquet = publish(stage, parquet_dir, result.graph, empty_like=event_frame(nx.MultiDiGraph()))
            mark("parquet published")
        if outputs is not None and result.documents:
            t_out = time.perf_counter()
            result.written = write_outputs(client, result.graph, *outputs)
            t0 += time.perf_counter() - t_out  # result.seconds: the build, as kg.api.build's (its outputs not counted)
            mark("outputs written")
        if log.isEnabledFor(logging.INFO):
            log.info("dask workers CPU: %.2f s", sum(client.run(tasks.cpu_seconds).values()))
    mark("cluster closed")
    result.seconds = time.perf_counter() - t0
    return result


class OutputsError(ValueError):
    """An output of ``kg build`` could not be written (a one-line message)."""


def write_outputs(client, G: nx.MultiDiGraph, outdir: str | Path, formats: Iterable[str]) -> dict[str, Path]:
    """:func:`kg.outputs.write.write_outputs` of ``G``, its RDF files serialised on the cluster's workers
    (sent back as bytes: no folder shared with them is needed) while this process writes the others."""
    from kg.outputs.write import RDF_SUFFIXES
    from kg.outputs.write import write_outputs as write_here

    formats = list(formats)
    rdf = [name for name in dict.fromkeys(formats) if name.endswith(RDF_SUFFIXES)]
    try:
        if not rdf:
            return write_here(G, outdir, formats=formats)
        [graph] = client.scatter([G], hash=False)
        futures = {name: client.submit(tasks.rdf_bytes, graph, name, pure=False) for name in rdf}
        return write_here(G, outdir, formats=formats, rendered={name: (lambda f=f: _result(f)) for name, f in futures.items()})
    except (OSError, ValueError) as exc:
        if isinstance(exc, ClusterError):
            raise
        raise OutputsError(f"cannot write outputs: {exc}") from None


def extract_stream(items: Iterable, *, client, extractor, partition_words: int = PARTITION_WORDS) -> Iterator[tuple]:
    """``(document, Extraction | InputProblem)`` in input order for a stream of Documents and InputProblems
    (problems pass straight through), the documents extracted on ``client``'s workers in partitions: the
    stream :meth:`kg.store.store.Store.add` stores from (``kg add --engine dask``). ``extractor``: this
    process's (its lexicon restores the actors that travel as ids)."""
    from distributed import wait

    from kg.model import Extraction

    wait_for_workers(client, 1)
    lexicon_files = tuple(extractor.lexicon_files)
    client.register_plugin(ExtractorPlugin(lexicon_files, extractor.model))
    config = tasks.Config(lexicon_files=lexicon_files, model=extractor.model)
    window = 2 * n_workers(client) + 2
    queue: list[tuple[list, object]] = []  # (documents, future of their extractions), in input order

    def restore(ex):
        if isinstance(ex, Extraction):
            ex.actors = {k: (extractor.lex.actors[v] if isinstance(v, str) else v) for k, v in ex.actors.items()}
        return ex

    def drain(block: bool):
        while queue and (queue[0][1].done() or (block and len(queue) >= window)):
            docs, fut = queue.pop(0)
            wait([fut])
            yield from zip(docs, map(restore, _result(fut)))

    batch: list = []
    words = 0
    for item in items:
        if isinstance(item, InputProblem):
            yield item, item
            continue
        batch.append(item)
        words += len(item.text.split())
        if words >= partition_words:
            queue.append((batch, client.submit(tasks.extract_documents, batch, config, pure=False)))
            batch, words = [], 0
            yield from drain(block=True)
    if batch:
        queue.append((batch, client.submit(tasks.extract_documents, batch, config, pure=False)))
    while queue:
        yield from drain(block=True)
        if queue:
            wait([queue[0][1]])


@contextlib.contextmanager
def store_stream(lexicon_files: Iterable[str] = (), model: str | None = None, *, workers: int = 2, scheduler: str | None = None,
                 client=None, partition_words: int = PARTITION_WORDS):
    """For ``kg add --engine dask``: ``(extractor, stream)``, where ``stream(documents)`` is
    :func:`extract_stream` on a cluster that lives as long as the block."""
    lexicon_files = tuple(str(Path(f).resolve()) for f in lexicon_files)
    extractor = tasks.extractor_for(lexicon_files, model)
    with contextlib.ExitStack() as stack:
        if client is None:
            client = stack.enter_context(connect(scheduler, workers, preload=lambda: tasks.extractor_for(lexicon_files, model, preload=True)))
        yield extractor, lambda docs: extract_stream(docs, client=client, extractor=extractor, partition_words=partition_words)


def merge_graph(G: nx.MultiDiGraph, options: MergeOptions = MergeOptions(), *, client=None, scheduler: str | None = None,
                workers: int = 2, documents_per_partition: int = 500, buckets: int | None = None) -> nx.MultiDiGraph:
    """:func:`kg.graph.merge.merge_events` of ``G`` (a store's unmerged graph: ``kg export --engine dask``)
    on a Dask cluster: ``G`` is cut into partitions of whole documents, scattered to the workers, and merged
    by the same shuffle as :func:`build`. The result is ``merge_events(G, options)``'s."""
    with contextlib.ExitStack() as stack:
        if client is None:
            client = stack.enter_context(connect(scheduler, workers))
        wait_for_workers(client, 1)
        nb = buckets or max(2, 2 * n_workers(client))
        config = tasks.Config(options=options, buckets=nb)
        pieces = [client.submit(tasks.reports_of_graph, P, config, pure=False) for P in client.scatter(list(split_graph(G, documents_per_partition)))]
        merged = run_merge(client, pieces, config) if pieces else []
    return assemble(G, merged, options)


def split_graph(G: nx.MultiDiGraph, documents: int) -> Iterator[nx.MultiDiGraph]:
    """``G`` cut into graphs of about ``documents`` whole documents each (event edges and place links;
    nodes with their attributes), in document order."""
    docs = G.graph.get("documents", {})
    order = {d: i // max(documents, 1) for i, d in enumerate(docs)}
    by_part: dict[int, list] = {}
    events: dict[str, int] = {}
    for u, v, k, d in G.edges(keys=True, data=True):
        if "event_code" in d:
            part = order.get(d["doc_id"], 0)
            events[d["event_id"]] = part
            by_part.setdefault(part, []).append((u, v, k, d))
    for u, v, k, d in G.edges(keys=True, data=True):
        if "event_code" not in d and d.get("event_id") in events:
            by_part[events[d["event_id"]]].append((u, v, k, d))
    for part in sorted(by_part):
        P = nx.MultiDiGraph()
        P.graph["documents"] = {}
        for u, v, k, d in by_part[part]:
            for n in (u, v):
                if n not in P:
                    P.add_node(n, **G.nodes[n])
            P.add_edge(u, v, key=k, **d)
            if "doc_id" in d:
                P.graph["documents"][d["doc_id"]] = docs.get(d["doc_id"], {})
        yield P
