"""What the words around an act say about it, beyond its trigger and its two parties: a suicide bomber's attack is a
suicide bombing (CAMEO 183)."""

from __future__ import annotations

from kg.extract.syntax.data import SUBJECTS, role_data


def suicide_attack(rules, trig) -> bool:
    """Whether the subject phrase of the attack ``trig`` names a suicide attacker ("A suicide bomber from the
    Pakistani Taliban attacked ...", "Seorang pelaku bom bunuh diri ... menyerang"): the attack is a suicide
    bombing, CAMEO 183, not a conventional attack (19). A bomber alone may be an aircraft."""
    if rules.syntax is None:
        return False
    sub, off = rules.syntax
    i = trig.start - off
    if not 0 <= i < len(sub):
        return False
    words = role_data(rules.lang).suicide_attacker_words
    if not words:
        return False
    for c in sub[i].children:
        if c.dep_ in SUBJECTS:
            phrase = " " + " ".join(t.lower_ for t in c.subtree) + " "
            if any(f" {w} " in phrase for w in words):
                return True
    return False
