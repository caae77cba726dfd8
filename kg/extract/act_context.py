"""What the words around an act say about it, beyond its trigger and its two parties: who the doers are can change
the kind of act (tourists arriving make no state visit; a suicide bomber's attack is a suicide bombing, CAMEO 183); a
rejection names the addressee of the offer it rejects ("Ukraine dismissed Russia's offer"), and does not negate it."""

from __future__ import annotations

from kg.extract.syntax.data import SUBJECTS, role_data


def act_kind(info, rules, trig, sources):
    """``info`` (a CAMEO code's info) as the doers ``sources`` make it; None when the act is no event at all: an
    arrival (042) whose doers are all populations with no office ("Chinese tourists arrived in Bali", "peziarah
    Indonesia tiba di Mekkah") is travel, no state visit, and so is a flight of craft ("flew bombers near the border":
    :func:`carries`); an attack (19) whose subject phrase names a suicide attacker is a suicide bombing (183)."""
    from kg.lexicon import cameo

    if info.code == "042" and sources and all(p.sector in ("CVL", "REL") and not p.role for p in sources):
        return None
    if info.code == "042" and carries(rules, trig):
        return None  # "Russia flew bombers near the border": a flight of aircraft, no visit
    if info.root == "19" and suicide_attack(rules, trig):
        return cameo.info("183")
    return info


# a cooperative act stopped by its own doer is that doer's reduction of it (by the act's code, then its root): an attack
# or offensive halted is a de-escalation (087); support or cooperation halted reduces relations (160); aid halted is
# aid reduced or stopped (162, and its economic, military, humanitarian kinds)
STOPPED = {"19": "087", "05": "160", "06": "160", "07": "162", "071": "1621", "072": "1622", "073": "1623"}


def stopped_code(code: str) -> str | None:
    """The CAMEO code of its doer's stopping an act of ``code`` (:data:`STOPPED`), else None (no such reading)."""
    return STOPPED.get(code[:3]) or STOPPED.get(code[:2])


def _node(rules, trig):
    """The parse's token of the first word of trigger ``trig`` (the sentence's syntax, when it was parsed), else None."""
    if rules.syntax is None:
        return None
    sub, off = rules.syntax
    i = trig.start - off
    return sub[i] if 0 <= i < len(sub) else None


def carries(rules, trig) -> bool:
    """Whether the travel verb ``trig`` is one that moves its direct object (``carrier_verbs``: "flew bombers near the
    border", "landed troops on the island"): the doer sends a craft or a load, and goes nowhere itself."""
    from kg.extract.syntax.data import OBJECTS, _is

    node = _node(rules, trig)
    if node is None or not _is(node, role_data(rules.lang).carrier_verbs, rules.lang):
        return False
    return any(c.dep_ in OBJECTS and c.pos_ in ("NOUN", "NUM") for c in node.children)


def suicide_attack(rules, trig) -> bool:
    """Whether the subject phrase of the attack ``trig`` names a suicide attacker ("A suicide bomber from the
    Pakistani Taliban attacked ...", "Seorang pelaku bom bunuh diri ... menyerang"): the attack is a suicide
    bombing, CAMEO 183, not a conventional attack (19). A bomber alone may be an aircraft."""
    node = _node(rules, trig)
    words = role_data(rules.lang).suicide_attacker_words
    if node is None or not words:
        return False
    for c in node.children:
        if c.dep_ in SUBJECTS:
            phrase = " " + " ".join(t.lower_ for t in _own_phrase(c)) + " "
            if any(f" {w} " in phrase for w in words):
                return True
    return False


# the clauses a noun phrase may carry that tell something else about its noun: "Pakistan, which lost 20 soldiers to
# a suicide bomber, attacked ..." (its relative clause names a suicide bomber who is not the attacker)
ASIDE_DEPS = ("acl:relcl", "relcl", "appos", "parataxis")


def _own_phrase(head):
    """The tokens of the phrase ``head`` heads, without its relative clauses, appositions and the clauses a comma sets
    off ("Pakistan, hit by a suicide bomber, ..."): what the phrase itself names. A bare clause that completes the
    noun stays ("pelaku bom bunuh diri", where "bunuh" hangs on "pelaku")."""
    skip = set()
    for t in head.subtree:
        if t is head or t.i in skip:
            continue
        aside = t.dep_ in ASIDE_DEPS or (t.dep_.startswith("acl") and t.left_edge.i > 0
                                          and t.doc[t.left_edge.i - 1].text == "," and t.left_edge.i > head.i)
        if aside:
            skip.update(x.i for x in t.subtree)
    return [t for t in head.subtree if t.i not in skip]


# acts addressed to someone that a rejection answers and that are coded as events of their own: offers and proposals
# (03). A rejected demand or call (10, 02) is coded by the rejection alone, as the construction suites have it
# ("China rejected Japan's demand to release ...": CHN->JPN 12 only).
ADDRESSED_ROOTS = ("03",)


