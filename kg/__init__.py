"""kg: news text in, a timestamped geopolitical event graph out (networkx, RDF, CSV, HTML).

Importing kg has no side effects and loads no pipeline; the heavy parts load on first use.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kg-news")
except PackageNotFoundError:  # running from a source checkout without installing
    __version__ = "0+unknown"

# kg.open is not in __all__: "from kg import *" must not shadow the builtin open
__all__ = ["__version__", "build", "load", "read_events", "sample_path", "write_outputs", "load_graph", "analytics",
           "exports"]  # fmt: skip


def __getattr__(name: str):
    if name in ("build", "load", "sample_path", "write_outputs", "BuildResult"):
        from . import api

        return getattr(api, name)
    if name == "open":  # kg.open(source): an export, a build folder or a store, as every command reads them
        from .sources import open_source

        return open_source
    if name == "read_events":  # events.csv as a DataFrame, codes as text
        from .table import read_events

        return read_events
    if name == "load_graph":
        from .rdf import to_graph

        return to_graph
    if name in ("analytics", "exports"):
        import importlib

        return importlib.import_module(f"kg.{name}")
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
