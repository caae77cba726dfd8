"""kg build, kg evaluate, kg actors, kg query: the commands over :mod:`kg.api`, :mod:`kg.evaluate` and SPARQL."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg.cli.base import EXIT_NOTHING, EXIT_PARTIAL, _fail, input_options, min_confidence_option


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--out", "outdir", required=True, type=click.Path(file_okay=False), help="Output folder.")
@click.option("--formats", default="graph.ttl,events.csv,graph.html", show_default=True,
              help="Comma-separated output files to write (.ttl .nt .jsonld .csv .html).")  # fmt: skip
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Extraction processes (with --engine dask: LocalCluster workers).")
@click.option("--merge/--no-merge", default=True, show_default=True,
              help="Merge the reports of one act (headline, lead, recap; several articles) into one event, as kg export does.")  # fmt: skip
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="dask: extract and merge on a Dask cluster (same result), and write events/mentions/actors .parquet folders too.")  # fmt: skip
@click.option("--scheduler", metavar="ADDRESS", help="With --engine dask: a running Dask scheduler (tcp://host:8786) instead of a LocalCluster.")
@click.option("--syntax/--no-syntax", default=True, show_default=True,
              help="Read who did what to whom from kg's dependency parse first (window rules as fallback); --no-syntax: window rules only.")  # fmt: skip
@min_confidence_option
@input_options
def build(inputs, outdir, formats, workers, lang, ref_date, lexicon_files, model, merge, engine, scheduler, syntax, min_confidence):
    """Extract events from INPUTS (text/HTML files, folders, JSONL) and write the graph.

    Writes OUT/graph.ttl (RDF), OUT/events.csv (one row per source-target pair of an event) and
    OUT/graph.html (an interactive view that works offline). Bad files are reported one line each and
    skipped; the exit code is 1 if any input was skipped, 3 if none could be used.

    \b
    Examples:
      kg build article.txt -o out/
      kg build news/ dump.jsonl --date 2024-04-16 -o out/
      kg build "$(python -c 'import kg; print(kg.sample_path())')" -o out/
    """
    from kg.api import _stderr_progress
    from kg.api import build as run_build
    from kg.graph.merge import MergeOptions
    from kg.util import OutputOverInput, check_outputs, echo

    from kg.outputs.write import KNOWN, STEMS, output_names

    try:
        names = output_names(formats, KNOWN, STEMS)
    except ValueError as exc:
        _fail(str(exc))
    if scheduler and engine != "dask":
        _fail("--scheduler needs --engine dask")
    dask_options = {}
    if engine == "dask":
        from kg.scale.cluster import show_progress
        from kg.scale.parquet import TABLES

        dask_options = {"scheduler": scheduler, "parquet_dir": outdir, "progress": show_progress(), "outputs": (outdir, names)}
    try:
        check_outputs(inputs, [Path(outdir) / name for name in names + (list(TABLES) if engine == "dask" else [])])
    except OutputOverInput as exc:
        _fail(str(exc))

    def report(problem):
        echo(("warning: " if not problem.fatal else "skipped: ") + str(problem), err=True)

    progress = _stderr_progress() if engine == "local" else None
    try:
        result = run_build(inputs, lang=lang, ref_date=ref_date, lexicon_files=lexicon_files, model=model, on_problem=report,
                           on_document=progress, workers=workers, merge=MergeOptions(enabled=merge), engine=engine,
                           syntax=syntax, min_confidence=min_confidence, **dask_options)  # fmt: skip
    except (LookupError, ValueError) as exc:
        _fail(str(exc))
    if progress:
        click.echo("", err=True)
    if result.documents == 0:
        _fail("no input could be processed (see the messages above)", EXIT_NOTHING)
    try:
        written = result.written if engine == "dask" else result.write(outdir, formats=names)  # dask: written on the cluster
    except (OSError, ValueError) as exc:
        _fail(f"cannot write outputs: {exc}")
    s = result.summary()
    echo(
        f"{result.documents} document(s), {s['actors']} actors, {s['events']} events "
        f"in {result.seconds:.1f}s -> " + ", ".join(str(p) for p in written.values())
    )
    if result.failed:
        click.echo(f"{len(result.failed)} input(s) skipped", err=True)
        sys.exit(EXIT_PARTIAL)


@click.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--details/--no-details", default=True, show_default=True, help="List misses and false hits.")
@click.option("--lexicon", "lexicon_files", multiple=True, type=click.Path(exists=True, dir_okay=False))
@min_confidence_option
def evaluate(gold_dir, as_json, details, lexicon_files, min_confidence):
    """Score kg against gold annotations (GOLD_DIR/*.txt with *.json, see the corpus SCHEMA.md).

    Prints precision, recall and F1 for (source, target, CAMEO root), (source, target, quad class) and
    (source, target), per language and overall, plus date accuracy on matched events.

    \b
    Example:
      kg evaluate ../shared/corpus/dev
    """
    from kg.evaluate import evaluate_dir, format_report
    from kg.util import echo, json_printable

    report = evaluate_dir(Path(gold_dir), lexicon_files=lexicon_files, min_confidence=min_confidence)
    if as_json:
        click.echo(json_printable(json.dumps(report, indent=2, ensure_ascii=False)))
    else:
        echo(format_report(report, details=details))


@click.command()
@click.argument("text")
@input_options
def actors(text, lang, ref_date, lexicon_files, model):
    """Print the actors kg finds in TEXT as JSON lines ("-" reads one text per line from stdin).

    \b
    Examples:
      kg actors "Presiden Rusia, Vladimir Putin, menelepon Raisi" --lang id
      printf 'Iranian forces\\nthe Kremlin\\n' | kg actors - --lang en
    """
    from kg.extract.resolve import resolve_text
    from kg.util import json_printable

    if text == "-":
        for line in sys.stdin:
            line = line.rstrip("\n")
            found = resolve_text(line, lang=lang, ref_date=ref_date, lexicon_files=lexicon_files) if line.strip() else []
            click.echo(json_printable(json.dumps(found, ensure_ascii=False)))
        return
    for item in resolve_text(text, lang=lang, ref_date=ref_date, lexicon_files=lexicon_files):
        click.echo(json_printable(json.dumps(item, ensure_ascii=False)))


@click.command()
@click.argument("source", type=click.Path(exists=True))
@click.argument("sparql", required=False)
@click.option("--file", "query_file", type=click.Path(exists=True, dir_okay=False), help="Read the query from a .rq file.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True,
              help="Aligned table, CSV, TSV, or SPARQL 1.1 results JSON.")  # fmt: skip
def query(source, sparql, query_file, fmt):
    """Run a SPARQL query over SOURCE: an RDF export (.ttl .nt .nq .trig .jsonld .rdf), an output folder
    of kg build, or a kg store folder. kg's prefixes (kg: sem: prov: org: time: ..., and actor: event:
    doc: ... for kg's instances) are predeclared; Oxigraph answers.

    \b
    Examples:
      kg query out/graph.ttl "SELECT ?date ?e WHERE { ?e a kg:Event ; kg:date ?date } ORDER BY ?date"
      kg query out/graph.ttl --file data/queries/attacks_by_month.rq --format csv
      kg query out/ "SELECT (COUNT(*) AS ?n) WHERE { ?e kg:hasSource actor:isr }"
    """
    from kg.errors import QueryError
    from kg.query.sparql import run_query
    from kg.util import printable, stdout_is_terminal

    if bool(sparql) == bool(query_file):
        _fail("give the query inline or with --file (one of them)")
    try:
        text = Path(query_file).read_text(encoding="utf-8") if query_file else sparql
    except (OSError, UnicodeDecodeError) as exc:
        _fail(f"{query_file}: cannot read the query ({exc})")
    try:
        answer = run_query(source, text, fmt=fmt)  # the table and JSON are terminal-safe as they are
    except QueryError as exc:
        _fail(str(exc))
    if fmt in ("csv", "tsv") and stdout_is_terminal():
        answer = printable(answer.replace("\r\n", "\n"))  # data for a file keeps every byte; on a screen, no escapes
    click.echo(answer, nl=False)


COMMANDS = [build, evaluate, actors, query]
