"""A ``kg serve`` worker process: one in-memory Oxigraph copy of the served graph, one query at a time.

The server hands each query to an idle worker over a pipe and waits at most ``--timeout`` seconds; a worker
that overruns is killed and replaced, so a runaway query stops using the CPU instead of running on in a
thread nobody can stop. Each worker owns its store, so concurrent reads never share one.

Messages (tuples) in: ``("load", source)``, ``("query", source, text, accept, format, max_rows)``,
``("app", source, name, params, max_rows)``, ``("stop",)``; answers out: ``("loaded", info)`` or
``(status, content_type, body)``.
"""

from __future__ import annotations

import json
import signal
import time

import pyoxigraph as ox

from . import formats


class Worker:
    def __init__(self, prefixes: dict[str, str]):
        self.prefixes = prefixes
        self.stamp = None
        self.store: ox.Store | None = None
        self.graph = None

    def load(self, source: dict) -> dict:
        if source["stamp"] != self.stamp:
            t0 = time.perf_counter()
            store = ox.Store()
            store.bulk_load(path=source["path"], format=ox.RdfFormat.from_media_type(source["media_type"]))
            from .data import Graph

            graph = Graph(store, self.prefixes)
            graph.layout()  # the app's map is ready before the first request needs it
            self.store, self.graph, self.stamp = store, graph, source["stamp"]
            self.loaded_in = time.perf_counter() - t0
            self.triples = len(store)  # counts every quad: once per load, never per query
        return {"stamp": self.stamp, "triples": self.triples, "seconds": round(self.loaded_in, 3)}

    # -- SPARQL protocol -------------------------------------------------------------------------------
    def query(self, text: str, accept: str | None, fmt: str | None, max_rows: int) -> tuple[int, str, bytes]:
        try:
            result = self.store.query(text, prefixes=self.prefixes, use_default_graph_as_union=True)
        except SyntaxError as exc:
            return 400, "text/plain; charset=utf-8", f"SPARQL syntax error: {' '.join(str(exc).split())}\n".encode()
        try:
            if isinstance(result, ox.QueryBoolean):
                name = formats.choose("results", accept, fmt)
                return 200, formats.CONTENT_TYPE[name], formats.write_boolean(bool(result), name)
            if isinstance(result, ox.QuerySolutions):
                name = formats.choose("results", accept, fmt)
                names = [v.value for v in result.variables]
                rows = []
                for sol in result:
                    if len(rows) == max_rows:
                        return _too_many(max_rows, "rows")
                    rows.append([sol[n] for n in names])
                return 200, formats.CONTENT_TYPE[name], formats.write_solutions(names, rows, name)
            name = formats.choose("graph", accept, fmt)
            triples = []
            for t in result:
                if len(triples) == max_rows:
                    return _too_many(max_rows, "triples")
                triples.append(t)
            return 200, formats.CONTENT_TYPE[name], formats.write_graph(triples, name, self.prefixes)
        except formats.NotAcceptable as exc:
            return 406, "text/plain; charset=utf-8", f"{exc}\n".encode()
        except (OSError, ValueError, RuntimeError) as exc:  # evaluation errors surface while iterating
            return 500, "text/plain; charset=utf-8", f"the query failed: {' '.join(str(exc).split())}\n".encode()

    # -- the app ---------------------------------------------------------------------------------------
    def app(self, name: str, params: dict, max_rows: int) -> tuple[int, str, bytes]:
        from . import data

        try:
            if name == "events.csv":
                return 200, "text/csv; charset=utf-8", data.events(self.graph, params, max_rows=max_rows, as_csv=True)
            answer = data.ENDPOINTS[name](self.graph, params)
        except data.BadRequest as exc:
            return 400, "text/plain; charset=utf-8", f"{exc}\n".encode()
        except KeyError:
            return 404, "text/plain; charset=utf-8", f"no such app endpoint: {name}\n".encode()
        return 200, "application/json", json.dumps(answer, ensure_ascii=False).encode()


def _too_many(cap: int, what: str) -> tuple[int, str, bytes]:
    return (400, "text/plain; charset=utf-8",
            f"the answer has more than {cap:,} {what} (the server's row cap, kg serve --max-rows): add a LIMIT\n".encode())  # fmt: skip


def main(conn, prefixes: dict[str, str], source: dict) -> None:
    """The worker process: Ctrl-C is the server's to handle (it stops the workers), so it is ignored here."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    worker = Worker(prefixes)
    try:
        conn.send(("loaded", worker.load(source)))
    except Exception as exc:  # noqa: BLE001 - any load failure is reported to the server as one line
        conn.send(("failed", f"{source['path']}: cannot load ({' '.join(str(exc).split())})"))
        return
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        kind = msg[0]
        if kind == "stop":
            return
        try:
            if kind == "load":
                conn.send(("loaded", worker.load(msg[1])))
            elif kind == "query":
                _, source, text, accept, fmt, max_rows = msg
                worker.load(source)
                conn.send(worker.query(text, accept, fmt, max_rows))
            elif kind == "app":
                _, source, name, params, max_rows = msg
                worker.load(source)
                conn.send(worker.app(name, params, max_rows))
        except (BrokenPipeError, EOFError, OSError):
            return
        except Exception as exc:  # noqa: BLE001 - a bug answers 500 with one line, the worker lives on
            try:
                conn.send((500, "text/plain; charset=utf-8", f"internal error: {type(exc).__name__}: {exc}\n".encode()))
            except OSError:
                return
