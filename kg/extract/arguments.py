"""Who did it and to whom: subjects, objects, prepositional targets, agents of passives and nominal events"""

from __future__ import annotations

from spacy.tokens import Span

from kg.extract.sentence import (
    WINDOW_AFTER,
    WINDOW_BEFORE,
    _Arg,
    _group_last_words,
    _group_nouns,
    _group_size,
    _Ref,
    _sector_index,
)
from kg.extract.apposed import GROUP_WORDS, apposed_members, group_heads
from kg.extract.coref import REJECTION_CODES
from kg.extract.syntax.data import role_data
from kg.nlp.context import doc_context, kg_get, span_list


# Checks the extractor makes on an event's arguments once they are found (kg.extract.extractor)

OFFICIAL_SECTORS = frozenset({"GOV", "DIP", "LEG", "JUD"})  # who speaks for a state when it protests
# statements, appeals, inquiries, demands, criticism: their target may be where (or by whom) their topic happens
TOPIC_ROOTS = ("01", "02", "09", "10", "11")
TOPIC_WORDS = 4  # content words of such a topic ("the worsening humanitarian situation")
ASKED_ROOTS = ("02", "10", "12")  # appeals, demands, rejections: what is asked for, demanded, rejected *from* someone


def _source_adps(lang: str) -> frozenset:
    """The adpositions of a source ("from", "dari": syntax.json), by which a demand names the one it is made of."""
    from kg.extract.syntax.data import role_data

    try:
        return role_data(lang).adps("source")
    except LookupError:
        return frozenset()


def _state_protest(rules, spans, sources, trig) -> bool:
    """A protest made by a state or its officials, not by its people: every source is a government, a diplomat or
    an office-holder, or a state's bare name right before the verb ("Japan protested", "Turki protes terhadap",
    with at most short function words between: "Japan has also protested"; not "South Korean activists
    protested", "Aktivis Korea Selatan memprotes", where the name only modifies the protesters)."""
    if not sources:
        return False
    if all(p.sector in OFFICIAL_SECTORS or (p.role and p.sector != "CVL") for p in sources):
        return True
    if any(p.sector for p in sources) or any(isinstance(sp, _Ref) for sp in spans):
        return False
    first, last = min(sp.start for sp in spans), max(sp.end for sp in spans)
    if first > rules.sent.start and not _short_or_punct(rules.doc[first - 1]):
        return False  # "Aktivis Korea Selatan memprotes ...": the name after a noun modifies it
    gap = rules.doc[last : trig.start] if last <= trig.start else None
    return gap is not None and all(_short_or_punct(t) and not t.is_punct for t in gap)


def _short_or_punct(tok) -> bool:
    return tok.is_punct or (tok.is_lower and len(tok) <= 4)


def _sure_doer(source, fr, cands, nominal: bool, rules, trig) -> bool:
    """Whether the window rules' ``source`` of a trigger that found no target can be remembered as the doer
    of an attack (:meth:`_Memory.remember_attack`). When the parse names the doer it must be this one; else
    (not parsed, or the parse names none) nothing may stand between them that makes it another act's doer: a
    verb of saying ("Safadi said the strike, which killed six aid workers, ...": Safadi killed no one) or
    another verb's trigger; and an event noun's doer must be its own (its possessor, adjective, agent phrase),
    not the subject of the sentence ("Jordan condemns strike on aid convoy": Jordan did not strike)."""
    if all(isinstance(sp, _Ref) for sp in source.spans):
        return True  # a pronoun's antecedent ("It fired a missile"): the parse names no actor either way
    said = {id(cands[a.index]) for a in fr.sources} if fr is not None else set()
    if said:  # the parse names the doer: it must be this one
        return all(id(sp) in said for sp in source.spans if not isinstance(sp, _Ref))
    if nominal and source.how in ("subject", "nominal-subject", "clause-subject"):
        return False
    end = max(sp.end for sp in source.spans)
    if end > trig.start:
        return True  # an agent after the trigger ("fired by North Korea")
    return not rules.verb_between(source, trig) and not any(rules.lows[i] in rules.s.speech_verbs for i in range(end, trig.start))


