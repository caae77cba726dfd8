"""A persistent, append-only event store (embedded SQLite, no server): ``kg add --store DIR``.

Layout: ``DIR/kg.sqlite`` (WAL mode) with two tables,

- ``documents(seq, id, sha256, source, lang, date, url, title, publisher, words, events)``: one row per
  document, ``sha256`` of its cleaned text is unique, so adding the same document again is a no-op
  (nothing is written, the file stays byte-for-byte the same);
- ``extractions(seq, data)``: the document's piece of the event graph (its actors and places as nodes,
  its events as edges, exactly what :func:`kg.graph.add_extraction` adds), as zlib'd JSON.

A document and its extraction are written in the same transaction (several documents share one
transaction, committed every ``commit_every`` documents), so a run that is killed midway leaves only
whole documents behind, and the next run skips them and goes on where it stopped.

The merged graph is never stored: :func:`graph_from_store` rebuilds it from the per-document pieces in a
fixed order and folds reports of the same happening together (:mod:`kg.merge`), so the store stays
append-only and a merge is reproducible whatever order the documents were added in.

>>> import tempfile; s = Store(tempfile.mkdtemp()); s.stats()["documents"]
0
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import signal
import sqlite3
import tempfile
import threading
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from .errors import StoreError  # noqa: F401 - raised here, defined with the other domain errors
from . import graph as graph_mod
from .ingest import InputProblem
from .merge import MergeOptions, merge_events
from .model import Document, Extraction

DB_NAME = "kg.sqlite"
SCHEMA_VERSION = "1"
FAULT_ENV = "KG_STORE_FAULT_AFTER"  # test hook: SIGKILL this process inside the N-th document's transaction

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  sha256 TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL DEFAULT '',
  lang TEXT NOT NULL DEFAULT '',
  date TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  publisher TEXT NOT NULL DEFAULT '',
  words INTEGER NOT NULL DEFAULT 0,
  events INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS extractions (
  seq INTEGER PRIMARY KEY REFERENCES documents(seq),
  data BLOB NOT NULL
);
"""


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class AddResult:
    added: int = 0
    duplicates: int = 0  # already in the store (same text): nothing written
    renamed: int = 0  # an id already used by another text: stored as ``id~sha8``
    failed: int = 0  # extraction failed on the document (reported as a problem)
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
    """Add one stored document piece to ``G`` (same rules as :func:`kg.graph.add_extraction`)."""
    doc_id, meta = frag["doc"]
    G.graph.setdefault("documents", {})[doc_id] = meta
    for n, attrs in frag["nodes"]:
        if n in G and G.nodes[n].get("type") == attrs.get("type"):
            continue
        G.add_node(n, **attrs)
    for u, v, k, attrs in frag["edges"]:
        G.add_edge(u, v, key=k, **attrs)


