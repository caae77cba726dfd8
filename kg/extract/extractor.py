"""The Extractor: a Document through kg's spaCy pipeline and the sentence rules, out comes an Extraction."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from spacy.tokens import Doc, Span

from kg.extract import confidence as confidence_mod
from kg.extract.act_context import act_kind, claimed_by, responder_target, stopped_code, victim_target
from kg.extract.arguments import _state_protest, _sure_doer
from kg.extract.coordination import between_pair, listed_before, subject_elsewhere, unpaired
from kg.extract.echo_doer import with_echoed_doers
from kg.extract.intent import _intent_is_now, gives_aid, intent_event
from kg.extract.participants import actor_for, participant
from kg.extract.posting import posted_parties
from kg.extract.rules import SentenceRules
from kg.extract.sentence import COMPLEMENT_ROOTS, _Arg, _Memory, _Ref, filed_end, names_earlier_actor, sentences_of
from kg.extract.reading import modifier_agent, parsed_as_noun, parsed_as_verb, passive_place, past_effect_verb, place_after_agent
from kg.extract.syntax.adjunct import place_in_time_adjunct
from kg.extract.syntax.asked import clause_asked
from kg.extract.syntax.object_act import object_act
from kg.extract.syntax.relative import fronted_antecedent, inside_closed_relative
from kg.extract.syntax.halted_owner import others_act_halted
from kg.extract.syntax.selfref import group_speaker
from kg.extract.threat import threat_modality
from kg.extract.syntax.use import (
    STATS, alleged, capacity_act, coref_target, halted, halted_by_subject, modifies_other_noun, needs_parse, parse_mode,
    parse_doer, parse_sentences, place_act, refused, syntax_args, syntax_frame, veto,
)
from kg.lexicon import cameo
from kg.lexicon.lexicon import load_lexicon
from kg.model import ActorMention, Document, Event, Extraction, Mention, Modality, stable_id
from kg.nlp.context import doc_context, kg_get, span_list
from kg.nlp.morphology import is_nominal_form, is_passive_form
from kg.nlp.pipeline import get_pipeline
from kg.nlp.sections import SECTION_CHARS, join_docs, split_sections


@cache
def model_language(model: str) -> str:
    """Language code of an installed or saved spaCy pipeline (without loading it)."""
    from pathlib import Path

    import spacy.util

    path = Path(model)
    if not path.exists():
        try:
            path = spacy.util.get_package_path(model)
        except Exception:
            raise LookupError(f"cannot find spaCy pipeline {model!r}: install it with pip or give its folder") from None
    try:
        return spacy.util.load_meta(path / "meta.json")["lang"]
    except (OSError, KeyError, ValueError):
        raise LookupError(f"{model!r} is not a spaCy pipeline folder (no meta.json)") from None


# how the parse finds the doer of a verb its subject controls ("siap memperkuat", "ready to deepen"); not one an
# object controls ("urged X and Y to agree": only asked for)
CONTROLLED = ("verb:xcomp-control", "verb:ccomp-control", "verb:ccomp-speaker", "verb:advcl-share-subj")

BATCH_DOCS = 16  # documents extracted together by extract_many (their sentences parsed in one batch)
BATCH_CHARS = 200_000  # ... unless they hold more characters than this


def doc_batches(documents: Iterable) -> Iterator[list]:
    """``documents`` in lists of up to :data:`BATCH_DOCS` documents or :data:`BATCH_CHARS` characters."""
    batch: list = []
    chars = 0
    for document in documents:
        batch.append(document)
        chars += len(document.text)
        if len(batch) >= BATCH_DOCS or chars >= BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


@dataclass
class _Prepared:
    """A document between kg's pipeline and the rules: its Doc, its Extraction so far (actor mentions),
    the sentences the rules will read ``(index, sentence, actor and place spans in it)`` and the parsed
    copies of those that were parsed ``{sentence start: parsed Doc}``."""

    document: Document
    doc: Doc
    ex: Extraction
    wanted: list
    parsed: dict = field(default_factory=dict)


COREF_KINDS = frozenset({"pair", "prev-subject", "description", "pronoun-and", "host-counterpart", "accuser", "org"})  # in the rule: "...+pair"

STATE_FORCES = frozenset({None, "GOV", "MIL"})  # a state itself, its government or its armed forces


def _resolved(arg: _Arg) -> bool:
    """Whether ``arg`` stands for actors named in an earlier sentence (:mod:`kg.extract.coref`)."""
    return any(isinstance(sp, _Ref) and sp._.kg["rule"] in ("coref:pair", "coref:prev-subject", "coref:description") for sp in arg.spans)


def _new_reading(*args) -> bool:
    """Whether a side of the event is a pair ("both sides") or a host's counterpart (:mod:`kg.extract.coref`)."""
    return any(isinstance(sp, _Ref) and sp._.kg["rule"] in ("coref:pair", "coref:host-counterpart") for a in args if a for sp in a.spans)


