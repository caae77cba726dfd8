"""Time series of events between actors."""

from __future__ import annotations

from datetime import date, timedelta

import networkx as nx

from kg.analytics.example import example_graph  # noqa: F401 - the doctests use it
from kg.analytics.filters import _PRECISION_RANK, _events, _node, _prepare, date_interval


def _period_start(d: date, freq: str) -> date:
    return d.replace(day=1) if freq == "month" else d - timedelta(days=d.weekday())


def _period_label(start: date, freq: str) -> str:
    if freq == "month":
        return f"{start:%Y-%m}"
    iso = start.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _next_period(start: date, freq: str) -> date:
    if freq == "week":
        return start + timedelta(days=7)
    return date(start.year + (start.month == 12), start.month % 12 + 1, 1)


def timeline_parts(G: nx.MultiDiGraph, a: str, b: str | None = None, *, freq: str = "month", directed: bool = False,
                   **filters) -> tuple[list[dict], int]:  # fmt: skip
    """:func:`timeline` and the number of matching events left out for an imprecise or missing date."""
    if freq not in ("month", "week"):
        raise ValueError("freq must be 'month' or 'week'")
    H = _prepare(G, filters)
    na = _node(G, a)
    nb = None if b is None else _node(G, b)
    events: dict[str, dict] = {}
    for u, v, d in _events(H):
        if u == v:
            continue
        if nb is None:
            ok = na in (u, v) if not directed else u == na
        else:
            ok = (u, v) == (na, nb) or (not directed and (u, v) == (nb, na))
        if ok:
            events.setdefault(d["event_id"], d)
    finest = 0 if freq == "week" else 1
    counts: dict[date, dict] = {}
    left_out = 0
    for d in events.values():
        span = date_interval(d.get("date") or "")
        if span is None or _PRECISION_RANK.get(d.get("date_precision") or "day", 0) > finest:
            left_out += 1
            continue
        start = _period_start(span[0], freq)
        row = counts.setdefault(start, {"events": 0, "goldstein": 0.0, "q1": 0, "q2": 0, "q3": 0, "q4": 0})
        row["events"] += 1
        row["goldstein"] = round(row["goldstein"] + float(d.get("goldstein", 0.0)), 6)
        q = int(d.get("quad_class", 0))
        if q in (1, 2, 3, 4):
            row[f"q{q}"] += 1
    rows = []
    if counts:
        since = filters.get("since")
        until = filters.get("until")
        start = _period_start(date_interval(since)[0], freq) if since else min(counts)
        end = _period_start(date_interval(until)[1], freq) if until else max(counts)
        cur = start
        while cur <= end:
            row = counts.get(cur, {"events": 0, "goldstein": 0.0, "q1": 0, "q2": 0, "q3": 0, "q4": 0})
            rows.append({"period": _period_label(cur, freq), "start": cur.isoformat(), **row})
            cur = _next_period(cur, freq)
    return rows, left_out


def timeline(G: nx.MultiDiGraph, a: str, b: str | None = None, *, freq: str = "month", directed: bool = False, **filters) -> list[dict]:
    """The time series of a dyad (``a`` with ``b``, either direction unless ``directed``) or of one actor
    with everyone (``b`` None): per ``freq`` period ("month" or "week", weeks start on Monday), ``events``,
    ``goldstein`` (sum), and ``q1``-``q4`` (events per quad class). Periods run from the first to the last
    event (or over ``since``/``until``), empty ones included. Events whose date is less precise than the
    period (a month-dated event in a weekly series) or missing are left out (:func:`timeline_parts` counts
    them).

    >>> [(r["period"], r["events"], r["goldstein"], r["q2"]) for r in timeline(example_graph(), "Russia", "Iran")]
    [('2024-02', 2, 14.4, 1), ('2024-03', 1, 7.4, 1)]
    """
    return timeline_parts(G, a, b, freq=freq, directed=directed, **filters)[0]


def trend(series: list[dict], value: str = "goldstein") -> float:
    """Least-squares slope of ``value`` per period over a :func:`timeline` (empty periods count as 0):
    above 0 the relationship warms, below 0 it cools.

    >>> trend([{"goldstein": 1.0}, {"goldstein": 2.0}, {"goldstein": 4.0}])
    1.5
    """
    ys = [float(r[value]) for r in series]
    n = len(ys)
    if n < 2:
        return 0.0
    mx, my = (n - 1) / 2, sum(ys) / n
    num = sum((x - mx) * (y - my) for x, y in enumerate(ys))
    den = sum((x - mx) ** 2 for x in range(n))
    return round(num / den, 6)
