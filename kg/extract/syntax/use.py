"""How kg's extractor uses the parse (issue #12 items 2 and 3): syntax first, the window rules as fallback.

- :func:`parse_sentences` parses copies of only the sentences that have a trigger candidate and at least
  two actor or place spans (:func:`needs_parse`; the rest are never parsed) with kg's shipped syntax
  pipeline, in one batch for the documents the extractor takes together (``Extractor.extract_batch``).
- :func:`syntax_frame` is a trigger's :class:`~kg.extract.syntax.results.Frame` over the sentence's actor
  and place spans.
- :func:`syntax_args`: a frame that names both sides gives the event's source and target (``mode``
  ``full``); its path becomes the event's ``rule`` (``syntax:verb:nsubj>obj``).
- :func:`veto`: when the frame does not name both sides, the window rules' pair is kept unless the parse
  contradicts it (``mode`` ``veto``): the pair reversed, the speaker of a reported act taken as its doer,
  the subject of a verb that governs the event noun ("Iran condemned the attack on Syria": Iran did not
  attack).

Modes (``Extractor(syntax=...)``, ``kg build --syntax/--no-syntax``): ``full,veto`` (the default),
``full``, ``veto``, or ``off``/empty (window rules only, as before issue #12). Without a syntax model for
the language everything falls back to the window rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.coordination import echoed_act
from kg.extract.reading import before_effect_verb, read_as_verb
from kg.extract.sentence import _Arg, _Ref
from kg.extract.syntax.adjunct import across_time_adjunct, time_adjunct_parties
from kg.extract.syntax.asked import APPEALS, _act_asked_of_others, _asked_of_others, _asked_own, asked_clause_party, possessed_act_asked
from kg.extract.syntax.quoted import joined_parses, quote_parts
from kg.extract.syntax.relative import inside_closed_relative, relative_veto
from kg.nlp.context import kg_get

DEFAULT_MODE = frozenset({"full", "veto"})


def parse_mode(value) -> frozenset[str]:
    """A syntax mode from True/False/None, a comma list ("full,veto") or a set; ValueError for unknown words."""
    if value is None or value is True:
        return DEFAULT_MODE
    if value is False:
        return frozenset()
    words = frozenset(w.strip() for w in (value.split(",") if isinstance(value, str) else value) if w.strip())
    if words <= {"off", "none"}:
        return frozenset()
    unknown = words - {"full", "veto"}
    if unknown:
        raise ValueError(f"unknown syntax mode {', '.join(sorted(unknown))!r} (use full, veto, full,veto or off)")
    return words


@dataclass
class SyntaxStats:
    """Counts for measuring: sentences seen, sentences parsed, events by path."""

    sentences: int = 0
    parsed: int = 0
    syntax_events: int = 0
    window_events: int = 0
    vetoed: int = 0
    in_name: int = 0


STATS = SyntaxStats()


PARSE_BATCH = 256  # sentences per batch through the syntax components, but for the encoder:
ENCODE_BATCH = 64  # tok2vec's batches: the window and maxout rows of 64 sentences (~1,700 tokens, ~4 MB) stay in the
# CPU's caches, those of an extract batch's ~130 (~3,500 tokens) do not. tok2vec on the speed bench's sentences:
# en 0.40-0.45 -> 0.36, id 0.44 -> 0.34 CPU-s. The parser goes the other way (+8% in batches of 32): PARSE_BATCH


MAX_PARSE_TOKENS = 200  # longer "sentences" are scraped runs (lists, tables, a paragraph without stops):
# the parser reads them badly, and one call on 40,000 tokens runs in C for a minute where no deadline can stop it


def needs_parse(n_spans: int, n_tokens: int = 0) -> bool:
    """Whether a sentence with a trigger candidate and ``n_spans`` actor and place spans is worth parsing.

    With a single span the parse can change nothing that matters: a frame names both sides of an event
    only with two spans (:func:`syntax_args`), and a veto needs the window pair's two sides or a speaker
    apart from the doer (:func:`veto`). What is lost is rare: the "governed" veto of an event whose other
    side is a pronoun ("Iran condemned the attack on it"), a date attached elsewhere by the parse in such a
    sentence (:func:`dates_other_event`), and the path the confidence reads (``window`` instead of
    ``window+parse``). Measured on the dev corpus, the samples and the sentence suites: three events' confidences
    moved by 0.003, nothing else; 18% fewer sentences parsed in news (bench/pipeline_speed.py).
    A sentence over :data:`MAX_PARSE_TOKENS` tokens is left to the window rules."""
    return n_spans >= 2 and n_tokens <= MAX_PARSE_TOKENS


def parse_sentences(sents: list, lang: str, names: list | None = None) -> list:
    """Parsed copies of ``sents`` (spans of kg's Docs, one language, of one or many documents; copies on
    the same tokens, so that token ``i`` of the copy is token ``sent.start + i``), in order, with kg's syntax
    pipeline for ``lang``; an empty list when the language has no syntax model.

    ``names``: per sentence, the (start, end) document tokens of persons' names (:func:`kg.extract.syntax.names.person_names`); the
    parser reads each as the language's ``placeholder_name`` (syntax.json, :mod:`kg.extract.syntax.names`), as it would a name it knows well.
    A surname it has never seen is otherwise often read by its letters: "Blinken met Prime Minister Fumio
    Kishida" parsed "Blinken" as a verb and hung the sentence on "Kishida"."""
    if not sents:
        return []
    try:
        from kg.nlp.spacy_internals import numpy_blas, parse_docs
        from kg.nlp.syntax import load_syntax, share_strings

        nlp = load_syntax(lang)
    except (LookupError, OSError):
        return []
    from spacy.tokens import Doc

    vocabs = {id(sent.doc.vocab): sent.doc.vocab for sent in sents}
    for vocab in vocabs.values():
        share_strings(nlp, vocab)
    # a new Doc from the words is ~5x cheaper than Span.as_doc (which copies span groups and user data);
    # the models read the lexemes' NORM, PREFIX, SUFFIX and SHAPE, the same either way (kg sets no token norm)
    from kg.extract.syntax.names import placeholder_name, words_for_parser

    placeholder = placeholder_name(lang)
    subs = [
        Doc(sent.doc.vocab, words=words_for_parser(sent, names[k] if names else (), placeholder, lang), spaces=[bool(t.whitespace_) for t in sent])
        for k, sent in enumerate(sents)
    ]
    docs, splits = quote_parts(subs, lang)  # and a quote before its speaker, parsed apart from it (quoted.py)
    with numpy_blas(nlp):  # numpy's OpenBLAS on one thread: 7-9% less time than thinc's BLIS, same parses
        for name, proc in nlp.pipeline:  # the English tagger too: its VBN tells a participle better than the
            if name == "parser":  # morphologizer's features (roles.is_passive)
                docs = parse_docs(proc, docs, PARSE_BATCH)  # spaCy's own steps, ~3x faster driven from Python
            else:
                docs = list(proc.pipe(docs, batch_size=ENCODE_BATCH if name == "tok2vec" else PARSE_BATCH))
    return joined_parses(docs, splits, lang)


