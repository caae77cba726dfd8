"""The ``kg`` click group and what every command shares: options, dates, one-line errors, exit codes.

Domain errors become one-line messages and exit codes at this edge; nothing here holds logic the
Python API lacks.
"""

from __future__ import annotations

import functools
import logging
import signal
import sys
import threading
from datetime import date

import click

from kg import __version__
from kg.caching import own_process
from kg.errors import Terminated, raise_terminated

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
    from kg.resources import languages

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


def min_confidence_option(func):
    """``--min-confidence X``: events below X are left out (default: the graph's threshold)."""
    from kg.extract.confidence import DEFAULT_MIN_CONFIDENCE

    return click.option("--min-confidence", "min_confidence", type=click.FloatRange(0, 1), default=None, metavar="X",
                        help=f"Leave out events of confidence below X (0-1; default {DEFAULT_MIN_CONFIDENCE}, kg's calibrated "
                             "threshold; 0 keeps every event).")(func)  # fmt: skip


def _fail(message: str, code: int = 2):
    from kg.util import echo

    echo(f"Error: {message}", err=True)
    sys.exit(code)


class KgGroup(click.Group):
    """Domain errors raised anywhere below a command become one-line messages, not tracebacks."""

    def invoke(self, ctx):
        from kg.errors import DOMAIN_ERRORS as errors

        try:
            return super().invoke(ctx)
        except errors as exc:
            _fail(str(exc).strip("'\""))
        except Terminated:  # SIGTERM outside a command's own handling (e.g. while writing outputs)
            _fail("stopped by SIGTERM", 128 + signal.SIGTERM)


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
    own_process()  # the command's process is kg's: loaded models may leave the garbage collector's passes
    # SIGTERM raises Terminated for the whole command, not only inside its worker pools: a signal that lands
    # after the work (while the summary or the outputs are written) still ends kg with 143 and one line
    if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, raise_terminated)


