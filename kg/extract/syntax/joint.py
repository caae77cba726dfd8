"""Partners who act together: "Japan teamed up with Australia to send aid to Indonesia", "Jepang bekerja sama dengan
Bank Dunia membantu Indonesia": the clause a verb of joining forces (syntax.json ``joint_verbs``) governs with no
subject of its own is done by that verb's subject and by its partner alike (the partner marked by an adposition of
role ``partner``: "with", "dengan", "bersama")."""

from __future__ import annotations

from kg.extract.syntax.data import VERB_POS, _is
from kg.extract.syntax.results import _re

PARTNER_DEPS = ("obl", "nmod", "obl:arg")
# the word completing a verb of joining, which the partner may hang on: "bekerja [sama] dengan", "teamed [up] with"
COMPLETING = ("xcomp", "compound:prt", "compound")


def joint_partners(roles, head, tok, label: str) -> list:
    """The actors named as ``head``'s partner when ``head`` is a verb of joining forces and its clause ``tok``
    follows the partner's phrase at once (punctuation aside: "cooperated with Australia [after China] attacked ..."
    is no joint act), each with rule ``label`` (the one of the subject it shares the clause with) + ">partner";
    [] otherwise."""
    words = roles.d.joint_verbs
    if not words or not _is(head, words, roles.lang):
        return []
    preps = roles.d.adps("partner")
    nodes = [head] + [c for c in head.children if c.dep_ in COMPLETING and c.pos_ not in VERB_POS]
    partners = [c for n in nodes for c in n.children if c.dep_ in PARTNER_DEPS and roles._case(c) in preps]
    doc = tok.doc
    return [_re(a, f"{label}>partner") for c in partners if c.i < tok.i
            and all(doc[i].is_punct for i in range(c.right_edge.i + 1, tok.left_edge.i))
            for a in roles.actors_in(c, "partner")]  # fmt: skip
