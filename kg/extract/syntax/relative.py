"""Relative clauses and the window's pair (:func:`relative_veto`, read by :func:`kg.extract.syntax.use.veto`).

- Set off by commas: "Iran accused Israel, *which the US supports*, of attacking Syria", "Iran menuduh Israel, *yang
  menerima senjata AS*, menyerang Suriah". An actor inside such a clause is a party of the clause's own act only, not
  the doer of a verb after its closing comma (:func:`inside_closed_relative`); a sentence that opens with the clause's
  antecedent has it as that verb's doer (:func:`fronted_antecedent`), and a verb right after the closing comma
  continues the antecedent, not a doer named before it (:func:`past_relative_antecedent`). Read from the words, since
  the parser often hangs the verb after the clause inside it ("supports ... of attacking Syria").
- On a common noun, the pronoun not the clause's subject ("the rebels *that the US arms*", "milisi *yang didukung
  Iran*"): the clause's doer is no target of the verb before the noun, and a name before the noun no party of the
  clause's act (:func:`across_object_relative`, on the parse).
The pronouns are the language's ``relative_pronouns`` (syntax.json)."""

from __future__ import annotations

from kg.extract.sentence import _Arg, _Ref
from kg.extract.syntax.data import role_data
from kg.extract.syntax.results import head_token


def inside_closed_relative(trigger: int, spans, rules) -> bool:
    """Whether one of the window's doer ``spans`` (document tokens) is inside a relative clause that a comma opens
    before its pronoun and a comma closes before the ``trigger`` (a document token): ", which the US supports," or
    ", yang menerima senjata AS,". Not a doer before the pronoun ("The US, which backs Israel, attacked ...") nor a
    trigger inside the clause ("..., which the US says attacked Syria, ...")."""
    pronouns = role_data(rules.lang).relative_pronouns
    doc, lo = rules.doc, rules.sent.start
    for sp in spans:
        if isinstance(sp, _Ref) or not (lo <= sp.start and sp.end <= trigger):
            continue
        k = sp.start - 1
        while k > lo and not doc[k].is_punct and doc[k].lower_ not in pronouns:
            k -= 1
        if k <= lo or doc[k].lower_ not in pronouns or doc[k - 1].text != ",":
            continue  # no pronoun just after a comma opens a clause the doer is in
        close = next((j for j in range(sp.end, trigger) if doc[j].is_punct), None)
        if close is not None and doc[close].text == ",":
            return True
    return False


def fronted_antecedent(trigger: int, spans, rules):
    """The actor (an ``_Arg``) a sentence opens with when a relative clause set off by commas follows it and the ``trigger`` comes
    right after the clause's closing comma (past a word or two): "Iran, which Russia supports, attacked Israel" is
    Iran's attack, whatever doer the window took inside the clause. None otherwise."""
    pronouns = role_data(rules.lang).relative_pronouns
    doc, lo = rules.doc, rules.sent.start
    first = min((a for a in rules.actors if a.start >= lo), key=lambda a: a.start, default=None)
    if first is None or first.end + 1 >= trigger or any(t.lower_ not in rules.s.determiners for t in doc[lo : first.start]):
        return None  # not the sentence's opening words ("The US, which ...": a determiner may come first)
    if doc[first.end].text != "," or doc[first.end + 1].lower_ not in pronouns:
        return None
    close = next((j for j in range(first.end + 2, trigger) if doc[j].is_punct), None)
    if close is None or doc[close].text != "," or trigger - close > 3:
        return None
    if not any(not isinstance(sp, _Ref) and first.end < sp.start and sp.end <= close for sp in spans):
        return None
    return _Arg([first], "relative-antecedent")


def _object_relative(sub, k, pronouns, names):
    """The verb of a relative clause opened at parse token ``k`` on a common noun that names no actor nor event, when the pronoun
    is not the clause's active subject (the clause has a doer of its own: "the rebels *that* the US arms", "milisi
    *yang* didukung Iran"); else None. Not "missiles that hit Kyiv" (the noun itself acts)."""
    from kg.extract.syntax.data import OBJECTS, SUBJECTS

    r = sub[k]
    if r.lower_ not in pronouns or r.head.dep_ not in ("acl:relcl", "acl") or r.dep_ in SUBJECTS:
        return None
    if r.pos_ != "PRON" and any(c.dep_ in OBJECTS for c in r.head.children):
        return None  # a complementizer: "reports that North Korea has sent troops" (a relative 'that' leaves a gap)
    a = k - 1 - (k > 0 and sub[k - 1].text == ",")
    if a < 0 or r.head.head.i != a or sub[a].pos_ != "NOUN" or names(a):
        return None
    return r.head


