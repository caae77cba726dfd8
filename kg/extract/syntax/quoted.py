"""A direct quote before its speaker, parsed as its reported form (construction ``quote_first_speech``).

'"We will send aid to Gaza," Egypt's foreign minister said on Monday.', '"We condemn ...," said the Malaysian foreign
ministry.', '"Kami mengecam ...," ujar Kementerian Luar Negeri Malaysia.': kg's parsers, trained on treebanks with few
such sentences, read the quote and the words after it as one clause ("aid" its verb, "said" an adverbial clause on it,
or a relative clause on "We"), so the speaker is no speaker and what is said has no doer.

A sentence that opens with a quote mark, whose quote closes by a comma (``,"`` or ``",``: ``quote_pairs`` of
syntax.json) and is followed by a clause of saying without any other quote, is parsed in two parts, as two sentences:
what is quoted (with a full stop) and the clause of saying. When the latter's root is a verb of saying
(``speech_verbs``) with a subject (in an inverted clause, "said the ministry", the noun after the verb, parsed as its
object, is its subject), the two parses are joined into one over the sentence's own tokens: the quote's root a
``ccomp`` of the verb of saying, as in the reported form "Egypt's foreign minister said on Monday (that) we will send
aid to Gaza". The rest of kg then reads it as it reads that form: the speaker is the source of what the quote says
(a first-person subject, "we", "our navy", "kami", is the speaker's own side: :mod:`.selfref`), a day on the verb of
saying dates the saying. Otherwise (no verb of saying, no subject, a part read as two sentences) the whole sentence's
own parse is kept.
"""

from __future__ import annotations

from kg.extract.syntax.data import _is, role_data

MAX_FRAME_WORDS = 30  # the clause of saying after the quote: a longer run is no such clause


def quote_split(words: list[str], lang: str) -> tuple[int, int, int] | None:
    """(start, end, frame) for a sentence of ``words`` that opens with a quote closed by a comma: the quoted words are
    ``words[start:end]``, the clause of saying ``words[frame:]``; None for any other sentence (module doc)."""
    try:
        pairs = role_data(lang).quote_pairs
    except LookupError:
        return None
    if len(words) < 5 or not pairs:
        return None
    closes = {b for a, b in pairs if a == words[0]}
    if not closes:
        return None
    for k in range(2, len(words) - 2):
        if words[k] not in closes:
            continue
        if words[k - 1] == ",":  # '"..., " the minister said'
            end, frame = k - 1, k + 1
        elif words[k + 1] == ",":  # '"...", the minister said'
            end, frame = k, k + 2
        else:
            return None  # a quote that does not close with a comma: a quoted phrase, a question, a whole sentence
        quotes = {a for a, _ in pairs} | {b for _, b in pairs}
        said = words[frame:]
        if end < 2 or not 2 <= len(said) <= MAX_FRAME_WORDS or any(w in quotes for w in said):
            return None
        return 1, end, frame
    return None


def _parts(doc) -> bool:
    """Whether a parsed part is one sentence (one root)."""
    return sum(t.head.i == t.i for t in doc) == 1


def joined_parse(sub, quote, frame, split: tuple[int, int, int], lang: str):
    """One parse over the tokens of ``sub`` (the sentence's own parse) from the parses of its ``quote`` (the quoted
    words and a full stop) and its ``frame`` (the clause of saying) at ``split`` (:func:`quote_split`); ``sub`` itself
    when the parts are not a quote and a clause of saying with a subject (module doc)."""
    from spacy.tokens import Doc

    start, end, at = split
    if not (_parts(quote) and _parts(frame)):
        return sub
    d = role_data(lang)
    verb = next(t for t in frame if t.head.i == t.i)
    if verb.pos_ not in ("VERB", "AUX") or not _is(verb, d.speech_verbs, lang):
        return sub
    q_root = next(t for t in quote if t.head.i == t.i)
    if q_root.i == len(quote) - 1:
        return sub  # the full stop is the root
    heads, deps = [t.i for t in sub], [t.dep_ for t in sub]
    pos, tags, morphs = [t.pos_ for t in sub], [t.tag_ for t in sub], [str(t.morph) for t in sub]
    for t in quote[: len(quote) - 1]:
        k = start + t.i
        heads[k] = start + t.head.i if t.head.i != len(quote) - 1 else start + q_root.i
        deps[k], pos[k], tags[k], morphs[k] = t.dep_, t.pos_, t.tag_, str(t.morph)
    v = at + verb.i
    heads[start + q_root.i], deps[start + q_root.i] = v, "ccomp"
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
    inverted = verb.i == 0 and not subjects
    for t in frame:
        k = at + t.i
        heads[k], deps[k], pos[k], tags[k], morphs[k] = at + t.head.i, t.dep_, t.pos_, t.tag_, str(t.morph)
        if inverted and t.head.i == verb.i and t.dep_ in ("obj", "dobj") and not subjects:
            deps[k] = "nsubj"  # "said the Malaysian foreign ministry": the subject after its verb
            subjects.append(t)
    if not subjects:
        return sub
    deps[v] = "ROOT"
    heads[v] = v
    for k in list(range(0, start)) + list(range(end, at)):
        heads[k], deps[k] = start + q_root.i, "punct"  # the quote marks and the comma
    return Doc(
        sub.vocab,
        words=[t.text for t in sub],
        spaces=[bool(t.whitespace_) for t in sub],
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags if any(tags) else None,
        morphs=morphs,
    )


def part_words(words: list[str], spaces: list[bool], split: tuple[int, int, int]) -> tuple[tuple, tuple]:
    """The (words, spaces) of the quote (with a full stop) and of the clause of saying at ``split``."""
    start, end, at = split
    quote = (words[start:end] + ["."], spaces[start:end - 1] + [False, False])
    return quote, (words[at:], spaces[at:])


def quote_parts(subs: list, lang: str) -> tuple[list, list]:
    """(docs, splits) for the sentences ``subs`` (unparsed Docs): ``subs`` and after them the new Docs to parse with
    them, for each split sentence its quote and its clause of saying; and each sentence's split (:func:`quote_split`,
    None for most)."""
    from spacy.tokens import Doc

    splits = [quote_split([t.text for t in sub], lang) for sub in subs]
    parts = [Doc(sub.vocab, words=w, spaces=s) for sub, split in zip(subs, splits) if split
             for w, s in part_words([t.text for t in sub], [bool(t.whitespace_) for t in sub], split)]  # fmt: skip
    return subs + parts, splits


def joined_parses(docs: list, splits: list, lang: str) -> list:
    """The parsed sentences (the first ``len(splits)`` of ``docs``), each split one's parse joined from its parts
    (which follow in ``docs``, two per split, in order: :func:`quote_parts`) by :func:`joined_parse`."""
    out, k = docs[: len(splits)], len(splits)
    for i, split in enumerate(splits):
        if split:
            out[i] = joined_parse(out[i], docs[k], docs[k + 1], split, lang)
            k += 2
    return out


def in_opening_quote(rules, trig) -> bool:
    """Whether the trigger span ``trig`` is inside a quote that opens its parsed sentence before the clause of saying
    (:func:`quote_split`)."""
    if rules.syntax is None:
        return False
    sub, off = rules.syntax
    split = quote_split([t.text for t in sub], rules.lang)
    return split is not None and split[0] <= trig.start - off and trig.end - off <= split[1]

