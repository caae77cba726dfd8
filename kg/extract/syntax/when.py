"""When, from the parse: whether a time expression dates a trigger or another word of its sentence (a noun
phrase, another event, a relative clause), used by :class:`kg.extract.dates.DateRules`."""

from __future__ import annotations

from kg.nlp.context import kg_get
from kg.nlp.timex import TimeTagger


def _parsed(rules, time_span, trig):
    """The parse of the sentence (``sub``, the offset of its first token in the document ``off``) and ``trig``'s own
    token positions in it, or None when the sentence was not parsed or ``time_span`` is the date line's, before it."""
    if rules.syntax is None:
        return None
    sub, off = rules.syntax
    if time_span.start < off:
        return None
    return sub, off, set(range(trig.start - off, trig.end - off))


def dates_other_event(rules, time_span, trig) -> bool:
    """True when the parse attaches ``time_span`` (said before ``trig``) to a noun phrase or to another event
    word rather than to ``trig``'s clause: "In response to the bombing in December 2023, Jordan recalled ..."
    dates the bombing, not the recall. False when the sentence was not parsed."""
    parsed = _parsed(rules, time_span, trig)
    if parsed is None:
        return False
    sub, off, own = parsed
    if kg_get(trig)["trigger"].speaker:  # the speaker's act is dated by the verb of saying that governs the
        own |= {a.i for a in sub[trig.start - off].ancestors}  # clause ("Manila mengatakan pada hari Kamis bahwa ...")
    others = {i - off for x in rules.triggers if x.start != trig.start for i in range(x.start, x.end)}
    inside = set(range(time_span.start - off, time_span.end - off))
    tok = next((sub[i] for i in sorted(inside) if sub[i].head.i not in inside or sub[i].head.i == i), None)
    while tok is not None and tok.dep_ == "nmod:tmod" and tok.head.i != tok.i and tok.head.dep_.endswith(":tmod"):
        tok = tok.head  # "pada hari Kamis": the weekday modifies "hari", itself the time phrase's head
    since = TimeTagger.for_lang(rules.lang).background_words  # the time tagger's own, read once
    if any(sub[i].lower_ in since for i in range(time_span.start - off - 2, time_span.end - off) if 0 <= i < len(sub)) or (
        tok is not None and any(c.dep_ == "case" and c.lower_ in since for c in tok.head.children)
    ):
        return False  # "Since the invasion in 2022, Iran has supplied ...": the act runs from that date
    if rules._possessor_of_event(time_span, trig):
        return False  # "Wednesday's ISIS bombing": a date's possessor dates the event noun its phrase ends in, however parsed
    if tok is not None and tok.dep_.startswith("nmod") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i not in own:
        if _between_subject_and_verb(sub, off, time_span, tok.head, own):
            return False  # "Japan on Thursday condemned ...": the parse hangs the day on the subject, the day of the verb
        return True  # "In response to [the offensive] in December 2008, X cut ties": the date of a noun phrase
    for _ in range(12):
        if tok is None or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i in own:
            return False
        if tok.i in others:
            return True
    return False


def _between_subject_and_verb(sub, off, time_span, noun, own) -> bool:
    """Whether ``time_span``, which the parse makes a modifier of ``noun``, stands between the subject of ``trig``
    (``own``) and its verb, with nothing but punctuation after it, ``noun`` being that subject or an oblique of the
    verb: "Japan on Thursday condemned ...", "Niger's military government on Thursday ordered ...", "Poland's
    minister, in an interview on Monday, criticised ...", "Ketua Komisi ... dalam pernyataannya, Kamis (13/6/2024),
    mengutuk ...". Wire copy puts the day there. Not a passive's subject, which is what was done ("the launch on
    Thursday was condemned"), nor a phrase before the subject ("In response to the bombing in December, X ...")."""
    if noun.dep_ not in ("nsubj", "obl") or noun.head.i not in own:
        return False
    verb = min(own)
    end = time_span.end - off
    subject = [c.i for c in noun.head.children if c.dep_ == "nsubj"]
    if not subject or not subject[0] < time_span.start - off or end > verb:
        return False
    return all(sub[i].is_punct for i in range(end, verb))


