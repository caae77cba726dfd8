"""SPARQL over kg's exports, on Oxigraph (pyoxigraph): fast enough for millions of triples.

kg's prefixes (``kg:``, ``kgr:``, ``sem:``, ``prov:``, ``nif:``, ``org:``, ``time:``, ``xsd:`` ..., and one
per kind of instance: ``actor:irn``, ``event:ev_1``, ``doc:D``, ``place:P``, ``mention:M`` ...) are
predeclared: a query may use them without ``PREFIX`` lines. A source is an RDF export in any format kg
writes (``.ttl``, ``.nt``, ``.nq``, ``.trig``, ``.jsonld``, ``.rdf``), an output folder of ``kg build``
(its ``graph.nt`` or ``graph.ttl``), a kg event store folder (``kg add --store``; its merged graph), or a
``pyoxigraph.Store``. Named graphs (one per source document in N-Quads/TriG) are queried as one default
graph; ``GRAPH ?g { ... }`` still reaches them.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError  # noqa: F401 - raised here, defined with the other domain errors
from kg.outputs.rdf.vocab import INSTANCE_PREFIXES, PREFIXES
from kg.query.sources import open_store  # noqa: F401 - kg.query.sparql.open_store, as before
from kg.util import csv_safe, json_printable, printable

ALL_PREFIXES = {**PREFIXES, **INSTANCE_PREFIXES}
# IRIs are shown with the most specific prefix: actor:irn rather than kgr:actor/irn
_DISPLAY = sorted(ALL_PREFIXES.items(), key=lambda kv: -len(str(kv[1])))

OUTPUT_FORMATS = ("table", "csv", "tsv", "json")


def with_prefixes(query: str) -> tuple[str, int]:
    """``query`` with kg's PREFIX lines prepended (those it does not declare); returns (text, added lines)."""
    declared = {m.group(1) for m in re.finditer(r"(?im)^\s*PREFIX\s+([\w-]*):", query)}
    lines = [f"PREFIX {p}: <{ns}>" for p, ns in ALL_PREFIXES.items() if p not in declared]
    return "\n".join(lines + [query]), len(lines)


def execute(store: ox.Store, query: str):
    """Run ``query`` (kg's prefixes predeclared; named graphs as one default graph)."""
    text, added = with_prefixes(query)
    try:
        return store.query(text, use_default_graph_as_union=True)
    except SyntaxError as exc:
        msg = str(exc)
        m = re.match(r"error at (\d+):(\d+)", msg)
        if m:
            line = int(m.group(1)) - added
            msg = f"line {line}, column {m.group(2)}: " + msg[m.end() :].lstrip(": ")
        raise QueryError(f"SPARQL syntax error at {msg}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"the query failed: {exc}") from None


def _term(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        iri = term.value
        for prefix, ns in _DISPLAY:
            if iri.startswith(str(ns)) and re.fullmatch(r"[\w.\-]*", iri[len(str(ns)) :]):
                return f"{prefix}:{iri[len(str(ns)):]}"
        return f"<{iri}>"
    return str(term)


def results_rows(result) -> tuple[list[str], list[list[str]]]:
    if isinstance(result, ox.QueryBoolean):
        return ["ask"], [[str(bool(result)).lower()]]
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return names, [[_term(sol[n]) for n in names] for sol in result]
    # CONSTRUCT/DESCRIBE
    return ["subject", "predicate", "object"], [[_term(t.subject), _term(t.predicate), _term(t.object)] for t in result]


def format_rows(names: list[str], rows: list[list[str]], fmt: str = "table") -> str:
    """The rows as ``table`` (aligned, one line per row, control characters shown as ``\\x1b`` ...: for a
    terminal), ``csv`` (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted), ``tsv``
    (the same with tabs) or ``json``. In CSV and TSV, cells a spreadsheet would run as a formula get a
    leading ``'`` (:func:`kg.util.csv_safe`)."""
    if fmt == "json":
        return json_printable(json.dumps({"head": {"vars": names}, "rows": rows}, ensure_ascii=False)) + "\n"
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\r\n")
        w.writerow(names)
        w.writerows([csv_safe(c) for c in r] for r in rows)
        return buf.getvalue()
    names = [printable(n, keep_newlines=False) for n in names]
    rows = [[printable(" ".join(c.split()), keep_newlines=False) for c in r] for r in rows]  # one line per row in a terminal
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    out = [" | ".join(n.ljust(w) for n, w in zip(names, widths)).rstrip(), "-+-".join("-" * w for w in widths)]
    out += [" | ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def run_query(source: str | Path | ox.Store, query: str, *, fmt: str = "table") -> str:
    """Run ``query`` over the export ``source`` and format the answer: ``table`` (aligned columns), ``csv``,
    ``tsv`` or ``json`` (SPARQL 1.1 Query Results JSON for SELECT and ASK)."""
    if fmt not in OUTPUT_FORMATS:
        raise QueryError(f"unknown output format {fmt!r} (use {', '.join(OUTPUT_FORMATS)})")
    store = open_store(source)
    result = execute(store, query)
    if fmt == "json" and isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
        return json_printable(result.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8")) + "\n"
    names, rows = results_rows(result)
    return format_rows(names, rows, fmt)
