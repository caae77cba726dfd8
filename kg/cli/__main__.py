"""``python -m kg.cli``: the kg command."""

from kg.cli import run

run()
