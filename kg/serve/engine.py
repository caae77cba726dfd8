"""The query side of ``kg serve``: a pool of worker processes (:mod:`kg.serve.worker`) over one graph
source, the per-query timeout, and the watcher that reloads the graph when the source changes."""

from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
import time

from . import _kg

log = logging.getLogger("kg.serve")


class Busy(Exception):
    """Every worker stayed busy for the whole timeout."""


class Timeout(Exception):
    """The query ran past the timeout; its worker was stopped."""


class WorkerLost(Exception):
    """A worker died while answering (out of memory?); it is replaced."""


class _Proc:
    def __init__(self, ctx, prefixes, source):
        from . import worker

        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=worker.main, args=(child, prefixes, source), daemon=True, name="kg-serve-worker")
        self.proc.start()
        child.close()
        self.stamp = None

    def wait_loaded(self, timeout: float | None = None) -> dict:
        if not self.conn.poll(timeout):
            raise WorkerLost("a worker did not load the graph in time")
        try:
            kind, info = self.conn.recv()
        except (EOFError, OSError):
            raise WorkerLost("a worker died while loading the graph") from None
        if kind != "loaded":
            raise WorkerLost(info)
        self.stamp = info["stamp"]
        return info

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.join(5)
        except (OSError, ValueError):
            pass
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(("stop",))
        except (OSError, ValueError):
            pass
        self.proc.join(3)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(3)
        self.conn.close()


class Engine:
    """``workers`` processes each holding the graph of ``source``; :meth:`run` hands them jobs."""

    def __init__(self, source, *, workers: int = 2, timeout: float = 30.0, max_rows: int = 100_000,
                 watch_every: float = 2.0):  # fmt: skip
        self.source_arg = source
        self.timeout = timeout
        self.max_rows = max_rows
        self.watch_every = watch_every
        self.prefixes = _kg.prefixes()
        self.source = _kg.resolve_source(source)
        self.info: dict = {}
        self._ctx = multiprocessing.get_context("spawn")  # the server has threads: never fork it
        self._idle: queue.Queue[_Proc] = queue.Queue()
        self._all: set[_Proc] = set()
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self.size = max(1, workers)
        procs = [self._spawn() for _ in range(self.size)]
        for p in procs:  # started together, loaded in parallel
            self.info = p.wait_loaded(timeout=max(120.0, timeout))
            self._idle.put(p)
        self._watcher = threading.Thread(target=self._watch, name="kg-serve-watch", daemon=True)
        if watch_every > 0:
            self._watcher.start()

    def _spawn(self) -> _Proc:
        p = _Proc(self._ctx, self.prefixes, self.source)
        with self._lock:
            self._all.add(p)
        return p

    def _replace(self, dead: _Proc) -> None:
        """Kill ``dead`` and, in the background, start and load its replacement."""
        dead.kill()
        with self._lock:
            self._all.discard(dead)
        if self._closed.is_set():
            return

        def start():
            try:
                p = self._spawn()
                p.wait_loaded(timeout=max(120.0, self.timeout))
            except WorkerLost as exc:
                log.error("kg serve: a replacement worker failed: %s", exc)
                return
            if self._closed.is_set():
                p.stop()
            else:
                self._idle.put(p)

        threading.Thread(target=start, name="kg-serve-respawn", daemon=True).start()

    def run(self, message: tuple, *, timeout: float | None = None) -> tuple[int, str, bytes]:
        """Send ``message`` (without the source, added here) to an idle worker and return its answer."""
        timeout = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + timeout
        try:
            p = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise Busy() from None
        source = self.source
        msg = (message[0], source, *message[1:])
        try:
            p.conn.send(msg)
        except (OSError, ValueError):
            self._replace(p)
            raise WorkerLost("a worker was gone") from None
        if not p.conn.poll(max(0.0, deadline - time.monotonic())):
            self._replace(p)
            raise Timeout()
        try:
            answer = p.conn.recv()
        except (EOFError, OSError):
            self._replace(p)
            raise WorkerLost("a worker died while answering (out of memory?)") from None
        p.stamp = source["stamp"]
        self._idle.put(p)
        return answer

    # -- following the source --------------------------------------------------------------------------
    def check(self) -> bool:
        """Reload if the source changed since it was loaded; True if it did."""
        try:
            stamp = _kg.source_stamp(self.source_arg)
        except Exception as exc:  # noqa: BLE001 - a source being rewritten: keep serving the last graph
            log.warning("kg serve: cannot check %s (%s); still serving the last graph", self.source_arg, exc)
            return False
        if stamp == self.source["stamp"]:
            return False
        t0 = time.perf_counter()
        try:
            new = _kg.resolve_source(self.source_arg)
        except Exception as exc:  # noqa: BLE001
            log.warning("kg serve: cannot reload %s (%s); still serving the last graph", self.source_arg, exc)
            return False
        self.source = new  # jobs from now on carry it; each worker loads it before its next answer
        self._preload()
        log.warning("kg serve: %s changed, reloaded in %.1fs (%s triples)", self.source_arg, time.perf_counter() - t0,
                    f"{self.info.get('triples', 0):,}")  # fmt: skip
        return True

    def _preload(self) -> None:
        """Have every idle worker load the new graph now, so that no query pays for it."""
        for _ in range(self.size):
            try:
                p = self._idle.get(timeout=self.timeout)
            except queue.Empty:
                return
            try:
                if p.stamp != self.source["stamp"]:
                    p.conn.send(("load", self.source))
                    self.info = p.wait_loaded(timeout=max(120.0, self.timeout))
            except (OSError, ValueError, WorkerLost):
                self._replace(p)
                continue
            self._idle.put(p)

    def _watch(self) -> None:
        while not self._closed.wait(self.watch_every):
            self.check()

    def close(self) -> None:
        self._closed.set()
        with self._lock:
            procs = list(self._all)
            self._all.clear()
        for p in procs:
            p.stop()
