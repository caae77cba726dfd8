"""Who an appeal or a demand asks (a part of the parse's veto, :func:`kg.extract.syntax.use.veto`): the one asked is
not always a party the window rules name. An object-control verb may address someone who is no actor ("menyerukan
negara-negara anggotanya memutus hubungan dengan Israel") or the doer's own people ("meminta warganya meninggalkan
Iran", "urged its diplomats to negotiate with Chile"): a name inside the act asked for is a party of that act, not the
one asked, and the act is the addressee's, not the asker's."""

from __future__ import annotations

from kg.extract.sentence import _Ref
from kg.nlp.context import kg_get

APPEALS = ("02", "10")  # appeals and demands: what they ask of someone is that one's act, if it is ever done


def _appeal_at(i: int, rules) -> bool:
    """Whether token ``i`` (of the document) is in an appeal or demand trigger (:data:`APPEALS`)."""
    return any(x.start <= i < x.end and kg_get(x)["trigger"].code[:2] in APPEALS for x in rules.triggers)


def _controlled(clause, lang: str) -> bool:
    """Whether ``clause`` is a clause a verb controls: an xcomp or ccomp without a mark other than a control mark
    ("untuk", "agar", "to"), or an advcl with one ("asked its allies to impose ...", parsed as an advcl)."""
    from kg.extract.syntax.data import role_data

    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    control = role_data(lang).control_marks
    if clause.dep_ in ("xcomp", "ccomp"):
        return marks <= control
    return clause.dep_ == "advcl" and bool(marks) and marks <= control


def clause_asked(fr, rules) -> bool:
    """Whether a ``requires_clause`` trigger (triggers.jsonl: a verb that is an appeal only when it asks for an act,
    "persuaded Hamas to accept the truce", "membujuk Hamas untuk menerima") governs, in the parse, a clause after it
    that it controls (:func:`_controlled`): "is convinced that Iran ...", "convinced by Sweden's promises to ..." (the
    clause is the promises') and "meyakinkan warga bahwa ..." ask for nothing."""
    if fr is None or fr.kind == "noun" or rules.syntax is None:
        return False  # a verb, active or passive ("Germany was persuaded by the US to send tanks")
    sub, _off = rules.syntax
    verb = sub[fr.trigger]
    if fr.kind == "passive" and any("nmod:poss" in a.rule for a in fr.sources):
        return False  # "was not convinced by Sweden's promises to crack down": the clause may be the promises'
    return any(c.i > verb.i and _controlled(c, rules.lang) for c in verb.children)


def _named_in(rules):
    """Whether a parse token's phrase holds (a token of) one of ``rules``' actors."""
    off = rules.syntax[1]
    named = {i for a in rules.actors for i in range(a.start - off, a.end - off)}
    return lambda tok: any(i in named for i in range(tok.left_edge.i, tok.right_edge.i + 1))


def _asked_of_others(fr, spans, rules) -> bool:
    """Whether an object-control verb ("urged", "menyerukan", "mengajak") addresses someone who is no actor
    (:func:`kg.extract.syntax.addressee.addressed`: "menyerukan negara-negara anggotanya memutus hubungan dengan Israel",
    "asked its citizens to leave Iran") and the window's target lies inside the clause it controls: the target is a
    party of the act asked for, not the one asked."""
    from kg.extract.syntax.data import OBJECTS, VERB_POS, _is, role_data
    from kg.extract.syntax.addressee import addressed

    sub, off = rules.syntax
    verb = sub[fr.trigger]
    if fr.kind == "noun" or not _is(verb, role_data(rules.lang).object_control, rules.lang):
        return False
    clauses = [c for c in verb.children if c.i > verb.i and _controlled(c, rules.lang)]
    # "mendesak diplomatnya berunding dengan Chili": the parse may hang the clause asked for on the one asked
    clauses += [a for o in verb.children if o.dep_ in OBJECTS and o.i > verb.i
                for a in o.children if a.dep_ == "acl" and a.i > o.i and a.pos_ in VERB_POS]  # fmt: skip
    addressee = list({a.i: a for c in clauses for a in addressed(verb, c, rules.lang, _named_in(rules))}.values())
    if not clauses or not addressee:
        return False
    own = set().union(*(_own_tokens(a, clauses) for a in addressee))
    if any(a.start - off + k in own for a in rules.actors for k in range(len(a))):
        return False
    inside = {t.i for c in clauses for t in c.subtree} - own
    return all(not isinstance(sp, _Ref) and sp.start - off in inside for sp in spans)