class ArgumentRules:
    """Who did it and to whom: subjects, objects, prepositional targets, agents of passives and nominal events (a part of :class:`kg.extract.rules.SentenceRules`)."""

    def subject(self, trig: Span) -> _Arg | None:
        if self.parsed:
            found = self._parsed_subject(trig)
            if found is not None:
                return found
        lo = max(self.sent.start, trig.start - WINDOW_BEFORE)
        cands = [a for a in self.actors if a.end <= trig.start and a.start >= lo]
        coref = self._coref_before(trig, lo)
        for span in reversed(cands):
            if not self._is_free(span):
                continue
            if coref is not None and coref.spans[0].start > span.end:
                break  # a pronoun stands between the actor and the trigger: "Putin said he would ..."
            end = span.end + 1 if self._closes_apposed_list(span) else span.end  # "Tiga negara, Mali, ..., Niger, menyatakan keluar"
            if self._clause_break_between(end, trig.start) and end < trig.start - 1:
                # reported speech: "X said Y attacked Z": the speaker is not the actor, unless X speaks
                # of itself: "Qatar said it was ready to host ...", "Iran said it would respond"
                if span.end + 1 < trig.start and self.lows[span.end] in self.s.speech_verbs and self.lows[span.end + 1] in self.s.self_pronouns:
                    if not self._clause_break_between(span.end + 1, trig.start):
                        return _Arg(self._group_left(span), "speaker-itself")
                return None
            group = self._group_left(span)
            partner = self._pronoun_conjunct(group[0])  # "he and Albanese signed ...": the pronoun's actor too
            if partner is not None:
                group.insert(0, partner)
            if len(group) >= 2:
                self.memory.last_group = group
            return _Arg(group, "subject")
        if coref is None:
            # "Serangan drone AS menewaskan ...": the agent of a nominal subject acts through it
            for span in reversed(cands):
                if span.start in self.attached and not (kg_get(span) or {}).get("locative"):
                    if not any(span.end <= t.start < trig.start and t.start not in self.nominal for t in self.triggers):
                        return _Arg([span], "nominal-subject")
                    break
        return coref

    def _closes_apposed_list(self, span: Span) -> bool:
        """Whether ``span`` ends a list set off by commas after a group noun that opens the sentence ("Tiga negara yang
        dipimpin junta militer, Mali, Burkina Faso dan Niger, menyatakan ..."; :mod:`kg.extract.apposed`): its closing
        comma ends the subject, it opens no clause of its own."""
        if span.end >= self.sent.end or self.lows[span.end] != ",":
            return False
        if self._actor_at is None:  # once per sentence: token -> actor, and the actors' bounds
            self._actor_at = ({i: k for k, a in enumerate(self.actors) for i in range(a.start, a.end)}, [(a.start, a.end) for a in self.actors])
        at, bounds = self._actor_at
        found = apposed_members(self.doc, at, bounds, span.end, self.lang)
        if found is None:
            return False
        phrase = range(self.opens, found[1])
        heads = group_heads(self.lang)
        return 0 < len(phrase) <= GROUP_WORDS and any(self.lows[i] in heads for i in phrase) and not any(
            i in at or self.doc[i].is_punct or self.lows[i] in self.s.clause_breaks for i in phrase
        )

    def _parsed_subject(self, trig: Span) -> _Arg | None:
        """With a trained parser: the actor holding the trigger verb's subject (nsubj/nsubjpass)."""
        for child in trig[0].children:
            if child.dep_ in ("nsubj", "nsubjpass", "nsubj:pass"):
                for span in self.actors:
                    if span.start <= child.i < span.end:
                        group = self._group_left(span)
                        return _Arg(group, "parse:subject")
        return None

    # -- coreference (conservative) ---------------------------------------------------------------------
    def _coref_before(self, trig: Span, lo: int) -> _Arg | None:
        """A subject pronoun or group noun shortly before the trigger, resolved to an earlier actor."""
        pronouns = self.s.pronouns
        groups = _group_nouns(self.lang)
        lasts = _group_last_words(self.lang)
        lows = self.lows
        i = trig.start - 1
        while i >= max(lo, trig.start - 6):
            low = lows[i]
            if low in lasts:
                two = f"{lows[i - 1]} {low}" if i > 0 else low
                three = f"{lows[i - 2]} {two}" if i > 1 else two
                if three in groups or two in groups:
                    if self.asked_group(i - (2 if three in groups else 1)):
                        return None  # "urged both sides to return to talks": asked of them, not done by them
                    size = _group_size(self.lang, three if three in groups else two)
                    if kg_get(trig)["trigger"].symmetric:  # "both sides agreed": the pair named before, or no one
                        return self._pair_ref(self.doc[i], size)
                    # "the three countries announced ...": the one list of three named before (each does the act)
                    return self._group_ref(self.doc[i]) if size == 2 else self._pair_ref(self.doc[i], size)
            org = self.org_subject(i) or self.description_subject(i, trig)  # "The bloc ...", "The country also ...", "Negara itu ..."
            if org is not None:
                return org
            kind = pronouns.get(low)
            if kind is not None:
                ref = self._prev_subject_ref(self.doc[i], kind)  # "... arrived in Seoul. He signed ..."
                if ref is not None:
                    return ref
            if kind == "person":
                return self._person_ref(self.doc[i])
            if kind == "group":
                return self._group_ref(self.doc[i])
            if low in self.s.clause_breaks or low == ";":
                if low in self.s.speech_verbs and all(w in self.s.future for w in lows[i + 1 : trig.start]):
                    i -= 1  # "Ketiga negara itu menyatakan keluar dari ...": a reported act with no subject is the speaker's
                    continue
                return None
            i -= 1
        return None

    def _person_ref(self, tok) -> _Arg | None:
        best = None
        for span in span_list(self.doc, "kg_actors"):
            if span.end > tok.i:
                break
            if span.label_ in ("apposition", "discovered") or self._kind(span) == "person":
                best = span
        if best is None or tok.i - best.end > 80:
            return None
        ref = _Ref(self.doc, tok.i, best.kb_id_, {**(kg_get(best) or {}), "rule": "coref:pronoun", "conf": 0.6, "locative": False})
        return _Arg([ref], "coref")

    def _group_ref(self, tok) -> _Arg | None:
        group = self.memory.last_group
        if not group:
            return None
        out = []
        for span in group:
            out.append(_Ref(self.doc, tok.i, span.kb_id_, {**(kg_get(span) or {}), "rule": "coref:group", "conf": 0.6, "locative": False}))
        return _Arg(out, "coref")

    def _kind(self, span: Span) -> str | None:
        actor = self.lex.actors.get(span.kb_id_)
        return actor.kind.value if actor else None

    def anaphoric_event_target(self, trig: Span) -> _Arg | None:
        """"X condemned the attack": the perpetrator of the last violent event is the target."""
        nouns = self.s.event_anaphors
        j = trig.end
        steps = 0
        while j < self.sent.end and steps < 4:
            tok = self.doc[j]
            if tok.lower_ in nouns or (j + 1 < self.sent.end and f"{tok.lower_} {self.lows[j + 1]}" in nouns):
                sources = self.memory.last_conflict_sources
                if not sources:
                    return None
                refs = []
                for span in sources:
                    refs.append(_Ref(self.doc, j, span.kb_id_, {**(kg_get(span) or {}), "rule": "coref:event", "conf": 0.55, "locative": False}))
                return _Arg(refs, "event-anaphor")
            if not (self._skippable(tok) or tok.is_lower and tok.is_alpha):
                return None
            j += 1
            steps += 1
        return None

    def complement_target(self, trig: Span, preps: frozenset[str]) -> _Arg | None:
        """"X threatened to attack Y", "menuntut Israel menghentikan ...": the target of the verb that
        completes this one (next verbal trigger within 3 tokens, linked by modal/complementiser words);
        or of the event noun it governs: "demanded the withdrawal of US troops", "refused to return to
        talks with Washington", "threatened to launch a ground operation against the PKK"."""
        nxt = [t for t in self.triggers if trig.end <= t.start <= trig.end + 5]
        if not nxt:
            return None
        t2 = nxt[0]
        if not all(self.doc[i].is_lower for i in range(trig.end, t2.start)):
            return None
        t2_trig = kg_get(t2)["trigger"]
        # what an appeal or a demand asks for is an act of leaving: its source phrase is the place left, not the
        # one asked ("demanded a withdrawal of troops from Ukraine", "called for a pullout from Mali")
        left = _source_adps(self.lang) if kg_get(trig)["trigger"].code[:2] in ASKED_ROOTS[:2] and self._leaving(t2) else frozenset()
        if t2.start not in self.nominal and t2_trig.pos != "noun":
            if t2.start > trig.end + 3:
                return None
            t2_preps = t2_trig.target_preps if t2_trig.target_preps is not None else self.s.target_preps_verb
            return self.after(t2, (t2_preps | preps) - left, direct=True, stop=self._next_trigger_start(t2, verbal_only=True))
        t2_preps = t2_trig.target_preps if t2_trig.target_preps is not None else self.s.target_preps_noun
        agent = self.nominal_agent(t2)
        if agent is not None and agent.spans and agent.spans[0].start > t2.start:
            return agent  # "the withdrawal of US troops", "penarikan pasukan AS"
        return self.after(t2, (t2_preps | self.s.of_preps | self.s.partner_preps) - left, direct=False, stop=self._next_trigger_start(t2))

    def _leaving(self, t2: Span) -> bool:
        """Whether trigger ``t2`` is an act of leaving whose source phrase is the place or body left: a leaving noun
        (:func:`~kg.extract.syntax.data.leaving_nouns`: "withdrawal", "penarikan", "evacuation") or a trigger of
        yielding or reducing relations (08, 16) whose target a source adposition marks ("withdraw from")."""
        from kg.extract.syntax.data import LEAVING_ROOTS, leaving_nouns

        t = kg_get(t2)["trigger"]
        if t.code.startswith(LEAVING_ROOTS) and _source_adps(self.lang) & (t.target_preps or frozenset()):
            return True
        nouns = leaving_nouns(self.lang)
        return any(self.lows[k] in nouns for k in range(t2.start, t2.end))

    def clause_subject(self, trig: Span) -> _Arg | None:
        """The actor right before ``trig`` (with at most a copula between), even after a speech verb."""
        cands = [a for a in self.actors if a.end <= trig.start and trig.start - a.end <= 3]
        if not cands:
            return None
        span = cands[-1]
        if any(self.lows[i] in self.s.speech_verbs for i in range(span.end, trig.start)):
            return None
        return _Arg(self._group_left(span), "clause-subject")

    def speaker_of(self, clause: _Arg) -> _Arg | None:
        """Who said the clause that starts at ``clause``: the actor before a speech verb just before it
        ("The U.S. says [the Syrian government ...]"), or after it at the end ("..., Iran said")."""
        first = min(sp.start for sp in clause.spans)
        taken = {sp.start for sp in clause.spans}
        for i in range(first - 1, max(self.sent.start, first - 8) - 1, -1):  # "said on Friday that the new US ..."
            if self.doc[i].is_punct and self.lows[i] != ",":
                break
            if self.lows[i] in self.s.speech_verbs:
                before = [a for a in self.actors if a.end <= i and i - a.end <= 2 and a.start not in taken]
                return _Arg([before[-1]], "speaker") if before else None
        # "..., Iran said." / "..., kata Iran.": a speech verb after a comma, next to its speaker
        last = max(sp.end for sp in clause.spans)
        for i in range(last, self.sent.end):
            if self.lows[i] == "," and i + 1 < self.sent.end:
                near = [a for a in self.actors if a.start > i and a.start - i <= 2 and a.start not in taken]
                verb = any(self.lows[k] in self.s.speech_verbs for k in range(i + 1, min(self.sent.end, i + 6)))
                if near and verb:
                    return _Arg([near[0]], "speaker")
        return None

    def complement_object(self, trig: Span) -> _Arg | None:
        """The actor asked or told to do what ``trig`` says: "China urged Russia to withdraw",
        "Indonesia called on Israel to stop", "PBB mendesak Israel untuk menghentikan ..."."""
        heads = [t for t in self.triggers if t.end < trig.start and kg_get(t)["trigger"].code[:2] in ("02", "10")]
        if not heads:
            return None
        head = heads[-1]
        objs = [a for a in self.actors if head.end <= a.start and a.end <= trig.start]
        if not objs or trig.start - head.end > 8:
            return None
        group = self._group_right(objs[0], trig.start)
        links = [self.lows[i] for i in range(group[-1].end, trig.start)]
        if not links or not all(w in self.s.complementisers for w in links):
            return None
        between = [self.lows[i] for i in range(head.end, group[0].start)]
        if not all(w in self.s.complementisers or w in self.s.determiners or w in self.preps for w in between):
            return None
        return _Arg(group, "asked")

    def hostage_patient(self, trig: Span, passive: bool) -> bool:
        """Are hostages what the detaining verb acts on ("menahan dua sandera", "hostages held by ...")?"""
        nouns = self.s.hostage_nouns
        if not nouns:
            return False
        hi = min(self.sent.end, trig.end + 6)
        if any(self.lows[i] in nouns for i in range(trig.end, hi)):
            return True  # "detained two hostages", "ditahan Hamas sebagai sandera", "menahan dua tentara Kenya sebagai sandera"
        lo = max(self.sent.start, trig.start - 4)
        return (passive or trig.start in self.nominal) and any(self.lows[i] in nouns for i in range(lo, trig.start))

    def is_held_hostage(self, trig: Span, passive: bool) -> bool:
        """Hostages described as held ("sandera yang masih ditahan Hamas", "the hostages still detained
        by Hamas"): a state of affairs, not an act of that day."""
        nouns = self.s.hostage_nouns
        if kg_get(trig)["trigger"].code[:2] != "17" or not nouns:
            return False
        lo = max(self.sent.start, trig.start - 4)
        found = [i for i in range(lo, trig.start) if self.lows[i] in nouns]
        if not found:
            return False
        between = self.lows[found[-1] + 1 : trig.start]
        # right after the noun (a reduced relative clause), or after a relative pronoun / "still", "masih"
        return all(w in self.s.stative_words or w in self.s.passive_auxiliaries for w in between)

    def same_side(self, a: _Arg, b: _Arg) -> bool:
        """Every actor of ``b`` belongs to the state of an actor of ``a`` (or is one of them)."""
        mine = {self._side(sp) for sp in a.spans}
        return all(self._side(sp) in mine for sp in b.spans)

    def _side(self, span) -> str | None:
        """The state an actor stands for; a group that is or was non-state (the Taliban before 2021),
        or an IGO, is its own side."""
        kb_id = span.kb_id_
        return kb_id if self.lex.non_state(kb_id) else self._country_of(span)

    def _country_of(self, span) -> str | None:
        actor = self.lex.actors.get(span.kb_id_)
        if actor is not None:
            return actor.country or actor.code
        kg = kg_get(span) or {}
        state = self.lex.actors.get(kg.get("state", ""))
        return state.code if state else None

    def verb_between(self, arg: _Arg, trig: Span, skip: frozenset = frozenset()) -> bool:
        """Is there a verbal trigger between ``arg`` and ``trig`` (other than one whose word is in ``skip``)?"""
        end = max(sp.end for sp in arg.spans)
        return any(end <= t.start < trig.start and t.start not in self.nominal
                   and not (skip and (kg_get(t)["trigger"].words[0] in skip or self.lows[t.start] in skip))
                   for t in self.triggers)  # fmt: skip

    def in_denied_clause(self, trig: Span, target: _Arg | None) -> bool:
        """Whether the window's ``target`` of a rejection or denial (:data:`kg.extract.coref.REJECTION_CODES`) lies
        after a word that opens a content clause (``content_marks``): "Russia denied this week that Ukrainian drones
        had hit ...", "membantah laporan bahwa drone Ukraina ...": what is denied is said of it, it is not who is
        answered."""
        if target is None or not kg_get(trig)["trigger"].code.startswith(REJECTION_CODES):
            return False
        first = min(sp.start for sp in target.spans)
        return trig.end < first and not self.s.content_marks.isdisjoint(self.lows[trig.end : first])

    def after(self, trig: Span, preps: frozenset[str], *, direct: bool, stop: int) -> _Arg | None:
        """The first actor after the trigger introduced by one of ``preps`` (or a direct object).

        A gazetteer place introduced by one of ``preps`` (not a locative one) stands for its state:
        "an offensive into the Gaza Strip", "a visit to Beijing".
        """
        hi = min(stop, trig.end + WINDOW_AFTER, self.sent.end)
        speaker_adps = role_data(self.lang).speaker_adps
        # "attacked a ship, according to British officials": who tells it, not whom it was done to
        hi = next((i for i in range(trig.end, hi) if self.lows[i] in speaker_adps), hi)
        found = self._after_actor(trig, preps, direct=direct, hi=hi)
        if found is not None:
            return found
        found = self._its_sector(trig, hi)
        if found is not None:
            return found
        for place in self.places:
            if trig.end <= place.start < hi:
                prep = self._prep_before(place, trig.end)
                if prep is not None and prep in preps and prep not in self.s.locative_preps:
                    return _Arg([place], f"place:{prep}")
        return None

    def _its_sector(self, trig: Span, hi: int) -> _Arg | None:
        """"Israel attacked its consulate": a possessive pronoun + sector noun is the state named last
        before the trigger's own subject ("Iran said Israel attacked its consulate" -> Iran)."""
        poss = self.s.possessive_pronouns if isinstance(self.s.possessive_pronouns, dict) else {}
        ctx = doc_context(self.doc)
        sectors = ctx.sector_starts
        if sectors is None:  # once per doc: a SpanGroup makes new Span objects on every iteration
            sectors = ctx.sector_starts = {sp.start: sp for sp in self.doc.spans.get("kg_sectors", [])}
        for i in range(trig.end, min(hi, trig.end + 4)):
            if poss.get(self.lows[i]) == "state" and i + 1 in sectors:
                states = [a for a in self.actors if a.end <= trig.start and self._kind(a) == "state"]
                subject = self.subject(trig)
                taken = {sp.kb_id_ for sp in subject.spans} if subject else set()
                for a in reversed(states):
                    if a.kb_id_ not in taken:
                        noun = _sector_index(self.lang).get(sectors[i + 1].text.lower())
                        kg = {**(kg_get(a) or {}), "rule": "coref:its", "conf": 0.55, "locative": False,
                              "sector": noun.sector if noun else None, "role": noun.role if noun else None}
                        return _Arg([_Ref(self.doc, i, a.kb_id_, kg)], "its")
                return None
        return None

    def _after_actor(self, trig: Span, preps: frozenset[str], *, direct: bool, hi: int) -> _Arg | None:
        for span in self.actors:
            if direct and trig.start < span.start < trig.end < span.end:
                # a trigger phrase that ends inside its object: "menuntut penarikan [pasukan AS]"
                return _Arg(self._group_right(span, hi), "object-in-trigger")
            if span.start < trig.end or span.start >= hi:
                continue
            prep = self._prep_before(span, trig.end)
            if prep is not None:
                if prep in _source_adps(self.lang) and self._away_noun_before(trig, span):
                    continue  # "demanded a withdrawal of troops from Ukraine": where the troops leave, not who is asked
                if prep in preps:
                    return _Arg(self._group_right(span, hi), f"prep:{prep}")
                if self._in_topic(trig, span, preps, direct):
                    return _Arg(self._group_right(span, hi), f"topic:{prep}")
                how = self._named_member(trig, span, preps, direct) if prep in _source_adps(self.lang) else None
                if how is not None:
                    return _Arg(self._group_right(span, hi), how)
                continue  # locative or agent phrase: not the target
            how = self._named_member(trig, span, preps, direct)
            if how is not None:
                return _Arg(self._group_right(span, hi), how)
            if (kg_get(span) or {}).get("locative"):
                continue
            if direct and span.start - trig.end <= 4:
                between = [self.doc[i] for i in range(trig.end, span.start)]
                roles = self._role_tokens()  # "met President Macky Sall", "bertemu Perdana Menteri Fumio Kishida"
                if all(self._skippable(t) or t.like_num or (t.is_alpha and t.is_lower) or t.i in roles or t.lower_ in self.s.titles for t in between):
                    return _Arg(self._group_right(span, hi), "object")
        return None

    def _named_member(self, trig: Span, span: Span, preps: frozenset[str], direct: bool) -> str | None:
        """How ``span`` is the trigger's party through a person noun that names where its people come from
        (syntax.json ``member_nouns``, lang.json ``counterpart_nouns``): after a source adposition ("met officials
        from China", "bertemu dengan mitranya dari Tiongkok", "delegasi dari Jepang") or a comma ("met his
        counterpart, Wang Yi", "bertemu mitranya, Menteri Luar Negeri Jepang ..."), when that noun is itself
        introduced by one of ``preps`` (``prep:P``) or is the direct object (``object``). Else None."""
        from kg.extract.syntax.data import role_data

        nouns = role_data(self.lang).member_nouns | self.s.counterpart_nouns
        i = span.start - 1
        while i > trig.end and self._skippable(self.doc[i]):
            i -= 1  # "officials from the United States"
        if i <= trig.end or not (self.lows[i] == "," or self.lows[i] in _source_adps(self.lang)):
            return None
        if self.lows[i] == "," and span.end < self.sent.end and not self.doc[span.end].is_punct:
            return None  # an apposition closes with a comma or the sentence: "criticised the officials, Russia said"
        # the noun right before, or with one plain word after it ("pejabat senior dari", "officials there from")
        k = next((k for k in (i - 1, i - 2) if k >= trig.end and self.lows[k] in nouns), None)
        if k is None or any(not (self.doc[m].is_alpha and self.doc[m].is_lower) or self.lows[m] in self.preps for m in range(k + 1, i)):
            return None
        j = k - 1
        while j >= trig.end and self._skippable(self.doc[j]):
            j -= 1  # "his", "the", "para"
        if j < trig.end:
            return "object" if direct else None
        return f"prep:{self.lows[j]}" if self.lows[j] in preps else None

    def _away_noun_before(self, trig: Span, span: Span) -> bool:
        """Whether a noun of an act of leaving whose own party a source adposition marks (``leaving_nouns``:
        "withdrawal", "penarikan") stands between the start of trigger ``trig`` (its first word excluded: "withdrawal from" is the
        trigger's own) and ``span``: "menuntut penarikan pasukan dari Ukraina", "demanded a pullout from Mali"."""
        from kg.extract.syntax.data import leaving_nouns

        nouns = leaving_nouns(self.lang)
        return any(self.lows[k] in nouns or self.doc[k].lemma_.lower() in nouns for k in range(trig.start + 1, span.start))

    def _in_topic(self, trig: Span, span: Span, preps: frozenset[str], direct: bool) -> bool:
        """Whether ``span`` is where, or by whom, the topic of a statement, an appeal, an inquiry or a criticism
        happens, or whom an appeal, a demand or a rejection is *from* ("demanded compensation from Italy", "menuntut
        ganti rugi dari"): "concern over the worsening situation in Myanmar", "an inquiry into alleged abuses by Myanmar's
        military", "mendesak reformasi peradilan di Georgia". The topic is a short plain noun phrase (no event
        word of its own: "condemned the killing of aid workers in Gaza" is the killing's) right after the
        trigger or one of its target ``preps``, and ``span`` hangs on it by *in* or *by* (``inside_preps``,
        ``agent_preps``; an event word in the topic only before *by*: "abuses by the army" are the army's, or before
        *from* when the word does not take *from* itself: "an apology from Japan", not "the withdrawal of troops from Mali")."""
        root = kg_get(trig)["trigger"].code[:2]
        if root not in TOPIC_ROOTS:
            return False
        i = span.start - 1
        while i > trig.end and self._skippable(self.doc[i]) and self.lows[i] not in self.preps:
            i -= 1  # "in the Philippines", "by Myanmar's military"
        agent = self.lows[i] in self.s.agent_preps  # "the violations by Russian forces": the one the topic's act is by
        asked = root in ASKED_ROOTS and self.lows[i] in _source_adps(self.lang)  # "requested loans from the IMF"
        if self.lows[i] not in self.s.inside_preps and not agent and not asked:
            return False
        events = {k: t for t in self.triggers if t.start != trig.start for k in range(t.start, t.end)}
        # "menuntut pergantian rezim di Kuba": the topic written inside a trigger of several words (no verb form, no adposition)
        prefixes = tuple(self.s.morphology.get("verbal_prefixes", [])) if self.s.has_morphology else ()
        words = sum(1 for t in trig[1:] if t.is_alpha and t.lower_ not in self.preps and not (prefixes and t.lower_.startswith(prefixes)))
        for k in range(i - 1, trig.end - 1, -1):
            tok = self.doc[k]
            low = self.lows[k]
            if low in preps or (asked and low in self.s.target_preps_verb):  # "asked for loans from"
                return words > 0
            if k in events and not agent and not (asked and self.lows[i] not in (kg_get(events[k])["trigger"].target_preps or ())):
                return False  # the phrase is that event's own ("the killing of aid workers in Gaza", "withdrawal ... from")
            if words >= TOPIC_WORDS or not (tok.is_alpha and tok.is_lower) or low in self.s.coordinators:
                return False
            if low in self.preps and low not in self.s.of_preps:
                return False  # "concern in Jakarta over ...": a place of the statement's own
            words += not self._skippable(tok)
        # "investigated reports of forced labour in China"; "menuntut kompensasi dari Italia", the object in the trigger
        return (direct and words > 0) or (asked and words == 0)

    def agent_after(self, trig: Span, stop: int, nominal: bool = False) -> _Arg | None:
        found = self.after(trig, self.s.agent_preps, direct=False, stop=stop)
        if nominal and found is not None and found.how.startswith("prep:"):
            t = kg_get(trig)["trigger"]
            preps = t.target_preps if t.target_preps is not None else self.s.target_preps_noun
            if self._in_topic(trig, found.spans[0], preps, False):
                return None  # "penyelidikan atas subsidi oleh pemerintah China": the subsidies' agent, not the inquiry's
        return found

    # -- time, place, modality -------------------------------------------------------------------------
