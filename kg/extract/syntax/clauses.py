"""Clause boundaries the parser misses: the subject of a coordinated clause parsed as a conjunct of the nominal
before it.

"Russia attacked Ukraine and Belarus condemned the attack", "Israel menyerang Gaza dan Mesir mengecam serangan itu":
the parser often reads "Ukraine and Belarus" as one coordinated object and leaves "condemned"/"mengecam" without a
subject. A nominal conjunct followed at once (past its own phrase and the verb's auxiliaries, negation and adverbs) by
a finite verb with no subject of its own, hung on the clause the conjunct is in, is that verb's subject, not one
more object of the first verb (:func:`clause_verb_after`), and that verb's doer (:func:`stray_subject`).
"Russia attacked Ukraine and Georgia" (no verb after) keeps both objects.
"""

from __future__ import annotations

from kg.extract.syntax.addressee import _case
from kg.extract.syntax.data import AGENTS, OBJECTS, PASSIVE_SUBJECTS, SUBJECTS, VERB_POS, _is

# what may stand between a clause's subject and its verb: "Belarus *has* condemned", "Mesir *juga tidak akan* mengecam"
BEFORE_VERB = ("aux", "aux:pass", "auxpass", "advmod", "neg", "part")
NOT_A_CLAUSE = ("acl", "acl:relcl", "amod", "compound", "flat", "nmod", "obl", "nsubj", "appos")
NOMINALS = ("NOUN", "PROPN", "PRON")


def clause_verb_after(tok, d, lang: str):
    """The verb whose subject the nominal conjunct ``tok`` is, when the parser made it a conjunct of the nominal before
    it; None when ``tok`` is a plain conjunct ("Ukraine and Georgia.")."""
    if tok.dep_ != "conj" or tok.pos_ not in NOMINALS or tok.head.i > tok.i:
        return None
    doc = tok.doc
    k = tok.right_edge.i + 1
    while k < len(doc) and doc[k].dep_ in BEFORE_VERB and doc[k].head.i > k:
        k += 1
    if k >= len(doc):
        return None
    verb = doc[k]
    if verb.pos_ != "VERB" or verb.dep_ in NOT_A_CLAUSE:
        return None
    if k == tok.right_edge.i + 1 and verb.tag_ in d.nonfinite_tags:
        return None  # "attacked Ukraine and Georgia killing dozens": a participle is no clause of its own
    if k == tok.right_edge.i + 1 and any(c.dep_ in AGENTS or (c.dep_ in ("obl", "nmod") and _case(c) in d.passive_agent) for c in verb.children):
        return None  # "attacked Ukraine and Georgia backed by NATO": a participle with its agent modifies the name
    if verb.lower_ in d.adps("instrument"):
        return None  # "menyerang Ukraina dan Georgia menggunakan rudal": what the attack used
    if any(c.dep_ in SUBJECTS + PASSIVE_SUBJECTS + ("mark",) for c in verb.children):
        return None  # a verb with a subject of its own, or a purpose ("... and Lebanon to weaken Hezbollah")
    if _is(verb.head, d.object_control | d.subject_control, lang):
        return None  # "meminta Israel dan Mesir membuka perbatasan": the act asked of both
    # the verb hangs on the clause the conjunct is in (its verb or a verb above it), as a clause joined to it
    ancestors = {a.i for a in tok.ancestors}
    if verb.head.i not in ancestors or verb.head.i == verb.i:
        return None
    return verb


def stray_subject(verb, d, lang: str):
    """The nominal conjunct right before ``verb`` (past its auxiliaries and adverbs) that is its subject
    (:func:`clause_verb_after`), or None."""
    doc = verb.doc
    k = verb.i - 1
    while k >= 0 and doc[k].dep_ in BEFORE_VERB and doc[k].head.i == verb.i:
        k -= 1
    if k < 0:
        return None
    t = doc[k]
    for _ in range(6):
        if t.dep_ == "conj" or t.head.i == t.i or t.head.right_edge.i != k:
            break
        t = t.head
    found = clause_verb_after(t, d, lang) if t.right_edge.i == k else None
    return t if found is not None and found.i == verb.i else None