def _doer_of(sub, sp, off, verb, lang: str) -> bool:
    """Whether the name ``sp`` is the doer of the relative clause's ``verb``: its subject, the compound the parser made
    of it on a verb it tagged a noun ("the US arms"), or a passive's agent, bare or by the agent adposition ("yang
    dipersenjatai AS"); not an oblique ("kapal-kapal yang terkait dengan Israel": ships linked to Israel)."""
    from kg.extract.syntax.addressee import _case
    from kg.extract.syntax.data import PASSIVE_SUBJECTS, SUBJECTS

    tok = head_token(sub, sp.start - off, sp.end - off)
    if tok.head.i != verb.i:
        return False
    if tok.dep_ in SUBJECTS or tok.dep_ == "compound" and verb.pos_ == "NOUN":
        return True
    passive = any(c.dep_ in PASSIVE_SUBJECTS for c in verb.children)
    case = _case(tok)
    return passive and tok.dep_ in ("obl", "nmod", "obl:agent") and (case is None or case in role_data(lang).passive_agent)


def across_object_relative(trig: int, spans, rules) -> bool:
    """Whether a window span and the trigger (parse tokens of the sentence's parsed copy) are on two sides of a
    relative clause's edge, the clause being on a common noun and having its own doer: a name inside it is no party of
    the verb before ("Turkey criticized the rebels that the US arms": not the US), and a name before its noun no party
    of its act ("AS mengecam milisi yang didukung Iran": the militia is backed, not the US)."""
    sub, off = rules.syntax
    pronouns = role_data(rules.lang).relative_pronouns

    def names(i: int) -> bool:  # an actor, or an event noun whose doer the clause names ("the attack that the PKK carried out")
        return any(a.start <= i + off < a.end for a in rules.actors) or any(x.start <= i + off < x.end for x in rules.triggers)

    for k in range(len(sub)):
        verb = _object_relative(sub, k, pronouns, names)
        if verb is None:
            continue
        inside = {t.i for t in verb.subtree} | {k}
        for sp in spans:
            if isinstance(sp, _Ref) or not (0 <= sp.start - off and sp.end - off <= len(sub)):
                continue
            s0 = sp.start - off
            if trig < k and trig not in inside and s0 > k and s0 in inside and _doer_of(sub, sp, off, verb, rules.lang):
                return True  # the main verb's target the clause's doer
            if trig in inside and sp.end - off <= verb.head.i and not (sp.start - off <= verb.head.i < sp.end - off):
                return True  # the clause's act with a party before its noun
    return False


def _subject_relative(sub, k, pronouns, names, heads):
    """(the verb, the noun) of a relative clause opened at parse token ``k`` whose pronoun is the clause's subject,
    active or passive, on a common noun for a group of actors that names no actor (syntax.json ``group_heads``,
    ``member_nouns``: "Western countries *that* keep supplying weapons to Israel", "negara-negara Barat *yang* terus
    memasok senjata", "para militan *yang* menyerang"); else None. Not a noun that names an actor or an event, nor one
    for a thing ("missiles that hit Kyiv": the one who fires them acts)."""
    from kg.extract.syntax.data import PASSIVE_SUBJECTS, SUBJECTS

    r = sub[k]
    verb = r.head
    if r.lower_ not in pronouns or r.dep_ not in SUBJECTS + PASSIVE_SUBJECTS or verb.dep_ not in ("acl:relcl", "acl"):
        return None
    noun = verb.head
    if verb.i == noun.i or noun.i > k or noun.pos_ in ("PROPN", "PRON") or names(noun.i) or not heads(noun):
        return None
    return verb, noun


