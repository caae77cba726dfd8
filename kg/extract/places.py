"""Where and how many: the place of an event and the quantities stated with it"""

from __future__ import annotations

from spacy.tokens import Span

from kg.extract.sentence import WINDOW_AFTER
from kg.nlp.context import kg_get


class PlaceRules:
    """Where and how many: the place of an event and the quantities stated with it (a part of :class:`kg.extract.rules.SentenceRules`)."""

    def place_for(self, trig: Span):
        stop = self._next_trigger_start(trig)
        for p in self.places:
            if trig.end <= p.start < min(stop, trig.end + WINDOW_AFTER) and (kg_get(p) or {}).get("locative"):
                return self.lex.places.get(p.kb_id_.removeprefix("place:"))
        first = self.places[0] if self.places else None
        if first is not None and first.start <= self.sent.start + 2 and first.end <= trig.start:
            return self.lex.places.get(first.kb_id_.removeprefix("place:"))
        return None

    def quantities(self, trig: Span, stop: int) -> tuple[tuple[str, int], ...]:
        """Numbers stated with the event: "menewaskan tujuh petugas", "ratusan drone", "killed 34 people"."""
        words = self.s.quantity_numbers
        skip = self.s.quantity_skip
        out = []
        hi = min(stop, trig.end + 12, self.sent.end)
        i = trig.end
        lows = self.lows
        while i < hi:
            low = lows[i]
            value = None
            if not low.isalpha() and any(c.isdigit() for c in low) and self.doc[i].like_num:
                try:
                    value = int(low.replace(",", "").replace(".", ""))
                except ValueError:
                    value = None
            elif low in words:
                value = int(words[low])
            if value is not None and i + 1 < self.sent.end:
                j = i + 1
                while j < min(i + 3, self.sent.end) and self.lows[j] in self.s.quantity_links:
                    j += 1
                noun = self.doc[j]
                if noun.is_alpha and noun.lower_ not in skip and not noun.is_title:
                    out.append((noun.lower_, value))
                    i = j
            i += 1
        return tuple(out)

