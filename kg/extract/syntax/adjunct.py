"""Temporal adjuncts: "halted talks *after the attack on Israel*", "menghentikan perundingan *setelah serangan terhadap
Israel*". The one an act in such a phrase is done to is no party of the main verb; a doer named before the phrase is no
doer of the act the phrase names ("Egypt closed the border *following the Israeli strike on Gaza*"). The adpositions
are the language's ``time`` ones (syntax.json ``adpositions``); :func:`across_time_adjunct` is read by the window's
veto (:func:`kg.extract.syntax.use.veto`)."""

from __future__ import annotations

from kg.extract.sentence import _Ref
from kg.extract.syntax.addressee import _case
from kg.extract.syntax.data import VERB_POS, _is, role_data
from kg.extract.syntax.results import head_token

ADJUNCT_DEPS = ("obl", "nmod", "advcl", "obl:tmod", "advmod", "acl")


def time_adjunct(tok, words: frozenset):
    """The outermost phrase marked by a ``time`` adposition or subordinator that holds ``tok`` (itself included),
    below its sentence's root, or None: a common noun marked by the word ("after the attack"), a clause it opens
    ("after meeting Xi"), or the word itself made a verb by the parser ("following the Israeli strike", "menyusul
    serangan"). Not a name the parser marked ("after Iraq invaded Kuwait" parsed as "after Iraq")."""
    found = None
    node = tok
    for _ in range(12):
        if node.head.i == node.i:
            break
        if node.lower_ in words and node.dep_ not in ("case", "mark"):
            found = node  # the time word itself as the phrase's head: "menyusul [pengeboman]", "pasca [serangan]"
        elif node.dep_ in ADJUNCT_DEPS:
            if node.pos_ == "NOUN" and _case(node) in words:
                found = node
            elif node.pos_ in VERB_POS and any(c.dep_ == "mark" and c.lower_ in words for c in node.children):
                found = node
        node = node.head
    return found


def _event_noun(node, words: frozenset):
    """The noun that names the act of the adjunct ``node``: itself, or the object of a time word the parser made a verb."""
    if node.lower_ in words:
        return next((c for c in node.children if c.dep_ in ("obj", "dobj", "nmod", "obl", "compound") and c.pos_ == "NOUN"), None)
    return node if node.pos_ == "NOUN" else None


def across_time_adjunct(fr, sources, targets, rules) -> bool:
    """Whether the window's pair crosses a temporal adjunct's edge: a target that is what the act of an adjunct after
    the trigger is done to ("halted talks after the attack *on Israel*": marked by a target or recipient adposition
    inside it), or a doer named before an adjunct whose event noun is the trigger and has no possessor of its own
    ("Egypt closed the border following the Israeli strike on Gaza"; not "... following its invasion of Ukraine")."""
    sub, off = rules.syntax
    d = role_data(rules.lang)
    words = d.adps("time")
    if not words:
        return False
    trig = sub[fr.trigger]
    where = time_adjunct(trig, words)
    patient = d.adps("target", "recipient") | d.adps("of")  # "the attack on Israel", "the bombing of Ukraine"
    for sp in targets:
        if isinstance(sp, _Ref) or where is not None or not (0 <= sp.start - off and sp.end - off <= len(sub)):
            continue
        tok = head_token(sub, sp.start - off, sp.end - off)
        inside = time_adjunct(tok, words)
        noun = _event_noun(inside, words) if inside is not None else None
        if noun is None or inside.left_edge.i <= trig.i:
            continue
        # "after the visit of Blinken": an of-phrase that names the doer
        marks = patient - d.adps("of") if _is(noun, d.of_agent_nouns, rules.lang) else patient
        node = tok
        while node.i != inside.i and node.head.i != node.i:
            if node.dep_ in ("nmod", "obl") and _case(node) in marks:
                return True
            node = node.head
    noun = _event_noun(where, words) if where is not None else None
    if noun is None or noun.i != trig.i and trig.i not in {c.i for c in noun.children}:
        return False
    if any(c.dep_ in ("nmod:poss", "det:poss") for c in noun.children):
        return False
    return any(not isinstance(sp, _Ref) and 0 <= sp.end - off <= where.left_edge.i for sp in sources)
