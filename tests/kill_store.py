"""Run kg's command line with a fault injected into the store (a test helper, not a test): the process
SIGKILLs itself inside the transaction of the N-th document it writes, after that document's row and before
its extraction, so the transaction is left half-written.

    python tests/kill_store.py N add CORPUS --store DIR ...

kg has no hook for this: the store's SQLite connection is wrapped here (issue #15: test hooks live in tests).
"""

from __future__ import annotations

import os
import signal
import sys


class _KillingConnection:
    """An SQLite connection that kills the process when the ``after``-th document row has been inserted and
    the next statement (its extraction's insert) is about to run."""

    def __init__(self, db, after: int):
        self._db, self._after, self._documents = db, after, 0

    def execute(self, sql: str, *args):
        if sql.lstrip().upper().startswith("INSERT INTO EXTRACTIONS") and self._documents >= self._after:
            os.kill(os.getpid(), signal.SIGKILL)
        cur = self._db.execute(sql, *args)
        if sql.lstrip().upper().startswith("INSERT INTO DOCUMENTS"):
            self._documents += 1
        return cur

    def __getattr__(self, name: str):
        return getattr(self._db, name)

    def __enter__(self):
        return self._db.__enter__()

    def __exit__(self, *exc):
        return self._db.__exit__(*exc)


def main(argv: list[str]) -> None:
    from kg.cli import main as cli
    from kg.store.store import Store

    after = int(argv[0])
    connect = Store._connect

    def killing_connect(self):
        return _KillingConnection(connect(self), after)

    Store._connect = killing_connect
    cli.main(args=argv[1:], prog_name="kg")


if __name__ == "__main__":
    main(sys.argv[1:])
