"""Names the lexicon's exact surface forms miss (issue #13 item 5), found in runs of capitalised words.

After the lexicon's exact matches, :func:`match_names` looks at every run of name-like tokens (capitalised
words, initials ``W.``, acronyms, and joiners such as ``al``/``bin``/``da`` or a hyphen inside the run). Within a
run, the longest stretches first, a stretch whose key (:mod:`kg.lexicon.names`: accents, transliterations,
reversed order, initials) names an actor of the curated data, the office-holders or the PETRARCH2 import
becomes a mention of that actor, chosen by source precedence and by who held office on the document's date.
A stretch that only repeats an exact lexicon match, or cuts one in two, is left alone.

A **bare surname** (a run of one word, or one word beside titles and role nouns: "Prime Minister Blair")
resolves only (a) to a person the document names in full, or (b) when it is the single-word name of an
office-holder and no other person the index knows with that last name held office on the date.

A person **introduced with an affiliation** (:func:`alias_mentions`: a name kg discovered beside a state's role
phrase, "Mali's foreign minister Moussa Keita", "X, Menlu Mali"; a known person with a role phrase; a known
person holding a role on the document's date) is named again by one part of the name: the last ("Keita"),
and where the language's ``person_alias_parts`` says so the first ("Retno"). After the introduction, a
one-word mention of such a part (titles and date or function words aside in its run of capitalised words)
is that person (rule ``names:alias-last``/``names:alias-first``), unless the part is a title, a joiner
("bin"), shorter than three letters, a lexicon surface (a state, a place: "Jordan", "Chad"), or shared by
two people introduced before the mention.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span

from kg.lexicon import names as nk
from kg.nlp.context import doc_context, kg_get, kg_set
from kg.nlp.sentences import doc_text, lowers, per_word

_INITIAL = re.compile(r"[A-Z]\.?")
MAX_WORDS = 7


def _starts(t) -> bool:
    text = t.text
    if not text[:1].isupper():
        return False
    return t.is_title or (t.is_upper and t.is_alpha and len(text) >= 2) or _INITIAL.fullmatch(text) is not None or (
        "-" in text or "'" in text
    )


def _name_like(doc: Doc) -> list[bool]:
    """:func:`_starts` of every token, remembered per word (its string hash): it reads only the word's text
    and lexical flags, and a Token per token of every document cost more than the rest of :func:`_runs`."""
    from spacy.attrs import ORTH

    return per_word(doc, ORTH, lambda i, _h: _starts(doc[i]), cache=_NAME_LIKE)


_NAME_LIKE: dict[int, bool] = {}  # string hash -> _starts (hashes are the same in every vocab)


def _runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs of name-like tokens within a sentence (joiners and hyphens only inside)."""
    join = nk.joiners()
    starts = _name_like(doc)
    out, i, n = [], 0, len(doc)
    while i < n:
        if not starts[i]:
            i += 1
            continue
        j = i + 1
        while j < n and not doc[j].is_sent_start:
            t = doc[j]
            if starts[j]:
                j += 1
            elif (t.text in ("-", "'") or t.lower_ in join) and j + 1 < n and (starts[j + 1] or t.text == "-" and doc[j + 1].is_alpha):
                j += 2 if t.text == "-" and not starts[j + 1] else 1
            else:
                break
        out.append((i, j))
        i = j
    return out


