"""Helpers for the unit tests: one sentence through the extractor, or the sentence rules of one sentence.

- :func:`extract` -> the Extraction of a one-sentence (or short) document;
- :func:`rules_for` -> the :class:`~kg.extract.rules.SentenceRules` of one sentence, to call a rule directly
  (``subject``, ``time_for``, ``modality``, ``place_for``...), set up as the extractor sets it up;
- :func:`trigger` -> the trigger span of a word in that sentence.
"""

from __future__ import annotations

import datetime as dt

from kg.model import Document

REF = dt.date(2024, 4, 16)  # a Tuesday


def document(text: str, lang: str, ref: dt.date | None = REF, *, date_source: str | None = "option") -> Document:
    return Document(id="unit", text=text, lang=lang, date=ref, date_source=date_source if ref else None)


def extract(extractor, text: str, lang: str, ref: dt.date | None = REF, **kw):
    return extractor.extract(document(text, lang, ref, **kw))


def pairs(ex) -> set[tuple[str, str, str]]:
    """(source code, target code, CAMEO root) of every event."""
    return {(s.code, t.code, e.root) for e in ex.events for s in e.sources for t in e.targets}


def one_event(ex, root: str | None = None):
    """The single event (of CAMEO ``root``) in ``ex``; fails with what was found otherwise."""
    found = [e for e in ex.events if root is None or e.root == root]
    assert len(found) == 1, [(e.code, [p.code for p in e.sources], [p.code for p in e.targets]) for e in ex.events]
    return found[0]


def processed_doc(extractor, text: str, lang: str, ref: dt.date | None = REF):
    """``text`` through kg's spaCy pipeline for ``lang`` (actors, triggers, time expressions marked)."""
    from kg.nlp.context import doc_context, span_list

    doc = extractor._process(extractor.nlp(lang), text, ref)
    doc_context(doc).span_starts = {g: [x.start for x in span_list(doc, g)] for g in ("kg_actors", "kg_triggers", "kg_time")}
    return doc


def rules_for(extractor, text: str, lang: str, ref: dt.date | None = REF, *, sentence: int = 0, memory=None):
    """The SentenceRules of sentence ``sentence`` of ``text``, with its nominal triggers marked as the
    extractor marks them (no parse: the window rules)."""
    from kg.extract.rules import SentenceRules
    from kg.extract.sentence import _Memory, sentences_of

    doc = processed_doc(extractor, text, lang, ref)
    sent = sentences_of(doc)[sentence]
    rules = SentenceRules(doc, sent, lang, extractor.lex, memory or _Memory())
    for trig in rules.triggers:
        if extractor._is_nominal(trig, lang):
            rules.nominal.add(trig.start)
    return rules


def trigger(rules, word: str):
    """The trigger span of ``rules``' sentence that contains ``word`` (case-insensitive)."""
    for t in rules.triggers:
        if word.lower() in t.text.lower():
            return t
    raise AssertionError(f"no trigger {word!r} among {[t.text for t in rules.triggers]}")


def codes(arg) -> list[str]:
    """The actor ids (kb ids) an argument of the rules names, in order; [] for None."""
    return [sp.kb_id_ for sp in arg.spans] if arg is not None else []


def parsed_doc(extractor, text: str, lang: str):
    """``text`` through kg's pipeline, then kg's syntax pipeline (loaded as the extractor loads it, so that
    one copy per language serves both)."""
    from kg.nlp.syntax import load_syntax, share_strings

    doc = processed_doc(extractor, text, lang)
    nlp = load_syntax(lang)
    share_strings(nlp, doc.vocab)
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def parsed_frame(extractor, text: str, lang: str, word: str, *, nominal: bool | None = None):
    """The syntax frame (:func:`kg.extract.syntax.frames.frame`) of the trigger containing ``word``, on
    ``text`` parsed by kg's syntax pipeline, and the actor ids its ``Arg.index`` values point to."""
    from kg.extract.syntax.frames import frame
    from kg.nlp.context import kg_get, span_list
    doc = parsed_doc(extractor, text, lang)
    cands = span_list(doc, "kg_actors")
    trig = next(t for t in span_list(doc, "kg_triggers") if word.lower() in t.text.lower())
    t = kg_get(trig)["trigger"]
    events = [i for x in span_list(doc, "kg_triggers") for i in range(x.start, x.end)]
    f = frame(doc, [(a.start, a.end) for a in cands], (trig.start, trig.end), lang,
              target_adps=t.target_preps, symmetric=t.symmetric, nominal=nominal, events=events)
    return f, [a.kb_id_ for a in cands]


def sides(f, ids) -> tuple[list[str], list[str]]:
    """(source ids, target ids) of a frame."""
    return [ids[a.index] for a in f.sources], [ids[a.index] for a in f.targets]
