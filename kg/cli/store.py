"""Store commands: ``kg add`` (append documents to a persistent store), ``kg export`` (write the merged
graph of a store) and ``kg explain`` (what one merged event is made of, and why)."""

from __future__ import annotations

import functools
import json
import os
import sys
import time

import click

from kg.cli.base import EXIT_NOTHING, EXIT_PARTIAL, _fail, _parse_date, min_confidence_option


def store_option(func):
    return click.option("--store", "store_dir", required=True, type=click.Path(file_okay=False),
                        metavar="DIR", help="The store folder (kg.sqlite inside).")(func)  # fmt: skip


def merge_options(func):
    """--window, --match, --no-merge: how reports of one happening are merged."""

    @click.option("--window", "window_days", type=click.IntRange(0, 365), default=1, show_default=True,
                  help="Mentions whose dates are at most this many days apart may be one event.")  # fmt: skip
    @click.option("--match", type=click.Choice(["root", "code"]), default="root", show_default=True,
                  help="Merge mentions with the same CAMEO root, or only with the same code.")  # fmt: skip
    @click.option("--merge/--no-merge", default=True, show_default=True, help="Merge reports of one event across documents.")
    @functools.wraps(func)
    def wrapper(*args, window_days, match, merge, **kwargs):
        from kg.graph.merge import MergeOptions

        kwargs["options"] = MergeOptions(window_days=window_days, match=match, enabled=merge)
        return func(*args, **kwargs)

    return wrapper


def _open(store_dir):
    """The store, opened read-only (export and explain only read; the store may be on a read-only disk)."""
    from kg.errors import StoreError
    from kg.store.store import Store

    try:
        return Store(store_dir, create=False, readonly=True)
    except StoreError as exc:
        _fail(str(exc))


def show_progress(flag: bool | None) -> bool:
    """A progress bar only on a terminal, never in pipes or CI (unless forced with --progress)."""
    if flag is not None:
        return flag
    return sys.stderr.isatty() and not os.environ.get("CI")


class _Bar:
    """tqdm bar over input bytes (so the ETA holds for JSONL dumps too), with documents and docs/s."""

    def __init__(self, progress):
        from tqdm import tqdm

        self.progress = progress
        self.t0 = time.perf_counter()
        self.n = 0
        self.bar = tqdm(total=None, unit="B", unit_scale=True, file=sys.stderr, dynamic_ncols=True, leave=True,
                        bar_format="{l_bar}{bar}| {n_fmt}B/{total_fmt}B{postfix} [{elapsed}<{remaining}]", desc="kg add", mininterval=0.3)  # fmt: skip

    def __call__(self, doc, status) -> None:
        self.n += 1
        if self.bar.total is None and self.progress.total:
            self.bar.total = self.progress.total
        self.bar.n = min(self.progress.done, self.bar.total or self.progress.done)
        rate = self.n / max(time.perf_counter() - self.t0, 1e-9)
        self.bar.set_postfix_str(f"{self.n:,} docs, {rate:,.1f} docs/s", refresh=False)
        self.bar.update(0)

    def close(self) -> None:
        if self.bar.total:
            self.bar.n = self.bar.total
        self.bar.refresh()
        self.bar.close()


@click.command("add")
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@store_option
@click.option("--include", multiple=True, metavar="GLOB", help="In folders, take only files matching GLOB (repeatable).")
@click.option("--exclude", multiple=True, metavar="GLOB", help="In folders, skip files matching GLOB (repeatable).")
@click.option("--fields", "field_spec", metavar="NAME=FIELD,...",
              help="JSONL/CSV field names, e.g. text=body,date=published_at,url=link (names: id text date lang url title publisher).")  # fmt: skip
