"""``kg view``: render the HTML view of any saved graph (an RDF export, a ``kg build`` output folder or a store)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.base import _fail, _parse_date, min_confidence_option


def load_graph(source: str | Path):
    """The event graph saved in ``source``: an RDF export, a ``kg build`` folder or a store (:mod:`kg.query.sources`)."""
    import kg

    return kg.open(source).graph


@click.command()
@click.argument("source", type=click.Path(exists=True))
@click.option("-o", "--out", "out", required=True, type=click.Path(dir_okay=False), help="The HTML file to write.")
@click.option("--actor", "actors", multiple=True, metavar="CODE|NAME",
              help="Show only this actor's neighbourhood (id, code such as IRN, or name); repeatable.")  # fmt: skip
@click.option("--hops", type=click.IntRange(1, 3), default=2, show_default=True, help="Neighbourhood size around --actor.")
@click.option("--since", metavar="YYYY-MM-DD", callback=_parse_date, help="Keep events on or after this date.")
@click.option("--until", metavar="YYYY-MM-DD", callback=_parse_date, help="Keep events on or before this date.")
@click.option("--max-nodes", type=click.IntRange(0), default=None,
              help="Above this many nodes show only the most active actors (default 20000; 0 = never aggregate).")  # fmt: skip
@click.option("--title", default=None, help="Page title (default: the source's name).")
@min_confidence_option
def view(source, out, actors, hops, since, until, max_nodes, title, min_confidence):
    """Render the interactive HTML view of a saved graph: SOURCE is an RDF export, a `kg build` folder
    or a store made by `kg add`.

    The page works offline (everything inlined): filter by date, event class, quad class and actor,
    hover or click a link for its events, sentences and sources.

    \b
    Examples:
      kg view out/graph.ttl -o view.html
      kg view out/ -o iran.html --actor IRN --since 2024-04-01 --hops 2
      kg view big.nt -o big.html --max-nodes 40000
      kg view news-store/ -o today.html --since 2024-04-16
    """
    from kg.outputs import viz
    from kg.util import OutputOverInput, check_outputs, echo

    try:
        check_outputs([source], [out])
    except OutputOverInput as exc:
        _fail(str(exc))
    if since and until and since > until:
        _fail("--since is after --until")
    try:
        G = load_graph(source)
    except ValueError as exc:
        _fail(str(exc))
    from kg.extract.confidence import DEFAULT_MIN_CONFIDENCE, drop_unconfident

    G = drop_unconfident(G, DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence)
    focus: list[str] = []
    for a in actors:
        hits = viz.find_actors(G, a)
        if not hits:
            _fail(f"no actor {a!r} in {source} (give an id, a code such as IRN, or a name)")
        focus += hits
    H = viz.subgraph(G, actors=focus, hops=hops, since=since.isoformat() if since else None,
                     until=until.isoformat() if until else None)  # fmt: skip
    limit = viz.MAX_NODES if max_nodes is None else (max_nodes or None)
    try:
        path = viz.write_html(H, out, title=title or f"kg: {Path(source).name}", max_nodes=limit, focus=focus, hops=min(hops, 2))
    except OSError as exc:
        _fail(f"cannot write {out}: {exc}")
    n_events = len({d["event_id"] for *_x, d in H.edges(data=True) if "event_code" in d})
    echo(f"{sum(1 for n in H if H.degree(n) > 0)} actors/places, {n_events} events -> {path}")
    if n_events == 0:
        echo("warning: no event matches the filters; the page is empty", err=True)
        sys.exit(1)


COMMANDS = [view]