def split_subject(verb, d, lang: str):
    """(object, subject) when the parser made "X and Y" the subject of ``verb`` though X is the object of the verb
    before it: "Iran attacked Israel and Jordan closed its airspace", parsed with "Israel and Jordan" as the subject
    of "closed". So read when X follows that verb at once, that verb has no object and takes no clause (no verb of
    saying or control: "said Israel and Jordan closed ...", "meminta Israel dan Mesir menjamin ..." are right), and
    ``verb`` is a clause joined to it. Else None."""
    head = verb.head
    if verb.dep_ not in ("conj", "ccomp", "parataxis") or head.i == verb.i or head.pos_ != "VERB" or head.i > verb.i:
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if len(subjects) != 1 or any(c.dep_ in OBJECTS for c in head.children):
        return None
    first = subjects[0]
    if first.left_edge.i != head.i + 1 or first.pos_ not in NOMINALS:
        return None
    last = [c for c in first.children if c.dep_ == "conj" and c.pos_ in NOMINALS and c.i > first.i]
    if len(last) != 1 or not any(c.dep_ == "cc" for c in last[0].children) or last[0].right_edge.i + 1 > verb.i:
        return None
    if _is(head, d.speech_verbs | d.object_control | d.subject_control, lang):
        return None
    return first, last[0]


def in_conjoined_object(verb, tok, d, lang: str) -> bool:
    """Whether ``tok`` (a name the window took as the doer of ``verb``) lies inside an object or oblique of the verb
    that ``verb`` is a conjunct of, ``verb`` having no subject of its own: it shares that verb's subject, and the name
    is what the first verb acted on ("The rebels attacked British ships and warned Washington": not Britain's warning).
    Not the subject of ``verb`` parsed as a conjunct (:func:`clause_verb_after`)."""
    if any(c.dep_ in SUBJECTS + PASSIVE_SUBJECTS for c in verb.children):
        return False
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i and first.head.i < first.i:
        first = first.head
    if first.i == verb.i or tok.i > verb.i:
        return False
    node = tok
    for _ in range(8):
        if node.head.i == node.i:
            return False
        if node.head.i == first.i:
            break
        if node.dep_ == "conj" and node.pos_ in NOMINALS:
            found = clause_verb_after(node, d, lang)
            if found is not None and found.i == verb.i:
                return False
        node = node.head
    else:
        return False
    return node.dep_ not in SUBJECTS + PASSIVE_SUBJECTS + ("conj", "cc", "punct", "parataxis", "ccomp")


def relative_antecedent(verb, pronoun):
    """The noun a relative clause (its verb ``verb``, its subject the relative ``pronoun``) is about: the verb's head
    when it is a nominal, else, where the parser hung the clause on the main verb ("China mengkritik Jepang yang dibela
    AS", 'dibela' parsed as the acl:relcl or advcl of 'mengkritik'), the noun phrase right before the pronoun (past a
    comma); None when there is none."""
    if verb.head.pos_ not in VERB_POS:
        return verb.head
    k = pronoun.i - 1
    if k >= 0 and pronoun.doc[k].is_punct:
        k -= 1
    if k < 0 or k < verb.head.i:
        return None
    t = pronoun.doc[k]
    for _ in range(6):
        if t.head.i == t.i or t.dep_ == "conj" or t.head.pos_ not in NOMINALS or t.head.right_edge.i < k:
            break  # (the nearest conjunct only: "Ukraina dan Georgia yang didukung NATO")
        t = t.head
    return t if t.pos_ in NOMINALS else None


def time_word_subject(verb, d, lang: str):
    """The name the parser made an oblique of the verb above, marked by a time word (``adpositions`` of role
    ``time``), right before ``verb``, a clause of that verb with no subject nor mark of its own: "Japan cooperated
    with Australia after China attacked Vietnam", parsed with "after China" as an oblique of 'cooperated' and
    'attacked' as its bare advcl (or with "after China" hung on the object: "stayed calm after China attacked"). The name is the subject of ``verb``; None when the parse is not so."""
    head = verb.head
    if verb.dep_ != "advcl" or head.i == verb.i or head.i > verb.i:
        return None
    if any(c.dep_ in SUBJECTS + PASSIVE_SUBJECTS + ("mark",) for c in verb.children):
        return None
    k = verb.left_edge.i - 1
    if k <= head.i:
        return None
    t = verb.doc[k]  # the name's last word ("after China"; the parser may hang it on another word before: "calm")
    while t.head.i > t.i and t.head.i <= k:
        t = t.head
    if t.pos_ not in NOMINALS or t.dep_ not in ("obl", "nmod") or t.right_edge.i != k or _case(t) not in d.adps("time"):
        return None
    return t