def _asked_own(fr, spans, rules) -> bool:
    """Whether an appeal verb is followed by its doer's own people, a noun its possessive marks and no actor's name
    ("mendesak para diplomatnya agar berunding dengan Chili", "meminta warganya meninggalkan Iran", "urged its
    diplomats to ..."), before every one of the window's targets: the one asked is the doer's own, and the target is a
    party of the act asked for. Read off the words, as the parser reads such a noun as an object, an xcomp or an adverb."""
    from kg.extract.syntax.data import role_data

    sub, off = rules.syntax
    if fr.kind == "noun":
        return False
    possessive = role_data(rules.lang).possessive_pronouns
    suffixes = tuple(p.lstrip("-") for p in possessive if p.startswith("-"))
    names = {i for a in rules.actors for i in range(a.start - off, a.end - off)}
    selves = role_data(rules.lang).self_pronouns
    k = fr.trigger + 1
    while k < len(sub) and sub[k].pos_ == "DET":  # "para", "the"
        k += 1
    if k + 1 < len(sub) and sub[k].lower_ in possessive and sub[k].lower_ not in selves:  # "its diplomats", not "mereka"
        k += 1
        if sub[k].pos_ in ("VERB", "AUX", "PRON"):
            return False
    else:  # "warganya", "negara anggotanya" (the parser may tag it a pronoun or an adverb; after "para", even a verb)
        verbs = () if k > fr.trigger + 1 else ("VERB", "AUX")
        ends = [j for j in range(k, min(k + 2, len(sub))) if suffixes and sub[j].lower_.endswith(suffixes) and len(sub[j]) > 5
                and sub[j].pos_ not in verbs]  # fmt: skip
        if not ends or any(j in names or sub[j].pos_ in verbs for j in range(k, ends[0] + 1)):
            return False
        k = ends[0]
    if k in names or sub[k].lower_ in selves:
        return False
    return all(not isinstance(sp, _Ref) and sp.start - off > k for sp in spans)


def _own_tokens(tok, clauses) -> set[int]:
    """The tokens of ``tok``'s phrase without the clauses among ``clauses`` that hang in it ("diplomatnya [berunding
    dengan Chili]"): what names the one asked."""
    own = {t.i for t in tok.subtree}
    for c in clauses:
        if c.i in own and c.i != tok.i and not any(t.i == tok.i for t in c.subtree):
            own -= {t.i for t in c.subtree}
    return own


def _act_asked_of_others(fr, spans, rules) -> bool:
    """Whether the trigger is the act an object-control verb asks of someone who is no actor
    (:func:`kg.extract.syntax.addressee.addressed`: "Liga Arab menyerukan negara-negara anggotanya memutus hubungan dengan
    Israel") and the window's doer is outside the act's clause (the one who asks): the asked, not the asker, would act."""
    from kg.extract.syntax.data import _is, role_data
    from kg.extract.syntax.addressee import addressed

    sub, off = rules.syntax
    verb = sub[fr.trigger]
    head = verb.head
    if fr.kind == "noun" or head.i == verb.i or not _controlled(verb, rules.lang):
        return False
    if not _is(head, role_data(rules.lang).object_control, rules.lang) or not _appeal_at(head.i + off, rules):
        return False
    named = _named_in(rules)
    addressee = addressed(head, verb, rules.lang, named)
    if not addressee or any(named(a) for a in addressee):
        return False
    clause = {t.i for t in verb.subtree}
    return all(not isinstance(sp, _Ref) and 0 <= sp.start - off < len(sub) and sp.start - off not in clause for sp in spans)


