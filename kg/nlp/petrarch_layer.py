r"""PETRARCH2's verb dictionary as a lower-precedence trigger layer under kg's curated triggers.

``scripts/import_petrarch.py`` turns PETRARCH2's verb dictionary into ``data/petrarch/`` (triggers.jsonl: verbs
that code alone; patterns.jsonl: a verb with the words that must stand before/after it; negative_contexts.jsonl:
discard phrases). :class:`Layer` reads them for one language (PETRARCH's dictionaries are English) and, after
the curated tagger has run, adds a trigger wherever no curated trigger stands:

1. a **pattern** of the verb whose elements all match around it, checked in token windows (noun words,
   a preposition and its object, a synset word, in order, with at most :data:`GAP` other tokens before each;
   no clause break or punctuation in a gap). The most specific match wins; a pattern with code ``null``
   (PETRARCH's ``[---]``) blocks coding of the verb. A pattern whose target follows a preposition
   ("* + (WITH)") gives that preposition as the trigger's ``target_preps``. Patterns whose source stands
   after the verb or whose target stands before it are left out: the window rules cannot check those;
2. else the verb's own **trigger** (its lemma, or one of its inflected ``forms``).

Then **discards**: a discard phrase in a sentence (``scope: sentence``) or anywhere in the document
(``scope: story``) suppresses the layer's triggers there (sports results, weather, history).

kg's curated triggers always win: the layer never adds a trigger on a token a curated trigger covers, and
the converter already leaves out every PETRARCH verb a curated entry has (``CONFLICTS.tsv``).

Which parts are used is :data:`DEFAULT_PARTS`, chosen by measurement; ``KG_PETRARCH`` overrides it:
``0`` (none), ``*`` (all), or a comma list of :data:`PARTS`. English, strict root-level event precision/recall
(``kg evaluate ../shared/corpus/dev``, en row; ``python bench/sentences.py --file tests/data/events_en.jsonl``;
the same with ``--file tests/data/constructions_en.jsonl``), each part alone over kg's curated triggers:

=================  ===============  ==========  ==============
KG_PETRARCH         dev en P/R       events P/R  constructions
=================  ===============  ==========  ==============
0 (none)            0.88/0.58        .926/.732   .904/.723
\* (all)            0.44/0.46        .775/.690   .742/.685
generic             0.43/0.50        .773/.669   .723/.662
triggers            0.82/0.54        .906/.728   .904/.723
patterns            0.83/0.58        .916/.732   .904/.723
generic_patterns    0.83/0.58        .921/.732   .894/.715
before_patterns     0.82/0.54        .921/.732   .905/.731
prep_patterns       0.88/0.58        .921/.732   .904/.723
discards_all        0.88/0.54        .926/.732   .904/.723
phrasal             0.88/0.58        .926/.732   .904/.723
default             0.88/0.58        .926/.732   .904/.723
=================  ===============  ==========  ==============

Every part that codes more verbs lowers precision on these sets: PETRARCH's verbs coding alone are often
common words with other senses ("beat" 182 in sports results, "take" 171, "celebrate" 051, "guard" 074),
and its patterns code acts the suites' coders leave out ("consider a request" 014, "send troops to" 062,
"give N hours" 139); a PETRARCH verb in a sentence also changes what the window rules give neighbouring
curated triggers. Discards over curated triggers drop true events (years like 2008 are discards: history
for PETRARCH, the event's date for kg). So the default is what does not lower precision: the multi-word
verbs with a specific code ("kick out" 174, "gun down" 193, "take over" 171), the ``[---]`` blockers and the
discards over the layer's own triggers. The other parts are there to be switched on, e.g. with a trained
pipeline whose POS tags tell verbs from nouns (the layer then only codes tokens tagged VERB).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span

from kg.lang.settings import settings
from kg.lexicon.petrarch import folder as _folder
from kg.lexicon.petrarch import synsets as _synsets
from kg.resources import read_jsonl

PARTS = (
    "patterns",  # verb + the words after it ("impose" + SANCTIONS), with a specific code
    "prep_patterns",  # verb + a bare preposition ("dispatch" + (TO)), specific code
    "before_patterns",  # patterns with words before the verb (&WEAPON *): in windows these catch nouns ("missile launch")
    "generic_patterns",  # patterns whose code is a bare root ("010", "190")
    "phrasal",  # multi-word verbs coding alone ("string up" 190, "take note" 010)
    "triggers",  # one-word verbs coding alone with a specific code ("stab" 182, "forbid" 172)
    "generic",  # verbs coding alone with a bare root code ("rule" 060, "learn" 040)
    "discards",  # discard phrases suppress the layer's triggers
    "discards_all",  # ... and the curated ones too
    "blockers",  # PETRARCH's [---] patterns block the layer's trigger on their verb
)
DEFAULT_PARTS: frozenset[str] = frozenset({"phrasal", "discards", "blockers"})
GAP = 3  # tokens allowed before each pattern element
SOURCE = "petrarch2"
LANGS = ("en",)  # the languages the dictionaries are written in


def parts_from_env(value: str | None = None) -> frozenset[str]:
    """The parts in use: ``KG_PETRARCH`` (``0`` none, ``1`` or empty the default, ``*`` every part, or a comma
    list such as ``patterns,triggers``), else the default.

    >>> sorted(parts_from_env("triggers,discards"))
    ['discards', 'triggers']
    >>> parts_from_env("0")
    frozenset()
    """
    value = os.environ.get("KG_PETRARCH") if value is None else value
    value = (value or "").strip()
    if value in ("", "1"):
        return DEFAULT_PARTS
    if value == "0":
        return frozenset()
    if value == "*":
        return frozenset(PARTS)
    parts = frozenset(p.strip() for p in value.split(",") if p.strip())
    unknown = parts - set(PARTS)
    if unknown:
        raise ValueError(f"KG_PETRARCH: unknown part(s) {', '.join(sorted(unknown))} (known: 0, 1, *, {', '.join(PARTS)})")
    return parts


def is_generic(code: str) -> bool:
    """A bare root code ("010", "190"): the verb says little beyond its root.

    >>> is_generic("190"), is_generic("193"), is_generic("0331")
    (True, False, False)
    """
    return len(code) == 3 and code.endswith("0")


# -- pattern elements ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Element:
    kind: str  # words | prep | synset | slot (a source/target/skip marker)
    words: tuple[tuple[str, ...], ...] = ()  # alternatives, each a word sequence (words/synset); prep: ((prep,),)
    obj: Element | None = None  # a preposition's object


@dataclass(frozen=True, slots=True)
class Pattern:
    verb: tuple[str, ...]
    code: str | None  # None: blocks coding
    before: tuple[Element, ...]
    after: tuple[Element, ...]
    target_preps: frozenset[str] | None
    text: str
    line: int

    @property
    def size(self) -> int:
        return sum(_element_size(e) for e in self.before + self.after)


def _element_size(e: Element | None) -> int:
    if e is None:
        return 0
    if e.kind in ("words", "synset"):
        return max(len(w) for w in e.words)
    if e.kind == "prep":
        return 1 + _element_size(e.obj)
    return 0


def _element(obj: dict | None, synsets: dict[str, tuple[str, ...]]) -> Element | None:
    """One element of patterns.jsonl as an :class:`Element` (None: unreadable, the pattern is skipped)."""
    if obj is None:
        return None
    kind = obj.get("type")
    if kind == "noun":
        words = tuple(w.lower() for w in obj.get("words") or ())
        return Element("words", (words,)) if words else None
    if kind == "synset":
        phrases = synsets.get(obj.get("name"))
        if not phrases:
            return None
        return Element("synset", tuple(tuple(p.lower().split()) for p in phrases))
    if kind == "prep":
        sub = obj.get("object")
        inner = _element(sub, synsets) if sub is not None else None
        if sub is not None and inner is None:
            return None
        return Element("prep", ((obj["prep"].lower(),),), inner)
    if kind in ("source", "target", "skip"):
        return Element("slot")
    return None  # "compound" and anything else: not checked here


# -- the layer ----------------------------------------------------------------------------------------


@dataclass
class Layer:
    """The PETRARCH triggers, patterns and discards of one language, as selected by ``parts``."""

    lang: str
    parts: frozenset[str]
    triggers: dict[str, list] = field(default_factory=dict)  # first word -> Trigger variants (longest first)
    patterns: dict[str, list[Pattern]] = field(default_factory=dict)  # first verb word -> patterns (most specific first)
    discard_words: dict[str, list[tuple[tuple[str, ...], str, bool]]] = field(default_factory=dict)  # first word -> (words, scope, stem)
    discard_stems: tuple[tuple[str, str], ...] = ()  # one-word stem discards: (stem, scope)
    breaks: frozenset[str] = frozenset()
    trigger_cls: type | None = None  # kg.nlp.triggers.Trigger (passed in: no import cycle)
    symmetric: frozenset[str] = frozenset()  # codes whose verbs are symmetric
    made: dict = field(default_factory=dict)  # pattern -> its Trigger
    preps: frozenset[str] = frozenset()  # prepositions (not "to"): a verb right after one is a gerund
    complementisers: frozenset[str] = frozenset()

    @property
    def keys(self) -> frozenset[str]:
        """Every word form that can start one of the layer's triggers."""
        return frozenset(self.triggers) | frozenset(self.patterns)

    # -- matching ------------------------------------------------------------------------------------
    def _breaks_gap(self, lows: list[str], doc: Doc, k: int) -> bool:
        """Token k may not stand between two elements: a clause break, or "to"/"not" (what follows is a verb:
        "expected to visit"), or punctuation but a hyphen."""
        low = lows[k]
        return low in self.breaks or low in self.complementisers or (doc[k].is_punct and low not in ("-", "'", "\u2019"))

    @staticmethod
    def _seq_at(forms, i: int, words: tuple[str, ...], n: int) -> bool:
        if i + len(words) > n:
            return False
        for k, w in enumerate(words):
            if w not in forms[i + k]:
                return False
        return True

    def _match_forward(self, e: Element, forms, lows, doc: Doc, start: int, limit: int) -> int | None:
        """The end of the first match of ``e`` starting at most GAP tokens after ``start``, else None."""
        for i in range(start, min(limit, start + GAP + 1)):
            if i > start and self._breaks_gap(lows, doc, i - 1):  # the gap start..i-2 was checked before
                return None
            if e.kind in ("words", "synset"):
                for words in e.words:
                    if self._seq_at(forms, i, words, limit):
                        return i + len(words)
            elif e.kind == "prep":
                if lows[i] == e.words[0][0]:
                    if e.obj is None:
                        return i + 1
                    end = self._match_forward(e.obj, forms, lows, doc, i + 1, limit)
                    if end is not None:
                        return end
        return None

    def _match_backward(self, e: Element, forms, lows, doc: Doc, end: int, floor: int) -> int | None:
        """The start of a match of ``e`` ending at most GAP tokens before ``end``, else None."""
        for j in range(end, max(floor, end - GAP - 1) - 1, -1):
            if j < end and (end - j > GAP or self._breaks_gap(lows, doc, j)):  # the gap j+1..end-1 was checked before
                return None
            if e.kind in ("words", "synset"):
                for words in e.words:
                    s = j - len(words)
                    if s >= floor and self._seq_at(forms, s, words, j):
                        return s
            elif e.kind == "prep" and e.obj is None and j - 1 >= floor and lows[j - 1] == e.words[0][0]:
                return j - 1
        return None

    def _pattern_matches(self, p: Pattern, forms, lows, doc: Doc, i: int, sent_start: int, sent_end: int, taken: set[int]) -> bool:
        """All of the pattern's elements around the verb at ``i``, none on a curated trigger's words ("hold
        joint military exercises", "paid a visit": the curated noun codes the event, the verb adds nothing)."""
        pos = i + len(p.verb)
        slot = False
        for e in p.after:
            if e.kind == "slot":
                slot = True
                continue
            # after a source/target slot an actor's name may stand before the element: look further
            end = None
            for start in range(pos, min(sent_end, pos + (8 if slot else 1))):
                if start > pos and self._breaks_gap(lows, doc, start - 1):
                    break
                end = self._match_forward(e, forms, lows, doc, start, sent_end)
                if end is not None:
                    break
            if end is None or any(k in taken for k in range(pos, end)):
                return False
            pos, slot = end, False
        pos = i
        for e in reversed(p.before):
            if e.kind == "slot":
                continue
            start = self._match_backward(e, forms, lows, doc, pos, sent_start)
            if start is None or any(k in taken for k in range(start, pos)):
                return False
            pos = start
        return True

    def tag(self, doc: Doc, forms: list[tuple[str, ...]], candidates: list[int], found: list[Span], names: set[int]) -> list[Span]:
        """``found`` (the curated triggers) plus the layer's triggers, with the discards applied."""
        from kg.nlp.context import kg_set
        from kg.nlp.sentences import _sentences, lowers

        n = len(doc)
        taken = {k for sp in found for k in range(sp.start, sp.end)}
        sents, starts, _ = _sentences(doc)
        lows = lowers(doc)
        added: list[Span] = []
        from bisect import bisect_right

        from kg.nlp.context import span_list
        from kg.nlp.morphology import is_nominal_form

        inside = set(names)  # PETRARCH codes verbs: not a word of any actor phrase ("Iranian forces")
        for sp in span_list(doc, "kg_actors"):
            inside.update(range(sp.start, sp.end))
        tagged = doc.has_annotation("POS")
        for i in candidates:
            if i in taken or i in inside:
                continue
            if (tagged and doc[i].pos_ != "VERB") or (not tagged and is_nominal_form(doc[i], self.lang)):
                continue  # "the crackdown", "its rule": a noun here, and the dictionary's entries are verbs
            if i > 0 and lows[i - 1] in self.preps:
                continue  # "talks on ending", "accused X of sponsoring": a gerund, not the clause's verb
            sent = sents[bisect_right(starts, i) - 1] if sents else None
            s_start, s_end = (sent.start, sent.end) if sent is not None else (0, n)
            best = None
            if self.patterns:
                for form in forms[i]:
                    for p in self.patterns.get(form, ()):
                        if best is not None and p.size <= best.size:
                            continue
                        # a one-word verb is there (indexed by a form of token i, which is not taken)
                        if len(p.verb) > 1 and (not self._seq_at(forms, i, p.verb, s_end) or any(i + k in taken for k in range(len(p.verb)))):
                            continue
                        if self._pattern_matches(p, forms, lows, doc, i, s_start, s_end, taken):
                            best = p
            trig, form_used = None, None
            if best is not None:
                if best.code is None:
                    continue  # PETRARCH's [---]: this use of the verb codes nothing
                trig, form_used = self._pattern_trigger(best), best.verb[0]
            else:
                for form in forms[i]:
                    for t in self.triggers.get(form, ()):
                        if len(t.words) == 1 or self._seq_at(forms, i, t.words, s_end) and not any(i + k in taken for k in range(len(t.words))):
                            if trig is None or len(t.words) > len(trig.words):
                                trig, form_used = t, form
            if trig is None:
                continue
            span = Span(doc, i, i + len(trig.words), label=trig.code, kb_id=f"{SOURCE}:{trig.number}")
            kg_set(span, {"trigger": trig, "form": form_used, "source": SOURCE, "pattern": best.text if best is not None else None})
            added.append(span)
            taken.update(range(span.start, span.end))
        out = found + added
        if (added and "discards" in self.parts) or (out and "discards_all" in self.parts):
            out = self._discard(doc, lows, out, sents, starts, also_curated="discards_all" in self.parts)
        return out

    def _discard(self, doc: Doc, lows: list[str], spans: list[Span], sents, starts, *, also_curated: bool) -> list[Span]:
        from bisect import bisect_right

        if not spans:
            return spans
        story = False
        bad_sents: set[int] = set()
        n = len(lows)
        for i, low in enumerate(lows):
            hits = []
            for words, scope, stem in self.discard_words.get(low, ()):  # (the first word is matched whole)
                m = len(words)
                if i + m <= n and all(lows[i + k] == words[k] for k in range(m - 1)):
                    last = lows[i + m - 1]
                    if last == words[-1] or (stem and last.startswith(words[-1])):
                        hits.append(scope)
            if self.discard_stems and low.startswith(tuple(s for s, _ in self.discard_stems)):
                hits.extend(scope for s, scope in self.discard_stems if low.startswith(s))
            for scope in hits:
                if scope == "story":
                    story = True
                else:
                    bad_sents.add(bisect_right(starts, i) - 1 if sents else 0)
        if not story and not bad_sents:
            return spans
        out = []
        for sp in spans:
            ours = sp.kb_id_.startswith(SOURCE + ":")
            if (ours or also_curated) and (story or (bisect_right(starts, sp.start) - 1 if sents else 0) in bad_sents):
                continue
            out.append(sp)
        return out

    def _pattern_trigger(self, p: Pattern):
        t = self.made.get(p)
        if t is None:
            t = self.made[p] = self.trigger_cls(
                words=p.verb, code=p.code, pos="verb", symmetric=p.code in self.symmetric, target_preps=p.target_preps,
                requires=frozenset(), number=p.line, origin=SOURCE,
            )
        return t


