"""Documents -> actors, places and CAMEO-coded, dated events, each with the mention it came from.

The rules work on the spans that :mod:`kg.nlp` marks (actors, triggers, time expressions) and on the
grammar words of the language (``data/lang/<code>/lang.json``): who did it (subject, agent of a passive,
possessor of a nominal event), to whom (direct object, prepositional target), when (the time expression
governed by the trigger, else the nearest one, else the reference date, marked as inferred), where (a
gazetteer place after a locative preposition) and how sure (modality words before the trigger).
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from functools import cache

from spacy.tokens import Doc, Span

from kg.lang.settings import settings
from kg.lexicon.lexicon import Lexicon, sector_nouns
from kg.model import Modality, Precision, TimeValue
from kg.nlp.context import kg_get, span_list
from kg.nlp.phrases import _ADJECTIVE_ENDINGS
from kg.nlp.sentences import _sentences as _sentences_cached
from kg.nlp.sentences import lowers

log = logging.getLogger(__name__)


WINDOW_AFTER = 16  # tokens after a trigger searched for its target


WINDOW_BEFORE = 30  # tokens before a trigger searched for its subject


COMPLEMENT_ROOTS = ("02", "03", "10", "12", "13", "16")  # appeal/intend/demand/refuse/threaten/reduce to do X


TIME_AFTER = 14  # tokens after a trigger searched for the time expression it governs


@dataclass
class _Arg:
    spans: list[Span]
    how: str


class _Ref:
    """A pronoun, group noun or event noun standing for an earlier actor (quacks like an actor Span).

    Not a spaCy Span: Span extension data is keyed by offsets, and a reference may sit on a trigger's token.
    """

    __slots__ = ("doc", "start", "end", "label_", "kb_id_", "_", "start_char", "end_char", "text")

    def __init__(self, doc: Doc, i: int, kb_id: str, kg: dict):
        from types import SimpleNamespace

        tok = doc[i]
        self.doc, self.start, self.end, self.label_, self.kb_id_ = doc, i, i + 1, "coref", kb_id
        self.start_char, self.end_char, self.text = tok.idx, tok.idx + len(tok.text), tok.text
        self._ = SimpleNamespace(kg=kg)


@dataclass
class _Memory:
    """What a document has said so far, for pronouns and group nouns ("ia", "they", "kedua presiden")
    and for event anaphora ("condemned the attack": the attacker is the target)."""

    last_group: list[Span] | None = None
    last_conflict_sources: list[Span] | None = None


@cache
def _sector_index(lang: str) -> dict:
    return {n.words.lower(): n for n in sector_nouns(lang)}


_PLACES_BY_NAME: dict[int, tuple] = {}


def _places_by_name(lex: Lexicon) -> dict:
    """Gazetteer places by lower-case canonical name (one index per lexicon)."""
    kept = _PLACES_BY_NAME.get(id(lex))
    if kept is None or kept[0] is not lex:
        kept = _PLACES_BY_NAME[id(lex)] = (lex, {p.name.lower(): p for p in lex.places.values()})
    return kept[1]


@cache
def _negation_exceptions(lang: str) -> tuple[tuple[str, ...], ...]:
    """Fixed expressions with a negation word that negate nothing ("not long after"), as token tuples."""
    return tuple(tuple(e.lower().split()) for e in settings(lang).raw.get("negation_exceptions", []))


@cache
def _group_nouns(lang: str) -> frozenset[str]:
    return frozenset(g.lower() for g in settings(lang).raw.get("group_nouns", []))


@cache
def _group_last_words(lang: str) -> frozenset[str]:
    return frozenset(g.split()[-1] for g in _group_nouns(lang))


@cache
def _all_preps(lang: str) -> frozenset[str]:
    """Every preposition the language's rules and triggers name ("between" only for mediation)."""
    from kg.nlp.triggers import load_triggers

    s = settings(lang)
    own = frozenset(w for t in load_triggers(lang) if t.target_preps for w in t.target_preps if " " not in w) - s.complementisers
    return s.target_preps_verb | s.target_preps_noun | s.locative_preps | s.agent_preps | s.of_preps | own