def syntax_frame(rules, trig, nominal: bool):
    """The frame of ``trig`` on the parsed sentence and the candidate spans its ``Arg.index`` points into;
    (None, []) when the sentence was not parsed."""
    if rules.syntax is None:
        return None, []
    from kg.extract.syntax.frames import frame

    sub, off = rules.syntax
    if rules.frame_inputs is None:  # the same for every trigger of the sentence
        # (a place in the paper's date line, "JAKARTA, Rabu (6/3/2024) – ...", is none of rules.actors or
        # rules.places, and the parse starts after it: kg.extract.sentence.filed_end)
        cands = rules.actors + rules.places
        events = [i - off for x in rules.triggers for i in range(x.start, x.end)]
        bounds = [(a.start - off, a.end - off) + (("gapped",) if (kg_get(a) or {}).get("rule") == "lexicon:gapped" else ())
                  for a in cands]  # fmt: skip
        rules.frame_inputs = (cands, bounds, events)
    cands, bounds, events = rules.frame_inputs
    t = kg_get(trig)["trigger"]
    f = frame(
        sub,
        bounds,
        (trig.start - off, trig.end - off),
        rules.lang,
        target_adps=t.target_preps,
        symmetric=t.symmetric,
        nominal=True if nominal else (False if read_as_verb(rules, trig) else None),  # "mengebom", '"We condemn ..."' tagged NOUN
        events=events,
        refusal=t.code[:2] in ("12", "13"),  # a threat too: its target is the threatened act's other party
        located=t.code[:2] in ("18", "19", "20"),
        asked=t.code[:2] in ("02", "10"),  # the one asked a thing of: "demanded reparations from Germany"
    )
    return f, cands


