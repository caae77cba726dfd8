"""The sentence under the rules: the grammar words and spans the rules read (:class:`RulesBase`); documents -> actors, places and CAMEO-coded, dated events, each with the mention it came from.

The rules work on the spans that :mod:`kg.nlp` marks (actors, triggers, time expressions) and on the
grammar words of the language (``data/lang/<code>/lang.json``): who did it (subject, agent of a passive,
possessor of a nominal event), to whom (direct object, prepositional target), when (the time expression
governed by the trigger, else the nearest one, else the reference date, marked as inferred), where (a
gazetteer place after a locative preposition) and how sure (modality words before the trigger).
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from kg.caching import per_language
from kg.lang.settings import settings
from kg.lexicon.lexicon import Lexicon, sector_nouns
from kg.nlp.context import doc_context, kg_get, span_list
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

    def __init__(self, doc: Doc, i: int, kb_id: str, kg: dict, label: str = "coref"):
        from types import SimpleNamespace

        tok = doc[i]  # label "place": a gazetteer place standing for its state, as the span it refers to
        self.doc, self.start, self.end, self.label_, self.kb_id_ = doc, i, i + 1, label, kb_id
        self.start_char, self.end_char, self.text = tok.idx, tok.idx + len(tok.text), tok.text
        self._ = SimpleNamespace(kg=kg)


@dataclass
class _Memory:
    """What a document has said so far, for pronouns and group nouns ("ia", "they", "kedua presiden")
    and for event anaphora ("condemned the attack": the attacker is the target)."""

    last_group: list[Span] | None = None
    last_conflict_sources: list[Span] | None = None
    # for "both sides", "kedua negara" and a sentence's pronoun subject ("He met ..."): the document's
    # sentences, the index of the one under the rules, and the sides of the events found so far by sentence
    sents: list[Span] | None = None
    s_index: int = 0
    event_sides: dict[int, list[tuple[list[Span], list[Span], str]]] = field(default_factory=dict)  # (sources, targets, CAMEO code)
    # for "rejected the accusation", "menolak tuntutan itu": the accusations, criticisms, demands and appeals found so
    # far by sentence, as (trigger start, sources, targets, CAMEO root), their sides resolved ("He accused ..." included)
    claims: dict[int, list[tuple[int, list[Span], list[Span], str]]] = field(default_factory=dict)

    # what "the accusation", "the claim", "kritik itu" can stand for (a disapproval, an accusation), and what "the
    # demand", "the request", "tuntutan itu" can (a demand, an appeal)
    CLAIM_ROOTS = ("11",)
    DEMAND_ROOTS = ("10", "02")

    def remember_claim(self, root: str, s_index: int, start: int, sources: list[Span], targets: list[Span]) -> None:
        """Remember an event of ``root`` as a claim or demand (:data:`CLAIM_ROOTS`, :data:`DEMAND_ROOTS`) that its
        targets may reject later."""
        if root in self.CLAIM_ROOTS + self.DEMAND_ROOTS and sources and targets:
            self.claims.setdefault(s_index, []).append((start, list(sources), list(targets), root))

    # what "the attack", "serangan tersebut" can refer to: a show of force (a missile test or launch), an
    # assault, a fight or mass violence; not a protest, a cut in relations or a coercion ("Germany recalled its
    # ambassador. France condemned the attack": the recall is no attack, Germany no attacker)
    ATTACK_ROOTS = frozenset({"15", "18", "19", "20"})

    def remember_attack(self, code: str, spans: list[Span]) -> None:
        """Remember ``spans`` as the doers of the last attack when ``code`` is one."""
        if code[:2] in self.ATTACK_ROOTS and spans:
            self.last_conflict_sources = list(spans)


@per_language
def _sector_index(lang: str) -> dict:
    return {n.words.lower(): n for n in sector_nouns(lang)}


def _places_by_name(lex: Lexicon) -> dict:
    """Gazetteer places by lower-case canonical name (one index per lexicon, kept with it)."""
    return lex.derived("places_by_name", lambda lx: {p.name.lower(): p for p in lx.places.values()})


@per_language
def _negation_exceptions(lang: str) -> tuple[tuple[str, ...], ...]:
    """Fixed expressions with a negation word that negate nothing ("not long after"), as token tuples."""
    return tuple(tuple(e.lower().split()) for e in settings(lang).raw["negation_exceptions"])


@per_language
def _group_nouns(lang: str) -> frozenset[str]:
    """Group nouns for two ("both sides", ``group_nouns``) and for three ("the three countries", ``trio_nouns``)."""
    return frozenset(g.lower() for g in settings(lang).raw["group_nouns"]) | _trio_nouns(lang)


@per_language
def _trio_nouns(lang: str) -> frozenset[str]:
    return frozenset(g.lower() for g in settings(lang).raw["trio_nouns"])


def _group_size(lang: str, noun: str) -> int:
    """How many actors a group noun of :func:`_group_nouns` stands for: 3 for a ``trio_nouns`` one, else 2."""
    return 3 if noun in _trio_nouns(lang) else 2


@per_language
def _group_last_words(lang: str) -> frozenset[str]:
    return frozenset(g.split()[-1] for g in _group_nouns(lang))


@per_language
def _coref_words(lang: str) -> frozenset[str]:
    """Words that may stand for an actor named in an earlier sentence: pronouns, group nouns' last words, the head
    nouns of definite descriptions ("the country") and side pronouns ("pihaknya")."""
    s = settings(lang)
    return frozenset(s.pronouns) | _group_last_words(lang) | frozenset(s.description_nouns) | s.side_pronouns


def names_earlier_actor(doc: Doc, sent: Span, lang: str) -> bool:
    """Whether ``sent`` has a word that may stand for an actor named before (:func:`_coref_words`)."""
    return not _coref_words(lang).isdisjoint(lowers(doc)[sent.start : sent.end])


def filed_end(doc: Doc, sent: Span) -> int:
    """The first token of ``sent`` after the date line it opens with ("KYIV, Ukraine (AP) —", "JAKARTA, Senin
    (3/6/2024) -": the ``kg_dateline`` spans of :mod:`kg.nlp.pipeline`), else its start. The date line says
    where and when the story was filed: its place is no party of the sentence's acts, and the sentence's
    parse starts after it."""
    for line in span_list(doc, "kg_dateline"):
        if line.start >= sent.end:
            break
        if line.start >= sent.start and line.end < sent.end:
            return line.end
    return sent.start


@per_language
def _all_preps(lang: str) -> frozenset[str]:
    """Every preposition the language's rules and triggers name ("between" only for mediation)."""
    from kg.nlp.triggers import load_triggers

    s = settings(lang)
    own = frozenset(w for t in load_triggers(lang) if t.target_preps for w in t.target_preps if " " not in w) - s.complementisers
    return s.target_preps_verb | s.target_preps_noun | s.locative_preps | s.agent_preps | s.of_preps | own


class RulesBase:
    """Argument, time, place and modality assignment for the triggers of one sentence."""

    def __init__(self, doc: Doc, sent: Span, lang: str, lex: Lexicon, memory: _Memory | None = None):
        self.doc, self.sent, self.lang, self.lex = doc, sent, lang, lex
        self.memory = memory or _Memory()
        self.s = settings(lang)
        ctx = doc_context(doc)
        starts = ctx.span_starts

        def within(group: str) -> list:
            items, keys = span_list(doc, group), starts[group]
            lo, hi = bisect_left(keys, sent.start), bisect_left(keys, sent.end)
            return [x for x in items[lo:hi] if x.end <= sent.end]

        self.opens = filed_end(doc, sent)  # the sentence's first token after its date line, if any
        actors = [a for a in within("kg_actors") if a.start >= self.opens]
        self.actors = [a for a in actors if a.label_ != "place"]
        self.places = [a for a in actors if a.label_ == "place"]
        self._actor_at = None  # (token -> index in actors, the actors' bounds), built when first needed (arguments.py)
        self.triggers = [t for t in within("kg_triggers") if t.start >= self.opens]
        self.times = within("kg_time")
        self.used_as_target: set[int] = set()  # actor span starts taken as objects of earlier triggers
        self.attached: set[int] = set()  # actor span starts that are arguments of nominal triggers
        self.trigger_starts = {t.start for t in self.triggers}
        self.nominal: set[int] = set()  # starts of triggers used as nouns ("the strike", "serangan")
        if ctx.parsed is None:
            ctx.parsed = doc.has_annotation("DEP")
        self.parsed = ctx.parsed
        self.preps = _all_preps(lang)
        self.lows = lowers(doc)
        from kg.extract.threat import threat_triggers

        self.triggers = threat_triggers(self)  # "retaliate" only as a threat said of the future (kg.extract.threat)
        self.trigger_starts = {t.start for t in self.triggers}
        self.syntax = None  # (the parsed copy of the sentence, its offset in doc) when it was parsed
        self.frame_inputs = None  # what syntax_frame reads of the sentence: (candidate spans, their bounds, event tokens)

    # -- helpers ---------------------------------------------------------------------------------------
    def _skippable(self, token) -> bool:
        low = token.lower_
        return low in self.s.skippable or low in self.s.determiners or low in self.s.possessives or token.is_punct and low in ("-", "–")

    def _role_tokens(self) -> set[int]:
        """Tokens of role and sector nouns not joined to an actor ("Pangeran", "Menteri")."""
        ctx = doc_context(self.doc)
        if ctx.role_tokens is None:
            ctx.role_tokens = {i for sp in self.doc.spans.get("kg_sectors", []) for i in range(sp.start, sp.end)}
        return ctx.role_tokens

    def _prep_before(self, span: Span, limit: int) -> str | None:
        """The preposition governing ``span`` (skipping determiners/modifiers), if any, not before ``limit``."""
        i = span.start - 1
        steps = 0
        while i >= max(limit, self.sent.start) and steps < 4:
            tok = self.doc[i]
            low = tok.lower_
            # (the 'of' of "Secretary of State Antony Blinken" is the title's; the 'akan' of "akan membalas Israel" the verb's)
            if low in self.preps and i not in self._role_tokens() and not self._future_auxiliary(i, span.start):
                if low in self.s.of_preps and i > self.sent.start and self.lows[i - 1] in self.s.quantity_of:
                    i -= 2  # "hundreds of Malaysians": a quantity, not a preposition
                    steps += 1
                    continue
                return self._compound_prep(i, limit) or low
            if (
                self._skippable(tok)
                or (tok.is_alpha and tok.is_lower and steps < 2 and low not in self.s.coordinators)
                or low in self.s.titles
                or i in self._role_tokens()  # "dengan Pangeran Abu Dhabi", "with Crown Prince Mohammed"
                or (steps < 2 and tok.is_title and self.s.head_final and low.endswith(self.s.adjective_suffixes))  # "against Kurdish SDF"
            ):
                i -= 1
                steps += 1
                continue
            return None
        return None

    def _future_auxiliary(self, i: int, end: int) -> bool:
        """Whether word ``i``, a preposition that is also one of the language's future markers (Indonesian "akan":
        "kekhawatiran akan X" but "bersumpah akan membalas Israel"), is the auxiliary of a verb form (``verbal_prefixes``,
        ``passive_prefixes``) that stands between it and token ``end``: the actor after that verb is its object."""
        if self.lows[i] not in self.s.future or not self.s.has_morphology:
            return False
        m = self.s.morphology
        verbal = tuple(m.get("verbal_prefixes", [])) + tuple(m.get("passive_prefixes", []))
        nominal = tuple(m.get("nominal_suffixes", []))
        return any(
            self.doc[k].is_lower and self.lows[k].startswith(verbal) and not self.lows[k].endswith(nominal)
            for k in range(i + 1, end)
        )

    def _compound_prep(self, i: int, limit: int) -> str | None:
        """The adposition the multi-word one ending at token ``i`` stands for (syntax.json ``compound_adpositions``, not
        before ``limit``): "in front of the embassy" is marked like "outside the embassy"."""
        from kg.extract.syntax.data import role_data

        try:
            known = role_data(self.lang).compound_adps
        except LookupError:
            return None
        for words, same in known.items():
            n = len(words.split())
            if i - n + 1 >= max(limit, self.sent.start) and " ".join(self.lows[i - n + 1 : i + 1]) == words:
                return same
        return None

    def _is_free(self, span: Span) -> bool:
        if span.start in self.attached or span.start in self.used_as_target:
            return False
        kg = kg_get(span) or {}
        if kg.get("locative") or self._made_by(span):
            return False
        return self._prep_before(span, span.start - 3) is None

    def _made_by(self, span: Span) -> bool:
        """Whether ``span`` only says where a thing was made, marked by an origin word next to it (syntax.json
        ``origin_words``): "Russian-made jets", "Iranian-built drones", "jet tempur buatan Rusia". The maker is not the
        doer of what the thing does, even where the parse misreads the sentence (the syntax veto reads the same words)."""
        from kg.extract.syntax.data import role_data

        origin = role_data(self.lang).origin_words
        if self.s.head_final:  # the origin word follows, joined by a hyphen
            i = span.end
            return i + 1 < self.sent.end and self.lows[i] in ("-", "–") and self.lows[i + 1] in origin
        return span.start - 1 >= self.sent.start and self.lows[span.start - 1] in origin

    def _group_left(self, span: Span) -> list[Span]:
        """``span`` and the actors coordinated before it ("Putin dan Raisi", "Russia, China and Iran")."""
        group = [span]
        idx = self.actors.index(span)
        while idx > 0:
            prev = self.actors[idx - 1]
            between = self.doc[prev.end : _before_office(self.lows, prev.end, group[0].start, self.lang)]  # "X and President Y"
            if 0 < len(between) <= 3 and any(t.lower_ in self.s.coordinators for t in between) and all(
                t.lower_ in self.s.coordinators or t.lower_ in self.s.determiners or t.lower_ in self.s.pair_words or t.is_punct and t.text in ",&"
                for t in between
            ):
                if not self._is_free(prev) and prev.start not in self.used_as_target:
                    break
                if any(self.lows[k] in self.s.speech_verbs for k in range(max(self.sent.start, prev.start - 2), prev.start)):
                    break  # "Menurut militer Ukraina, Rusia menyerang ...", "According to Kyiv, Russia ...": the source
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
            between = self.doc[group[-1].end : _before_office(self.lows, group[-1].end, nxt.start, self.lang)]
            if 0 < len(between) <= 3 and any(t.lower_ in self.s.coordinators for t in between) and all(
                t.lower_ in self.s.coordinators or t.lower_ in self.s.determiners or t.is_punct and t.text in ",&" for t in between
            ) and not self.trailing_speaker(nxt):
                group.append(nxt)
                idx += 1
                continue
            break
        return group

    def trailing_speaker(self, span) -> bool:
        """Whether ``span`` names who says the sentence in an attribution after a comma ("..., a US official said",
        "..., British officials said on Monday", "..., pejabat Inggris mengatakan"): the speaker, no party of an act
        before the comma. Between the comma and the name only determiners, numbers and role nouns; after it at most
        three lower-case words before the speech verb (``speech_verbs``)."""
        roles = self._role_tokens()
        i = span.start - 1
        while i >= self.sent.start and (self.lows[i] in self.s.determiners or self.doc[i].like_num or i in roles):
            i -= 1
        if i < self.sent.start or self.doc[i].text != ",":
            return False
        k = span.end
        while k < min(self.sent.end, span.end + 3) and self.doc[k].is_lower and self.lows[k] not in self.s.speech_verbs:
            k += 1
        return k < self.sent.end and self.lows[k] in self.s.speech_verbs

    def _next_trigger_start(self, trig: Span, *, verbal_only: bool = False) -> int:
        later = [t.start for t in self.triggers if t.start >= trig.end and not (verbal_only and t.start in self.nominal)]
        return min(later) if later else self.sent.end

    def _prev_trigger_end(self, trig: Span) -> int:
        earlier = [t.end for t in self.triggers if t.end <= trig.start]
        return max(earlier) if earlier else self.sent.start

    def _clause_break_between(self, a: int, b: int) -> bool:
        return not self.s.clause_breaks.isdisjoint(self.lows[a:b]) if b > a else False

    # -- arguments -------------------------------------------------------------------------------------


def sentences_of(doc: Doc) -> list[Span]:
    """The doc's sentences, computed once (spaCy rebuilds ``doc.sents`` on every access)."""
    return _sentences_cached(doc)[0]


OFFICE_WORDS = 4  # the longest office phrase looked for before a name ("vice president", "menteri luar negeri")


@per_language
def _offices(lang: str) -> frozenset:
    """The language's offices (``sectors.jsonl`` entries with a ``role``) and titles (lang.json), as tuples of words."""
    offices = {tuple(n.words.lower().split()) for n in sector_nouns(lang) if n.role}
    return frozenset(offices | {(t,) for t in settings(lang).titles})


def _before_office(lows: list, lo: int, start: int, lang: str) -> int:
    """Where the office or title words right before token ``start`` begin ("President" in "he and President Ferdinand
    Marcos Jr.": an office of the language's ``sectors.jsonl`` with a ``role``, or one of lang.json's ``titles``); ``start``
    when there are none. No earlier than ``lo``."""
    offices = _offices(lang)
    k = start
    while True:
        found = next((k - n for n in range(OFFICE_WORDS, 0, -1) if k - n >= lo and tuple(lows[k - n : k]) in offices), None)
        if found is None:
            return k
        k = found
