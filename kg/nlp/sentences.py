"""Sentences: the ``kg_sentencizer`` and ``kg_line_breaks`` components, and sentence helpers."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp.context import doc_context


def _sentences(doc: Doc) -> tuple[list[Span], list[int], dict[int, bool]]:
    """The doc's sentences, their start tokens and a headline cache, computed once per doc."""
    ctx = doc_context(doc)
    if ctx.sentences is None:
        sents = list(doc.sents)
        ctx.sentences = (sents, [s.start for s in sents], {})
    return ctx.sentences


def _sentence_at(doc: Doc, i: int) -> Span:
    from bisect import bisect_right

    sents, starts, _ = _sentences(doc)
    return sents[bisect_right(starts, i) - 1]


def _headline_at(doc: Doc, i: int) -> bool:
    sent = _sentence_at(doc, i)
    flags = _sentences(doc)[2]
    if sent.start not in flags:
        flags[sent.start] = _is_headline(sent)
    return flags[sent.start]


def _is_headline(sent: Span) -> bool:
    """A line in title case without a final full stop ("North Korea Launches Missile Into Ocean")."""
    text = sent.text.strip()
    if text.endswith((".", "!", "?", '"', "”", ")")):
        return False
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.is_title or t.is_upper for t in words) >= 0.6 * len(words)


DASHES = frozenset({"-", "--", "–", "—"})


def opens_clause(tok) -> bool:
    """Whether a word opens a sentence, or follows a dash set off by a space, as the first word after a date
    line does ("JAKARTA (ANTARA) - Kelompok Hizbullah ...", "KYIV (AP) — Embattled Ukraine ...")."""
    if tok.is_sent_start:
        return True
    i = tok.i
    return i >= 2 and tok.doc[i - 1].text in DASHES and bool(tok.doc[i - 2].whitespace_)


def doc_text(doc: Doc) -> str:
    """The doc's text, computed once: ``Doc.text`` joins every token anew on each access."""
    ctx = doc_context(doc)
    if ctx.text is None:
        ctx.text = doc.text
    return ctx.text


def per_word(doc: Doc, attr: int, compute, *, cache: dict) -> list:
    """``compute(i, hash)`` for every token ``i`` of ``doc``, remembered in ``cache`` by the token's ``attr`` string
    hash (hashes are the same in every vocabulary), for values that depend only on that string: one
    ``Doc.to_array`` instead of a Token per token. The cache is emptied past a million words."""
    if len(cache) > 1_000_000:
        cache.clear()
    hashes = doc.to_array(attr).tolist() if len(doc) else []
    out = list(map(cache.get, hashes))
    if None in out:  # words not seen yet
        for i, value in enumerate(out):
            if value is None:
                out[i] = cache[hashes[i]] = compute(i, hashes[i])
    return out


def lowers(doc: Doc) -> list[str]:
    """Every token's lower-case form, computed once per doc (``doc[i].lower_`` builds a Token each time)."""
    ctx = doc_context(doc)
    if ctx.lowers is None:
        from spacy.attrs import LOWER

        strings = doc.vocab.strings
        ctx.lowers = per_word(doc, LOWER, lambda _i, h: strings[h], cache=_LOWER_CACHE)
    return ctx.lowers


_LOWER_CACHE: dict[int, str] = {}  # string hash -> string (hashes are the same in every vocab)


def _line_starts(doc: Doc, text: str) -> list[int]:
    """Indices of the tokens that begin a line (the first token after each line break)."""
    if "\n" not in text or len(doc) < 2:
        return []
    import numpy as np
    from spacy.attrs import IDX

    starts = doc.to_array([IDX]).ravel()
    breaks = [m.start() for m in re.finditer("\n", text)]
    return [int(j) for j in np.searchsorted(starts, breaks, side="right") if 0 < j < len(doc)]


@Language.component("kg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: titles, datelines and list items carry no final full stop.

    For pipelines that bring their own sentencizer; kg's default pipeline uses ``kg_sentencizer``.
    """
    for j in _line_starts(doc, doc_text(doc)):
        doc[j].is_sent_start = True
    return doc


class Sentencizer:
    """spaCy's rule-based sentencizer plus line breaks, computed on token arrays (no Token objects).

    A sentence starts at token 0, at each line start, and at the first non-punctuation token after a
    sentence-final mark ("." "!" "?" and the other marks of spaCy's ``Sentencizer``), as spaCy's does.
    """

    def __init__(self, nlp: Language, name: str = "kg_sentencizer"):
        from spacy.pipeline import Sentencizer as SpacySentencizer

        self.punct = {nlp.vocab.strings.add(c) for c in SpacySentencizer.default_punct_chars}
        self._newline: dict[int, bool] = {}  # space token -> holds a line break

    def __call__(self, doc: Doc) -> Doc:
        import numpy as np
        from spacy.attrs import IS_PUNCT, IS_SPACE, ORTH, SENT_START

        n = len(doc)
        if n == 0:
            return doc
        punct, newline, strings = self.punct, self._newline, doc.vocab.strings
        start = [-1] * n
        start[0] = 1
        seen_final = False
        orths, puncts, spaces = doc.to_array([ORTH, IS_PUNCT, IS_SPACE]).T.tolist()
        for i, (orth, is_punct, is_space) in enumerate(zip(orths, puncts, spaces)):
            if orth in punct:
                seen_final = True
            elif seen_final and not is_punct:
                start[i] = 1
                seen_final = False
            if is_space and i + 1 < n:
                breaks = newline.get(orth)
                if breaks is None:
                    breaks = newline[orth] = "\n" in strings[orth]
                if breaks:
                    start[i + 1] = 1
        # from_array wants unsigned values; spaCy reads -1 back from its uint64 bit pattern
        doc.from_array([SENT_START], np.array(start, dtype="int64").astype("uint64").reshape(-1, 1))
        return doc