def capacity_act(rules, trig) -> bool:
    """Whether the parse makes the event noun ``trig`` the act its clause's doer does, named in an "as" phrase
    ("sent two destroyers as a warning to Iran", "sebagai peringatan bagi"): its doer is that verb's subject,
    though a verb stands between them (:func:`kg.extract.syntax.frames._capacity_verb`)."""
    fr, _ = syntax_frame(rules, trig, True)
    return fr is not None and bool(fr.sources) and all(a.rule.startswith("capacity>") for a in fr.sources)


def refused(fr, rules) -> bool:
    """Whether the act of ``fr`` is what a rejection (CAMEO 12) in its sentence refuses: its verb (or the light
    verb of its event noun, "refused to impose sanctions") is controlled by a 12 trigger ("Hungary refused
    to send weapons to Ukraine", "Serbia menolak untuk menjatuhkan sanksi", "Hungary's refusal to send ..."), or
    is what a rejected request asks for ("rejected calls to impose sanctions on Russia"). The rejection codes the act;
    the act itself did not happen and is not an event of its own. So too an act a threat (13) controls ("Mali
    threatened to expel the UN mission", "Rusia mengancam menggempur Ukraina"): the threat is the event."""
    if fr is None or rules.syntax is None:
        return False
    from kg.extract.syntax.data import role_data

    sub, off = rules.syntax
    if _after_threat(fr.trigger + off, rules):
        return True
    node = sub[fr.governor] if fr.kind == "noun" and fr.light and fr.governor is not None else sub[fr.trigger]
    marks = role_data(rules.lang).infinitive_marks
    infinitive = any(c.dep_ == "mark" and c.lower_ in marks for c in node.children)
    if infinitive and node.head.i != node.i and _undone(node.head.i + off, rules):
        return True  # "Hungary's refusal to send weapons to Ukraine", "declined to condemn" (however it is labelled)
    if any(c.dep_ in ("advmod", "aux") and _rejects(c.i + off, rules) for c in node.children):
        return True  # "Hungaria enggan mengirim senjata": the refusal word modifies the act's verb
    if node.dep_ == "acl" and node.head.dep_ in ("obj", "dobj"):
        node = node.head  # "rejected calls to impose sanctions on Russia" (not the call itself: it was made)
    elif node.dep_ not in ("xcomp", "advcl"):
        return False
    else:
        return node.head.i != node.i and _undone(node.head.i + off, rules)
    if node.head.i == node.i:
        return False
    return _rejects(node.head.i + off, rules)


THREAT_GAP = 3  # words between a threat and the act it names: "bersumpah akan terus menyerang"


def _after_threat(i: int, rules) -> bool:
    """Whether a threat trigger (13) ends just before document token ``i`` with a future marker (lang.json ``future``)
    between them and nothing else but future markers and control verbs (syntax.json ``subject_control``): "Houthi
    bersumpah akan terus menyerang kapal", "ancaman akan serangan". The act is the threat's, whatever the parse made
    of the words (the Indonesian parser reads "Hizbullah bersumpah" as a name and a noun, and the act's verb as the
    root): as "vowed it would attack", it is no event of its own."""
    from kg.extract.syntax.data import role_data

    future, control = rules.s.future, role_data(rules.lang).subject_control
    for x in rules.triggers:
        if x.end < i and i - x.end <= THREAT_GAP and kg_get(x)["trigger"].code[:2] == "13" and not kg_get(x)["trigger"].future_threat:
            between = rules.lows[x.end : i]
            if any(w in future for w in between) and all(w in future or w in control for w in between):
                return True
    return False


def _undone(i: int, rules) -> bool:
    """Whether token ``i`` (of the document) is in a refusal (12) or a threat (13): the act it controls ("refused to
    send", "threatened to strike", "mengancam menggempur") is not done; the refusal or the threat is the event."""
    return _rejects(i, rules) or _rejects(i, rules, "13")


def _rejects(i: int, rules, root: str = "12") -> bool:
    """Whether token ``i`` (of the document) is in a rejection trigger (CAMEO 12; or of another ``root``)."""
    return any(x.start <= i < x.end and kg_get(x)["trigger"].code[:2] == root and not kg_get(x)["trigger"].future_threat
               for x in rules.triggers)  # fmt: skip  (a strike-back names no act it withholds: "retaliated by bombing Gaza")


