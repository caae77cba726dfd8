"""The Dask side: a cluster to run on, kg's worker plugin, and the progress bar.

:func:`connect` gives a ``distributed.Client``: to the scheduler at ``--scheduler ADDRESS`` (a cluster you
run: ``dask scheduler`` and ``dask worker ADDRESS --nthreads 1`` on each machine, Kubernetes, SLURM ...), or
else to a ``LocalCluster`` of ``--workers N`` processes with one thread each (spaCy holds the GIL, so kg
scales with processes, not threads) on 127.0.0.1. :class:`ExtractorPlugin` makes each worker load kg's
lexicon and every language's pipeline once, when it starts (and again in a worker that replaces a dead one).
"""

from __future__ import annotations

import contextlib
import gc
import importlib.util
import logging
import os
import sys
import time
import zlib

from distributed.diagnostics.plugin import WorkerPlugin


WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.gil.enabled": False,
    # the event loops' periodic wake-ups (loop-blocking check every 20 ms, system and memory monitors every
    # 0.5 s and 0.1 s) cost an idle 2-worker LocalCluster ~0.05 CPU-s a second, and interrupt the task
    # thread; kg's tasks hold little memory: checked every second, and the dashboard's graphs too
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
}


class ClusterError(ValueError):
    """The cluster cannot be reached or started, or lost its workers (a one-line message)."""


class ExtractorPlugin(WorkerPlugin):
    """Loads kg's Extractor (lexicon and pipelines) in each worker as it starts."""

    def __init__(self, lexicon_files: tuple[str, ...] = (), model: str | None = None, syntax=None) -> None:
        self.lexicon_files = tuple(lexicon_files)
        self.model = model
        self.syntax = None if syntax is None else frozenset(syntax)
        key = (self.lexicon_files, model, sorted(self.syntax) if self.syntax is not None else None)
        self.name = f"kg-extractor-{zlib.crc32(repr(key).encode()):08x}"

    def setup(self, worker) -> None:
        from kg.scale.tasks import extractor_for

        extractor_for(self.lexicon_files, self.model, preload=True, syntax=self.syntax)


def has_dashboard_support() -> bool:
    """Dask serves its dashboard only where bokeh is installed (``pip install bokeh``)."""
    return importlib.util.find_spec("bokeh") is not None


@contextlib.contextmanager
def connect(scheduler: str | None = None, workers: int = 2, *, timeout: float = 10, preload=None):
    """A ``distributed.Client`` for the scheduler at ``scheduler``, or for a new ``LocalCluster`` of
    ``workers`` single-threaded processes (closed on exit).

    ``preload``: a function that loads kg (its Extractor) in this process. Given it, a LocalCluster's
    workers are forked from this process after it ran, where the platform can fork: they start in a
    fraction of a second with kg's pipelines loaded, sharing those pages copy-on-write (spawned workers
    each import kg and load the pipelines: seconds). A worker that replaces a dead one is forked the same way.
    """
    import dask
    from distributed import Client, LocalCluster

    logging.getLogger("distributed").setLevel(logging.CRITICAL)  # no chatter on stderr (ports, restarts, heartbeats at shutdown): failures reach kg as exceptions
    cluster = None
    stack = contextlib.ExitStack()
    # Dask's statistical profiler samples every worker's task stack each 10 ms: on kg's deep spaCy stacks
    # that cost about as much CPU as the extraction itself. The dashboard keeps its task stream.
    stack.enter_context(dask.config.set(WORKER_CONFIG))
    if preload is not None and not scheduler and hasattr(os, "fork"):
        preload()
        # what kg loaded is there for good: the garbage collector's full passes skip it, here and in the
        # forked workers (which then also leave those pages shared), as long as the cluster runs
        gc.freeze()
        stack.callback(gc.unfreeze)
        stack.enter_context(dask.config.set({"distributed.worker.multiprocessing-method": "fork"}))
    try:
        if scheduler:
            client = Client(scheduler, timeout=timeout)
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address="127.0.0.1:0",  # the dashboard where bokeh is installed; a free port
                                   silence_logs=logging.CRITICAL)  # fmt: skip
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        stack.close()
        where = f"the Dask scheduler at {scheduler}" if scheduler else f"a local Dask cluster of {workers} worker(s)"
        raise ClusterError(f"cannot reach {where} ({type(exc).__name__}: {exc})") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        stack.close()


def dashboard(client) -> str | None:
    """The dashboard's address, when the scheduler serves one (a LocalCluster's scheduler runs here: it has
    its HTTP port always, and the dashboard on it only where bokeh is installed)."""
    if getattr(client, "cluster", None) is not None and not has_dashboard_support():
        return None
    with contextlib.suppress(Exception):
        if "dashboard" in (client.scheduler_info().get("services") or {}):
            return client.dashboard_link
    return None


def n_workers(client) -> int:
    return max(1, len(client.scheduler_info().get("workers") or {}))


def wait_for_workers(client, n: int = 1, timeout: float = 60) -> None:
    try:
        client.wait_for_workers(n, timeout=timeout)
    except (TimeoutError, OSError):
        raise ClusterError(f"no Dask worker joined within {timeout:.0f}s") from None


class Progress:
    """A tqdm bar over partitions on stderr (only when asked: on a terminal, not in CI), preceded by the
    dashboard link when there is one."""

    def __init__(self, client, enabled: bool, desc: str = "kg (dask)") -> None:
        self.bar = None
        self.t0 = time.perf_counter()
        if not enabled:
            return
        from tqdm import tqdm

        link = dashboard(client)
        sys.stderr.write(f"Dask dashboard: {link}\n" if link else "Dask dashboard: none (pip install bokeh to get one)\n")
        self.bar = tqdm(total=None, unit="part", file=sys.stderr, dynamic_ncols=True, desc=desc, mininterval=0.3)

    def submitted(self, total: int) -> None:
        if self.bar is not None:
            self.bar.total = total
            self.bar.refresh()

    def done(self, words: int) -> None:
        if self.bar is not None:
            self.words = getattr(self, "words", 0) + words
            rate = self.words / max(time.perf_counter() - self.t0, 1e-9)
            self.bar.set_postfix_str(f"{self.words:,} words, {rate:,.0f} words/s", refresh=False)
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def show_progress() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")
