"""kg's command line: a thin layer over the library (:mod:`kg.api`, :mod:`kg.evaluate`, :mod:`kg.rdf`).

Domain errors become one-line messages and exit codes at this edge; nothing here holds logic the
Python API lacks.
"""

from __future__ import annotations

import functools
import json
import logging
import sys
from datetime import date
from pathlib import Path

import click

from . import __version__

EXIT_PARTIAL = 1  # some inputs were bad; the good ones were processed
EXIT_NOTHING = 3  # no input could be processed


def _parse_date(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO date such as 2024-04-16") from None


def _lang_choice():
    from .resources import languages

    return languages()


def input_options(func):
    """Options shared by every command that reads news text."""

    @click.option("--lang", metavar="CODE", help="Force the language (en, id, ...) instead of detecting it.")
    @click.option("--date", "ref_date", metavar="YYYY-MM-DD", callback=_parse_date,
                  help="Publication date for documents that state none (no date field, no date line), used for relative dates such as 'last Saturday'; a document's own date wins.")  # fmt: skip
    @click.option("--lexicon", "lexicon_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
                  help="Extra actor/place lexicon (JSONL, format in data/FORMATS.md); repeatable.")  # fmt: skip
    @click.option("--model", metavar="NAME", help="A trained spaCy pipeline to run under kg's rules (optional).")
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        lang = kwargs.get("lang")
        if lang is not None and lang not in _lang_choice():
            raise click.BadParameter(f"no language data for {lang!r}; kg knows: {', '.join(_lang_choice())}", param_hint="--lang")
        return func(*args, **kwargs)

    return wrapper


def _fail(message: str, code: int = 2):
    from .util import echo

    echo(f"Error: {message}", err=True)
    sys.exit(code)


class KgGroup(click.Group):
    """Domain errors raised anywhere below a command become one-line messages, not tracebacks."""

    def invoke(self, ctx):
        from .errors import DOMAIN_ERRORS as errors

        try:
            return super().invoke(ctx)
        except errors as exc:
            _fail(str(exc).strip("'\""))


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="kg")
@click.option("-v", "--verbose", is_flag=True, help="Log what kg does (to stderr).")
def main(verbose: bool) -> None:
    """kg turns news articles into a timestamped geopolitical event graph.

    \b
    Example:
      kg build article.txt more-articles/ -o out/
      kg evaluate ../shared/corpus/dev
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--out", "outdir", required=True, type=click.Path(file_okay=False), help="Output folder.")
@click.option("--formats", default="graph.ttl,events.csv,graph.html", show_default=True,
              help="Comma-separated output files to write (.ttl .nt .jsonld .csv .html).")  # fmt: skip
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Extraction processes.")
@click.option("--merge/--no-merge", default=True, show_default=True,
              help="Merge the reports of one act (headline, lead, recap; several articles) into one event, as kg export does.")  # fmt: skip
@input_options
def build(inputs, outdir, formats, workers, lang, ref_date, lexicon_files, model, merge):
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
    from .api import _stderr_progress
    from .api import build as run_build
    from .merge import MergeOptions
    from .util import OutputOverInput, check_outputs, echo

    names = [f.strip() for f in formats.split(",") if f.strip()]
    try:
        check_outputs(inputs, [Path(outdir) / name for name in names])
    except OutputOverInput as exc:
        _fail(str(exc))

    def report(problem):
        echo(("warning: " if not problem.fatal else "skipped: ") + str(problem), err=True)

    progress = _stderr_progress()
    try:
        result = run_build(inputs, lang=lang, ref_date=ref_date, lexicon_files=lexicon_files, model=model,
                           on_problem=report, on_document=progress, workers=workers, merge=MergeOptions(enabled=merge))  # fmt: skip
    except (LookupError, ValueError) as exc:
        _fail(str(exc))
    if progress:
        click.echo("", err=True)
    if result.documents == 0:
        _fail("no input could be processed (see the messages above)", EXIT_NOTHING)
    try:
        written = result.write(outdir, formats=names)
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


@main.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--details/--no-details", default=True, show_default=True, help="List misses and false hits.")
@click.option("--lexicon", "lexicon_files", multiple=True, type=click.Path(exists=True, dir_okay=False))
def evaluate(gold_dir, as_json, details, lexicon_files):
    """Score kg against gold annotations (GOLD_DIR/*.txt with *.json, see the corpus SCHEMA.md).

    Prints precision, recall and F1 for (source, target, CAMEO root), (source, target, quad class) and
    (source, target), per language and overall, plus date accuracy on matched events.

    \b
    Example:
      kg evaluate ../shared/corpus/dev
    """
    from .evaluate import evaluate_dir, format_report

    from .util import echo, json_printable

    report = evaluate_dir(Path(gold_dir), lexicon_files=lexicon_files)
    if as_json:
        click.echo(json_printable(json.dumps(report, indent=2, ensure_ascii=False)))
    else:
        echo(format_report(report, details=details))


@main.command()
@click.argument("text")
@input_options
def actors(text, lang, ref_date, lexicon_files, model):
    """Print the actors kg finds in TEXT as JSON lines ("-" reads one text per line from stdin).

    \b
    Examples:
      kg actors "Presiden Rusia, Vladimir Putin, menelepon Raisi" --lang id
      printf 'Iranian forces\\nthe Kremlin\\n' | kg actors - --lang en
    """
    from .resolve import resolve_text
    from .util import json_printable

    if text == "-":
        for line in sys.stdin:
            line = line.rstrip("\n")
            found = resolve_text(line, lang=lang, ref_date=ref_date, lexicon_files=lexicon_files) if line.strip() else []
            click.echo(json_printable(json.dumps(found, ensure_ascii=False)))
        return
    for item in resolve_text(text, lang=lang, ref_date=ref_date, lexicon_files=lexicon_files):
        click.echo(json_printable(json.dumps(item, ensure_ascii=False)))


@main.command()
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
    from .sparql import QueryError, run_query
    from .util import printable, stdout_is_terminal

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


def _register_command_modules() -> None:
    """Commands that live beside their topic (``kg/cli_<topic>.py``, each with a ``COMMANDS`` list)."""
    import importlib

    here = Path(__file__).parent
    for path in sorted(here.glob("cli_*.py")):
        module = importlib.import_module(f"kg.{path.stem}")
        for command in getattr(module, "COMMANDS", []):
            main.add_command(command)


_register_command_modules()


def run() -> None:
    """The ``kg`` console command: :func:`main`, with spaCy's own CLI kept out of the start-up."""
    from ._startup import defer_spacy_cli

    defer_spacy_cli()
    main()


if __name__ == "__main__":  # pragma: no cover
    run()