def alleged(fr, rules) -> bool:
    """Whether the act of ``fr`` (a verb) is what an accusation or criticism (CAMEO 11) alleges: the verb it controls
    ("Ukraina menuduh Rusia menembaki Kharkiv", an xcomp), its clause after a control mark that is no infinitive one
    ("accused Russia of shelling Kharkiv", or hung on the accused object as an acl) or its reported clause ("Kenya menuding Somalia menembaki ...", parsed as a
    ccomp). The accusation is the event; the act alleged is not asserted, and no act of the accuser's either."""
    if fr is None or rules.syntax is None or fr.kind == "noun":
        return False
    from kg.extract.syntax.data import OBJECTS, role_data

    sub, off = rules.syntax
    node = sub[fr.trigger]
    if node.head.i == node.i or node.dep_ not in ("xcomp", "advcl", "ccomp", "acl"):
        return False
    if node.dep_ in ("advcl", "acl"):
        d = role_data(rules.lang)
        if not any(c.dep_ == "mark" and c.lower_ in d.control_marks - d.infinitive_marks for c in node.children):
            return False
    node = node.head if node.dep_ == "advcl" and node.head.dep_ == "acl:relcl" and node.i > node.head.i else node  # "accused Israel, which gets arms from X, of ..."
    if node.dep_ in ("acl", "acl:relcl"):  # "accused Beijing of harassing ...", the clause hung on the accused object
        if node.head.dep_ not in OBJECTS or node.head.head.i == node.head.i:
            return False
        node = node.head
    return _rejects(node.head.i + off, rules, "11")


def halted(fr, rules) -> bool:
    """Whether the event noun of ``fr`` is the object of a verb that stops it (syntax.json ``cessation_verbs``: "to
    halt its military operations in Ukraine", "menghentikan operasi militernya"): the stopping, or the call or the
    order to stop, is the news; the act stopped is no event of this sentence. (A stop that is a trigger of its own,
    "ended its offensive", takes its noun as its required word already.)"""
    if fr is None or rules.syntax is None or fr.kind != "noun":
        return False
    from kg.extract.syntax.data import OBJECTS, _is, role_data

    node = rules.syntax[0][fr.trigger]
    verbs = role_data(rules.lang).cessation_verbs
    dep = node.dep_ in OBJECTS or node.dep_ == "xcomp"  # an event noun parsed xcomp: "menghentikan dukungannya"
    return bool(verbs) and dep and node.head.i != node.i and _is(node.head, verbs, rules.lang)


def halted_by_subject(fr, rules) -> bool:
    """Whether the act :func:`halted` stops is stopped by the stopping verb's own subject: "Turkey halted its military
    operation in Syria", "Israel suspended its air strikes on Lebanon", "Turki menghentikan operasi militernya di
    Suriah" are a de-escalation (087) by the doer of the act stopped; an order or a call to stop ("was ordered by the
    court to halt its operations", "urged Russia to halt ...": no subject of its own) is no stop yet."""
    if not halted(fr, rules):
        return False
    from kg.extract.syntax.data import SUBJECTS

    verb = rules.syntax[0][fr.trigger].head
    return any(c.dep_ in SUBJECTS for c in verb.children)


def _spans_of(args, cands) -> list:
    out = []
    for a in args:
        span = cands[a.index]
        if all(span is not x for x in out):
            out.append(span)
    return out


def parse_doer(fr, cands):
    """The doer the parse gives a verb whose target it does not name, as the verb's subject, for the window rules to
    find the target (a place) when they found no doer of their own: "Gunmen from the Pakistani Taliban attacked a
    police station in Peshawar" (a member noun's group, :meth:`~kg.extract.syntax.roles._Roles.actors_in`); else None."""
    if fr is None or fr.kind != "verb" or fr.targets or not fr.sources or not all(a.rule.startswith("nsubj") for a in fr.sources):
        return None
    return _Arg(_spans_of(fr.sources, cands), "syn:" + "+".join(dict.fromkeys(a.rule for a in fr.sources)))


