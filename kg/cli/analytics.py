"""Analyst commands: ``kg stats``, ``kg neighbors``, ``kg path``, ``kg timeline``, ``kg blocs``, ``kg convert``.

Each reads SOURCE, an RDF export of kg (``out/graph.ttl``) or news inputs that it builds first (a text
file, a folder, a JSONL dump), and works on :mod:`kg.analytics`. Actor arguments take codes, names or
aliases in any language kg knows ("RUS", "Rusia", "Putin"). By default actors are gathered by code (a
state with its leaders, ministries and forces); ``--by actor`` keeps each actor apart.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from pathlib import Path

import click

from kg.util import check_outputs, echo, json_printable, printable


def _fail(message: str, code: int = 2):
    echo(f"Error: {message}", err=True)
    sys.exit(code)


def _load(source: str):
    """A BuildResult from a saved graph (an RDF export, a ``kg build`` folder or a store: :mod:`kg.query.sources`,
    as every command reads them) or else from news inputs (built quietly; problems go to stderr)."""
    import kg
    from kg.query.sources import NotAGraph, is_graph_source

    path = Path(source)
    if is_graph_source(path):
        try:
            return kg.open(path)
        except NotAGraph as exc:  # a broken export: one line, not a traceback
            _fail(str(exc))
    result = kg.build([path], on_problem=lambda p: echo(f"skipped: {p}", err=True) if p.fatal else None)
    if result.documents == 0:
        _fail(f"{source}: no document could be read (give an RDF export such as out/graph.ttl, a kg build folder, a store, "
              "or news files)", 3)  # fmt: skip
    return result


def _refuse_overwrite(source, outputs) -> None:
    from kg.util import OutputOverInput

    try:
        check_outputs([source], outputs)
    except OutputOverInput as exc:
        _fail(str(exc))


def source_and_filters(func):
    """SOURCE, --by and the event filters shared by the analyst commands."""

    @click.option("--by", type=click.Choice(["code", "actor"]), default="code", show_default=True,
                  help="Gather actors by code (a state with its leaders and agencies) or keep each actor apart.")
    @click.option("--since", metavar="DATE", help="Only events on or after DATE (2024, 2024-03 or 2024-03-14).")
    @click.option("--until", metavar="DATE", help="Only events on or before DATE (2024-03 takes in all of March).")
    @click.option("--class", "event_class", multiple=True, metavar="CAMEO",
                  help="Only events whose CAMEO code starts with this (04 meetings, 19 fighting); repeatable.")
    @click.option("--quad", "quad_class", multiple=True, metavar="Q",
                  help="Only quad class Q: 1-4, cooperation, conflict, verbal, material; repeatable.")
    @click.option("--modality", multiple=True, type=click.Choice(["asserted", "negated", "future", "hypothetical"]),
                  help="Only events of this modality; repeatable.")
    @click.option("--min-confidence", type=float, metavar="X", help="Only events extracted with confidence >= X.")
    @click.option("--source-lang", "lang", multiple=True, metavar="CODE", help="Only events from documents in this language.")
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        keys = ("since", "until", "event_class", "quad_class", "modality", "min_confidence", "lang")
        filters = {k: kwargs.pop(k) for k in keys}
        filters = {k: (list(v) if isinstance(v, tuple) else v) for k, v in filters.items() if v not in (None, ())}
        from kg.analytics.filters import ActorNotFound, date_interval

        for k in ("since", "until"):
            if k in filters:
                try:
                    date_interval(filters[k])
                except ValueError as exc:
                    raise click.BadParameter(str(exc), param_hint=f"--{k}") from None
        try:
            return func(*args, filters=filters, **kwargs)
        except ActorNotFound as exc:
            _fail(str(exc).strip('"'))
        except ValueError as exc:
            _fail(str(exc))

    return wrapper


def _fmt(value) -> str:
    """A table cell: one line, control characters escaped (:func:`kg.util.printable`)."""
    return printable(_fmt_value(value), keep_newlines=False)


def _fmt_value(value) -> str:
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".") if value != int(value) or abs(value) >= 1e6 else f"{value:.1f}"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def _table(rows: list[dict], columns: list[tuple[str, str]]) -> str:
    """Rows as an aligned text table; ``columns`` are (key, heading); numbers align right."""
    cells = [[_fmt(r.get(k, "")) for k, _h in columns] for r in rows]
    heads = [h for _k, h in columns]
    widths = [max([len(h)] + [len(c[i]) for c in cells]) for i, h in enumerate(heads)]
    numeric = [all(isinstance(r.get(k), (int, float)) and not isinstance(r.get(k), bool) for r in rows) and rows for k, _h in columns]

    def line(values):
        return "  ".join(v.rjust(w) if numeric[i] else v.ljust(w) for i, (v, w) in enumerate(zip(values, widths))).rstrip()

    return "\n".join([line(heads)] + [line(c) for c in cells])


def _label(G, node) -> str:
    name = G.nodes[node].get("name", node) if node in G else node
    return f"{name} ({node})" if str(name) != str(node) else str(node)


def _echo_json(obj) -> None:
    click.echo(json_printable(json.dumps(obj, ensure_ascii=False, indent=1, default=str)))  # C0 escaped by JSON, C1 here


# -- kg stats ------------------------------------------------------------------------------------------


@click.command("stats")
@click.argument("source", type=click.Path(exists=True))
@click.option("--top", default=5, show_default=True, help="How many actors and dyads to list.")
@click.option("--json", "as_json", is_flag=True, help="Print the overview as JSON.")
@source_and_filters
def stats(source, top, as_json, by, filters):
    """Overview of an event graph: documents, actors, events by class and month, top actors and dyads.

    SOURCE is an RDF export of kg (out/graph.ttl) or news files and folders (built first).

    \b
    Examples:
      kg stats out/graph.ttl
      kg stats out/graph.ttl --since 2024-08 --quad conflict --top 10
      kg stats news/ --by actor --json
    """
    from kg.lexicon.cameo import QUAD_LABELS, info

    result = _load(source)
    o = result.stats(by=by, top=top, **filters)
    if as_json:
        _echo_json(o)
        return
    langs = ", ".join(f"{lang or '?'} {n}" for lang, n in o["languages"].items())
    echo(f"{o['documents']} documents ({langs}), {o['actors']} actors with events, {o['events']} events")
    echo("")
    echo("events by quad class")
    width = max(o["by_quad"].values() or [0])
    for q, n in o["by_quad"].items():
        echo(f"  {q} {QUAD_LABELS[q]:<21} {n:>4}  {'#' * round(30 * n / width) if width else ''}")
    echo("events by CAMEO root")
    for root, n in o["by_root"].items():
        try:
            label = info(root).label
        except KeyError:
            label = ""
        echo(f"  {root} {label[:40]:<40} {n:>4}")
    echo("events by month")
    width = max(o["by_month"].values() or [0])
    for month, n in o["by_month"].items():
        echo(f"  {month:<8} {n:>4}  {'#' * round(30 * n / width) if width else ''}")
    echo("")
    echo("most active actors")
    echo(_indent(_table(o["top_actors"], [("actor", "actor"), ("name", "name"), ("events", "events"), ("partners", "partners"),
                                                ("goldstein", "goldstein")])))  # fmt: skip
    for kind in ("cooperation", "conflict"):
        rows = [{**r, "pair": " - ".join(r["names"])} for r in o[f"top_{kind}"]]
        echo(f"strongest {kind} dyads")
        if not rows:
            echo("  (none)")
            continue
        echo(_indent(_table(rows, [("pair", "pair"), ("events", "events"), (kind, kind), ("goldstein", "goldstein"), ("first", "first"),
                                         ("last", "last")])))  # fmt: skip


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())


# -- kg neighbors ---------------------------------------------------------------------------------------


@click.command("neighbors")
@click.argument("source", type=click.Path(exists=True))
@click.argument("actor")
@click.option("--hops", default=1, show_default=True, type=click.IntRange(1, 6), help="How far to look (1 = direct partners).")
@click.option("--json", "as_json", is_flag=True, help="Print the rows as JSON.")
@source_and_filters
def neighbors(source, actor, hops, as_json, by, filters):
    """An actor's partners and adversaries: events with each, cooperation vs conflict, Goldstein sum.

    ACTOR is a code, name or alias in any language ("IDN", "Indonesia", "Jokowi", "Rusia").
    Columns: events with ACTOR, how many were cooperation or conflict, their Goldstein sum, how many
    ACTOR sent (out) and received (in); with --hops 2 or more, farther actors and who links them (via).

    \b
    Examples:
      kg neighbors out/graph.ttl Indonesia
      kg neighbors out/graph.ttl Iran --since 2024-01 --until 2024-03 --hops 2
      kg neighbors out/graph.ttl Putin --by actor --quad conflict
    """
    from kg.analytics.measures import activity
    from kg.analytics.measures import neighbors as find_neighbors

    result = _load(source)
    G = result.graph_by(by)
    node = result.resolve(actor, by=by)
    rows = find_neighbors(G, node, hops=hops, **filters)
    if as_json:
        _echo_json({"actor": node, "name": G.nodes[node].get("name", node), "neighbors": rows})
        return
    act = activity(G, **filters).get(node, {"events": 0, "partners": 0, "goldstein": 0.0})
    period = _period_text(filters)
    echo(f"{_label(G, node)}: {act['events']} events with {act['partners']} actors{period}, Goldstein sum {_fmt(act['goldstein'])}")
    if not rows:
        echo("  (no events with other actors)")
        return
    cols = [("actor", "actor"), ("name", "name"), ("events", "events"), ("cooperation", "coop"), ("conflict", "conflict"),
            ("goldstein", "goldstein"), ("out", "out"), ("in", "in")]  # fmt: skip
    if hops > 1:
        cols.insert(2, ("hops", "hops"))
        cols.append(("via", "via"))
    echo(_table(rows, cols))


def _period_text(filters: dict) -> str:
    since, until = filters.get("since"), filters.get("until")
    if since and until:
        return f" from {since} to {until}"
    if since:
        return f" since {since}"
    if until:
        return f" until {until}"
    return ""


# -- kg path -----------------------------------------------------------------------------------------------


@click.command("path")
@click.argument("source", type=click.Path(exists=True))
@click.argument("a")
@click.argument("b")
@click.option("--max-hops", "k", type=click.IntRange(1, 8), help="List every chain of at most K hops, not only the shortest.")
@click.option("--events", "per_hop", default=3, show_default=True, help="Events to show per hop (0: none).")
@click.option("--json", "as_json", is_flag=True, help="Print the paths, with every event, as JSON.")
@source_and_filters
def path(source, a, b, k, per_hop, as_json, by, filters):
    """What connects A and B: the shortest chains of events between them, with the events of each hop.

    \b
    Examples:
      kg path out/graph.ttl Hamas Indonesia
      kg path out/graph.ttl Hamas Qatar --max-hops 3 --since 2024-01
      kg path out/graph.ttl "Benjamin Netanyahu" Jokowi --by actor --json
    """
    from kg.analytics.paths import shortest_paths, simple_paths

    result = _load(source)
    G = result.graph_by(by)
    na, nb = result.resolve(a, by=by), result.resolve(b, by=by)
    paths = shortest_paths(G, na, nb, **filters) if k is None else simple_paths(G, na, nb, k=k, **filters)
    if as_json:
        _echo_json(paths)
        return
    if not paths:
        more = f" within {k} hops" if k else ""
        echo(f"no chain of events links {_label(G, na)} and {_label(G, nb)}{more}{_period_text(filters)}")
        return
    for i, p in enumerate(paths, 1):
        n = len(p["nodes"]) - 1
        echo(f"{i}. {' - '.join(p['names'])}  ({n} hop{'s' if n != 1 else ''})")
        for hop in p["hops"]:
            evs = hop["events"]
            echo(f"   {G.nodes[hop['from']].get('name', hop['from'])} - {G.nodes[hop['to']].get('name', hop['to'])}: {len(evs)} event{'s' if len(evs) != 1 else ''}")
            for e in evs[:per_hop]:
                src, tgt = (G.nodes[x].get("name", x) for x in (e["source"], e["target"]))
                echo(f"     {e['date'] or 'undated':<10} {src} -> {tgt}: {e['event_label']} ({e['event_code']}, {_fmt(float(e['goldstein']))})")
            if len(evs) > per_hop > 0:
                echo(f"     ... {len(evs) - per_hop} more")


# -- kg timeline ------------------------------------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "actor"


@click.command("timeline")
@click.argument("source", type=click.Path(exists=True))
@click.argument("a")
@click.argument("b", required=False)
@click.option("-o", "--out", "outdir", default=".", show_default=True, type=click.Path(file_okay=False), help="Folder for the files.")
@click.option("--freq", type=click.Choice(["month", "week"]), default="month", show_default=True, help="Period of the series.")
@click.option("--directed", is_flag=True, help="Only events from A to B (default: both directions).")
@source_and_filters
def timeline(source, a, b, outdir, freq, directed, by, filters):
    """A dyad's (A with B) or one actor's (A with everyone) events over time: chart and series.

    Writes OUT/timeline-A[-B].png and .svg (events per period stacked by quad class; Goldstein sum per
    period with its trend: a rising line means a warming relationship) and .csv (period, start, events,
    goldstein, q1-q4), and prints the series. Events dated less precisely than the period (a
    month-dated event in a weekly series) are left out and counted.

    \b
    Examples:
      kg timeline out/graph.ttl Filipina -o charts/
      kg timeline out/graph.ttl China Philippines --freq week
      kg timeline out/graph.ttl Russia Iran --since 2024-01 --until 2024-12 --quad cooperation
    """
    from kg.analytics.timelines import timeline_parts, trend
    from kg.outputs.exports import write_timeline

    result = _load(source)
    G = result.graph_by(by)
    na = result.resolve(a, by=by)
    nb = result.resolve(b, by=by) if b else None
    rows, left_out = timeline_parts(G, na, nb, freq=freq, directed=directed, **filters)
    name_a = G.nodes[na].get("name", na)
    name_b = G.nodes[nb].get("name", nb) if nb else None
    arrow = " -> " if directed else " - "
    title = f"{name_a}{arrow}{name_b}" if nb else f"{name_a} with everyone"
    if not rows:
        _fail(f"no dated events for {title}{_period_text(filters)}" + (f" ({left_out} without a precise enough date)" if left_out else ""), 1)
    stem = "timeline-" + _slug(str(na)) + (f"-{_slug(str(nb))}" if nb else "")
    _refuse_overwrite(source, [Path(outdir) / f"{stem}.{ext}" for ext in ("png", "svg", "csv")])
    written = write_timeline(rows, outdir, stem, title=f"{title}: events per {freq}", unit=freq)
    echo(_table(rows, [("period", "period"), ("events", "events"), ("goldstein", "goldstein"), ("q1", "q1"), ("q2", "q2"),
                             ("q3", "q3"), ("q4", "q4")]))  # fmt: skip
    if left_out:
        echo(f"({left_out} event{'s' if left_out != 1 else ''} without a date as precise as a {freq} left out)")
    if len(rows) > 1:
        echo(f"Goldstein trend: {trend(rows):+.2f} per {freq}")
    echo("wrote " + ", ".join(str(p) for p in written.values()))


# -- kg blocs ---------------------------------------------------------------------------------------------


@click.command("blocs")
@click.argument("source", type=click.Path(exists=True))
@click.option("--on", type=click.Choice(["cooperation", "conflict", "all"]), default="cooperation", show_default=True,
              help="Which events tie a bloc together.")
@click.option("--json", "as_json", is_flag=True, help="Print blocs and brokers as JSON.")
@source_and_filters
def blocs(source, on, as_json, by, filters):
    """Blocs (communities of actors tied by cooperation) and the brokers whose events reach across them.

    \b
    Examples:
      kg blocs out/graph.ttl
      kg blocs out/graph.ttl --since 2024-08 --by actor
    """
    from kg.analytics.measures import brokers, communities

    result = _load(source)
    G = result.graph_by(by)
    found = communities(G, on=on, **filters)
    rows = brokers(G, blocs=found, **filters)
    if as_json:
        _echo_json({"blocs": found, "brokers": rows})
        return
    for i, c in enumerate(found):
        echo(f"bloc {i}: " + ", ".join(str(G.nodes[n].get("name", n)) for n in c))
    if not found:
        echo(f"no {on} events")
        return
    echo("brokers (actors with events reaching other blocs)")
    if not rows:
        echo("  (none)")
        return
    echo(_indent(_table(rows, [("actor", "actor"), ("name", "name"), ("bloc", "bloc"), ("blocs", "blocs reached"),
                                     ("bridging", "bridging events"), ("betweenness", "betweenness")])))  # fmt: skip


# -- kg convert -------------------------------------------------------------------------------------------


@click.command("convert")
@click.argument("source", type=click.Path(exists=True))
@click.option("-o", "--out", "outdir", required=True, type=click.Path(file_okay=False), help="Output folder.")
@click.option("--formats", default="graph.graphml,graph.gexf,events.parquet,graph.json", show_default=True,
              help="Comma-separated files to write (.graphml .gexf .parquet .json).")
def convert(source, outdir, formats):
    """Convert an event graph for Gephi, pandas and D3: GraphML, GEXF (with time intervals), Parquet of
    the event table, node-link JSON.

    SOURCE is an RDF export of kg (out/graph.ttl) or news files and folders (built first).

    \b
    Examples:
      kg convert out/graph.ttl -o out/
      kg convert out/graph.ttl -o gephi/ --formats graph.gexf
    """
    from kg.outputs.exports import WRITERS, write
    from kg.outputs.write import output_names

    try:
        names = output_names(formats, WRITERS, {".parquet": "events"})
    except ValueError as exc:
        _fail(str(exc))
    _refuse_overwrite(source, [Path(outdir) / name for name in names])
    result = _load(source)
    written = []
    for name in names:
        try:
            written.append(write(result.graph, Path(outdir) / name))
        except (OSError, ValueError) as exc:
            _fail(f"cannot write {name}: {exc}")
    echo("wrote " + ", ".join(str(p) for p in written))


COMMANDS = [stats, neighbors, path, timeline, blocs, convert]
