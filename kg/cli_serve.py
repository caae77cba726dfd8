"""``kg serve`` for kg's command line (commands are found as ``kg/cli_<topic>.py``); it lives in :mod:`kg.serve`."""

from .serve.cli import COMMANDS, serve  # noqa: F401
