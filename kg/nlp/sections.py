"""Long documents in sections: spaCy refuses a text over ``nlp.max_length`` characters (E088, 1,000,000
by default) and a Doc's memory grows with its length, so :meth:`kg.extract.Extractor.extract` runs the
pipeline on sections of at most :data:`SECTION_CHARS` characters, cut at paragraph or sentence
boundaries (never inside a sentence), and joins the processed sections back into one Doc over the
whole text: sentence, event and actor offsets stay relative to the whole document.

>>> [len(s) for s in split_sections("One. Two.\\n\\nThree is here. Four.", 20)]
[11, 20]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from kg.nlp.spacy_internals import copy_span_info

SECTION_CHARS = 200_000  # a document up to this long is processed whole, as before

_PARAGRAPH = re.compile(r"\n\s*\n\s*")
_LINE = re.compile(r"\n\s*")
_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


def split_sections(text: str, size: int = SECTION_CHARS) -> Iterator[str]:
    """Consecutive pieces of ``text`` (joined, they are ``text`` again), each at most ``size`` characters
    where a boundary allows: the last paragraph break in the window, else the last line break, else
    the last sentence end, else the last space (a "sentence" of ``size`` characters is not one)."""
    start = 0
    n = len(text)
    while n - start > size:
        window = text[start : start + size]
        cut = None
        for rx in (_PARAGRAPH, _LINE, _SENTENCE, _SPACE):
            last = None
            for last in rx.finditer(window, size // 4):
                pass
            if last is not None:
                cut = start + last.end()
                break
        if cut is None or cut <= start:
            cut = start + size  # no space at all in the window: one giant token, cut it
        yield text[start:cut]
        start = cut
    if start < n or n == 0:
        yield text[start:]


def join_docs(docs: list[Doc], text: str) -> Doc:
    """One Doc over ``text`` from the Docs of its consecutive sections: tokens, sentence starts,
    annotations and span groups (``Doc.from_docs``), and kg's span data (``span._.kg``, kept in
    ``user_data`` by character offsets) moved to the whole text's offsets. Per-doc caches are not
    copied: they are rebuilt on the joined Doc."""
    joined = Doc.from_docs(docs, ensure_whitespace=False, exclude=["user_data"])
    offset = 0
    for doc in docs:
        copy_span_info(doc, joined, offset)
        offset += len(doc.text)
    if offset != len(text):  # pragma: no cover - the tokenizer keeps every character
        raise ValueError("sections do not add up to the document's text")
    return joined
