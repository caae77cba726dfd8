"""A language's settings (``data/lang/<code>/lang.json``), checked against ``kg/lang/schemas/lang.schema.json``."""

from __future__ import annotations

from pathlib import Path

from kg.caching import per_language
from kg.lang.schema import LangDataError, load
from kg.resources import lang_dir


class LangSettings:
    """A language's ``lang.json``: lists become lower-case frozensets (``*_prefixes``/``*_suffixes``
    lower-case tuples, for ``str.startswith``/``endswith``), other values stay as they are.

    Every key of the schema is an attribute; any other name is an ``AttributeError`` naming the file
    (a misspelt setting in kg's code fails loudly instead of reading as empty).
    """

    def __init__(self, code: str, raw: dict, path: Path | str = "lang.json"):
        self.code = code
        self.raw = raw
        self.path = str(path)
        for key, value in raw.items():
            if key.startswith("_"):
                continue
            if isinstance(value, list):
                words = (w.lower() for w in value if isinstance(w, str))
                value = tuple(dict.fromkeys(words)) if key.endswith(("_prefixes", "_suffixes")) else frozenset(words)
            setattr(self, key, value)

    def __getattr__(self, key: str):  # only called for a name that is not a setting
        raise AttributeError(f"{key!r} is not a setting of {self.__dict__.get('path', 'lang.json')}")

    @property
    def head_final(self) -> bool:
        """Modifiers before their noun ("Iranian forces"); else the head comes first ("pasukan Iran")."""
        return self.head_position == "final"


@per_language
def settings(lang: str) -> LangSettings:
    """The settings of language ``lang``: read once per language folder (``KG_LANG_PATH`` says where it is)."""
    path = lang_dir(lang) / "lang.json"
    if not path.is_file():
        raise LookupError(f"no language settings for {lang!r} ({path})")
    return LangSettings(lang, load(path), path)


__all__ = ["LangDataError", "LangSettings", "settings"]
