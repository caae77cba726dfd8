"""Definite descriptions for the actor named in the sentence before (conservative; a part of
:class:`kg.extract.coref.CorefRules`).

- **description** (``coref:description``, event rule ``...+description``): "Japan sent aid to Turkey. The country also
  condemned Russia", "Negara itu juga mengecam Rusia", "The ministry also demanded ...", "Kelompok itu ...". A definite
  noun phrase that opens its sentence as the subject of an act, whose head is a ``description_nouns`` word of
  lang.json (with a ``description_determiners`` word before it, "the (Gulf) nation"; or after it, "negara (Teluk)
  itu", "pemerintah negara itu"; not "negara ini", the writer's own country), stands for the actor opening the previous sentence as its subject
  (as a pronoun does, :meth:`~kg.extract.coref.CorefRules._prev_subject_ref`) when that actor is of the noun's kind:

  - ``state``, ``government`` ("the country", "the kingdom", "the government", "kerajaan itu"): a state named as such,
    or its government (a capital for its government, a ministry: no office-holder, no army, no people);
  - ``ministry`` ("the ministry", "kementerian tersebut"): an actor whose own words hold a ministry noun;
  - ``armed`` ("the group", "the militants", "milisi itu"): an armed group.

  When the subject before is of no state at all (the UN, an official of an IGO, no actor) a ``state`` or ``government``
  noun is the one state that sentence names ("The UN criticised Israel. The country accused ..."); when it is a state
  or an IGO, an ``armed`` noun is the one armed group it names ("Israel struck Hezbollah. The group fired ..."). Never
  across a paragraph break, never when the sentence before names its subject as one of a pair ("Japan and Korea
  ..."), never a possessive ("the country's allies"), an indefinite or plural noun, or a description inside a clause.
- **side** (``side_pronouns``: "pihaknya", his or its side): opening a sentence, the previous sentence's subject
  whatever its kind (a state, a ministry, an organisation; an office-holder's side is the office-holder's state).
"""

from __future__ import annotations

from kg.extract.sentence import _Arg, _Ref
from kg.nlp.context import kg_get

DESCRIPTION_MODIFIERS = 2  # at most this many words between a description's article and head ("the Gulf nation")
STATE_KINDS = ("state", "government")
STATE_SECTORS = (None, "GOV")  # a state named as such, a capital for its government, a ministry