def syntax_args(fr, cands, t, rules=None):
    """(source, target, rule) from a frame that names both sides, else None. For a speaker trigger ("the
    U.S. says the Syrian government is responsible") the speaker acts on the reported clause's subject."""
    sources, targets = list(fr.sources), list(fr.targets)
    if t.speaker:
        if fr.speech is None or not fr.speech.speakers or not sources:
            return None
        if not all(a.rule.startswith("nsubj") for a in sources):
            return None  # the accused is the reported clause's own subject, not an antecedent found elsewhere
        sources, targets = list(fr.speech.speakers), sources
    elif t.symmetric and not targets and len(sources) >= 2:
        if rules is not None and echoed_act(rules, fr.trigger + rules.syntax[1], _spans_of(sources, cands)):
            return None  # "Australia, Mexico and India are also negotiating": not with each other
        sources, targets = sources[:1], sources[1:]
    # a name that only modifies an oblique's noun ("presses for a Gaza truce on a Cairo trip": the
    # truce's place, the trip's destination) is no party to the act
    targets = [a for a in targets if not a.rule.endswith(")>compound") or before_effect_verb(cands[a.index], rules)]
    if t.topic_object:  # "Blinken membahas Gaza dengan ...": the object is the topic, the party comes after 'dengan'
        targets = [a for a in targets if not a.rule.startswith(("obj", "dobj"))]
    targets = [a for a in targets if rules is None or not rules.trailing_speaker(cands[a.index])]  # ", a US official said"
    if not sources or not targets:
        return None
    src, tgt = _spans_of(sources, cands), _spans_of(targets, cands)
    if rules is not None and _no_visitor(sources, src, t, rules):
        return None
    if any(a is b for a in src for b in tgt):
        return None
    if rules is not None and inside_closed_relative(fr.trigger + rules.syntax[1], src, rules):
        return None  # "Israel, which the US supports, attacked Syria": the parse's subject is the clause's
    rule = fr.rule if not t.speaker else f"speaker:{fr.rule}"
    how_s = "+".join(dict.fromkeys(a.rule for a in sources))
    how_t = "+".join(dict.fromkeys(a.rule for a in targets))
    return _Arg(src, f"syn:{how_s}"), _Arg(tgt, f"syn:{how_t}"), rule


VISIT_CODES = ("042", "043")  # visits and trips: the visitor is who arrives, not what

MODIFIER_HOPS = ("amod", "nmod", "compound", "flat")  # a name inside the subject's noun phrase, modifying it


def _no_visitor(sources, spans, t, rules) -> bool:
    """Whether the doers the parse gives a visit or an arrival are only states' names that modify its subject's
    noun ("A Japanese tourist landed in Seoul", "A North Korean missile landed in ...", "Rudal Korea Utara
    mendarat di ...": nsubj>amod, nsubj>flat), or, in a language whose modifiers follow their noun, come right
    after one ("Seorang turis Chili mendarat di Lima", parsed with Chili as the subject): a tourist, a missile or a
    plane of a state is no visitor of it. Agents of a state ("Chinese officials", "delegasi China") are one actor
    span with their noun, and so the subject itself; a person's name under a title ("Presiden Jokowi",
    "Secretary of State Antony Blinken") is the visitor."""
    if not t.code.startswith(VISIT_CODES) or any(isinstance(sp, _Ref) or rules._person_like(sp) for sp in spans):
        return False
    if all(a.rule.startswith("nsubj>") and a.rule.removeprefix("nsubj>").startswith(MODIFIER_HOPS) for a in sources):
        return True
    return all(_after_a_noun(sp, rules) for sp in spans)


def _after_a_noun(span, rules) -> bool:
    """In a language whose modifiers follow their noun, whether a name comes right after a lower-case word that
    is no determiner, title or coordinator ("turis Chili", "pesawat pengangkut pupuk Rusia"): it names the
    noun's state, not a doer of its own (what :func:`_no_visitor` reads from a parse that got it right)."""
    s = rules.s
    if s.head_final or span.start <= rules.sent.start:
        return False
    tok = rules.doc[span.start - 1]
    low = tok.lower_
    return tok.is_lower and tok.is_alpha and not (low in s.determiners or low in s.titles or low in s.coordinators)


def _made_in(fr, spans, rules, received: bool = False) -> bool:
    """Whether one of the window's spans only says where a thing was made: its head hangs, within the noun
    phrase, on an origin word ("Russian-made", "drone buatan Rusia"; ``origin_words``). For what is ``received``
    ("Ukraine received weapons from Russian-made stocks") a supply word names the giver and is no origin
    ("menerima pasokan dari Qatar": ``supply_words``)."""
    from kg.extract.syntax.data import _is, role_data

    sub, off = rules.syntax
    d = role_data(rules.lang)
    origin = d.origin_words - d.supply_words if received else d.origin_words
    for sp in spans:
        if isinstance(sp, _Ref) or not (0 <= sp.start - off < len(sub)):
            continue
        tok = sub[sp.start - off]
        for _ in range(3):
            if tok.head.i == tok.i or tok.head.i == fr.trigger:
                break
            tok = tok.head
            if _is(tok, origin, rules.lang):
                return True
    return False


