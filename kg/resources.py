"""Where kg's bundled data and ontology live, in a source checkout and in an installed wheel."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent


@cache
def data_dir() -> Path:
    """The ``data/`` folder: ``kg/_data`` in a wheel, ``<repo>/data`` in a checkout."""
    for candidate in (_PKG / "_data", _PKG.parent / "data"):
        if (candidate / "actors").is_dir():
            return candidate
    raise FileNotFoundError("kg's data folder is missing: reinstall kg (pip install --force-reinstall kg)")


@cache
def ontology_dir() -> Path:
    for candidate in (_PKG / "_ontology", _PKG.parent / "ontology"):
        if (candidate / "kg.ttl").is_file():
            return candidate
    raise FileNotFoundError("kg's ontology folder is missing: reinstall kg")


# os.environ.get raises and catches a KeyError inside for a variable that is not set (~0.8 us): read on every
# per-language cache look-up (kg.caching.per_language, ~18,000 times per 30k English words), KG_LANG_PATH is
# read from the dict os.environ keeps its encoded variables in (~0.1 us), where CPython has it
_ENVIRON_DATA = getattr(os.environ, "_data", None)
_LANG_PATH_KEY = os.environ.encodekey("KG_LANG_PATH") if _ENVIRON_DATA is not None and hasattr(os.environ, "encodekey") else None


def lang_path() -> str:
    """The value of ``KG_LANG_PATH`` ("" when it is not set), as ``os.environ.get("KG_LANG_PATH", "")``."""
    if _LANG_PATH_KEY is None:
        return os.environ.get("KG_LANG_PATH", "")
    value = _ENVIRON_DATA.get(_LANG_PATH_KEY)
    return "" if value is None else os.environ.decodevalue(value)


def lang_roots() -> list[Path]:
    """Folders that hold language folders: kg's own ``data/lang`` first, then each folder of the
    ``KG_LANG_PATH`` environment variable (``os.pathsep``-separated), so extra languages can live
    outside the package. A bundled language is not shadowed by a folder of the same code on the path."""
    extra = [Path(p).expanduser() for p in os.environ.get("KG_LANG_PATH", "").split(os.pathsep) if p.strip()]
    return [data_dir() / "lang", *extra]


def languages() -> list[str]:
    """Language codes that have a data folder (``data/lang/<code>/`` or ``$KG_LANG_PATH/<code>/``)."""
    return sorted({p.name for root in lang_roots() if root.is_dir() for p in root.iterdir() if (p / "lang.json").is_file()})


def lang_dir(lang: str) -> Path:
    """The folder of language ``lang``: the first root (see :func:`lang_roots`) that has it."""
    return _lang_dir(lang, lang_path())


def lang_folder_key(lang: str) -> str:
    """``str(lang_dir(lang))``, cached on the same key: what every per-language cache look-up is keyed on
    (:func:`kg.caching.lang_key`, ~40,000 look-ups per 30k English words)."""
    return _lang_folder_key(lang, lang_path())


@cache
def _lang_folder_key(lang: str, _lang_path: str) -> str:
    return str(_lang_dir(lang, _lang_path))


@cache
def _lang_dir(lang: str, _lang_path: str) -> Path:
    roots = lang_roots()
    for root in roots:
        if (root / lang / "lang.json").is_file():
            return root / lang
    return roots[0] / lang


def read_jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    """Yield ``(line_number, object)`` from a JSONL file; ``//`` comment and blank lines are skipped.

    Raises ``ValueError`` naming the file and line on malformed JSON.
    """
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: malformed JSON ({exc.msg})") from None
            if not isinstance(obj, dict):
                raise ValueError(f"{path}:{number}: expected a JSON object")
            yield number, obj


def read_lines(path: Path) -> list[str]:
    """Non-empty, non-comment (``#``) lines of a text data file; missing file -> empty list."""
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.rstrip("\n")
        if line.strip() and not line.lstrip().startswith("#"):
            out.append(line.strip())
    return out


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
