"""A trigger's :class:`~kg.extract.syntax.results.Frame` from the parse: :func:`frame`, :func:`frames`, :func:`explain`."""

from __future__ import annotations

from collections.abc import Sequence

from kg.extract.syntax.clauses import relative_antecedent
from kg.extract.syntax.data import AGENTS, NOUN_POS, OBJECTS, PASSIVE_SUBJECTS, SUBJECTS, VERB_POS, _is, word_forms
from kg.extract.syntax.results import Frame, _dedupe, _re, _span_bounds, head_token
from kg.extract.syntax.roles import _Roles


def frame(
    doc,
    actors: Sequence,
    trigger,
    lang: str,
    *,
    target_adps: frozenset | set | None = None,
    symmetric: bool = False,
    nominal: bool | None = None,
    events: Sequence[int] = (),
    refusal: bool = False,
    located: bool = False,
    asked: bool = False,
) -> Frame | None:
    """The argument frame of ``trigger`` (a Span, a ``(start, end)`` pair or a token index) in the parsed
    ``doc``, with ``actors`` (Spans or ``(start, end)`` pairs) as the candidates. ``Arg.index`` points
    into ``actors``.

    ``target_adps``: adpositions that introduce this trigger's target (default: the language's
    *target* and *recipient* adpositions, and *partner* ones for a ``symmetric`` trigger).
    ``events``: token indices of the sentence's event words (all triggers); a path does not reach an
    actor through an event noun's *of* phrase ("defended its annexation of Crimea" is not about Crimea).
    ``nominal``: force the trigger to be read as an event noun (True) or a verb (False); by default
    its part of speech decides. ``refusal``: the trigger rejects (CAMEO 12); without a target of its own, its
    target is the other party of the act it governs ("refused to send weapons to Ukraine"). Returns None
    when the trigger lies inside an actor's span. ``located``: the trigger is an attack (CAMEO 18-20); without a
    target of its own, the place its patient is in is its target ("hit a clinic in Dnipro"). ``asked``: the trigger
    asks or demands (CAMEO 02, 10); without a target of its own, the one it asks a thing of ("demanded reparations
    from Germany") is its target.
    """
    if isinstance(trigger, int):
        start, end = trigger, trigger + 1
    else:
        start, end = _span_bounds(trigger)
    r = _Roles(doc, actors, lang, events)
    if start in r.at:
        return None  # "Ban" in "Ban Ki-moon", "Strike" in "Carrier Strike Group" (a trigger may end inside one: "penarikan [pasukan AS]")
    tok = head_token(doc, start, end)
    d = r.d
    preps = frozenset(target_adps) if target_adps is not None else d.adps("target", "recipient") | (d.adps("partner") if symmetric else frozenset())
    is_noun = nominal if nominal is not None else tok.pos_ in NOUN_POS
    own = set(range(start, end))
    if is_noun:
        f = Frame(trigger=tok.i, kind="noun")
        sources, targets, obliques = r.noun_args(tok, preps)
        if not sources and not targets and tok.dep_ == "compound" and tok.head.pos_ in NOUN_POS:
            # "the north's bombing campaign", "the air strike campaign": the head noun carries the arguments
            s2, t2, o2 = r.noun_args(tok.head, preps)
            sources = [_re(a, f"compound-head>{a.rule}") for a in s2]
            targets = [_re(a, f"compound-head>{a.rule}") for a in t2]
            obliques += o2
        if not targets and located:
            targets = r.located_patient(tok, noun=True)
        if not targets and refusal:
            targets = r.refused_party(tok)  # "Hungary's refusal to send weapons to Ukraine"
        gov, gdep = r.governor(tok)
        if gov is not None:
            f.governor, f.governor_dep = gov.i, gdep
            # "launched an attack", "sanksi ... dijatuhkan oleh Inggris": the verb's doer is the noun's
            f.light = (gdep in OBJECTS or (gdep in PASSIVE_SUBJECTS + SUBJECTS and r.is_passive(gov))) and _is(gov, d.light_verbs, lang)
            if f.light:
                if not sources:
                    sources = [_re(a, "light-verb-subj") for a in r.subject_of(gov, r.is_passive(gov))]
                if not targets:
                    t3, o3 = r.objects_of(gov, preps)
                    targets = [_re(a, f"light-verb>{a.rule}") for a in t3 if a.token != tok.i]
                    obliques += o3
                f.negated = r.negated(gov)
                if gov.dep_ in ("xcomp",) or (gov.dep_ == "advcl" and any(c.lower_ in d.infinitive_marks for c in gov.children if c.dep_ == "mark")):
                    f.control = gov.head.lower_
                    f.negated = f.negated or r.negated(gov.head)
            elif gdep in OBJECTS and r.negated(gov):
                f.notes.append("governor-negated")
        cap = _capacity_verb(tok, r)
        if cap is not None:
            # "sent two destroyers to the Gulf as a warning to Iran": what the clause's doer did is the warning;
            # "described the test as a warning to Seoul" says what the test is, and is no act of the describer
            if _is(cap, d.judgement_verbs, lang):
                f.notes.append("judged")
            elif not sources and not r.is_passive(cap):
                sources = [_re(a, "capacity>subj") for a in r.subject_of(cap, False)]
        f.negated = f.negated or r.negated(tok)
        f.sources = _dedupe(sources, set())
        f.targets = _dedupe([a for a in targets if not own & set(range(a.start, a.end))], {a.index for a in f.sources})
        f.obliques = _dedupe(obliques, {a.index for a in f.sources + f.targets})
        f.speech = r.speech_of(tok)
        return f
    passive = r.is_passive(tok)
    f = Frame(trigger=tok.i, kind="passive" if passive else "verb")
    sources = r.subject_of(tok, passive)
    if passive:
        targets = []
        # a plain subject of a passive verb is its patient where the parser gave no passive subject: "Odesa was struck
        # by Russia" (parsed 'nsubj' beside 'aux:pass'); in a language with bare agents, always ("Kharkiv dihantam ...")
        plain = d.bare_passive_agent or not any(c.dep_ in PASSIVE_SUBJECTS for c in tok.children)
        for c in tok.children:
            if c.dep_ in PASSIVE_SUBJECTS or (c.dep_ in SUBJECTS and plain):
                if c.lower_ in d.relative_pronouns and tok.head.i != tok.i:
                    # (on the noun, or on the main verb where the parser hung "Jepang yang dibela AS" there)
                    ante = relative_antecedent(tok, c)
                    targets += r.actors_in(ante, "relcl-antecedent") if ante is not None else []
                else:
                    targets += r.actors_in(c, c.dep_)
        if not targets and tok.dep_ in ("acl", "acl:relcl") and tok.head.pos_ in NOUN_POS:
            targets = r.actors_in(tok.head, "acl-antecedent")
        if not targets and tok.dep_ == "conj":
            head = tok.head
            targets = [_re(a, "conj-share-subj") for c in head.children if c.dep_ in PASSIVE_SUBJECTS + SUBJECTS for a in r.actors_in(c, c.dep_)]
        t2, obliques = r.objects_of(tok, preps)
        t2 = [a for a in t2 if a.rule != "obj" or not d.bare_passive_agent or any(c.dep_ in AGENTS for c in tok.children)]
        moved = _moved_to(t2, target_adps, d) if targets else []
        if moved:  # "diekstradisi ke Amerika Serikat oleh Swiss": the patient moves to its target, who receives it
            obliques += [_re(a, a.rule, adp=None, role="object") for a in targets]
            obliques += [_re(a, a.rule, adp=a.rule[4:-1] if a.rule.startswith("obl(") else None) for a in t2 if a not in moved]
            targets = moved
        elif targets:  # "Israel dikecam oleh Turki atas penyerbuan ...": the passive subject is the target
            obliques += [_re(a, a.rule, adp=a.rule[4:-1] if a.rule.startswith("obl(") else None) for a in t2 if not a.rule.startswith("obj")]
        else:
            targets = t2
    else:
        targets, obliques = r.objects_of(tok, preps, prefer_adps=target_adps is not None)
        # "berunjuk rasa di depan Kedutaan Besar Jepang di Jakarta": a phrase the parse hangs on another word of a
        # trigger of several words is that trigger's, nearer than the verb's own ("di Jakarta")
        known = {a.index for a in targets}
        targets = [a for a in _inner_targets(doc, r, tok, own, preps) if a.index not in known] + targets
        # "condemned and rejected the plan": a conjunct verb's object is shared only by a verb with no object of
        # its own ("welcomed the ruling and urged Jakarta to ...": Jakarta is not what was welcomed)
        if not targets:
            own_object = any(c.dep_ in OBJECTS for c in tok.children)
            if tok.dep_ == "conj" and tok.head.pos_ in VERB_POS and not own_object:
                targets = [
                    _re(a, "conj-share-obj") for c in tok.head.children if c.dep_ in OBJECTS and c.i > tok.i for a in r.actors_in(c, "obj")
                ]
            if not targets and not own_object:
                for c in tok.children:
                    if c.dep_ == "conj" and c.pos_ in VERB_POS and not any(cc.dep_ in SUBJECTS for cc in c.children):
                        t3, _ = r.objects_of(c, preps)
                        targets += [_re(a, "conj-share-obj") for a in t3 if a.rule.startswith("obj")]
                        break
            if not targets and not own_object:
                targets = r.controlled_subject(tok)  # "meminta Israel menjamin": Israel parsed as nsubj
            if not targets and refusal:
                targets = r.refused_party(tok)
            if not sources and refusal and tok.dep_ in ("advmod", "aux") and tok.head.pos_ in VERB_POS:
                # "Hungaria enggan mengirim senjata ke Ukraina": the refusal word modifies the refused act's verb
                act = tok.head
                sources = [_re(a, f"refused-act>{a.rule}") for a in r.subject_of(act, r.is_passive(act))]
                targets = [_re(a, f"refused-act>{a.rule}") for a in r.act_party(act)]
            if not targets and located:
                targets = r.located_patient(tok, noun=False)
            if not targets and asked:
                targets = r.asked_of(tok)
    f.negated = r.negated(tok)
    if tok.dep_ in ("xcomp",) or (tok.dep_ == "advcl" and any(c.lower_ in d.infinitive_marks for c in tok.children if c.dep_ == "mark")):
        head = tok.head
        if _is(head, d.subject_control | d.object_control, lang) or tok.dep_ == "xcomp":
            f.control = word_forms(head, lang)[-1]
            f.negated = f.negated or r.negated(head)
    f.sources = _dedupe(sources)
    f.targets = _dedupe([a for a in targets if not own & set(range(a.start, a.end))], {a.index for a in f.sources})
    f.obliques = _dedupe(obliques, {a.index for a in f.sources + f.targets})
    f.speech = r.speech_of(tok)
    return f


