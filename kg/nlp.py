"""spaCy pipelines, one per language, built from kg's data files.

The default pipeline needs no trained model: ``spacy.blank(lang)`` + sentencizer + (lemma lookups) +
three kg components registered here with ``@Language.factory``:

``kg_actors``
    Lexicon phrase matching (names, adjectives, metonyms, places), sector/role nouns combined with the
    state they qualify ("Iranian forces", "pasukan Israel", "the president of Iran"), appositions
    ("Presiden Rusia, Vladimir Putin") and discovery of unknown office holders through role patterns.
    Writes ``doc.spans["kg_actors"]`` (label = resolution rule, kb_id = actor id or ``place:<id>``).
``kg_triggers``
    Event trigger words from ``data/lang/<code>/triggers.jsonl``, matched on lemma, stem or lower-case
    form. Writes ``doc.spans["kg_triggers"]`` (label = CAMEO code, kb_id = entry number).
``kg_time``
    Time expressions (:mod:`kg.timex`). Writes ``doc.spans["kg_time"]``.

A user with a trained spaCy pipeline adds it with ``build_pipeline(lang, model="en_core_web_sm")``; kg's
components are appended to it and its sentence boundaries are used.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from dataclasses import dataclass
from functools import cache, lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .lexicon import Lexicon, load_lexicon, sector_nouns
from .resources import lang_dir, read_json, read_jsonl

log = logging.getLogger(__name__)

# Extensions are registered at import time so that worker processes see them too.
if not Span.has_extension("kg"):
    Span.set_extension("kg", default=None)


def kg_get(span) -> dict | None:
    """kg's information on a span (what resolved it, its trigger or time value): ``span._.kg``, read
    directly from where spaCy keeps it (building ``span._`` costs more than the rest of the lookup)."""
    if type(span) is Span:
        return span.doc.user_data.get(("._.", "kg", span.start_char, span.end_char))
    return span._.kg  # kg.extract._Ref and other stand-ins


def set_span_list(doc: Doc, group: str, spans: list[Span]) -> None:
    """``doc.spans[group] = spans``, keeping the Span objects too (in start order): iterating a
    SpanGroup makes new Span objects every time."""
    spans = sorted(spans, key=lambda x: x.start)
    doc.spans[group] = spans
    doc.user_data[("kg_list", group)] = spans


def span_list(doc: Doc, group: str) -> list[Span]:
    """The spans of ``doc.spans[group]`` in start order (the kept list, unless the group was changed)."""
    kept = doc.user_data.get(("kg_list", group))
    current = doc.spans.get(group)
    if current is None:
        return []
    if kept is None or len(kept) != len(current):
        kept = sorted(current, key=lambda x: x.start)
        doc.user_data[("kg_list", group)] = kept
    return kept


def kg_set(span: Span, info: dict) -> None:
    """Set ``span._.kg`` (the same storage as spaCy's, so ``span._.kg`` reads it back)."""
    span.doc.user_data[("._.", "kg", span.start_char, span.end_char)] = info


# -- language settings --------------------------------------------------------------------------------


class LangSettings:
    """A language's ``lang.json``: lists become lower-case frozensets, other values stay as they are."""

    def __init__(self, code: str, raw: dict):
        self.code = code
        self.raw = raw
        for key, value in raw.items():
            if key.startswith("_"):
                continue
            if isinstance(value, list):
                value = frozenset(w.lower() for w in value if isinstance(w, str))
            setattr(self, key, value)

    def __getattr__(self, key: str):  # a setting this language does not define
        if key.startswith("_"):
            raise AttributeError(key)
        return frozenset() if key.endswith(("s", "preps")) else None


@cache
def settings(lang: str) -> LangSettings:
    raw = read_json(lang_dir(lang) / "lang.json")
    if not raw:
        raise LookupError(f"no language settings for {lang!r} (data/lang/{lang}/lang.json)")
    return LangSettings(lang, raw)


# -- morphology ---------------------------------------------------------------------------------------


@cache
def _morph(lang: str) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...], int]:
    m = settings(lang).raw.get("morphology") or {}
    prefixes = tuple((p, r) for p, r in m.get("prefixes", []))
    suffixes = tuple(sorted(m.get("suffixes", []), key=len, reverse=True))
    return prefixes, suffixes, int(m.get("min_stem", 3))


@cache
def affix_candidates(word: str, lang: str) -> tuple[tuple[str, str, str], ...]:
    """Candidate ``(stem, prefix, suffix)`` analyses of ``word`` from the language's affix rules.

    >>> sorted(s for s, _p, _x in affix_candidates("diserang", "id"))
    ['diserang', 'serang']
    >>> ('serang', 'meny', '') in affix_candidates("menyerang", "id")
    True
    """
    prefixes, suffixes, min_len = _morph(lang)
    word = word.lower()
    out: list[tuple[str, str, str]] = [(word, "", "")]
    if not prefixes and not suffixes:
        return tuple(out)
    suffix_forms = [(word, "")] + [(word[: -len(s)], s) for s in suffixes if word.endswith(s) and len(word) - len(s) >= min_len]
    for base, suf in suffix_forms:
        if suf:
            out.append((base, "", suf))
        for pre, repl in prefixes:
            if base.startswith(pre) and len(base) - len(pre) + len(repl) >= min_len:
                stem = repl + base[len(pre) :]
                out.append((stem, pre, suf))
                # nested prefixes: memper-, diper-, ke-...-an
                for pre2, repl2 in prefixes:
                    if pre2 in ("per", "ber", "pe") and stem.startswith(pre2) and len(stem) - len(pre2) >= min_len:
                        out.append((repl2 + stem[len(pre2) :], pre + pre2, suf))
    # reduplication: "serang-menyerang", "tembak-menembak" -> first half
    if "-" in word:
        head = word.split("-", 1)[0]
        if len(head) >= min_len:
            out.append((head, "", "-redup"))
    return tuple(dict.fromkeys(out))


def lemma_of(token: Token, lang: str) -> str:
    """The token's lemma: from a trained pipeline's lemmatizer if any, else spaCy's lookup table."""
    if token.lemma_:
        return token.lemma_.lower()
    table = _lemma_table(settings(lang).raw.get("spacy_lang", lang)) if settings(lang).raw.get("lemmatizer") == "lookup" else None
    if table is None:
        return token.lower_
    return (table.get(token.text, None) or table.get(token.lower_, None) or token.lower_).lower()


