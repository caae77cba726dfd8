"""Exports for the tools analysts already use: GraphML and GEXF (Gephi, yEd, Cytoscape), the event table
as a pandas DataFrame and Parquet, and networkx node-link JSON (D3, JavaScript).

GraphML and GEXF carry only scalar attributes: lists (``aliases``, ``members``) become text joined with
``"; "``, missing values (``None``) are left out, and the graph's ``documents`` become a JSON text graph
attribute. GEXF is *dynamic*: each event edge has ``start``/``end`` dates from its date's interval (a
month-dated event spans the month) and each actor spans its first to its last event, so Gephi's timeline
plays the graph through time. Undated events have no interval (always shown).

>>> import networkx as nx, tempfile, os
>>> from kg.analytics import example_graph
>>> path = os.path.join(tempfile.mkdtemp(), "g.graphml")
>>> _ = write_graphml(example_graph(), path)
>>> H = nx.read_graphml(path)
>>> H.nodes["rus"]["aliases"], H.edges["usa", "qat", "e10#0"]["goldstein"]
('Rusia; Russian Federation', 3.0)
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from kg.analytics.filters import date_interval
from kg.lexicon.cameo import QUAD_COLORS, QUAD_LABELS
from kg.util import atomic_write_bytes, atomic_write_text

FORMATS = {
    ".graphml": "GraphML (Gephi, yEd, Cytoscape)",
    ".gexf": "GEXF with time intervals (Gephi)",
    ".parquet": "the event table as Parquet (pandas, DuckDB, Spark)",
    ".json": "networkx node-link JSON (D3)",
}
LIST_SEPARATOR = "; "
INT_COLUMNS = ("quad_class", "char_start", "char_end", "mentions", "sources")
FLOAT_COLUMNS = ("goldstein", "confidence")


def _scalar(value):
    if isinstance(value, (list, tuple, set, frozenset)):
        return LIST_SEPARATOR.join(str(v) for v in (sorted(value, key=str) if isinstance(value, (set, frozenset)) else value))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def scalar_graph(G: nx.MultiDiGraph, *, dynamic: bool = False) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attributes are all scalars (str, int, float, bool); with ``dynamic`` nodes and
    event edges also get ``start``/``end`` ISO dates, and every node a ``label`` (its name).

    >>> from kg.analytics import example_graph
    >>> S = scalar_graph(example_graph(), dynamic=True)
    >>> S.nodes["qat"]["start"], S.nodes["qat"]["end"], S.edges["usa", "qat", "e10#0"]["end"]
    ('2024-03-01', '2024-05-02', '2024-03-31')
    """
    S = nx.MultiDiGraph()
    for k, v in G.graph.items():
        S.graph[k] = _scalar(v) if not isinstance(v, (str, int, float, bool)) else v
    spans: dict[str, list] = {}
    for u, v, k, d in G.edges(keys=True, data=True):
        attrs = {a: _scalar(x) for a, x in d.items() if x is not None}
        if dynamic and "event_code" in d:
            span = date_interval(d.get("date") or "")
            if span:
                attrs["start"], attrs["end"] = span[0].isoformat(), span[1].isoformat()
                for n in (u, v):
                    lo, hi = spans.get(n, (span[0], span[1]))
                    spans[n] = [min(lo, span[0]), max(hi, span[1])]
        S.add_edge(u, v, key=k, **attrs)
    for n, d in G.nodes(data=True):
        attrs = {a: _scalar(x) for a, x in d.items() if x is not None}
        attrs.setdefault("label", str(d.get("name") or n))
        if dynamic and n in spans:
            attrs["start"], attrs["end"] = spans[n][0].isoformat(), spans[n][1].isoformat()
        S.add_node(n, **attrs)
    return S


