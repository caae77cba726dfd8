"""The ``kg_actors`` component: actors and places in a Doc, from the lexicon and role patterns."""

from __future__ import annotations

import logging
import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.lang.settings import settings
from kg.lexicon.lexicon import Lexicon, load_lexicon, sector_nouns
from kg.nlp.actor_ellipsis import gapped_names, named_halves
from kg.nlp.context import kg_get, kg_set, set_span_list
from kg.nlp.names import alias_mentions, match_names
from kg.nlp.phrases import PhraseIndex, _filter_overlaps
from kg.nlp.placed import placed_groups
from kg.nlp.sentences import _headline_at, _sentence_at, doc_text, lowers, opens_clause
from kg.nlp.spacy_internals import tokenized

log = logging.getLogger(__name__)


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
        for surf in self.lex.surfaces(self.s.names_lang):  # names in data/actors are keyed by this code
            by_text.setdefault(surf.text, []).append(surf)
        self.by_text = by_text
        self._choice_cache: dict[str, tuple] = {}
        for text, words in zip(by_text, tokenized(nlp, tuple(by_text))):
            self.names.add(text, words)
        self.sectors = PhraseIndex(nlp.vocab.strings, LOWER)
        self.sector_info = {}
        nouns = sector_nouns(lang)
        for noun, words in zip(nouns, tokenized(nlp, tuple(n.words for n in nouns), label="sectors")):
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
        cur = frozenset(self.s.currency_words)
        out: list[Span] = []
        used_sectors: set[int] = set()
        for text, start, end in mentions:
            locative = start > 0 and lows[start - 1] in loc
            place, actor = self._choices(text)
            choice = place if place is not None and (locative or actor is None) else actor
            if choice is None:
                continue
            if start >= 2 and lows[start - 1] == "-" and lows[start - 2] in self.s.stance_prefixes:
                continue  # "pro-Palestinian demonstrators" take a side; they are not Palestinians
            if (start > 0 and lows[start - 1] in cur) or (end < len(lows) and lows[end] in cur):
                continue  # "1 juta dolar AS", "5 million Australian dollars": a currency's state is no actor
            new = Span(doc, start, end, label=choice.type, kb_id=choice.target)
            info = {"sector": choice.sector, "role": None, "rule": f"lexicon:{choice.type}", "conf": 0.9, "locative": locative}
            if choice.type == "place":
                info["rule"] = "gazetteer"
            elif choice.type == "metonym":
                info["conf"] = 0.75
            kg_set(new, info)
            out.append(new)
        out = match_names(self, doc, out, sectors, used_sectors)
        out = self._combine(doc, out, sector_at, sector_end, used_sectors)
        out = placed_groups(self, doc, out, sectors, used_sectors)
        out = self._appositions(doc, out)
        out = self._state_before_person(doc, out)
        out = self._role_phrases(doc, out, sectors, used_sectors)
        out = self._drop_name_parts(doc, out, sectors)
        out = named_halves(self, doc, gapped_names(self, doc, out))
        out = alias_mentions(self, doc, out, [sp for sp in sectors if sp.start not in used_sectors])
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
            tier = {"curated": 0, "officeholders": 1}  # a user file's entry (curated) over an office-holder's
            actors = sorted((x for x in surfs if x.type != "place"),
                            key=lambda x: (rank.get(x.type, 3), tier.get(self.lex.tier(x.target), 2)))
            found = cache[text] = (places[0] if places else None, actors[0] if actors else None)
        return found

    def _combine(self, doc, spans, sector_at, sector_end, used) -> list[Span]:
        """State + sector noun -> one agent span ("Iranian forces", "pasukan Israel")."""
        out: list[Span] = []
        head_final = self.s.head_final
        poss = self.s.possessives
        of = self.s.of_preps
        consumed: set[int] = set()
        lows = lowers(doc)
        by_start = {sp.start: sp for sp in spans}
        for idx, span in enumerate(spans):
            if idx in consumed:
                continue
            kg = kg_get(span)
            actor = self.lex.actors.get(span.kb_id_)
            is_state = actor is not None and actor.kind.value == "state"
            if not is_state or kg["locative"] and not head_final and span.start - 1 in sector_end.keys():
                pass
            new = None
            if actor is not None and actor.kind.value == "person" and span.label_ == "name" and actor.country:
                # "the Biden administration", "pemerintahan Biden": the leader's government
                sec = sector_at.get(span.end) if head_final else sector_end.get(span.start)
                state = self.lex.actors.get(actor.country.lower())
                if sec is not None and state is not None and lows[sec.start] in self.s.person_government_nouns:
                    start, end = (span.start, sec.end) if head_final else (sec.start, span.end)
                    used.add(sec.start)
                    combo = Span(doc, start, end, label="combo", kb_id=state.id)
                    kg_set(combo, {"sector": "GOV", "role": None, "rule": "combo:leader+government", "conf": 0.8,
                                   "locative": start > 0 and lows[start - 1] in self.s.locative_preps})  # fmt: skip
                    out.append(combo)
                    continue
            if is_state and head_final:
                j = span.end
                if j < len(doc) and lows[j] in poss:
                    j += 1
                sec = sector_at.get(j)
                if sec is not None:
                    new = (span.start, sec.end, sec)
                elif span.start >= 2 and lows[span.start - 1] in of:
                    k = span.start - 1
                    sec = sector_end.get(k)
                    if sec is not None:
                        start = sec.start - 1 if sec.start > 0 and lows[sec.start - 1] in self.s.definite_articles else sec.start
                        new = (start, span.end, sec)
            elif is_state and not head_final:
                sec = sector_end.get(span.start)
                if sec is not None:
                    new = (sec.start, span.end, sec)
            if new is None:
                out.append(span)
                continue
            start, end, sec = new
            noun = self.sector_info.get(" ".join(lows[sec.start : sec.end])) or self.sector_info.get(doc_text(doc)[sec.start_char : sec.end_char].lower())
            used.add(sec.start)
            posted = None
            if noun is not None and noun.role:  # "duta besar Swedia untuk Indonesia": no party of "memanggil ..."
                posted = self._posting(lows, end, by_start)
                end = posted.end if posted is not None else end
            prev = lows[start - 1] if start > 0 else ""
            combo = Span(doc, start, end, label="combo", kb_id=span.kb_id_)
            kg_set(combo, {
                "sector": noun.sector if noun else kg.get("sector"),
                "role": noun.role if noun else None,
                "rule": "combo:state+sector",
                "conf": 0.85,
                "locative": prev in self.s.locative_preps,
                **_posted_info(posted, doc[start].idx),
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
        noun_first = not self.s.head_final
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
                                   "state": span.kb_id_, "locative": kg["locative"], **_kept_posting(kg)})
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
                                   "state": span.kb_id_, "name": name, "locative": kg["locative"], **_kept_posting(kg)})
                    out.append(merged)
                    i += 1
                    continue
            out.append(span)
            i += 1
        return out

    _ANCHOR_LABELS = frozenset({"name", "adjective", "metonym", "combo"})

    def _posting(self, lows: list[str], end: int, by_start: dict) -> Span | None:
        """The state or body a role mention ending at ``end`` is posted to, written after one of
        ``role_destination_preps`` ("ambassador to the UN", "duta besar Swedia untuk Indonesia"), or None. Where an
        envoy is posted belongs to the envoy (the mention runs to its end), and is no party of the verb ("memanggil
        ... untuk Indonesia"); the mention keeps it as ``posted`` (:func:`_posted_info`) for the verbs whose act is
        against the posting ("recalled the Israeli ambassador to Turkey")."""
        n = len(lows)
        if end >= n or lows[end] not in self.s.role_destination_preps:
            return None
        dest = by_start.get(end + 1 + (1 if end + 1 < n and lows[end + 1] in self.s.determiners else 0))
        return dest if dest is not None and self._anchor_ok(dest) else None

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
            if self.s.head_final and self._anchor_ok(before):
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
            posted = self._posting(lows, end, by_start)  # "ambassador to the UN", "Duta Besar Rusia untuk Indonesia"
            end = posted.end if posted is not None else end
            found = self._name_after_role(doc, end, by_start) or self._name_before_role(doc, start, by_end)
            if found is None:
                continue
            a, b, person = found
            anchor_info = kg_get(anchor) or {}
            lo, hi = min(a, start), max(b, end)
            # the posting, counted from the merged mention's start: written after the role phrase, or already the
            # combo's ("X, Turkey's ambassador to Israel")
            kept = _posted_info(posted, doc[lo].idx) or _kept_posting(anchor_info, anchor.start_char - doc[lo].idx)
            if person is not None:  # a known person: keep who, add the role
                merged = Span(doc, lo, hi, label="apposition", kb_id=person.kb_id_)
                kg_set(merged, {**(kg_get(person) or {}), "role": role, "rule": "apposition:role", "conf": 0.9,
                                "sector": sector, "state": anchor.kb_id_, "locative": False, **kept})  # fmt: skip
            else:
                name = doc_text(doc)[doc[a].idx : doc[b - 1].idx + len(doc[b - 1])]
                merged = Span(doc, lo, hi, label="discovered", kb_id=_slug(name))
                kg_set(merged, {"sector": sector or anchor_info.get("sector"), "role": role, "rule": "discovery:role-phrase",
                                "conf": 0.7, "state": anchor.kb_id_, "name": name, "locative": False, **kept})  # fmt: skip
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
            from kg.nlp.timex import TimeTagger

            s, tt = self.s, TimeTagger.for_lang(self.lang)
            found = frozenset().union(
                s.determiners, s.skippable, s.coordinators, s.clause_breaks, s.target_preps_verb, s.target_preps_noun,
                s.locative_preps, s.agent_preps, s.of_preps, s.relative_pronouns, frozenset(s.pronouns),
                tt.months, tt.weekdays, tt.units, s.relative_time_words,
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
            return t is not None and t.i not in covered and t.is_alpha and t.text[:1].isupper() and t.lower_ not in s.titles and t.lower_ not in stop \
                and t.lower_ not in s.group_modifiers  # "milisi Kurdi SDF", "the Shia Hezbollah movement": a people or creed

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
                    self.s.head_final and before.lower_.endswith(self.s.adjective_suffixes)
                )
                glued_before = glued_before and (not opens_clause(before) or self._given_name_like(before))
                if (glued(after) or glued_before) and not _headline_at(doc, start):
                    continue
            keep.append(span)
        return keep

    def _given_name_like(self, token) -> bool:
        """A capitalised sentence-initial word before a name that reads as a given name ("Hunter Biden",
        "Michael Jordan"), not a function word or an adjective ("Both Israel", "Embattled Ukraine").
        Only where modifiers come first: in Indonesian the word is a head noun ("Invasi Rusia")."""
        low = token.lower_
        if not self.s.head_final or low.endswith(self.s.adjective_suffixes):
            return False
        return low not in self._name_stopwords and low not in self.s.sentence_adverbs and low not in self.s.titles

    @property
    def _subnational_markers(self) -> tuple[dict, dict]:
        """``subnational_before``/``_after`` as {word next to the name: [marker word tuples]}."""
        found = getattr(self, "_subnational_cache", None)
        if found is None:
            before: dict[str, list[tuple[str, ...]]] = {}
            after: dict[str, list[tuple[str, ...]]] = {}
            for marker in self.s.raw["subnational_before"]:
                words = tuple(marker.lower().split())
                before.setdefault(words[-1], []).append(words)
            for marker in self.s.raw["subnational_after"]:
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

    def _state_before_person(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """"Chinese President Xi Jinping", "US President Joe Biden": a person the lexicon knows with the title
        ("President Xi Jinping") leaves the state's name or adjective before it out of every span; it is part of
        the person's mention, as in "Japanese Prime Minister Fumio Kishida" (a role phrase and a name)."""
        covered = {i for sp in spans for i in range(sp.start, sp.end)}
        out = []
        for sp in spans:
            j = sp.start - 1
            if j >= 0 and j not in covered and self._is_person(sp) and doc[j].is_alpha and not doc[j].is_lower:
                _place, actor = self._choices(doc[j].text) if doc[j].text in self.by_text else (None, None)
                state = self.lex.actors.get(actor.target) if actor is not None and actor.type in ("name", "adjective") else None
                if state is not None and state.kind.value == "state":
                    wider = Span(doc, j, sp.end, label=sp.label_, kb_id=sp.kb_id_)
                    kg_set(wider, dict(kg_get(sp)))
                    covered.add(j)
                    sp = wider
            out.append(sp)
        return out

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


def _slug(name: str) -> str:
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_") or "unknown"


def _posted_info(dest: Span | None, base: int) -> dict:
    """A role mention's ``posted`` entry for the state or body ``dest`` it is posted to (none without one): its actor
    id, label and characters counted from the mention's first character ``base`` (so that they hold when a document's
    sections are joined), so that a later step can make it a party ("recalled the Israeli ambassador to Turkey":
    Turkey is the target) though the mention has taken it in."""
    if dest is None:
        return {}
    return {"posted": {"id": dest.kb_id_, "label": dest.label_, "start": dest.start_char - base, "end": dest.end_char - base}}


def _kept_posting(info: dict, shift: int = 0) -> dict:
    """The ``posted`` entry of a role mention's information, for a mention made of it that starts ``shift`` characters
    before it ("Turkey's ambassador to Israel, X": 0; "X, Turkey's ambassador to Israel"), or nothing."""
    if "posted" not in info:
        return {}
    p = info["posted"]
    return {"posted": {**p, "start": p["start"] + shift, "end": p["end"] + shift}}