def _possessed(trig, rules) -> bool:
    """Whether the event noun ``trig`` (a document span) is marked by a possessive pronoun for its doer: "its
    support", "their aid", "dukungannya" (syntax.json ``possessive_pronouns``, lang.json ``possessive_suffixes``)."""
    from kg.extract.syntax.data import role_data

    if trig[-1].lower_.endswith(tuple(rules.s.possessive_suffixes or ())) and len(trig[-1]) > 5:
        return True
    words = {p for p in role_data(rules.lang).possessive_pronouns if not p.startswith("-")}
    k = trig.start - 1
    while k >= max(rules.sent.start, trig.start - 4):  # "its military support", "their weapons deliveries"
        tok = rules.doc[k]
        if tok.lower_ in words:
            return True
        if tok.pos_ not in ("ADJ", "NOUN") or any(a.start <= k < a.end for a in rules.actors):
            return False
        k -= 1
    return False


def possessed_act_asked(fr, spans, rules) -> bool:
    """Whether the frame's event noun, marked by a possessive pronoun (:func:`_possessed`), lies in the clause an
    appeal or demand verb (:data:`APPEALS`) controls (:func:`_controlled`: "mendesak Tiongkok *agar menghentikan
    dukungannya terhadap Rusia*", "Tiongkok didesak AS agar ...", "urged China to stop its support for Russia") and a
    window doer span lies outside that clause: the possessor is the one asked, never the one who asks, and the act
    asked about is asserted of nobody."""
    if rules.syntax is None:
        return False
    sub, off = rules.syntax
    trig = next((x for x in rules.triggers if x.start <= fr.trigger + off < x.end), None)
    if trig is None or not _possessed(trig, rules):
        return False
    tok = sub[fr.trigger]
    chain = [tok, *tok.ancestors]
    for clause, verb in zip(chain, chain[1:]):
        if clause.i > verb.i and _appeal_at(verb.i + off, rules) and _controlled(clause, rules.lang):
            inside = {t.i for t in clause.subtree}
            return any(not isinstance(sp, _Ref) and 0 <= sp.start - off < len(sub) and sp.start - off not in inside for sp in spans)
    return False


def asked_clause_party(fr, spans, rules) -> bool:
    """Whether an appeal or demand verb (:data:`APPEALS`) has a window target inside a clause it controls that is not
    that clause's subject ("AS mendesak agar dukungannya terhadap Rusia dihentikan": Russia is a party of the act
    asked about, not the one asked; "mendesak agar Israel menghentikan ...": Israel is asked)."""
    from kg.extract.syntax.data import PASSIVE_SUBJECTS, SUBJECTS
    from kg.extract.syntax.results import head_token

    if fr.kind == "noun" or rules.syntax is None:
        return False
    sub, off = rules.syntax
    verb = sub[fr.trigger]
    if not _appeal_at(verb.i + off, rules):
        return False
    content = rules.s.content_marks  # "demanded that its support for Russia be stopped"
    marks = lambda c: {m.lower_ for m in c.children if m.dep_ == "mark"}  # noqa: E731
    # a clause its mark opens ("agar", "to", "that"): not a noun the parser made a clause ("menyerukan reformasi demokrasi di Venezuela")
    clauses = [c for c in verb.children if c.i > verb.i and marks(c) and (
        _controlled(c, rules.lang) or c.dep_ == "ccomp" and marks(c) <= content)]  # fmt: skip
    if not clauses or any(c.dep_ in ("obj", "iobj", "dobj") or (c.dep_ == "obl" and c.i < min(x.i for x in clauses)) for c in verb.children):
        return False  # an addressee of its own: "mendesak Argentina agar berunding dengan Chili"
    found = False
    for sp in spans:
        if isinstance(sp, _Ref) or not (0 <= sp.start - off and sp.end - off <= len(sub)):
            return False
        h = head_token(sub, sp.start - off, sp.end - off)
        c = next((c for c in clauses if any(t.i == h.i for t in c.subtree)), None)
        if c is None or (h.head.i == c.i and h.dep_ in SUBJECTS + PASSIVE_SUBJECTS):
            return False
        found = True
    return found
