"""Every use kg makes of spaCy's internals, in one place, each kept because it pays (measured by
``bench/spacy_internals.py``), each guarded by
``tests/test_spacy_internals.py``, which fails loudly when a spaCy upgrade breaks it:

- **span information storage**: ``span._.kg`` read and written straight in ``doc.user_data`` under
  spaCy's own key ``("._.", "kg", start_char, end_char)``: 0.5 µs a read instead of 5.8 µs through
  ``span._`` (which builds an Underscore object each time), about 8% of extraction time;
- **the tokenizer without hyphen splitting**: a subclass of spaCy's language class whose infix
  patterns are spaCy's own with the hyphen taken out of their source text, and without the tokenizer
  exceptions that contain a hyphen: Indonesian loads in 0.2 s instead of 5.9 s and keeps every
  hyphenated word whole ("pro-Rusia", not only the ~15,600 listed ones);
- **tokens of the lexicon's names, cached on disk**: keyed on the tokenizer's own serialisation (its
  rules, exceptions and patterns), so a different tokenizer (options, model, spaCy version) never
  reads another's tokens: about 0.3 s less start-up per language;
- **the syntax models' matrix products on numpy's BLAS, one thread**: thinc multiplies with BLIS; numpy's
  own OpenBLAS is ~1.5x faster here (tok2vec and the parser's precomputed layer: 7-9% of the parse, the
  same parses token for token). Only when numpy's OpenBLAS is found and can be held to one thread during
  the parse (:func:`numpy_blas`: with its default of one thread per core it took twice the CPU
  time on a loaded machine, and more with worker processes); otherwise thinc's BLIS, as before;
- **the parser's transitions stepped from Python** (:func:`parse_docs`): spaCy's greedy parse runs its
  whole loop in C, but the wheel's C loop takes the GIL back for thinc helpers it calls per state and
  hidden unit (spaCy 3.8 built with Cython 3, whose functions without ``noexcept`` check for Python
  errors with the GIL held): most of its time went to locking (perf: ``PyGILState_Ensure`` under
  ``predict_states``). The same steps driven from Python, each over all the unfinished sentences (the
  parser's own step model scores them with numpy, its ``transition_states`` applies the best valid
  move in C), give the same parses ~3x faster (the bench's 830 English sentences: 0.35 -> 0.12 CPU-s).
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import logging
import os
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.util import atomic_write_text

log = logging.getLogger(__name__)

# spaCy keeps a span extension's value in doc.user_data under ("._.", name, start_char, end_char)
_EXT = "._."
# what blank() takes out of spaCy's infix patterns' source text: the hyphen between letters
_HYPHEN_INFIXES = (("(?:-|", "(?:"), ("[\\/-]", "[\\/]"))


# -- span information -----------------------------------------------------------------------------------
def kg_get(span) -> dict | None:
    """kg's information on a span (what resolved it, its trigger or time value): ``span._.kg``, read
    directly from where spaCy keeps it (building ``span._`` costs more than the rest of the lookup)."""
    if type(span) is Span:
        return span.doc.user_data.get((_EXT, "kg", span.start_char, span.end_char))
    return span._.kg  # kg.extract's _Ref and other stand-ins


def kg_set(span: Span, info: dict) -> None:
    """Set ``span._.kg`` (the same storage as spaCy's, so ``span._.kg`` reads it back)."""
    span.doc.user_data[(_EXT, "kg", span.start_char, span.end_char)] = info


def copy_span_info(source: Doc, target: Doc, offset: int) -> None:
    """Every span extension value of ``source`` onto ``target``, whose text has ``source``'s at ``offset``."""
    for key, value in source.user_data.items():
        if isinstance(key, tuple) and len(key) == 4 and key[0] == _EXT and key[2] is not None:
            end = key[3] + offset if key[3] is not None else None
            target.user_data[(key[0], key[1], key[2] + offset, end)] = value


# -- the tokenizer ------------------------------------------------------------------------------------
def blank(code: str, options: dict) -> Language:
    """``spacy.blank(code)``, optionally keeping hyphenated words whole by rule instead of by listing them.

    spaCy's Indonesian tokenizer lists ~15,600 hyphenated words as exceptions ("serang-menyerang"),
    which takes seconds to load and still misses unlisted ones. ``{"keep_hyphenated_words": true}`` in
    ``lang.json`` drops those exceptions and stops splitting on a hyphen between letters instead.
    """
    cls = spacy.util.get_lang_class(code)
    if not options.get("keep_hyphenated_words"):
        return cls()
    defaults = cls.Defaults
    exceptions = {k: v for k, v in defaults.tokenizer_exceptions.items() if "-" not in k}
    infixes = [_without_hyphen(p) for p in defaults.infixes]
    kg_defaults = type(f"Kg{cls.__name__}Defaults", (defaults,), {"tokenizer_exceptions": exceptions, "infixes": infixes})
    return type(f"Kg{cls.__name__}", (cls,), {"Defaults": kg_defaults, "lang": code})()


def keep_abbreviations(nlp: Language, words) -> None:
    """Keep each abbreviation of ``words`` (those ending in a full stop, e.g. the language's titles) one token,
    as written and capitalised: spaCy's English tokenizer splits "Maj." "Lt." "Col." "Capt." into a word and a
    full stop, and the full stop then ends a sentence inside "Maj. Gen. Pat Ryder said ..."."""
    from spacy.attrs import ORTH

    for word in words:
        if len(word) > 1 and word.endswith(".") and " " not in word:
            for form in {word, word[:1].upper() + word[1:]}:
                nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def _without_hyphen(pattern: str) -> str:
    for old, new in _HYPHEN_INFIXES:
        pattern = pattern.replace(old, new)
    return pattern


def hyphen_infixes_found(code: str) -> int:
    """How many of spaCy's infix patterns for ``code`` :func:`blank` changes (0: the patch does nothing)."""
    return sum(_without_hyphen(p) != p for p in spacy.util.get_lang_class(code).Defaults.infixes if isinstance(p, str))


# -- tokens of many strings, cached ---------------------------------------------------------------------
def tokenizer_key(nlp: Language) -> str:
    """A digest of ``nlp``'s tokenizer: its rules, exceptions and patterns as spaCy serialises them."""
    return hashlib.sha1(nlp.tokenizer.to_bytes(exclude=["vocab"]) + spacy.__version__.encode()).hexdigest()[:20]


def tokenized(nlp: Language, texts: tuple[str, ...], *, label: str = "surfaces") -> list[list[str]]:
    """The tokens of every text, as ``nlp``'s tokenizer makes them, cached on disk between runs
    (``$KG_CACHE_DIR`` or ``~/.cache/kg``) under a key of the texts and :func:`tokenizer_key`."""
    key = hashlib.sha1("\x1f".join((tokenizer_key(nlp), *texts)).encode("utf-8")).hexdigest()[:20]
    folder = Path(os.environ.get("KG_CACHE_DIR") or Path.home() / ".cache" / "kg")
    path = folder / f"{label}-{nlp.lang}-{key}.json"
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
        if len(cached) == len(texts):
            return cached
    except (OSError, ValueError):
        pass
    words = [[t.text for t in doc] for doc in nlp.tokenizer.pipe(texts)]
    try:
        atomic_write_text(path, json.dumps(words, ensure_ascii=False))
    except OSError:  # a read-only home is fine: the cache is an optimisation
        log.debug("cannot write the token cache %s", path)
    return words


# -- the syntax models' matrix products -----------------------------------------------------------------
_OPENBLAS_THREADS = ("scipy_openblas_get_num_threads64_", "scipy_openblas_set_num_threads64_", "openblas_get_num_threads64_",
                     "openblas_set_num_threads64_", "openblas_get_num_threads", "openblas_set_num_threads")  # fmt: skip


@cache
def _openblas() -> tuple | None:
    """(get, set) of the number of threads of the OpenBLAS numpy loaded (numpy's wheels bundle one, under
    ``numpy.libs``), or None: another BLAS, another system, no such functions."""
    try:
        import numpy

        with open("/proc/self/maps", encoding="utf-8") as fh:
            paths = {line.split()[-1] for line in fh if "openblas" in line.lower() and "/" in line}
        config = str(numpy.show_config(mode="dicts").get("Build Dependencies", {}).get("blas", {}).get("name", ""))
        if "openblas" not in config.lower():
            return None
        for path in sorted(paths, key=lambda p: "numpy" not in p):  # numpy's own first
            lib = ctypes.CDLL(path)
            for i in range(0, len(_OPENBLAS_THREADS), 2):
                get, set_ = (getattr(lib, n, None) for n in _OPENBLAS_THREADS[i : i + 2])
                if get is not None and set_ is not None:
                    get.restype, set_.argtypes = ctypes.c_int, [ctypes.c_int]
                    return get, set_
    except (OSError, AttributeError, TypeError, ValueError, IndexError):
        pass
    return None


def parse_docs(parser, docs: list, batch_size: int) -> list:
    """Run the dependency ``parser`` component on ``docs`` (in place; returned in order): greedy
    transitions stepped from Python over batches of ``batch_size`` docs, the steps spaCy's
    ``Parser.greedy_parse`` takes in C (see the module docstring for why). A parser that is no greedy
    transition parser of this kind (a beam, another spaCy) runs through its own ``pipe``."""
    if not all(hasattr(parser, a) for a in ("moves", "model", "transition_states", "set_annotations")) or parser.cfg.get("beam_width", 1) != 1:
        return list(parser.pipe(docs, batch_size=batch_size))
    for i in range(0, len(docs), batch_size):
        batch = docs[i : i + batch_size]
        states = parser.moves.init_batch(batch)
        if any(len(doc) for doc in batch):
            step_model = parser.model.predict(batch)
            todo = [state for state in states if not state.is_final()]
            while todo:
                todo = parser.transition_states(todo, step_model.predict(todo))
            step_model.clear_memory()
        parser.set_annotations(batch, states)
    return docs


@contextmanager
def numpy_blas(nlp: Language):
    """Run ``nlp``'s trained components inside this block to have them multiply matrices with numpy's
    OpenBLAS on one thread (its thread count is restored after) instead of thinc's BLIS. Without an
    OpenBLAS that can be held to one thread, the block changes nothing."""
    threads = _openblas()
    if threads is None:
        yield
        return
    ops = None
    for _name, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None or not hasattr(model, "walk") or getattr(model.ops, "use_blis", True) is False:
            continue
        if ops is None:
            from thinc.api import NumpyOps

            ops = NumpyOps(use_blis=False)
        for node in model.walk():  # once per pipeline: the layers keep it
            node.ops = ops
    before = threads[0]()
    if before != 1:
        threads[1](1)
    try:
        yield
    finally:
        if before != 1:
            threads[1](before)
