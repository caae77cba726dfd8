"""Stopping another's act is no de-escalation (a part of the syntax checks the extractor makes)."""

from __future__ import annotations


HALT_CODES = ("087",)  # de-escalation: "ended its attacks", "halted the offensive", "menghentikan serangannya"
OWNER_HOPS = (">obj>nmod:poss", ">obj>nmod")  # the target is the owner of the verb's object: "end [Iran's] attacks"


def others_act_halted(code: str, syn_rule: str | None) -> bool:
    """Whether a de-escalation (087: "end", "halt", "stop" an attack) is aimed, by the parse, at the owner of the act
    it stops: "Egypt urged Israel to end Iran's attacks on Syria", "Russia stopped Ukraine's offensive in Kursk",
    "menghentikan serangan Iran terhadap Suriah". A de-escalation is its doer ending its own act ("Israel halted its
    strikes on Lebanon"); ending or stopping another's is none by the one asked or able (the act stopped, or the
    appeal, is the news), so no event stands."""
    if not code.startswith(HALT_CODES) or not syn_rule:
        return False
    path = syn_rule.split("@", 1)[0]
    return any((">" + hop).endswith(OWNER_HOPS) for hop in path.split("+"))  # one target of several: "Israel's bombing of Gaza"
