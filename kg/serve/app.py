"""The HTTP side of ``kg serve``: a WSGI application (served by waitress) with

- ``/sparql``: the SPARQL 1.1 Protocol (query by GET, POST form or POST ``application/sparql-query``; a
  service description on a bare GET; updates refused with 403);
- ``/``: the analyst app (``static/``), and ``/api/*``: the data it asks for (:mod:`kg.serve.data`);
- one log line per request, CORS headers only for ``--cors ORIGIN``, and a strict Content-Security-Policy
  on the app so that no text from the graph can ever run as script.
"""

from __future__ import annotations

import json
import logging
import re
import time
from importlib.resources import files
from urllib.parse import parse_qs

from . import _kg, formats
from .engine import Busy, Timeout, WorkerLost

log = logging.getLogger("kg.serve")

MAX_BODY = 1_000_000  # a SPARQL query of a megabyte is already absurd
STATIC = {"index.html": "text/html; charset=utf-8", "app.js": "text/javascript; charset=utf-8",
          "labels.js": "text/javascript; charset=utf-8",  # shared with the static graph.html (kg/outputs/viz.py)
          "app.css": "text/css; charset=utf-8", "LICENSES.txt": "text/plain; charset=utf-8"}  # fmt: skip
VENDOR = {"vis-network.min.js": "text/javascript; charset=utf-8", "vis-network.css": "text/css; charset=utf-8"}
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")  # fmt: skip
# strings, IRIs and comments: a keyword inside one of them is never taken for a keyword
_LONG_STRINGS = r'"""(?:[^"\\]|\\.|"(?!""))*"""' + r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
_LEXEMES = re.compile(_LONG_STRINGS + r'|"(?:[^"\\\n]|\\.)*"' + r"|'(?:[^'\\\n]|\\.)*'" + r'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
_UPDATE = re.compile(r"^\s*(?:(?:PREFIX\s+[\w.-]*:\s*<>|BASE\s*<>)\s*)*"
                     r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I)  # fmt: skip
_SERVICE = re.compile(r"\bSERVICE\b", re.I)
SD = "http://www.w3.org/ns/sparql-service-description#"


def _skeleton(text: str) -> str:
    """``text`` with its strings and IRIs emptied and its comments removed."""
    return _LEXEMES.sub(lambda m: "" if m.group(0)[0] == "#" else ("<>" if m.group(0)[0] == "<" else '""'), text)


def is_update(text: str) -> bool:
    """Does ``text`` read as a SPARQL Update (after its prologue)?

    >>> is_update("PREFIX ex: <http://e/#> # a comment\\nINSERT DATA { ex:a ex:b ex:c }"), is_update("SELECT * {}")
    (True, False)
    """
    return bool(_UPDATE.match(_skeleton(text)))


def uses_service(text: str) -> bool:
    """Does ``text`` call another endpoint (``SERVICE``)? Oxigraph would fetch it from the server.

    >>> uses_service("SELECT * { SERVICE <http://e/sparql> { ?s ?p ?o } }"), uses_service('SELECT ("SERVICE" AS ?x) {}')
    (True, False)
    """
    return bool(_SERVICE.search(_skeleton(text)))


class Response:
    def __init__(self, status: int, body: bytes = b"", content_type: str = "text/plain; charset=utf-8", headers=()):
        self.status, self.body, self.content_type, self.headers = status, body, content_type, list(headers)


def _text(status: int, message: str) -> Response:
    return Response(status, (message.rstrip("\n") + "\n").encode())


REASONS = {200: "OK", 204: "No Content", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
           405: "Method Not Allowed", 406: "Not Acceptable", 413: "Payload Too Large",
           415: "Unsupported Media Type", 500: "Internal Server Error", 503: "Service Unavailable"}  # fmt: skip


class App:
    """The WSGI application over an :class:`kg.serve.engine.Engine`."""

    def __init__(self, engine, *, cors: str | None = None, base_url: str = ""):
        self.engine = engine
        self.cors = cors
        self.base_url = base_url
        self.static = files("kg.serve") / "static"
        self.vendor = _kg.vis_network_dir()
        self._queries: bytes | None = None

    # -- WSGI -------------------------------------------------------------------------------------------
    def __call__(self, environ, start_response):
        t0 = time.perf_counter()
        try:
            resp = self.handle(environ)
        except Exception as exc:  # noqa: BLE001 - the server answers 500 and logs one line, never a traceback
            log.error("kg serve: internal error: %s: %s", type(exc).__name__, exc)
            resp = _text(500, f"internal error: {type(exc).__name__}")
        headers = [("Content-Type", resp.content_type), ("Content-Length", str(len(resp.body))),
                   ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"), *resp.headers]  # fmt: skip
        if self.cors and environ.get("HTTP_ORIGIN"):
            headers += [("Access-Control-Allow-Origin", self.cors), ("Vary", "Origin")]
        start_response(f"{resp.status} {REASONS.get(resp.status, '')}".rstrip(), headers)
        path = environ.get("PATH_INFO", "") + ("?" + environ["QUERY_STRING"] if environ.get("QUERY_STRING") else "")
        shown = path if len(path) <= 160 else path[:157] + "..."
        shown = shown.encode("unicode_escape").decode("ascii")  # a request line can never write escapes to the terminal
        log.info('%s "%s %s" %d %d %.0fms', environ.get("REMOTE_ADDR", "-"), environ.get("REQUEST_METHOD", "-"), shown,
                 resp.status, len(resp.body), (time.perf_counter() - t0) * 1000)  # fmt: skip
        return [resp.body] if environ.get("REQUEST_METHOD") != "HEAD" else [b""]

    def handle(self, environ) -> Response:
        method = environ.get("REQUEST_METHOD", "GET")
        path = environ.get("PATH_INFO", "/")
        if method == "OPTIONS":
            return self.options(environ)
        if path == "/sparql":
            return self.sparql(environ)
        if method not in ("GET", "HEAD"):
            return Response(405, b"only GET here (POST goes to /sparql)\n", headers=[("Allow", "GET, HEAD")])
        if path in ("/", "/index.html"):
            return self.asset(self.static / "index.html", STATIC["index.html"], html=True)
        if path.startswith("/static/"):
            name = path[len("/static/") :]
            if name in STATIC:
                return self.asset(self.static / name, STATIC[name])
            if name in VENDOR:
                return self.asset(self.vendor / name, VENDOR[name])
            return _text(404, f"no such file: {name[:80]}")
        if path == "/api/queries":
            return Response(200, self.queries(), "application/json")
        if path.startswith("/api/"):
            name = path[len("/api/") :]
            params = {k: v[-1] for k, v in parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True).items()}
            return self.job(("app", name, params, self.engine.max_rows), download=name.endswith(".csv"))
        return _text(404, f"nothing at {path[:80]} (the app is at /, SPARQL at /sparql)")

    def asset(self, resource, content_type: str, *, html: bool = False) -> Response:
        try:
            body = resource.read_bytes()
        except OSError:
            return _text(404, "missing asset")
        headers = [("Cache-Control", "no-cache")]
        if html:
            headers += [("Content-Security-Policy", CSP), ("X-Frame-Options", "DENY")]
        return Response(200, body, content_type, headers)

    def options(self, environ) -> Response:
        headers = [("Allow", "GET, POST, HEAD, OPTIONS")]
        if self.cors:
            headers += [("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
                        ("Access-Control-Allow-Headers", "Content-Type, Accept"), ("Access-Control-Max-Age", "600")]  # fmt: skip
        return Response(204, b"", headers=headers)

    def queries(self) -> bytes:
        """data/queries/*.rq with their first comment line as a title, for the console's examples."""
        if self._queries is None:
            out = []
            folder = _kg.queries_dir()
            for path in sorted(folder.glob("*.rq")) if folder.is_dir() else []:
                text = path.read_text(encoding="utf-8")
                first = next((ln.lstrip("# ").strip() for ln in text.splitlines() if ln.startswith("#")), path.stem)
                out.append({"name": path.stem, "title": first, "query": text})
            self._queries = json.dumps(out, ensure_ascii=False).encode()
        return self._queries

    # -- SPARQL protocol --------------------------------------------------------------------------------
    def sparql(self, environ) -> Response:
        method = environ.get("REQUEST_METHOD", "GET")
        params = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        if method == "POST":
            ctype = (environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
            try:
                length = int(environ.get("CONTENT_LENGTH") or 0)
            except ValueError:
                return _text(400, "bad Content-Length")
            if length > MAX_BODY:
                return _text(413, f"the request body is over {MAX_BODY:,} bytes")
            body = environ["wsgi.input"].read(length) if length else b""
            try:
                body_text = body.decode("utf-8")
            except UnicodeDecodeError:
                return _text(400, "the request body is not UTF-8")
            if ctype == "application/sparql-update":
                return _text(403, "this endpoint is read-only: SPARQL Update is refused")
            if ctype == "application/x-www-form-urlencoded":
                form = parse_qs(body_text, keep_blank_values=True)
                if "update" in form:
                    return _text(403, "this endpoint is read-only: SPARQL Update is refused")
                for k, v in form.items():
                    params.setdefault(k, []).extend(v)
            elif ctype == "application/sparql-query":
                params["query"] = [body_text]
            else:
                return _text(415, "POST a query as application/sparql-query or as a form (application/x-www-form-urlencoded)")
        elif method not in ("GET", "HEAD"):
            return Response(405, b"use GET or POST\n", headers=[("Allow", "GET, POST, HEAD, OPTIONS")])
        if "update" in params:
            return _text(403, "this endpoint is read-only: SPARQL Update is refused")
        queries = params.get("query", [])
        if not queries:
            return self.service_description(environ)
        if len(queries) > 1:
            return _text(400, "give one query parameter, not several")
        text = queries[0]
        if not text.strip():
            return _text(400, "the query is empty")
        if is_update(text):
            return _text(403, "this endpoint is read-only: SPARQL Update is refused")
        if uses_service(text):
            return _text(403, "federated queries (SERVICE) are off: kg serve never fetches from other endpoints")
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            return _text(400, "default-graph-uri and named-graph-uri are not supported: the graph is queried as one dataset")
        fmt = (params.get("format") or params.get("output") or [None])[-1]
        return self.job(("query", text, environ.get("HTTP_ACCEPT"), fmt, self.engine.max_rows))

    def job(self, message: tuple, *, download: bool = False) -> Response:
        try:
            status, ctype, body = self.engine.run(message)
        except Timeout:
            return _text(503, f"the query ran longer than {self.engine.timeout:g} s (kg serve --timeout) and was stopped")
        except Busy:
            return _text(503, f"the server stayed busy for {self.engine.timeout:g} s; try again", )
        except WorkerLost as exc:
            return _text(500, f"the query failed: {exc}")
        headers = [("Content-Disposition", 'attachment; filename="events.csv"')] if download and status == 200 else []
        return Response(status, body, ctype, headers)

    def service_description(self, environ) -> Response:
        host = environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME', '127.0.0.1')}:{environ.get('SERVER_PORT', '')}"
        endpoint = self.base_url or f"{environ.get('wsgi.url_scheme', 'http')}://{host}/sparql"
        results = ["SPARQL_Results_JSON", "SPARQL_Results_CSV", "SPARQL_Results_TSV", "SPARQL_Results_XML",
                   "Turtle", "N-Triples", "JSON-LD"]  # fmt: skip
        import pyoxigraph as ox

        s = ox.NamedNode(endpoint)
        ttl = [f"@prefix sd: <{SD}> .", "@prefix void: <http://rdfs.org/ns/void#> .", "",
               f"[] a sd:Service ; sd:endpoint {s} ;", "  sd:supportedLanguage sd:SPARQL11Query ;",
               "  sd:feature sd:UnionDefaultGraph ;",
               "  sd:resultFormat " + ", ".join(f"<http://www.w3.org/ns/formats/{r}>" for r in results) + " ;",
               f'  sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ; void:triples {int(self.engine.info.get("triples", 0))} ] ] .',
               ""]  # fmt: skip
        text = "\n".join(ttl)
        try:
            name = formats.choose("graph", environ.get("HTTP_ACCEPT"))
        except formats.NotAcceptable as exc:
            return _text(406, str(exc))
        if name != "turtle":
            graph = ox.parse(text, format=ox.RdfFormat.TURTLE)
            return Response(200, ox.serialize(graph, format=formats.OX_GRAPH[name]), formats.CONTENT_TYPE[name])
        return Response(200, text.encode(), formats.CONTENT_TYPE["turtle"])