def _types(elements: list) -> set[str]:
    """The element types in ``elements``, a preposition's object included."""
    out: set[str] = set()
    for e in elements:
        while e:
            out.add(e.get("type"))
            e = e.get("object")
    return out


def _pattern_selected(obj: dict, code: str, parts: frozenset[str]) -> bool:
    """Whether a coding pattern belongs to the selected parts (see :data:`PARTS`)."""
    if is_generic(code):
        return "generic_patterns" in parts
    if any(e.get("type") in ("noun", "synset") for e in obj.get("before") or []):
        return "before_patterns" in parts
    if any(e.get("type") in ("noun", "synset") or (e.get("type") == "prep" and e.get("object")) for e in obj.get("after") or []):
        return "patterns" in parts
    return "prep_patterns" in parts


def _symmetric_codes(curated: tuple) -> frozenset[str]:
    """Codes every curated trigger with that code marks symmetric (meetings, talks): the layer's verbs with
    those codes are symmetric too."""
    by_code: dict[str, set[bool]] = {}
    for t in curated:
        by_code.setdefault(t.code, set()).add(t.symmetric)
    return frozenset(code for code, kinds in by_code.items() if kinds == {True})


def _rows(name: str):
    path = _folder() / name
    return read_jsonl(path) if path.is_file() else ()


