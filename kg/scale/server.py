"""A standalone SPARQL server for kg's graph: the ``oxigraph`` command line (``pip install oxigraph``),
bulk-loaded from N-Quads parts and serving on 127.0.0.1, driven from Python (the round-trip test, scripts).

The shell equivalent (README, "Scaling out")::

    kg export --store kgstore -o out/ --format nq --parts 8
    oxigraph load --location kgdb --file out/graph.nq.parts/*.nq
    oxigraph serve-read-only --location kgdb --bind 127.0.0.1:7878 --union-default-graph

``--union-default-graph`` makes the documents' named graphs one default graph, as ``kg query`` does; kg's
prefixes must be declared in each query sent to the server (:func:`kg.query.sparql.with_prefixes` adds them).
"""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path


class ServerError(RuntimeError):
    """The oxigraph command is missing, or failed (a one-line message)."""


def oxigraph_command() -> str:
    """The ``oxigraph`` executable: on PATH, or beside this Python (a virtual environment's bin/)."""
    found = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if not found:
        raise ServerError("the oxigraph command is not installed (pip install oxigraph)")
    return found


def load(location: str | Path, files: Iterable[str | Path], *, timeout: float = 3600) -> None:
    """``oxigraph load``: bulk-load RDF files (N-Quads parts in parallel) into the database folder ``location``."""
    files = [str(f) for f in files]
    if not files:
        raise ServerError("nothing to load")
    run = subprocess.run([oxigraph_command(), "load", "--location", str(location), "--file", *files],
                         capture_output=True, text=True, timeout=timeout)  # fmt: skip
    if run.returncode != 0:
        last = (run.stderr.strip().splitlines() or ["(no message)"])[-1]
        raise ServerError(f"oxigraph load failed: {last}")


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(location: str | Path, *, host: str = "127.0.0.1", port: int | None = None, timeout: float = 60) -> Iterator[str]:
    """``oxigraph serve-read-only`` on ``location`` at ``host:port`` (a free port by default) while the block
    runs; yields the query endpoint's URL. The server is stopped (and reaped) on exit."""
    port = port or free_port(host)
    proc = subprocess.Popen([oxigraph_command(), "serve-read-only", "--location", str(location), "--bind", f"{host}:{port}",
                             "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise ServerError(f"oxigraph serve exited: {(proc.stderr.read().decode(errors='replace').strip().splitlines() or ['?'])[-1]}")
            with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=0.5):
                break
            if time.monotonic() > deadline:
                raise ServerError(f"oxigraph serve did not answer on {host}:{port} within {timeout:.0f}s")
            time.sleep(0.1)
        yield f"http://{host}:{port}/query"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()


def query(endpoint: str, sparql: str, *, timeout: float = 60) -> dict:
    """A SELECT or ASK over HTTP (SPARQL 1.1 protocol), kg's prefixes added; the SPARQL results JSON."""
    from kg.query.sparql import with_prefixes

    text, _ = with_prefixes(sparql)
    req = urllib.request.Request(endpoint, data=urllib.parse.urlencode({"query": text}).encode("utf-8"), method="POST",
                                 headers={"Accept": "application/sparql-results+json",
                                          "Content-Type": "application/x-www-form-urlencoded"})  # fmt: skip
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return json.loads(resp.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        raise ServerError(f"the server refused the query: HTTP {exc.code} {exc.read().decode(errors='replace')[:200]}") from None
