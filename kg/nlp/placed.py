"""Groups and agents coded by where they are (a step of :class:`kg.nlp.actors.ActorTagger`).

"Protesters in Amman" are Jordanian civilians; "Police in Dhaka" are Bangladesh's police; "Demonstran di Pakistan"
are Pakistanis. The nouns are data (``placed_groups``, ``placed_agents`` and ``placed_agent_preps`` in
``data/lang/<code>/lang.json``); the place is a gazetteer place's country or a state named itself.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.nlp.context import kg_get, kg_set
from kg.nlp.sentences import _sentence_at, lowers


def placed_groups(tagger, doc: Doc, spans: list[Span], sectors: list[Span], used: set[int]) -> list[Span]:
    """Protesters are coded by where they protest: "Protesters in Amman" -> Jordan (civilians);
    "Demonstrators stormed the embassy in Baghdad" -> Iraq. The nouns are the language's
    ``placed_groups``; the place (or state) is the one right after them, else the sentence's first locative one.
    A state's own agents (``placed_agents``: police, authorities) are coded only by a place written right after
    them with one of ``placed_agent_preps`` and nothing before them that could name another owner: "Police in
    Dhaka arrested ..." -> Bangladesh (police)."""
    groups, agents = tagger.s.placed_groups, tagger.s.placed_agents
    if not (groups or agents) or not sectors:
        return spans
    lows = lowers(doc)
    places = [sp for sp in spans if sp.label_ in ("place", "name") and (kg_get(sp) or {}).get("locative")]
    if not places:
        return spans
    added = []
    for sec in sectors:
        words = " ".join(lows[sec.start : sec.end])
        if sec.start in used or (words not in groups and words not in agents):
            continue
        sent = _sentence_at(doc, sec.start)
        here = [p for p in places if sent.start <= p.start < sent.end]
        near = [p for p in here if p.start - sec.end == 1]
        if words in agents:  # "Police in Dhaka", "otoritas di Kabul": the state's own agents, only by the place at once after
            k = sec.start - 1
            bare = k < sent.start or not doc[k].is_alpha or lows[k] in tagger.s.determiners or lows[k] in tagger.s.quantity_of
            if not near or lows[sec.end] not in tagger.s.placed_agent_preps or not bare:
                continue  # "aid officials in Gaza", "police near the border in Syria": another's, or no place of theirs
            here = near
        place = (near or here or [None])[0]
        state = state_of_place(tagger.lex, place)
        if state is None:
            continue
        used.add(sec.start)
        span = Span(doc, sec.start, sec.end, label="combo", kb_id=state.id)
        if words in agents:
            noun = tagger.sector_info.get(words)
            info = {"sector": noun.sector if noun else None, "rule": "combo:agent+place"}
        else:
            info = {"sector": "CVL", "rule": "combo:group+place"}
        kg_set(span, {**info, "role": None, "conf": 0.6, "locative": False})
        added.append(span)
    return sorted(spans + added, key=lambda x: x.start) if added else spans


def state_of_place(lex, place: Span | None):
    """The state a locative mention lies in: a place's country ("di Dhaka"), or a state named itself ("in Myanmar")."""
    if place is None:
        return None
    if place.label_ == "name":
        actor = lex.actors.get(place.kb_id_)
        return actor if actor is not None and actor.kind.value == "state" else None
    info = lex.places.get(place.kb_id_.removeprefix("place:"))
    return lex.actors.get(info.country.lower()) if info is not None and info.country else None
