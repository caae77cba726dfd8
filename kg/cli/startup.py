"""Start-up of the ``kg`` command: keep spaCy's own command line out of kg's processes until used.

``import spacy`` also imports spaCy's CLI (``spacy.cli``: weasel, typer, httpx, requests), about a
third of its import time and nothing kg's commands call. :func:`defer_spacy_cli` (called by the
``kg`` entry point only, never on ``import kg``) puts a stand-in for ``spacy.cli`` in
``sys.modules`` before spaCy is imported; the first attribute read from it (``spacy.cli.download``,
``spacy.info()``) imports the real package and hands over. Submodules (``spacy.cli._util``) import
as usual.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
import types


class _DeferredModule(types.ModuleType):
    """Stands for ``spacy.cli`` until an attribute is read from it."""

    def __getattr__(self, name: str):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return getattr(_load_real_cli(), name)


def _load_real_cli() -> types.ModuleType:
    for name in ("spacy.cli.info", "spacy.cli"):
        if isinstance(sys.modules.get(name), _DeferredModule):
            del sys.modules[name]
    real = importlib.import_module("spacy.cli")
    spacy = sys.modules.get("spacy")
    if spacy is not None:
        spacy.cli = real
    return real


def _info(*args, **kwargs):
    """``spacy.info``, loaded on first call."""
    _load_real_cli()
    from spacy.cli.info import info

    return info(*args, **kwargs)


class _BindOnImport(importlib.abc.MetaPathFinder):
    """Binds the stand-in as ``spacy.cli`` once ``spacy`` is imported (the import system only binds
    submodules it loads itself)."""

    def find_spec(self, fullname, path, target=None):
        if fullname != "spacy":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec("spacy")
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def exec_and_bind(module):
            exec_module(module)
            cli = sys.modules.get("spacy.cli")
            if isinstance(cli, _DeferredModule):
                module.cli = cli

        spec.loader.exec_module = exec_and_bind
        return spec


def defer_spacy_cli() -> bool:
    """Install the stand-ins if spaCy is not imported yet; returns whether it did."""
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return False
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return False
    cli = _DeferredModule("spacy.cli")
    cli.__path__ = [f"{loc}/cli" for loc in spec.submodule_search_locations]
    info = _DeferredModule("spacy.cli.info")
    info.info = _info
    sys.modules["spacy.cli"] = cli
    sys.modules["spacy.cli.info"] = info
    sys.meta_path.insert(0, _BindOnImport())
    return True