def match_names(tagger, doc: Doc, spans: list[Span], sectors: list[Span], used_sectors: set[int]) -> list[Span]:
    """``spans`` (the lexicon's matches) with the names found in capitalised runs added (module doc)."""
    lex = tagger.lex
    index = None
    when: date | None = doc_context(doc).ref_date
    text = doc_text(doc)
    by_token: dict[int, Span] = {}
    for sp in spans:
        for k in range(sp.start, sp.end):
            by_token[k] = sp
    sector_of = {k: sp for sp in sectors for k in range(sp.start, sp.end)}
    join = nk.joiners()
    titles = tagger.s.titles
    stop = tagger._name_stopwords
    hits: list[tuple[int, int, str, str]] = []
    leftovers: list[tuple[int, tuple[int, int]]] = []
    lows = lowers(doc)
    doc_states: set[str] | None = None
    for a, b in _runs(doc):
        if b - a == 1 and a in by_token:
            continue
        if index is None:
            index = nk.index_for(lex)
        taken: set[int] = set()
        for length in range(min(b - a, MAX_WORDS), 1, -1):
            for s in range(a, b - length + 1):
                e = s + length
                if any(k in taken for k in range(s, e)) or lows[s] in join or lows[e - 1] in join:
                    continue
                if lows[s] == "-" or lows[e - 1] == "-":
                    continue
                inside = {by_token[k] for k in range(s, e) if k in by_token}
                if any(sp.start < s or sp.end > e for sp in inside) or any(sp.start == s and sp.end == e for sp in inside):
                    continue  # cuts an exact match in two, or repeats it
                secs = {sector_of[k] for k in range(s, e) if k in sector_of}
                if any(sc.start <= s and sc.end >= e for sc in secs) or any(sc.start < s or sc.end > e for sc in secs):
                    continue  # a role noun ("Foreign Minister") is not a name
                k_ = nk.key(text[doc[s].idx : doc[e - 1].idx + len(doc[e - 1])])
                ids, full = index.find(k_)
                aid = nk.choose(lex, ids, when) if ids else None
                if aid is None:
                    continue
                if e - s == 2 and not _spelled_as_listed(lex.actors[aid], text[doc[s].idx : doc[e - 1].idx + len(doc[e - 1])]):
                    if doc_states is None:
                        doc_states = _states_named(lex, spans, when)
                    if _state_of(lex.actors[aid], when) not in doc_states:
                        continue  # a common two-word name in another spelling ("Ahmed Ali" for "Ahmadu Ali")
                rule = "names:full" if full else "names:variant"
                hits.append((s, e, aid, rule))
                taken.update(range(s, e))
        for k in range(a, b):
            if k in taken or k in by_token or k in sector_of:
                continue
            others = [x for x in range(a, b) if x != k]
            if all(x in taken or x in by_token or x in sector_of or lows[x] in titles or lows[x] in join
                   or lows[x] in (".", "-") for x in others):  # fmt: skip
                leftovers.append((k, (a, b)))
    new_spans = []
    for s, e, aid, rule in hits:
        span = _span(tagger, doc, s, e, aid, rule, 0.85 if rule == "names:full" else 0.75)
        new_spans.append(span)
        for sc in sectors:
            if s <= sc.start and sc.end <= e:
                used_sectors.add(sc.start)
    if leftovers:
        index = index or nk.index_for(lex)
        named = _named_in_full(lex, index, [*spans, *new_spans])
        for k, _run in leftovers:
            t = doc[k]
            if not (t.is_title and t.is_alpha and len(t.text) >= 3) or t.lower_ in stop or t.lower_ in titles:
                continue
            words = nk.key_words(t.text)
            if len(words) != 1:
                continue
            aid, rule = None, None
            ids = named.get(words[0], set())
            if len(ids) == 1:
                aid, rule = next(iter(ids)), "names:surname-in-document"
            elif not ids:
                aid, rule = _unique_in_office(lex, index, t.text, words[0], when), "names:surname-in-office"
            if aid is not None:
                new_spans.append(_span(tagger, doc, k, k + 1, aid, rule, 0.6))
    if not new_spans:
        return spans
    replaced = {id(sp) for ns in new_spans for sp in spans if ns.start <= sp.start and sp.end <= ns.end}
    return sorted([sp for sp in spans if id(sp) not in replaced] + new_spans, key=lambda x: x.start)


