"""Token-sequence matching of many phrases at once (the lexicon's surface forms)."""

from __future__ import annotations

from spacy.tokens import Doc


def _filter_overlaps(matches: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``spacy.util.filter_spans`` on ``(key, start, end)`` tuples: longest first, then earliest; no
    overlaps; in order of start. (Spans are made only for what is kept.)"""
    if len(matches) < 2:
        return list(matches)
    taken: set[int] = set()
    kept = []
    for m in sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True):
        if m[1] not in taken and m[2] - 1 not in taken:
            kept.append(m)
            taken.update(range(m[1], m[2]))
    return sorted(kept, key=lambda m: m[1])


class PhraseIndex:
    """Exact matching of token sequences on one token attribute (``ORTH`` or ``LOWER``), as spaCy's
    ``PhraseMatcher`` does, built from the patterns' strings alone.

    A ``PhraseMatcher`` needs a ``Doc`` per pattern, and so a ``Lexeme`` (with all its lexical
    attributes computed in Python) for every word of thousands of names: most of kg's start-up.
    Here a pattern is the tuple of its words' string hashes, indexed by its first word.

    >>> import spacy
    >>> from spacy.attrs import LOWER
    >>> nlp = spacy.blank("en")
    >>> index = PhraseIndex(nlp.vocab.strings, LOWER)
    >>> index.add("navy", ["navy"]); index.add("armed forces", ["armed", "forces"])
    >>> index(nlp("The Navy and the armed forces"))
    [('navy', 1, 2), ('armed forces', 4, 6)]
    """

    def __init__(self, strings, attr: int):
        self.strings, self.attr = strings, attr
        self._single: dict[int, str] = {}  # one-word patterns by their word
        self._pairs: dict[tuple[int, int], list[tuple[tuple[int, ...], str]]] = {}  # longer ones by their first two
        self._firsts: set[int] = set()  # first words of longer patterns
        self._starts: set[int] = set()  # first words of any pattern

    def add(self, key: str, words: list[str]) -> None:
        if not words:
            return
        hashes = tuple(self.strings.add(w) for w in words)
        self._starts.add(hashes[0])
        if len(hashes) == 1:
            self._single.setdefault(hashes[0], key)
        else:
            self._firsts.add(hashes[0])
            self._pairs.setdefault(hashes[:2], []).append((hashes[2:], key))

    def __len__(self) -> int:
        return len(self._single) + sum(len(v) for v in self._pairs.values())

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """Every match as ``(key, start, end)``, in order of start (overlaps included)."""
        if not len(doc):
            return []
        hashes = doc.to_array(self.attr).tolist()
        single, pairs, firsts, starts, n = self._single, self._pairs, self._firsts, self._starts, len(hashes)
        out = []
        for i in [i for i, h in enumerate(hashes) if h in starts]:
            h = hashes[i]
            key = single.get(h)
            if key is not None:
                out.append((key, i, i + 1))
            if h in firsts and i + 1 < n:
                for rest, key in pairs.get((h, hashes[i + 1]), ()):
                    end = i + 2 + len(rest)
                    if end <= n and (not rest or tuple(hashes[i + 2 : end]) == rest):
                        out.append((key, i, end))
        return out