def across_subject_relative(trig: int, spans, rules) -> bool:
    """Whether a relative clause on a group noun that names no actor, the noun itself the clause's subject
    (:func:`_subject_relative`), stands between the trigger (a parse token) and one of the window's ``spans``: the
    clause's act with a party outside the noun's phrase ("Turki mengkritik negara-negara Barat yang terus memasok
    senjata kepada Israel" is no supply of Turkey's; with no actor for the noun, no event: the clause's act never
    borrows the main verb's subject), or the main verb's act with a party inside the clause ("China criticised some
    nations that support Taiwan": Taiwan is not criticised)."""
    from kg.extract.syntax.data import _is

    sub, off = rules.syntax
    d = role_data(rules.lang)
    pronouns = d.relative_pronouns
    words = d.group_heads | d.member_nouns

    def names(i: int) -> bool:
        return any(a.start <= i + off < a.end for a in rules.actors) or any(x.start <= i + off < x.end for x in rules.triggers)

    def heads(t) -> bool:
        return t.lower_ in words or _is(t, words, rules.lang)

    starts = [sp.start - off for sp in spans if not isinstance(sp, _Ref) and 0 <= sp.start - off < len(sub)]
    for k in range(len(sub)):
        found = _subject_relative(sub, k, pronouns, names, heads)
        if found is None:
            continue
        verb, noun = found
        clause = {t.i for t in verb.subtree} | {k}
        phrase = {t.i for t in noun.subtree}
        if trig in clause and any(i not in phrase for i in starts):
            return True  # the clause's act with a party outside the noun's phrase
        if trig < noun.left_edge.i and any(i in clause for i in starts):
            return True  # the main verb's act with a party inside the clause
    return False


def past_relative_antecedent(trigger: int, spans, rules) -> bool:
    """Whether the window's doer ``spans`` (document tokens) are named before an actor that a relative clause set off
    by commas follows, the ``trigger`` coming right after the clause's closing comma: the verb continues the clause's
    antecedent, not the doer before it ("Iran menuduh Israel, yang dipasok senjata oleh AS, membom Lebanon": Israel's
    alleged bombing, not Iran's). Not after a coordinator ("..., and imposed sanctions": the subject's own verb)."""
    pronouns = role_data(rules.lang).relative_pronouns
    doc, lo = rules.doc, rules.sent.start
    for k in range(lo + 1, trigger):
        if doc[k].lower_ not in pronouns or doc[k - 1].text != ",":
            continue
        ante = next((a for a in rules.actors if a.end == k - 1 and a.start >= lo), None)
        close = next((j for j in range(k + 1, trigger) if doc[j].is_punct), None)
        if ante is None or close is None or doc[close].text != "," or trigger - close > 3:
            continue
        if any(doc[j].lower_ in rules.s.coordinators for j in range(close + 1, trigger)):
            continue
        for sp in spans:  # a word between the doer and the antecedent: not one list of subjects ("The US, France and Britain, which ...")
            if not isinstance(sp, _Ref) and sp.end <= ante.start and any(
                t.is_lower and t.is_alpha and t.lower_ not in rules.s.coordinators for t in doc[sp.end : ante.start]
            ):
                return True
    return False


def relative_veto(fr, source, target, rules):
    """The window's pair as the relative clauses of the sentence leave it (:func:`kg.extract.syntax.use.veto`):
    (None, None, reason) when a clause's edge stands between the pair and the trigger, (the opening antecedent, the
    target, None) for "Iran, which Russia supports, attacked Israel", or None when no clause has a say."""
    trig = fr.trigger + rules.syntax[1]
    doers = any(not isinstance(s, _Ref) for s in source.spans)
    if doers and past_relative_antecedent(trig, source.spans, rules):
        return None, None, "relative-antecedent"  # "menuduh Israel, yang dipasok senjata oleh AS, membom Lebanon": not Iran
    if across_object_relative(fr.trigger, source.spans + target.spans, rules):
        return None, None, "object-relative"  # "criticized the rebels that the US arms", "milisi yang didukung Iran"
    if doers and across_subject_relative(fr.trigger, source.spans + target.spans, rules):
        return None, None, "subject-relative"  # "mengkritik negara-negara Barat yang memasok senjata kepada Israel": not Turkey's
    if doers and inside_closed_relative(trig, source.spans, rules):
        opener = fronted_antecedent(trig, source.spans, rules)
        if opener is not None and not any(opener.spans[0] is s for s in target.spans):  # "Iran, which Russia supports, attacked Israel"
            return opener, target, None
        return None, None, "relative-clause"  # "accused Israel, which the US supports, of attacking Syria": not the US
    return None