def token_forms(token: Token, lang: str) -> tuple[str, ...]:
    """Every form a trigger word may match on this token: lower-case, lemma, affix-stripped stems."""
    return _forms(token.lower_, lemma_of(token, lang), lang)


@lru_cache(maxsize=500_000)
def _forms(lower: str, lemma: str, lang: str) -> tuple[str, ...]:
    forms = [lower]
    if lemma and lemma != lower:
        forms.append(lemma)
    forms.extend(stem for stem, _p, _s in affix_candidates(lower, lang)[1:])
    return tuple(dict.fromkeys(forms))


def is_passive_form(token: Token, lang: str) -> bool:
    """Indonesian di-/ter- verbs; English participles after a form of *be*."""
    s = settings(lang)
    m = s.raw.get("morphology")
    if m:
        low = token.lower_
        return any(low.startswith(p) and len(low) > len(p) + 2 for p in m.get("passive_prefixes", []))
    aux = s.passive_auxiliaries
    i = token.i - 1
    skipped = 0
    while i >= token.doc[0].i and skipped < 3:
        prev = token.doc[i]
        if prev.lower_ in aux:
            return token.lower_.endswith(tuple(s.raw.get("participle_suffixes", []))) or token.lower_ != lemma_of(token, lang)
        if prev.lower_.endswith("ly") or prev.lower_ in ("not", "also", "reportedly", "allegedly", "n't"):
            i -= 1
            skipped += 1
            continue
        break
    return False


def is_nominal_form(token: Token, lang: str) -> bool:
    """Indonesian -an / pe-...-an nouns ("serangan", "penyerangan"); English nouns after a determiner."""
    s = settings(lang)
    m = s.raw.get("morphology")
    low = token.lower_
    if m:
        return any(low.endswith(x) for x in m.get("nominal_suffixes", [])) and not low.startswith(
            tuple(m.get("passive_prefixes", []) + ["me", "ber"])
        )
    if token.i > 0:
        prev = token.doc[token.i - 1]
        if prev.lower_ in s.determiners or prev.lower_ in s.possessives:
            return True
        span = _actor_ending_at(token.doc, token.i)
        if span is not None and span.label_ == "adjective":
            return True
    return False


def _actor_ending_at(doc: Doc, i: int) -> Span | None:
    for span in span_list(doc, "kg_actors"):
        if span.end == i:
            return span
    return None


# -- components -----------------------------------------------------------------------------------------


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


@cache
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
            )
        )
    return tuple(out)


class TriggerTagger:
    """Marks event trigger words (``doc.spans["kg_triggers"]``)."""

    def __init__(self, nlp: Language, name: str = "kg_triggers", *, lang: str, window: int = 4):
        self.lang = lang
        self.window = window
        self.lemmas = _lemma_table(settings(lang).raw.get("spacy_lang", lang)) if settings(lang).raw.get("lemmatizer") == "lookup" else None
        self._cache: dict[int, tuple[str, ...]] = {}
        self._hits: set[int] = set()  # word forms (ORTH hashes) that can start a trigger
        self.index: dict[str, list[Trigger]] = {}
        for trig in load_triggers(lang):
            self.index.setdefault(trig.words[0], []).append(trig)
        for entries in self.index.values():
            entries.sort(key=lambda t: (-len(t.words), -len(t.requires)))

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
        index = self.index
        if doc.has_annotation("LEMMA"):
            arr = doc.to_array([ORTH, LEMMA]).tolist()
            forms = [_forms(strings[o].lower(), strings[le].lower(), self.lang) for o, le in arr]
            return forms, [i for i, fs in enumerate(forms) if any(f in index for f in fs)]
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
                    if any(f in index for f in fs):
                        hits.add(h)
        return forms, [i for i, h in enumerate(hashes) if h in hits]

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        n = len(doc)
        forms, candidates = self._forms_and_hits(doc)
        index = self.index
        names = set()  # a word inside an actor's name is not a trigger ("Ban Ki-moon", "Strike Group")
        if candidates:
            for span in span_list(doc, "kg_actors"):
                if span.label_ != "combo":
                    names.update(range(span.start, span.end))
        for i in candidates:
            if i in names:
                continue
            best: tuple[tuple[int, int], Trigger, str] | None = None
            for form in forms[i]:
                entries = index.get(form)
                if not entries:
                    continue
                for trig in entries:
                    rank = (len(trig.words), len(trig.requires))
                    if best is not None and rank <= best[0]:
                        continue
                    end = i + len(trig.words)
                    if end > n or any(trig.words[k] not in forms[i + k] for k in range(1, len(trig.words))):
                        continue
                    if trig.requires and not any(trig.requires.intersection(f) for f in forms[end : min(n, end + (trig.window or self.window))]):
                        continue
                    best = (rank, trig, form)
            if best is not None:
                _rank, trig, form = best
                span = Span(doc, i, i + len(trig.words), label=trig.code, kb_id=str(trig.number))
                kg_set(span, {"trigger": trig, "form": form})
                found.append(span)
        set_span_list(doc, "kg_triggers", filter_spans(found))
        return doc


class TimeTaggerComponent:
    def __init__(self, nlp: Language, name: str = "kg_time", *, lang: str):
        from .timex import TimeTagger

        self.tagger = TimeTagger.for_lang(lang)

    def __call__(self, doc: Doc) -> Doc:
        from dataclasses import replace

        ref = doc.user_data.get("kg_ref_date")
        spans = []
        text = doc_text(doc)
        for m in self.tagger.find_in_narrative(text, ref):
            if m.kind == "absolute" and m.start < 2000 and self.tagger.is_dateline_at(text, m.start, m.end):
                m = replace(m, kind="dateline")  # "MANILA, Friday, August 9, 2024 — ...": the paper's date
            span = doc.char_span(m.start, m.end, label=m.kind, alignment_mode="expand")
            if span is not None:
                kg_set(span, {"time": m})
                spans.append(span)
        set_span_list(doc, "kg_time", filter_spans(spans))
        return doc


