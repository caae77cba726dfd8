"""SPARQL 1.1 results and RDF formats of ``kg serve``: content negotiation and the serialisers.

Results are written here (not by ``QuerySolutions.serialize``) because the row cap needs the rows counted
before anything is sent. JSON, CSV and TSV follow the W3C "SPARQL 1.1 Query Results" specifications, XML the
"SPARQL Query Results XML Format"; CONSTRUCT and DESCRIBE graphs are written by Oxigraph.
"""

from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape as _xml_escape
from xml.sax.saxutils import quoteattr

import pyoxigraph as ox

# result kind -> [(media type, format name)], the first is the default
RESULTS = [
    ("application/sparql-results+json", "json"),
    ("application/json", "json"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
    ("application/sparql-results+xml", "xml"),
    ("application/xml", "xml"),
    ("text/xml", "xml"),
]
GRAPHS = [
    ("text/turtle", "turtle"),
    ("application/n-triples", "ntriples"),
    ("application/ld+json", "jsonld"),
    ("application/x-turtle", "turtle"),
    ("text/plain", "ntriples"),
]
CONTENT_TYPE = {
    "json": "application/sparql-results+json",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "xml": "application/sparql-results+xml",
    "turtle": "text/turtle; charset=utf-8",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
}
# ?format= names (as Fuseki and YASGUI send them) -> format name
FORMAT_PARAM = {"json": "json", "srj": "json", "csv": "csv", "tsv": "tsv", "xml": "xml", "srx": "xml",
                "turtle": "turtle", "ttl": "turtle", "ntriples": "ntriples", "nt": "ntriples", "n-triples": "ntriples",
                "jsonld": "jsonld", "json-ld": "jsonld"}  # fmt: skip
RESULT_FORMATS = {"json", "csv", "tsv", "xml"}
GRAPH_FORMATS = {"turtle", "ntriples", "jsonld"}
OX_GRAPH = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}


