"""The flat event table (``events.csv``): one row per source-target pair of an event.

The file is RFC 4180 CSV (CRLF line ends; a field holding a comma, a quote, a CR or an LF is quoted), so a
line break inside an article's title or URL never splits a row. Cells of the free-text columns that a
spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a line break) get a
leading ``'`` (OWASP's advice against CSV injection); codes, dates and numbers are written as they are.
:func:`read_events` reads the file back with codes as text and those cells restored.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx

from kg.graph.build import event_edges_of
from kg.util import atomic_write_text, csv_safe, csv_unsafe

COLUMNS = (
    "event_id", "doc_id", "date", "date_precision", "event_code", "event_root", "event_label", "quad_class",
    "goldstein", "source_code", "source_name", "target_code", "target_name", "place", "sentence", "char_start",
    "char_end",
    # extra columns
    "modality", "confidence", "date_inferred", "trigger", "source_text", "source_sector", "source_role",
    "target_text", "target_sector", "target_role", "mention", "doc_title", "doc_url", "doc_lang", "rule", "quantities",
    "mentions", "sources",  # reports merged into the event, and their distinct publishers (GDELT's NumMentions, NumSources)
    # appended last so readers of the older header keep working (issue #13): each side's home state, ISO3
    # (a state's or person's code; a group's or agency's country: Hezbollah -> LBN; empty for IGOs)
    "source_country", "target_country",
)  # fmt: skip
# columns that hold article text, names or ids taken from the input (neutralised against formula injection);
# the others are codes, dates, numbers and kg's own words
TEXT_COLUMNS = (
    "doc_id", "event_label", "source_name", "target_name", "place", "sentence", "trigger", "source_text", "source_role",
    "target_text", "target_role", "mention", "doc_title", "doc_url", "quantities",
)  # fmt: skip
# read back as text (pandas would read "042" as 42 and "2024" as a number)
STRING_COLUMNS = tuple(c for c in COLUMNS if c not in ("quad_class", "goldstein", "char_start", "char_end", "confidence", "mentions", "sources"))


def rows(G: nx.MultiDiGraph) -> list[dict]:
    docs = G.graph.get("documents", {})
    out = []
    for u, v, _k, d in event_edges_of(G):
        doc = docs.get(d["doc_id"], {})
        row = {c: d.get(c, "") for c in COLUMNS}
        row["source_country"] = home_country(d.get("source_code"), G.nodes[u] if u in G else {})
        row["target_country"] = home_country(d.get("target_code"), G.nodes[v] if v in G else {})
        row["doc_title"] = doc.get("title", "")
        row["doc_url"] = doc.get("url", "")
        row["doc_lang"] = doc.get("lang", "")
        row["date_inferred"] = "true" if d.get("date_inferred") else "false"
        row["mentions"] = d.get("mentions") or 1
        row["sources"] = d.get("sources") if isinstance(d.get("sources"), int) else 1
        out.append(row)
    return out


def home_country(code: str | None, node: dict) -> str:
    """A participant's home state: its code when that is a state's (ISO3), else its actor's ``country``."""
    if code and len(code) == 3 and code.isalpha() and code.isupper():
        return code
    country = node.get("country") or ""
    return country if len(country) == 3 and country.isupper() else ""


def safe_row(row: dict) -> dict:
    """``row`` with its free-text cells neutralised for spreadsheets (:func:`kg.util.csv_safe`)."""
    return {k: (csv_safe(v) if k in TEXT_COLUMNS else v) for k, v in row.items()}


def to_csv(G: nx.MultiDiGraph) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(safe_row(r) for r in rows(G))
    return buf.getvalue()


def write_csv(G: nx.MultiDiGraph, path: str | Path) -> Path:
    return atomic_write_text(path, to_csv(G))


def read_events(path: str | Path):
    """``events.csv`` as a pandas DataFrame: codes (``042``, ``IDN``), dates and ids stay text, the numbers
    (``quad_class``, ``goldstein``, offsets, ``confidence``) are numbers, ``date_inferred`` is a bool, and
    cells neutralised against formula injection are restored.

    >>> import kg, tempfile, os
    >>> from kg.analytics import example_graph
    >>> path = write_csv(example_graph(), os.path.join(tempfile.mkdtemp(), "events.csv"))
    >>> df = kg.read_events(path)
    >>> sorted(set(df["event_code"]))[:3], str(df["goldstein"].dtype)
    (['020', '036', '040'], 'float64')
    """
    import pandas as pd

    df = pd.read_csv(path, dtype={c: str for c in STRING_COLUMNS}, keep_default_na=False, na_values={c: [""] for c in
                     ("quad_class", "goldstein", "char_start", "char_end", "confidence")})  # fmt: skip
    for c in TEXT_COLUMNS:
        if c in df.columns:
            df[c] = df[c].map(csv_unsafe)
    for c in ("quad_class", "char_start", "char_end", "mentions", "sources"):
        if c in df.columns:
            df[c] = pd.to_numeric(df[c], errors="coerce").astype("Int64")
    for c in ("goldstein", "confidence"):
        if c in df.columns:
            df[c] = pd.to_numeric(df[c], errors="coerce").astype("float64")
    if "date_inferred" in df.columns:
        df["date_inferred"] = df["date_inferred"].astype(str).str.lower().eq("true")
    return df
