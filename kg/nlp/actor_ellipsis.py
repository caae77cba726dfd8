"""Actors named by a word that shares the rest of its name with the next or previous name ("gapped" names).

"North and South Korea", "East and West Germany": English writes the modifiers first and the shared head once,
last; Indonesian writes the head first and once: "Korea Utara dan Selatan", "Sudan Selatan dan Utara". The bare
modifier ("North", "Selatan") is a mention of the actor whose name it forms with the shared part, when the
lexicon has that name as an actor (not a place): "North" + "Korea" -> "North Korea" (PRK).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.nlp.context import kg_get, kg_set
from kg.nlp.sentences import _sentence_at, lowers


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


def named_halves(tagger, doc: Doc, spans: list[Span]) -> list[Span]:
    """"South Korea accused the North of ...", "Korea Selatan menuduh pihak Utara ...": a capitalised modifier alone
    after one of the language's ``half_markers`` ("the", "pihak") stands for the state it names with the shared word
    of a state's name said before it in the text ("South Korea" -> "North" + "Korea" = North Korea), when that is a
    state's name ("Sudan ... the South": South Sudan). A modifier followed by another capitalised word is part of a
    longer name ("the North Atlantic")."""
    markers = frozenset(w.lower() for w in tagger.s.raw.get("half_markers", []))
    if not markers:
        return spans
    head_final = tagger.s.head_final
    lows = lowers(doc)
    n = len(doc)
    covered = {i for sp in spans for i in range(sp.start, sp.end)}
    added: list[Span] = []
    for i in range(1, n):
        if lows[i - 1] not in markers or i in covered:
            continue
        word = doc[i]
        if not (word.is_alpha and word.is_title) or word.is_sent_start:
            continue
        if i + 1 < n and doc[i + 1].is_alpha and doc[i + 1].is_title:
            continue
        found = set()
        for sp in spans:
            if sp.end > i - 1 or sp.label_ != "name":
                continue
            own = tagger.lex.actors.get(sp.kb_id_)
            if own is None or own.kind.value != "state":
                continue
            if len(sp) == 1:  # "Sudan ... the South": the name whole is the shared word
                shared = sp.text
            else:
                shared = doc[sp.start + 1 : sp.end].text if head_final else doc[sp.start : sp.end - 1].text
            text = f"{word.text} {shared}" if head_final else f"{shared} {word.text}"
            if text not in tagger.by_text:
                continue
            _place, actor = tagger._choices(text)
            state = tagger.lex.actors.get(actor.target) if actor is not None and actor.type == "name" else None
            if state is not None and state.kind.value == "state":
                found.add(actor.target)
        if len(found) != 1:
            continue
        sent = _sentence_at(doc, i)
        if any(sp.kb_id_ in found for sp in spans if sent.start <= sp.start < sent.end):
            continue  # the sentence names that state itself: the half adds no actor ("North Korea fired ... into the North")
        new = Span(doc, i, i + 1, label="name", kb_id=next(iter(found)))
        kg_set(new, {"sector": None, "role": None, "rule": "lexicon:half", "conf": 0.75,
                     "locative": i >= 2 and lows[i - 2] in tagger.s.locative_preps})  # "into the North": a place
        covered.add(i)
        added.append(new)
    return sorted(spans + added, key=lambda x: x.start) if added else spans
