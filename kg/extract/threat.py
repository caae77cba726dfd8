"""A strike-back said of the future is its speaker's threat: "Iran said it would retaliate against Israel", '"We will
retaliate against Israel," Iran said', "Iran mengatakan akan membalas Israel", '"Kami akan membalas Israel," kata Iran'.

Triggers marked ``future_threat`` in ``data/lang/<code>/triggers.jsonl`` ("retaliate", "strike back", "membalas") are
an event only so: said of the future (lang.json ``future``: "will", "would", "akan", "siap", "ready"), in what a
speaker says (a clause the parse puts under a verb of saying, a quote, a sentence with a verb of saying), and done by
that speaker's own side when the parse names the speaker. The threat is made when it is said: an asserted 138. An
asserted retaliation ("Israel retaliated against Iran on Friday"), a prediction of another's ("US officials said Iran
would retaliate") and a reply ("Iran akan membalas surat Israel": the state only the letter's owner) are none.
"""

from __future__ import annotations

from kg.model import Modality
from kg.nlp.context import kg_get

QUOTES = ('"', "“", "”", "'")


def threat_modality(fr, rules, trig, modality: Modality, sources: list, target, speaker_codes) -> Modality | None:
    """The modality of a ``future_threat`` trigger's event (asserted: the threat is made when said), or None when it
    is no threat. ``fr``: the trigger's parse frame, or None; ``sources``: the event's source participants;
    ``target``: its target argument; ``speaker_codes``: a function from a speaker span to its actor code (None when it
    has none)."""
    if modality is not Modality.FUTURE or _owner_of_thing(rules, trig, target):
        return None
    if fr is not None and fr.speech is not None:
        cands = rules.frame_inputs[0]
        said = {speaker_codes(cands[a.index]) for a in fr.speech.speakers} - {None}
        if said and not said & {p.code for p in sources}:
            return None  # "US officials said Iran would retaliate": a prediction, not Iran's threat
        return Modality.ASSERTED
    from kg.extract.syntax.data import _is, role_data

    speech = role_data(rules.lang).speech_verbs
    lows = rules.lows
    quoted = any(lows[i] in QUOTES for i in range(rules.sent.start, trig.start))
    told = any(_is(rules.doc[i], speech, rules.lang) for i in range(rules.sent.start, rules.sent.end) if not trig.start <= i < trig.end)
    return Modality.ASSERTED if quoted or told else None


def _owner_of_thing(rules, trig, target) -> bool:
    """Whether the target is only the owner of the verb's object, that object no act ("membalas surat Israel", a reply
    to Israel's letter), not the target of an act answered ("membalas serangan Israel"): a modifier of the object
    with no adposition (a bare ``nmod``, not "nmod(terhadap)") and no trigger between the verb and it."""
    if not (target.how or "").endswith("nmod") or not target.spans:
        return False
    first = min(sp.start for sp in target.spans)
    return not any(trig.end <= x.start < first for x in rules.triggers)


def threat_triggers(rules) -> list:
    """``rules.triggers`` without the ``future_threat`` ones that cannot be a threat: none of the language's future
    words (lang.json ``future``) in the modality window before it ("Israel retaliated against Iran", "Israel membalas
    Iran", "retaliated by bombing Gaza": no trigger of their own, so they change no other act's date or arguments),
    or said after a threat trigger (root 13) of the sentence: "vowed to retaliate", "warned that it would retaliate",
    "berjanji akan membalas" are that threat, already coded."""
    n = int(rules.s.modality_window or 6)
    future = rules.s.future
    out = []
    for t in rules.triggers:
        info = kg_get(t)["trigger"]
        if info.future_threat:
            before = rules.lows[max(rules.sent.start, t.start - n) : t.start]
            if not future.intersection(before) or any(
                x.end <= t.start and kg_get(x)["trigger"].code[:2] == "13" and not kg_get(x)["trigger"].future_threat for x in rules.triggers
            ):
                continue
        out.append(t)
    return out
