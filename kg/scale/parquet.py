"""Partitioned Parquet tables beside a build's usual outputs (``kg build --engine dask``):

- ``events.parquet/``: the event table, the rows of ``events.csv`` (one per source-target pair of a merged
  event) with :func:`kg.outputs.exports.event_frame`'s typed columns, one part per merge bucket;
- ``mentions.parquet/``: the same columns for every report before merging, one part per input partition;
- ``actors.parquet/``: one row per actor of the graph.

Each is a folder of ``part-NNNNN.parquet`` files, which ``pandas.read_parquet("OUT/events.parquet")``,
DuckDB (``read_parquet('OUT/events.parquet/*.parquet')``), Spark and Dask read as one table. Workers write
their parts into a staging folder inside OUT (each part atomically: a killed worker leaves at most a hidden
temporary file, and its task's rerun writes the same part again); when the run has succeeded, each table
replaces the one a previous run left, so a table never mixes parts of two runs.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import uuid
from pathlib import Path

import networkx as nx

TABLES = ("events.parquet", "mentions.parquet", "actors.parquet")
ROWS_PER_PART = 100_000


def write_part(df, folder: str | Path, index: int) -> Path:
    """Write ``df`` as ``folder/part-{index:05d}.parquet``, atomically (an empty frame writes nothing: an
    empty part's column types are unknown, and would clash with the others')."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"part-{index:05d}.parquet"
    if len(df) == 0:
        return path
    tmp = folder / f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        df.to_parquet(tmp, index=False, engine="pyarrow")
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return path


def actor_frame(G: nx.MultiDiGraph):
    """One row per actor node: id, name, kind, code, country, sector, wikidata, aliases (``; ``-joined)."""
    import pandas as pd

    cols = ("id", "name", "kind", "code", "country", "sector", "wikidata", "aliases")
    rows = []
    for n, d in G.nodes(data=True):
        if d.get("type") != "actor":
            continue
        rows.append((str(n), *(str(d.get(c) or "") for c in cols[1:-1]), "; ".join(map(str, d.get("aliases") or ()))))
    return pd.DataFrame.from_records(rows, columns=list(cols)).astype(str)


def new_stage(outdir: str | Path) -> Path:
    """A fresh staging folder inside ``outdir`` (so that moving its tables into place is a rename)."""
    stage = Path(outdir) / f".kg-stage-{uuid.uuid4().hex[:12]}"
    stage.mkdir(parents=True)
    return stage


def publish(stage: Path, outdir: str | Path, G: nx.MultiDiGraph, *, empty_like=None) -> dict[str, Path]:
    """Finish the staged tables (actors from ``G``; an empty events/mentions table gets one empty part with
    ``empty_like``'s columns, so that it still reads as a table) and move each into ``outdir``, replacing
    the previous run's. Returns the folders written."""
    out = Path(outdir)
    df = actor_frame(G)
    if len(df) == 0:
        _write_empty(df, stage / "actors.parquet")
    for i in range(0, len(df), ROWS_PER_PART):
        write_part(df.iloc[i : i + ROWS_PER_PART], stage / "actors.parquet", i // ROWS_PER_PART)
    written = {}
    for name in TABLES:
        folder = stage / name
        folder.mkdir(exist_ok=True)
        for junk in folder.glob(".*.tmp"):  # a killed worker's unfinished part
            junk.unlink()
        if not any(folder.glob("part-*.parquet")) and empty_like is not None:
            _write_empty(empty_like, folder)
        target = out / name
        old = out / f".kg-old-{uuid.uuid4().hex[:12]}"
        if target.exists() or target.is_symlink():
            os.replace(target, old)
        os.replace(folder, target)
        if old.is_dir() and not old.is_symlink():
            shutil.rmtree(old, ignore_errors=True)
        elif old.exists() or old.is_symlink():
            old.unlink()
        written[name] = target
    shutil.rmtree(stage, ignore_errors=True)
    return written


def _write_empty(df, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    df.iloc[0:0].to_parquet(folder / "part-00000.parquet", index=False, engine="pyarrow")


def discard(stage: Path | None) -> None:
    if stage is not None:
        shutil.rmtree(stage, ignore_errors=True)