class Extractor:
    """Turns Documents into :class:`~kg.model.Extraction` objects, one spaCy pipeline per language."""

    def __init__(
        self, *, lexicon_files: Iterable[str] = (), model: str | None = None, batch_size: int = 32, syntax=None
    ):
        """``syntax``: how the parse is used (:mod:`kg.extract.syntax.use`): None/True = ``"full,veto"``,
        False/``"off"`` = the window rules only."""
        self.lexicon_files = tuple(lexicon_files)
        self.syntax = parse_mode(syntax)
        self.model = model
        if model:
            model_language(model)  # fail now, with a clear message, not once per document
        self.batch_size = batch_size
        self.lex = load_lexicon(self.lexicon_files)

    def nlp(self, lang: str):
        """The pipeline for ``lang``: the user's trained model for its own language, else kg's default."""
        use_model = self.model if self.model and model_language(self.model) == lang else None
        return get_pipeline(lang, model=use_model, lexicon_files=self.lexicon_files)

    def actors(self, document: Document) -> Extraction:
        """Only the actor and place mentions of ``document`` (no events): what ``kg actors`` shows."""
        use_model = self.model if self.model and model_language(self.model) == document.lang else None
        nlp = get_pipeline(document.lang, model=use_model, lexicon_files=self.lexicon_files, actors_only=True)
        doc = self._process(nlp, document.text, document.date)  # the date: who held office then
        for group in ("kg_triggers", "kg_time"):
            doc.spans.setdefault(group, [])
        # the mentions only: no sentence rules, no parse, even when the pipeline is the full one (cached by an
        # earlier extraction in this process, with triggers that would otherwise code events)
        return self._prepare(document, doc).ex

    def extract(self, document: Document) -> Extraction:
        return self.extract_batch([document])[0]

    def extract_batch(self, documents: list[Document]) -> list[Extraction]:
        """Extractions of ``documents``, in order. The sentences of all of them that need the parse are
        parsed together (one batch per language: the syntax models run faster on bigger batches)."""
        preps = [self._prepare(document, self._doc_of(document)) for document in documents]
        self._parse(preps)
        return [self._finish(prep) for prep in preps]

    def _doc_of(self, document: Document) -> Doc:
        nlp = self.nlp(document.lang)
        text = document.text
        if len(text) <= SECTION_CHARS:
            return self._process(nlp, text, document.date)
        # spaCy refuses over 1,000,000 characters (E088): sections, joined back (kg.nlp.sections)
        doc = join_docs([self._process(nlp, part, document.date) for part in split_sections(text, SECTION_CHARS)], text)
        ctx = doc_context(doc)
        ctx.text, ctx.ref_date = text, document.date
        return doc

    @staticmethod
    def _process(nlp, text: str, ref_date) -> Doc:
        doc = nlp.make_doc(text)
        ctx = doc_context(doc)
        ctx.text, ctx.ref_date = text, ref_date
        for _name, proc in nlp.pipeline:
            doc = proc(doc)
        return doc

    def extract_many(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """Extractions of ``documents`` in order, extracted in batches (:meth:`extract_batch`) of up to
        :data:`BATCH_DOCS` documents or :data:`BATCH_CHARS` characters."""
        for batch in doc_batches(documents):
            yield from self.extract_batch(batch)

    # ---------------------------------------------------------------------------------------------------
    def from_doc(self, document: Document, doc: Doc) -> Extraction:
        prep = self._prepare(document, doc)
        self._parse([prep])
        return self._finish(prep)

    def _prepare(self, document: Document, doc: Doc) -> _Prepared:
        """The document's actor mentions, and the sentences the rules will read (those with a trigger
        candidate and an actor or place), before any parse."""
        ex = Extraction(document=document)
        # plain lists, made once: iterating a SpanGroup builds new Span objects every time
        lists = {g: span_list(doc, g) for g in ("kg_actors", "kg_triggers", "kg_time")}
        for span in lists["kg_actors"]:
            kg = kg_get(span) or {}
            if span.label_ == "place":
                place = self.lex.places.get(span.kb_id_.removeprefix("place:"))
                if place:
                    ex.places[place.id] = place
                continue
            actor = actor_for(self.lex, span, ex)
            ex.actor_mentions.append(
                ActorMention(
                    actor_id=actor.id,
                    code=actor.code_at(document.date),
                    start=span.start_char,
                    end=span.end_char,
                    text=document.text[span.start_char : span.end_char],
                    rule=kg.get("rule", span.label_),
                    confidence=float(kg.get("conf", 0.5)),
                    sector=kg.get("sector"),
                    role=kg.get("role"),
                )
            )
        starts = doc_context(doc).span_starts = {g: [x.start for x in v] for g, v in lists.items()}
        trigger_starts, actor_starts = starts["kg_triggers"], starts["kg_actors"]
        wanted = []
        all_sents = sentences_of(doc)
        for s_index, sent in enumerate(all_sents):
            s_start, s_end = filed_end(doc, sent), sent.end  # a date line's place and words are none of its own
            if bisect_left(trigger_starts, s_start) == bisect_left(trigger_starts, s_end):
                continue  # no trigger in the sentence: nothing to extract
            n_spans = bisect_left(actor_starts, s_end) - bisect_left(actor_starts, s_start)
            if not n_spans:
                # no actor (or place): only a pronoun or group noun for an earlier one ("Both sides agreed ...")
                if not names_earlier_actor(doc, sent, document.lang):
                    continue
            wanted.append((s_index, sent, n_spans))
        STATS.sentences += len(all_sents)
        return _Prepared(document, doc, ex, wanted)

    def _parse(self, preps: list[_Prepared]) -> None:
        """Parse, in one batch per language, the sentences of ``preps`` whose parse can change the result
        (:func:`~kg.extract.syntax.use.needs_parse`); the rest are never parsed."""
        if not self.syntax:
            return
        by_lang: dict[str, list] = {}
        for prep in preps:
            for _, sent, n_spans in prep.wanted:
                if needs_parse(n_spans, len(sent)):
                    by_lang.setdefault(prep.document.lang, []).append((prep, sent))
        for lang, items in by_lang.items():
            # a sentence's parse starts after its date line ("KYIV, Ukraine (AP) — Russia launched ..."),
            # which a parser reads as the sentence's subject or hangs its verb on
            items = [(prep, sent, filed_end(prep.doc, sent)) for prep, sent in items]
            from kg.extract.syntax.names import person_names, placeholder_name

            names = [person_names(prep.doc, opens, sent.end, self.lex) for prep, sent, opens in items] if placeholder_name(lang) else None
            subs = parse_sentences([prep.doc[opens : sent.end] for prep, sent, opens in items], lang, names)
            for (prep, sent, opens), sub in zip(items, subs):
                prep.parsed[sent.start] = (sub, opens)
        STATS.parsed += sum(len(p.parsed) for p in preps)

    def _finish(self, prep: _Prepared) -> Extraction:
        document, doc, ex, parsed = prep.document, prep.doc, prep.ex, prep.parsed
        lang = document.lang
        seen: set[tuple] = set()
        memory = _Memory(sents=sentences_of(doc))
        for s_index, sent, n_spans in prep.wanted:
            memory.s_index = s_index
            rules = SentenceRules(doc, sent, lang, self.lex, memory)
            if sent.start in parsed:
                rules.syntax = parsed[sent.start]  # (the parsed copy, the token it starts at)
            if not rules.triggers or (not rules.actors and n_spans and not names_earlier_actor(doc, sent, lang)):
                continue  # places only, and no pronoun or group noun for an earlier actor
            # nominal arguments first, so that "serangan Israel" does not lend Israel to the next verb
            for trig in rules.triggers:
                if (self._is_nominal(trig, lang) and not parsed_as_verb(rules, trig)) or parsed_as_noun(rules, trig):
                    rules.nominal.add(trig.start)
                    agent = rules.nominal_agent(trig)
                    if agent:
                        rules.attached.update(sp.start for sp in agent.spans)
            for trig in rules.triggers:
                found = self._event(document, ex, rules, trig, s_index, sent)
                if found is None:
                    continue
                event, evidence = found
                key = (
                    tuple(p.code for p in event.sources),
                    tuple(p.code for p in event.targets),
                    event.root,
                    s_index,
                )
                if key in seen:
                    continue
                seen.add(key)
                ex.events.append(event)
                confidence_mod.record(event, evidence)
                found = None if kg_get(trig)["trigger"].reverse else intent_event(event, evidence, document.date, scheduled=rules.scheduled(trig), said=rules.said_on(trig))  # a receiver states no intent of the giver's
                if found is not None and (key[:2] + (found[0].root, s_index)) not in seen:
                    seen.add(key[:2] + (found[0].root, s_index))
                    ex.events.append(found[0])
                    confidence_mod.record(*found)
        return ex

    def _code_of(self, span, ex, when):
        try:
            return participant(self.lex, span, ex, when).code
        except (KeyError, AttributeError, TypeError):
            return None

    @staticmethod
    def _is_nominal(trig: Span, lang: str) -> bool:
        t = kg_get(trig)["trigger"]
        return t.pos == "noun" or is_nominal_form(trig[0], lang)

    def _event(self, document, ex, rules: SentenceRules, trig: Span, s_index: int, sent: Span):
        """The event ``trig`` makes and its :class:`confidence_mod.Evidence` (its confidence is the score of it), or None."""
        t = kg_get(trig)["trigger"]
        lang = document.lang
        s = rules.s
        if any(a.start <= trig.start < a.end for a in rules.actors + rules.places):
            STATS.in_name += 1
            return None  # a trigger word inside a recognised name ("Ban" in "Ban Ki-moon") is no trigger
        nominal = trig.start in rules.nominal
        passive = not nominal and is_passive_form(trig[0], lang)
        requested = False
        # a claim reaches past the act it claims to that act's target ('claimed responsibility for attacking a US warship')
        stop = rules.sent.end if t.claims_act else rules._next_trigger_start(trig, verbal_only=not nominal)
        verb_preps = t.target_preps if t.target_preps is not None else s.target_preps_verb
        noun_preps = t.target_preps if t.target_preps is not None else s.target_preps_noun
        source = target = None
        posting = False  # the target is the state an envoy done to is posted to (:mod:`kg.extract.posting`)
        lone = False  # a symmetric verb with one side found by the window rules: the parse must give its controller
        if t.symmetric:
            subj = rules.nominal_agent(trig) if nominal else None
            if subj is None:
                subj = rules.subject(trig)
                if nominal and subj is not None and rules.verb_between(subj, trig, skip=s.venue_verbs):
                    return None  # "refused to return to talks with X": the talks are what was refused ("hosted talks" are held)
            partner = rules.after(trig, verb_preps | noun_preps | s.partner_preps, direct=not (nominal or t.topic_object), stop=stop)
            if partner is not None and subj is not None and _resolved(subj) and not partner.how.startswith(("prep:", "place:")):
                partner = None  # "the two ministers met to discuss North Korea's launches": a topic, no third party
            if partner is None and subj is not None:
                partner = rules.counterpart_target(trig, subj, stop)  # "... arrived in Seoul. He met his counterpart"
            if subj is not None and partner is not None and len(subj.spans) >= 2 and partner.how.startswith("prep:"):
                if partner.how.removeprefix("prep:") not in (t.target_preps or s.partner_preps):
                    partner = None  # "X and Y agreed to get Syria's factions to talks": no third party "to" the accord
            if partner is not None and len(partner.spans) >= 2 and partner.how.removeprefix("prep:") in s.mutual_preps:
                # "Turkey hosted talks between Russia and Ukraine": the two sides named are the act's, not its host
                source, target = _Arg(partner.spans[:1], "first-named"), _Arg(partner.spans[1:], "participants")
            elif subj is not None and partner is not None and len(subj.spans) >= 2:
                # "the two leaders met with the UN envoy": each of them met the envoy
                source, target = subj, partner
            else:
                people = (subj.spans if subj else []) + (partner.spans if partner else [])
                if len(people) >= 2:
                    if unpaired(rules, trig, subj, partner):
                        return None  # "He met Putin and Xi", "are also negotiating": no pair of the act
                    source, target = _Arg(people[:1], "first-named"), _Arg(people[1:], "participants")
                elif nominal or not people:
                    return None
                else:  # the parse may still name the doer of a controlled verb ("X menyatakan siap memperkuat ... dengan Y")
                    lone = True
        elif passive:
            target = rules.subject(trig)
            source = rules.agent_after(trig, stop)
            if source is None and t.passive_doer and target is not None:  # "Russian troops were deployed to X": Russia's act
                source, target = target, rules.after(trig, verb_preps, direct=False, stop=stop)
            elif source is None and s.has_morphology:
                # Indonesian "dibunuh Israel": the agent may follow the verb without "oleh"
                source = rules.after(trig, frozenset(), direct=True, stop=stop)
            source, target, posting = posted_parties(rules, t, source, target)  # "Turkey's ambassador to Israel was recalled"
        elif nominal:
            source = rules.nominal_agent(trig) or rules.agent_after(trig, stop, nominal=True) or claimed_by(rules, trig)
            if source is None:
                source = rules.subject(trig)
                if source is not None and rules.verb_between(source, trig) and not capacity_act(rules, trig):
                    return None  # the noun is the object of another event's verb ("condemned the strike"), not its "as" phrase
            target = rules.after(trig, noun_preps, direct=False, stop=stop)
        elif t.speaker:
            # "The U.S. says the Syrian government is responsible for the attack": the speaker accuses
            target = rules.subject(trig) or rules.clause_subject(trig)
            source = rules.speaker_of(target) if target is not None else None
        else:
            source = rules.subject(trig)
            asked = rules.complement_object(trig)
            if asked is not None:
                # "China urged Russia to withdraw": Russia is asked to act; it has not (yet)
                source, requested = asked, True
            target = None
            if t.target_preps:  # the lexicon says where this verb's target is: "extradited X to the US"
                target = rules.after(trig, verb_preps, direct=False, stop=stop)
            target = target or rules.after(trig, verb_preps, direct=True, stop=stop)
            source, target, posting = posted_parties(rules, t, source, target)  # "recalled the Israeli ambassador to Turkey"
            if rules.in_denied_clause(trig, target):
                target = None  # "Russia denied that Ukrainian drones had hit ...": not Ukraine's claim that is denied
            if target is not None and source is not None and rules.same_side(source, target):
                target = None  # "Abe called the launch a threat to Japan's security": not Japan against Japan
            if target is None and source is not None and t.code[:2] in COMPLEMENT_ROOTS:
                target = rules.complement_target(trig, verb_preps)
            if target is None and source is not None and t.code[:2] in ("10", "11", "12", "13", "16", "17"):
                target = rules.anaphoric_event_target(trig)
        syn_rule = None
        path = "window"
        fr, cands = syntax_frame(rules, trig, nominal)
        stopped = stopped_code(t.code) if halted_by_subject(fr, rules) else None  # "Turkey halted its military operation": 087
        if refused(fr, rules) or alleged(fr, rules) or (halted(fr, rules) and not stopped):
            return None  # "refused to send weapons to Ukraine", "menuduh Rusia menembaki Kharkiv": the refusal, the accusation is the event
        if fr is not None:
            syn = syntax_args(fr, cands, t, rules) if "full" in self.syntax else None
            if syn is not None:
                source, target, syn_rule = listed_before(source, syn[0]), syn[1], syn[2]  # "Mali, Burkina Faso dan Niger"
                if not group_speaker(rules, syn_rule, source) or others_act_halted(t.code, syn_rule):
                    return None  # "Israel's army said the group fired ...": not the speaker's; "to end Iran's attacks"
                source, target, posting = posted_parties(rules, t, source, target)
                if (moved := rules.own_place_object(fr, cands, source, target)) is not None:  # "memprotes klaim Jepang atas Dokdo"
                    target, syn_rule = moved, syn_rule + ">own-place-object"
                if lone and (not syn_rule.startswith(CONTROLLED) or syn_rule.startswith("verb:xcomp-control(obj)")):
                    return None
                pair = between_pair(rules, source, target, syn_rule) if t.symmetric and nominal else None
                if pair is not None:  # "Turkey hosted talks between Russia and Ukraine": the host is no party
                    (source, target), syn_rule = pair, syn_rule + ">between-pair"
                path = "syntax"
                requested = requested or any(a.rule.startswith("xcomp-control(obj)") for a in fr.sources)
            else:
                if "veto" in self.syntax:
                    source, target, vetoed = veto(fr, cands, source, target, t, nominal, rules)
                    if vetoed:
                        STATS.vetoed += 1
                if source is not None and target is not None:
                    said = {id(cands[a.index]) for a in fr.sources + fr.targets}
                    agrees = any(id(sp) in said for sp in source.spans + target.spans)
                    path = "window+parse" if agrees else "window?parse"
        if fr is not None and path != "syntax" and source is not None and target is not None and not t.symmetric and _resolved(source):
            target = coref_target(fr, cands, target)  # "He backed China's plan for Ukraine": the parse's object
        target = rules.group_object(trig, source, target)  # "Egypt urged both sides to ...": each of the pair named before
        if target is None:  # "Moscow rejected the accusation": the accuser before; "dismissed Russia's offer": made to it
            target = rules.accuser_target(trig, source, passive) or (responder_target(rules, fr, trig, source) or victim_target(rules, fr, trig, source) if nominal else None)
        if target is None:
            target = rules.org_target(trig, source)  # "Mali quit the bloc": the organisation named before
        if target is None:  # "criticised Sweden and urged it to ...", "mendesaknya": the other party named before
            target = rules.object_anaphor(trig, source, nominal, passive)
        if not rules.actors and not rules.places and not _new_reading(source, target):
            return None  # a sentence read only for its pronoun or group noun: only a pair ("both sides") or a host's counterpart
        if source is None and target is None and cameo.quad_of_root(t.code[:2]) == 4 and not t.symmetric and not nominal:
            source = parse_doer(fr, cands)  # "Gunmen from the Pakistani Taliban attacked a police station in Peshawar"
        if path != "syntax" and source is not None and target is None and inside_closed_relative(trig.start, source.spans, rules):
            source = fronted_antecedent(trig.start, source.spans, rules)  # "menuduh Ukraina, yang menerima tank Jerman, menembaki ..."
        if source is not None and target is None and cameo.quad_of_root(t.code[:2]) == 4 and not t.symmetric:
            target = rules.place_target(trig, source, stop, via=(noun_preps - s.locative_preps) if nominal else None)
            target = target or (place_after_agent(rules, trig, source, stop) if nominal else None)
            target = target or (passive_place(rules, trig, source) if passive else None)
        elif source is not None and target is None and gives_aid(t.code):  # "pledged aid for flood victims in Pakistan"
            target = rules.place_target(trig, source, stop, via=(noun_preps if nominal else verb_preps) - s.locative_preps)
        if place_in_time_adjunct(trig, target, rules):
            target = None  # "closed the border in the wake of the Israeli strike on Gaza": the strike's place, not the closure's
        if source is not None and target is None and _sure_doer(source, fr, cands, nominal, rules, trig):
            rules.memory.remember_attack(t.code, source.spans)  # "North Korea fired a missile": remembered
        target = past_effect_verb(rules, trig, target)  # "Iran's support for Hezbollah worries Israel": Israel feels it
        source, target = with_echoed_doers(rules, trig, source, target)  # "..., and so did France": a second doer, no target
        if source is None or target is None or modifier_agent(rules, trig, source) or (path != "syntax" and subject_elsewhere(rules, trig, source)):
            return None  # (nor an agent of a participle on the doer noun: "Rebels backed by Iran attacked Israel"; nor an actor before the parse's subject)
        source, target = (target, source) if t.reverse else (source, target)  # "X received aid from Y": Y's aid to X
        if rules.is_held_hostage(trig, passive):
            return None  # "sandera yang masih ditahan Hamas", "hostages still held by Hamas": a state, no new act
        if path == "syntax":
            target = rules.with_located_state(target)
        target, visited = rules.located_place(target)
        when = rules.coref_date(rules.time_for(trig, document.date), source)  # "Both sides signed": their date
        when_date = when.as_date() if when else document.date
        try:
            sources = [participant(self.lex, sp, ex, when_date) for sp in source.spans]
            targets = [participant(self.lex, sp, ex, when_date) for sp in target.spans]
        except KeyError:  # a place outside any state ("the Red Sea") cannot stand for an actor
            return None
        if kg_get(trig).get("by_place") and not place_act(
            t, fr, path, target, [*zip(source.spans, sources)], [*zip(target.spans, targets)], rules
        ):
            return None  # "took Bakhmut" is an act only of a state's force on a place the parse makes its object
        if kg_get(trig).get("by_object") and not object_act(fr, path, target, rules):
            return None  # "mengakui Beijing" is a recognition; "mengakui Rusia lebih kuat" an admission
        if t.clause and not clause_asked(fr, rules):
            return None  # "persuaded Hamas to accept" is an appeal; "convinced that ...", "convinced by X's promises to" none
        targets = [p for p in targets if p.code and all(p.code != q.code for q in sources)]
        sources = [p for p in sources if p.code]
        if not sources or not targets:
            return None
        if t.target_kinds and (any(ex.actors[p.actor_id].kind.value not in t.target_kinds for p in targets)
                               or any(modifies_other_noun(rules, sp, trig) for sp in target.spans)):
            return None  # "quit the WHO" is a withdrawal from an organisation; "left Gaza", "left the NATO summit" are not
        rules.used_as_target.update(sp.start for sp in target.spans)
        rules.memory.remember_attack(t.code, source.spans)
        if nominal:
            rules.attached.update(sp.start for sp in source.spans + target.spans)
        info = cameo.info(t.code)
        if info.root == "17" and rules.hostage_patient(trig, passive):
            info = cameo.info("181")  # "Hamas menahan dua sandera": taking hostages, not an arrest
        if info.code == "140" and _state_protest(rules, source.spans, sources, trig):
            info = cameo.info("114")  # "Manila protests ...", "Japan protested to China": an official complaint
        if info.code == "183" and all(":" not in p.code and p.sector in STATE_FORCES for p in sources):
            info = cameo.info("195")  # "Israel's bombing of Gaza": a state's bombing is an air strike, not a car bomb
        if t.armed_group_code and all(p.code.startswith("NSA:") for p in sources):
            info = cameo.info(t.armed_group_code)  # "ISIS bombed a market", "pengeboman oleh ISIS": a car bomb, no air strike
        info = cameo.info(stopped) if stopped else act_kind(info, rules, trig, sources)  # tourists arriving are no visit; ...
        if info is None:
            return None
        if info.root in ("18", "19") and sources and all(p.sector == "CVL" for p in sources):
            info = cameo.info("145")  # civilians storming or besieging: a violent protest, not an armed attack
        all_spans = [trig] + source.spans + target.spans
        start_char = min(sp.start_char for sp in all_spans)
        end_char = max(sp.end_char for sp in all_spans)
        text = document.text
        mention = Mention(
            doc_id=document.id,
            sentence_index=s_index,
            start=start_char,
            end=end_char,
            text=text[start_char:end_char],
            sentence=text[sent.start_char : sent.end_char].strip(),
            sentence_start=sent.start_char,
        )
        place = rules.place_for(trig) or visited
        if place:
            ex.places[place.id] = place
        modality = Modality.HYPOTHETICAL if requested else _intent_is_now(info.root, rules.modality_with_date(
            # only a real publication date (given, or from metadata) says what "after the article" is
            trig, when, document.date if document.date_source in ("option", "metadata") else None
        ))
        if t.future_threat:  # "said it would retaliate against Israel": the speaker's threat, made now
            modality = threat_modality(fr, rules, trig, modality, sources, target, lambda sp: self._code_of(sp, ex, when_date))
            if modality is None:
                return None
        args = source.spans + target.spans
        refs = sorted({sp._.kg["rule"].removeprefix("coref:") for sp in args if isinstance(sp, _Ref)} & COREF_KINDS)
        alias = any((kg_get(sp) or {}).get("rule", "").startswith("names:alias") for sp in args)  # "Keita" for Moussa Keita
        rules.memory.remember_claim(info.root, s_index, trig.start, source.spans, target.spans)  # "... rejected the accusation"
        if fr is not None and fr.speech is not None and fr.speech.speakers:
            # "Russia said Ukrainian drones had attacked ...": the speaker claims it of both sides ("Kyiv denied the claim")
            said = [cands[a.index] for a in fr.speech.speakers]
            rules.memory.remember_claim(rules.memory.CLAIM_ROOTS[0], s_index, trig.start, said, source.spans + target.spans)
        if not refs:  # who did it to whom, as named here: what "both sides", "the two countries" may stand for next
            rules.memory.event_sides.setdefault(s_index, []).append((list(source.spans), list(target.spans), info.code))
        evidence = confidence_mod.Evidence(
            path=path,
            source_how=source.how,
            target_how=target.how,
            trigger_words=len(trig),
            nominal=nominal,
            speaker=t.speaker,
            modality=modality.value,
            distance=max(max(trig.start - sp.end, sp.start - trig.end, 0) for sp in args),
            actor_conf=min((kg_get(sp) or {}).get("conf", 0.8) for sp in args),
            date_inferred=bool(when is not None and when.inferred),
            coref=any(isinstance(sp, _Ref) for sp in args),
            coref_kind="+".join(refs),
        )
        conf = confidence_mod.score(evidence)
        if syn_rule:
            STATS.syntax_events += 1
        else:
            STATS.window_events += 1
        event = Event(
            id=stable_id(document.id, trig.start_char, trig.end_char, t.code, prefix="ev_"),
            code=info.code,
            root=info.root,
            label=info.label,
            quad_class=info.quad_class,
            goldstein=info.goldstein,
            sources=tuple(sources),
            targets=tuple(targets),
            mention=mention,
            trigger=trig.text,
            date=when,
            place=place,
            modality=modality,
            quantities=rules.quantities(trig, stop),
            symmetric=t.symmetric,
            confidence=conf,
            rule=(f"syntax:{syn_rule}" if syn_rule else f"window:{'symmetric' if t.symmetric else 'passive' if passive else 'nominal' if nominal else 'active'}:{source.how}>{target.how}")
            + "".join(f"+{r}" for r in refs) + ("+alias" if alias else "") + ("+posting" if posting else ""),
        )
        return event, evidence
