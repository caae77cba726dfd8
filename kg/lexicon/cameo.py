"""The CAMEO event taxonomy (``data/cameo/cameo.tsv``): labels, Goldstein scores, quad classes.

>>> info("190").root, info("190").quad_class, info("190").goldstein
('19', 4, -10.0)
>>> info("04").quad_class
1
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from kg.resources import data_dir

# CAMEO's four quad classes: the one table of their names and colours (the analytics filters, the HTML view,
# the notebook charts and `kg stats` read them from here)
QUAD_LABELS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
QUAD_COLORS = {1: "#2ca02c", 2: "#1f77b4", 3: "#ff7f0e", 4: "#d62728"}


@dataclass(frozen=True, slots=True)
class CameoInfo:
    code: str
    root: str
    label: str
    label_id: str
    goldstein: float
    quad_class: int
    plover: str = ""


def quad_of_root(root: str) -> int:
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


@cache
def table() -> dict[str, CameoInfo]:
    path = data_dir() / "cameo" / "cameo.tsv"
    out: dict[str, CameoInfo] = {}
    with open(path, encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        for row in rows:
            code = row["code"].strip()
            out[code] = CameoInfo(
                code=code,
                root=row["root"].strip(),
                label=row["label_en"].strip(),
                label_id=(row.get("label_id") or "").strip(),
                goldstein=float(row["goldstein"]),
                quad_class=int(row["quad_class"]),
                plover=(row.get("plover") or "").strip(),
            )
    return out


def info(code: str) -> CameoInfo:
    """Information on ``code``; an unknown code falls back to its nearest listed ancestor."""
    t = table()
    for k in (code, code[:3], code[:2]):
        if k in t:
            found = t[k]
            return found if k == code else CameoInfo(code, found.root, found.label, found.label_id, found.goldstein, found.quad_class, found.plover)
    raise KeyError(f"unknown CAMEO code {code!r}")
