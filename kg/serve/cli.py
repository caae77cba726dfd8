"""``kg serve``: the click command (registered by kg's CLI)."""

from __future__ import annotations

import ipaddress
import os
import re
import signal
import sys

import click


def _origin(ctx, param, value):
    if value is None or value == "*" or re.fullmatch(r"https?://[A-Za-z0-9.\-\[\]:]+", value):
        return value
    raise click.BadParameter(f"{value!r} is not an origin such as https://yasgui.example.org (or *)")


@click.command("serve")
@click.argument("source", type=click.Path(exists=True))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. The default answers this machine only; 0.0.0.0 shares the server with the network.")  # fmt: skip
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port (0: any free port).")
@click.option("--timeout", type=click.FloatRange(0.1, 86400), default=30.0, show_default=True,
              help="Seconds a query may run; a longer one is stopped and answered 503.")  # fmt: skip
@click.option("--max-rows", type=click.IntRange(1, 100_000_000), default=100_000, show_default=True,
              help="Rows (or triples) an answer may have; a bigger one is refused with 400 asking for a LIMIT.")  # fmt: skip
@click.option("--cors", metavar="ORIGIN", callback=_origin,
              help="Let pages from ORIGIN (e.g. https://yasgui.example.org, or *) query from a browser. Off by default.")  # fmt: skip
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Query processes, each with its own copy of the graph (default: the CPU count, at most 4).")  # fmt: skip
@click.option("--watch", type=click.FloatRange(0, 3600), default=2.0, show_default=True,
              help="Seconds between checks of SOURCE for new documents (0: never; restart to reload).")  # fmt: skip
@click.option("--quiet", is_flag=True, help="No log line per request.")
def serve(source, host, port, timeout, max_rows, cors, workers, watch, quiet):
    """Serve SOURCE (a store, a kg build folder or an RDF export) over HTTP: a SPARQL 1.1 endpoint at
    /sparql and the analyst app at /. Read-only; listens on 127.0.0.1 unless told otherwise.

    \b
    Examples:
      kg serve kgstore
      kg serve out/graph.ttl --port 8080 --timeout 10
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT (COUNT(*) AS ?n) WHERE { ?e a kg:Event }' http://127.0.0.1:8000/sparql
    """
    sys.exit(run_server(source, host=host, port=port, timeout=timeout, max_rows=max_rows, cors=cors, workers=workers,
                        watch=watch, quiet=quiet))  # fmt: skip


def _say(message: str) -> None:
    click.echo(message, err=True)


def run_server(source, *, host="127.0.0.1", port=8000, timeout=30.0, max_rows=100_000, cors=None, workers=None,
               watch=2.0, quiet=False) -> int:  # fmt: skip
    """Run until Ctrl-C or SIGTERM; the exit code (0 after a clean stop)."""
    import logging

    from waitress.server import create_server

    from ._kg import SourceError
    from .app import App
    from .engine import Engine, WorkerLost

    log = logging.getLogger("kg.serve")
    log.propagate = False
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%Y-%m-%d %H:%M:%S"))
        log.addHandler(handler)
    log.setLevel(logging.WARNING if quiet else logging.INFO)
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "task queue depth": the pool's own queue says it

    stop = {"signal": None}

    def on_signal(signum, frame):
        stop["signal"] = signum
        raise KeyboardInterrupt

    try:
        lazy = _Lazy()
        server = create_server(lazy, host=host, port=port, threads=16, ident="kg serve",
                               clear_untrusted_proxy_headers=True, max_request_body_size=2_000_000)  # fmt: skip
    except OSError as exc:
        _say(f"Error: cannot listen on {host}:{port} ({exc.strerror or exc}); "
             f"{'try another --port, or --port 0 for any free one' if port else 'check --host'}")  # fmt: skip
        return 2
    engine = None
    old = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        try:
            engine = Engine(source, workers=workers or min(4, os.cpu_count() or 1), timeout=timeout,
                            max_rows=max_rows, watch_every=watch)  # fmt: skip
        except (SourceError, WorkerLost) as exc:
            _say(f"Error: {exc}")
            return 2
        bound_host, bound_port = server.effective_host, server.effective_port
        shown = f"[{bound_host}]" if ":" in str(bound_host) else bound_host
        url = f"http://{shown}:{bound_port}/"
        lazy.app = App(engine, cors=cors)
        loopback = _is_loopback(bound_host)
        _say(f"kg serve: {source}: {engine.info.get('triples', 0):,} triples in {engine.size} worker(s)")
        _say(f"kg serve: listening on {bound_host} port {bound_port} "
             + ("(this machine only)" if loopback else "(open to the network: anyone who can reach it can query, read-only, no login)"))  # fmt: skip
        _say(f"kg serve: the app at {url} , SPARQL at {url}sparql")
        _say(f"kg serve: read-only; query timeout {timeout:g} s, at most {max_rows:,} rows; CORS "
             + (f"for {cors}" if cors else "off"))  # fmt: skip
        _say("kg serve: " + (f"new documents in {source} show up within {watch:g} s" if watch else
                             "not watching SOURCE: restart kg serve to see new documents") + "; Ctrl-C stops")  # fmt: skip
        server.run()  # returns on KeyboardInterrupt (Ctrl-C, or SIGTERM through on_signal)
    except KeyboardInterrupt:
        pass
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)
        try:
            server.close()
        except OSError:
            pass
        if engine is not None:
            engine.close()
    name = {signal.SIGTERM: "SIGTERM", signal.SIGINT: "Ctrl-C"}.get(stop["signal"], "stop")
    _say(f"kg serve: stopped ({name})")
    return 0


class _Lazy:
    """The WSGI application, set once the graph is loaded (the socket is bound first, to fail fast)."""

    app = None

    def __call__(self, environ, start_response):
        if self.app is None:
            start_response("503 Service Unavailable", [("Content-Type", "text/plain; charset=utf-8"), ("Retry-After", "2")])
            return [b"kg serve is still loading the graph\n"]
        return self.app(environ, start_response)


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(str(host).strip("[]")).is_loopback
    except ValueError:
        return str(host) == "localhost"


COMMANDS = [serve]
