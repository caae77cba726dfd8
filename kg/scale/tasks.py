"""What runs on a Dask worker: extraction of one partition of documents (with the merge's first step and the
split of its reports by blocking key), and the merge's second step for one hash bucket of blocking keys.

Everything here is a pure function of its arguments (and of kg's data), so a task that Dask runs again
(its worker died, its result was lost) gives the same result: a killed worker never changes the output.
The Extractor (lexicon, spaCy pipelines for every language) is made once per worker process and kept in
:data:`_EXTRACTORS`; :class:`kg.scale.cluster.ExtractorPlugin` makes it when the worker starts.
"""

from __future__ import annotations

import json
import logging
import threading
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.caching import settings_key
from kg.graph.merge import MergeOptions

log = logging.getLogger(__name__)

LOADS = 0  # Extractors made in this process (a worker makes one, whatever the number of tasks it runs)
_EXTRACTORS: dict[tuple, object] = {}
_LOCK = threading.Lock()  # a worker with several threads extracts one document at a time (spaCy pipelines are shared)


@dataclass(frozen=True)
class Config:
    """What every task of one run needs (small: sent with each task)."""

    lexicon_files: tuple[str, ...] = ()
    model: str | None = None
    options: MergeOptions = field(default_factory=MergeOptions)
    buckets: int = 4
    stage: str | None = None  # a folder the workers can write: Parquet parts are staged there
    syntax: frozenset | None = None  # how the parse is used (kg.extract.syntax.use.parse_mode); None: the default


def extractor_for(lexicon_files: tuple[str, ...] = (), model: str | None = None, *, preload: bool = False, syntax=None):
    """This process's Extractor for a lexicon, model and syntax mode (made on first use, then reused).
    ``preload``: also load every language's pipeline now, and run the tasks once on the bundled samples
    (a worker does it when it starts, not in its first task; a LocalCluster's client does it once before
    its workers are forked from it)."""
    global LOADS
    from kg.extract.syntax.use import parse_mode

    syntax = parse_mode(syntax)
    key = (tuple(lexicon_files), model, settings_key(), syntax)
    with _LOCK:
        extractor = _EXTRACTORS.get(key)
        if extractor is None:
            from kg.extract.extractor import Extractor

            extractor = Extractor(lexicon_files=lexicon_files, model=model, syntax=syntax)
            _EXTRACTORS[key] = extractor
            LOADS += 1
        warm = preload and not getattr(extractor, "_kg_scale_warm", False)
        if warm:
            from kg.resources import languages

            for lang in languages():
                extractor.nlp(lang)
            extractor._kg_scale_warm = True
    if warm:
        _warm_up(Config(lexicon_files=tuple(lexicon_files), model=model, syntax=syntax, buckets=1))
    return extractor


def _warm_up(config: Config) -> None:
    """The tasks of one run on the bundled samples, Parquet parts into a temporary folder: loads what
    extraction (dictionaries of later layers...), the merge and the Parquet writer (pandas, pyarrow) load
    lazily on first use, once, here, and not in each forked worker's first tasks."""
    import tempfile
    from dataclasses import replace

    from kg.io.inputs import iter_documents
    from kg.model import Document
    from kg.resources import data_dir, languages
    from kg.scale.parquet import actor_frame

    # each sample in the language its name starts with: identifying it would load the language identifier,
    # which the workers never use (their documents come with their language)
    samples = data_dir() / "samples"
    docs = [doc for lang in languages() for doc in iter_documents(sorted(samples.glob(f"{lang}-*.txt")), lang=lang) if isinstance(doc, Document)]
    with tempfile.TemporaryDirectory(prefix="kg-warm-") as stage:
        config = replace(config, stage=stage)
        part = extract_partition(0, docs, config)
        merge_bucket(0, [bucket(part, 0)], config)
        actor_frame(part["graph"])


def cpu_seconds() -> float:
    """This process's CPU time so far (user and system; ``kg -v build --engine dask`` logs the workers')."""
    import os

    t = os.times()
    return t.user + t.system


def loads() -> int:
    """How many Extractors this process has made (``client.run(kg.scale.tasks.loads)`` asks every worker)."""
    return LOADS


def _extract(extractor, doc):
    from kg.io.ingest import InputProblem

    try:
        with _LOCK:
            return extractor.extract(doc)
    except Exception as exc:  # a bug on one document must not cost the partition (as in kg.extract.parallel)
        log.debug("extraction failed", exc_info=True)
        return InputProblem(doc.source, f"extraction failed ({type(exc).__name__}: {exc}); please report this")


def _extract_all(extractor, docs: list) -> list:
    """Each document's Extraction (or InputProblem), in order, extracted in batches as ``kg build`` does
    (:func:`kg.extract.extractor.doc_batches`: their sentences parsed together, ~20% less CPU than one
    document at a time); a batch that fails is extracted one by one, so that a bad document costs only itself."""
    from kg.extract.extractor import doc_batches

    out: list = []
    for batch in doc_batches(docs):
        try:
            with _LOCK:
                out.extend(extractor.extract_batch(batch))
        except Exception:
            log.debug("batch extraction failed; extracting one by one", exc_info=True)
            out.extend(_extract(extractor, doc) for doc in batch)
    return out


