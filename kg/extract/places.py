"""Where and how many: the place of an event, a place that stands for its state as a target, and the quantities stated with it"""

from __future__ import annotations

from spacy.tokens import Span

from kg.extract.sentence import WINDOW_AFTER, _Arg, _places_by_name
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

    def own_place_object(self, fr, cands, source: _Arg | None, target: _Arg | None) -> _Arg | None:
        """The verb's object, when the parse's target is only places of the doer's own state and the object was set
        aside for it (an oblique of role "object": the trigger's target adposition goes before the object): "Korea
        Selatan memprotes klaim Jepang atas Dokdo", parsed with "atas Dokdo" on the verb, protests Japan's claim; Dokdo,
        a place of South Korea's, is what the claim is about, no party. Else None."""
        if source is None or target is None or not all(sp.label_ == "place" for sp in target.spans):
            return None
        moved = [a for a in fr.obliques if a.role == "object"]
        own = {self._country_of(sp) for sp in source.spans}
        places = [self.lex.places.get(sp.kb_id_.removeprefix("place:")) for sp in target.spans]
        if not moved or not all(p is not None and p.country in own for p in places):
            return None
        spans = [cands[a.index] for a in moved]
        return _Arg(spans, "syn:" + "+".join(dict.fromkeys(a.rule for a in moved)))

    def place_target(self, trig: Span, source: _Arg, stop: int, *, via: frozenset[str] | None = None) -> _Arg | None:
        """For violence with no actor target: a place after the trigger in another state stands for it
        ("menyerang rumah sakit di Kota Gaza", "raided the Jenin camp")."""
        hi = min(stop, trig.end + WINDOW_AFTER, self.sent.end)
        # the source's own country is no target ("Houthis attacked a tanker off Yemen"), unless a target
        # preposition names the place ("serangan separatis terhadap desa di Georgia")
        src = {self._country_of(sp) for sp in source.spans}
        own = {self._side(sp) for sp in source.spans}
        inside = self.s.inside_preps
        located = [a for a in self.actors if (kg_get(a) or {}).get("locative") and self._kind(a) == "state"]
        for place in sorted(self.places + located, key=lambda x: x.start):
            if trig.end <= place.start < hi:
                if via is not None and via.isdisjoint(self.lows[trig.end : place.start]):
                    continue  # an event noun reaches a place only through a target preposition
                if place.label_ == "place":
                    country = self.lex.places.get(place.kb_id_.removeprefix("place:")) or None
                    code = country.country if country else None
                else:  # "terhadap desa di Georgia", "struck targets in Lebanon": the state it is in
                    code = self._country_of(place)
                # an armed group's home state is its target only for acts in it: "attacked a hotel in
                # Mogadishu" (Somalia), not "attacked a ship off Yemen"
                home_ok = via is not None or (place.start > 0 and self.lows[place.start - 1] in inside)
                if code and code not in (own if home_ok else src) and self.lex.state(code) is not None:
                    return _Arg([place], "place")
        return None

    def located_place(self, target: _Arg) -> tuple[_Arg, object]:
        """"kunjungan ke Amman, Yordania", "a visit to Hanoi, Vietnam": a place followed by the state it lies
        in is where the act happens, not a second target. Returns the target without it, and the place."""
        spans = list(target.spans)
        for a, b in zip(spans, spans[1:]):
            if not (type(a) is Span and type(b) is Span) or self.lows[a.end : b.start] != [","]:
                continue
            if self._kind(b) != "state" or self._country_of(b) is None:
                continue
            place = self._place_named(a)
            if place is not None and place.country == self._country_of(b):
                return _Arg([sp for sp in spans if sp is not a], target.how), place
        return target, None

    def with_located_state(self, target: _Arg) -> _Arg:
        """A parse gives "a visit to Hanoi, Vietnam" as Hanoi alone (the state is its apposition): the state
        written right after a target's place (", Vietnam") joins the target, so :meth:`located_place` reads
        the pair as the window rules give it."""
        spans = list(target.spans)
        for a in list(spans):
            if type(a) is not Span:
                continue
            b = next((x for x in self.actors if x.start == a.end + 1), None)
            if b is not None and b not in spans and self.lows[a.end : b.start] == [","]:
                place = self._place_named(a)
                state = self.lex.actors.get(b.kb_id_)
                if place is None or place.country != self._country_of(b) or state is None or state.kind.value != "state":
                    continue  # "Since Russia's invasion of Ukraine, Poland has ...", "Lebanon Selatan, Hizbullah membalas"
                spans.insert(spans.index(a) + 1, b)
        return _Arg(spans, target.how) if len(spans) != len(target.spans) else target

    def _place_named(self, span: Span):
        """The gazetteer place a span names (a place span, or a capital used for its government)."""
        if span.label_ == "place":
            return self.lex.places.get(span.kb_id_.removeprefix("place:"))
        return _places_by_name(self.lex).get(span.text.lower())

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