@click.option("--lang", metavar="CODE", help="Force the language (en, id, ...) instead of detecting it.")
@click.option("--date", "ref_date", metavar="YYYY-MM-DD", callback=_parse_date, help="Publication date for documents that state none (no date field, no date line), used for relative dates such as 'last Saturday'; a document's own date wins.")
@click.option("--lexicon", "lexicon_files", multiple=True, type=click.Path(exists=True, dir_okay=False), help="Extra actor/place lexicon (repeatable).")
@click.option("--model", metavar="NAME", help="A trained spaCy pipeline to run under kg's rules (optional).")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: only on a terminal, not in CI).")
@click.option("--commit-every", type=click.IntRange(1, 100_000), default=32, show_default=True, help="Documents per transaction.")
@click.option("--timeout", "doc_timeout", type=click.FloatRange(0), default=300, show_default=True,
              help="Seconds one document may take; a slower one is reported and skipped (0: no limit).")  # fmt: skip
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Extraction processes (the store is written by this one, in input order).")  # fmt: skip
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="dask: extract on a Dask cluster (--workers processes, or --scheduler); the store is written here, in input order.")  # fmt: skip
@click.option("--scheduler", metavar="ADDRESS", help="With --engine dask: a running Dask scheduler instead of a LocalCluster.")
def add(inputs, store_dir, include, exclude, field_spec, lang, ref_date, lexicon_files, model, progress, commit_every, doc_timeout, workers,
        engine, scheduler):
    """Add documents to a store: INPUTS are files, folders, or - for standard input.

    Reads text, saved HTML pages (main text, title, publisher, date and URL via trafilatura), JSONL and
    CSV/TSV (field names with --fields), each optionally gzip'd. A document whose text is already in the
    store is skipped before extraction, so adding the same files again changes nothing, and a run that
    was stopped midway resumes where it stopped. Exit code 1 if some inputs were bad, 3 if none could
    be used. Each document is stored whole or not at all: Ctrl-C (exit 130), SIGTERM (exit 143) or a full
    disk stop the run with the documents extracted so far stored, and the next run goes on from there.
    Two kg add on the same store take turns; each skips what the other stored.

    \b
    Examples:
      kg add news/ --store kgstore
      kg add dump.jsonl.gz scrape.csv --fields text=body,date=published --store kgstore
      kg add archive/ --include '2024/**/*.html' --exclude '*draft*' --store kgstore
      curl -s https://example.org/feed.jsonl | kg add - --store kgstore
    """
    from kg import api
    from kg.errors import StoreError
    from kg.extract.parallel import Terminated, stop_on_sigterm
    from kg.io.decode import FieldMap
    from kg.io.inputs import Progress
    from kg.resources import languages

    if lang is not None and lang not in languages():
        raise click.BadParameter(f"no language data for {lang!r}; kg knows: {', '.join(languages())}", param_hint="--lang")
    try:
        fieldmap = FieldMap.parse(field_spec)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--fields") from None
    if scheduler and engine != "dask":
        raise click.BadParameter("needs --engine dask", param_hint="--scheduler")
    prog = Progress()
    bar = _Bar(prog) if show_progress(progress) else None

    def report(problem):
        from kg.util import printable

        text = printable(("warning: " if not problem.fatal else "skipped: ") + str(problem))  # names from the input
        if bar is not None:
            bar.bar.write(text, file=sys.stderr)
        else:
            click.echo(text, err=True)

    stopped = None
    stats: dict = {}
    try:
        with stop_on_sigterm():
            result = api.add(inputs, store_dir, lang=lang, ref_date=ref_date, lexicon_files=lexicon_files, model=model,
                             include=include, exclude=exclude, fields=fieldmap, commit_every=commit_every,
                             timeout=doc_timeout or None, workers=workers, on_problem=report, on_document=bar, progress=prog, stats=stats,
                             engine=engine, **({"scheduler": scheduler} if engine == "dask" else {}))  # fmt: skip
    except StoreError as exc:
        stopped = (str(exc), 2, False)
    except (LookupError, ValueError) as exc:
        stopped = (str(exc), 2, False)
    except KeyboardInterrupt:
        stopped = ("interrupted (Ctrl-C)", 130, True)
    except Terminated:
        stopped = ("stopped by SIGTERM", 143, True)
    finally:
        if bar is not None:
            bar.close()
    if stopped:
        message, code, resumable = stopped
        if resumable and stats:
            message += (f"; the store holds {stats['documents']:,} complete document(s), those extracted so far included; "
                        "run the same command again to add the rest")  # fmt: skip
        _fail(message, code)
    rate = result.words / result.seconds if result.seconds else 0
    click.echo(
        f"added {result.added:,} document(s) ({result.words:,} words, {result.events:,} events, {rate:,.0f} words/s); "
        f"{result.duplicates:,} already in the store; store now holds {stats['documents']:,} documents "
        f"({stats['bytes'] / 1e6:,.1f} MB) in {store_dir}"
    )
    if result.added == 0 and result.duplicates == 0:
        _fail("no input could be used (see the messages above)", EXIT_NOTHING)
    if result.bad_inputs or result.failed:
        click.echo(f"{len(result.bad_inputs) + result.failed} input(s) skipped", err=True)
        sys.exit(EXIT_PARTIAL)


@click.command("export")
@store_option
@click.option("-o", "--out", "outdir", required=True, type=click.Path(file_okay=False), help="Output folder.")
@click.option("--formats", default="graph.ttl,events.csv,graph.html", show_default=True,
              help="Comma-separated output files to write (.ttl .nt .jsonld .csv .html).")  # fmt: skip
@click.option("--format", "one_format", type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld"]),
              help="Write only the RDF, in this format (graph.FORMAT), instead of --formats.")  # fmt: skip
