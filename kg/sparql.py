"""SPARQL over kg's exports, on Oxigraph (pyoxigraph): fast enough for millions of triples.

kg's prefixes (``kg:``, ``kgr:``, ``sem:``, ``prov:``, ``nif:``, ``xsd:`` ...) are predeclared: a query may
use them without ``PREFIX`` lines.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyoxigraph as ox

from .rdf import PREFIXES

FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}


class QueryError(Exception):
    """A query or source that cannot be used; the message says why (with the line for syntax errors)."""


def open_store(source: str | Path) -> ox.Store:
    path = Path(source)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise QueryError(f"{path}: unknown RDF format (use .ttl, .nt, .nq, .trig, .jsonld or .rdf)")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"{path}: cannot read RDF ({exc})") from None
    return store


def with_prefixes(query: str) -> tuple[str, int]:
    """``query`` with kg's PREFIX lines prepended (those it does not declare); returns (text, added lines)."""
    declared = {m.group(1) for m in re.finditer(r"(?im)^\s*PREFIX\s+([\w-]*):", query)}
    lines = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p not in declared]
    return "\n".join(lines + [query]), len(lines)


def execute(store: ox.Store, query: str):
    text, added = with_prefixes(query)
    try:
        return store.query(text)
    except SyntaxError as exc:
        msg = str(exc)
        m = re.match(r"error at (\d+):(\d+)", msg)
        if m:
            line = int(m.group(1)) - added
            msg = f"line {line}, column {m.group(2)}: " + msg[m.end() :].lstrip(": ")
        raise QueryError(f"SPARQL syntax error at {msg}") from None


def _term(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        iri = term.value
        for prefix, ns in PREFIXES.items():
            if iri.startswith(str(ns)) and re.fullmatch(r"[\w.\-/]*", iri[len(str(ns)) :]):
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


def run_query(source: str | Path, query: str, *, fmt: str = "table") -> str:
    """Run ``query`` over the export ``source`` and format the answer (table, csv, tsv or json)."""
    store = open_store(source)
    result = execute(store, query)
    if fmt == "json" and isinstance(result, ox.QuerySolutions):
        return result.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8") + "\n"
    names, rows = results_rows(result)
    if fmt == "json":
        return json.dumps({"head": {"vars": names}, "rows": rows}, ensure_ascii=False) + "\n"
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(names)
        w.writerows(rows)
        return buf.getvalue()
    rows = [[" ".join(c.split()) for c in r] for r in rows]  # one line per row in a terminal
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    out = [" | ".join(n.ljust(w) for n, w in zip(names, widths)), "-+-".join("-" * w for w in widths)]
    out += [" | ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
