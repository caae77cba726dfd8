"""Coordinated actors that are no pair (a part of the symmetric-act readings of :mod:`kg.extract.extractor` and
:mod:`kg.extract.syntax.use`).

A symmetric act (a meeting, talks, an accord) with no other party pairs the actors a sentence coordinates: "Russia
and Ukraine held talks", "talks between Israel and Hamas". Two readings say the coordinated actors did not act with
each other, and the act is then no event (its one party is not named, and a wrong pair is worse than none):

- **unnamed subject** (:func:`unnamed_subject`): the coordinated actors are the act's partners, after a partner
  adposition ("with", "dengan") or as its object, and its subject is no actor (a person kg does not know, a pronoun
  with nothing before it, "the envoy"): "He met Putin and Xi Jinping", "The envoy held talks with Russia and
  Ukraine", "Ia bertemu dengan Putin dan Xi Jinping". Each met the subject, not the other. A ``mutual_preps`` phrase
  ("talks between Israel and Hamas", "perundingan antara ...") names the two sides of the act, and stays.
- **echoed act** (:func:`echoed_act`): the coordinated actors are the act's subjects, no partner is named, and an
  ``additive_adverbs`` word stands between them and the act ("Australia, Mexico and India are also negotiating",
  "Jepang dan Korea Selatan juga sedang bernegosiasi"): the act repeats one the text said of another actor, with
  a partner said there; they are not negotiating with each other.

The two sides a ``mutual_preps`` phrase names are the act's parties, and no one else is (:func:`between_pair`):
"Turkey hosted talks between Russia and Ukraine" (parsed with "Turkey" as a compound of "talks"), "Mesir menggelar
perundingan antara Israel dan Hamas" (the subject of a light verb): the host is no party, the talks are Russia's and
Ukraine's, as Indonesian "Turki menjadi tuan rumah perundingan antara Rusia dan Ukraina" already read.

Nor is an actor outside the act's own subject its doer, when the parse gives the act a subject kg reads as no actor:

- **subject elsewhere** (:func:`subject_elsewhere`): "Speaking after German forces crossed the border, Chamberlain
  blamed Germany and Austria", "..., he condemned Germany and Austria", "Berbicara setelah pasukan Jerman menyeberangi
  batas, Chamberlain menyalahkan Jerman dan Austria" gave DEU->AUT: the window rules took the last actor before the
  verb, in a clause of its own, and the parse's subject (a person kg does not know, a pronoun with nothing before
  it) stood between, after a comma or a verb ("Ukrainian drones had attacked", parsed with "drones" alone as
  the subject, keeps its doer). A relative pronoun ("Russia, which attacked ...", "yang") stands for the actor
  before it. (A doer that is one of the coordinated actors its act is done to is not enough by itself: "Putin
  acknowledged that Russia and Ukraine remained far apart" is Russia's statement about Ukraine.)
"""

from __future__ import annotations

from kg.extract.sentence import _Arg
from kg.extract.syntax.data import SUBJECTS

ECHO_GAP = 6  # at most this many words between the last subject and its act for an additive word to count


def unpaired(rules, trig, subj, partner) -> bool:
    """Whether the actors of ``subj`` and ``partner`` (window arguments of the symmetric trigger ``trig``, either may
    be None) are no pair of the act, by :func:`unnamed_subject` or :func:`echoed_act`."""
    if unnamed_subject(rules, subj, partner):
        return True
    return partner is None and subj is not None and echoed_act(rules, trig.start, subj.spans)


def unnamed_subject(rules, subj, partner) -> bool:
    """Whether coordinated partners ``partner`` of an act whose subject ``subj`` is no actor are only its partners,
    not each other's ("He met Putin and Xi", "held talks with Russia and Ukraine"; module doc)."""
    if subj is not None or partner is None or len(partner.spans) < 2:
        return False
    how = partner.how
    return not (how.startswith("prep:") and how.removeprefix("prep:") in rules.s.mutual_preps)


def between_pair(rules, source, target, rule: str):
    """The two sides of a symmetric event noun whose parse targets (``rule``: the parse's path) are a ``mutual_preps``
    pair ("talks between Russia and Ukraine") and whose parse source is a third actor, the host (module doc):
    ``(source, target)`` with the first side as the source, or None when the parse's reading stands."""
    if source is None or target is None or len(target.spans) < 2:
        return None
    if not any(f"({p})" in rule for p in rules.s.mutual_preps):
        return None
    return _Arg(target.spans[:1], "first-named"), _Arg(target.spans[1:], "participants")


def echoed_act(rules, start: int, spans) -> bool:
    """Whether coordinated subjects ``spans`` of a symmetric act at token ``start`` with no partner named (by the
    window rules or the parse) are marked by an additive word as doing what another actor did ("are also
    negotiating", "juga berunding"; module doc)."""
    ends = [sp.end for sp in spans if sp.end <= start]
    if len(spans) < 2 or not ends:
        return False
    end = max(ends)
    if start - end > ECHO_GAP:
        return False
    return any(rules.lows[k] in rules.s.additive_adverbs for k in range(end, start))


def subject_elsewhere(rules, trig, source) -> bool:
    """Whether the window's subject ``source`` of ``trig`` (how ``subject``: the last free actor before it) lies
    before the subject the parse gives the trigger's verb, a phrase that holds no actor (module doc)."""
    if source is None or source.how != "subject" or rules.syntax is None:
        return False
    sub, off = rules.syntax
    i = trig.start - off
    if not 0 <= i < len(sub):
        return False
    for c in sub[i].children:
        if c.dep_ not in SUBJECTS or c.lower_ in rules.s.relative_pronouns:
            continue
        lo, hi = c.left_edge.i + off, c.right_edge.i + off + 1
        if any(a.start < hi and lo < a.end for a in rules.actors):
            return False  # "German forces crossed ...": the subject phrase names its actor
        end = max(sp.end for sp in source.spans)
        return end <= lo and any(sub[k - off].is_punct or sub[k - off].pos_ in ("VERB", "AUX") for k in range(max(end, off), lo))
    return False


def listed_before(window, parsed):
    """The parse's doers with the actors listed before them that the window rules read as one subject with them:
    "Mali, Burkina Faso dan Niger keluar dari ECOWAS", where the parser made "Mali" an adverb. Else ``parsed``."""
    if window is None or parsed is None or window.how != "subject" or len(window.spans) <= len(parsed.spans):
        return parsed
    w = [(sp.start, sp.end) for sp in window.spans]
    p = [(sp.start, sp.end) for sp in parsed.spans]
    if w[len(w) - len(p):] != p:
        return parsed
    doc = window.spans[0].doc
    joint = doc[w[len(w) - len(p) - 1][1] : p[0][0]]  # between the last actor added and the parse's first
    before = doc[w[0][0] - 1] if w[0][0] > window.spans[0].sent.start else None
    # a comma only: a list's head the parser lost; not "attacked Ukraine and Moldova accused ...", a clause's object;
    # and the list opens its clause: not "Usai bertemu Presiden Prancis, Kanselir Jerman mengkritik ...", a verb's object
    opens = before is None or before.is_punct
    return _Arg(list(window.spans), parsed.how) if [t.text for t in joint] == [","] and opens else parsed