@cache
def load_layer(lang: str, parts: frozenset[str], curated_triggers: tuple, trigger_cls: type) -> Layer | None:
    """The layer for ``lang`` with ``parts`` over ``curated_triggers`` (kg.nlp.triggers.load_triggers), its
    entries made as ``trigger_cls``; None when the language has no PETRARCH data or no part is used."""
    if settings(lang).raw.get("spacy_lang", lang) not in LANGS or not parts:  # the dictionaries are English (a copy of en too)
        return None
    Trigger = trigger_cls
    sym = _symmetric_codes(curated_triggers)
    curated = {t.words for t in curated_triggers}
    s = settings(lang)
    preps = (s.target_preps_verb | s.target_preps_noun | s.locative_preps | s.of_preps) - s.complementisers
    layer = Layer(lang=lang, parts=parts, breaks=frozenset(s.clause_breaks), preps=frozenset(preps), trigger_cls=trigger_cls, symmetric=sym,
                  complementisers=frozenset(s.complementisers))
    if parts & {"phrasal", "triggers", "generic"}:
        for line, obj in _rows("triggers.jsonl"):
            code = str(obj["code"])
            if ("generic" if is_generic(code) else "phrasal" if " " in obj["words"].strip() else "triggers") not in parts:
                continue
            variants = [obj["words"]] + list(obj.get("forms") or [])
            for text in dict.fromkeys(v.lower() for v in variants):
                words = tuple(text.split())
                if not words or words in curated:
                    continue
                t = Trigger(
                    words=words, code=code, pos=obj.get("pos", "verb"), symmetric=code in sym, target_preps=None,
                    requires=frozenset(), number=int(obj.get("line", line)), origin=SOURCE,
                )
                layer.triggers.setdefault(words[0], []).append(t)
    if parts & {"patterns", "prep_patterns", "before_patterns", "generic_patterns", "blockers"}:
        synsets = _synsets()
        for line, obj in _rows("patterns.jsonl"):
            if "transformation" in obj or obj.get("kg_conflict"):
                continue  # verb-on-verb rules; patterns whose code kg's curated entry settles otherwise
            code = obj.get("code")
            if code is None and "blockers" not in parts:
                continue
            if code is not None and not _pattern_selected(obj, str(code), parts):
                continue
            raw_before, raw_after = obj.get("before") or [], obj.get("after") or []
            if "source" in _types(raw_after) or "target" in _types(raw_before):
                continue  # a source after the verb, a target before it: positions the window rules cannot check
            tgt = obj.get("target_position") or {}
            before = [_element(e, synsets) for e in raw_before]
            after = [_element(e, synsets) for e in raw_after]
            if any(e is None for e in before + after) or not any(e.kind != "slot" for e in before + after):
                continue
            for verb in obj.get("verbs") or []:
                words = tuple(verb.lower().split())
                if not words:
                    continue
                layer.patterns.setdefault(words[0], []).append(
                    Pattern(
                        verb=words, code=str(code) if code is not None else None, before=tuple(before), after=tuple(after),
                        target_preps=frozenset([tgt["prep"].lower()]) if tgt.get("prep") else None,
                        text=obj.get("pattern", ""), line=int(obj.get("line", line)),
                    )
                )
        for plist in layer.patterns.values():
            plist.sort(key=lambda p: (-p.size, p.line))
    if "discards" in parts or "discards_all" in parts:
        stems = []
        for _n, obj in _rows("negative_contexts.jsonl"):
            words = tuple(obj["words"].lower().split())
            if not words:
                continue
            stem = obj.get("match", "stem") == "stem"
            scope = obj.get("scope", "sentence")
            if len(words) == 1 and stem:
                stems.append((words[0], scope))
            else:
                layer.discard_words.setdefault(words[0], []).append((words, scope, stem))
        layer.discard_stems = tuple(stems)
    for plist in layer.triggers.values():
        plist.sort(key=lambda t: -len(t.words))
    return layer
