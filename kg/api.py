"""kg's Python API: build an event graph from inputs and write its outputs.

>>> import kg
>>> result = kg.build([kg.sample_path("id-kunjungan.txt")])   # doctest: +SKIP
>>> result.summary()                                           # doctest: +SKIP
{'documents': 1, 'actors': ..., 'events': ...}
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import networkx as nx

from . import graph as graph_mod
from .extract import Extractor
from .ingest import InputProblem, iter_documents
from .merge import MERGES_FILE, MergeOptions, merge_events, write_merges
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
    unmerged: nx.MultiDiGraph | None = None  # one event per report (``graph`` has reports of one act merged)

    @property
    def failed(self) -> list[InputProblem]:
        return [p for p in self.problems if p.fatal]

    def summary(self) -> dict:
        return graph_mod.summary(self.graph)

    def write(self, outdir: str | Path, *, formats: Iterable[str] = OUTPUTS, title: str | None = None) -> dict[str, Path]:
        return write_outputs(self.graph, outdir, formats=formats, title=title)

    # -- the analyst API (kg.analytics over this graph; tables are pandas DataFrames) ------------------
    # ``by="code"`` (the default) gathers each state with its leaders, ministries and forces, each
    # organisation with its officials (:func:`kg.analytics.collapse`); ``by="actor"`` keeps every actor.
    # Actor arguments take ids, codes, names or aliases in any language ("Rusia", "RUS", "Putin").
    # ``**filters``: since, until, event_class, quad_class, modality, min_confidence, lang.

    def graph_by(self, by: str = "code") -> nx.MultiDiGraph:
        """The event graph with actors gathered ``by`` "code" (cached) or as built (``by="actor"``)."""
        from .analytics import collapse

        if by == "actor":
            return self.graph
        cache = self.__dict__.setdefault("_collapsed", {})
        stamp = (id(self.graph), self.graph.number_of_nodes(), self.graph.number_of_edges())
        if cache.get("stamp") != stamp:
            cache.update(stamp=stamp, graph=collapse(self.graph, by))
        return cache["graph"]

    @property
    def events(self):
        """The event table as a pandas DataFrame (one row per source-target pair; typed columns)."""
        from .exports import event_frame

        return event_frame(self.graph)

    def resolve(self, actor: str, *, by: str = "code") -> str:
        """The node an actor argument names ("Putin" -> ``RUS`` by code, ``vladimir_putin`` by actor)."""
        from .analytics import resolve_actor

        return resolve_actor(self.graph_by(by), actor)

    def stats(self, *, by: str = "code", top: int = 5, **filters) -> dict:
        """Overview: documents, actors, events per quad class, root and month, top actors and dyads."""
        from .analytics import overview

        return overview(self.graph_by(by), top=top, **filters)

    def activity(self, *, by: str = "code", **filters):
        """Actors by events, with partners, PageRank and betweenness (a DataFrame indexed by actor)."""
        import pandas as pd

        from .analytics import centrality

        table = centrality(self.graph_by(by), **filters)
        return pd.DataFrame.from_dict(table, orient="index").rename_axis("actor")

    def communities(self, *, by: str = "code", on: str = "cooperation", **filters) -> list[list[str]]:
        """Blocs (Louvain communities of cooperation, by default), largest first."""
        from .analytics import communities

        return communities(self.graph_by(by), on=on, **filters)

    def brokers(self, *, by: str = "code", **filters):
        """Actors whose events reach more than one bloc (a DataFrame)."""
        import pandas as pd

        from .analytics import brokers

        return pd.DataFrame(brokers(self.graph_by(by), **filters))

    def dyads(self, kind: str | None = None, *, top: int | None = 10, by: str = "code", **filters):
        """The strongest pairs (``kind`` None, "cooperation" or "conflict") as a DataFrame."""
        import pandas as pd

        from .analytics import dyads

        rows = dyads(self.graph_by(by), kind=kind, top=top, **filters)
        flat = [{"a": r["pair"][0], "b": r["pair"][1], "name_a": r["names"][0], "name_b": r["names"][1], "events": r["events"],
                 "cooperation": r["cooperation"], "conflict": r["conflict"], "goldstein": r["goldstein"],
                 **{f"q{q}": n for q, n in r["quad"].items()}, "first": r["first"], "last": r["last"]} for r in rows]  # fmt: skip
        return pd.DataFrame(flat, columns=["a", "b", "name_a", "name_b", "events", "cooperation", "conflict", "goldstein",
                                           "q1", "q2", "q3", "q4", "first", "last"])  # fmt: skip

    def neighbors(self, actor: str, *, hops: int = 1, by: str = "code", **filters):
        """An actor's partners and adversaries within ``hops`` (a DataFrame)."""
        import pandas as pd

        from .analytics import neighbors

        G = self.graph_by(by)
        return pd.DataFrame(neighbors(G, self.resolve(actor, by=by), hops=hops, **filters),
                            columns=["actor", "name", "hops", "events", "cooperation", "conflict", "goldstein", "out", "in", "via"])  # fmt: skip

    def timeline(self, a: str, b: str | None = None, *, freq: str = "month", by: str = "code", **filters):
        """A dyad's (or one actor's) events, Goldstein sum and quad-class counts per period (a DataFrame)."""
        import pandas as pd

        from .analytics import timeline

        na = self.resolve(a, by=by)
        nb = self.resolve(b, by=by) if b else None
        rows = timeline(self.graph_by(by), na, nb, freq=freq, **filters)
        return pd.DataFrame(rows, columns=["period", "start", "events", "goldstein", "q1", "q2", "q3", "q4"])

    def paths(self, a: str, b: str, *, k: int | None = None, by: str = "code", **filters) -> list[dict]:
        """The shortest chains of events between two actors, or (with ``k``) all chains of at most k hops."""
        from .analytics import shortest_paths, simple_paths

        G, na, nb = self.graph_by(by), self.resolve(a, by=by), self.resolve(b, by=by)
        return shortest_paths(G, na, nb, **filters) if k is None else simple_paths(G, na, nb, k=k, **filters)

    def ego(self, actor: str, *, hops: int = 1, by: str = "code", **filters) -> nx.MultiDiGraph:
        """The actor's ego network within ``hops`` (and the filters' period) as a networkx graph."""
        from .analytics import ego_network

        return ego_network(self.graph_by(by), self.resolve(actor, by=by), hops=hops, **filters)

    def query(self, sparql: str):
        """Run SPARQL over this graph's RDF (kg's prefixes predeclared); the answer as a DataFrame."""
        import pandas as pd
        import pyoxigraph as ox

        from .rdf import to_rdf
        from .sparql import execute, results_rows

        cache = self.__dict__.setdefault("_store", {})
        stamp = (id(self.graph), self.graph.number_of_nodes(), self.graph.number_of_edges())
        if cache.get("stamp") != stamp:
            store = ox.Store()
            store.load(to_rdf(self.graph).serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
            cache.update(stamp=stamp, store=store)
        names, rows = results_rows(execute(cache["store"], sparql))
        return pd.DataFrame(rows, columns=names)

    def view(self, actor: str | None = None, *, hops: int = 1, title: str | None = None, height: int = 600, **filters):
        """The interactive view, for Jupyter: an isolated (sandboxed) iframe that works offline. With
        ``actor``, its ego network within ``hops``; ``**filters`` narrow the events shown. The object
        displays itself as a cell's last value (``display(result.view())`` elsewhere); ``.html`` is the page.
        """
        from .analytics import ego_network, filter_events, resolve_actor
        from .exports import NotebookView
        from .viz import render_html

        G = self.graph
        if actor is not None:
            G = ego_network(G, resolve_actor(G, actor), hops=hops, keep_places=True, **filters)
        elif filters:
            G = filter_events(G, keep_places=True, **filters)
        heading = title or (f"kg: {actor} within {hops} hop{'s' if hops != 1 else ''}" if actor else "kg event graph")
        return NotebookView(render_html(G, title=heading), height=height, title=heading)

    def export(self, path: str | Path) -> Path:
        """Write the graph as ``.graphml``, ``.gexf`` (with time intervals), ``.parquet`` (the event table)
        or ``.json`` (node-link), by the path's suffix."""
        from .exports import write

        return write(self.graph, path)

    def _repr_html_(self) -> str:
        import html

        s = self.summary()
        cells = "".join(f"<tr><th style='text-align:left'>{html.escape(k)}</th><td>{v}</td></tr>" for k, v in s.items())
        return f"<table><caption>kg event graph</caption>{cells}</table>"


def load(path: str | Path) -> BuildResult:
    """Load a saved event graph (an RDF export such as ``graph.ttl``, a ``kg build`` output folder, or a
    ``kg add`` store) into a :class:`BuildResult` with the same analyst API as :func:`build`'s: the same
    as ``kg.open`` (:func:`kg.sources.open_source`)."""
    from .sources import open_source

    return open_source(path)


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
) -> BuildResult:
    """Read ``inputs`` (files, folders, JSONL), extract events and merge them into one graph.

    Bad inputs do not stop the build: they are collected in ``result.problems`` (and passed to
    ``on_problem`` as they happen). ``workers > 1`` extracts in that many forked processes.
    Reports of one act (headline, lead and recap of an article; several articles) become one event with
    the rules ``kg export`` applies to a store (:func:`kg.merge.merge_events`; ``merge``: its options,
    ``MergeOptions(enabled=False)`` keeps every report its own event); ``result.unmerged`` has every report.
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
    result.unmerged = G
    result.graph = merge_events(G, merge or MergeOptions())
    result.seconds = time.perf_counter() - t0
    return result


_WORKER: Extractor | None = None


def _extract_one(doc: Document) -> Extraction | InputProblem:
    try:
        return _WORKER.extract(doc)  # type: ignore[union-attr]
    except Exception as exc:  # a bug on one document must not cost the batch
        log.debug("extraction failed", exc_info=True)
        return InputProblem(doc.source, f"extraction failed ({type(exc).__name__}: {exc}); please report this")


def _extract_for_pool(doc: Document):
    """In a worker: extract, and send lexicon actors back by id (the parent has the same lexicon)."""
    ex = _extract_one(doc)
    if isinstance(ex, Extraction):
        lex = _WORKER.lex  # type: ignore[union-attr]
        ex.actors = {k: (k if lex.actors.get(k) is v else v) for k, v in ex.actors.items()}  # type: ignore[assignment]
    return ex


def _extract_chunk_for_pool(docs: list[Document]) -> list:
    """In a worker: a chunk of documents (one task, so the parent can wait on it with a timeout)."""
    return [_extract_for_pool(doc) for doc in docs]


def _restore(ex, extractor: Extractor):
    if isinstance(ex, Extraction):
        ex.actors = {k: (extractor.lex.actors[v] if isinstance(v, str) else v) for k, v in ex.actors.items()}
    return ex


class Terminated(SystemExit):
    """SIGTERM while kg worked: raised at a safe point after a clean shutdown (workers stopped and
    reaped, complete work kept); the exit code is 143 (128 + SIGTERM), as if the signal had ended kg."""

    def __init__(self) -> None:
        super().__init__(128 + signal.SIGTERM)


def _raise_terminated(signum, frame):
    raise Terminated()


@contextlib.contextmanager
def stop_on_sigterm():
    """While the block runs (in the main thread), SIGTERM raises :class:`Terminated` instead of killing the
    process on the spot, so ``finally`` blocks run (a store writes its complete documents)."""
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGTERM) is signal.SIG_IGN:
        yield
        return
    old = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


@contextlib.contextmanager
def _deferred_stop():
    """While a worker pool runs: SIGINT and SIGTERM are only noted, and :func:`_check_stop` raises
    KeyboardInterrupt or :class:`Terminated` where the pool can be shut down cleanly (an exception raised
    inside the pool's machinery can leave it hung, its workers printing tracebacks or left as zombies)."""
    got: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield got
        return
    old = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(sig) is not signal.SIG_IGN:
            old[sig] = signal.signal(sig, lambda signum, frame: got.append(signum))
    try:
        yield got
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)