def write_graphml(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """GraphML with every node and edge attribute (edge ids are kg's edge keys, ``<event_id>#<n>``)."""
    import io

    buf = io.BytesIO()
    nx.write_graphml(scalar_graph(G), buf, edge_id_from_attribute=None, named_key_ids=True)
    return atomic_write_bytes(path, buf.getvalue())


def write_gexf(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """GEXF 1.2 with every attribute and time intervals (``start``/``end``) for Gephi's timeline."""
    import io

    buf = io.BytesIO()
    nx.write_gexf(scalar_graph(G, dynamic=True), buf, version="1.2draft")
    return atomic_write_bytes(path, buf.getvalue())


def event_frame(G: nx.MultiDiGraph):
    """The event table (:mod:`kg.outputs.table`'s columns, one row per source-target pair of an event) as a
    pandas DataFrame with typed columns: ``date_start``/``date_end`` (timestamps of the date's interval),
    integer ``quad_class`` and offsets, float ``goldstein`` and ``confidence``, bool ``date_inferred``,
    plus ``source_id``/``target_id`` (the graph's node ids) and ``symmetric``.

    >>> from kg.analytics import example_graph
    >>> df = event_frame(example_graph())
    >>> len(df), round(float(df["goldstein"].sum()), 1), str(df["date_start"].dtype)
    (14, 9.6, 'datetime64[us]')
    """
    import pandas as pd

    from kg.graph.build import event_edges_of
    from kg.outputs.table import COLUMNS, rows

    records = rows(G)
    edges = list(event_edges_of(G))
    for rec, (u, v, _k, d) in zip(records, edges):
        rec["source_id"], rec["target_id"] = u, v
        rec["symmetric"] = bool(d.get("symmetric"))
        rec["date_inferred"] = bool(d.get("date_inferred"))
        span = date_interval(d.get("date") or "")
        rec["date_start"], rec["date_end"] = (span if span else (None, None))
    columns = list(COLUMNS) + ["symmetric", "source_id", "target_id", "date_start", "date_end"]
    df = pd.DataFrame.from_records(records, columns=columns)
    for c in INT_COLUMNS:
        df[c] = pd.to_numeric(df[c], errors="coerce").astype("Int64")
    for c in FLOAT_COLUMNS:
        df[c] = pd.to_numeric(df[c], errors="coerce").astype("float64")
    for c in ("date_start", "date_end"):
        df[c] = pd.to_datetime(df[c]).astype("datetime64[us]")
    for c in ("date_inferred", "symmetric"):
        df[c] = df[c].astype(bool)
    str_cols = [c for c in df.columns if c not in (*INT_COLUMNS, *FLOAT_COLUMNS, "date_start", "date_end", "date_inferred", "symmetric")]
    for c in str_cols:
        df[c] = df[c].fillna("").astype(str)
    return df


def write_parquet(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """The event table (:func:`event_frame`) as Parquet (pyarrow), readable by ``pandas.read_parquet``."""
    import io

    buf = io.BytesIO()
    event_frame(G).to_parquet(buf, index=False, engine="pyarrow")
    return atomic_write_bytes(path, buf.getvalue())


def node_link(G: nx.MultiDiGraph) -> dict:
    """networkx node-link data (``nodes``, ``edges`` with ``source``/``target``/``key``; ``graph`` holds
    the documents), JSON-ready; ``networkx.node_link_graph(data, edges="edges")`` rebuilds the graph."""
    return nx.node_link_data(G, edges="edges")


def write_node_link(G: nx.MultiDiGraph, path: str | Path) -> Path:
    return atomic_write_text(path, json.dumps(node_link(G), ensure_ascii=False, indent=1, default=str) + "\n")


WRITERS = {".graphml": write_graphml, ".gexf": write_gexf, ".parquet": write_parquet, ".json": write_node_link}


def write(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``G`` in the format its suffix names (``.graphml``, ``.gexf``, ``.parquet``, ``.json``)."""
    suffix = Path(path).suffix.lower()
    if suffix not in WRITERS:
        raise ValueError(f"unknown export {Path(path).name!r} (known: {', '.join(WRITERS)})")
    return WRITERS[suffix](G, path)


class NotebookView:
    """The interactive HTML view for notebooks: shown inline as an isolated iframe (``sandbox`` without
    same-origin, the page in ``srcdoc``: it cannot touch the notebook and fetches nothing).

    >>> v = NotebookView("<html><body>hi & bye</body></html>", height=300)
    >>> print(v._repr_html_())  # doctest: +ELLIPSIS
    <iframe sandbox="allow-scripts" ... style="width: 100%; height: 300px; border: 1px solid #ddd;" srcdoc="&lt;html&gt;&lt;body&gt;hi &amp; bye&lt;/body&gt;&lt;/html&gt;"></iframe>
    """

    def __init__(self, html: str, *, height: int = 600, title: str = "kg event graph") -> None:
        self.html = html
        self.height = int(height)
        self.title = title

    def _repr_html_(self) -> str:
        import html as _html

        return (
            f'<iframe sandbox="allow-scripts" title="{_html.escape(self.title, quote=True)}" loading="eager" '
            f'style="width: 100%; height: {self.height}px; border: 1px solid #ddd;" '
            f'srcdoc="{_html.escape(self.html, quote=True)}"></iframe>'
        )

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return {"text/html": self._repr_html_(), "text/plain": repr(self)}

    def __repr__(self) -> str:
        return f"<kg view {self.title!r}: shown inline in Jupyter; .save('view.html') writes the page>"

    def save(self, path: str | Path) -> Path:
        """Write the full page (it opens in any browser, offline)."""
        return atomic_write_text(path, self.html)


# -- time-series charts --------------------------------------------------------------------------------

TIMELINE_COLUMNS = ("period", "start", "events", "goldstein", "q1", "q2", "q3", "q4")


def timeline_figure(rows: list[dict], title: str, *, unit: str = "period"):
    """A matplotlib Figure of a :func:`kg.analytics.timeline`: events per period stacked by quad class
    (top) and the Goldstein sum per period, green above zero and red below, with its trend (bottom).
    No pyplot: it touches no global state and needs no display."""
    from matplotlib.figure import Figure

    from kg.analytics.timelines import trend

    labels = [r["period"] for r in rows]
    x = list(range(len(rows)))
    fig = Figure(figsize=(max(6.0, 0.55 * len(rows) + 3), 5.6), layout="constrained")
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[3, 2])
    base = [0] * len(rows)
    for q in (1, 2, 3, 4):
        vals = [r[f"q{q}"] for r in rows]
        top.bar(x, vals, bottom=base, color=QUAD_COLORS[q], label=QUAD_LABELS[q], width=0.7)
        base = [b + v for b, v in zip(base, vals)]
    top.set_ylabel("events")
    top.yaxis.get_major_locator().set_params(integer=True)
    top.legend(loc="upper left", fontsize=8, frameon=False, ncols=2)
    top.set_ylim(0, max(base + [1]) * 1.35)
    top.set_title(title)
    gold = [r["goldstein"] for r in rows]
    bottom.bar(x, gold, color=["#2ca02c" if g >= 0 else "#d62728" for g in gold], width=0.7)
    bottom.axhline(0, color="#444", linewidth=0.8)
    if len(rows) > 1:
        slope = trend(rows)
        mean_x, mean_y = (len(rows) - 1) / 2, sum(gold) / len(gold)
        bottom.plot(x, [mean_y + slope * (i - mean_x) for i in x], "--", color="#555", linewidth=1,
                    label=f"trend {slope:+.1f} per {unit}")  # fmt: skip
        bottom.legend(loc="best", fontsize=8, frameon=False)
    bottom.set_ylabel("Goldstein sum")
    bottom.set_xticks(x, labels, rotation=45 if len(rows) > 8 else 0, ha="right" if len(rows) > 8 else "center")
    for ax in (top, bottom):
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(axis="y", color="#eee")
        ax.set_axisbelow(True)
    return fig


def write_timeline(rows: list[dict], outdir: str | Path, stem: str, *, title: str, unit: str = "period") -> dict[str, Path]:
    """Write ``<stem>.png``, ``<stem>.svg`` (the chart) and ``<stem>.csv`` (the series) into ``outdir``."""
    import csv
    import io

    import matplotlib

    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    fig = timeline_figure(rows, title, unit=unit)
    with matplotlib.rc_context({"svg.hashsalt": "kg", "svg.fonttype": "none"}):
        for ext, meta in (("png", {"Software": None}), ("svg", {"Date": None, "Creator": None})):
            buf = io.BytesIO()
            fig.savefig(buf, format=ext, dpi=120, metadata=meta)
            written[ext] = atomic_write_bytes(out / f"{stem}.{ext}", buf.getvalue())
    text = io.StringIO()
    w = csv.DictWriter(text, fieldnames=TIMELINE_COLUMNS, lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
    written["csv"] = atomic_write_text(out / f"{stem}.csv", text.getvalue())
    return written