def _filter_overlaps(matches: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``spacy.util.filter_spans`` on ``(key, start, end)`` tuples: longest first, then earliest; no
    overlaps; in order of start. (Spans are made only for what is kept.)"""
    if len(matches) < 2:
        return list(matches)
    taken: set[int] = set()
    kept = []
    for m in sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True):
        if m[1] not in taken and m[2] - 1 not in taken:
            kept.append(m)
            taken.update(range(m[1], m[2]))
    return sorted(kept, key=lambda m: m[1])


# English adjective endings: a capitalised word ending so before a name qualifies it ("Kurdish SDF",
# "Embattled Ukraine") rather than being part of a longer name ("Hunter Biden")
_ADJECTIVE_ENDINGS = ("ed", "ing", "ish", "ian", "ese", "ic", "i")


class PhraseIndex:
    """Exact matching of token sequences on one token attribute (``ORTH`` or ``LOWER``), as spaCy's
    ``PhraseMatcher`` does, built from the patterns' strings alone.

    A ``PhraseMatcher`` needs a ``Doc`` per pattern, and so a ``Lexeme`` (with all its lexical
    attributes computed in Python) for every word of thousands of names: most of kg's start-up.
    Here a pattern is the tuple of its words' string hashes, indexed by its first word.

    >>> import spacy
    >>> from spacy.attrs import LOWER
    >>> nlp = spacy.blank("en")
    >>> index = PhraseIndex(nlp.vocab.strings, LOWER)
    >>> index.add("navy", ["navy"]); index.add("armed forces", ["armed", "forces"])
    >>> index(nlp("The Navy and the armed forces"))
    [('navy', 1, 2), ('armed forces', 4, 6)]
    """

    def __init__(self, strings, attr: int):
        self.strings, self.attr = strings, attr
        self._single: dict[int, str] = {}  # one-word patterns by their word
        self._pairs: dict[tuple[int, int], list[tuple[tuple[int, ...], str]]] = {}  # longer ones by their first two
        self._firsts: set[int] = set()  # first words of longer patterns
        self._starts: set[int] = set()  # first words of any pattern

    def add(self, key: str, words: list[str]) -> None:
        if not words:
            return
        hashes = tuple(self.strings.add(w) for w in words)
        self._starts.add(hashes[0])
        if len(hashes) == 1:
            self._single.setdefault(hashes[0], key)
        else:
            self._firsts.add(hashes[0])
            self._pairs.setdefault(hashes[:2], []).append((hashes[2:], key))

    def __len__(self) -> int:
        return len(self._single) + sum(len(v) for v in self._pairs.values())

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """Every match as ``(key, start, end)``, in order of start (overlaps included)."""
        if not len(doc):
            return []
        hashes = doc.to_array(self.attr).tolist()
        single, pairs, firsts, starts, n = self._single, self._pairs, self._firsts, self._starts, len(hashes)
        out = []
        for i in [i for i, h in enumerate(hashes) if h in starts]:
            h = hashes[i]
            key = single.get(h)
            if key is not None:
                out.append((key, i, i + 1))
            if h in firsts and i + 1 < n:
                for rest, key in pairs.get((h, hashes[i + 1]), ()):
                    end = i + 2 + len(rest)
                    if end <= n and (not rest or tuple(hashes[i + 2 : end]) == rest):
                        out.append((key, i, end))
        return out


class ActorTagger:
    """Finds and resolves actor and place mentions (``doc.spans["kg_actors"]``)."""

    def __init__(self, nlp: Language, name: str = "kg_actors", *, lang: str, lexicon_files: tuple[str, ...] = ()):
        self.lang = lang
        self.lex: Lexicon = load_lexicon(tuple(lexicon_files))
        self.s = settings(lang)
        from spacy.attrs import LOWER, ORTH

        self.names = PhraseIndex(nlp.vocab.strings, ORTH)
        # one pattern per surface string, to keep the index small
        by_text: dict[str, list] = {}
        for surf in self.lex.surfaces(lang):
            by_text.setdefault(surf.text, []).append(surf)
        self.by_text = by_text
        self._choice_cache: dict[str, tuple] = {}
        for text, words in zip(by_text, _tokenized(nlp, lang, tuple(by_text))):
            self.names.add(text, words)
        self.sectors = PhraseIndex(nlp.vocab.strings, LOWER)
        self.sector_info = {}
        nouns = sector_nouns(lang)
        for noun, words in zip(nouns, _tokenized(nlp, lang, tuple(n.words for n in nouns))):
            self.sector_info[noun.words.lower()] = noun
            self.sectors.add(noun.words.lower(), [w.lower() for w in words])

    # ------------------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        lows = lowers(doc)
        mentions = _filter_overlaps(self.names(doc))
        sectors = [Span(doc, st, en, label="sector") for _key, st, en in _filter_overlaps(self.sectors(doc))]
        sector_at = {sp.start: sp for sp in sectors}
        sector_end = {sp.end: sp for sp in sectors}
        loc = self.s.locative_preps
        out: list[Span] = []
        used_sectors: set[int] = set()
        for text, start, end in mentions:
            locative = start > 0 and lows[start - 1] in loc
            place, actor = self._choices(text)
            choice = place if place is not None and (locative or actor is None) else actor
            if choice is None:
                continue
            if start >= 2 and lows[start - 1] == "-" and lows[start - 2] in ("pro", "anti"):
                continue  # "pro-Palestinian demonstrators" take a side; they are not Palestinians
            new = Span(doc, start, end, label=choice.type, kb_id=choice.target)
            info = {"sector": choice.sector, "role": None, "rule": f"lexicon:{choice.type}", "conf": 0.9, "locative": locative}
            if choice.type == "place":
                info["rule"] = "gazetteer"
            elif choice.type == "metonym":
                info["conf"] = 0.75
            kg_set(new, info)
            out.append(new)
        out = self._combine(doc, out, sector_at, sector_end, used_sectors)
        out = self._placed_groups(doc, out, sectors, used_sectors)
        out = self._appositions(doc, out)
        out = self._role_phrases(doc, out, sectors, used_sectors)
        out = self._drop_name_parts(doc, out, sectors)
        out = self._head_mentions(doc, out)
        set_span_list(doc, "kg_actors", out)
        doc.spans["kg_sectors"] = [sp for sp in sectors if sp.start not in used_sectors]
        return doc

    def _choices(self, text: str):
        """The place and the actor a surface string can stand for (names over adjectives over metonyms)."""
        cache = self._choice_cache
        found = cache.get(text)
        if found is None:
            surfs = self.by_text[text]
            places = [x for x in surfs if x.type == "place"]
            rank = {"name": 0, "adjective": 1, "metonym": 2}
            actors = sorted((x for x in surfs if x.type != "place"), key=lambda x: rank.get(x.type, 3))
            found = cache[text] = (places[0] if places else None, actors[0] if actors else None)
        return found

    def _combine(self, doc, spans, sector_at, sector_end, used) -> list[Span]:
        """State + sector noun -> one agent span ("Iranian forces", "pasukan Israel")."""
        out: list[Span] = []
        order = self.s.sector_order
        poss = self.s.possessives
        of = self.s.of_preps
        consumed: set[int] = set()
        lows = lowers(doc)
        for idx, span in enumerate(spans):
            if idx in consumed:
                continue
            kg = kg_get(span)
            actor = self.lex.actors.get(span.kb_id_)
            is_state = actor is not None and actor.kind.value == "state"
            if not is_state or kg["locative"] and order == "noun_first" and span.start - 1 in sector_end.keys():
                pass
            new = None
            if actor is not None and actor.kind.value == "person" and span.label_ == "name" and actor.country:
                # "the Biden administration", "pemerintahan Biden": the leader's government
                sec = sector_at.get(span.end) if order == "modifier_first" else sector_end.get(span.start)
                state = self.lex.actors.get(actor.country.lower())
                if sec is not None and state is not None and lows[sec.start] in self.s.person_government_nouns:
                    start, end = (span.start, sec.end) if order == "modifier_first" else (sec.start, span.end)
                    used.add(sec.start)
                    combo = Span(doc, start, end, label="combo", kb_id=state.id)
                    kg_set(combo, {"sector": "GOV", "role": None, "rule": "combo:leader+government", "conf": 0.8,
                                   "locative": start > 0 and lows[start - 1] in self.s.locative_preps})  # fmt: skip
                    out.append(combo)
                    continue
            if is_state and order == "modifier_first":
                j = span.end
                if j < len(doc) and lows[j] in poss:
                    j += 1
                sec = sector_at.get(j)
                if sec is not None:
                    new = (span.start, sec.end, sec)
                elif span.start >= 2 and lows[span.start - 1] in of:
                    k = span.start - 1
                    if lows[k - 1] == "the":
                        pass
                    sec = sector_end.get(k)
                    if sec is not None:
                        start = sec.start - 1 if sec.start > 0 and lows[sec.start - 1] == "the" else sec.start
                        new = (start, span.end, sec)
            elif is_state and order == "noun_first":
                sec = sector_end.get(span.start)
                if sec is not None:
                    new = (sec.start, span.end, sec)
            if new is None:
                out.append(span)
                continue
            start, end, sec = new
            noun = self.sector_info.get(" ".join(lows[sec.start : sec.end])) or self.sector_info.get(doc_text(doc)[sec.start_char : sec.end_char].lower())
            used.add(sec.start)
            prev = lows[start - 1] if start > 0 else ""
            combo = Span(doc, start, end, label="combo", kb_id=span.kb_id_)
            kg_set(combo, {
                "sector": noun.sector if noun else kg.get("sector"),
                "role": noun.role if noun else None,
                "rule": "combo:state+sector",
                "conf": 0.85,
                "locative": prev in self.s.locative_preps,
            })
            out.append(combo)
        return filter_spans(out)

    def _head_mentions(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """A group named once in full is then often named by its head noun alone: "separatis Ossetia
        Selatan" ... "serangan separatis"; "Houthi rebels" ... "the rebels". A later lower-case head
        noun stands for the group, when exactly one group named before has that head (armed groups and
        organisations only; the head is the first word where nouns come first, else the last)."""
        if len(spans) < 1:
            return spans
        lows = lowers(doc)
        noun_first = self.s.sector_order == "noun_first"
        heads: dict[str, tuple[set[str], int]] = {}
        for sp in spans:
            if sp.label_ != "name" or len(sp) < 2:
                continue
            actor = self.lex.actors.get(sp.kb_id_)
            if actor is None or actor.kind.value in ("state", "person"):
                continue
            i = sp.start if noun_first else sp.end - 1
            if not doc[i].is_lower or not doc[i].is_alpha:
                continue
            ids, first = heads.get(lows[i], (set(), sp.end))
            ids.add(sp.kb_id_)
            heads[lows[i]] = (ids, min(first, sp.end))
        if not heads:
            return spans
        covered = {i for sp in spans for i in range(sp.start, sp.end)}
        added = []
        for i, low in enumerate(lows):
            found = heads.get(low)
            if found is None or i in covered or len(found[0]) != 1 or i < found[1] or not doc[i].is_lower:
                continue
            span = Span(doc, i, i + 1, label="coref", kb_id=next(iter(found[0])))
            kg_set(span, {"sector": None, "role": None, "rule": "coref:head", "conf": 0.6,
                          "locative": i > 0 and lows[i - 1] in self.s.locative_preps})  # fmt: skip
            added.append(span)
        return sorted(spans + added, key=lambda x: x.start) if added else spans

    def _placed_groups(self, doc: Doc, spans: list[Span], sectors: list[Span], used: set[int]) -> list[Span]:
        """Protesters are coded by where they protest: "Protesters in Amman" -> Jordan (civilians);
        "Demonstrators stormed the embassy in Baghdad" -> Iraq. The nouns are the language's
        ``placed_groups``; the place is the one right after them, else the sentence's first locative place."""
        groups = self.s.placed_groups
        if not groups or not sectors:
            return spans
        lows = lowers(doc)
        places = [sp for sp in spans if sp.label_ == "place" and (kg_get(sp) or {}).get("locative")]
        if not places:
            return spans
        added = []
        for sec in sectors:
            if sec.start in used or " ".join(lows[sec.start : sec.end]) not in groups:
                continue
            sent = _sentence_at(doc, sec.start)
            here = [p for p in places if sent.start <= p.start < sent.end]
            near = [p for p in here if p.start - sec.end == 1]
            place = (near or here or [None])[0]
            info = self.lex.places.get(place.kb_id_.removeprefix("place:")) if place is not None else None
            state = self.lex.actors.get(info.country.lower()) if info is not None and info.country else None
            if state is None:
                continue
            used.add(sec.start)
            span = Span(doc, sec.start, sec.end, label="combo", kb_id=state.id)
            kg_set(span, {"sector": "CVL", "role": None, "rule": "combo:group+place", "conf": 0.6, "locative": False})
            added.append(span)
        return sorted(spans + added, key=lambda x: x.start) if added else spans

    def _appositions(self, doc, spans: list[Span]) -> list[Span]:
        """Role mention + person ("Presiden Rusia, Vladimir Putin", "U.S. President Joe Biden") -> one span.

        An unknown name after a role mention becomes a discovered person of that state.
        """
        out: list[Span] = []
        i = 0
        spans = sorted(spans, key=lambda s: s.start)
        while i < len(spans):
            span = spans[i]
            kg = kg_get(span)
            if span.label_ == "combo" and kg.get("role"):
                j = span.end
                comma = j < len(doc) and doc[j].text == ","
                k = j + 1 if comma else j
                nxt = spans[i + 1] if i + 1 < len(spans) else None
                if nxt is not None and nxt.start == k and self._is_person(nxt):
                    end = nxt.end + 1 if comma and nxt.end < len(doc) and doc[nxt.end].text == "," else nxt.end
                    merged = Span(doc, span.start, nxt.end, label="apposition", kb_id=nxt.kb_id_)
                    kg_set(merged, {**kg_get(nxt), "role": kg["role"], "rule": "apposition", "conf": 0.95, "sector": kg["sector"],
                                   "state": span.kb_id_, "locative": kg["locative"]})
                    del end
                    out.append(merged)
                    i += 2
                    continue
                while k < len(doc) and doc[k].lower_ in self.s.titles:  # "Jenderal Agus Subiyanto", "Gen. X"
                    k += 1
                name_end = self._name_run(doc, k, nxt.start if nxt is not None else len(doc))
                if name_end is not None:
                    name = doc[k:name_end].text
                    merged = Span(doc, span.start, name_end, label="discovered", kb_id=_slug(name))
                    kg_set(merged, {"sector": kg["sector"], "role": kg["role"], "rule": "discovery:role+name", "conf": 0.7,
                                   "state": span.kb_id_, "name": name, "locative": kg["locative"]})
                    out.append(merged)
                    i += 1
                    continue
            out.append(span)
            i += 1
        return out

    _ANCHOR_LABELS = frozenset({"name", "adjective", "metonym", "combo"})

    def _anchor_ok(self, span: Span | None) -> bool:
        """An actor a role can belong to: a state, organisation or IGO (not a person, not a place)."""
        if span is None or span.label_ not in self._ANCHOR_LABELS or (kg_get(span) or {}).get("locative"):
            return False
        actor = self.lex.actors.get(span.kb_id_)
        return actor is not None and actor.kind.value != "person" and bool(actor.code)

    def _role_phrases(self, doc: Doc, spans: list[Span], sectors: list[Span], used: set[int]) -> list[Span]:
        """Officials named beside a role phrase, before or after it: "Nasser Kanaani, a spokesman for the
        Iranian foreign ministry", "Vassily Nebenzia, Russia's ambassador to the UN", "Israeli military
        spokesman Daniel Hagari", "Juru bicara Kementerian Luar Negeri Iran, Nasser Kanaani", "Panglima TNI
        Jenderal Agus Subiyanto", "Duta Besar AS untuk PBB Linda Thomas-Greenfield".

        A role phrase is a role noun with the state, organisation or IGO it serves (a state+role combo,
        an actor before the role noun, or one after it, with "for"/"of" where the language has them),
        optionally followed by a destination ("to the UN", "untuk Indonesia"). A run of 2-4 capitalised
        words right after it (titles skipped), or before it with a comma ("X, the US ambassador"),
        becomes a discovered person of the anchor's state or organisation; a known person becomes an
        apposition with that role.
        """
        if not spans:
            return spans
        lows, n = lowers(doc), len(doc)
        spans = sorted(spans, key=lambda x: x.start)
        by_start = {x.start: x for x in spans}
        by_end = {x.end: x for x in spans}
        phrases: list[tuple[int, int, Span, str, str | None]] = []
        for sp in spans:
            info = kg_get(sp) or {}
            if sp.label_ == "combo" and info.get("role") and self._anchor_ok(sp):
                phrases.append((sp.start, sp.end, sp, info["role"], info.get("sector")))
        role_preps, dets = self.s.role_preps, self.s.determiners
        for sec in sectors:
            if sec.start in used:
                continue
            noun = self.sector_info.get(" ".join(lows[sec.start : sec.end]))
            if noun is None or not noun.role:
                continue
            before = by_end.get(sec.start)
            if self.s.sector_order == "modifier_first" and self._anchor_ok(before):
                phrases.append((before.start, sec.end, before, noun.role, noun.sector))  # "Israeli military spokesman"
                continue
            j = sec.end
            if j < n and lows[j] in role_preps:
                j += 1
                if j < n and lows[j] in dets and j not in by_start:  # "for the Kremlin" is one span
                    j += 1
            after = by_start.get(j)
            if self._anchor_ok(after):
                phrases.append((sec.start, after.end, after, noun.role, noun.sector))  # "spokesman for the X", "Panglima TNI"
        if not phrases:
            return spans
        taken: set[int] = set()
        new: list[Span] = []
        for start, end, anchor, role, sector in sorted(phrases, key=lambda p: (p[0], -p[1])):
            if start in taken:
                continue
            # a destination: "ambassador to the UN", "Duta Besar Rusia untuk Indonesia"
            k = end
            if k < n and lows[k] in self.s.role_destination_preps:
                k2 = k + 1 + (1 if k + 1 < n and lows[k + 1] in dets else 0)
                dest = by_start.get(k2)
                if dest is not None and self._anchor_ok(dest):
                    end = dest.end
            found = self._name_after_role(doc, end, by_start) or self._name_before_role(doc, start, by_end)
            if found is None:
                continue
            a, b, person = found
            anchor_info = kg_get(anchor) or {}
            lo, hi = min(a, start), max(b, end)
            if person is not None:  # a known person: keep who, add the role
                merged = Span(doc, lo, hi, label="apposition", kb_id=person.kb_id_)
                kg_set(merged, {**(kg_get(person) or {}), "role": role, "rule": "apposition:role", "conf": 0.9,
                                "sector": sector, "state": anchor.kb_id_, "locative": False})  # fmt: skip
            else:
                name = doc_text(doc)[doc[a].idx : doc[b - 1].idx + len(doc[b - 1])]
                merged = Span(doc, lo, hi, label="discovered", kb_id=_slug(name))
                kg_set(merged, {"sector": sector or anchor_info.get("sector"), "role": role, "rule": "discovery:role-phrase",
                                "conf": 0.7, "state": anchor.kb_id_, "name": name, "locative": False})  # fmt: skip
            taken.update(range(lo, hi))
            new.append(merged)
        if not new:
            return spans
        kept = [x for x in spans if not any(x.start < m.end and m.start < x.end for m in new)]
        return sorted(kept + new, key=lambda x: x.start)

    def _name_after_role(self, doc: Doc, end: int, by_start: dict) -> tuple[int, int, Span | None] | None:
        lows, n = lowers(doc), len(doc)
        k = end + 1 if end < n and lows[end] == "," else end
        while k < n and lows[k] in self.s.titles:
            k += 1
        person = by_start.get(k)
        if person is not None:
            return (k, person.end, person) if self._is_person(person) and person.label_ == "name" else None
        limit = min([x.start for x in by_start.values() if x.start > k] or [n])
        name_end = self._name_run(doc, k, limit)
        return (k, name_end, None) if name_end is not None and self._looks_like_name(lows[k:name_end]) else None

    def _looks_like_name(self, words: list[str]) -> bool:
        """No function word, date word or time unit among a capitalised run ("On Tuesday", "Last Week")."""
        stop = self._name_stopwords
        return not any(w in stop for w in words if w.isalpha())

    @property
    def _name_stopwords(self) -> frozenset[str]:
        found = getattr(self, "_stop_cache", None)
        if found is None:
            from .timex import TimeTagger

            s, tt = self.s, TimeTagger.for_lang(self.lang)
            found = frozenset().union(
                s.determiners, s.skippable, s.coordinators, s.clause_breaks, s.target_preps_verb, s.target_preps_noun,
                s.locative_preps, s.agent_preps, s.of_preps, s.relative_pronouns, frozenset(s.raw.get("pronouns", {})),
                tt.months, tt.weekdays, tt.units, frozenset(("last", "next", "earlier", "later", "lalu", "depan")),
            )  # fmt: skip
            self._stop_cache = found
        return found

    def _name_before_role(self, doc: Doc, start: int, by_end: dict) -> tuple[int, int, Span | None] | None:
        """"Vassily Nebenzia, Russia's ambassador ...": a name, a comma, an article, the role phrase."""
        lows = lowers(doc)
        i = start - 1
        if i >= 0 and lows[i] in self.s.determiners:
            i -= 1
        if i < 1 or lows[i] != ",":
            return None
        person = by_end.get(i)
        if person is not None:
            return (person.start, i, person) if self._is_person(person) and person.label_ == "name" else None
        sent_start = _sentence_at(doc, i).start
        j = i
        while j > max(sent_start, i - 4):
            t = doc[j - 1]
            if _name_word(t) or (t.text == "-" and j - 1 > sent_start):
                j -= 1
                continue
            break
        if i - j < 2 or doc[j].text == "-" or _headline_at(doc, j) or any(doc[x].is_sent_start for x in range(j + 1, i)):
            return None
        if not self._looks_like_name(lows[j:i]):
            return None
        if j > sent_start and (doc[j - 1].is_title or doc[j - 1].is_upper and doc[j - 1].is_alpha):
            return None  # part of a longer capitalised run
        return (j, i, None)

    def _drop_name_parts(self, doc: Doc, spans: list[Span], sectors: list[Span]) -> list[Span]:
        """Drop a lexicon match that is only part of a longer proper name or is not the state:

        - glued to another capitalised word: "Washington Post", "Hunter Biden" (also at the start of a
          sentence, unless that word is a function or time word: "Both Israel and Iran"), "Indonesia
          Open", "Malaysia Airlines", "the Kremlin Cup" (not in headlines);
        - a person's name followed by a generational suffix: "Donald Trump Jr.";
        - a state's name used for a subnational unit: "Georgia's governor", "Washington state",
          "negara bagian Georgia" (the language's ``subnational_before``/``subnational_after``).
        """
        covered = set()
        for sp in list(spans) + list(sectors):
            covered.update(range(sp.start, sp.end))
        lows, n = lowers(doc), len(doc)
        s = self.s
        stop = self._name_stopwords  # a month or function word is not part of a name: "7 Agustus Georgia"

        def glued(t) -> bool:
            """A capitalised word next to the match that is not a title, function or date word."""
            return t is not None and t.i not in covered and t.is_alpha and t.text[:1].isupper() and t.lower_ not in s.titles and t.lower_ not in stop

        keep = []
        for span in spans:
            label = span.label_
            if label not in ("name", "adjective", "metonym"):
                keep.append(span)
                continue
            start, end = span.start, span.end
            if end < n and lows[end] in s.name_suffixes and self._is_person(span):
                continue  # "Donald Trump Jr."
            if label != "adjective" and self._subnational(lows, start, end, span.kb_id_):
                continue
            if end - start == 1 or (end - start == 2 and lows[start] in s.determiners):
                sent = _sentence_at(doc, start)
                before = doc[start - 1] if start > sent.start and end - start == 1 else None
                after = doc[end] if end < sent.end else None
                glued_before = glued(before) and not (  # "Kurdish SDF" (English adjectives come first)
                    self.s.sector_order == "modifier_first" and before.lower_.endswith(_ADJECTIVE_ENDINGS)
                )
                if (glued(after) or (glued_before and (not before.is_sent_start or self._given_name_like(before)))) and not _headline_at(doc, start):
                    continue
            keep.append(span)
        return keep

    def _given_name_like(self, token) -> bool:
        """A capitalised sentence-initial word before a name that reads as a given name ("Hunter Biden",
        "Michael Jordan"), not a function word or an adjective ("Both Israel", "Embattled Ukraine").
        Only where modifiers come first: in Indonesian the word is a head noun ("Invasi Rusia")."""
        low = token.lower_
        if self.s.sector_order != "modifier_first" or low.endswith(_ADJECTIVE_ENDINGS):
            return False
        return low not in self._name_stopwords and low not in self.s.sentence_adverbs and low not in self.s.titles

    @property
    def _subnational_markers(self) -> tuple[dict, dict]:
        """``subnational_before``/``_after`` as {word next to the name: [marker word tuples]}."""
        found = getattr(self, "_subnational_cache", None)
        if found is None:
            before: dict[str, list[tuple[str, ...]]] = {}
            after: dict[str, list[tuple[str, ...]]] = {}
            for marker in self.s.raw.get("subnational_before", []):
                words = tuple(marker.lower().split())
                before.setdefault(words[-1], []).append(words)
            for marker in self.s.raw.get("subnational_after", []):
                words = tuple(marker.lower().split())
                after.setdefault(words[0], []).append(words)
            found = self._subnational_cache = (before, after)
        return found

    def _subnational(self, lows: list[str], start: int, end: int, kb_id: str) -> bool:
        """"Georgia's governor", "Washington state", "negara bagian Georgia": not the country."""
        before, after = self._subnational_markers
        cands_before = before.get(lows[start - 1]) if start > 0 else None
        cands_after = after.get(lows[end]) if end < len(lows) else None
        if not cands_before and not cands_after:
            return False
        actor = self.lex.actors.get(kb_id)
        if actor is None or actor.kind.value != "state":
            return False
        for words in cands_before or ():
            if tuple(lows[max(0, start - len(words)) : start]) == words:
                return True
        for words in cands_after or ():
            if tuple(lows[end : end + len(words)]) == words:
                return True
        return False

    def _is_person(self, span: Span) -> bool:
        actor = self.lex.actors.get(span.kb_id_)
        return actor is not None and actor.kind.value == "person"

    @staticmethod
    def _name_run(doc: Doc, k: int, limit: int) -> int | None:
        """End of a run of 2-4 capitalised tokens starting at ``k`` (a person's name), else None.

        Headlines in title case capitalise every word, so no names are discovered there.
        """
        if k >= len(doc):
            return None
        if doc.has_annotation("ENT_IOB"):
            # a trained pipeline's named entities mark names better than capitalisation does
            for ent in doc.ents:
                if ent.start == k and ent.label_ in ("PERSON", "PER") and ent.end <= limit:
                    return ent.end
            return None
        if _headline_at(doc, k):
            return None
        j = k
        while j < min(limit, k + 4, len(doc)):
            t = doc[j]
            if _name_word(t) or (j > k and t.text == "-"):
                j += 1
                continue
            break
        if j - k >= 2 and all(not doc[x].is_sent_start for x in range(k + 1, j)):
            return j
        return None


_HYPHENATED_NAME = re.compile(r"[A-Z][a-z]+(-[A-Z]?[a-z]+)+")


def _name_word(t: Token) -> bool:
    """A word that can be part of a person's name: capitalised ("Lloyd"), or hyphenated ("Thomas-Greenfield")."""
    return t.is_title and t.is_alpha or _HYPHENATED_NAME.fullmatch(t.text) is not None


def _sentences(doc: Doc) -> tuple[list[Span], list[int], dict[int, bool]]:
    """The doc's sentences, their start tokens and a headline cache, computed once per doc."""
    cached = doc.user_data.get("kg_sentences")
    if cached is None:
        sents = list(doc.sents)
        cached = doc.user_data["kg_sentences"] = (sents, [s.start for s in sents], {})
    return cached


def _sentence_at(doc: Doc, i: int) -> Span:
    from bisect import bisect_right

    sents, starts, _ = _sentences(doc)
    return sents[bisect_right(starts, i) - 1]


def _headline_at(doc: Doc, i: int) -> bool:
    sent = _sentence_at(doc, i)
    flags = _sentences(doc)[2]
    if sent.start not in flags:
        flags[sent.start] = _is_headline(sent)
    return flags[sent.start]


def _is_headline(sent: Span) -> bool:
    """A line in title case without a final full stop ("North Korea Launches Missile Into Ocean")."""
    text = sent.text.strip()
    if text.endswith((".", "!", "?", '"', "”", ")")):
        return False
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.is_title or t.is_upper for t in words) >= 0.6 * len(words)


