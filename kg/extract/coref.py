"""Coreference across sentences (conservative): a group noun for the pair named before, and a sentence's
pronoun subject for the previous sentence's subject (a part of :class:`kg.extract.rules.SentenceRules`).

- **pair** (``coref:pair``, event rule ``...+pair``): "Kenya and Tanzania signed a deal. Both sides agreed to
  ...", "Turkey's foreign minister visited Iraq. The two countries signed ...", "Kedua negara ...". A group
  noun (``group_nouns`` in lang.json: "both sides", "the two leaders", "kedua pihak", "dua negara itu")
  that is the subject of a symmetric or joint event (meet, agree, sign, talk, call, negotiate) stands for
  the two actors last named as a pair: two actors joined by a coordinator, or the source and target of an
  event, in the sentence before the group noun or in one of the :data:`PAIR_SENTENCES` sentences before
  it. When the nearest sentence that names a pair names more than one, or a list of three actors or more,
  which two are meant cannot be told, and nothing is resolved.
- **previous subject** (``coref:prev-subject``, event rule ``...+prev-subject``): "Japan's foreign minister
  arrived in Seoul on Monday. He signed ...". A pronoun at the start of a sentence (``pronouns``: a
  ``person`` one, "he", "ia", "beliau", for an office-holder or a person; a ``group`` or ``state`` one, "it",
  "they", "mereka", for a state, a ministry or an organisation) stands for the actor that opens the
  previous sentence as its subject. Anything else (a writer, a tourist, no actor there) resolves nothing
  here, and the older rules (:meth:`ArgumentRules._person_ref`, ``_group_ref``) have their say.
- **description** (``coref:description``, ``...+description``): "Japan sent aid to Turkey. The country also condemned
  ...", "Negara itu ...", "The ministry ...", "Kelompok itu ...", "Pihaknya ...": a definite description of a kind
  (``description_nouns``: state, government, ministry, armed group; ``side_pronouns``) opening a sentence is the
  previous sentence's subject when of its kind, else the one actor of its kind named there
  (:mod:`kg.extract.coref_description`).
- **pronoun and actor** (``coref:pronoun-and``, ``...+pronoun-and``): "Kishida flew to Manila, where he and Marcos
  signed ...": a person pronoun joined to a subject's actors is one of them (the previous subject, the own
  sentence's subject, the speaker before a verb of saying, else the last person named).
- **pair as object** (``coref:pair``, ``...+pair``): "Egypt urged both sides to return to talks", "PBB meminta kedua
  negara menahan diri", "The EU criticised both sides": a group noun right after an appeal, demand or criticism
  (CAMEO roots :data:`ADDRESSED_ROOTS`) by a third party is the pair named before (as for a subject), one event to
  each; nothing when the speaker is one of the pair ("Thailand urged both sides ..."). The act asked of them
  ("to return to talks") is no act of theirs: the group noun is then nobody's subject (:meth:`asked_group`).
- **trio** (``coref:pair``, ``...+pair``): a group noun for three (``trio_nouns``: "the three countries", "ketiga
  negara itu") stands for the one list of exactly three actors named in the nearest sentence that names any group,
  as the subject of a joint act or the object of a third party's appeal; the subject of any other act, nobody.
- **counterpart** (``coref:host-counterpart``, ``...+host-counterpart``): "... arrived in Vientiane. He signed an accord with
  his counterpart", "Ia dan mitranya ...": a counterpart noun (``counterpart_nouns``) naming no actor is the host
  of the last visit (042) its subject made.
- **object anaphor** (``coref:object``, ``...+object``): "Turkey criticised Sweden and urged it to ...", "... dan
  mendesaknya", "accused the group of ...": the object of a verb sharing an earlier verb's subject is the one other
  party of its kind named before in the sentence (:mod:`kg.extract.coref_object`).
- **organisation** (``coref:org``, ``...+org``): "Guinea has been a member of ECOWAS ... Guinea quit the bloc", "keluar
  dari organisasi itu": a referring organisation noun (``organisation_nouns`` with a ``claim_determiners`` word) right
  after a trigger (or its preposition) is the one organisation named earlier in its sentence or in the
  :data:`CLAIM_SENTENCES` before it, in its paragraph; nobody when several are named there. As a subject ("The bloc
  imposed sanctions on Niger", "Blok itu menjatuhkan sanksi"), the same organisation.
- **accuser** (``coref:accuser``, ``...+accuser``): "Azerbaijan accused Armenia of ... Yerevan rejected the
  accusation", "Minsk denies this", "Tuduhan itu dibantah Kementerian Luar Negeri India": a rejection (CAMEO 12) or
  a denial (016, :data:`REJECTION_CODES`) whose object (or passive subject) is a claim noun that refers back
  (``claim_nouns`` with a ``claim_determiners`` word: "the allegations", "kritik tersebut", "hal itu"; or a
  demonstrative alone: "this") is aimed at the maker of the accusation or criticism (CAMEO 11,
  :data:`~kg.extract.sentence._Memory.CLAIM_ROOTS`) made at the rejecter (of the demand or appeal, 10 or 02, for
  ``demand_nouns``: "Moscow rejected the demand", "menolak tuntutan itu"): the nearest one earlier in its sentence,
  in the :data:`CLAIM_SENTENCES` before it or further back in its paragraph. Nothing when that accusation has more
  than one maker, or the rejecter among them.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span

from kg.extract.coref_description import DescriptionRules
from kg.extract.coref_object import ObjectAnaphorRules
from kg.extract.sentence import _Arg, _before_office, _group_nouns, _group_size, _Ref, filed_end
from kg.model import TimeValue
from kg.nlp.context import doc_context, kg_get, span_list
from kg.nlp.sentences import doc_text

PAIR_SENTENCES = 3  # how many sentences back a group noun's pair may be named

ADDRESSED_ROOTS = ("02", "10", "11", "051")  # appeals, demands, criticism, praise: their object is who is addressed

GROUP_OBJECT_GAP = 2  # at most this many words (prepositions, determiners) between such a verb and its group noun

PRONOUN_LEAD = 4  # at most this many words before a sentence's pronoun subject ("On Tuesday, he ...")

CLAIM_SENTENCES = 2  # a rejected accusation may be made this many sentences back, across paragraphs
CLAIM_PARAGRAPH = 4  # ... or up to this many back within the rejection's paragraph

CLAIM_GAP = 3  # at most this many filler words between a rejection verb and its claim noun phrase

REJECTION_CODES = ("12", "016")  # a rejection, or a denial ("denied the claim", "membantah tuduhan itu": 016, as
# PETRARCH2 codes 'deny * accusation' and the shared dev gold 'Damascus denies this')


class CorefRules(DescriptionRules, ObjectAnaphorRules):
    """Group nouns for a pair, pronoun subjects for the previous sentence's subject."""

    def _spans_of_sentence(self, sent: Span, upto: int | None = None) -> list[Span]:
        """The actor and place spans of ``sent`` (of any sentence of the document), those ending by ``upto``."""
        starts = doc_context(self.doc).span_starts["kg_actors"]
        items = span_list(self.doc, "kg_actors")
        end = sent.end if upto is None else min(upto, sent.end)
        lo, hi = bisect_left(starts, filed_end(self.doc, sent)), bisect_left(starts, end)  # not its date line's place
        return [x for x in items[lo:hi] if x.end <= end]

    def _who(self, span) -> str | None:
        """The state or non-state actor a span stands for (a place: its country's state)."""
        if span.label_ == "place":
            place = self.lex.places.get(span.kb_id_.removeprefix("place:"))
            state = self.lex.state(place.country if place else None)
            return state.id if state else None
        return self._side(span)

    def _joined(self, a: Span, b: Span) -> bool:
        between = self.lows[a.end : b.start]
        s = self.s
        return 0 < len(between) <= 3 and all(w in s.coordinators or w in s.determiners or w in s.pair_words or w == "&" for w in between)

    def _lists(self, spans: list[Span]) -> list[list[Span]]:
        """The coordinated lists among ``spans`` ("Kenya and Tanzania", "Russia, China and Iran"): runs of
        spans joined by coordinators, with at least one coordinating word (not only commas)."""
        out, run = [], spans[:1]
        for a, b in zip(spans, spans[1:]):
            if self._joined(a, b):
                run.append(b)
                continue
            out.append(run)
            run = [b]
        if run:
            out.append(run)
        words = {w for w in self.s.coordinators if w.isalpha()}
        return [r for r in out if len(r) > 1 and any(w in words for a, b in zip(r, r[1:]) for w in self.lows[a.end : b.start])]

    def _pair_in(self, s_index: int, upto: int | None, size: int = 2) -> tuple[bool, list[Span] | None]:
        """(whether sentence ``s_index`` names any pair or a list of three or more, the one pair it names; with
        ``size`` 3, the one list of exactly three it names and nothing else)."""
        sent = self.memory.sents[s_index]
        spans = self._spans_of_sentence(sent, upto)
        pairs: dict[frozenset, list[Span]] = {}
        crowd = False
        runs = []
        for run in self._lists(spans):
            firsts: dict[str, Span] = {}
            for sp in run:
                who = self._who(sp)
                if who is not None:
                    firsts.setdefault(who, sp)
            runs.append(list(firsts.values()))
            if len(firsts) >= 3:
                crowd = True
            elif len(firsts) == 2:
                pairs[frozenset(firsts)] = list(firsts.values())
        for src, tgt, _code in self.memory.event_sides.get(s_index, ()):
            if upto is not None and any(sp.end > upto for sp in src + tgt):
                continue
            s_ids = {self._who(sp) for sp in src} - {None}
            t_ids = {self._who(sp) for sp in tgt} - {None}
            if len(s_ids) == 1 and len(t_ids) == 1 and s_ids != t_ids:
                pairs.setdefault(frozenset(s_ids | t_ids), [src[0], tgt[0]])
            elif len(s_ids | t_ids) >= 3:
                crowd = True
        if size == 3:  # "Mali, Burkina Faso and Niger ...": a trio, only when that list is all the sentence names
            named = [r for r in runs if len(r) >= 2]
            trio = named[0] if len(named) == 1 and len(named[0]) == 3 else None
            if trio is not None and any(not k <= {self._who(sp) for sp in trio} for k in pairs):
                trio = None  # another pair named beside it
            return bool(named or pairs), trio
        if crowd or len(pairs) > 1:
            return True, None
        return bool(pairs), next(iter(pairs.values()), None)

    def _sentences_back(self, n: int) -> list[int]:
        """The indices of the sentence under the rules and of the ``n`` sentences of the text before it, nearest
        first: the line breaks the splitter makes "sentences" of ("...\n\nBoth sides signed") are none of them."""
        sents, k = self.memory.sents, self.memory.s_index
        out = [k]
        for j in range(k - 1, -1, -1):
            if len(out) > n:
                break
            if sents[j].text.strip():
                out.append(j)
        return out

    def _pair_ref(self, tok, size: int = 2) -> _Arg | None:
        """The pair a group noun at ``tok`` stands for (module doc), as two references; None when no pair, or
        more than one, is named in the nearest sentence that names any."""
        memory = self.memory
        if memory.sents is None:
            return None
        k = memory.s_index
        for j in self._sentences_back(PAIR_SENTENCES):
            named, pair = self._pair_in(j, tok.i if j == k else None, size)
            if named:
                if pair is None:
                    return None
                return _Arg([self._ref_to(sp, tok.i, "coref:pair") for sp in pair], "coref")
        return None

    def _group_at(self, i: int) -> int | None:
        """The end of a group noun ("both sides", "kedua pihak", "dua negara itu") that starts at token ``i``."""
        groups = _group_nouns(self.lang)
        for n in (3, 2):
            if i + n <= self.sent.end and " ".join(self.lows[i : i + n]) in groups:
                return i + n
        return None

    def _addressing_trigger(self, i: int) -> Span | None:
        """The appeal, demand or criticism verb (not an event noun) whose object a group noun at ``i`` is: a trigger
        of :data:`ADDRESSED_ROOTS` ending at most :data:`GROUP_OBJECT_GAP` words before it, with only
        prepositions and determiners between ("urged both sides", "called on the two countries")."""
        for t in self.triggers:
            if t.end <= i and i - t.end <= GROUP_OBJECT_GAP and t.start not in self.nominal:
                if kg_get(t)["trigger"].code.startswith(ADDRESSED_ROOTS):
                    between = self.lows[t.end : i]
                    if all(w in self.preps or w in self.s.determiners for w in between):
                        return t
        return None

    def asked_group(self, i: int) -> bool:
        """Whether a group noun at ``i`` is the object of an appeal or demand: "urged both sides to return to
        talks": the talks are asked for, not held, so the group noun is no subject of them."""
        return self._addressing_trigger(i) is not None

    def group_object(self, trig: Span, source: _Arg | None, target: _Arg | None) -> _Arg | None:
        """The target of ``trig`` (an appeal, demand, criticism or praise) when a group noun right after it is its
        object: the pair or trio it stands for (module doc), when the speaker ``source`` is not one of them, else
        no one (not a name further on: "praised the three governments for their support of Ukraine"). Else
        ``target``, as found."""
        if source is None or trig.start in self.nominal or not kg_get(trig)["trigger"].code.startswith(ADDRESSED_ROOTS):
            return target
        if target is not None and any(sp.start < trig.end for sp in target.spans):
            return target
        for i in range(trig.end, min(trig.end + GROUP_OBJECT_GAP + 1, self.sent.end)):
            end = self._group_at(i)
            if end is not None:
                break
        else:
            return target
        if self._addressing_trigger(i) is not trig or (target is not None and any(sp.start < end for sp in target.spans)):
            return target
        pair = self._pair_ref(self.doc[i], _group_size(self.lang, " ".join(self.lows[i:end])))
        if pair is None:
            return None
        speaker = {self._who(sp) for sp in source.spans}
        if speaker & {self._who(sp) for sp in pair.spans}:
            return None  # "Thailand urged both sides ...": itself among them, or not: unknown
        return _Arg(pair.spans, "group-object")

    def _ref_to(self, span, i: int, rule: str) -> _Ref:
        kg = {**(kg_get(span) or {}), "rule": rule, "conf": 0.6, "locative": False, "antecedent": span.start}
        return _Ref(self.doc, i, span.kb_id_, kg, label="place" if span.label_ == "place" else "coref")

    def _sentence_subject(self, sent: Span) -> Span | None:
        """The actor that opens ``sent`` as its subject ("Japan's foreign minister arrived ...", "The
        Hungarian prime minister visited ..."): the first actor span, with only determiners or titles before
        it, not followed by a possessive or by another actor it is coordinated with."""
        spans = self._spans_of_sentence(sent)
        if not spans or spans[0].label_ == "place":
            return None
        first = spans[0]
        s = self.s
        if any(not (w in s.determiners or w in s.titles) for w in self.lows[sent.start : first.start]):
            return None
        nxt = self.lows[first.end] if first.end < sent.end else ""
        if nxt in s.possessives or nxt.startswith("'") or nxt in s.coordinators:
            return None
        return first

    def _prev_subject_ref(self, tok, kind: str) -> _Arg | None:
        """The previous sentence's subject for a pronoun ``tok`` of ``kind`` opening this sentence (module doc)."""
        memory = self.memory
        if memory.sents is None or memory.s_index == 0:
            return None
        lead = range(self.sent.start, tok.i)
        if len(lead) > PRONOUN_LEAD or any(a.start < tok.i for a in self.actors + self.places):
            return None
        if any(self.lows[i] in self.s.clause_breaks or self.lows[i] in self.s.speech_verbs for i in lead):
            return None
        back = self._sentences_back(1)  # "...\n\nHe signed": the sentence before the line break
        if len(back) < 2:
            return None
        subj = self._sentence_subject(memory.sents[back[1]])
        if subj is None:
            return None
        if self._person_like(subj) != (kind == "person"):
            return None
        return _Arg([self._ref_to(subj, tok.i, "coref:prev-subject")], "coref")

    def _pronoun_conjunct(self, first: Span) -> _Ref | None:
        """"he and Australian Prime Minister Anthony Albanese signed ...", "ia dan Perdana Menteri Australia ...":
        a person pronoun joined to the actors of a subject group that starts at ``first`` (a possessive and
        determiners may stand between: "he and his French counterpart"; so may an office or a title the name's span
        leaves out: "He and President Ferdinand Marcos Jr.", "Ia dan Presiden ..."), resolved like a pronoun subject
        (the previous sentence's subject when it opens the sentence, else the last person named), when that is
        another actor (``coref:pronoun-and``)."""
        i = _before_office(self.lows, self.sent.start, first.start, self.lang) - 1
        owners = self.s.possessive_pronouns if isinstance(self.s.possessive_pronouns, dict) else {}
        while i > self.sent.start and (self.lows[i] in self.s.determiners or self.lows[i] in self.s.possessives or self.lows[i] in owners):
            i -= 1
        words = {w for w in self.s.coordinators if w.isalpha()}
        if i - 1 < self.sent.start or self.lows[i] not in words or self.s.pronouns.get(self.lows[i - 1]) != "person":
            return None
        tok = self.doc[i - 1]
        found = self._prev_subject_ref(tok, "person") or self._own_subject_ref(tok) or self._speaker_ref(tok) or self._person_ref(tok)
        if found is None or self._side(found.spans[0]) == self._side(first):
            return None
        ref = found.spans[0]
        return self._ref_to(ref, tok.i, "coref:pronoun-and")

    def _person_like(self, span) -> bool:
        kg = kg_get(span) or {}
        return self._kind(span) == "person" or span.label_ in ("apposition", "discovered") or bool(kg.get("role"))

    def _own_subject_ref(self, tok) -> _Arg | None:
        """"Chile's president flew to Lima, where he and ...": the office-holder or person opening the pronoun's
        own sentence as its subject."""
        subj = self._sentence_subject(self.sent)
        if subj is None or subj.end > tok.i or not self._person_like(subj):
            return None
        return _Arg([subj], "own-subject")

    def _speaker_ref(self, tok) -> _Arg | None:
        """"Britain's foreign secretary said on Friday that he ...": the office-holder or person who says it,
        named right before a verb of saying a few words before the pronoun ``tok``."""
        for i in range(tok.i - 1, max(self.sent.start, tok.i - 6) - 1, -1):
            if self.lows[i] in self.s.speech_verbs:
                before = [a for a in self.actors if a.end <= i and i - a.end <= 2]
                if not before:
                    return None
                return _Arg([before[-1]], "speaker") if self._person_like(before[-1]) else None
            if any(a.start <= i < a.end for a in self.actors):
                return None
        return None

    def coref_date(self, when: TimeValue | None, source: _Arg | None) -> TimeValue | None:
        """The date of an event done by a pair or a previous subject (``coref:pair``, ``coref:prev-subject``):
        its own sentence's (``when``, when stated there), else the one date stated in the sentence its antecedents
        were named in ("Kenya and Tanzania met in Arusha on Monday. Both sides signed ...": Monday), when that
        sentence is in the same paragraph (no line break between); else ``when`` (the article date, inferred). Not
        for an act done to them by another ("Egypt urged both sides ...": Egypt's appeal may come days later)."""
        if when is not None and not when.inferred:
            return when
        refs = [sp for sp in (source.spans if source else ()) if isinstance(sp, _Ref)]  # the doers: not "X urged both sides"
        starts = {sp._.kg.get("antecedent") for sp in refs if sp._.kg["rule"] in ("coref:pair", "coref:prev-subject", "coref:description")}
        sents = self.memory.sents
        if not starts or None in starts or sents is None:
            return when
        found = {k for k in range(self.memory.s_index) if any(sents[k].start <= i < sents[k].end for i in starts)}
        if len(found) != 1:
            return when
        sent = sents[found.pop()]
        if "\n" in doc_text(self.doc)[sent.end_char : self.sent.start_char]:
            return when  # another paragraph
        times = span_list(self.doc, "kg_time")
        lo = bisect_left(doc_context(self.doc).span_starts["kg_time"], sent.start)
        values = set()
        for t in times[lo:]:
            if t.start >= sent.end:
                break
            m = kg_get(t)["time"]
            if m.value is not None and m.kind not in ("dateline", "connective"):
                values.add(m.value)
        if len(values) != 1:
            return when  # none stated there, or more than one: which is the antecedent's is not known
        value = values.pop()
        return TimeValue(value.value, value.precision, value.text)

    VISIT_CODES = ("042",)  # a visit or a trip: its target is the host

    def counterpart_target(self, trig: Span, source: _Arg, stop: int) -> _Arg | None:
        """"Japan's foreign minister arrived in Seoul. He met his counterpart", "... tiba di Seoul. Ia bertemu
        mitranya": a counterpart noun (``counterpart_nouns``) with no actor of its own, near the trigger (after
        it, or in its subject: "he and his counterpart signed"), is the host of the last visit its source made,
        in this sentence or up to :data:`PAIR_SENTENCES` before (``coref:host-counterpart``)."""
        words = self.s.counterpart_nouns
        hi = min(stop, trig.end + 8, self.sent.end)
        spots = [i for i in range(max(self.sent.start, trig.start - 4), hi) if self.lows[i] in words and not trig.start <= i < trig.end]
        if len(spots) != 1:
            return None
        i = spots[0]
        near = range(min(i, trig.start) - 3, max(i, trig.end) + 4)
        if any(a.start in near or a.end - 1 in near for a in self.actors + self.places):
            return None  # "his South Korean counterpart", "his counterpart, Wang Yi": named, the other rules read it
        sides = {self._who(sp) for sp in source.spans} - {None}
        memory = self.memory
        if not sides or memory.sents is None:
            return None
        for j in self._sentences_back(PAIR_SENTENCES):
            for src, tgt, code in reversed(memory.event_sides.get(j, [])):
                if code.startswith(self.VISIT_CODES) and {self._who(sp) for sp in src} == sides and len(tgt) == 1:
                    return _Arg([self._ref_to(tgt[0], i, "coref:host-counterpart")], "host-counterpart")
        return None

    # -- "rejected the accusation": the accuser ---------------------------------------------------------------
    def _claim_noun_at(self, i: int, forward: bool, nouns: frozenset | None = None) -> int | None:
        """The claim noun of a referring noun phrase that starts (``forward``) or ends at ``i``: "the (latest)
        accusation", "these allegations", "this" alone before a punctuation mark or a coordinator ("Minsk denies
        this."), "tuduhan (terbaru) itu", "hal tersebut"; or of ``nouns`` ("the bloc", "organisasi itu")."""
        s, lows, sent = self.s, self.lows, self.sent
        nouns, dets = nouns if nouns is not None else s.claim_nouns | s.demand_nouns, s.claim_determiners

        def adjective(j: int) -> bool:
            tok = self.doc[j]
            return tok.is_alpha and tok.is_lower and lows[j] not in nouns and lows[j] not in dets and lows[j] not in self.preps

        if s.head_final:
            if forward:
                if not sent.start <= i < sent.end or lows[i] not in dets:
                    return None
                after = lows[i + 1] if i + 1 < sent.end else "."
                if lows[i] in nouns and ((self.doc[i + 1].is_punct if i + 1 < sent.end else True) or after in s.coordinators):
                    return i  # "denies this."
                for j in range(i + 1, min(i + 4, sent.end)):
                    if lows[j] in nouns:
                        return j
                    if not adjective(j):
                        return None
                return None
            if not sent.start <= i < sent.end or lows[i] not in nouns:
                return None
            for j in range(i - 1, max(sent.start, i - 3) - 1, -1):
                if lows[j] in dets:
                    return i
                if not adjective(j):
                    return None
            return None
        if forward:
            if not sent.start <= i < sent.end or lows[i] not in nouns:
                return None
            for j in range(i + 1, min(i + 3, sent.end)):
                if lows[j] in dets:
                    return i
                if not adjective(j):
                    return None
            return None
        if not sent.start <= i < sent.end or lows[i] not in dets:
            return None
        for j in range(i - 1, max(sent.start, i - 2) - 1, -1):
            if lows[j] in nouns:
                return j
            if not adjective(j):
                return None
        return None

    def _claim_anaphor(self, trig: Span, passive: bool) -> int | None:
        """The claim noun that a rejection ``trig`` rejects: its object ("rejected the accusation", "menolak tuduhan
        itu"), or before a passive one ("The accusation was rejected by", "Tuduhan itu dibantah"), with at most
        :data:`CLAIM_GAP` filler words (``claim_fillers``) between."""
        fillers = self.s.claim_fillers | self.s.passive_auxiliaries
        step = -1 if passive else 1
        i = trig.start - 1 if passive else trig.end
        for _ in range(CLAIM_GAP + 1):
            if not self.sent.start <= i < self.sent.end:
                return None
            found = self._claim_noun_at(i, forward=not passive)
            if found is not None:
                return found
            if self.lows[i] not in fillers:
                return None
            i += step
        return None

    def _paragraph_break(self, a: int, b: int) -> bool:
        """Whether a line break stands between the document's sentences ``a`` and ``b`` (``a`` < ``b``)."""
        sents = self.memory.sents
        return "\n" in doc_text(self.doc)[sents[a].end_char : sents[b].start_char]

    def accuser_target(self, trig: Span, source: _Arg | None, passive: bool) -> _Arg | None:
        """The maker of the accusation a rejection ``trig`` by ``source`` answers (module doc: **accuser**), as a
        reference at the claim noun; None when the rejection has no referring claim noun as its object, or no one
        accuser is found."""
        if source is None or self.memory.sents is None or not kg_get(trig)["trigger"].code.startswith(REJECTION_CODES):
            return None
        i = self._claim_anaphor(trig, passive)
        if i is None:
            return None
        roots = self.memory.DEMAND_ROOTS if self.lows[i] in self.s.demand_nouns else self.memory.CLAIM_ROOTS
        me = {self._who(sp) for sp in source.spans} - {None}
        if not me:
            return None
        k = self.memory.s_index
        for back, j in enumerate(self._sentences_back(CLAIM_PARAGRAPH)):  # sentences of the text back from the rejection's
            if back > CLAIM_SENTENCES and self._paragraph_break(j, k):
                return None
            claims = [c for c in self.memory.claims.get(j, ()) if (j < k or c[0] < trig.start) and c[3] in roots]
            aimed = [src for _start, src, tgt, _root in claims if me & {self._who(sp) for sp in tgt}]
            if not aimed:
                continue
            makers = {self._who(sp) for src in aimed for sp in src} - {None}
            if len(makers) != 1 or makers & me:
                return None  # several accusers, or the rejecter among them: which one is answered is not known
            maker = next(sp for src in aimed for sp in src if self._who(sp) in makers)
            return _Arg([self._ref_to(maker, i, "coref:accuser")], "accuser")
        return None

    # -- "quit the bloc": the organisation named before -----------------------------------------------------------
    def org_target(self, trig: Span, source: _Arg | None) -> _Arg | None:
        """The organisation a referring organisation noun (``organisation_nouns`` with a ``claim_determiners`` word)
        right after ``trig`` stands for ("quit the bloc", "withdrawal from the alliance", "keluar dari organisasi
        itu"): the one organisation (igo) named earlier in the sentence or in the :data:`CLAIM_SENTENCES` before it in
        its paragraph, not the source's own; None when none or several are named there."""
        nouns = self.s.organisation_nouns
        if source is None or self.memory.sents is None or not nouns:
            return None
        i = trig.end + (1 if trig.end < self.sent.end and self.lows[trig.end] in self.preps else 0)
        found = self._claim_noun_at(i, forward=True, nouns=nouns)
        if found is None:
            return None
        return self._org_named_before(found, trig.start, {self._who(sp) for sp in source.spans})

    def org_subject(self, i: int) -> _Arg | None:
        """The organisation a referring organisation noun phrase ending at ``i`` ("the bloc", "blok itu"), as a
        subject, stands for: the one organisation named before (as :meth:`org_target`)."""
        nouns = self.s.organisation_nouns
        if self.memory.sents is None or not nouns:
            return None
        found = self._claim_noun_at(i, forward=False, nouns=nouns)
        if found is None:
            return None
        start = min(found, i)
        return self._org_named_before(found, start, set())

    def _org_named_before(self, at: int, upto: int, me: set) -> _Arg | None:
        """A reference at ``at`` to the one igo named in this sentence before ``upto`` or in the
        :data:`CLAIM_SENTENCES` before it in its paragraph (not one of ``me``); None when none or several are."""
        k = self.memory.s_index
        for j in self._sentences_back(CLAIM_SENTENCES):
            if j < k and self._paragraph_break(j, k):
                return None
            spans = self._spans_of_sentence(self.memory.sents[j], upto if j == k else None)
            orgs = {self._who(sp): sp for sp in reversed(spans) if self._kind(sp) == "igo" and self._who(sp) not in me}
            if len(orgs) > 1:
                return None  # which one is meant is not known
            if orgs:
                return _Arg([self._ref_to(next(iter(orgs.values())), at, "coref:org")], "org")
        return None
