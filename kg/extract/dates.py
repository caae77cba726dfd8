"""When: the time expression a trigger governs, linked and anchored dates, tense"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span

from kg.extract.sentence import TIME_AFTER, sentences_of
from kg.extract.syntax.quoted import in_opening_quote
from kg.model import Precision, TimeValue
from kg.nlp.context import doc_context, kg_get, span_list
from kg.nlp.timex import TimeTagger


class DateRules:
    """When: the time expression a trigger governs, linked and anchored dates, tense (a part of :class:`kg.extract.rules.SentenceRules`)."""

    def time_for(self, trig: Span, ref: date | None) -> TimeValue | None:
        """When ``trig`` happened: the time expression it governs (after it, within its clause), else
        the last one before it, else the reference date (marked inferred). A bare weekday said of a
        future act is the next such day ("will visit Manila on Monday"). Around a connective ("a day
        after", "sehari setelah"), the event after it is dated from the one before it, and back."""
        conn = next((t for t in self.times if kg_get(t)["time"].kind == "connective"), None)
        comma = self._fronted_comma(conn) if conn is not None else None
        if comma is not None and trig.start >= conn.end:
            # "Sehari setelah referendum, parlemen Krimea meminta ...": the main clause is dated from what
            # the fronted connective names; the words between it and the comma are that earlier event
            own = self._time_after(trig, self.sent.end if trig.start > comma else comma)
            if own is not None:
                return own
            offset = kg_get(conn)["time"].offset
            anchor = self._linked_date(conn.end, comma, ref)
            if trig.start > comma:
                if anchor is not None:
                    return self._shifted(anchor, offset)
                return TimeValue(ref.isoformat(), Precision.DAY, "", inferred=True) if ref is not None else None
            if anchor is not None:
                return anchor
            if ref is not None:  # nothing dates either: the main clause is the news of the day
                return self._shifted(TimeValue(ref.isoformat(), Precision.DAY, ""), -offset)
            return None
        if conn is not None and trig.start >= conn.end:
            # "The visit came a day after Erdogan spoke by phone ...": the call was a day before the visit
            own = self._time_after(trig, self.sent.end)
            if own is not None:
                return own
            anchor = self._anchor_date(conn, ref)
            if anchor is not None:
                return self._shifted(anchor, -kg_get(conn)["time"].offset)
        x_part = conn is not None and trig.end <= conn.start
        found = self._time_after(trig, conn.start if x_part else self.sent.end)
        if found is not None:
            return found
        year = self._year_of_noun(trig)
        if year is not None:
            return year
        if trig.start in self.nominal and self.syntax is not None:
            told = [t for t in self.times if t.start >= trig.end and self._stated(t) and self._relative_clause(t, trig) is True]
            if told:
                return self._value(told[0], trig, ref)
        if x_part:
            # "Iran retaliated a day after Israel struck on Monday": Tuesday
            later = [t for t in self.times if t.start >= conn.end and self._stated(t)]
            if later and later[0].start < self._next_trigger_start(trig) + TIME_AFTER:
                value = kg_get(later[0])["time"].value
                if value.precision is Precision.DAY:
                    return self._shifted(value, kg_get(conn)["time"].offset)
        before = [t for t in self.times if t.end <= trig.start and self._stated(t) and (conn is None or t.end <= conn.start or trig.start < conn.start)]
        if before and self.syntax is not None:
            from kg.extract.syntax.when import dates_other_event

            own = [t for t in before if not dates_other_event(self, t, trig)]  # the date of a fronted event noun
            before = own if own or ref is not None else before
        if before:
            return self._value(before[-1], trig, ref)
        far = self._time_far(trig)
        if far is not None:
            return self._value(far, trig, ref)
        stated = [t for t in self.times if self._stated(t)]
        if self.triggers and trig.start == self.triggers[0].start and stated:
            # the sentence's first (main) verb takes the date that closes the sentence after a subordinate
            # verb: "Zelensky meminta Jerman mengirimkan rudal ... pada Jumat (16/2/2024)." (not one
            # inside a later phrase: "threatened strikes in response to an attack last month on ...")
            last = stated[-1]
            end = self.sent.end
            while end > last.end and self.doc[end - 1].is_punct:
                end -= 1
            value = kg_get(last)["time"].value
            if (
                last.start >= trig.end
                and last.end == end
                and value.precision is Precision.DAY  # a day, not "... the borders of 1967"
                and not self._clause_break_between(trig.end, last.start)
                and self._relative_clause(last, trig) is not False  # "mengecam serangan yang menewaskan ... pada Selasa"
                and not self._other_clause(last, trig)  # "condemned China, saying its ships had entered ... on Saturday"
            ):
                return self._value(last, trig, ref)
        told = self._attribution_date(trig, ref)
        if told is not None:
            return told
        if in_opening_quote(self, trig):  # '"We condemn ...", tutur Menteri ... pada Kamis': what is quoted before its
            said = self.said_on(trig)  # speaker, undated, is dated by the day of its saying (kg.extract.syntax.quoted)
            if said is not None:
                return said
        dateline = [t for t in self.times if kg_get(t)["time"].kind == "dateline" and t.end <= trig.start]
        if dateline:
            return kg_get(dateline[0])["time"].value  # the paper's date, as stated
        if ref is not None:
            return TimeValue(ref.isoformat(), Precision.DAY, "", inferred=True)
        return None

    def _attribution_date(self, trig: Span, ref: date | None) -> TimeValue | None:
        """The day of the report an undated act is attributed to, when the sentence closes with it: "Israel struck
        targets in Lebanon, according to a statement by the army on Monday", "..., menurut pernyataan militer pada
        Senin (3/6/2024)". The phrase opens with a speaker adposition (syntax.json ``speaker_adps``) right after a
        comma after ``trig``, holds exactly one stated day and no trigger of another act (a statement, root 01, is
        the report itself): news reports an act on the day it is told, which beats the paper's date."""
        from kg.extract.syntax.data import role_data

        adps = role_data(self.lang).speaker_adps
        lows = self.lows
        start = next((i for i in range(trig.end, self.sent.end - 1) if lows[i] == "," and lows[i + 1] in adps), None)
        if start is None:
            return None
        if any(start < t.start < self.sent.end and kg_get(t)["trigger"].code[:2] != "01" for t in self.triggers):
            return None
        inside = [t for t in self.times if t.start > start and self._stated(t)]
        if len(inside) != 1 or kg_get(inside[0])["time"].value.precision is not Precision.DAY:
            return None
        return self._value(inside[0], trig, ref)

    def _year_of_noun(self, trig: Span) -> TimeValue | None:
        """The year written as an event noun's modifier: "Russia's 2014 annexation of Crimea", "the 2008 war"
        (after a determiner or possessive, before the noun and its adjectives); "perang 2008" (right after the noun,
        where heads come first), read by :meth:`TimeTagger.year_of`. Only the noun's own date: no time expression for
        the rest of the sentence (the time tagger reads no bare number as a year: its place here says it is one)."""
        if trig.start not in self.nominal:
            return None
        lows, s = self.lows, self.s
        if s.head_final:
            i = trig.start - 1
            while i > self.sent.start and self.doc[i].is_lower and not self.doc[i].like_num and lows[i] not in s.determiners:
                i -= 1  # "Russia's 2014 full-scale invasion"
            ok = i > self.sent.start and (lows[i - 1] in s.determiners or lows[i - 1] in s.possessives)
        else:
            i = trig.end
            ok = i < self.sent.end
        return TimeTagger.year_of(self.doc[i].text) if ok and i < self.sent.end else None

    def _relative_clause(self, t: Span, trig: Span) -> bool | None:
        """Whether the parse puts time span ``t`` in a relative clause on ``trig``'s own noun (True), on
        another noun (False) or in none (None): :func:`kg.extract.syntax.when.relative_clause_noun`."""
        from kg.extract.syntax.when import relative_clause_noun

        return relative_clause_noun(self, t, trig)

    def _stated(self, t: Span) -> bool:
        """A time expression that dates an event: resolved, not a connective, not the paper's date line."""
        m = kg_get(t)["time"]
        return m.value is not None and m.kind != "dateline"

    def _time_after(self, trig: Span, limit: int) -> TimeValue | None:
        """The time expression ``trig`` governs: after it, before the next trigger, within a few tokens."""
        after = sorted((t for t in self.triggers if t.start >= trig.end), key=lambda t: t.start)
        later = [t.start for t in after]
        if (
            after
            and trig.start not in self.nominal
            and after[0].start in self.nominal
            and after[0].start - trig.end <= 2
            and kg_get(after[0])["trigger"].code[:2] == kg_get(trig)["trigger"].code[:2]
        ):
            # the verb and its event noun are one act: "melancarkan serangan udara ... pada Minggu (4/8)"
            # (not "mengecam serangan Hamas pada Sabtu": the attack has its own date)
            later = later[1:]
        stop = min(later[0] if later else self.sent.end, trig.end + TIME_AFTER, limit)
        for t in self.times:
            if trig.end <= t.start < stop and self._stated(t) and not self._other_clause(t, trig) and not self._possessor_of_event(t):
                return self._value(t, trig, doc_context(self.doc).ref_date)
        return None

    def _possessor_of_event(self, t: Span, trig: Span | None = None) -> bool:
        """Whether time span ``t`` is the possessor of an event noun after it (``trig``, else any trigger), within four
        words and no punctuation between: "denounced Saturday's Hamas attack", "for Monday's strike in Damascus",
        "Wednesday's ISIS bombing" (the day is that event's, not the verb's, however parsed)."""
        k = t.end
        if k >= self.sent.end or self.lows[k] not in self.s.possessives:
            return False
        nouns = self.triggers if trig is None else (trig,)
        return any(k < x.start <= k + 4 and not any(w.is_punct for w in self.doc[k : x.start]) for x in nouns)

    def _other_clause(self, t: Span, trig: Span) -> bool:
        """Whether the parse puts time span ``t`` in a subordinate clause with its own subject that ``trig`` is not
        part of ("... and noted that Washington had been bound by it since 1951"):
        :func:`kg.extract.syntax.when.in_other_clause`."""
        from kg.extract.syntax.when import in_other_clause

        return in_other_clause(self, t, trig)

    def _time_far(self, trig: Span) -> Span | None:
        """A time expression further on in the verb's own clause than :func:`_time_after` looks, with no
        other trigger or clause break between: "blocked two vessels carrying food and fuel to a patrol
        ship anchored at Sabina Shoal on Wednesday"."""
        if trig.start in self.nominal:
            return None
        stop = self._next_trigger_start(trig)
        for t in self.times:
            if trig.end + TIME_AFTER <= t.start < min(stop, trig.end + 2 * TIME_AFTER) and self._stated(t):
                if not self._clause_break_between(trig.end, t.start) and "," not in self.lows[trig.end : t.start] and not self._other_clause(t, trig):
                    return t
                return None
        return None

    def _value(self, t: Span, trig: Span, ref: date | None) -> TimeValue:
        """The value of time span ``t`` as the date of ``trig``: a bare weekday follows the verb's tense."""
        m = kg_get(t)["time"]
        if m.weekday is not None and ref is not None and self._future_tense(trig, t) and not self.dates_saying(t, trig):
            m = m.for_future(ref)
        return m.value

    def said_on(self, trig: Span) -> TimeValue | None:
        """The stated date of the saying that reports ``trig`` (:meth:`dates_saying`), or None: what an intent
        read from an act to come is dated by ("Iran said on Monday it would ...": that Monday, not the paper's day)."""
        for t in self.times:
            if self._stated(t) and self.dates_saying(t, trig):
                return kg_get(t)["time"].value
        return None

    def dates_saying(self, t: Span, trig: Span) -> bool:
        """Whether time span ``t`` dates the verb of saying that reports ``trig``, not ``trig`` itself: "Iran said on
        Monday it would retaliate", "Iran pada Senin mengatakan akan membalas", "'We will ...,' the minister said on
        Monday", "..., kata Menlu pada Senin". A weekday of the saying is the past one, whatever the tense of what is
        said. The verb of saying (syntax.json ``speech_verbs``) stands right before or after ``t``, or the parse
        hangs ``t`` on it; ``trig`` does not stand between the two."""
        from kg.extract.syntax.data import _is, role_data

        speech = role_data(self.lang).speech_verbs
        said = next((k for k in (t.start - 1, t.end) if self.sent.start <= k < self.sent.end and not trig.start <= k < trig.end
                     and _is(self.doc[k], speech, self.lang)), None)  # fmt: skip
        if said is None:
            said = self._parsed_saying(t, trig, speech)
        if said is None:
            return False
        lo, hi = min(said, t.start), max(said, t.end - 1)
        return not lo < trig.start <= hi

    def _parsed_saying(self, t: Span, trig: Span, speech: frozenset) -> int | None:
        """The document position of the verb of saying the parse hangs ``t`` on, that verb governing ``trig``'s clause
        (an ancestor) or set beside it ("parataxis": a quote's "the minister said"), else None."""
        from kg.extract.syntax.data import VERB_POS, _is

        if self.syntax is None:
            return None
        sub, off = self.syntax
        if t.start < off or trig.start < off:
            return None
        own = set(range(trig.start - off, trig.end - off))
        inside = set(range(t.start - off, t.end - off))
        tok = next((sub[i] for i in sorted(inside) if sub[i].head.i not in inside or sub[i].head.i == i), None)
        for _ in range(4):
            if tok is None or tok.i in own or tok.head.i == tok.i:
                return None
            tok = tok.head
            if tok.i in own:
                return None
            if tok.pos_ in VERB_POS:
                break
        if tok is None or tok.pos_ not in VERB_POS or not _is(tok, speech, self.lang):
            return None
        act = sub[trig.start - off]
        if tok in act.ancestors or tok.dep_ == "parataxis" and (tok.head.i == act.i or tok.head in act.ancestors):
            return tok.i + off
        return None

    def _future_tense(self, trig: Span, t: Span) -> bool:
        """Is ``trig`` said in the future tense ("will visit", "akan mengunjungi"), with the time
        expression ``t`` in the same clause?"""
        n = int(self.s.modality_window or 6)
        lo = max(self.sent.start, trig.start - n)
        future = [i for i in range(lo, trig.start) if self.lows[i] in self.s.future]
        if not future:
            return False
        if t.start >= trig.end or t.start > future[-1]:
            return True
        return not self._clause_break_between(t.end, trig.start)

    @staticmethod
    def _shifted(value: TimeValue, days: int) -> TimeValue | None:
        if value.precision is not Precision.DAY:
            return None
        from datetime import timedelta

        when = value.as_date() + timedelta(days=days)
        return TimeValue(when.isoformat(), Precision.DAY, value.text)

    def _fronted_comma(self, conn: Span) -> int | None:
        """The comma that closes a connective phrase opening the sentence ("A day after the vote, ...")."""
        if conn.start - self.sent.start > 3:
            return None
        for i in range(conn.end, min(self.sent.end, conn.end + 20)):
            if self.lows[i] == ",":
                return i
        return None

    def _linked_date(self, lo: int, hi: int, ref: date | None) -> TimeValue | None:
        """The stated date of what tokens ``lo``..``hi`` name ("setelah [referendum]", "after [the
        talks]"): a time among them, the last dated earlier event of a trigger's kind, or the date of
        the last earlier sentence naming the same noun. None when nothing says."""
        for t in self.times:
            if lo <= t.start < hi and self._stated(t):
                return kg_get(t)["time"].value
        for t in self.triggers:
            if lo <= t.start < hi:
                return self._earlier_date(kg_get(t)["trigger"].code[:2], ref)
        words = {self.lows[i] for i in range(lo, hi) if self.doc[i].is_alpha and len(self.lows[i]) > 3}
        words -= self.s.determiners | self.s.skippable | self.s.of_preps
        return self._earlier_noun_date(words) if words else None

    def _earlier_noun_date(self, words: set[str]) -> TimeValue | None:
        """The first stated day date of the last earlier sentence that names one of ``words`` and has one."""
        sents = sentences_of(self.doc)
        times = span_list(self.doc, "kg_time")
        idx = next((k for k, x in enumerate(sents) if x.start == self.sent.start), None)
        if idx is None:
            return None
        for sent in reversed(sents[max(0, idx - 30) : idx]):
            if words.isdisjoint(self.lows[sent.start : sent.end]):
                continue
            for t in times:
                if sent.start <= t.start < sent.end:
                    m = kg_get(t)["time"]
                    if m.value is not None and m.kind != "dateline" and m.value.precision is Precision.DAY:
                        return m.value
        return None

    def _anchor_date(self, conn: Span, ref: date | None) -> TimeValue | None:
        """The date of what a connective links to, before it: a time stated before it in the sentence,
        else the date of the verb before it, else, for an event noun ("The visit came a day after ..."),
        the last stated date of an earlier event of its kind in the document; else the reference date."""
        before = [t for t in self.times if t.end <= conn.start and self._stated(t)]
        if before:
            return kg_get(before[-1])["time"].value
        trigs = [t for t in self.triggers if t.end <= conn.start]
        if trigs:
            head = trigs[-1]
            if head.start in self.nominal or kg_get(head)["trigger"].pos == "noun":
                found = self._earlier_date(kg_get(head)["trigger"].code[:2], ref)
            else:
                found = self._time_after(head, conn.start)
            if found is not None:
                return found
        return TimeValue(ref.isoformat(), Precision.DAY, "", inferred=True) if ref is not None else None

    def _earlier_date(self, root: str, ref: date | None) -> TimeValue | None:
        """The stated date of the last earlier event of CAMEO ``root`` in the document ("the visit")."""
        from bisect import bisect_right

        sents = sentences_of(self.doc)
        starts = [x.start for x in sents]
        looked = 0
        for t in reversed(span_list(self.doc, "kg_triggers")):
            if t.end > self.sent.start or kg_get(t)["trigger"].code[:2] != root:
                continue
            looked += 1
            if looked > 20:
                break
            sent = sents[bisect_right(starts, t.start) - 1]
            value = type(self)(self.doc, sent, self.lang, self.lex).time_for(t, ref)  # the rules, on that sentence
            if value is not None and not value.inferred:
                return value
        return None

