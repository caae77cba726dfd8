"""Who a mention is in an event: the actor it stands for (:func:`actor_for`) and the participant with that actor's
code and role on the event's date (:func:`participant`). Used by :class:`kg.extract.extractor.Extractor`."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span

from kg.model import Actor, ActorKind, Extraction, Participant, Role
from kg.nlp.context import kg_get
from kg.nlp.sentences import doc_text


def actor_for(lex, span: Span, ex: Extraction) -> Actor:
    """The actor a mention stands for, recorded in ``ex.actors``: a place's state, a person discovered beside a role
    ("Presiden Rusia, X"), else the lexicon's actor. KeyError for a place outside any state."""
    kg = kg_get(span) or {}
    aid = span.kb_id_
    if span.label_ == "place":
        place = lex.places.get(aid.removeprefix("place:"))
        state = lex.state(place.country if place else None)
        if state is None:
            raise KeyError(aid)
        ex.actors.setdefault(state.id, state)
        return state
    if aid in ex.actors:
        return ex.actors[aid]
    if span.label_ == "discovered":
        if aid in ex.actors:
            return ex.actors[aid]
        state = lex.actors.get(kg.get("state", ""))
        country = state.code if state else None
        actor = lex.actors.get(aid) or Actor(
            id=aid,
            kind=ActorKind.PERSON,
            name=kg.get("name", span.text),
            code=country,
            country=country,
            sector=kg.get("sector"),
            aliases=(kg.get("name", span.text),),
            roles=(Role(kg.get("role") or "Official", country, kg.get("sector"), None, None),),
        )
        ex.actors[aid] = actor
        return actor
    actor = lex.actors[aid]
    ex.actors.setdefault(aid, actor)
    return actor


def participant(lex, span: Span, ex: Extraction, when: date | None) -> Participant:
    """An event's participant for a mention, with the code and role its actor has on ``when``; a person named beside a
    role of a state or body (the mention's ``state``) is that state's or body's."""
    kg = kg_get(span) or {}
    actor = actor_for(lex, span, ex)
    role = kg.get("role")
    code = actor.code_at(when)
    if actor.kind is ActorKind.PERSON:
        r = actor.role_at(when)
        role = r.post if r else role
        named = lex.actors.get(kg.get("state") or "")
        if named is not None and named.code and named.code != code:
            # the text names the person's state or body beside the role: "Yemeni coast guard spokesman Ahmed Ali" is
            # Yemen's, whoever of that name the lexicon holds (a namesake, or a post the person has left)
            code, role = named.code, kg.get("role") or role
    return Participant(
        actor_id=actor.id,
        code=code,
        name=actor.name,
        text=doc_text(span.doc)[span.start_char : span.end_char],
        sector=kg.get("sector") or actor.sector,
        role=role,
    )
