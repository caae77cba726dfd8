"""Relative clauses set off by commas: "Iran accused Israel, *which the US supports*, of attacking Syria", "Iran menuduh
Israel, *yang menerima senjata AS*, menyerang Suriah". An actor inside such a clause is a party of the clause's own act
only: not the doer of a verb after the clause's closing comma (the window's doer of "attacking" is not the US). The
pronouns are the language's ``relative_pronouns`` (syntax.json); read from the words, since the parser often hangs the
verb after the clause inside it ("supports ... of attacking Syria")."""

from __future__ import annotations

from kg.extract.sentence import _Arg, _Ref
from kg.extract.syntax.data import role_data


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
