"""The flat event table (``events.csv``): one row per source-target pair of an event."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx

from .graph import event_edges_of
from .util import atomic_write_text

COLUMNS = (
    "event_id", "doc_id", "date", "date_precision", "event_code", "event_root", "event_label", "quad_class",
    "goldstein", "source_code", "source_name", "target_code", "target_name", "place", "sentence", "char_start",
    "char_end",
    # extra columns
    "modality", "confidence", "date_inferred", "trigger", "source_text", "source_sector", "source_role",
    "target_text", "target_sector", "target_role", "mention", "doc_title", "doc_url", "doc_lang", "rule", "quantities",
)  # fmt: skip


def rows(G: nx.MultiDiGraph) -> list[dict]:
    docs = G.graph.get("documents", {})
    out = []
    for _u, _v, _k, d in event_edges_of(G):
        doc = docs.get(d["doc_id"], {})
        row = {c: d.get(c, "") for c in COLUMNS}
        row["doc_title"] = doc.get("title", "")
        row["doc_url"] = doc.get("url", "")
        row["doc_lang"] = doc.get("lang", "")
        row["date_inferred"] = "true" if d.get("date_inferred") else "false"
        out.append(row)
    return out


def to_csv(G: nx.MultiDiGraph) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(G))
    return buf.getvalue()


def write_csv(G: nx.MultiDiGraph, path: str | Path) -> Path:
    return atomic_write_text(path, to_csv(G))
