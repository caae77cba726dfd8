"""spaCy pipelines, one per language, built from kg's data files.

The default pipeline needs no trained model: ``spacy.blank(lang)`` + sentencizer + (lemma lookups) +
three kg components registered here with ``@Language.factory``:

``kg_actors``
    Lexicon phrase matching (names, adjectives, metonyms, places), sector/role nouns combined with the
    state they qualify ("Iranian forces", "pasukan Israel", "the president of Iran"), appositions
    ("Presiden Rusia, Vladimir Putin") and discovery of unknown office holders through role patterns.
    Writes ``doc.spans["kg_actors"]`` (label = resolution rule, kb_id = actor id or ``place:<id>``).
``kg_triggers``
    Event trigger words from ``data/lang/<code>/triggers.jsonl``, matched on lemma, stem or lower-case
    form. Writes ``doc.spans["kg_triggers"]`` (label = CAMEO code, kb_id = entry number).
``kg_time``
    Time expressions (:mod:`kg.nlp.timex`). Writes ``doc.spans["kg_time"]``.

A user with a trained spaCy pipeline adds it with ``build_pipeline(lang, model="en_core_web_sm")``; kg's
components are appended to it and its sentence boundaries are used.
"""

from __future__ import annotations

import logging

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.caching import keep_loaded, lang_key, settings_key
from kg.lang.settings import settings
from kg.nlp.actors import ActorTagger
from kg.nlp.context import doc_context, kg_set, set_span_list
from kg.nlp.sentences import Sentencizer, doc_text
from kg.nlp.spacy_internals import blank, keep_abbreviations
from kg.nlp.triggers import TriggerTagger

log = logging.getLogger(__name__)


# Extensions are registered at import time so that worker processes see them too.
if not Span.has_extension("kg"):
    Span.set_extension("kg", default=None)


class TimeTaggerComponent:
    def __init__(self, nlp: Language, name: str = "kg_time", *, lang: str):
        from kg.nlp.timex import TimeTagger

        self.tagger = TimeTagger.for_lang(lang)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        text = doc_text(doc)
        # a date that opens a date line is the paper's, kind "dateline" ("MANILA, Friday, August 9, 2024 — ...")
        # a date line's place in title case ("Jakarta - ...") must be a capital or a gazetteer place kg_actors found
        places = {(sp.start_char, sp.end_char) for sp in doc.spans.get("kg_actors", []) if sp.label_ in ("metonym", "place")}
        found, found_lines = self.tagger.datelines(text, self.tagger.find_in_narrative(text, doc_context(doc).ref_date),
                                                   lambda a, b: (a, b) in places)  # fmt: skip
        for m in found:
            span = doc.char_span(m.start, m.end, label=m.kind, alignment_mode="expand")
            if span is not None:
                kg_set(span, {"time": m})
                spans.append(span)
        set_span_list(doc, "kg_time", filter_spans(spans))
        # the date lines themselves, place and agency to the dash ("KYIV, Ukraine (AP) —"): no party of the
        # sentence they open (kg.extract.sentence.filed_end)
        lines = [doc.char_span(a, b, label="dateline", alignment_mode="expand") for a, b in found_lines]
        set_span_list(doc, "kg_dateline", [sp for sp in lines if sp is not None])
        return doc


@Language.factory("kg_sentencizer")
def make_sentencizer(nlp: Language, name: str):
    return Sentencizer(nlp, name)


@Language.factory("kg_actors", default_config={"lang": "en", "lexicon_files": []})
def make_actor_tagger(nlp: Language, name: str, lang: str, lexicon_files: list[str]):
    return ActorTagger(nlp, name, lang=lang, lexicon_files=tuple(lexicon_files))


@Language.factory("kg_triggers", default_config={"lang": "en", "window": 4})
def make_trigger_tagger(nlp: Language, name: str, lang: str, window: int):
    return TriggerTagger(nlp, name, lang=lang, window=window)


@Language.factory("kg_time", default_config={"lang": "en"})
def make_time_tagger(nlp: Language, name: str, lang: str):
    return TimeTaggerComponent(nlp, name, lang=lang)


def build_pipeline(lang: str, *, model: str | None = None, lexicon_files: tuple[str, ...] = (), actors_only: bool = False) -> Language:
    """A spaCy pipeline for ``lang`` with kg's components (and, optionally, a trained ``model`` under them)."""
    s = settings(lang)
    if model:
        try:
            nlp = spacy.load(model)
        except OSError as exc:
            raise LookupError(f"cannot load spaCy pipeline {model!r}: {exc}. Install it with pip, or leave out --model") from None
    else:
        nlp = blank(s.spacy_lang, s.tokenizer)
    nlp.tokenizer.max_cache_size = 1_000_000 if hasattr(nlp.tokenizer, "max_cache_size") else None
    keep_abbreviations(nlp, (*s.titles, *s.name_suffixes))  # "Maj. Gen. Pat Ryder", "Marcos Jr. menandatangani": no sentence end
    if not any(p in nlp.pipe_names for p in ("parser", "senter", "sentencizer")):
        nlp.add_pipe("kg_sentencizer")
    elif "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("kg_line_breaks", after="sentencizer")
    # Lemmas: a trained pipeline's own lemmatizer if it has one, else kg_triggers reads spaCy's lookup
    # table directly, per word form (a lemmatizer component would look up every token of every doc).
    nlp.add_pipe("kg_actors", config={"lang": lang, "lexicon_files": list(lexicon_files)})
    if not actors_only:  # `kg actors` needs no time or trigger tagging, and starts faster without them
        nlp.add_pipe("kg_time", config={"lang": lang})
        nlp.add_pipe("kg_triggers", config={"lang": lang})
    return nlp


_PIPELINES: dict[tuple, Language] = {}


def get_pipeline(lang: str, *, model: str | None = None, lexicon_files: tuple[str, ...] = (), actors_only: bool = False) -> Language:
    """Cached :func:`build_pipeline`: one pipeline per (language folder, model, lexicon files, settings of
    :data:`kg.caching.SETTINGS_ENV`) per process."""
    where = (lang, lang_key(lang), model, tuple(lexicon_files), settings_key())
    full = (*where, False)
    if actors_only and full in _PIPELINES:
        return _PIPELINES[full]
    key = (*where, actors_only)
    if key not in _PIPELINES:
        _PIPELINES[key] = build_pipeline(lang, model=model, lexicon_files=tuple(lexicon_files), actors_only=actors_only)
        keep_loaded()
    return _PIPELINES[key]
