"""Actors named by a word that shares the rest of its name with the next or previous name ("gapped" names).

"North and South Korea", "East and West Germany": English writes the modifiers first and the shared head once,
last; Indonesian writes the head first and once: "Korea Utara dan Selatan", "Sudan Selatan dan Utara". The bare
modifier ("North", "Selatan") is a mention of the actor whose name it forms with the shared part, when the
lexicon has that name as an actor (not a place): "North" + "Korea" -> "North Korea" (PRK).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.nlp.context import kg_get, kg_set
from kg.nlp.sentences import lowers


def gapped_names(tagger, doc: Doc, spans: list[Span]) -> list[Span]:
    """Add the mentions of gapped names beside their full-named partner (see the module's docstring)."""
    coord = tagger.s.coordinators
    head_final = tagger.s.head_final
    lows = lowers(doc)
    n = len(doc)
    covered = {i for sp in spans for i in range(sp.start, sp.end)}
    added: list[Span] = []
    for sp in spans:
        if sp.label_ != "name" or len(sp) < 2:
            continue
        if head_final:  # "North and South Korea": the word two before the name, with the name's tail
            word_i, coord_i = sp.start - 2, sp.start - 1
            shared = doc[sp.start + 1 : sp.end].text
        else:  # "Korea Utara dan Selatan": the word two after the name, with the name's head
            word_i, coord_i = sp.end + 1, sp.end
            shared = doc[sp.start : sp.end - 1].text
        if word_i < 0 or word_i >= n or word_i in covered or lows[coord_i] not in coord:
            continue
        word = doc[word_i]
        if not (word.is_alpha and word.is_title):
            continue
        if head_final and word_i > 0 and doc[word_i - 1].is_title and doc[word_i - 1].is_alpha and word_i - 1 not in covered \
                and not doc[word_i - 1].is_sent_start:
            continue  # "New North and South Korea ..." is not a modifier alone
        if not head_final and word_i + 1 < n and doc[word_i + 1].is_title and doc[word_i + 1].is_alpha:
            continue  # "Korea Utara dan Selatan Sudan": the word starts another name
        text = f"{word.text} {shared}" if head_final else f"{shared} {word.text}"
        if text not in tagger.by_text:
            continue
        _place, actor = tagger._choices(text)
        own = tagger.lex.actors.get(sp.kb_id_)
        if actor is None or actor.type != "name" or actor.target == sp.kb_id_:
            continue
        other = tagger.lex.actors.get(actor.target)
        if other is None or own is None or other.kind != own.kind:
            continue  # the two names are of one kind: two states, two groups
        new = Span(doc, word_i, word_i + 1, label="name", kb_id=actor.target)
        kg_set(new, {**(kg_get(sp) or {}), "sector": actor.sector, "role": None, "rule": "lexicon:gapped", "conf": 0.8,
                     "locative": word_i > 0 and lows[word_i - 1] in tagger.s.locative_preps})  # fmt: skip
        covered.add(word_i)
        added.append(new)
    return sorted(spans + added, key=lambda x: x.start) if added else spans
