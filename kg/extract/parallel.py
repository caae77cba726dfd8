"""Extraction over many documents, in forked worker processes, stopping cleanly on signals."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading

from kg.errors import Terminated
from kg.errors import raise_terminated as _raise_terminated
from kg.extract.extractor import Extractor
from kg.io.ingest import InputProblem
from kg.model import Document, Extraction

log = logging.getLogger(__name__)


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


def _extract_batch(docs: list[Document]) -> list:
    """Extractions (or problems) of ``docs`` in order, extracted together (their sentences parsed in one
    batch, :meth:`Extractor.extract_batch`); when that fails, one by one, so that a bad document costs
    only itself."""
    try:
        return _WORKER.extract_batch(docs)  # type: ignore[union-attr]
    except Exception:
        log.debug("batch extraction failed; extracting one by one", exc_info=True)
        return [_extract_one(doc) for doc in docs]


def _extract_chunk_for_pool(docs: list[Document]) -> list:
    """In a worker: a chunk of documents (one task, so the parent can wait on it with a timeout), extracted
    together; lexicon actors are sent back by id (the parent has the same lexicon)."""
    out = _extract_batch(docs)
    lex = _WORKER.lex  # type: ignore[union-attr]
    for ex in out:
        if isinstance(ex, Extraction):
            ex.actors = {k: (k if lex.actors.get(k) is v else v) for k, v in ex.actors.items()}  # type: ignore[assignment]
    return out


def _restore(ex, extractor: Extractor):
    if isinstance(ex, Extraction):
        ex.actors = {k: (extractor.lex.actors[v] if isinstance(v, str) else v) for k, v in ex.actors.items()}
    return ex


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
        # documents in batches (their sentences parsed together), problems in their place in the stream
        from kg.extract.extractor import doc_batches

        pending: list = []  # problems and documents not yet yielded, in order
        for batch in doc_batches(_documents_between(items, pending)):
            done = iter(_extract_batch(batch))
            for item in pending:
                yield item, item if isinstance(item, InputProblem) else next(done)
            pending.clear()
        for item in pending:  # problems after the last document
            yield item, item
        return
    import itertools
    import multiprocessing as mp

    items = iter(items)
    first = list(itertools.islice(items, 256))
    _warm(extractor, [x for x in first if isinstance(x, Document)])
    items = itertools.chain(first, items)
    ctx = mp.get_context("fork")
    global _POOL_FORKS
    with _deferred_stop() as got:
        _POOL_FORKS = True  # (also for the workers the pool starts again if one dies)
        pool = ctx.Pool(workers)
        try:
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


def _documents_between(items, pending: list):
    """The Documents of ``items``; every item (problems too) is also appended to ``pending`` in order."""
    for item in items:
        pending.append(item)
        if not isinstance(item, InputProblem):
            yield item


WARM_CHARS = 5000  # of each language's first document, extracted in the parent before the fork


def _warm(extractor: Extractor, docs: list[Document]) -> None:
    """Before the fork, in the parent: load the pipelines (kg's and the syntax one) of the languages of
    ``docs`` (the stream's first items) and extract the start of each language's first document, so that
    lazily loaded data are read once and shared by the forked workers instead of read by each. A language
    first seen later is loaded by each worker when it comes (loading every language kg has cost ~3.5 s
    for an English-only build)."""
    firsts: dict[str, Document] = {}
    for doc in docs:
        firsts.setdefault(doc.lang, doc)
    for lang, doc in firsts.items():
        try:
            extractor.nlp(lang)
            if extractor.syntax:
                from kg.nlp.syntax import load_syntax

                load_syntax(lang)
            extractor.extract(Document(id="warm", text=doc.text[:WARM_CHARS], lang=lang, date=doc.date))
        except Exception:  # the workers will meet (and report) whatever is wrong with this language
            log.debug("warming %s failed", lang, exc_info=True)


if hasattr(os, "register_at_fork"):  # forked workers (ours or a user's pool) get the worker signal handling
    os.register_at_fork(after_in_child=_worker_signals)