class Store:
    """An event store in folder ``path`` (created if missing, unless ``create=False``)."""

    def __init__(self, path: str | Path, *, create: bool = True, commit_every: int = 32, commit_seconds: float = 2.0):
        self.dir = Path(path)
        self.db_path = self.dir / DB_NAME
        if not self.db_path.exists():
            if not create:
                raise StoreError(f"{self.dir}: no kg store here (create one with: kg add --store {self.dir} FILES)")
            if self.dir.exists() and not self.dir.is_dir():
                raise StoreError(f"{self.dir}: is a file, not a store folder")
            self.dir.mkdir(parents=True, exist_ok=True)
        self.commit_every = max(1, commit_every)
        self.commit_seconds = commit_seconds
        try:
            self.db = sqlite3.connect(self.db_path, timeout=60, isolation_level=None)
            self.db.execute("PRAGMA busy_timeout = 60000")
            mode = self.db.execute("PRAGMA journal_mode").fetchone()[0]
            if mode != "wal":
                self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: a killed process loses no commit
            if not self.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents'").fetchone():
                self.db.executescript(
                    f"BEGIN IMMEDIATE;{_SCHEMA}INSERT OR IGNORE INTO meta VALUES ('schema', '{SCHEMA_VERSION}');COMMIT;"
                )
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.db_path}: not a usable kg store ({exc})") from None
        version = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if not version or version[0] != SCHEMA_VERSION:
            raise StoreError(f"{self.db_path}: store schema {version[0] if version else '?'} is not {SCHEMA_VERSION}")
        self._pending = 0
        self._last_commit = time.monotonic()
        self._written_this_run = 0

    # -- context --------------------------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close(commit=exc[0] is None)

    def close(self, *, commit: bool = True) -> None:
        if self.db is None:
            return
        if self.db.in_transaction:
            self.db.execute("COMMIT" if commit else "ROLLBACK")
        self.db.close()
        self.db = None  # type: ignore[assignment]

    # -- writing --------------------------------------------------------------------------------------------
    def lookup(self, doc: Document) -> tuple[str | None, str]:
        """``(None, sha)`` if ``doc`` is already stored; else ``(id to store it under, sha)``."""
        sha = text_sha256(doc.text)
        if self.db.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha,)).fetchone():
            return None, sha
        doc_id = doc.id
        if self.db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
            doc_id = f"{doc.id}~{sha[:8]}"
        return doc_id, sha

    def put(self, ex: Extraction, sha: str | None = None) -> None:
        """Store one document's extraction (inside the current batch transaction)."""
        doc = ex.document
        sha = sha or text_sha256(doc.text)
        if not self.db.in_transaction:
            self.db.execute("BEGIN IMMEDIATE")
        cur = self.db.execute(
            "INSERT INTO documents (id, sha256, source, lang, date, url, title, publisher, words, events) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.id, sha, doc.source or "", doc.lang, doc.date.isoformat() if doc.date else "", doc.url or "",
             doc.title or "", doc.publisher or "", len(doc.text.split()), len(ex.events)),
        )  # fmt: skip
        self._written_this_run += 1
        fault = os.environ.get(FAULT_ENV)
        if fault and self._written_this_run >= int(fault):
            os.kill(os.getpid(), signal.SIGKILL)  # fault injection: die with a half-written transaction
        self.db.execute("INSERT INTO extractions (seq, data) VALUES (?, ?)", (cur.lastrowid, _pack(fragment(ex))))
        self._pending += 1
        if self._pending >= self.commit_every or time.monotonic() - self._last_commit >= self.commit_seconds:
            self.commit()

    def commit(self) -> None:
        if self.db.in_transaction:
            self.db.execute("COMMIT")
        self._pending = 0
        self._last_commit = time.monotonic()

    def add(
        self,
        items: Iterable[Document | InputProblem],
        *,
        extract: Callable[[Document], Extraction] | None = None,
        on_problem: Callable[[InputProblem], None] | None = None,
        on_document: Callable[[Document, str], None] | None = None,
        timeout: float | None = None,
        workers: int = 1,
        extractor=None,
    ) -> AddResult:
        """Extract and store every new document of ``items``; documents already stored are skipped
        before extraction. ``on_document(doc, status)`` is called with "added", "duplicate" or "failed".

        ``extract`` defaults to a fresh :class:`kg.extract.Extractor`. (A parallel runner can instead call
        :meth:`lookup` and :meth:`put` itself, extracting elsewhere.) ``timeout``: seconds one document's
        extraction may take (main thread on POSIX only); a slower document is reported and skipped, so
        one pathological input cannot stall a corpus run.
        """
        result = AddResult()
        t0 = time.perf_counter()

        def problem(p: InputProblem) -> None:
            result.problems.append(p)
            if on_problem:
                on_problem(p)

        if workers > 1:
            return self._add_parallel(items, extractor=extractor, workers=workers, result=result, problem=problem,
                                      on_document=on_document, t0=t0)  # fmt: skip
        if extract is None:
            if extractor is None:
                from .extract import Extractor

                extractor = Extractor()
            extract = extractor.extract
        try:
            for item in items:
                if isinstance(item, InputProblem):
                    problem(item)
                    continue
                doc_id, sha = self.lookup(item)
                if doc_id is None:
                    result.duplicates += 1
                    if on_document:
                        on_document(item, "duplicate")
                    continue
                if doc_id != item.id:
                    result.renamed += 1
                    problem(InputProblem(item.source, f"document id {item.id!r} is taken by another text; stored as {doc_id!r}", fatal=False))
                    item = dataclasses.replace(item, id=doc_id)
                try:
                    with _deadline(timeout):
                        ex = extract(item)
                except Exception as exc:  # one bad document must not cost the batch
                    result.failed += 1
                    problem(InputProblem(item.source, f"extraction failed ({type(exc).__name__}: {exc}); please report this"))
                    if on_document:
                        on_document(item, "failed")
                    continue
                self._stored(item, ex, sha, result, on_document)
        finally:
            if self.db is not None and self.db.in_transaction:
                self.commit()  # every complete document so far (an exception leaves none half-written)
        result.seconds = time.perf_counter() - t0
        return result

    def _add_parallel(self, items, *, extractor, workers, result, problem, on_document, t0) -> AddResult:
        """:meth:`add` with extraction in ``workers`` forked processes; storing stays in this process, in
        input order, so the store is the same as with one process."""
        from .api import extract_stream
        from .extract import Extractor

        extractor = extractor or Extractor()
        shas: dict[str, str] = {}
        pending_shas: set[str] = set()

        def new_documents():
            for item in items:
                if isinstance(item, InputProblem):
                    yield item
                    continue
                doc_id, sha = self.lookup(item)
                if doc_id is None or sha in pending_shas:  # stored already, or earlier in this run
                    result.duplicates += 1
                    if on_document:
                        on_document(item, "duplicate")
                    continue
                if doc_id in shas:  # an id taken by a document still being extracted
                    doc_id = f"{item.id}~{sha[:8]}"
                if doc_id != item.id:
                    result.renamed += 1
                    problem(InputProblem(item.source, f"document id {item.id!r} is taken by another text; stored as {doc_id!r}", fatal=False))
                    item = dataclasses.replace(item, id=doc_id)
                shas[item.id] = sha
                pending_shas.add(sha)
                yield item

        try:
            for item, ex in extract_stream(extractor, new_documents(), workers=workers):
                if isinstance(item, InputProblem):
                    problem(item)
                    continue
                if isinstance(ex, InputProblem):
                    result.failed += 1
                    problem(ex)
                    if on_document:
                        on_document(item, "failed")
                    continue
                sha = shas.pop(item.id)
                pending_shas.discard(sha)
                self._stored(item, ex, sha, result, on_document)
        finally:
            if self.db is not None and self.db.in_transaction:
                self.commit()
        result.seconds = time.perf_counter() - t0
        return result

    def _stored(self, item: Document, ex: Extraction, sha: str, result: AddResult, on_document) -> None:
        self.put(ex, sha)
        result.added += 1
        result.words += len(item.text.split())
        result.events += len(ex.events)
        if on_document:
            on_document(item, "added")

    # -- reading --------------------------------------------------------------------------------------------
    def stats(self) -> dict:
        docs, words, events, last = self.db.execute(
            "SELECT count(*), coalesce(sum(words), 0), coalesce(sum(events), 0), coalesce(max(seq), 0) FROM documents"
        ).fetchone()
        size = sum(p.stat().st_size for p in self.dir.glob(DB_NAME + "*") if p.is_file())
        return {"documents": docs, "words": words, "extracted_events": events, "last_seq": last, "bytes": size}

    def documents(self) -> list[dict]:
        cols = ("seq", "id", "sha256", "source", "lang", "date", "url", "title", "publisher", "words", "events")
        return [dict(zip(cols, row)) for row in self.db.execute(f"SELECT {', '.join(cols)} FROM documents ORDER BY seq")]

    def fragments(self) -> Iterable[dict]:
        """Every stored document piece, in a fixed order (document date, then id): the order of adding
        does not change the graph built from them."""
        rows = self.db.execute(
            "SELECT e.data FROM documents d JOIN extractions e ON e.seq = d.seq ORDER BY d.date, d.id"
        )
        for (blob,) in rows:
            yield _unpack(blob)

    def graph(self) -> nx.MultiDiGraph:
        """The unmerged event graph: one event per mention, as ``kg build`` would make it."""
        G = nx.MultiDiGraph()
        G.graph["documents"] = {}
        for frag in self.fragments():
            add_fragment(G, frag)
        return G

    def merged_graph(self, options: MergeOptions = MergeOptions()) -> nx.MultiDiGraph:
        return merge_events(self.graph(), options)

    def check(self) -> list[str]:
        """Consistency problems (empty: the store is consistent)."""
        out = []
        res = self.db.execute("PRAGMA integrity_check").fetchone()[0]
        if res != "ok":
            out.append(f"sqlite integrity: {res}")
        n = self.db.execute("SELECT count(*) FROM documents d LEFT JOIN extractions e ON e.seq = d.seq WHERE e.seq IS NULL").fetchone()[0]
        if n:
            out.append(f"{n} document(s) without an extraction")
        n = self.db.execute("SELECT count(*) FROM extractions e LEFT JOIN documents d ON e.seq = d.seq WHERE d.seq IS NULL").fetchone()[0]
        if n:
            out.append(f"{n} extraction(s) without a document")
        return out

    def fingerprint(self, options: MergeOptions = MergeOptions()) -> str:
        """Changes whenever the store's content or the merge options change."""
        s = self.stats()
        raw = json.dumps([s["documents"], s["last_seq"], dataclasses.asdict(options)], sort_keys=True)
        return hashlib.sha1(raw.encode()).hexdigest()[:16]


