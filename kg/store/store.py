"""A persistent, append-only event store (embedded SQLite, no server): ``kg add --store DIR``.

Layout: ``DIR/kg.sqlite`` (WAL mode) with two tables,

- ``documents(seq, id, sha256, source, lang, date, url, title, publisher, words, events)``: one row per
  document, ``sha256`` of its cleaned text is unique, so adding the same document again is a no-op
  (nothing is written, the file stays byte-for-byte the same);
- ``extractions(seq, data)``: the document's piece of the event graph (its actors and places as nodes,
  its events as edges, exactly what :func:`kg.graph.build.add_extraction` adds), as zlib'd JSON.

A document and its extraction are written in the same transaction: extracted documents wait in memory
and are written together in one short transaction every ``commit_every`` documents (or ``commit_seconds``),
which is rolled back whole if anything stops it (Ctrl-C, SIGTERM, a full disk, SIGKILL). So a stopped run
leaves only whole documents behind, and the next run skips them and goes on where it stopped. No
transaction is open while a document is extracted, so two ``kg add`` on one store take turns: a document
the other process stored meanwhile is skipped as a duplicate. :meth:`Store.add` first removes any
incomplete document (a document row without its extraction, which older versions could leave after a
Ctrl-C), so that it is extracted again.

Readers (``kg export``, ``kg query``, ``kg view``, ``kg explain``) open the store read-only
(``readonly=True``): a store on a read-only disk or folder can be read. A 0-byte ``kg.sqlite`` is not a kg
store (kg never leaves one: a new store is made under a temporary name and linked into place when
complete), so it is refused with a message, never silently reused: an empty file where a store should be
can be a store that lost its content, and writing a fresh store over it would hide that.

The merged graph is never stored: :func:`graph_from_store` rebuilds it from the per-document pieces in a
fixed order and folds reports of the same happening together (:mod:`kg.graph.merge`), so the store stays
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
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable
from pathlib import Path

import networkx as nx

from kg.errors import StoreError  # noqa: F401 - raised here, defined with the other domain errors
from kg.graph.merge import MergeOptions, merge_events
from kg.io.ingest import InputProblem
from kg.model import Document, Extraction
from kg.store.fragments import AddResult, _pack, _unpack, add_fragment, fragment, text_sha256

DB_NAME = "kg.sqlite"


SCHEMA_VERSION = "1"


READ_ONLY_NOTE = "kg export, kg query, kg view and kg explain can read it as it is"


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


class Store:
    """An event store in folder ``path`` (created if missing, unless ``create=False``). ``readonly=True``
    opens an existing store for reading only (it may be on a read-only disk or folder)."""

    def __init__(self, path: str | Path, *, create: bool = True, readonly: bool = False, commit_every: int = 32,
                 commit_seconds: float = 2.0):  # fmt: skip
        self.dir = Path(path)
        self.db_path = self.dir / DB_NAME
        self.readonly = readonly
        self.db: sqlite3.Connection = None  # type: ignore[assignment]
        self.commit_every = max(1, commit_every)
        self.commit_seconds = commit_seconds
        self._queue: list[tuple[tuple, bytes, Extraction]] = []  # extracted, not yet written
        self._queued_shas: set[str] = set()
        self._queued_ids: set[str] = set()
        self._last_commit = time.monotonic()
        if self.dir.exists() and not self.dir.is_dir():
            raise StoreError(f"{self.dir}: is a file, not a store folder")
        if not self.db_path.exists():
            if not create or readonly:
                raise StoreError(f"{self.dir}: no kg store here (create one with: kg add --store {self.dir} FILES)")
            self._create()
        elif self._is_empty_file():
            raise StoreError(
                f"{self.db_path}: an empty file (0 bytes), not a kg store; kg never leaves one, so a store may have "
                f"lost its content here: restore it from a backup, or delete the file to start a new store there"
            )
        try:
            self.db = self._connect_readonly() if readonly else self._connect()
            tables = {name for (name,) in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables and not readonly:  # an empty SQLite file (a store whose creation was cut short by an older kg)
                self._write_schema(self.db)
                tables = {"meta"}
            if "meta" not in tables:
                raise StoreError(f"{self.db_path}: not a kg store (an SQLite database without kg's tables)")
            version = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.Error as exc:
            self._close_quietly()
            raise self._error(exc, "write to the store", usable=True) from None
        except BaseException:
            self._close_quietly()
            raise
        if not version or version[0] != SCHEMA_VERSION:
            self._close_quietly()
            raise StoreError(f"{self.db_path}: store schema {version[0] if version else '?'} is not {SCHEMA_VERSION}")

    # -- opening --------------------------------------------------------------------------------------------
    def _is_empty_file(self) -> bool:
        wal = self.dir / (DB_NAME + "-wal")
        return self.db_path.is_file() and self.db_path.stat().st_size == 0 and not (wal.is_file() and wal.stat().st_size)

    @staticmethod
    def _write_schema(db: sqlite3.Connection) -> None:
        db.executescript(f"BEGIN IMMEDIATE;{_SCHEMA}INSERT OR IGNORE INTO meta VALUES ('schema', '{SCHEMA_VERSION}');COMMIT;")

    def _create(self) -> None:
        """Make a new store: built complete under a temporary name, then linked into place, so that
        ``kg.sqlite`` is never seen half-made (and a 0-byte ``kg.sqlite`` is never kg's)."""
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise self._error(exc, "create the store folder") from None
        tmp = self.dir / f".{DB_NAME}.new-{os.getpid()}-{threading.get_ident()}"
        parts = [tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm"), tmp.with_name(tmp.name + "-journal")]
        try:
            db = sqlite3.connect(tmp, isolation_level=None)
            try:
                db.execute("PRAGMA journal_mode = WAL")
                self._write_schema(db)
            finally:
                db.close()
            try:
                os.link(tmp, self.db_path)
            except FileExistsError:
                pass  # another process made the store meanwhile: use that one
            except OSError:  # no hard links on this file system
                if not self.db_path.exists():
                    os.replace(tmp, self.db_path)
        except (OSError, sqlite3.Error) as exc:
            raise self._error(exc, "create the store") from None
        finally:
            for part in parts:
                with contextlib.suppress(OSError):
                    part.unlink()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.db_path, timeout=60, isolation_level=None)
        try:
            db.execute("PRAGMA busy_timeout = 60000")
            mode = db.execute("PRAGMA journal_mode").fetchone()[0]
            if mode != "wal":
                db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: a killed process loses no commit
        except BaseException:
            db.close()
            raise
        return db

    def _connect_readonly(self) -> sqlite3.Connection:
        """Read-only; on a read-only folder where SQLite cannot make the WAL index (``-shm``), the file is
        opened as immutable, which is exact when no ``-wal`` file is there (a store closed cleanly)."""
        uri = "file:" + urllib.parse.quote(str(self.db_path.resolve())) + "?mode=ro"
        db = sqlite3.connect(uri, uri=True, timeout=60, isolation_level=None)
        try:
            db.execute("PRAGMA busy_timeout = 60000")
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return db
        except sqlite3.OperationalError as exc:
            db.close()
            if getattr(exc, "sqlite_errorname", "") not in ("SQLITE_CANTOPEN", "SQLITE_READONLY"):
                raise
            wal = self.dir / (DB_NAME + "-wal")
            if wal.is_file() and wal.stat().st_size:
                raise StoreError(
                    f"{self.dir}: the store has a write-ahead log ({wal.name}) left by a run that did not finish, and SQLite "
                    f"cannot read it in a read-only folder; open the store once where it can be written (kg add with no new input)"
                ) from None
        return sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None)

    def _error(self, exc: BaseException, action: str, *, usable: bool = False) -> StoreError:
        """A one-line StoreError for an SQLite or OS error while doing ``action``."""
        name = getattr(exc, "sqlite_errorname", "") or ""
        errno_ = getattr(exc, "errno", None)
        text = str(exc) if not isinstance(exc, OSError) else (exc.strerror or str(exc))
        folder_writable = os.access(self.dir if self.dir.exists() else self.dir.parent, os.W_OK)
        if name == "SQLITE_FULL" or errno_ == 28 or "disk is full" in text:
            return StoreError(
                f"{self.dir}: the disk is full ({text}); could not {action}; the store keeps every document "
                f"stored before, complete: free some space and run the same command again"
            )
        if name.startswith("SQLITE_READONLY") or errno_ in (13, 30) or (
            not self.readonly and name == "SQLITE_CANTOPEN" and not folder_writable
        ):
            return StoreError(
                f"{self.dir}: the store folder or file is read-only ({text}): kg add cannot {action} there; {READ_ONLY_NOTE}"
            )
        if name == "SQLITE_BUSY":
            return StoreError(f"{self.dir}: the store stayed locked by another process for over a minute ({text}); try again")
        if usable:
            return StoreError(f"{self.db_path}: not a usable kg store ({text})")
        return StoreError(f"{self.dir}: could not {action} ({text})")

    def _close_quietly(self) -> None:
        if self.db is not None:
            with contextlib.suppress(sqlite3.Error):
                self.db.close()
            self.db = None  # type: ignore[assignment]

    # -- context --------------------------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close(commit=exc[0] is None)

    def close(self, *, commit: bool = True) -> None:
        """Write the documents still waiting (``commit``), or drop them, and close. A transaction left open
        by an interrupted write is rolled back, never committed: it may hold half a document."""
        if self.db is None:
            return
        try:
            if commit and not self.readonly:
                self.commit()
            else:
                self._drop_queue()
        finally:
            try:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # closing rolls it back too
            finally:
                self._close_quietly()

    # -- writing --------------------------------------------------------------------------------------------
    def lookup(self, doc: Document) -> tuple[str | None, str]:
        """``(None, sha)`` if ``doc`` is already stored (or waiting to be); else ``(id to store it under, sha)``."""
        sha = text_sha256(doc.text)
        if sha in self._queued_shas or self.db.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha,)).fetchone():
            return None, sha
        doc_id = doc.id
        if doc_id in self._queued_ids or self.db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
            doc_id = f"{doc.id}~{sha[:8]}"
        return doc_id, sha

    def put(self, ex: Extraction, sha: str | None = None) -> list[tuple[Extraction, str]]:
        """Queue one document's extraction; the queue is written in one transaction every ``commit_every``
        documents or ``commit_seconds``. Returns the outcomes of a write this call made (see :meth:`commit`)."""
        if self.readonly:
            raise StoreError(f"{self.dir}: opened read-only")
        doc = ex.document
        sha = sha or text_sha256(doc.text)
        row = (doc.id, sha, doc.source or "", doc.lang, doc.date.isoformat() if doc.date else "", doc.url or "",
               doc.title or "", doc.publisher or "", len(doc.text.split()), len(ex.events))  # fmt: skip
        self._queue.append((row, _pack(fragment(ex)), ex))
        self._queued_shas.add(sha)
        self._queued_ids.add(doc.id)
        if len(self._queue) >= self.commit_every or time.monotonic() - self._last_commit >= self.commit_seconds:
            return self.commit()
        return []

    def _drop_queue(self) -> list[tuple[tuple, bytes, Extraction]]:
        queue, self._queue = self._queue, []
        self._queued_shas.clear()
        self._queued_ids.clear()
        return queue

    def commit(self) -> list[tuple[Extraction, str]]:
        """Write the queued documents in one transaction: all of them, or (if anything stops it) none.
        Returns ``(extraction, outcome)`` per document: "added", "duplicate" (another process stored the
        same text meanwhile) or "id-taken" (another process stored another text under its id meanwhile:
        not written; the next run stores it under ``id~sha8``)."""
        queue = self._drop_queue()
        self._last_commit = time.monotonic()
        if not queue:
            return []
        out: list[tuple[Extraction, str]] = []
        db = self.db
        try:
            db.execute("BEGIN IMMEDIATE")
            for row, blob, ex in queue:  # the write lock is held: nobody can store these meanwhile
                if db.execute("SELECT 1 FROM documents WHERE sha256 = ?", (row[1],)).fetchone():
                    out.append((ex, "duplicate"))
                    continue
                if db.execute("SELECT 1 FROM documents WHERE id = ?", (row[0],)).fetchone():
                    out.append((ex, "id-taken"))
                    continue
                cur = db.execute(
                    "INSERT INTO documents (id, sha256, source, lang, date, url, title, publisher, words, events) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)  # fmt: skip
                db.execute("INSERT INTO extractions (seq, data) VALUES (?, ?)", (cur.lastrowid, blob))
                out.append((ex, "added"))
            db.execute("COMMIT")
        except BaseException as exc:  # Ctrl-C, SIGTERM, a full disk ...: nothing of this batch stays
            try:
                if db.in_transaction:
                    db.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # SQLite has rolled back already (a full disk, an I/O error)
            if isinstance(exc, sqlite3.Error):
                raise self._error(exc, f"store {len(queue)} document(s)") from None
            raise
        finally:
            self._last_commit = time.monotonic()
        return out

    def incomplete(self) -> list[dict]:
        """Documents stored without their extraction (an older kg interrupted at the wrong moment)."""
        rows = self.db.execute(
            "SELECT d.seq, d.id, d.source FROM documents d LEFT JOIN extractions e ON e.seq = d.seq WHERE e.seq IS NULL ORDER BY d.seq"
        ).fetchall()
        return [{"seq": seq, "id": doc_id, "source": source} for seq, doc_id, source in rows]

    def repair(self) -> list[dict]:
        """Remove incomplete documents (and extractions without a document), so that the documents are
        extracted again when they are next added. Returns the documents removed."""
        if self.readonly:
            raise StoreError(f"{self.dir}: opened read-only")
        orphans = "SELECT e.seq FROM extractions e LEFT JOIN documents d ON e.seq = d.seq WHERE d.seq IS NULL"
        if not self.incomplete() and not self.db.execute(orphans + " LIMIT 1").fetchone():
            return []
        try:
            self.db.execute("BEGIN IMMEDIATE")
            gone = self.incomplete()
            self.db.executemany("DELETE FROM documents WHERE seq = ?", [(d["seq"],) for d in gone])
            self.db.execute(f"DELETE FROM extractions WHERE seq IN ({orphans})")
            self.db.execute("COMMIT")
        except BaseException as exc:
            with contextlib.suppress(sqlite3.Error):
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise self._error(exc, "repair the store") from None
            raise
        return gone

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
        stream: Callable | None = None,
    ) -> AddResult:
        """Extract and store every new document of ``items``; documents already stored are skipped
        before extraction. ``on_document(doc, status)`` is called with "added" (when written),
        "duplicate" or "failed".

        First, incomplete documents left by an interrupted older run are removed (reported as warnings),
        so that they are extracted again if they are among ``items``. Documents are written in batches,
        each in one transaction; when the run stops (an exception, Ctrl-C, SIGTERM) the documents
        extracted so far are written, whole, before the exception goes on. A full disk or a read-only
        store raises :class:`StoreError` with a one-line message, the store left consistent.

        ``extract`` defaults to a fresh :class:`kg.extract.Extractor`. (A parallel runner can instead call
        :meth:`lookup` and :meth:`put` itself, extracting elsewhere.) ``timeout``: seconds one document's
        extraction may take (main thread on POSIX only); a slower document is reported and skipped, so
        one pathological input cannot stall a corpus run. ``stream(documents)``: extract elsewhere (it yields
        ``(document, Extraction | InputProblem)`` in order, as :func:`kg.extract.parallel.extract_stream`; the
        Dask engine's is :func:`kg.scale.engine.extract_stream`).
        """
        result = AddResult()
        t0 = time.perf_counter()

        def problem(p: InputProblem) -> None:
            result.problems.append(p)
            if on_problem:
                on_problem(p)

        for gone in self.repair():
            result.repaired += 1
            problem(InputProblem(gone["source"] or gone["id"], f"document {gone['id']!r} was stored without its extraction by an "
                                 "interrupted run: removed, and extracted again if it is among the inputs", fatal=False))  # fmt: skip

        def settle(outcomes: list[tuple[Extraction, str]]) -> None:
            for ex, status in outcomes:
                doc = ex.document
                if status == "added":
                    result.added += 1
                    result.words += len(doc.text.split())
                    result.events += len(ex.events)
                elif status == "duplicate":  # another process stored it meanwhile
                    result.duplicates += 1
                else:
                    problem(InputProblem(doc.source, f"document id {doc.id!r} was stored meanwhile by another process for "
                                         "another text: not added; run again to add it under a new id"))  # fmt: skip
                    continue
                if on_document:
                    on_document(doc, status)

        try:
            if workers > 1 or stream is not None:
                self._add_parallel(items, extractor=extractor, workers=workers, result=result, problem=problem,
                                   on_document=on_document, settle=settle, stream=stream)  # fmt: skip
            else:
                self._add_serial(items, extract=extract, extractor=extractor, timeout=timeout, result=result,
                                 problem=problem, on_document=on_document, settle=settle)  # fmt: skip
        finally:
            if self.db is not None:
                settle(self.commit())  # every document extracted so far, whole
        result.seconds = time.perf_counter() - t0
        return result

    def _add_serial(self, items, *, extract, extractor, timeout, result, problem, on_document, settle) -> None:
        if extract is None:
            if extractor is None:
                from kg.extract.extractor import Extractor

                extractor = Extractor()
            extract = extractor.extract
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
            settle(self.put(ex, sha))

    def _add_parallel(self, items, *, extractor, workers, result, problem, on_document, settle, stream=None) -> None:
        """:meth:`add` with extraction in ``workers`` forked processes; storing stays in this process, in
        input order, so the store is the same as with one process."""
        from kg.extract.extractor import Extractor
        from kg.extract.parallel import extract_stream

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

        # closing: whatever stops this loop, the worker pool is shut down before the last write
        docs = new_documents()
        with contextlib.closing(stream(docs) if stream else extract_stream(extractor, docs, workers=workers)) as results:
            for item, ex in results:
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
                settle(self.put(ex, sha))

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