def _check_stop(got: list[int]) -> None:
    if signal.SIGTERM in got:
        raise Terminated()
    if got:
        raise KeyboardInterrupt


_POOL_FORKS = False  # True while extract_stream starts workers: forked children get worker signal handling


def _worker_signals() -> None:
    """In each worker, right after the fork: its own process group, so that a signal to kg's group (Ctrl-C
    in a terminal, ``kill -TERM -PGID``) reaches only the parent, which stops the pool in order (a worker
    killed while it holds the pool's queue lock would hang the parent); SIGINT ignored, SIGTERM (the
    parent's ``terminate()``) ends the worker quietly."""
    if _POOL_FORKS:
        with contextlib.suppress(OSError):
            os.setpgid(0, 0)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_worker_signals)


def extract_stream(extractor: Extractor, items, *, workers: int = 1, chunksize: int = 8):
    """Yield ``(item, Extraction | InputProblem)`` for a stream of Documents and InputProblems, in order.

    With ``workers > 1`` documents are extracted in forked processes that inherit the loaded pipelines
    (load them first, so that the fork shares them); problems pass straight through. Ctrl-C or SIGTERM
    stop the pool cleanly (workers ended and reaped, no worker tracebacks) and then raise
    KeyboardInterrupt or :class:`Terminated` (exit code 143) here; closing the generator also stops the pool.
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
    global _POOL_FORKS
    with _deferred_stop() as got:
        _POOL_FORKS = True  # (also for the workers the pool starts again if one dies)
        pool = ctx.Pool(workers)
        try:
            items = iter(items)
            while True:
                _check_stop(got)
                batch = list(itertools.islice(items, 256))
                if not batch:
                    break
                docs = [x for x in batch if isinstance(x, Document)]
                chunks = pool.imap(_extract_chunk_for_pool, [docs[i : i + chunksize] for i in range(0, len(docs), chunksize)])
                done: list = []
                for x in batch:
                    if isinstance(x, InputProblem):
                        yield x, x
                        continue
                    while not done:  # wait for the next chunk, looking at signals now and then
                        _check_stop(got)
                        try:
                            done = chunks.next(timeout=0.2)[::-1]
                        except mp.TimeoutError:
                            continue
                    yield x, _restore(done.pop(), extractor)
                    _check_stop(got)
        finally:
            pool.terminate()
            pool.join()  # reaped: no zombies
            _POOL_FORKS = False
    _check_stop(got)  # a signal that came while the pool was being closed


def _languages() -> list[str]:
    from .resources import languages

    return languages()


def write_outputs(
    G: nx.MultiDiGraph, outdir: str | Path, *, formats: Iterable[str] = OUTPUTS, title: str | None = None
) -> dict[str, Path]:
    """Write the requested outputs of ``G`` into ``outdir`` (each file atomically); a merged graph also
    gets ``merges.json`` (every mention of every event and why it was merged, for ``kg explain``)."""
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
    if "merges" in G.graph and written:
        written[MERGES_FILE] = write_merges(G, out / MERGES_FILE)
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
