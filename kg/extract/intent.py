"""Intent events: a stated intention to act (CAMEO 03x) from an act said to come."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from kg.extract import confidence

from kg.lexicon import cameo
from kg.model import Event, Modality, Precision, TimeValue, stable_id

# A cooperative act announced for the future is also, now, the expression of an intent (CAMEO 03):
# "Indonesia will send aid to Gaza" is an asserted 033 as well as a future 07.
INTENT_CODES = {"04": "036", "05": "032", "06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
                "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334", "08": "035"}  # fmt: skip


def gives_aid(code: str) -> bool:
    """Is CAMEO ``code`` giving material aid (07) or the intent to (033)? Its recipient may be people in a
    state: "pledged aid for flood victims in Pakistan" is aid to Pakistan."""
    return code.startswith(("033", "07"))


def _intent_is_now(root: str, modality: Modality) -> Modality:
    """An expressed intent (CAMEO 03) happens when it is expressed: "Egypt is ready to host talks",
    "Turkey will offer to mediate" are asserted intents, not future ones."""
    return Modality.ASSERTED if root == "03" and modality is Modality.FUTURE else modality


# A visit or meeting "scheduled"/"due"/"dijadwalkan" is a plan the press reports, weaker evidence of an intent the
# actor expressed: gold annotators code it as the planned act (optional), not as 03 (shared dev en-017 "plans to
# push China"; bench/dev2: 4 of 4 such 036 were false hits, the suites' 2 follow the issue #14 convention). Its
# intent stays in the extraction, below the graph's default threshold (0.7).
SCHEDULED_FACTOR = 0.75
INTENT_FACTOR = 0.9  # an intent read from an act said to come is a little less sure than the act


def intent_evidence(act: confidence.Evidence, *, scheduled: bool = False) -> confidence.Evidence:
    """The evidence of the intent an act to come expresses: the act's, weighed by :data:`INTENT_FACTOR` (and
    :data:`SCHEDULED_FACTOR`), without the act's inferred date: the intent is dated when it was stated (the
    document's date), whether or not the act to come has a date ("will give Ukraine a new package")."""
    return replace(act, date_inferred=False, factor=act.factor * INTENT_FACTOR * (SCHEDULED_FACTOR if scheduled else 1.0))


def intent_event(event: Event, evidence: confidence.Evidence, stated: date | None, *,
                 scheduled: bool = False, said: TimeValue | None = None) -> tuple[Event, confidence.Evidence] | None:  # fmt: skip
    """The asserted intent (CAMEO 03) expressed by a future cooperative event found with ``evidence``, and the
    intent's own evidence (:func:`intent_evidence`, which its confidence is the score of), or None. It is
    dated when it was stated (``stated``, the document's date, or ``said``, the stated date of the saying that
    reports the act: "Iran said on Monday it would send aid"), not when the act is to happen.

    Negated and hypothetical events express no intent; conflict is left alone (a future attack is
    not always a threat the actor made). A ``scheduled`` act's intent is less sure (:data:`SCHEDULED_FACTOR`).
    """
    if event.modality is not Modality.FUTURE:
        return None
    code = INTENT_CODES.get(event.code[:3]) or INTENT_CODES.get(event.root)
    if code is None:
        return None
    info = cameo.info(code)
    evidence = intent_evidence(evidence, scheduled=scheduled)
    return replace(
        event,
        id=stable_id(event.id, code, prefix="ev_"),
        code=info.code,
        root=info.root,
        label=info.label,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        modality=Modality.ASSERTED,
        date=said or (TimeValue(stated.isoformat(), Precision.DAY, "", inferred=True) if stated else None),
        confidence=confidence.score(evidence),
        rule=f"intent:{event.rule}",
    ), evidence
