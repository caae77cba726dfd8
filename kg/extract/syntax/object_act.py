"""Acts a trigger codes only on an actor named as its direct object (``requires_object`` in triggers.jsonl):
"Nikaragua beralih mengakui Beijing", "Indonesia belum mengakui Israel" (recognition, 054), where the same verb with a
clause is an admission ("mengakui bahwa ...", "mengakui Rusia lebih kuat", "mengakui China adalah mitra"): no act.

The trigger tagger lets an actor's name right after the trigger stand for the entry's required words; the act stands
only when the parse agrees (:func:`object_act`): the verb is active, its targets are its direct object (and that
object's conjuncts), it governs no clause, and the object governs none either."""

from __future__ import annotations

from kg.extract.syntax.data import OBJECTS, SUBJECTS, VERB_POS

CLAUSES = ("ccomp", "xcomp", "csubj", "acl", "acl:relcl", "advcl", "parataxis")  # a clause the verb or its object governs
OBJECT_HOPS = OBJECTS + ("conj",)  # how the parse reaches the object from the verb
PREDICATE_POS = VERB_POS + ("ADJ", "ADV", "NOUN")  # a word right after the name that makes it a clause's subject


def object_act(fr, path: str, target, rules) -> bool:
    """Whether the act of a ``requires_object`` trigger found by its object's name stands (module doc): ``fr`` is the
    trigger's frame, ``path`` how the arguments were found (``syntax`` only), ``target`` the event's target argument."""
    if path != "syntax" or fr is None or fr.kind != "verb" or rules.syntax is None or not target.how.startswith("syn:"):
        return False
    if any(hop not in OBJECT_HOPS for hop in target.how.removeprefix("syn:").split("+")):
        return False
    sub, _off = rules.syntax
    node = sub[fr.trigger]
    if any(c.dep_ in CLAUSES for c in node.children):
        return False  # "mengakui Rusia lebih kuat", "recognised that Russia ...": what is admitted is a clause
    for a in fr.targets:
        tok = sub[a.token]
        if any(c.dep_ in CLAUSES + SUBJECTS or c.pos_ in VERB_POS for c in tok.children):
            return False  # "mengakui China adalah mitra": the name heads a clause of its own
        after = a.end
        if after < len(sub) and sub[after].pos_ in PREDICATE_POS:
            return False  # "mengakui Singapura unggul dalam ...", parsed as a compound: a predicate follows the name
    return True