def _in_conjoined_object(fr, spans, rules) -> bool:
    """Whether every one of the window's doer ``spans`` is inside the object of the verb the trigger is a subjectless
    conjunct of (:func:`kg.extract.syntax.clauses.in_conjoined_object`)."""
    from kg.extract.syntax.clauses import in_conjoined_object
    from kg.extract.syntax.data import role_data
    from kg.extract.syntax.results import head_token

    sub, off = rules.syntax
    d = role_data(rules.lang)
    real = [sp for sp in spans if not isinstance(sp, _Ref) and 0 <= sp.start - off and sp.end - off <= len(sub)]
    return bool(real) and all(in_conjoined_object(sub[fr.trigger], head_token(sub, sp.start - off, sp.end - off), d, rules.lang)
                              for sp in real)  # fmt: skip


def _across_relative_pronoun(fr, spans, rules) -> bool:
    """Whether a relative pronoun that is a subject in the parse ("which", "yang": syntax.json ``relative_pronouns``)
    stands between the window's doer and the trigger, and the doer is not the noun right before it (its antecedent,
    past a comma) while that noun is an actor: the trigger is in a relative clause about that actor, its doer."""
    from kg.extract.syntax.data import PASSIVE_SUBJECTS, SUBJECTS, role_data

    sub, off = rules.syntax
    pronouns = role_data(rules.lang).relative_pronouns
    for sp in spans:
        if isinstance(sp, _Ref) or not (0 <= sp.end - off < fr.trigger <= len(sub)):
            continue
        for t in sub[sp.end - off : fr.trigger]:
            if t.lower_ in pronouns and t.pos_ == "PRON" and t.dep_ in SUBJECTS + PASSIVE_SUBJECTS:
                gap = sub[sp.end - off : t.i]
                k = t.i - 1 - (t.i > 0 and sub[t.i - 1].is_punct)
                named = any(a.start <= k + off < a.end for a in rules.actors)  # not "a statement that accused ...": its issuer's
                if named and not all(x.is_punct for x in gap):
                    return True
    return False


def _across_relative_adverb(fr, spans, rules) -> bool:
    """Whether a relative adverb ("where", "di mana": syntax.json ``relative_adverbs``) stands between the
    window's doer and the verb: the verb is in a clause about a place, whose doer is its own."""
    from kg.extract.syntax.data import role_data

    sub, off = rules.syntax
    adverbs = role_data(rules.lang).relative_adverbs
    return any(not isinstance(sp, _Ref) and 0 <= sp.end - off < fr.trigger <= len(sub)
               and any(t.lower_ in adverbs for t in sub[sp.end - off : fr.trigger]) for sp in spans)  # fmt: skip


def _in_own_phrase(fr, spans, rules) -> bool:
    """Whether every one of ``spans`` lies inside the trigger's own phrase in the parse (its subtree): "a meeting
    between American and Russian officials" holds its parties, "condemned the attack on Syria" not its subject."""
    sub, off = rules.syntax
    own = {x.i for x in sub[fr.trigger].subtree}
    return all(not isinstance(sp, _Ref) and sp.start - off in own for sp in spans)


