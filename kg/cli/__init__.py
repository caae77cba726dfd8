"""kg's command line: a thin click layer over the Python API (:mod:`kg.api`).

Every command is one call into the library; domain errors become one-line messages and exit codes at this
edge (:mod:`kg.cli.base`). Commands live beside their topic, each module with a ``COMMANDS`` list, and are
registered here, explicitly.
"""

from __future__ import annotations

from kg.cli import analytics, core, store, syntax, view
from kg.cli.base import main
from kg.serve import cli as serve_cli

for _module in (core, store, view, analytics, syntax):
    for _command in _module.COMMANDS:
        main.add_command(_command)
# kg serve lives in its own package (kg/serve/), beside the library it serves
for _command in serve_cli.COMMANDS:
    main.add_command(_command)


def run() -> None:
    """The ``kg`` console command: :func:`main`, with spaCy's own CLI kept out of the start-up."""
    from kg.cli.startup import defer_spacy_cli  # imported at run time: kg.cli itself must import fast

    defer_spacy_cli()
    main()


__all__ = ["main", "run"]