class SentenceRules:
    """Argument, time, place and modality assignment for the triggers of one sentence."""

    def __init__(self, doc: Doc, sent: Span, lang: str, lex: Lexicon, memory: _Memory | None = None):
        self.doc, self.sent, self.lang, self.lex = doc, sent, lang, lex
        self.memory = memory or _Memory()
        self.s = settings(lang)
        starts = doc.user_data["kg_span_starts"]

        def within(group: str) -> list:
            items, keys = span_list(doc, group), starts[group]
            lo, hi = bisect_left(keys, sent.start), bisect_left(keys, sent.end)
            return [x for x in items[lo:hi] if x.end <= sent.end]

        actors = within("kg_actors")
        self.actors = [a for a in actors if a.label_ != "place"]
        self.places = [a for a in actors if a.label_ == "place"]
        self.triggers = within("kg_triggers")
        self.times = within("kg_time")
        self.used_as_target: set[int] = set()  # actor span starts taken as objects of earlier triggers
        self.attached: set[int] = set()  # actor span starts that are arguments of nominal triggers
        self.trigger_starts = {t.start for t in self.triggers}
        self.nominal: set[int] = set()  # starts of triggers used as nouns ("the strike", "serangan")
        parsed = doc.user_data.get("kg_parsed")
        if parsed is None:
            parsed = doc.user_data["kg_parsed"] = doc.has_annotation("DEP")
        self.parsed = parsed
        self.preps = _all_preps(lang)
        self.lows = lowers(doc)

    # -- helpers ---------------------------------------------------------------------------------------
    def _skippable(self, token) -> bool:
        low = token.lower_
        return low in self.s.skippable or low in self.s.determiners or low in self.s.possessives or token.is_punct and low in ("-", "–")

    def _role_tokens(self) -> set[int]:
        """Tokens of role and sector nouns not joined to an actor ("Pangeran", "Menteri")."""
        found = self.doc.user_data.get("kg_role_tokens")
        if found is None:
            found = self.doc.user_data["kg_role_tokens"] = {
                i for sp in self.doc.spans.get("kg_sectors", []) for i in range(sp.start, sp.end)
            }
        return found

    def _prep_before(self, span: Span, limit: int) -> str | None:
        """The preposition governing ``span`` (skipping determiners/modifiers), if any, not before ``limit``."""
        i = span.start - 1
        steps = 0
        while i >= max(limit, self.sent.start) and steps < 4:
            tok = self.doc[i]
            low = tok.lower_
            if low in self.preps:
                if low in self.s.of_preps and i > self.sent.start and self.lows[i - 1] in self.s.quantity_of:
                    i -= 2  # "hundreds of Malaysians": a quantity, not a preposition
                    steps += 1
                    continue
                return low
            if (
                self._skippable(tok)
                or (tok.is_alpha and tok.is_lower and steps < 2 and low not in self.s.coordinators)
                or low in self.s.titles
                or i in self._role_tokens()  # "dengan Pangeran Abu Dhabi", "with Crown Prince Mohammed"
                or (steps < 2 and tok.is_title and self.s.sector_order == "modifier_first" and low.endswith(_ADJECTIVE_ENDINGS))  # "against Kurdish SDF"
            ):
                i -= 1
                steps += 1
                continue
            return None
        return None

    def _is_free(self, span: Span) -> bool:
        if span.start in self.attached or span.start in self.used_as_target:
            return False
        kg = kg_get(span) or {}
        if kg.get("locative"):
            return False
        return self._prep_before(span, span.start - 3) is None

    def _group_left(self, span: Span) -> list[Span]:
        """``span`` and the actors coordinated before it ("Putin dan Raisi", "Russia, China and Iran")."""
        group = [span]
        idx = self.actors.index(span)
        while idx > 0:
            prev = self.actors[idx - 1]
            between = self.doc[prev.end : group[0].start]
            if 0 < len(between) <= 3 and any(t.lower_ in self.s.coordinators for t in between) and all(
                t.lower_ in self.s.coordinators or t.lower_ in self.s.determiners or t.lower_ in ("both", "kedua") or t.is_punct and t.text in ",&"
                for t in between
            ):
                if not self._is_free(prev) and prev.start not in self.used_as_target:
                    break
                group.insert(0, prev)
                idx -= 1
                continue
            break
        return group

    def _group_right(self, span: Span, stop: int) -> list[Span]:
        group = [span]
        idx = self.actors.index(span)
        while idx + 1 < len(self.actors):
            nxt = self.actors[idx + 1]
            if nxt.start >= stop:
                break
            between = self.doc[group[-1].end : nxt.start]
            if 0 < len(between) <= 3 and any(t.lower_ in self.s.coordinators for t in between) and all(
                t.lower_ in self.s.coordinators or t.lower_ in self.s.determiners or t.is_punct and t.text in ",&" for t in between
            ):
                group.append(nxt)
                idx += 1
                continue
            break
        return group

    def _next_trigger_start(self, trig: Span, *, verbal_only: bool = False) -> int:
        later = [t.start for t in self.triggers if t.start >= trig.end and not (verbal_only and t.start in self.nominal)]
        return min(later) if later else self.sent.end

    def _prev_trigger_end(self, trig: Span) -> int:
        earlier = [t.end for t in self.triggers if t.end <= trig.start]
        return max(earlier) if earlier else self.sent.start

    def _clause_break_between(self, a: int, b: int) -> bool:
        return not self.s.clause_breaks.isdisjoint(self.lows[a:b]) if b > a else False

    # -- arguments -------------------------------------------------------------------------------------
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
            if self._clause_break_between(span.end, trig.start) and span.end < trig.start - 1:
                # reported speech: "X said Y attacked Z": the speaker is not the actor, unless X speaks
                # of itself: "Qatar said it was ready to host ...", "Iran said it would respond"
                if span.end + 1 < trig.start and self.lows[span.end] in self.s.speech_verbs and self.lows[span.end + 1] in self.s.self_pronouns:
                    if not self._clause_break_between(span.end + 1, trig.start):
                        return _Arg(self._group_left(span), "speaker-itself")
                return None
            group = self._group_left(span)
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
        pronouns = self.s.raw.get("pronouns", {})
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
                    return self._group_ref(self.doc[i])
            kind = pronouns.get(low)
            if kind == "person":
                return self._person_ref(self.doc[i])
            if kind == "group":
                return self._group_ref(self.doc[i])
            if low in self.s.clause_breaks or low == ";":
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
        if t2.start not in self.nominal and t2_trig.pos != "noun":
            if t2.start > trig.end + 3:
                return None
            t2_preps = t2_trig.target_preps if t2_trig.target_preps is not None else self.s.target_preps_verb
            return self.after(t2, t2_preps | preps, direct=True, stop=self._next_trigger_start(t2, verbal_only=True))
        t2_preps = t2_trig.target_preps if t2_trig.target_preps is not None else self.s.target_preps_noun
        agent = self.nominal_agent(t2)
        if agent is not None and agent.spans and agent.spans[0].start > t2.start:
            return agent  # "the withdrawal of US troops", "penarikan pasukan AS"
        return self.after(t2, t2_preps | self.s.of_preps | frozenset(["with", "dengan"]), direct=False, stop=self._next_trigger_start(t2))

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
        for i in range(first - 1, max(self.sent.start, first - 4) - 1, -1):
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

    def _place_named(self, span: Span):
        """The gazetteer place a span names (a place span, or a capital used for its government)."""
        if span.label_ == "place":
            return self.lex.places.get(span.kb_id_.removeprefix("place:"))
        return _places_by_name(self.lex).get(span.text.lower())

    def hostage_patient(self, trig: Span, passive: bool) -> bool:
        """Are hostages what the detaining verb acts on ("menahan dua sandera", "hostages held by ...")?"""
        nouns = self.s.hostage_nouns
        if not nouns:
            return False
        hi = min(self.sent.end, trig.end + 4)
        if any(self.lows[i] in nouns for i in range(trig.end, hi)):
            return True  # "detained two hostages", "ditahan Hamas sebagai sandera"
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

    def verb_between(self, arg: _Arg, trig: Span) -> bool:
        """Is there a verbal trigger between ``arg`` and ``trig``?"""
        end = max(sp.end for sp in arg.spans)
        return any(end <= t.start < trig.start and t.start not in self.nominal for t in self.triggers)

    def after(self, trig: Span, preps: frozenset[str], *, direct: bool, stop: int) -> _Arg | None:
        """The first actor after the trigger introduced by one of ``preps`` (or a direct object).

        A gazetteer place introduced by one of ``preps`` (not a locative one) stands for its state:
        "an offensive into the Gaza Strip", "a visit to Beijing".
        """
        hi = min(stop, trig.end + WINDOW_AFTER, self.sent.end)
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
        sectors = self.doc.user_data.get("kg_sector_starts")
        if sectors is None:  # once per doc: a SpanGroup makes new Span objects on every iteration
            sectors = self.doc.user_data["kg_sector_starts"] = {sp.start: sp for sp in self.doc.spans.get("kg_sectors", [])}
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
                if prep in preps:
                    return _Arg(self._group_right(span, hi), f"prep:{prep}")
                continue  # locative or agent phrase: not the target
            if (kg_get(span) or {}).get("locative"):
                continue
            if direct and span.start - trig.end <= 4:
                between = [self.doc[i] for i in range(trig.end, span.start)]
                if all(self._skippable(t) or t.like_num or (t.is_alpha and t.is_lower) for t in between):
                    return _Arg(self._group_right(span, hi), "object")
        return None

    def nominal_agent(self, trig: Span) -> _Arg | None:
        doc = self.doc
        # English: "Israel's strike", "Israeli strikes"; Indonesian: "serangan Israel"
        if self.s.sector_order == "modifier_first":
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
                if not (doc[k].like_num or low == "of" or (doc[k].is_alpha and doc[k].is_lower)):
                    break
                k -= 1
        else:
            if trig[-1].lower_.endswith("nya") and len(trig[-1]) > 5:  # "kunjungannya": his/her visit
                ref = self._person_ref(trig[-1])
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

    def agent_after(self, trig: Span, stop: int) -> _Arg | None:
        return self.after(trig, self.s.agent_preps, direct=False, stop=stop)

    # -- time, place, modality -------------------------------------------------------------------------
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
        if x_part:
            # "Iran retaliated a day after Israel struck on Monday": Tuesday
            later = [t for t in self.times if t.start >= conn.end and self._stated(t)]
            if later and later[0].start < self._next_trigger_start(trig) + TIME_AFTER:
                value = kg_get(later[0])["time"].value
                if value.precision is Precision.DAY:
                    return self._shifted(value, kg_get(conn)["time"].offset)
        before = [t for t in self.times if t.end <= trig.start and self._stated(t) and (conn is None or t.end <= conn.start or trig.start < conn.start)]
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
            ):
                return self._value(last, trig, ref)
        dateline = [t for t in self.times if kg_get(t)["time"].kind == "dateline" and t.end <= trig.start]
        if dateline:
            return kg_get(dateline[0])["time"].value  # the paper's date, as stated
        if ref is not None:
            return TimeValue(ref.isoformat(), Precision.DAY, "", inferred=True)
        return None

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
            if trig.end <= t.start < stop and self._stated(t):
                return self._value(t, trig, self.doc.user_data.get("kg_ref_date"))
        return None

    def _time_far(self, trig: Span) -> Span | None:
        """A time expression further on in the verb's own clause than :func:`_time_after` looks, with no
        other trigger or clause break between: "blocked two vessels carrying food and fuel to a patrol
        ship anchored at Sabina Shoal on Wednesday"."""
        if trig.start in self.nominal:
            return None
        stop = self._next_trigger_start(trig)
        for t in self.times:
            if trig.end + TIME_AFTER <= t.start < min(stop, trig.end + 2 * TIME_AFTER) and self._stated(t):
                if not self._clause_break_between(trig.end, t.start) and "," not in self.lows[trig.end : t.start]:
                    return t
                return None
        return None

    def _value(self, t: Span, trig: Span, ref: date | None) -> TimeValue:
        """The value of time span ``t`` as the date of ``trig``: a bare weekday follows the verb's tense."""
        m = kg_get(t)["time"]
        if m.weekday is not None and ref is not None and self._future_tense(trig, t):
            m = m.for_future(ref)
        return m.value

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
            value = SentenceRules(self.doc, sent, self.lang, self.lex).time_for(t, ref)
            if value is not None and not value.inferred:
                return value
        return None

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
        words = self.s.quantity_numbers if isinstance(self.s.quantity_numbers, dict) else {}
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
                while j < min(i + 3, self.sent.end) and self.lows[j] in ("of", "more", "than"):
                    j += 1
                noun = self.doc[j]
                if noun.is_alpha and noun.lower_ not in skip and not noun.is_title:
                    out.append((noun.lower_, value))
                    i = j
            i += 1
        return tuple(out)

    def modality(self, trig: Span) -> Modality:
        n = int(self.s.modality_window or 6) + (3 if trig.start in self.nominal else 0)
        lo = max(self.sent.start, trig.start - n)
        in_time = {i for t in self.times for i in range(t.start, t.end)}  # "May 3" is a date, not "may"
        words = {self.lows[i] for i in range(lo, trig.start) if i not in in_time}
        if words & self.s.negation:
            # "Tidak lama kemudian", "not long after": a negation word inside a fixed expression negates nothing
            fixed = self._in_fixed_expressions(lo, trig.start)
            words = {self.lows[i] for i in range(lo, trig.start) if i not in in_time and i not in fixed}
        # a condition after the main clause: "Hamas would free the hostages if Israel agreed ..."
        after = set(self.lows[trig.end : self.sent.end])
        if after & self.s.conditionals and words & (self.s.future | self.s.hypothetical):
            return Modality.HYPOTHETICAL
        if words & self.s.negation:
            return Modality.NEGATED
        if words & self.s.hypothetical:
            return Modality.HYPOTHETICAL
        if words & self.s.future:
            return Modality.FUTURE
        return Modality.ASSERTED

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


def sentences_of(doc: Doc) -> list[Span]:
    """The doc's sentences, computed once (spaCy rebuilds ``doc.sents`` on every access)."""
    return _sentences_cached(doc)[0]