@click.option("--parts", type=click.IntRange(1, 100_000), help="With --format nq: N-Quads in N files for bulk loaders (OUT/graph.nq.parts/).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True, help="dask: merge on a Dask cluster (same result).")
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True, help="With --engine dask: LocalCluster workers.")
@click.option("--scheduler", metavar="ADDRESS", help="With --engine dask: a running Dask scheduler instead of a LocalCluster.")
@min_confidence_option
@merge_options
def export(store_dir, outdir, formats, one_format, parts, engine, workers, scheduler, options, min_confidence):
    """Write the merged event graph of a store: OUT/graph.ttl, OUT/events.csv, OUT/graph.html.

    Reports of the same happening (same actors in the same roles, same CAMEO root, dates within
    --window days, compatible places) become one event with the number of mentions, articles and
    sources (edge attributes mentions, articles, sources, publishers, merged_from).

    \b
    Examples:
      kg export --store kgstore -o out/
      kg export --store kgstore -o out/ --formats graph.nt --window 2 --match code
    """
    from kg import api
    from kg.errors import StoreError
    from kg.graph.build import summary

    t0 = time.perf_counter()
    from kg.outputs.write import KNOWN, STEMS, output_names

    try:
        names = [f"graph.{one_format}"] if one_format else output_names(formats, KNOWN, STEMS)
    except ValueError as exc:
        _fail(str(exc))
    if parts and one_format != "nq":
        _fail("--parts needs --format nq")
    if engine != "dask" and scheduler:
        _fail("--scheduler needs --engine dask")
    dask_options = {"workers": workers, "scheduler": scheduler} if engine == "dask" else {}
    try:
        result, written = api.export(store_dir, outdir, formats=[] if parts else names, options=options, parts=parts, engine=engine,
                                     min_confidence=min_confidence, **dask_options)
    except StoreError as exc:
        _fail(str(exc))
    except (OSError, ValueError) as exc:
        _fail(f"cannot write outputs: {exc}")
    G = result.graph
    s = summary(G)
    mentions = sum(len(r["mentions"]) for r in G.graph["merges"].values())
    click.echo(f"{s['documents']:,} document(s), {s['actors']:,} actors, {s['events']:,} events from {mentions:,} mentions "
               f"in {time.perf_counter() - t0:.1f}s -> " + ", ".join(str(p) for p in written.values()))  # fmt: skip


@click.command("explain")
@click.argument("event_id")
@click.argument("source", required=False, type=click.Path(file_okay=False))
@click.option("--store", "store_dir", type=click.Path(file_okay=False), metavar="DIR",
              help="The store folder (kg.sqlite inside), or a kg build / kg export output folder.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON.")
@merge_options
def explain(event_id, source, store_dir, as_json, options):
    """Show the mentions behind EVENT_ID in a store or a build folder (SOURCE or --store) and why they
    were merged (or kept apart). A build folder is explained with the merge options it was built with.

    EVENT_ID is a merged event's id or the id of any of its mentions (events.csv's event_id column).
    Near misses (mentions of the same actors close in time that were not merged) are listed with the
    reasons.

    \b
    Examples:
      kg explain ev_c34ef305e6a4c6e5 --store kgstore
      kg explain ev_c34ef305e6a4c6e5 --store kgstore --json --window 2
      kg explain ev_c34ef305e6a4c6e5 out/            # a kg build output folder
    """
    from pathlib import Path

    from kg.graph.explain import explain as explain_event
    from kg.graph.merge import MERGES_FILE, merge_events
    from kg.query.open import read_merges
    from kg.util import echo, json_printable

    store_dir = store_dir or source
    if not store_dir:
        _fail("give a store or a build output folder: kg explain EVENT_ID out/ (or --store DIR)")
    if not (Path(store_dir) / "kg.sqlite").exists() and (Path(store_dir) / "graph.ttl").is_file():
        if not (Path(store_dir) / MERGES_FILE).is_file():
            _fail(f"{store_dir}: no {MERGES_FILE} (the mentions of each event and why they were merged); rebuild it with kg build -o {store_dir}")
        info = explain_event(read_merges(store_dir), event_id)
    else:
        with _open(store_dir) as store:
            G = store.graph()
        H = merge_events(G, options)
        info = explain_event(H, event_id, G, options)
    if info is None:
        _fail(f"no event {event_id!r} in {store_dir} (ids are in events.csv's event_id column)", 1)
    if as_json:
        click.echo(json_printable(json.dumps(info, indent=2, ensure_ascii=False)))
        return
    echo(f"{info['event_id']}: {info['source']} -> {info['target']}: {info['event_label']} ({info['event_code']})"
               f"{' on ' + info['date'] if info['date'] else ''}{' at ' + info['place'] if info['place'] else ''}")  # fmt: skip
    if info["asked"] != info["event_id"]:
        echo(f"({info['asked']} is one of its mentions)")
    echo(f"{info['mentions']} mention(s) in {info['articles']} article(s) from {info['sources']} source(s): "
               + ", ".join(info["publishers"]))  # fmt: skip
    for i, m in enumerate(info["members"], 1):
        echo(f"\n[{i}] {m['event_id']}  {m['date'] or 'undated'}{' (inferred)' if m['date_inferred'] else ''}  "
                   f"{m['event_code']} {m['event_label']}  {m['publisher']}  doc {m['doc_id']}")  # fmt: skip
        echo(f"    “{m['sentence'][:300]}”")
        echo(f"    why: {m['reason']}")
    if info["near_misses"]:
        echo("\nkept apart:")
        for n in info["near_misses"]:
            echo(f"  {n['event_id']} {n['date'] or 'undated'} {n['event_code']} (doc {n['doc_id']}): "
                       + "; ".join(n["not_merged_because"]))  # fmt: skip


COMMANDS = [add, export, explain]
