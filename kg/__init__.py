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
__all__ = ["__version__", "build", "add", "export", "load", "read_events", "sample_path", "write_outputs", "load_graph",
           "analytics", "exports"]  # fmt: skip

# Imported on first use (PEP 562), so that ``import kg`` stays fast: name -> (module, attribute)
_LAZY = {
    "build": ("kg.api", "build"), "add": ("kg.api", "add"), "export": ("kg.api", "export"), "open": ("kg.api", "open"),
    "load": ("kg.api", "load"), "sample_path": ("kg.api", "sample_path"), "BuildResult": ("kg.result", "BuildResult"),
    "write_outputs": ("kg.outputs.write", "write_outputs"), "read_events": ("kg.outputs.table", "read_events"),
    "load_graph": ("kg.query.from_rdf", "to_graph"), "analytics": ("kg.analytics", None), "exports": ("kg.outputs.exports", None),
}  # fmt: skip


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    import importlib  # at first use: importing kg loads no pipeline, no RDF, no pandas

    module, attr = _LAZY[name]
    mod = importlib.import_module(module)
    return getattr(mod, attr) if attr else mod
