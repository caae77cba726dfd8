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


def words_for_parser(sent, names, placeholder: tuple) -> list[str]:
    """The words of ``sent`` for the parser, each person's name read as the placeholder name: its last
    word as the family name, the words before it as the given name ("Fumio Kishida" -> "John Johnson" in English)."""
    words = [t.text for t in sent]
    if placeholder:
        given, family = placeholder
        for start, end in names:
            for i in range(max(start, sent.start), min(end, sent.end)):
                words[i - sent.start] = family if i == end - 1 else given
    return words


def person_names(doc, start: int, end: int, lexicon) -> list[tuple[int, int]]:
    """The (start, end) tokens of the names of persons kg's lexicon knows between tokens ``start`` and ``end``
    of ``doc``: names of capitalised words only, so that no word of the sentence's grammar is hidden."""
    out = []
    for sp in doc.spans.get("kg_actors", []):
        if sp.start < start or sp.end > end or sp.label_ != "name":
            continue
        actor = lexicon.actors.get(sp.kb_id_)
        if actor is not None and actor.kind.value == "person" and all(doc[i].is_title for i in range(sp.start, sp.end)):
            out.append((sp.start, sp.end))
    return out
