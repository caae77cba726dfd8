"""kg's domain errors, in one light module: the CLI catches them all without importing spaCy, RDF or
SQLite machinery (which would slow the start of every command). Each is also importable from the
module that raises it (``kg.io.ingest.KgInputError``, ``kg.query.sparql.QueryError``, ...)."""

from __future__ import annotations

import signal


class KgInputError(Exception):
    """An input that cannot be used, with a message that says what to do."""


class LexiconError(ValueError):
    """A lexicon file that cannot be used (the message names the file and line)."""


class QueryError(Exception):
    """A query or source that cannot be used; the message says why (with the line for syntax errors)."""


class StoreError(Exception):
    """A store that cannot be used; the message says why."""


class Terminated(SystemExit):
    """SIGTERM while kg worked: raised at a safe point (workers stopped and reaped, complete work kept, outputs
    written whole or not at all); the exit code is 143 (128 + SIGTERM), as if the signal had ended kg."""

    def __init__(self) -> None:
        super().__init__(128 + signal.SIGTERM)


def raise_terminated(signum, frame):
    """A SIGTERM handler: raise :class:`Terminated` so that ``finally`` blocks run."""
    raise Terminated()


DOMAIN_ERRORS: tuple[type[BaseException], ...] = (KgInputError, LexiconError, QueryError, StoreError, LookupError)
