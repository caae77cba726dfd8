"""A language's settings (``data/lang/<code>/lang.json``)."""

from __future__ import annotations

from functools import cache

from kg.resources import lang_dir, read_json


class LangSettings:
    """A language's ``lang.json``: lists become lower-case frozensets, other values stay as they are."""

    def __init__(self, code: str, raw: dict):
        self.code = code
        self.raw = raw
        for key, value in raw.items():
            if key.startswith("_"):
                continue
            if isinstance(value, list):
                value = frozenset(w.lower() for w in value if isinstance(w, str))
            setattr(self, key, value)

    def __getattr__(self, key: str):  # a setting this language does not define
        if key.startswith("_"):
            raise AttributeError(key)
        return frozenset() if key.endswith(("s", "preps")) else None


@cache
def settings(lang: str) -> LangSettings:
    raw = read_json(lang_dir(lang) / "lang.json")
    if not raw:
        raise LookupError(f"no language settings for {lang!r} (data/lang/{lang}/lang.json)")
    return LangSettings(lang, raw)