def _inner_targets(doc, r, tok, own: set, preps: frozenset) -> list:
    """Actors in the target-marked phrases hung on the words of a trigger of several words other than its head."""
    out = []
    for k in sorted(own - {tok.i}):
        for c in doc[k].children:
            adp = r._case(c) if c.dep_ in ("nmod", "obl") and c.i not in own else None
            if adp in preps:
                out += r.actors_in(c, f"trigger>{c.dep_}({adp})")
    return out


def _moved_to(args: list, target_adps, d) -> list:
    """The obliques of a passive verb marked by one of its entry's own target adpositions that are recipient ones
    ("ke", "to"): where the patient was moved to, who receives it ("was extradited *to the United States* by
    Switzerland"). Only for an entry that names its target adpositions (``target_adps``), as the extraditing,
    sending and handing-over verbs do."""
    if not target_adps:
        return []
    wanted = frozenset(target_adps) & d.adps("recipient")
    return [a for a in args if a.rule.startswith("obl(") and a.rule[4:-1] in wanted]


def _capacity_verb(tok, r):
    """The verb whose act the event noun ``tok`` names in an "as" phrase ("sent ships *as a warning* to Iran",
    "sebagai peringatan"), through the nouns the parser may hang that phrase on ("moved units to the border as a
    warning"); None when ``tok`` is not in such a phrase."""
    if r._case(tok) not in r.d.adps("capacity"):
        return None
    x = tok
    for _ in range(5):
        # (a verb that only modifies a noun, "uji coba" parsed as "uji" + acl "coba", is not the clause's)
        if x.dep_ not in ("obl", "nmod", "obj", "dobj", "acl") or x.head.i == x.i:
            return None
        x = x.head
        if x.pos_ in VERB_POS and x.dep_ != "acl":
            return x
    return None


def frames(doc, actors: Sequence, triggers: Sequence, lang: str, **options) -> list[Frame | None]:
    """:func:`frame` for each trigger (None where a trigger lies inside an actor's span); the triggers
    are each other's ``events``."""
    events = options.pop("events", None)
    if events is None:
        events = [i for t in triggers for i in (range(*_span_bounds(t)) if not isinstance(t, int) else (t,))]
    return [frame(doc, actors, t, lang, events=events, **options) for t in triggers]


def explain(doc, f: Frame | None) -> str:
    """One line for a frame: ``trigger: sources -> targets [rule]`` (for tests and debugging)."""
    if f is None:
        return "(inside a name: no trigger)"
    name = lambda a: doc[a.start : a.end].text  # noqa: E731
    src = ", ".join(name(a) for a in f.sources) or "?"
    tgt = ", ".join(name(a) for a in f.targets) or "?"
    extra = " NOT" if f.negated else ""
    said = f" (said by {', '.join(name(a) for a in f.speech.speakers) or '?'})" if f.speech else ""
    return f"{doc[f.trigger].text}: {src} -> {tgt}{extra}{said} [{f.rule}]"
