"""kg: news text in, a timestamped geopolitical event graph out (networkx, RDF, CSV, HTML).

Importing kg has no side effects and loads no pipeline; the heavy parts load on first use.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kg-news")
except PackageNotFoundError:  # running from a source checkout without installing
    __version__ = "0+unknown"

__all__ = ["__version__", "build", "load", "sample_path", "write_outputs", "load_graph", "analytics", "exports"]


def __getattr__(name: str):
    if name in ("build", "load", "sample_path", "write_outputs", "BuildResult"):
        from . import api

        return getattr(api, name)
    if name == "load_graph":
        from .rdf import to_graph

        return to_graph
    if name in ("analytics", "exports"):
        import importlib

        return importlib.import_module(f"kg.{name}")
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