def relative_clause_noun(rules, time_span, trig):
    """Whether ``time_span`` lies in a relative clause that ``trig`` is not part of, and on what: True when
    the clause is on the event noun ``trig`` or a noun inside its phrase ("an Israeli strike on [a school in
    Gaza] that killed 30 people on Monday", "serangan ... yang menewaskan 12 orang pada Selasa malam": what the
    clause tells of the strike happened when the strike did), False when on another noun (the day does not
    date the verb that governs that noun: "mengecam serangan ... yang menewaskan ... pada Selasa", also when the parse
    hangs that noun on the verb but another event word stands between them), None when
    the time is in no relative clause or the sentence was not parsed."""
    parsed = _parsed(rules, time_span, trig)
    if parsed is None:
        return None
    sub, off, own = parsed
    tok = sub[time_span.start - off]
    for _ in range(12):
        if tok.i in own or tok.head.i == tok.i:
            return None
        if tok.dep_ in ("acl:relcl", "acl") and tok.pos_ in ("VERB", "AUX"):
            if any(sub[i].text == "," for i in range(tok.i, time_span.start - off)):
                return None  # ", who had been hiding in Rafah, in a gun battle on Wednesday": the clause closed
            h = tok.head
            noun = h.i + off
            for _ in range(4):
                if h.i in own:
                    # not when an event noun stands between the act and the clause's noun: the clause is that event's
                    # ("mengecam serangan Israel terhadap rumah sakit di Gaza yang menewaskan ... pada Selasa malam",
                    # the parse hanging 'di Gaza' on 'mengecam')
                    return not any(x.start != trig.start and trig.end <= x.start <= noun for x in rules.triggers)
                if h.dep_ not in ("nmod", "obl", "compound", "flat") or h.head.i == h.i:
                    break
                h = h.head
            return False
        tok = tok.head
    return None


CLAUSE_DEPS = ("ccomp", "advcl", "dep")  # a clause with a verb of its own under another verb ("dep": one the parser left unnamed)
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "csubj", "expl")


def in_other_clause(rules, time_span, trig) -> bool:
    """True when the parse puts ``time_span`` (said after ``trig``) inside a subordinate clause that ``trig`` is not
    part of, the clause having a subject of its own or opened by a subordinator of ``clause_breaks`` ("bahwa",
    "setelah", "after"): a complement clause ("... and noted that Washington had been bound by a treaty since 1951",
    "... dan mengingatkan bahwa Washington terikat ... sejak 1951", "..., saying its ships had entered the waters on
    Saturday") or an adverbial one ("... setelah gempa mengguncang ibu kota, Selasa lalu"). The day is that clause's,
    not the act's. A clause with neither shares the act's time ("ordered France to withdraw by Friday", "attacked Y,
    killing 10 on Monday", "meminta Jerman agar mengirimkan rudal ..., Jumat (30/8/2024)"). False when the sentence
    was not parsed."""
    if rules.syntax is None:
        return False
    sub, off = rules.syntax
    if time_span.start < off or trig.start < off:
        return False
    own = set(range(trig.start - off, trig.end - off))
    breaks = rules.s.clause_breaks  # subordinators that open a clause of its own ("bahwa", "setelah", "after")
    inside = set(range(time_span.start - off, time_span.end - off))

    def noun_between(i: int) -> bool:  # another event word between the act and token i
        return any(x.start != trig.start and trig.end <= x.start < i + off for x in rules.triggers)

    tok = next((sub[i] for i in sorted(inside) if sub[i].head.i not in inside or sub[i].head.i == i), None)
    if tok is not None and tok.head.i in own and _closes_clause(sub, own, min(inside), breaks):
        return True
    for _ in range(12):
        if tok is None or tok.i in own:
            return False
        if tok.dep_ in CLAUSE_DEPS and (sub[tok.left_edge.i].lower_ in breaks or any(
            c.dep_ == "mark" and c.lower_ in breaks or c.dep_ in SUBJECT_DEPS and (tok.head.i not in own or noun_between(tok.left_edge.i))
            for c in tok.children
        )):  # opened by a subordinator, even one the parse hangs elsewhere ('setelah' a case of the clause's subject);
            # a subject of its own, not the act's object read as one ("menuduh Kenya mempersenjatai milisi pada Selasa"),
            # or a relative clause on an event noun that the parse hangs on the act ("condemned the attack on a hospital
            # that killed twelve people on Tuesday": 'that killed' a ccomp of 'condemned')
            return not any(tok.left_edge.i <= i <= tok.right_edge.i for i in own)
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _closes_clause(sub, own, first: int, breaks) -> bool:
    """Whether the time starting at token ``first``, which the parse hangs on the act itself, closes a subordinate
    clause opened after the act by a ``clause_breaks`` subordinator whose verb has a subject of its own: "Australia sent
    aid to Vanuatu after a powerful earthquake hit the capital on Tuesday" (the parse: 'on Tuesday' on 'sent')."""
    end = max(own)
    for m in sub[end + 1 : first]:
        if m.dep_ == "mark" and m.lower_ in breaks and m.i < m.head.i < first and m.head.i not in own:
            if any(c.dep_ in SUBJECT_DEPS for c in m.head.children):
                return True
    return False