def _slug(name: str) -> str:
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_") or "unknown"


def doc_text(doc: Doc) -> str:
    """The doc's text, computed once: ``Doc.text`` joins every token anew on each access."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


def lowers(doc: Doc) -> list[str]:
    """Every token's lower-case form, computed once per doc (``doc[i].lower_`` builds a Token each time)."""
    lows = doc.user_data.get("kg_lowers")
    if lows is None:
        from spacy.attrs import LOWER

        strings, cache = doc.vocab.strings, _LOWER_CACHE
        if len(cache) > 1_000_000:
            cache.clear()
        hashes = doc.to_array(LOWER).tolist() if len(doc) else []
        lows = list(map(cache.get, hashes))
        if None in lows:  # words not seen yet
            for i, low in enumerate(lows):
                if low is None:
                    lows[i] = cache[hashes[i]] = strings[hashes[i]]
        doc.user_data["kg_lowers"] = lows
    return lows


_LOWER_CACHE: dict[int, str] = {}  # string hash -> string (hashes are the same in every vocab)


def _line_starts(doc: Doc, text: str) -> list[int]:
    """Indices of the tokens that begin a line (the first token after each line break)."""
    if "\n" not in text or len(doc) < 2:
        return []
    import numpy as np
    from spacy.attrs import IDX

    starts = doc.to_array([IDX]).ravel()
    breaks = [m.start() for m in re.finditer("\n", text)]
    return [int(j) for j in np.searchsorted(starts, breaks, side="right") if 0 < j < len(doc)]


