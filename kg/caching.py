"""kg's caches, explicit about what they are keyed on (issue #15, step 5).

Data read from a language folder is cached with :func:`per_language`: the key is the folder the code
resolves to (``data/lang/<code>/`` or a folder on ``KG_LANG_PATH``, :func:`kg.resources.lang_dir`) and the
other arguments, so pointing ``KG_LANG_PATH`` elsewhere reads the other folder's data instead of reusing the
first one's. Objects built from several settings (pipelines, extractors) add :func:`settings_key`, the
environment variables that change what kg reads. ``tests/test_caches.py`` lists every cache in kg and what
it is keyed on: a new cache must be added there, with its key.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from functools import cache, wraps
from typing import TypeVar

from kg.resources import _ENVIRON_DATA, _LANG_PATH_KEY, lang_folder_key, lang_path

F = TypeVar("F", bound=Callable)

# environment variables that change the data kg reads (and so every object built from it)
SETTINGS_ENV = ("KG_LANG_PATH", "KG_ACTOR_SOURCES", "KG_PETRARCH")


def settings_key() -> tuple[str | None, ...]:
    """The current values of :data:`SETTINGS_ENV`: part of the key of a pipeline or an extractor."""
    return tuple(os.environ.get(name) for name in SETTINGS_ENV)


def lang_key(lang: str | None) -> str | None:
    """What a per-language cache is keyed on: the folder ``lang`` resolves to (None for no language)."""
    return lang_folder_key(lang) if lang else None


def per_language(fn: F) -> F:
    """Cache ``fn(lang, *args)`` on ``(language folder, lang, *args)`` (see :func:`lang_key`).

    >>> calls = []
    >>> @per_language
    ... def words(lang):
    ...     calls.append(lang)
    ...     return lang.upper()
    >>> words("en"), words("en"), len(calls)
    ('EN', 'EN', 1)
    """

    @cache
    def keyed(_folder: str | None, lang, *args):
        return fn(lang, *args)

    # ~48,000 look-ups per 30k English words: each found by the language and KG_LANG_PATH's raw value first (one dict
    # look-up), the folder (lang_folder_key) resolved only on a miss; the value is keyed's, so still one per folder
    seen: dict = {}
    environ, path_key = _ENVIRON_DATA, _LANG_PATH_KEY

    @wraps(fn)
    def wrapper(lang, *args):
        key = (lang, environ.get(path_key) if path_key is not None else lang_path(), *args)
        try:
            return seen[key]
        except KeyError:
            pass
        value = seen[key] = keyed(lang_folder_key(lang) if lang else None, lang, *args)
        return value

    def cache_clear() -> None:
        seen.clear()
        keyed.cache_clear()

    wrapper.cache_clear = cache_clear  # type: ignore[attr-defined]
    wrapper.cache_info = keyed.cache_info  # type: ignore[attr-defined]
    wrapper.keyed_on = "language folder"  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


_OWN_PROCESS = False


def own_process(on: bool = True) -> None:
    """Say that kg owns this process (the ``kg`` command, a benchmark): from then on :func:`keep_loaded`
    freezes what a load leaves behind. A program that imports kg as a library does not call it, so kg never
    changes how the caller's own objects are collected."""
    global _OWN_PROCESS
    _OWN_PROCESS = on


def keep_loaded() -> None:
    """In a process kg owns (:func:`own_process`), leave what exists now out of the cyclic garbage
    collector's passes (``gc.freeze``, after one collection so that nothing already garbage is kept): called
    right after a pipeline or a syntax model is loaded, which with the lexicon are ~135,000 objects that live as
    long as the process. Full passes walked them all to find nothing: ~85 ms each, about once per 30,000 words
    of English extraction (~2% of it). Objects made later are collected as before. In a library caller's
    process it does nothing."""
    if _OWN_PROCESS:
        gc.collect()
        gc.freeze()