def _spelled_as_listed(actor, surface: str) -> bool:
    """Is every word of ``surface`` (accent-free, upper case) a word of one of ``actor``'s listed names, or
    the initial of one? "Abe Shinzo" and "G. Bush" are spelled as listed for Shinzo Abe and George Bush;
    "Ahmed Ali" is not for "Ahmadu Ali", which it matches only through spelling variants (name_variants.json)
    and the key's skeleton.

    >>> from kg.model import Actor, ActorKind
    >>> a = Actor(id="x", kind=ActorKind.PERSON, name="Ahmadu Ali")
    >>> _spelled_as_listed(a, "Ahmed Ali"), _spelled_as_listed(a, "Ali Ahmadu"), _spelled_as_listed(a, "A. Ali")
    (False, True, True)
    """
    listed = {w for name in (actor.name, *actor.aliases) for w in nk.fold_words(name)}
    return all(w in listed or (len(w) == 1 and any(x.startswith(w) for x in listed)) for w in nk.fold_words(surface))


def _state_of(actor, when: date | None) -> str | None:
    code = actor.code_at(when) or actor.country or ""
    return (code if ":" in code else code[:3]) or None  # "IGO:UN" stays whole; "IRNGOV" is Iran


def _states_named(lex, spans: list[Span], when: date | None) -> set[str]:
    """The states the lexicon's matches in the document stand for or lie in (a place's country, a person's or
    organisation's state)."""
    out: set[str] = set()
    for sp in spans:
        kb = sp.kb_id_
        if kb.startswith("place:"):
            place = lex.places.get(kb.removeprefix("place:"))
            if place is not None and place.country:
                out.add(place.country[:3])
            continue
        actor = lex.actors.get(kb)
        if actor is not None:
            state = _state_of(actor, when)
            if state:
                out.add(state)
    return out


def _span(tagger, doc: Doc, s: int, e: int, aid: str, rule: str, conf: float) -> Span:
    actor = tagger.lex.actors[aid]
    span = Span(doc, s, e, label="name", kb_id=aid)
    lows_prev = doc[s - 1].lower_ if s > 0 else ""
    kg_set(span, {"sector": actor.sector if actor.kind.value != "person" else None, "role": None, "rule": rule,
                  "conf": conf, "locative": lows_prev in tagger.s.locative_preps})  # fmt: skip
    return span


def _named_in_full(lex, index, spans: list[Span]) -> dict[str, set[str]]:
    """A person's last key word -> the people the document names in full (two words or more)."""
    out: dict[str, set[str]] = {}
    for sp in spans:
        if len(sp) < 2 or sp.label_ not in ("name", "apposition"):
            continue
        actor = lex.actors.get(sp.kb_id_)
        if actor is None or actor.kind.value != "person":
            continue
        for name in {actor.name, sp.text, *actor.aliases}:
            words = nk.key_words(name)
            if len(words) >= 2:
                out.setdefault(words[-1], set()).add(actor.id)
            elif len(words) == 1:
                out.setdefault(words[0], set()).add(actor.id)
    return out


def _unique_in_office(lex, index, surface: str, word: str, when: date | None) -> str | None:
    """The office-holder whose single-word name ``surface`` is, when no other known person of that last name
    held office on ``when``."""
    owners = [i for i in lex.surnames.get(surface, ()) if nk.in_office(lex.actors[i], when)]
    if len(owners) != 1:
        return None
    same = nk.key(lex.actors[owners[0]].name)  # the same person under another source's id does not count
    others = (lex.actors.get(i) for i in index.last_ids(word) if i != owners[0])
    if any(a is not None and nk.key(a.name) != same and nk.in_office(a, when) for a in others):
        return None
    return owners[0]