class DescriptionRules:
    """Definite descriptions ("the country", "negara itu", "pihaknya") for the previous sentence's subject."""

    def description_subject(self, i: int, trig) -> _Arg | None:
        """The actor a definite description ending at token ``i`` stands for, when it opens its sentence as the
        subject of ``trig`` (module doc); None when there is none there, or no one actor of its kind is found."""
        nouns = self.s.description_nouns
        if not nouns or self.memory.sents is None or self.memory.s_index == 0 or not self.sent.start <= i < self.sent.end:
            return None
        if self.lows[i] in self.s.side_pronouns:
            start, kind = i, "side"
        else:
            found = self._description_at(i)
            if found is None:
                return None
            start, kind = found
        if not self._opens_sentence(start) or self._in_span(start, i + 1) or not self._before_verb(i + 1, trig.start):
            return None  # "Volunteers who reached the country", "the State Department", "the country's allies"
        back = self._sentences_back(1)
        if len(back) < 2 or self._paragraph_break(back[1], back[0]):
            return None
        return self._described(self.memory.sents[back[1]], kind, start)

    def _description_at(self, i: int) -> tuple[int, str] | None:
        """(the first token, the kind) of a definite description ending at ``i``: "the (Gulf) country" (head-final
        languages), "negara (Teluk) itu", "pemerintah negara itu" (head-initial: the head is the first word)."""
        s, lows, nouns = self.s, self.lows, self.s.description_nouns
        if s.head_final:
            if lows[i] not in nouns:
                return None
            for j in range(i - 1, max(self.sent.start, i - DESCRIPTION_MODIFIERS - 1) - 1, -1):
                if lows[j] in s.description_determiners:
                    return j, nouns[lows[i]]
                if not self._modifier(j):
                    return None
            return None
        if lows[i] not in s.description_determiners:
            return None
        for j in range(max(self.sent.start, i - DESCRIPTION_MODIFIERS - 1), i):
            if lows[j] in nouns and all(self._modifier(k) for k in range(j + 1, i)):
                return j, nouns[lows[j]]
        return None

    def _modifier(self, j: int) -> bool:
        """Whether token ``j`` may modify a description's head ("Gulf", "oil-rich", "Teluk", "negara" in "pemerintah
        negara itu"): a word, not a determiner, preposition, pronoun or other head noun's determiner."""
        tok, low = self.doc[j], self.lows[j]
        s = self.s
        return (tok.is_alpha or "-" in tok.text) and low not in s.determiners and low not in self.preps and low not in s.claim_determiners and low not in s.pronouns and low not in s.relative_pronouns

    def _opens_sentence(self, start: int) -> bool:
        """Whether only connectives, sentence adverbs, time words and punctuation stand before ``start`` in its
        sentence ("Meanwhile, the country ...", "On Monday, the ministry ...", "Namun, negara itu ...")."""
        lead = range(self.opens, start)
        if len(lead) > 4:
            return False
        times = {k for t in self.times for k in range(t.start, t.end)}
        s = self.s
        return all(self.doc[k].is_punct or k in times or self.lows[k] in s.sentence_adverbs or self.lows[k] in s.coordinators or self.lows[k] in self.preps for k in lead)

    def _before_verb(self, lo: int, hi: int) -> bool:
        """Whether only auxiliaries, adverbs and time words stand between a description's end ``lo`` and its verb at
        ``hi`` ("the country has also condemned", "negara itu pada Senin juga mengecam"): not a possessive, a
        coordinator, a noun it modifies ("the state broadcaster") or a clause."""
        s = self.s
        times = {k for t in self.times for k in range(t.start, t.end)}
        words = s.sentence_adverbs | s.claim_fillers | s.future | s.passive_auxiliaries | s.hypothetical
        return all(k in times or self.lows[k] in words or (self.doc[k].is_alpha and self.lows[k].endswith(s.adverb_suffixes)) for k in range(lo, hi))

    def _in_span(self, start: int, end: int) -> bool:
        """Whether an actor or place span overlaps tokens ``start`` to ``end`` ("the State Department" is a name)."""
        return any(a.start < end and start < a.end for a in self.actors + self.places)

    # -- the antecedent ------------------------------------------------------------------------------------------
    def _described(self, sent, kind: str, at: int) -> _Arg | None:
        """The actor of ``kind`` the previous sentence ``sent`` offers: its subject, else (module doc) the one actor of
        that kind it names."""
        subj = self._sentence_subject(sent)
        if subj is not None and self._fits(subj, kind):
            return _Arg([self._description_ref(subj, kind, at)], "coref")
        if kind in ("side", "ministry") or not self._fallback_allowed(sent, subj, kind):
            return None
        spans = [sp for sp in self._spans_of_sentence(sent) if (subj is None or sp.start != subj.start)]
        if kind in STATE_KINDS:
            states = {}
            for sp in spans:
                state = self._state_of(sp)
                if state is not None:
                    states.setdefault(state, sp)
            if len(states) != 1:
                return None
            state, sp = next(iter(states.items()))
            return _Arg([self._state_ref(state, sp, kind, at)], "coref")
        groups = {sp.kb_id_: sp for sp in spans if sp.label_ != "place" and self._fits(sp, kind)}
        if len(groups) != 1 or any(sp.label_ != "place" and self._kind(sp) == "armed_group" and sp.kb_id_ not in groups for sp in spans):
            return None
        return _Arg([self._description_ref(next(iter(groups.values())), kind, at)], "coref")

    def _fallback_allowed(self, sent, subj, kind: str) -> bool:
        """Whether a description may stand for another actor than the previous sentence's subject ``subj``: when that
        sentence has no subject of its own kind at all (not "Japan and Korea ...": a pair), or one that is never
        described so ("The UN ... The country", "Israel ... The group"), not an office-holder or organ of a state
        ("Japan's foreign minister visited Turkey. The country ...": which one is not known)."""
        if subj is None:
            first = self._spans_of_sentence(sent)[:1]
            return not first or first[0].label_ == "place" or not self._lists(self._spans_of_sentence(sent))
        if kind in STATE_KINDS:
            return self._state_of(subj) is None
        return not self._person_like(subj) and self._kind(subj) in ("state", "igo")

    def _fits(self, span, kind: str) -> bool:
        """Whether ``span`` (the previous subject) may be described by a noun of ``kind``."""
        if span.label_ == "place":
            return False
        kg = kg_get(span) or {}
        actor_kind = self._kind(span)
        if kind == "side":
            return actor_kind != "person" or self._side(span) is not None
        if self._person_like(span):
            return False
        if kind in STATE_KINDS:
            return actor_kind == "state" and kg.get("sector") in STATE_SECTORS
        if kind == "ministry":
            nouns = self.s.description_nouns
            return any(nouns.get(w) == "ministry" for w in self.lows[span.start : span.end])
        return actor_kind == "armed_group"

    def _state_of(self, span) -> str | None:
        """The state ``span`` belongs to (a place: its country's; an IGO, a transnational group: None)."""
        if span.label_ == "place":
            return self._who(span)
        actor = self.lex.actors.get(span.kb_id_)
        if actor is None:
            return None
        if actor.kind.value == "state":
            return actor.id
        state = self.lex.state(actor.country) if actor.country else None
        return state.id if state else None

    def _description_ref(self, span, kind: str, at: int) -> _Ref:
        """A reference at ``at`` to ``span``: a state noun names the state, not an office ("pihaknya" after a minister:
        the minister's state and sector)."""
        ref = self._ref_to(span, at, "coref:description")
        kg = ref._.kg
        if kind in STATE_KINDS or (kind == "side" and self._kind(span) == "state"):
            kg["role"] = None
            if kind in STATE_KINDS:
                kg["sector"] = "GOV" if kind == "government" else None
        return ref

    def _state_ref(self, state: str, span, kind: str, at: int) -> _Ref:
        """A reference at ``at`` to the state ``state`` that ``span`` (a place, a state, one of its people) names."""
        kg = {**(kg_get(span) or {}), "rule": "coref:description", "conf": 0.6, "locative": False, "antecedent": span.start,
              "role": None, "sector": "GOV" if kind == "government" else None}
        return _Ref(self.doc, at, state, kg)
