"""The ``kg_triggers`` component: event trigger words (``data/lang/<code>/triggers.jsonl``) found in a Doc."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.caching import per_language
from kg.lang.schema import load
from kg.lang.settings import settings
from kg.nlp.context import kg_set, set_span_list, span_list
from kg.nlp.morphology import _forms, affix_candidates, is_passive_form, lemma_table
from kg.resources import lang_dir, read_jsonl


def _last_before(forms: list, i: int, words: frozenset, n: int) -> int | None:
    """The last token of the ``n`` before ``i`` with a form in ``words``, else None."""
    return next((j for j in range(i - 1, max(0, i - n) - 1, -1) if words.intersection(forms[j])), None)


def _in_sentence_of(doc: Doc, i: int, j: int) -> bool:
    """Whether token ``j`` (before or after ``i``) is in ``i``'s sentence. Looked up only for a hit:
    ``Doc.has_annotation`` and ``Token.sent`` walk the tokens."""
    if not doc.has_annotation("SENT_START"):
        return True
    sent = doc[i].sent
    return sent.start <= j < sent.end


DOER_BEFORE = 4  # how far before a trigger one of its ``before`` words (its doer: "missiles and drones hit") may be
PASSIVE_BEFORE = 6  # how far before a passive verb its required word (the patient: "envoy was expelled") may be


@dataclass(frozen=True, slots=True)
class Trigger:
    words: tuple[str, ...]
    code: str
    pos: str
    symmetric: bool
    target_preps: frozenset[str] | None
    requires: frozenset[str]
    number: int
    speaker: bool = False  # the act is the speaker's: "X says Y is responsible for the attack" -> X accuses Y
    window: int | None = None  # how far after the trigger ``requires`` looks (default: the tagger's window)
    before: frozenset[str] = frozenset()  # words that, just before the trigger, are its doer: "Russian missiles hit Kyiv"
    origin: str = "kg"  # where the entry comes from: kg's curated file, or "petrarch2" (kg.nlp.petrarch_layer)
    target_kinds: frozenset[str] = frozenset()  # the target must be an actor of one of these kinds ("igo": "quit the WHO")
    place_object: bool = False  # a place's name after it stands for ``requires`` ("took Bakhmut", "merebut Avdiivka")
    doer_sectors: frozenset[str] = frozenset()  # who may do it to a place so named: sectors, "state" for a state's name
    reverse: bool = False  # the act is done to the subject by the target: "Turkey received aid from Saudi Arabia"
    passive_doer: bool = False  # a passive use without agent: its subject's state does it ("tentara Rusia dikerahkan ke ...")
    claims_act: bool = False  # the act named after it is its subject's own: "X claimed responsibility for an attack on Y"
    excluded: frozenset[str] = frozenset()  # word forms it does not match: "mendemonstrasikan" (to show) for "demonstrasi"
    object_actor: bool = False  # an actor's name right after it stands for ``requires`` ("mengakui Beijing"): the parse must agree
    clause: bool = False  # an act only when the parse gives it a clause it controls ("persuaded Hamas to accept ...")
    topic_object: bool = False  # its direct object is what is talked about, never a party ("discussed Gaza with Egypt")
    future_threat: bool = False  # an act only as its speaker's threat, said of the future ("said it would retaliate")
    posting_target: bool = False  # an envoy it is done to is its doer's own, and the state the envoy is posted to its target ("recalled the Israeli ambassador to Turkey")
    armed_group_code: str | None = None  # its code when every doer is a non-state group: "ISIS bombed a market" is 183, not 195


@per_language
def load_triggers(lang: str) -> tuple[Trigger, ...]:
    path = lang_dir(lang) / "triggers.jsonl"
    if not path.is_file():
        return ()
    out = []
    for number, obj in read_jsonl(path):
        words = tuple(obj["words"].lower().split())
        tp = obj.get("target_preps")
        out.append(
            Trigger(
                words=words,
                code=str(obj["code"]),
                pos=obj.get("pos", "verb"),
                symmetric=bool(obj.get("symmetric", False)),
                target_preps=frozenset(w.lower() for w in tp) if tp is not None else None,
                requires=frozenset(w.lower() for w in obj.get("requires", [])),
                number=number,
                speaker=bool(obj.get("speaker_source", False)),
                window=int(obj["window"]) if obj.get("window") else None,
                before=frozenset(w.lower() for w in obj.get("before", [])),
                target_kinds=frozenset(obj.get("target_kinds", [])),
                place_object=bool(obj.get("requires_place", False)),
                doer_sectors=frozenset(obj.get("doer_sectors", [])),
                reverse=bool(obj.get("reverse", False)),
                passive_doer=bool(obj.get("passive_doer", False)),
                claims_act=bool(obj.get("claims_act", False)),
                excluded=frozenset(w.lower() for w in obj.get("except", [])),
                object_actor=bool(obj.get("requires_object", False)),
                clause=bool(obj.get("requires_clause", False)),
                topic_object=bool(obj.get("topic_object", False)),
                posting_target=bool(obj.get("posting_target", False)),
                future_threat=bool(obj.get("future_threat", False)),
                armed_group_code=str(obj["armed_group_code"]) if obj.get("armed_group_code") else None,
            )
        )
    return tuple(out)


class TriggerTagger:
    """Marks event trigger words (``doc.spans["kg_triggers"]``)."""

    def __init__(self, nlp: Language, name: str = "kg_triggers", *, lang: str, window: int = 4, petrarch: str | None = None):
        from kg.nlp.petrarch_layer import load_layer, parts_from_env

        self.lang = lang
        self.window = window
        self.lemmas = lemma_table(lang)
        s = settings(lang)
        # what makes a required word a verb of its own clause (:meth:`_verbal`), read once
        self._clause_openers = frozenset(s.complementisers) | frozenset(s.coordinators)
        self._negation = frozenset(s.negation)
        self._content_marks = frozenset(s.content_marks)
        # words that are a threat by themselves (an entry of root 13 with no required word: "threaten", "mengancam"):
        # threatening not to do something is still a threat, vowing not to attack is none
        self._threat_words = frozenset(t.words[0] for t in load_triggers(lang) if t.code[:2] == "13" and not t.requires)
        m = s.morphology if s.has_morphology else {}
        self._verb_prefixes = tuple(m.get("verbal_prefixes", [])) + tuple(m.get("passive_prefixes", []))
        self._transitive = tuple(m.get("transitive_prefixes", []))  # meN-, di-: a noun trigger so prefixed is a verb
        self._as_verbs: dict[int, Trigger] = {}  # noun entries read in such a form (:meth:`_in_verb_form`)
        self._cache: dict[int, tuple[str, ...]] = {}
        self._hits: set[int] = set()  # word forms (ORTH hashes) that can start a trigger
        self.index: dict[str, list[Trigger]] = {}
        for trig in load_triggers(lang):
            self.index.setdefault(trig.words[0], []).append(trig)
        for entries in self.index.values():
            entries.sort(key=lambda t: (-len(t.words), -len(t.requires)))
        # PETRARCH2's verb dictionary under the curated triggers (``petrarch``: None = KG_PETRARCH or the default)
        self.layer = load_layer(lang, parts_from_env(petrarch), load_triggers(lang), Trigger)
        self.keys = frozenset(self.index) | (self.layer.keys if self.layer is not None else frozenset())
        # a headline's bare verb, "Rusia Tolak ...", read in its active form (syntax.json headline_verb_prefixes)
        syntax = lang_dir(lang) / "syntax.json"
        raw = load(syntax).get("headline_verb_prefixes", []) if syntax.is_file() else []
        self._headline_prefixes = tuple((a.lower(), b.lower()) for a, b in raw)

    def _verbal(self, doc: Doc, j: int, listed: bool = False) -> bool:
        """Whether word ``j`` reads as a verb of its own clause: after a complementiser or a coordinator
        ("agreed *to meet*", "mengancam Ukraina *dan menggempur*") or, in a language with morphology, in a verbal
        or passive form ("menggempur", "diserang"), not a nominal one ("serangan", "serangannya")."""
        if j > 0 and doc[j - 1].lower_ in self._clause_openers:
            return True
        # an event noun written as the entry lists it is that noun, whatever its first letters ("dialog" is no di- verb)
        return not listed and bool(self._verb_prefixes) and doc[j].lower_.startswith(self._verb_prefixes)

    def _noun_entry(self, word: str) -> bool:
        """Whether ``word`` as written is a noun trigger of the lexicon ("dialog", not "mengalah")."""
        return any(t.pos == "noun" for t in self.index.get(word, ()))

    def _in_verb_form(self, word: str, stem: str) -> bool:
        """Whether ``word`` is a verb made of the noun trigger ``stem`` by a transitive prefix (``morphology``
        ``transitive_prefixes``): a loanword noun takes meN-/di- and is the verb of the same act, subject acting on
        object ("ekstradisi" -> "mengekstradisi", "diekstradisi"; "deportasi" -> "mendeportasi"), not when the bare
        word is the stem itself ("dialognya": a noun that only starts like "di-"). Intransitive ber- forms
        ("berdemonstrasi", "berkomitmen") keep the noun's reading: their target is a prepositional phrase."""
        if not self._transitive or word == stem or not word.startswith(self._transitive):
            return False
        analyses = [p for s, p, _x in affix_candidates(word, self.lang) if s == stem]
        return "" not in analyses and any(p.startswith(self._transitive) for p in analyses)

    def _as_verb(self, trig: Trigger) -> Trigger:
        """The verb reading of noun entry ``trig``: subject acts on object, its target prepositions kept."""
        got = self._as_verbs.get(trig.number)
        if got is None:
            got = self._as_verbs[trig.number] = replace(trig, pos="verb")
        return got

    def forms_of(self, doc: Doc) -> list[tuple[str, ...]]:
        """Forms of every token, from the token arrays (no Token objects): lower-case, lemma, stems.

        The lemma comes from the pipeline's own lemmatizer when it has one (a trained model), else
        from spaCy's lookup table, read directly and cached per word form.
        """
        return self._forms_and_hits(doc)[0]

    def _forms_and_hits(self, doc: Doc) -> tuple[list[tuple[str, ...]], list[int]]:
        """Every token's forms, and the indices of the tokens one of whose forms starts a trigger."""
        from spacy.attrs import LEMMA, ORTH

        strings = doc.vocab.strings
        keys = self.keys
        if doc.has_annotation("LEMMA"):
            arr = doc.to_array([ORTH, LEMMA]).tolist()
            forms = [_forms(strings[o].lower(), strings[le].lower(), self.lang) for o, le in arr]
            return forms, [i for i, fs in enumerate(forms) if any(f in keys for f in fs)]
        cache, hits = self._cache, self._hits
        if len(cache) > 500_000:
            cache.clear()
            hits.clear()
        hashes = doc.to_array(ORTH).tolist()
        forms = list(map(cache.get, hashes))
        if None in forms:  # word forms not seen yet
            for i, fs in enumerate(forms):
                if fs is None:
                    h = hashes[i]
                    word = strings[h]
                    lemma = self.lemmas.get(word, None) or self.lemmas.get(word.lower(), "") if self.lemmas is not None else ""
                    fs = forms[i] = cache[h] = _forms(word.lower(), lemma.lower(), self.lang)
                    if any(f in keys for f in fs):
                        hits.add(h)
        return forms, [i for i, h in enumerate(hashes) if h in hits]

    def _patient_before(self, doc: Doc, forms: list, i: int, requires: frozenset) -> bool:
        """A required word within :data:`PASSIVE_BEFORE` words before the passive verb at ``i``, in its
        sentence (the patient: "envoy was expelled")."""
        j = _last_before(forms, i, requires, PASSIVE_BEFORE)
        return j is not None and is_passive_form(doc[i], self.lang) and _in_sentence_of(doc, i, j)

    def _negated_required(self, forms: list, end: int, hi: int, requires: frozenset) -> bool:
        """Whether a negation word (lang.json ``negation``) stands between a trigger's end and the first of its required
        words: "vowed not to attack", "pledged no weapons", "bersumpah tidak akan menyerang". The act the entry codes
        ("vow" + "attack": a threat, 138) is the one the trigger says will not be done."""
        j = next((k for k in range(end, hi) if requires.intersection(forms[k])), None)
        return j is not None and any(forms[k][0] in self._negation for k in range(end, j))  # the word, not a stem: "sebelum"

    def _in_content_clause(self, forms: list, end: int, hi: int, requires: frozenset) -> bool:
        """Whether a content-clause mark (lang.json ``content_marks``) stands between a trigger's end and the first of
        its required words: "Germany recalled that its ambassador to Russia had warned ...", "mengingatkan bahwa
        duta besarnya ...". The required word belongs to the clause the verb reports, not to the verb's own act."""
        j = next((k for k in range(end, hi) if requires.intersection(forms[k])), None)
        return j is not None and any(forms[k][0] in self._content_marks for k in range(end, j))

    @staticmethod
    def _doer_before(doc: Doc, forms: list, i: int, trig: Trigger) -> bool:
        """One of the trigger's ``before`` words within :data:`DOER_BEFORE` words before it, in its sentence: the
        weapon or force that acts ("Russian missiles hit Kyiv", "missiles and drones hit Haifa")."""
        j = _last_before(forms, i, trig.before, DOER_BEFORE) if trig.before else None
        return j is not None and _in_sentence_of(doc, i, j)

    def _headline_stems(self, doc: Doc, forms: list, candidates: list) -> list:
        """``candidates`` and the capitalised words inside a sentence that are a verb's bare stem whose active form is a
        trigger (``headline_verb_prefixes``): title-case headlines drop meN- ("Rusia Tolak Usulan Ukraina", "Mesir Desak
        Israel ..."), which running text writes only at a sentence's start. The active form joins the word's forms."""
        out = set(candidates)
        for i in range(1, len(doc)):
            tok = doc[i]
            if not tok.is_title or tok.is_sent_start or not tok.is_alpha or tok.lower_.startswith(self._verb_prefixes):
                continue
            low = tok.lower_
            active = next((new + low[len(old):] for old, new in self._headline_prefixes if low.startswith(old)), None)
            if active in self.index and active not in forms[i] and any(t.pos == "verb" for t in self.index[active]):
                forms[i] = (active, *forms[i])
                out.add(i)
        return sorted(out)

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        n = len(doc)
        forms, candidates = self._forms_and_hits(doc)
        if self._headline_prefixes:
            candidates = self._headline_stems(doc, forms, candidates)
        index = self.index
        names = set()  # a word inside an actor's name is not a trigger ("Ban Ki-moon", "Strike Group")
        places = set()  # where a gazetteer place's name starts: what a ``requires_place`` trigger may act on
        starts = set()  # where an actor's name starts: what a ``requires_object`` trigger may act on
        if candidates:
            for span in span_list(doc, "kg_actors"):
                if span.label_ != "combo":
                    names.update(range(span.start, span.end))
                if span.label_ == "place":
                    places.add(span.start)
                else:
                    starts.add(span.start)
        objects = set()  # the word a trigger's ``requires`` found: its object, not an event of its own
        for i in candidates:
            if i in names:
                continue
            best: tuple[tuple[int, int], Trigger, str, bool] | None = None
            negated = False  # an entry's required word was negated: the word's plain entry is not meant either
            for form in forms[i]:
                entries = index.get(form)
                if not entries:
                    continue
                for trig in entries:
                    if trig.excluded and forms[i][0] in trig.excluded:
                        continue
                    words = trig.words
                    size = len(words)
                    rank = (size, len(trig.requires))
                    if best is not None and rank <= best[0]:
                        continue
                    end = i + size
                    if end > n or size > 1 and any(words[k] not in forms[i + k] for k in range(1, size)):
                        continue
                    matched_by = None  # "by_place" / "by_object": a name stood for the required word
                    hi = min(n, end + (trig.window or self.window))
                    if (trig.requires or trig.place_object or trig.object_actor) and not any(trig.requires.intersection(f) for f in forms[end:hi]):
                        # a passive verb's patient is written before it: "Moscow's envoy was expelled by Estonia",
                        # "tiga diplomat Iran diusir Albania", "the diplomats who were expelled by Germany"
                        if trig.place_object and any(j in places and _in_sentence_of(doc, i, j) for j in range(end, hi)):
                            matched_by = "by_place"  # "Russian troops took Bakhmut": the extractor checks who acts on what
                        elif trig.object_actor and end in starts and _in_sentence_of(doc, i, end):
                            matched_by = "by_object"  # "Nikaragua mengakui Beijing": the extractor checks the parse's object
                        elif not trig.requires or (
                            not self._patient_before(doc, forms, i, trig.requires) and not self._doer_before(doc, forms, i, trig)
                        ):
                            continue
                    elif trig.requires and self._negated_required(forms, end, hi, trig.requires) \
                            and self._threat_words.isdisjoint(forms[i]):
                        negated = True  # "vowed not to attack": no threat; "threatened not to renew" stays one (a threat verb)
                        continue
                    elif trig.requires and self._in_content_clause(forms, end, hi, trig.requires):
                        continue  # "recalled that its ambassador ...": the ambassador is the reported clause's
                    best = (rank, trig, form, matched_by)
            if best is not None and negated and not best[1].requires:
                best = None  # "promised not to send weapons": no promise of weapons, nor a promise to cooperate
            if best is not None:
                _rank, trig, form, matched_by = best
                if trig.pos == "noun" and self._in_verb_form(forms[i][0], form):
                    trig = self._as_verb(trig)  # "Thailand mengekstradisi ... ke AS", "dideportasi oleh Arab Saudi"
                if trig.requires:
                    end = i + len(trig.words)
                    hi = min(n, end + (trig.window or self.window))
                    # "lifted all sanctions against", "an end to rocket attacks", "mengakhiri serangannya": the
                    # sanctions and the attacks are what the act ends, not a second event of the same doer
                    objects.update(
                        j for j in range(end, hi)
                        if trig.requires.intersection(forms[j]) and _in_sentence_of(doc, i, j)
                        and not self._verbal(doc, j, listed=forms[j][0] in trig.requires and self._noun_entry(forms[j][0]))
                    )
                span = Span(doc, i, i + len(trig.words), label=trig.code, kb_id=str(trig.number))
                info = {"trigger": trig, "form": form}
                if matched_by:
                    info[matched_by] = True
                kg_set(span, info)
                found.append(span)
        found = filter_spans([span for span in found if objects.isdisjoint(range(span.start, span.end))])
        if self.layer is not None:
            found = self.layer.tag(doc, forms, candidates, found, names)
        set_span_list(doc, "kg_triggers", found)
        return doc
