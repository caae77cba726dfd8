"""The speaker's own side named by a noun in what it says (a part of :mod:`kg.extract.syntax.roles`).

"Iran's foreign minister said *his country* would strike Israel", "Putin said *his forces* would ...": a reported
clause's subject that is one of the ``self_nouns`` of syntax.json owned by a possessive pronoun ("his", "its",
"their", "our"; a possessive clitic: "pasukannya") is the speaker's own side, as a pronoun subject is ("said it would ...", rule
``ccomp-self-pronoun``); rule ``ccomp-self-possessed``. "A Houthi spokesman said *the group* would target US
ships", "Juru bicara Hamas mengatakan *kelompok itu* ...": one of the ``self_group_nouns`` with a definite determiner
(``self_determiners``) is the speaker's own group only when the speaker is itself a non-state armed group (rule
``ccomp-self-group``, checked by :func:`group_speaker`): "Israel's army said the group fired rockets" speaks of
another (Hamas), and "the country" of a state's speaker is as often the country spoken of, so it is never read.
"""

from __future__ import annotations

POSSESSED = "ccomp-self-possessed"
GROUP = "ccomp-self-group"


def self_described(subj, d) -> str | None:
    """The rule by which the parse's subject token ``subj`` of a reported clause names the speaker's side (module
    doc); None when it does not."""
    low = subj.lower_
    owners = {c.lower_ for c in subj.children if c.dep_ in ("nmod:poss", "det:poss", "det")}
    if low in d.self_nouns and owners & d.possessive_pronouns:
        return POSSESSED
    if any(low.endswith(p) and low[: -len(p)] in d.self_nouns for p in d.possessive_pronouns if p.isalpha()):
        return POSSESSED  # "pasukannya": the noun with its possessive clitic
    if low in d.self_group_nouns and owners & d.self_determiners and not any(c.dep_ in ("nmod", "nmod:poss", "compound", "appos", "flat") for c in subj.children):
        return GROUP
    return None


def group_speaker(rules, syn_rule: str, source) -> bool:
    """Whether a ``ccomp-self-group`` reading (module doc) holds: every source is a non-state actor (an armed group,
    its spokesman). True for any other rule."""
    if GROUP not in syn_rule:
        return True
    return source is not None and all(rules.lex.non_state(sp.kb_id_) for sp in source.spans)

