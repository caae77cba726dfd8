"""How sure: asserted, negated, future or hypothetical, from the words around a trigger"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span

from kg.extract.act_context import answering_rejection
from kg.extract.sentence import _negation_exceptions
from kg.model import Modality, Precision, TimeValue


NEGATION_PREP_REACH = 2  # a 'without'/'tanpa' negates a trigger at most this many words after it ("without first consulting")


class ModalityRules:
    """How sure: asserted, negated, future or hypothetical, from the words around a trigger (a part of :class:`kg.extract.rules.SentenceRules`)."""

    def _window_start(self, trig: Span) -> int:
        n = int(self.s.modality_window or 6) + (3 if trig.start in self.nominal else 0)
        return max(self.sent.start, trig.start - n)

    def scheduled(self, trig: Span) -> bool:
        """The act is said to be on a schedule ("is scheduled to visit", "is due to", "dijadwalkan bertemu"): the
        press reports a plan, which is no intent the actor expressed (kg.extract.intent.SCHEDULED_FACTOR)."""
        return not self.s.schedule_words.isdisjoint(self.lows[self._window_start(trig) : trig.start])

    def modality(self, trig: Span) -> Modality:
        lo = self._window_start(trig)
        in_time = {i for t in self.times for i in range(t.start, t.end)}  # "May 3" is a date, not "may"
        words = {self.lows[i] for i in range(lo, trig.start) if i not in in_time}
        if words & self.s.negation:
            # "Tidak lama kemudian", "not long after": a negation word inside a fixed expression negates nothing;
            # "Without warning, Russia struck ...", "... tanpa izin dan menuding ...": one that governs a noun phrase
            # negates only a trigger right after it ("without attacking", "tanpa menyerang")
            skip = self._in_fixed_expressions(lo, trig.start) | {
                i for i in range(lo, trig.start - NEGATION_PREP_REACH) if self.lows[i] in self.s.negation_preps
            } | answering_rejection(self, trig)
            words = {self.lows[i] for i in range(lo, trig.start) if i not in in_time and i not in skip}
        # a condition after the main clause: "Hamas would free the hostages if Israel agreed ..."
        after = set(self.lows[trig.end : self.sent.end])
        if after & self.s.conditionals and words & (self.s.future | self.s.hypothetical):
            return Modality.HYPOTHETICAL
        if words & self.s.negation and self._wished(lo, trig.start):
            return Modality.HYPOTHETICAL  # "The US hopes Iran will not attack Israel": a negation inside a hoped-for act
        if words & self.s.negation:
            return Modality.NEGATED
        if words & self.s.hypothetical:
            return Modality.HYPOTHETICAL
        if words & self.s.future:
            return Modality.FUTURE
        return Modality.ASSERTED

    def _wished(self, lo: int, hi: int) -> bool:
        """Whether a verb of hoping, wishing or expecting (``wish_words``) stands in ``lo``..``hi`` with no clause break
        (``clause_breaks``) after it: the act after it is hoped for, not denied ("AS berharap Iran tidak akan menyerang
        Israel"), whichever side of the verb a negation is on ("does not want Pakistan to attack")."""
        for i in range(hi - 1, lo - 1, -1):
            if self.lows[i] in self.s.clause_breaks:
                return False
            if self.lows[i] in self.s.wish_words:
                return True
        return False

    def _in_fixed_expressions(self, lo: int, hi: int) -> set[int]:
        """Token positions in ``lo``..``hi`` covered by one of the language's ``negation_exceptions``."""
        out: set[int] = set()
        for expr in _negation_exceptions(self.lang):
            n = len(expr)
            for i in range(max(self.sent.start, lo - n + 1), min(hi, self.sent.end - n + 1)):
                if tuple(self.lows[i : i + n]) == expr:
                    out.update(range(i, i + n))
        return out

    def modality_with_date(self, trig: Span, when: TimeValue | None, ref: date | None) -> Modality:
        """:meth:`modality`, and an event dated after the document is one that has not happened yet."""
        m = self.modality(trig)
        if m is Modality.ASSERTED and when is not None and ref is not None and not when.inferred:
            start = when.as_date()
            if start > ref and (when.precision is Precision.DAY or start.replace(day=1) > ref.replace(day=1)):
                return Modality.FUTURE
        return m