class NotAcceptable(Exception):
    """No format the client accepts fits the answer (HTTP 406)."""


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """``Accept`` as [(media range, q)], best first (stable for equal q).

    >>> parse_accept("text/csv;q=0.5, application/sparql-results+json, */*;q=0.1")
    [('application/sparql-results+json', 1.0), ('text/csv', 0.5), ('*/*', 0.1)]
    """
    out = []
    for i, part in enumerate((header or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        mt = fields[0].lower()
        if not mt:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            out.append((mt, q, i))
    out.sort(key=lambda x: (-x[1], x[2]))
    return [(mt, q) for mt, q, _ in out]


def choose(kind: str, accept: str | None, param: str | None = None) -> str:
    """The format name for a result of ``kind`` ("results" or "graph"): ``?format=`` first, then ``Accept``
    (q-values honoured, wildcards matched), else the default (JSON, Turtle). :class:`NotAcceptable` if the
    client names only formats that do not fit.

    >>> choose("results", "text/csv"), choose("graph", "text/csv, */*;q=0.1"), choose("results", None, "tsv")
    ('csv', 'turtle', 'tsv')
    """
    table = RESULTS if kind == "results" else GRAPHS
    allowed = RESULT_FORMATS if kind == "results" else GRAPH_FORMATS
    if param:
        name = FORMAT_PARAM.get(param.strip().lower())
        if name is None:
            raise NotAcceptable(f"unknown format {param!r} (use {', '.join(sorted(FORMAT_PARAM))})")
        if name not in allowed:
            what = "SELECT and ASK answers" if kind == "results" else "CONSTRUCT and DESCRIBE answers"
            raise NotAcceptable(f"format {param!r} does not fit {what} (use {', '.join(sorted(allowed))})")
        return name
    ranges = parse_accept(accept)
    if not ranges:
        return table[0][1]
    for mt, _q in ranges:
        if mt in ("*/*", "*"):
            return table[0][1]
        for media, name in table:
            if mt == media or (mt.endswith("/*") and media.startswith(mt[:-1])):
                return name
    offered = ", ".join(m for m, _ in table[:5])
    raise NotAcceptable(f"none of the accepted types ({accept}) fits this answer; kg serve offers {offered}")


# ------------------------------------------------------------------------------------------- results


def _json_term(t) -> dict:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        d = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            d["datatype"] = t.datatype.value
        return d
    if isinstance(t, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(t.subject), "predicate": _json_term(t.predicate),
                                            "object": _json_term(t.object)}}  # fmt: skip
    return {"type": "literal", "value": str(t)}


def _csv_term(t) -> str:
    if t is None:
        return ""
    if isinstance(t, (ox.NamedNode, ox.Literal)):
        return t.value
    if isinstance(t, ox.BlankNode):
        return "_:" + t.value
    return str(t)


def _tsv_term(t) -> str:
    # N-Triples syntax (Oxigraph's str()); tabs and line breaks inside are escaped by it
    return "" if t is None else str(t).replace("\t", "\\t")


def _xml_term(t) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{_xml_escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{_xml_escape(t.value)}</bnode>"
    if isinstance(t, ox.Literal):
        if t.language:
            return f"<literal xml:lang={quoteattr(t.language)}>{_xml_escape(t.value)}</literal>"
        if t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            return f"<literal datatype={quoteattr(t.datatype.value)}>{_xml_escape(t.value)}</literal>"
        return f"<literal>{_xml_escape(t.value)}</literal>"
    if isinstance(t, ox.Triple):
        return (f"<triple><subject>{_xml_term(t.subject)}</subject><predicate>{_xml_term(t.predicate)}</predicate>"
                f"<object>{_xml_term(t.object)}</object></triple>")  # fmt: skip
    return f"<literal>{_xml_escape(str(t))}</literal>"


def write_solutions(names: list[str], rows: list[list], fmt: str) -> bytes:
    """SELECT rows (Oxigraph terms, ``None`` for unbound) in ``fmt`` (json, csv, tsv, xml)."""
    if fmt == "json":
        bindings = [{n: _json_term(t) for n, t in zip(names, row) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False).encode()
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        if fmt == "csv":
            w = csv.writer(buf, lineterminator="\r\n")
            w.writerow(names)
            w.writerows([_csv_term(t) for t in row] for row in rows)
        else:
            buf.write("\t".join("?" + n for n in names) + "\n")
            for row in rows:
                buf.write("\t".join(_tsv_term(t) for t in row) + "\n")
        return buf.getvalue().encode()
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
    out += [f"<variable name={quoteattr(n)}/>" for n in names]
    out.append("</head>\n<results>")
    for row in rows:
        out.append("<result>" + "".join(f"<binding name={quoteattr(n)}>{_xml_term(t)}</binding>"
                                        for n, t in zip(names, row) if t is not None) + "</result>")  # fmt: skip
    out.append("</results>\n</sparql>\n")
    return "\n".join(out).encode()


def write_boolean(value: bool, fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": bool(value)}).encode()
    if fmt == "csv":
        return f"boolean\r\n{str(bool(value)).lower()}\r\n".encode()
    if fmt == "tsv":
        return f"?boolean\n{str(bool(value)).lower()}\n".encode()
    return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head/>\n'
            f"<boolean>{str(bool(value)).lower()}</boolean>\n</sparql>\n").encode()  # fmt: skip


def write_graph(triples: list, fmt: str, prefixes: dict[str, str]) -> bytes:
    """CONSTRUCT/DESCRIBE triples as Turtle (with kg's prefixes), N-Triples or JSON-LD."""
    if fmt == "turtle":
        triples = sorted(triples, key=lambda t: (str(t.subject), str(t.predicate)))  # one block per subject
    used = prefixes if fmt != "ntriples" else None
    return ox.serialize(triples, format=OX_GRAPH[fmt], prefixes=used) or b""