class ExtractionTimeout(Exception):
    pass


@contextlib.contextmanager
def _deadline(seconds: float | None):
    """Raise ExtractionTimeout in the body after ``seconds`` (SIGALRM; a no-op off the main thread)."""
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def fire(signum, frame):
        raise ExtractionTimeout(f"took over {seconds:g}s, skipped (a very long line or sentence?)")

    old = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def open_store(path: str | Path, *, create: bool = False) -> Store:
    return Store(path, create=create)


def graph_from_store(path: str | Path, *, merge: bool = True, options: MergeOptions = MergeOptions()) -> nx.MultiDiGraph:
    """The event graph of the store in folder ``path``: merged across documents (default) or one event
    per mention (``merge=False``). This is what ``kg export``, ``kg query --store`` and ``kg view --store``
    work on."""
    with Store(path, create=False) as store:
        G = store.graph()
    return merge_events(G, options) if merge else G


def rdf_file(path: str | Path, *, options: MergeOptions = MergeOptions(), fmt: str = "nt") -> Path:
    """An RDF export of the store's merged graph, for SPARQL (``kg query``): cached in ``DIR/cache/``
    and rewritten only when the store or the merge options changed; in a temporary folder if the store
    folder is read-only. ``fmt``: "nt" (fastest to write and load) or "ttl"."""
    from . import rdf

    with Store(path, create=False) as store:
        stamp = store.fingerprint(options)
        cache = store.dir / "cache"
        target = cache / f"graph-{stamp}.{fmt}"
        if target.exists():
            return target
        G = merge_events(store.graph(), options)
    try:
        cache.mkdir(exist_ok=True)
        for old in cache.glob(f"graph-*.{fmt}"):
            old.unlink(missing_ok=True)
    except OSError:
        target = Path(tempfile.mkdtemp(prefix="kg-store-")) / f"graph-{stamp}.{fmt}"
    return rdf.write(G, target, fmt={"nt": "nt", "ttl": "turtle"}.get(fmt, fmt))


def write_store_outputs(path: str | Path, outdir: str | Path, *, formats: Iterable[str] | None = None,
                        options: MergeOptions = MergeOptions(), title: str | None = None) -> dict[str, Path]:  # fmt: skip
    """``graph.ttl``, ``events.csv`` and ``graph.html`` of the store's merged graph (``kg export``)."""
    from .api import OUTPUTS, write_outputs

    G = graph_from_store(path, options=options)
    return write_outputs(G, outdir, formats=formats or OUTPUTS, title=title)