def _rejection_of(rules, trig):
    """The rejection (CAMEO 12) trigger whose verb takes the noun ``trig`` as its object, else None."""
    from kg.nlp.context import kg_get

    node = _node(rules, trig)
    if node is None:
        return None
    while node.dep_ in ("compound", "flat") and node.head.i != node.i:
        node = node.head
    if node.dep_ not in ("obj", "dobj") or node.head.i == node.i or node.pos_ not in ("NOUN", "PROPN"):
        return None
    verb = node.head.i + rules.syntax[1]  # back to the document's token index
    return next((x for x in rules.triggers if x.start <= verb < x.end and kg_get(x)["trigger"].code[:2] == "12"), None)


def answering_rejection(rules, trig) -> set[int]:
    """The tokens of the rejection whose object the noun ``trig`` is: "rejected Russia's offer" does not negate the
    offer, which was made (the rejection negates an act it controls: "refused to send")."""
    from kg.nlp.context import kg_get

    if not kg_get(trig)["trigger"].code.startswith(ADDRESSED_ROOTS):
        return set()  # "Hungary rejected new EU sanctions on Russia": the sanctions stay negated
    x = _rejection_of(rules, trig)
    return set(range(x.start, x.end)) if x is not None else set()


def responder_target(rules, fr, trig, source):
    """The addressee of an addressed act named as a noun with its doer but no addressee of its own, when the noun is
    the object of a rejection (CAMEO 12): "Ukraine dismissed Russia's offer of a truce", "Armenia menolak tawaran
    Azerbaijan": the offer was made to the rejecter, the rejection's subject. None otherwise (the rejection's own event, the rejecter -> the doer, stays as it is)."""
    from kg.extract.sentence import _Arg
    from kg.nlp.context import kg_get

    if source is None or fr is None or fr.kind != "noun" or rules.syntax is None:
        return None
    if kg_get(trig)["trigger"].code[:2] not in ADDRESSED_ROOTS:
        return None
    rejection = _rejection_of(rules, trig)
    if rejection is None:
        return None
    rejecter = rules.subject(rejection)
    if rejecter is None or not rejecter.spans:
        return None
    mine = {(sp.start, sp.end) for sp in source.spans}
    if any((sp.start, sp.end) in mine for sp in rejecter.spans):
        return None
    return _Arg(list(rejecter.spans), "responder")


def claimed_by(rules, trig):
    """The subject of a claim of responsibility (triggers.jsonl ``claims_act``) whose act is the event noun ``trig``,
    named right after the claim and one of its target prepositions ("Hezbollah claimed responsibility for a drone
    attack on Israel", "Houthi mengaku bertanggung jawab atas serangan terhadap kapal AS"): the claimer did the act,
    though a verb stands between them; else None. Not across punctuation, nor more than four words after the claim,
    nor for a claim denied or only possible ("did not claim responsibility")."""
    from kg.model import Modality
    from kg.nlp.context import kg_get

    for c in rules.triggers:
        t = kg_get(c)["trigger"]
        if not t.claims_act or not (c.end < trig.start <= c.end + 4):
            continue
        if any(rules.doc[i].is_punct for i in range(c.end, trig.start)) or (t.target_preps or frozenset()).isdisjoint(rules.lows[c.end : trig.start]):
            continue
        if rules.modality(c) is not Modality.ASSERTED:
            return None  # "Ukraine did not claim responsibility for the attack on Moscow": no act of Ukraine's said
        return rules.subject(c)
    return None


def victim_target(rules, fr, trig, source):
    """The one an act named as a noun with its doer but no target was done to, when the noun is the object or oblique
    of a verb of suffering, dying or surviving (syntax.json ``victim_verbs``): "Ten Ukrainian soldiers were killed in
    a Russian strike", "Warga Polandia selamat dari pendudukan brutal Jerman": the verb's subject. Only when every
    doer is named inside the noun's own phrase (an act whose doer was found elsewhere is no one's act on the subject);
    None otherwise."""
    from kg.extract.sentence import _Arg
    from kg.extract.syntax.data import OBJECTS, PASSIVE_SUBJECTS, _is

    if source is None or fr is None or fr.kind != "noun" or not source.spans:
        return None
    node = _node(rules, trig)
    words = role_data(rules.lang).victim_verbs
    if node is None or not words:
        return None
    while node.dep_ in ("compound", "flat") and node.head.i != node.i:
        node = node.head
    verb = node.head
    if node.dep_ not in ("obl",) + OBJECTS or verb.i == node.i or not _is(verb, words, rules.lang):
        return None
    off = rules.syntax[1]
    inside = {t.i + off for t in _own_phrase(node)}
    if not all(sp.start in inside for sp in source.spans):
        return None  # "Ukrainian soldiers were killed in the attack Russia launched": not read here
    subj = next((c for c in verb.children if c.dep_ in SUBJECTS + PASSIVE_SUBJECTS), None)
    if subj is None:
        return None
    phrase = {t.i + off for t in _own_phrase(subj)}
    found = [a for a in rules.actors if a.start in phrase]
    return _Arg(found, "victim") if found else None