@Language.component("kg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: titles, datelines and list items carry no final full stop.

    For pipelines that bring their own sentencizer; kg's default pipeline uses ``kg_sentencizer``.
    """
    for j in _line_starts(doc, doc_text(doc)):
        doc[j].is_sent_start = True
    return doc


class Sentencizer:
    """spaCy's rule-based sentencizer plus line breaks, computed on token arrays (no Token objects).

    A sentence starts at token 0, at each line start, and at the first non-punctuation token after a
    sentence-final mark ("." "!" "?" and the other marks of spaCy's ``Sentencizer``), as spaCy's does.
    """

    def __init__(self, nlp: Language, name: str = "kg_sentencizer"):
        from spacy.pipeline import Sentencizer as SpacySentencizer

        self.punct = {nlp.vocab.strings.add(c) for c in SpacySentencizer.default_punct_chars}
        self._newline: dict[int, bool] = {}  # space token -> holds a line break

    def __call__(self, doc: Doc) -> Doc:
        import numpy as np
        from spacy.attrs import IS_PUNCT, IS_SPACE, ORTH, SENT_START

        n = len(doc)
        if n == 0:
            return doc
        punct, newline, strings = self.punct, self._newline, doc.vocab.strings
        start = [-1] * n
        start[0] = 1
        seen_final = False
        orths, puncts, spaces = doc.to_array([ORTH, IS_PUNCT, IS_SPACE]).T.tolist()
        for i, (orth, is_punct, is_space) in enumerate(zip(orths, puncts, spaces)):
            if orth in punct:
                seen_final = True
            elif seen_final and not is_punct:
                start[i] = 1
                seen_final = False
            if is_space and i + 1 < n:
                breaks = newline.get(orth)
                if breaks is None:
                    breaks = newline[orth] = "\n" in strings[orth]
                if breaks:
                    start[i + 1] = 1
        # from_array wants unsigned values; spaCy reads -1 back from its uint64 bit pattern
        doc.from_array([SENT_START], np.array(start, dtype="int64").astype("uint64").reshape(-1, 1))
        return doc


@Language.factory("kg_sentencizer")
def make_sentencizer(nlp: Language, name: str):
    return Sentencizer(nlp, name)


@Language.factory("kg_actors", default_config={"lang": "en", "lexicon_files": []})
def make_actor_tagger(nlp: Language, name: str, lang: str, lexicon_files: list[str]):
    return ActorTagger(nlp, name, lang=lang, lexicon_files=tuple(lexicon_files))


@Language.factory("kg_triggers", default_config={"lang": "en", "window": 4})
def make_trigger_tagger(nlp: Language, name: str, lang: str, window: int):
    return TriggerTagger(nlp, name, lang=lang, window=window)


@Language.factory("kg_time", default_config={"lang": "en"})
def make_time_tagger(nlp: Language, name: str, lang: str):
    return TimeTaggerComponent(nlp, name, lang=lang)


# -- building -------------------------------------------------------------------------------------------


def _tokenized(nlp: Language, lang: str, texts: tuple[str, ...]) -> list[list[str]]:
    """The tokens of every lexicon surface form, cached on disk between runs (``~/.cache/kg``).

    Tokenizing thousands of names is a noticeable part of start-up; the cache is keyed by the texts,
    the language and spaCy's version, so any change to the lexicon or tokenizer rebuilds it.
    """
    import hashlib
    import json
    import os

    key = hashlib.sha1("\x1f".join((lang, spacy.__version__, *texts)).encode("utf-8")).hexdigest()[:20]
    folder = Path(os.environ.get("KG_CACHE_DIR") or Path.home() / ".cache" / "kg")
    path = folder / f"surfaces-{lang}-{key}.json"
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
        if len(cached) == len(texts):
            return cached
    except (OSError, ValueError):
        pass
    words = [[t.text for t in doc] for doc in nlp.tokenizer.pipe(texts)]
    try:
        from .util import atomic_write_text

        atomic_write_text(path, json.dumps(words, ensure_ascii=False))
    except OSError:  # a read-only home is fine: the cache is an optimisation
        log.debug("cannot write the surface cache %s", path)
    return words


@cache
def _lemma_table(code: str):
    """spaCy's lemma lookup table for ``code`` (spacy-lookups-data), or None when there is none."""
    try:
        from spacy.lookups import load_lookups

        return load_lookups(code, ["lemma_lookup"]).get_table("lemma_lookup")
    except Exception as exc:  # no table for this language: stems and surface forms still work
        log.info("no lemma lookup table for %s (%s)", code, exc)
        return None


def _blank(code: str, options: dict) -> Language:
    """``spacy.blank(code)``, optionally keeping hyphenated words whole by rule instead of by listing them.

    spaCy's Indonesian tokenizer lists ~15,600 hyphenated words as exceptions ("serang-menyerang"),
    which takes seconds to load and still misses unlisted ones. ``{"keep_hyphenated_words": true}`` in
    ``lang.json`` drops those exceptions and stops splitting on a hyphen between letters instead.
    """
    cls = spacy.util.get_lang_class(code)
    if not options.get("keep_hyphenated_words"):
        return cls()
    defaults = cls.Defaults
    exceptions = {k: v for k, v in defaults.tokenizer_exceptions.items() if "-" not in k}
    infixes = [p.replace("(?:-|", "(?:").replace("[\\/-]", "[\\/]") for p in defaults.infixes]
    kg_defaults = type(f"Kg{cls.__name__}Defaults", (defaults,), {"tokenizer_exceptions": exceptions, "infixes": infixes})
    return type(f"Kg{cls.__name__}", (cls,), {"Defaults": kg_defaults, "lang": code})()


def build_pipeline(lang: str, *, model: str | None = None, lexicon_files: tuple[str, ...] = (), actors_only: bool = False) -> Language:
    """A spaCy pipeline for ``lang`` with kg's components (and, optionally, a trained ``model`` under them)."""
    s = settings(lang)
    if model:
        try:
            nlp = spacy.load(model)
        except OSError as exc:
            raise LookupError(f"cannot load spaCy pipeline {model!r}: {exc}. Install it with pip, or leave out --model") from None
    else:
        nlp = _blank(s.raw.get("spacy_lang", lang), s.raw.get("tokenizer") or {})
    nlp.tokenizer.max_cache_size = 1_000_000 if hasattr(nlp.tokenizer, "max_cache_size") else None
    if not any(p in nlp.pipe_names for p in ("parser", "senter", "sentencizer")):
        nlp.add_pipe("kg_sentencizer")
    elif "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("kg_line_breaks", after="sentencizer")
    # Lemmas: a trained pipeline's own lemmatizer if it has one, else kg_triggers reads spaCy's lookup
    # table directly, per word form (a lemmatizer component would look up every token of every doc).
    nlp.add_pipe("kg_actors", config={"lang": lang, "lexicon_files": list(lexicon_files)})
    if not actors_only:  # `kg actors` needs no time or trigger tagging, and starts faster without them
        nlp.add_pipe("kg_time", config={"lang": lang})
        nlp.add_pipe("kg_triggers", config={"lang": lang})
    return nlp


_PIPELINES: dict[tuple, Language] = {}


def get_pipeline(lang: str, *, model: str | None = None, lexicon_files: tuple[str, ...] = (), actors_only: bool = False) -> Language:
    """Cached :func:`build_pipeline`: one pipeline per (language, model, lexicon files) per process."""
    full = (lang, model, tuple(lexicon_files), False)
    if actors_only and full in _PIPELINES:
        return _PIPELINES[full]
    key = (lang, model, tuple(lexicon_files), actors_only)
    if key not in _PIPELINES:
        _PIPELINES[key] = build_pipeline(lang, model=model, lexicon_files=tuple(lexicon_files), actors_only=actors_only)
    return _PIPELINES[key]
