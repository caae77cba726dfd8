"""The doer written on an event noun itself: its possessor ("Israel's strike", "Israeli strikes", "serangan Israel"),
a possessive pronoun for an earlier person or group ("his visit", "kunjungannya"), or for the one a verb acts on when
the noun gives the verb's reason ("condemned Russia for its attacks", "mengecam Rusia atas serangannya"). A mixin of
:class:`kg.extract.rules.SentenceRules`."""

from __future__ import annotations

from spacy.tokens import Span

from kg.extract.sentence import _Arg
from kg.nlp.context import kg_get


class PossessorRules:
    def nominal_agent(self, trig: Span) -> _Arg | None:
        doc = self.doc
        # English: "Israel's strike", "Israeli strikes"; Indonesian: "serangan Israel"
        if self.s.head_final:
            i = trig.start - 1
            while i >= self.sent.start and self._skippable(doc[i]) and doc[i].lower_ not in self.s.possessives:
                i -= 1
            if i >= self.sent.start and doc[i].lower_ in self.s.possessives:
                i -= 1
            for span in self.actors:
                if span.end == i + 1 and not (kg_get(span) or {}).get("locative"):
                    return _Arg([span], "possessor")
            # "her four days of talks", "his visit": a possessive pronoun stands for an earlier person
            k = trig.start - 1
            while k >= max(self.sent.start, trig.start - 5):
                low = doc[k].lower_
                kind = self.s.possessive_pronouns.get(low) if isinstance(self.s.possessive_pronouns, dict) else None
                if kind == "person":
                    return self._person_ref(doc[k])
                if kind == "group":
                    return self._group_ref(doc[k])
                if kind == "state":
                    return self._reason_possessor(k)
                if not (doc[k].like_num or low in self.s.of_preps or (doc[k].is_alpha and doc[k].is_lower)):
                    break
                k -= 1
        else:
            if trig[-1].lower_.endswith(self.s.possessive_suffixes) and len(trig[-1]) > 5:  # "kunjungannya": his/her visit
                ref = self._person_ref(trig[-1]) or self._reason_possessor(trig.start)
                if ref is not None:
                    return ref
            j = trig.end
            roles = self._role_tokens()
            starts = {span.start: span for span in self.actors}
            while j < self.sent.end and j not in starts and (
                self._skippable(doc[j]) or (j in roles or self.lows[j] in self.s.titles) and j < trig.end + 4
            ):
                j += 1  # "Kunjungan Presiden Jokowi": a role noun before the name
            if j in starts:
                return _Arg([starts[j]], "genitive")
        return None

    def _reason_possessor(self, k: int) -> _Arg | None:
        """The actor right before a reason adposition (``reason_preps``) before possessive ``k`` ("its", "-nya"):
        "condemned Russia for its attacks", "mengecam Rusia atas serangannya" -> Russia, the one condemned."""
        if k - 1 > self.sent.start and self.lows[k - 1] in self.s.reason_preps:
            for span in self.actors:
                if span.end == k - 1 and not (kg_get(span) or {}).get("locative"):
                    return _Arg([span], "reason-possessor")
        return None