def veto(fr, cands, source, target, t, nominal: bool, rules) -> tuple:
    """(source, target, reason): the window pair, or (None, None, reason) when the parse contradicts it."""
    if source is None or target is None or t.speaker:
        return source, target, None
    syn_src = {id(s) for s in _spans_of(fr.sources, cands)}
    syn_tgt = {id(s) for s in _spans_of(fr.targets, cands)}
    win_src = {id(s) for s in source.spans if not isinstance(s, _Ref)}
    win_tgt = {id(s) for s in target.spans if not isinstance(s, _Ref)}
    speakers = {id(s) for s in _spans_of(fr.speech.speakers, cands)} if fr.speech else set()
    if win_src and win_src <= syn_tgt and win_tgt and win_tgt <= syn_src:
        return None, None, "reversed"  # the parse reads the pair the other way round
    if fr.sources and win_src and win_src <= syn_src and _no_visitor(fr.sources, source.spans, t, rules):
        return None, None, "visitor"  # "A Japanese tourist landed in Seoul": no visit of Japan's
    if _made_in(fr, source.spans + target.spans, rules, t.reverse):
        return None, None, "origin"  # "Russian-made drones were shot down by Ukraine", "received weapons from Russian-made stocks": the maker is no party
    if fr.sources and all(a.rule.startswith("xcomp-control(obj)") for a in fr.sources) and win_src and not win_src & syn_src:
        # "Egypt urged Hamas to stop firing at Israel", "Mesir mendesak Hamas menghentikan serangan ke Israel": the
        # one asked acts (the parse's controlled doer), not the one who asks (the window's subject)
        return _Arg(_spans_of(fr.sources, cands), "syn:xcomp-control(obj)"), target, None
    if fr.sources and all(a.rule.startswith("conj-clause-subj") for a in fr.sources) and win_src and win_src - syn_src:
        # "Russia attacked Ukraine and Belarus condemned the attack": the window reads "Ukraine and Belarus" as the
        # subject; the parse's clause subject is Belarus alone (kg.extract.syntax.clauses)
        return _Arg(_spans_of(fr.sources, cands), "syn:conj-clause-subj"), target, None
    if fr.kind != "noun" and win_src and not syn_src and _in_conjoined_object(fr, source.spans, rules):
        return None, None, "conjoined-object"  # "The rebels attacked British ships and warned Washington": not Britain
    if win_tgt and t.code[:2] in APPEALS and _asked_of_others(fr, target.spans, rules):
        return None, None, "asked-of-others"  # "menyerukan negara-negara anggotanya memutus hubungan dengan Israel"
    if win_tgt and t.code[:2] in APPEALS and _asked_own(fr, target.spans, rules):
        return None, None, "asked-own"  # "meminta warganya meninggalkan Iran", whatever the parse made of "warganya"
    if win_tgt and t.code[:2] in APPEALS and asked_clause_party(fr, target.spans, rules):
        return None, None, "asked-clause-party"  # "AS mendesak agar dukungannya terhadap Rusia dihentikan": Russia is not asked
    if nominal and win_src and not win_src & syn_src and possessed_act_asked(fr, source.spans, rules):
        return None, None, "asked-possessed"  # "Tiongkok didesak AS agar menghentikan dukungannya terhadap Rusia": not the US's
    if win_src and not syn_src and _act_asked_of_others(fr, source.spans, rules):
        return None, None, "asked-of-others"  # ... and the cut is the members', not the League's
    if speakers and syn_src and not syn_src & speakers and win_src and win_src <= speakers:
        return None, None, "speaker"  # the speaker is not the doer of what is reported
    parties = {id(s) for s in time_adjunct_parties(fr, target.spans, rules, t.code)}
    if parties and win_tgt - parties:  # "signed a deal with Jordan following the Israeli strike": Jordan alone
        target = _Arg([s for s in target.spans if id(s) not in parties], target.how)
    elif parties or across_time_adjunct(fr, source.spans, rules):
        return None, None, "time-adjunct"  # "halted talks after the attack on Israel": Israel is no party of the halt
    decided = relative_veto(fr, source, target, rules)  # "accused Israel, which the US supports, of attacking Syria"
    if decided is not None:
        return decided
    if win_src and not win_src & syn_src and _across_relative_pronoun(fr, source.spans, rules):
        return None, None, "relative-pronoun"  # "Germany welcomed Norway, which hosted talks with Iran": not Germany's talks
    if fr.kind != "noun" and win_src and _across_relative_adverb(fr, source.spans, rules):
        return None, None, "relative-adverb"  # "summoned X over a shootout in Kosovo, where Serbs attacked police"
    if (
        nominal
        and fr.kind == "noun"
        and not fr.sources
        and fr.governor is not None
        and not fr.light
        and fr.governor_dep in ("obj", "dobj")
        and fr.governor + rules.syntax[1] in {i for x in rules.triggers for i in range(x.start, x.end)}
        and win_src
        and not win_src & syn_src
        and not (t.symmetric and _in_own_phrase(fr, source.spans + target.spans, rules))  # "hosted a meeting between X and Y"
    ):
        return None, None, "governed"  # "Iran condemned the attack on Syria": Iran did not attack
    if nominal and "judged" in fr.notes and win_src and not win_src & syn_src:
        return None, None, "judged"  # "Jepang menyebut uji coba itu sebagai peringatan bagi Korea Selatan": no warning of Japan's
    return source, target, None


CONTROLLED_DEPS = ("xcomp", "ccomp", "advcl")
PLACE_HOPS = ("nmod", "compound", "flat", "flat:name", "appos", "amod")  # inside the object, to the place it names