def alias_mentions(tagger, doc: Doc, spans: list[Span], roles: list[Span] = ()) -> list[Span]:
    """``spans`` with the later one-word mentions of people introduced with an affiliation (module doc).
    ``roles``: role nouns no actor took, which may stand before the part like titles ("Minister Keita")."""
    kinds = tagger.s.person_alias_parts
    if not kinds or not spans:
        return spans
    when: date | None = doc_context(doc).ref_date
    intros: dict[str, list[tuple[int, Span, str]]] = {}  # part's key -> (where it may be used from, intro, rule)
    for sp in spans:
        name = _introduced_name(tagger, sp, when)
        if name is None:
            continue
        words = name.split()
        if len(words) < 2:
            continue
        for kind, word in (("last", words[-1]), ("first", words[0])):
            if kind in kinds and _alias_word(tagger, word):
                intros.setdefault(nk.key(word), []).append((sp.end, sp, f"names:alias-{kind}"))
    if not intros:
        return spans
    at = {k: sp for sp in spans for k in range(sp.start, sp.end)}
    role_words = {k for sp in roles for k in range(sp.start, sp.end)}
    titles, stop, lows = tagger.s.titles, tagger._name_stopwords, lowers(doc)
    added = []
    for a, b in _runs(doc):
        free = [k for k in range(a, b) if k not in at and k not in role_words and lows[k] not in titles and lows[k] not in stop]
        if len(free) != 1 or not doc[free[0]].is_title:
            continue
        k = free[0]
        before = [(sp, rule) for end, sp, rule in intros.get(nk.key(doc[k].text), ()) if end <= k]
        people = {nk.key(_introduced_name(tagger, sp, when) or sp.kb_id_) for sp, _r in before}
        if len(people) != 1:
            continue  # not introduced yet, or two people share the part
        sp, rule = before[-1]
        if _other_state_before(tagger, doc, k, at, role_words, _home(tagger, sp, when)):
            continue  # "Senegal's President Keita" is not Mali's minister Keita
        if sp.label_ == "discovered":
            new = Span(doc, k, k + 1, label="discovered", kb_id=sp.kb_id_)
            kg_set(new, {**(kg_get(sp) or {}), "rule": rule, "conf": 0.6,
                         "locative": k > 0 and lows[k - 1] in tagger.s.locative_preps})  # fmt: skip
        else:
            new = _span(tagger, doc, k, k + 1, sp.kb_id_, rule, 0.6)
        added.append(new)
    return sorted(spans + added, key=lambda x: x.start) if added else spans


def _home(tagger, span: Span, when: date | None) -> str | None:
    """The state code of the person ``span`` introduces."""
    if span.label_ == "discovered":
        state = tagger.lex.actors.get((kg_get(span) or {}).get("state", ""))
        return state.code if state is not None else None
    actor = tagger.lex.actors.get(span.kb_id_)
    return actor.code_at(when) if actor is not None else None


def _other_state_before(tagger, doc: Doc, k: int, at: dict, role_words: set, home: str | None) -> bool:
    """A state's name, adjective or role phrase right before token ``k`` (titles and role nouns between) that is
    not ``home``'s."""
    j = k - 1
    while j >= 0 and (j in role_words or doc[j].lower_ in tagger.s.titles) and j not in at:
        j -= 1
    sp = at.get(j)
    actor = tagger.lex.actors.get(sp.kb_id_) if sp is not None else None
    return actor is not None and actor.kind.value == "state" and actor.code != home


def _introduced_name(tagger, span: Span, when: date | None) -> str | None:
    """The name of the person ``span`` introduces with an affiliation, else None."""
    info = kg_get(span) or {}
    if span.label_ == "discovered":
        return info.get("name") if info.get("state") and info.get("role") else None
    actor = tagger.lex.actors.get(span.kb_id_)
    if actor is None or actor.kind.value != "person" or span.label_ not in ("name", "apposition"):
        return None
    if span.label_ == "name" and actor.role_at(when) is None:
        return None
    return actor.name


def _alias_word(tagger, word: str) -> bool:
    """A part of a name that can stand for its person alone: a capitalised word of three letters or more
    that is no title, joiner, function or date word, and no name the lexicon knows ("Jordan", "Chad")."""
    low = word.lower()
    return (word[:1].isupper() and word.isalpha() and len(word) >= 3 and low not in tagger.s.titles
            and low not in nk.joiners() and low not in tagger._name_stopwords and word not in tagger.by_text)  # fmt: skip


def kg_info(span: Span) -> dict:
    return kg_get(span) or {}