def bucket_of(key: tuple, buckets: int) -> int:
    """The hash bucket of a blocking key, the same in every process (Python's own ``hash`` of a string is
    not: it is salted per process)."""
    parts = [sorted(x) if isinstance(x, frozenset) else x for x in key]
    return zlib.crc32(json.dumps(parts, ensure_ascii=False).encode("utf-8")) % buckets


def split_reports(G: nx.MultiDiGraph, options: MergeOptions, buckets: int) -> list[tuple[list, dict]]:
    """The merge's first step on a graph holding whole documents (reports of one act inside each document:
    it needs nothing outside the document), and the reports split into ``buckets`` by their blocking key.
    Each bucket comes with the metadata of the documents its reports are from."""
    from kg.graph.merge import document_reports, mentions_of, report_key

    mentions = mentions_of(G)
    if options.enabled:
        reports = document_reports(mentions, options)
        keys = [report_key(rep) for rep in reports]
    else:  # every mention its own event
        reports = [[m] for m in mentions.values()]
        keys = [("single", m.event_id) for m in mentions.values()]
    out: list[list] = [[] for _ in range(buckets)]
    for rep, key in zip(reports, keys):
        out[bucket_of(key, buckets)].append(rep)
    docs = G.graph.get("documents", {})
    return [(reps, {d: docs.get(d, {}) for d in sorted({m.doc_id for r in reps for m in r})}) for reps in out]


def extract_partition(index: int, docs: list, config: Config) -> dict:
    """Extract one partition of documents into its (unmerged) graph, stage its ``mentions.parquet`` part,
    and split its reports for the merge. Returns ``{"graph", "problems", "words", "buckets"}``."""
    from kg.graph.build import add_extraction, build_graph
    from kg.io.ingest import InputProblem

    extractor = extractor_for(config.lexicon_files, config.model, syntax=config.syntax)
    G = build_graph(())
    problems, words = [], 0
    for doc, ex in zip(docs, _extract_all(extractor, docs)):
        if isinstance(ex, InputProblem):
            problems.append(ex)
            continue
        add_extraction(G, ex)  # every report: the threshold applies to merged events (kg.api.build)
        words += len(doc.text.split())
    if config.stage:
        from kg.outputs.exports import event_frame
        from kg.scale.parquet import write_part

        write_part(event_frame(G), Path(config.stage) / "mentions.parquet", index)
    return {"graph": G, "problems": problems, "words": words, "buckets": split_reports(G, config.options, config.buckets)}


def reports_of_graph(G: nx.MultiDiGraph, config: Config) -> dict:
    """A partition of an existing graph (whole documents) split for the merge, as :func:`extract_partition` does."""
    return {"buckets": split_reports(G, config.options, config.buckets)}


def extract_documents(docs: list, config: Config) -> list:
    """Each document's Extraction (or InputProblem), for a client that stores them (``kg add --engine dask``).
    Actors of the lexicon travel as their ids (the client has the same lexicon), as in kg.extract.parallel."""
    from kg.model import Extraction

    extractor = extractor_for(config.lexicon_files, config.model, syntax=config.syntax)
    out = _extract_all(extractor, docs)
    for ex in out:
        if isinstance(ex, Extraction):
            lex = extractor.lex
            ex.actors = {k: (k if lex.actors.get(k) is v else v) for k, v in ex.actors.items()}
    return out


def graph_of(result: dict) -> dict:
    """The part of a partition's result the client gathers (the reports stay on the workers)."""
    return {k: v for k, v in result.items() if k != "buckets"}


def rdf_bytes(G: nx.MultiDiGraph, name: str) -> bytes:
    """The RDF file ``name`` of ``G`` (its format from the suffix), as :func:`kg.outputs.rdf.write` writes it."""
    from kg.outputs.rdf.write import format_of, serialize

    return serialize(G, format_of(name))


def bucket(result: dict, b: int) -> tuple[list, dict]:
    return result["buckets"][b]


def merge_bucket(index: int, splits: list[tuple[list, dict]], config: Config) -> list[tuple]:
    """The merge's second step for one hash bucket (every blocking key whose hash falls in it, each key's
    reports from every partition): the merged events as ``(sort key, event id, edges, merges record)``.
    Stages the bucket's ``events.parquet`` part (the rows events.csv has for these events)."""
    from kg.graph.merge import _sort_key, cluster_reports, merged_event, report_key

    options = config.options
    docs: dict = {}
    reports: list = []
    for reps, meta in splits:
        reports.extend(reps)
        docs.update(meta)
    if options.enabled:
        groups: dict[tuple, list] = defaultdict(list)
        for rep in reports:
            groups[report_key(rep)].append(rep)
        clusters = [c for reps in groups.values() for c in cluster_reports(reps, options)]
    else:
        clusters = reports
    out = []
    for members in clusters:
        mid, edges, record = merged_event(members, docs, options)
        out.append((_sort_key(members[0]), mid, edges, record))
    if config.stage:
        from kg.outputs.exports import event_frame
        from kg.scale.parquet import write_part

        H = nx.MultiDiGraph()
        H.graph["documents"] = docs
        for _key, _mid, edges, _record in out:
            for u, v, k, d in edges:
                H.add_edge(u, v, key=k, **d)
        write_part(event_frame(H), Path(config.stage) / "events.parquet", index)
    return out