def place_act(t, fr, path: str, target, doers: list, places: list, rules) -> bool:
    """Whether an act found by a place's name after its trigger ("Russian troops took Bakhmut", "Pasukan Rusia merebut
    Avdiivka", "moved into Fallujah": triggers.jsonl ``requires_place``) is one. The parse must give the pair (``path``
    ``syntax``) and make the place the verb's object or its target-preposition oblique, or a name inside that object by
    an *of* phrase or an unmarked modifier ("most of Basra", "the city of Mosul", "sebagian besar Basra"); every target
    is a gazetteer place (not a state's name: "moved into Vietnam's market"), or the adjective of the state a place
    target is in ("took the Russian town of Sudzha"); ``places`` and ``doers`` are ``(span, Participant)`` pairs of the
    targets and doers. Every doer is a state's agent of one of the trigger's ``doer_sectors`` (``state``: the state's own
    name, not an adjective on another noun: "Chinese investors", "a Russian tourist"). A purpose clause on the verb
    ("moved into Kursk to help Russia", "masuk ke ... untuk membantu") makes it a deployment, which may be a host's
    guest, and a controlling verb ("threatened to take", "mengancam merebut") a threat or a plan: no act."""
    if path != "syntax" or fr is None or not target.how.startswith("syn:"):
        return False
    from kg.extract.syntax.data import _is, role_data

    d = role_data(rules.lang)
    sub, _off = rules.syntax
    node = sub[fr.trigger]
    controls = d.subject_control | d.object_control
    if node.dep_ in CONTROLLED_DEPS and node.head.i != node.i and _is(node.head, controls, rules.lang):
        return False  # "threatened to take Kharkiv", "mengancam merebut Kharkiv": a threat or a plan, not the act
    purpose = lambda c: any(m.dep_ == "mark" and m.lower_ in d.infinitive_marks for m in c.children)  # noqa: E731
    if any(c.dep_ in ("advcl", "xcomp") and purpose(c) for c in node.children):
        return False
    if any(isinstance(sp, _Ref) for sp, _ in places):
        return False
    where = {p.code for sp, p in places if sp.label_ == "place"}
    if not where or any(sp.label_ != "place" and (sp.label_ != "adjective" or p.code not in where) for sp, p in places):
        return False
    of = d.adps("of")
    preps = t.target_preps or frozenset()
    for how in target.how.removeprefix("syn:").split("+"):
        if how in ("conj", "appos-list"):
            continue
        first, *inner = how.split(">")
        if not (first in ("obj", "dobj", "xcomp-obj") or (first.startswith("obl(") and first[4:-1] in preps)):
            return False
        for hop in inner:
            name, _, adp = hop.partition("(")
            if name not in PLACE_HOPS or (adp and adp[:-1] not in of):
                return False
    for sp, p in doers:
        if isinstance(sp, _Ref) or not p.code or ":" in p.code:
            return False
        if not (p.sector in t.doer_sectors or (p.sector is None and "state" in t.doer_sectors and sp.label_ == "name")):
            return False
    return True


def coref_target(fr, cands, target):
    """The target of an event whose doer is a pronoun or group noun for an earlier actor (the parse names
    no source: the subject is no actor span): the window's target when the parse names it too or names no
    target; else the parse's own ("He backed China's plan for peace in Ukraine": China, the object's
    possessor, not Ukraine after "for")."""
    syn_tgt = _spans_of(fr.targets, cands)
    if not syn_tgt or any(sp is x for sp in target.spans for x in syn_tgt):
        return target
    how = "+".join(dict.fromkeys(a.rule for a in fr.targets))
    return _Arg(syn_tgt, f"syn:{how}")


def modifies_other_noun(rules, span, trig) -> bool:
    """Whether the parse makes actor ``span`` a modifier of a noun other than ``trig`` ("left the NATO summit",
    "quit the OSCE talks", "keluar dari ruang sidang PBB"): the organisation then names no party the act leaves.
    False when the sentence was not parsed or ``span`` is a reference to an earlier actor."""
    from spacy.tokens import Span

    from kg.extract.syntax.results import head_token

    if rules.syntax is None or type(span) is not Span:
        return False
    sub, off = rules.syntax
    own = range(trig.start - off, trig.end - off)
    h = head_token(sub, span.start - off, span.end - off)
    while h.dep_ == "conj" and h.head.i != h.i and h.head.i not in own:
        h = h.head  # one of a list: what the list hangs on
    return h.head.i not in own and h.head.pos_ in ("NOUN", "PROPN") and h.dep_ not in ("appos", "conj")
