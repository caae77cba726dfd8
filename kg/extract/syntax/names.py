"""Persons' names as the parser reads them: each as the language's placeholder name (``placeholder_name`` in
``data/lang/<code>/syntax.json``). kg's parsers were trained on treebanks whose names are mostly English or
Indonesian; a foreign surname they never saw is read by its letters (the English parser took "Blinken" at the
start of "Blinken met Prime Minister Fumio Kishida in Tokyo." for a verb and made "Kishida" the root), and one
misread word breaks the whole parse. kg knows which tokens are a
person's name, so the parser is given a name it reads well; the tokens, and so every offset, stay the same."""

from __future__ import annotations


def placeholder_name(lang: str) -> tuple:
    """The language's placeholder name (given, family), or () when it has none or no syntax data."""
    from kg.extract.syntax.data import role_data

    try:
        name = role_data(lang).placeholder_name
    except LookupError:
        return ()
    return name if len(name) == 2 else ()


def words_for_parser(sent, names, placeholder: tuple, lang: str | None = None) -> list[str]:
    """The words of ``sent`` for the parser, each person's name read as the placeholder name: its last
    word as the family name, the words before it as the given name ("Fumio Kishida" -> "John Johnson" in English);
    with ``lang``, a title-case headline's words in lower case (:func:`headline_words`)."""
    words = [t.text for t in sent]
    if placeholder:
        given, family = placeholder
        for start, end in names:
            for i in range(max(start, sent.start), min(end, sent.end)):
                words[i - sent.start] = family if i == end - 1 else given
    return headline_words(sent, words, lang) if lang else words


def headline_words(sent, words: list[str], lang: str) -> list[str]:
    """``words`` with the trigger words of a title-case headline in lower case (not its first word, nor a name or time
    kg found): the parsers learnt capitals from running text and read "China Warns Taiwan Over Independence Push" as
    one long name, "China warns Taiwan Over ..." as a clause. (Only the trigger words: lowering every capitalised word
    changed the parse of headlines that were read right, and lost events on the held-apart English set.) A headline
    is a sentence without a full stop of at least three words of four letters or more of which none is in lower case
    but the language's ``headline_small_words`` (syntax.json: "untuk", "over"). A verb trigger written as a bare stem
    is given the language's active prefix (``headline_verb_prefixes``: Indonesian headlines drop meN-, "Jepang Kecam
    ...", "China Peringatkan Taiwan", which the parser reads as nouns), unless its suffix is a noun's ("Serangan")."""
    from kg.extract.syntax.data import role_data
    from kg.nlp.context import span_list
    from kg.nlp.spacy_internals import kg_get

    try:
        data = role_data(lang)
    except LookupError:
        return words
    small = data.headline_small_words
    long = [t for t in sent if t.is_alpha and len(t) >= 4] if sent[-1].text != "." else []  # no full stop: a title
    if not small or len(long) < 3 or any(not t.is_title and t.lower_ not in small for t in long):
        return words
    kept = {i for key in ("kg_actors", "kg_time") for sp in span_list(sent.doc, key) for i in range(sp.start, sp.end)}  # kept lists: no new Spans
    out = list(words)
    trig = {i for sp in span_list(sent.doc, "kg_triggers") for i in range(sp.start, sp.end)}
    for t in sent[1:]:
        k = t.i - sent.start
        if t.is_title and t.i not in kept and t.i in trig and out[k] == t.text:
            out[k] = t.text.lower()
    if not data.headline_verb_prefixes:
        return out
    # the verbs: verb triggers, and a word right after a name ("Hizbullah Balas dengan Roket") whose active form the
    # lemma table knows as a form of it ("membalas" -> "balas"; not "Roket" -> "meroket" after no name)
    verbs = {sp.start for sp in span_list(sent.doc, "kg_triggers") if getattr((kg_get(sp) or {}).get("trigger"), "pos", "") == "verb"}
    after_name = {sp.end for sp in span_list(sent.doc, "kg_actors") if sp.label_ != "place"}
    for t in sent:
        k = t.i - sent.start
        if (t.i in verbs or t.i in after_name and t.is_title and t.i not in kept) and t.is_alpha:
            out[k] = _active_form(out[k], t.i in verbs, data.headline_verb_prefixes, lang) or out[k]
    return out


def _active_form(word: str, trigger: bool, prefixes: tuple, lang: str) -> str | None:
    """The active (meN-) form of the bare verb stem ``word`` by ``prefixes`` (syntax.json headline_verb_prefixes: the
    first whose form the lemma table knows as a form of the word, else for a trigger the first that matches), or None:
    a word already prefixed, or with a noun's suffix ("Serangan")."""
    from kg.lang.settings import settings
    from kg.nlp.morphology import lemma_table

    morph = settings(lang).morphology or {}
    low = word.lower()
    affixed = tuple(p for key in ("verbal_prefixes", "passive_prefixes") for p in morph.get(key, ()))
    suffix = next((x for x in morph.get("suffixes", ()) if low.endswith(x)), "")
    if low.startswith(affixed) or suffix in morph.get("nominal_suffixes", ()):
        return None
    forms = [new + low[len(old):] for old, new in prefixes if low.startswith(old)]
    forms += [new + low for old, new in prefixes if low.startswith(old) and not new.endswith(old)]  # "memprotes": p kept
    table = lemma_table(lang)
    stems = {low} | {low.removesuffix(x) for x in morph.get("suffixes", ())}  # a suffixed stem's lemma: "serukan" -> "seru"
    known = next((f for f in forms if table is not None and table.get(f) in stems), None)
    return known or (forms[0] if trigger and forms else None)


def person_names(doc, start: int, end: int, lexicon) -> list[tuple[int, int]]:
    """The (start, end) tokens of the names of persons kg's lexicon knows between tokens ``start`` and ``end``
    of ``doc``: names of capitalised words only, so that no word of the sentence's grammar is hidden."""
    from bisect import bisect_left

    from kg.nlp.context import doc_context, span_list

    # the kept list, bisected (iterating the SpanGroup made a new Span of every actor of the document, per sentence)
    spans = span_list(doc, "kg_actors")
    starts = (doc_context(doc).span_starts or {}).get("kg_actors")
    if starts is None or len(starts) != len(spans):
        starts = [sp.start for sp in spans]
    out = []
    for k in range(bisect_left(starts, start), bisect_left(starts, end)):
        sp = spans[k]
        if sp.end > end or sp.label_ != "name":
            continue
        actor = lexicon.actors.get(sp.kb_id_)
        if actor is not None and actor.kind.value == "person" and all(doc[i].is_title for i in range(sp.start, sp.end)):
            out.append((sp.start, sp.end))
    return out
