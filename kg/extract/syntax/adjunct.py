"""Temporal adjuncts: "halted talks *after the attack on Israel*", "menghentikan perundingan *setelah serangan terhadap
Israel*". The one an act in such a phrase is done to is no party of the main verb; nor is any actor in it, unless the
main act is a response to the phrase's act ("Egypt closed the border *following the Israeli strike on Gaza*", but
"Turkey recalled its ambassador *after Israel's attack*"); a doer named before the phrase is no doer of the act the
phrase names. The adpositions are the language's ``time`` ones (syntax.json ``adpositions``; several words too: "in the
wake of", "sebagai tanggapan atas"); :func:`time_adjunct_parties` and :func:`across_time_adjunct` are read by the
window's veto (:func:`kg.extract.syntax.use.veto`), :func:`place_in_time_adjunct` by the place fallback of a violent act."""

from __future__ import annotations

from kg.extract.sentence import _Ref
from kg.extract.syntax.addressee import _case
from kg.extract.syntax.data import VERB_POS, _is, role_data
from kg.extract.syntax.results import head_token

ADJUNCT_DEPS = ("obl", "nmod", "advcl", "obl:tmod", "advmod", "acl")
# reactions addressed to whoever did the act a time phrase names: yielding to it and the conflict roots, from
# disapproval to force ("Russia withdrew its troops after Ukraine's counteroffensive", "Turkey recalled its ambassador
# after Israel's attack on Gaza", "Israel launched airstrikes after Hezbollah's rocket attack"). Other cooperation and
# appeals are never addressed to that doer ("Jordan sent aid after Israel's attack", "Qatar hosted talks following
# the Russian invasion"), nor a restriction of movement, which is a state's own closure of its borders ("Egypt closed
# the border following the Israeli strike on Gaza").
RESPONSES = ("08", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20")
NOT_ADDRESSED = ("191",)
# in spite of an act ("despite", "meskipun": syntax.json adpositions ``concessive``) only a verbal or diplomatic reaction
# is still addressed to its doer ("Turkey recalled its ambassador despite Israel's apology"); yielding or force is not
# ("Egypt opened the crossing despite the Israeli bombing of Rafah", "Israel struck Gaza despite Egypt's warnings")
CONCESSIVE_RESPONSES = ("11", "12", "13", "14", "15", "16", "17")


def _opens(node, words: frozenset) -> int | None:
    """The index of the last word of a multi-word time adposition ("in the wake of", "ahead of", "in response to",
    "di tengah", "sebagai tanggapan atas") that begins the phrase of ``node``, however the parser hung its words, or of
    a one-word one hung inside the phrase ("despite Egypt's warnings", the word on "Egypt"); or None."""
    start = node.left_edge.i
    doc = node.doc
    case = next((c.i for c in node.children if c.dep_ == "case" and c.i < node.i), None)
    for w in words:
        parts = w.split()
        if len(parts) < 2:
            if doc[start].lower_ == w and doc[start].dep_ in ("case", "mark") and doc[start].head.i != node.i:
                return start  # "despite [Egypt's] warnings": the word hung on the possessor
            continue
        if start + len(parts) <= node.right_edge.i + 1 and all(doc[start + k].lower_ == p for k, p in enumerate(parts)):
            return start + len(parts) - 1
        first = None if case is None else case - len(parts) + 1  # its case the phrase's last word, the rest hung elsewhere
        if first is not None and first >= 0 and all(doc[first + k].lower_ == p for k, p in enumerate(parts)):
            return case
    return None


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
            if node.pos_ in ("NOUN", *VERB_POS) and _opens(node, words) is not None:
                found = node  # "in the wake of [the strike]", "ahead of [the strike]"
            elif node.pos_ in ("NOUN", *VERB_POS) and _case(node) in words:  # "despite the Israeli bombing" (a VERB)
                found = node
            elif node.pos_ in VERB_POS and any(c.dep_ == "mark" and c.lower_ in words for c in node.children):
                found = node
        node = node.head
    return found


def _event_noun(node, words: frozenset):
    """The noun that names the act of the adjunct ``node``: itself, the object of a time word the parser made a verb,
    or the one a multi-word adposition's last word marks ("in response to [the attack]", "ahead of [the strike]")."""
    if node.lower_ in words:
        return next((c for c in node.children if c.dep_ in ("obj", "dobj", "nmod", "obl", "compound") and c.pos_ == "NOUN"), None)
    end = _opens(node, words)
    if end is not None:
        return next((t for t in node.subtree if t.pos_ in ("NOUN", *VERB_POS) and any(c.i == end for c in t.children)), node)
    return node if node.pos_ == "NOUN" else None


def time_adjunct_parties(fr, targets, rules, code: str = "") -> list:
    """The window's target spans that are parties of the act a temporal adjunct after the trigger names: what that
    act is done to ("halted talks after the attack *on Israel*": marked by a target or recipient adposition inside
    it); for an act that is no response to that act (:data:`RESPONSES`), any actor inside it ("Egypt closed the
    border following the *Israeli* strike on Gaza")."""
    sub, off = rules.syntax
    d = role_data(rules.lang)
    words = d.adps("time", "concessive")
    trig = sub[fr.trigger]
    if not words or time_adjunct(trig, words) is not None:
        return []
    patient = d.adps("target", "recipient") | d.adps("of")  # "the attack on Israel", "the bombing of Ukraine"
    found = []
    for sp in targets:
        if isinstance(sp, _Ref) or not (0 <= sp.start - off and sp.end - off <= len(sub)):
            continue
        tok = head_token(sub, sp.start - off, sp.end - off)
        inside = time_adjunct(tok, words)
        noun = _event_noun(inside, words) if inside is not None else None
        noun = inside if noun is None and inside is not None and inside.lower_ not in words and inside.pos_ in VERB_POS else noun  # "despite the Israeli bombing"
        if noun is None or inside.left_edge.i <= trig.i:
            continue
        responses = CONCESSIVE_RESPONSES if time_adjunct(tok, d.adps("concessive")) is not None else RESPONSES
        if code[:2] not in responses or code.startswith(NOT_ADDRESSED):
            found.append(sp)  # "closed the border following the Israeli strike": no party of the closure at all
            continue
        # a response's target may be the phrase's doer, never what its act is done to; "after the visit of
        # Blinken": an of-phrase that names the doer
        marks = patient - d.adps("of") if _is(noun, d.of_agent_nouns, rules.lang) else patient
        node = tok
        while node.i not in (inside.i, noun.i) and node.head.i != node.i:
            if node.dep_ in ("nmod", "obl") and _case(node) in marks:
                found.append(sp)
                break
            node = node.head
    return found


def across_time_adjunct(fr, sources, rules) -> bool:
    """Whether the window's doer is named before an adjunct whose event noun is the trigger and has no possessor of
    its own ("Egypt closed the border following the Israeli strike on Gaza": not Egypt's strike; not "... following
    its invasion of Ukraine")."""
    sub, off = rules.syntax
    words = role_data(rules.lang).adps("time", "concessive")
    if not words:
        return False
    trig = sub[fr.trigger]
    where = time_adjunct(trig, words)
    noun = _event_noun(where, words) if where is not None else None
    if noun is None or noun.i != trig.i and trig.i not in {c.i for c in noun.children}:
        return False
    if any(c.dep_ in ("nmod:poss", "det:poss") for c in noun.children):
        return False
    return any(not isinstance(sp, _Ref) and 0 <= sp.end - off <= where.left_edge.i for sp in sources)


def place_in_time_adjunct(trig, target, rules) -> bool:
    """Whether the place a violent act fell back on (``target``, its ``how`` "place") is inside a time phrase after
    the trigger: the place of the phrase's own act ("closed the border in the wake of the Israeli strike on Gaza",
    "recalled its ambassador in response to Israel's attack on Gaza"), not where the main act was done."""
    if rules.syntax is None or target is None or not target.how.startswith("place"):
        return False
    sub, off = rules.syntax
    words = role_data(rules.lang).adps("time", "concessive")
    if not words or not (0 <= trig.start - off < len(sub)):
        return False
    t = sub[trig.start - off]
    if time_adjunct(t, words) is not None:
        return False
    for sp in target.spans:
        if isinstance(sp, _Ref) or not (0 <= sp.start - off and sp.end - off <= len(sub)):
            continue
        inside = time_adjunct(head_token(sub, sp.start - off, sp.end - off), words)
        if inside is not None and inside.left_edge.i > t.i:
            return True
    return False
