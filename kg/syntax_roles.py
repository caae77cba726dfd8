"""Who did what to whom, read from a Universal Dependencies parse (issue #12 item 2).

Given a Doc parsed by kg's own syntax pipelines (:func:`kg.syntax.parse`: UD labels such as ``nsubj``,
``nsubj:pass``, ``obj``, ``iobj``, ``obl``, ``obl:agent``, ``nmod``, ``nmod:poss``, ``appos``, ``conj``,
``acl``, ``acl:relcl``, ``xcomp``, ``ccomp``, ``advcl``, ``case``, ``mark``), the actor spans of a sentence
and one trigger (a verb or an event noun), :func:`frame` returns the trigger's :class:`Frame`: its
sources, targets, other obliques with their adposition, whether it is negated, the speech act it is
reported in, and for every argument the ``rule`` (the dependency path) that found it, so that an error
can be traced to the relation that caused it.

The code knows UD relations only; what is particular to a language (which adpositions mark a target, a
recipient or a passive agent, the speech, control and light verbs, negation words, pronouns) is read from
``data/lang/<code>/syntax.json``.

Paths, as they appear in ``Arg.rule`` (``a>b`` reads "the trigger's a, then inside it b"):

- verbs: ``nsubj``, ``obj``, ``iobj``, ``obl(ADP)``; passives: ``nsubj:pass`` (target), ``obl:agent`` or
  ``obl(by)``/``obl(oleh)`` (source), ``obj-agent`` (Indonesian "dibunuh Israel", when the language says
  so); inside an argument: ``>appos``, ``>compound``, ``>flat``, ``>nmod``, ``>nmod:poss``, ``>amod``, ``+conj``;
- a subject taken from elsewhere: ``conj-share-subj``, ``conj-share-obj``, ``xcomp-control`` (subject
  control: "agreed to attack"), ``xcomp-control(obj)`` (object control: "urged Russia to withdraw"),
  ``advcl-share-subj``, ``relcl-antecedent``, ``acl-antecedent``, ``ccomp-self-pronoun`` ("Iran said it
  would respond"), ``poss-pronoun`` ("Russia defended its annexation of Crimea");
- event nouns: ``nmod:poss`` ("Israel's strike"), ``amod``/``compound`` ("Israeli strikes", "US strikes"),
  ``nmod(by)``, ``nmod(of)`` (target, or source for nouns such as *visit*), ``nmod(on)`` ...,
  ``nmod`` (Indonesian bare possessor "serangan Israel"), ``light-verb-subj`` ("launched an attack"),
  ``compound-head>...`` ("the north's bombing campaign");
- speech: ``ccomp<speech``, ``parataxis-speech`` ("..., the ministry said"), ``according-to``.

Language data (``syntax.json``; a token matches a word on its lower-case form or its lemma):
``adpositions`` (role -> adpositions: ``target``, ``recipient``, ``partner``, ``agent``, ``of``, ``source``,
``instrument``, ``location``), ``passive_agent`` ("by", "oleh"), ``passive_prefixes`` (Indonesian "di"),
``bare_passive_agent`` (an agent may follow a passive verb without a preposition), ``speaker_adps``
("according", "menurut"), ``speech_verbs``, ``object_control`` / ``subject_control`` verbs, ``negation``,
``light_verbs`` (whose subject is the agent of their event-noun object: "launched an attack"),
``control_marks`` (the marks a controlled clause may carry: "urged X *to*", "accused X *of*"),
``of_agent_nouns`` (nouns whose *of* phrase is the doer: "the visit of"), ``bare_nmod`` (``agent``: an
unmarked noun after an event noun is its doer, "serangan Israel"; ``modifier``: it is not),
``patient_prefixes`` and ``patient_prefix_exceptions`` (Indonesian peN- nouns whose bare noun is the
patient: "pengeboman Gaza"), ``self_pronouns``, ``possessive_pronouns``, ``relative_pronouns``.

A trigger token inside an actor's span ("Ban" in "Ban Ki-moon") is never a trigger: :func:`frame`
returns None for it.

Python API::

    from kg.syntax_roles import frame, frames
    f = frame(doc, actor_spans, trigger_span, "en")
    f.sources, f.targets, f.obliques, f.negated, f.speech, f.rule
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

# relations inside a noun phrase that lead from its head to a name it stands for: "the foreign
# minister, Retno Marsudi" (appos), "Menteri Luar Negeri Retno Marsudi" (nmod), "Chinese coast guard
# vessels" (compound), "Russia's army" (nmod:poss), "Israeli forces" (amod)
NP_INNER = ("appos", "flat", "flat:name", "compound", "nmod", "nmod:poss", "amod", "nmod:desc", "nmod:npmod", "det:poss")
SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubj:pass", "nsubjpass", "csubj:pass")
AGENTS = ("obl:agent", "agent")
OBJECTS = ("obj", "dobj")
CLAUSAL_DEPS = ("xcomp", "ccomp", "advcl", "acl", "acl:relcl", "parataxis", "csubj")
NOUN_POS = ("NOUN", "PROPN")
VERB_POS = ("VERB", "AUX")


# -- language data -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoleData:
    """``data/lang/<code>/syntax.json``, as sets."""

    lang: str
    adp_roles: dict  # adposition -> tuple of roles ("target", "recipient", "partner", "agent", ...)
    passive_agent: frozenset
    speaker_adps: frozenset
    speech_verbs: frozenset
    object_control: frozenset
    subject_control: frozenset
    negation: frozenset
    light_verbs: frozenset
    of_agent_nouns: frozenset
    bare_nmod: str  # "agent" (Indonesian "serangan Israel") or "modifier" (English)
    patient_prefixes: tuple
    patient_prefix_exceptions: frozenset
    self_pronouns: frozenset
    possessive_pronouns: frozenset
    relative_pronouns: frozenset
    bare_passive_agent: bool
    passive_prefixes: tuple = ()
    control_marks: frozenset = frozenset()  # marks of a controlled clause: "urged X to", "accused X of"

    def adps(self, *roles: str) -> frozenset:
        return frozenset(a for a, rs in self.adp_roles.items() if any(r in rs for r in roles))


def _data_path(lang: str):
    from .resources import data_dir

    return data_dir() / "lang" / lang / "syntax.json"


@cache
def role_data(lang: str) -> RoleData:
    """The language's syntax facts; ``LookupError`` (one line) when it has none."""
    path = _data_path(lang)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LookupError(f"no syntax role data for {lang!r} ({path})") from None
    except (OSError, ValueError) as exc:
        raise LookupError(f"{path}: cannot read syntax role data ({exc})") from None
    roles: dict[str, tuple] = {}
    for role, words in (raw.get("adpositions") or {}).items():
        for w in words:
            roles[w.lower()] = roles.get(w.lower(), ()) + (role,)
    low = lambda key: frozenset(w.lower() for w in raw.get(key, []))  # noqa: E731
    return RoleData(
        lang=lang,
        adp_roles=roles,
        passive_agent=low("passive_agent"),
        speaker_adps=low("speaker_adps"),
        speech_verbs=low("speech_verbs"),
        object_control=low("object_control"),
        subject_control=low("subject_control"),
        negation=low("negation"),
        light_verbs=low("light_verbs"),
        of_agent_nouns=low("of_agent_nouns"),
        bare_nmod=str(raw.get("bare_nmod", "modifier")),
        patient_prefixes=tuple(sorted((w.lower() for w in raw.get("patient_prefixes", [])), key=len, reverse=True)),
        patient_prefix_exceptions=low("patient_prefix_exceptions"),
        self_pronouns=low("self_pronouns"),
        possessive_pronouns=low("possessive_pronouns"),
        relative_pronouns=low("relative_pronouns"),
        bare_passive_agent=bool(raw.get("bare_passive_agent", False)),
        passive_prefixes=tuple(w.lower() for w in raw.get("passive_prefixes", [])),
        control_marks=low("control_marks"),
    )


@cache
def _lemma_table(lang: str):
    try:
        from spacy.lookups import load_lookups

        return load_lookups(lang, ["lemma_lookup"]).get_table("lemma_lookup")
    except Exception:  # no table for this language: surface forms only
        return None


def word_forms(token, lang: str) -> tuple[str, ...]:
    """The forms a word list entry may match: lower-case form and lemma (the pipeline's, else spaCy's lookup table)."""
    low = token.lower_
    lemma = token.lemma_.lower() if token.lemma_ else ""
    if not lemma:
        table = _lemma_table(lang)
        if table is not None:
            lemma = (table.get(token.text, None) or table.get(low, None) or low).lower()
    return (low, lemma) if lemma and lemma != low else (low,)


def _is(token, words: frozenset, lang: str) -> bool:
    return any(f in words for f in word_forms(token, lang))


# -- results -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Arg:
    """One argument: the actor span ``[start, end)`` (``index`` into the actors given), the path that
    found it, the adposition that marked it (obliques) and its role by that adposition."""

    start: int
    end: int
    index: int
    rule: str
    adp: str | None = None
    role: str | None = None
    token: int = -1  # the parse token the path reached


@dataclass(frozen=True)
class Speech:
    """The speech act a trigger is reported in: the speech verb and who spoke."""

    verb: int  # token index of the speech verb (or of the adposition of "according to X")
    speakers: tuple[Arg, ...]
    rule: str
    negated: bool = False


@dataclass
class Frame:
    trigger: int  # token index of the trigger's head word
    kind: str  # "verb", "passive" or "noun"
    sources: tuple[Arg, ...] = ()
    targets: tuple[Arg, ...] = ()
    obliques: tuple[Arg, ...] = ()
    negated: bool = False
    speech: Speech | None = None
    governor: int | None = None  # a noun trigger: the verb whose argument it is ("condemned [the attack]")
    governor_dep: str | None = None  # the noun's relation to that verb (obj, nsubj, obl ...)
    light: bool = False  # that verb is a light verb ("launched an attack"): its subject is the noun's agent
    control: str | None = None  # the control verb the trigger completes ("agreed" in "agreed to attack")
    notes: list[str] = field(default_factory=list)

    @property
    def rule(self) -> str:
        """``source-rule>target-rule`` (``-`` for a side not found), plus ``@speech`` when reported."""
        src = "+".join(dict.fromkeys(a.rule for a in self.sources)) or "-"
        tgt = "+".join(dict.fromkeys(a.rule for a in self.targets)) or "-"
        out = f"{self.kind}:{src}>{tgt}"
        return f"{out}@{self.speech.rule}" if self.speech else out


# -- the walk ----------------------------------------------------------------------------------------


def _span_bounds(span) -> tuple[int, int]:
    if isinstance(span, tuple):
        return int(span[0]), int(span[1])
    return span.start, span.end


def head_token(doc, start: int, end: int):
    """The syntactic head of ``doc[start:end]``: the word whose head lies outside the span (the first such)."""
    for i in range(start, end):
        h = doc[i].head.i
        if h == i or not start <= h < end:
            return doc[i]
    return doc[start]


class _Roles:
    def __init__(self, doc, actors: Sequence, lang: str, events: Sequence[int] = ()):
        self.doc, self.lang = doc, lang
        self.events = frozenset(events)  # tokens of event words: "its annexation of Crimea" names no actor by "of"
        self.d = role_data(lang)
        self.bounds = [_span_bounds(a) for a in actors]
        self.at: dict[int, int] = {}
        for k, (s, e) in enumerate(self.bounds):
            for i in range(s, e):
                self.at.setdefault(i, k)

    # actors inside a noun phrase --------------------------------------------------------------------
    def _case(self, tok) -> str | None:
        """The adposition of a nominal (its ``case`` child; multi-word "according to", "out of" by first word)."""
        for c in tok.children:
            if c.dep_ in ("case", "mark") and c.i < tok.i:
                return c.lower_
        return None

    def actors_in(self, tok, rule: str, *, depth: int = 3, seen: set | None = None) -> list[Arg]:
        """The actors ``tok``'s phrase names: ``tok``'s own actor span, else the nearest ones reached by
        noun-phrase-internal relations (breadth first); conjuncts ("Russia and China") each count."""
        seen = set() if seen is None else seen
        out = self._np_actors(tok, rule, depth, seen)
        for c in tok.children:
            if c.dep_ == "conj" and c.i not in seen and c.pos_ not in VERB_POS:
                out += self.actors_in(c, f"{rule}+conj", depth=depth, seen=seen)
            elif c.dep_ == "appos" and tok.i in self.at and c.i in self.at and self.at[c.i] not in seen:
                # "Jepang, Korea Selatan, dan Amerika Serikat": a list parsed as a name in apposition to a name
                out += self.actors_in(c, f"{rule}+appos-list", depth=depth, seen=seen)
        return out

    def _np_actors(self, tok, rule: str, depth: int, seen: set) -> list[Arg]:
        if tok.i in self.at:
            k = self.at[tok.i]
            if k in seen:
                return []
            seen.add(k)
            s, e = self.bounds[k]
            return [Arg(s, e, k, rule, token=tok.i)]
        level = [(tok, rule)]
        for _ in range(depth):
            nxt, found = [], []
            for t, r in level:
                for c in t.children:
                    dep = c.dep_
                    if dep not in NP_INNER:
                        continue
                    adp = self._case(c)
                    if dep == "nmod" and adp is not None and (adp not in self.d.adps("of") or t.i in self.events):
                        continue  # "the attack on Gaza", "the annexation of Crimea" are not who acted; "forces of Russia" is
                    label = f"{r}>{dep}" + (f"({adp})" if adp else "")
                    if c.i in self.at:
                        k = self.at[c.i]
                        s0, e0 = self.bounds[k]
                        h = head_token(self.doc, s0, e0)
                        hadp = self._case(h)
                        if h.i != c.i and hadp is not None and hadp not in self.d.adps("of"):
                            continue  # "posisi Hizbullah di [Lebanon] selatan": the name belongs to a place phrase
                        if k not in seen:
                            seen.add(k)
                            s, e = self.bounds[k]
                            found.append(Arg(s, e, k, label, token=c.i))
                            for cc in c.children:  # "Russia's and China's"
                                if cc.dep_ == "conj":
                                    found += self.actors_in(cc, f"{label}+conj", seen=seen)
                    else:
                        nxt.append((c, label))
            if found:
                return found
            level = nxt
        return []

    # verbs ------------------------------------------------------------------------------------------
    def negated(self, tok) -> bool:
        return any(c.dep_ in ("advmod", "neg", "aux", "det", "part") and _is(c, self.d.negation, self.lang) for c in tok.children)

    def is_passive(self, tok) -> bool:
        deps = {c.dep_ for c in tok.children}
        if deps & {"nsubj:pass", "nsubjpass", "aux:pass", "auxpass", "obl:agent", "csubj:pass"}:
            return True
        low = tok.lower_
        if tok.pos_ == "VERB" and any(low.startswith(p) and len(low) > len(p) + 3 for p in self.d.passive_prefixes):
            return True  # Indonesian di- verbs, whatever the parser made of their subject
        if deps & {"nsubj", "obj"}:
            return False
        if "Pass" in tok.morph.get("Voice"):
            return True
        # a participle modifying a noun: "troops deployed by Russia"
        return tok.dep_ == "acl" and tok.tag_ == "VBN"

    def subject_of(self, tok, passive: bool, depth: int = 0) -> list[Arg]:
        """The doer of the verb ``tok``: its own subject or agent, else one it shares or is controlled by."""
        if depth > 4:
            return []
        out: list[Arg] = []
        subjects = [c for c in tok.children if c.dep_ in SUBJECTS] if not passive else []
        if len(subjects) > 1:
            # "The foreign minister, Retno Marsudi, criticized ...": an apposition parsed as two subjects;
            # the one that is a name itself wins, else the one nearest the verb
            # ("Spain, Ireland and Norway recognised ...", parsed as two subjects, keeps both names)
            named = [c for c in subjects if c.i in self.at]
            if len(named) < 2:
                subjects = [named[-1] if named else max(subjects, key=lambda c: c.i)]
        for c in subjects:
            out += self._subject_actors(tok, c, c.dep_)
        for c in tok.children:
            if not passive and c.dep_ in SUBJECTS:
                continue
            elif passive and c.dep_ in AGENTS:
                out += self.actors_in(c, "obl:agent")
            elif passive and c.dep_ in ("obl", "nmod") and self._case(c) in self.d.passive_agent:
                out += self.actors_in(c, f"obl({self._case(c)})")
        if out:
            return out
        if passive and self.d.bare_passive_agent:
            for c in tok.children:  # "rumah itu dibom Israel": the agent right after a di- verb
                if c.dep_ in OBJECTS + ("obl", "nmod", "compound", "flat", "flat:name") and self._case(c) is None and c.i > tok.i:
                    found = self.actors_in(c, "obj-agent")
                    if found:
                        return found
        if passive or any(c.dep_ in SUBJECTS + PASSIVE_SUBJECTS for c in tok.children):
            return out  # a subject that names no actor: nothing is inherited
        return self.inherited_subject(tok, depth)

    def _subject_actors(self, verb, subj, label: str) -> list[Arg]:
        if subj.lower_ in self.d.relative_pronouns and verb.dep_ == "acl:relcl":
            return self.actors_in(verb.head, "relcl-antecedent")
        found = self.actors_in(subj, label)
        if found:
            return found
        if subj.lower_ in self.d.self_pronouns:
            speech = self.speech_of(verb)
            if speech is not None and speech.speakers:
                return [Arg(a.start, a.end, a.index, "ccomp-self-pronoun", token=subj.i) for a in speech.speakers]
        return []

    def inherited_subject(self, tok, depth: int) -> list[Arg]:
        head, dep = tok.head, tok.dep_
        if head.i == tok.i:
            return []
        if dep == "conj" and head.pos_ in VERB_POS + ("ADJ",):
            return [_re(a, "conj-share-subj") for a in self.subject_of(head, self.is_passive(head), depth + 1)]
        if dep in ("xcomp", "advcl") and head.pos_ in VERB_POS:
            marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
            objs = [c for c in head.children if c.dep_ in OBJECTS + ("iobj",)]
            if self.is_passive(head) and dep == "xcomp":
                # "Russia was ordered by the court to halt ...": the passive subject is the one controlled
                found = [a for c in head.children if c.dep_ in PASSIVE_SUBJECTS for a in self.actors_in(c, "xcomp-control(pass)")]
                if found:
                    return found
            if objs and (_is(head, self.d.object_control, self.lang) or dep == "xcomp") and marks <= self.d.control_marks:
                found = [a for o in objs for a in self.actors_in(o, "xcomp-control(obj)")]
                if found:
                    return found
                return []  # the object is the doer, and it is no actor
            label = "xcomp-control" if dep == "xcomp" or marks & {"to", "untuk"} else "advcl-share-subj"
            return [_re(a, label) for a in self.subject_of(head, self.is_passive(head), depth + 1)]
        if dep == "ccomp" and head.pos_ in VERB_POS and _is(head, self.d.speech_verbs, self.lang):
            # "Hamas mengatakan siap berunding": a reported clause without a subject is the speaker's
            return [_re(a, "ccomp-speaker") for a in self.subject_of(head, self.is_passive(head), depth + 1)]
        if dep == "acl:relcl":
            return self.actors_in(head, "relcl-antecedent")
        if dep == "acl" and head.pos_ in NOUN_POS:
            return self.actors_in(head, "acl-antecedent")
        return []

    def objects_of(self, tok, preps: frozenset, prefer_adps: bool = False) -> tuple[list[Arg], list[Arg]]:
        """(targets, other obliques) of the verb ``tok``; with ``prefer_adps`` an oblique marked by one
        of ``preps`` goes before the object ("extradited a hacker [to the United States]")."""
        targets: list[Arg] = []
        obliques: list[Arg] = []
        for c in tok.children:
            if c.dep_ in OBJECTS:
                targets += self.actors_in(c, "obj")
            elif c.dep_ == "iobj":
                targets += self.actors_in(c, "iobj")
        if not targets:
            for c in tok.children:
                if c.dep_ in OBJECTS and c.i not in self.at:
                    # "sent troops to Ukraine", "mengirim pasukan ke Ukraina": the target hangs on the object
                    for cc in c.children:
                        adp = self._case(cc)
                        if cc.dep_ == "nmod" and adp in preps:
                            targets += self.actors_in(cc, f"obj>nmod({adp})")
        by_adp: list[Arg] = []
        for c in tok.children:
            if c.dep_ in ("obl", "nmod", "obl:arg"):
                adp = self._case(c)
                if adp is None or adp in self.d.passive_agent:
                    continue
                found = self.actors_in(c, f"obl({adp})")
                roles = self.d.adp_roles.get(adp, ())
                if adp in preps and (not targets or prefer_adps):
                    by_adp += found
                else:
                    obliques += [_re(a, a.rule, adp=adp, role=roles[0] if roles else None) for a in found]
        if prefer_adps and by_adp:
            obliques += [_re(a, a.rule, adp=None, role="object") for a in targets]
            return by_adp, obliques
        return targets + by_adp, obliques

    # nouns ------------------------------------------------------------------------------------------
    def _patient_noun(self, tok) -> bool:
        low = tok.lower_
        if low in self.d.patient_prefix_exceptions:
            return False
        return any(low.startswith(p) and len(low) > len(p) + 3 for p in self.d.patient_prefixes)

    def noun_args(self, tok, preps: frozenset) -> tuple[list[Arg], list[Arg], list[Arg]]:
        """(sources, targets, obliques) of the event noun ``tok`` from its own dependents."""
        sources: list[Arg] = []
        targets: list[Arg] = []
        obliques: list[Arg] = []
        of_args: list[Arg] = []
        bare: list[Arg] = []
        for c in tok.children:
            dep = c.dep_
            adp = self._case(c)
            if dep in ("nmod:poss", "det:poss"):
                found = self.actors_in(c, "nmod:poss")
                if not found and c.lower_ in self.d.possessive_pronouns:
                    found = [_re(a, "poss-pronoun") for a in self.pronoun_owner(tok)]
                sources += found
            elif dep in ("amod", "compound", "flat") and c.i < tok.i:
                sources += self.actors_in(c, dep)
            elif dep in ("nmod", "obl", "acl") and adp is not None:
                if adp in self.d.adps("agent"):
                    sources += self.actors_in(c, f"nmod({adp})")
                elif adp in self.d.adps("of"):
                    of_args += self.actors_in(c, f"nmod({adp})")
                elif adp in preps:
                    targets += self.actors_in(c, f"nmod({adp})")
                else:
                    roles = self.d.adp_roles.get(adp, ())
                    obliques += [_re(a, a.rule, adp=adp, role=roles[0] if roles else None) for a in self.actors_in(c, f"nmod({adp})")]
            elif dep in ("nmod", "compound") and adp is None and c.i > tok.i:
                bare += self.actors_in(c, "nmod")
        if bare:
            # Indonesian "serangan Israel" (agent) / "pengeboman Gaza" (patient) / English "the Gaza strikes" (none)
            if self.d.bare_nmod == "agent" and (targets or not self._patient_noun(tok)):
                sources += bare
            elif self.d.bare_nmod == "agent":
                targets += bare
        if of_args:
            if sources:
                targets += of_args
            elif _is(tok, self.d.of_agent_nouns, self.lang):
                sources += [_re(a, a.rule + "-agent") for a in of_args]
            else:
                targets += of_args
        return sources, targets, obliques

    def pronoun_owner(self, noun) -> list[Arg]:
        """Whose "its"/"their" is it: the subject of the clause the noun belongs to ("Russia defended
        its annexation"), or the speaker ("Iran said its strike was ...")."""
        verb = noun
        for _ in range(6):
            if verb.head.i == verb.i:
                break
            verb = verb.head
            if verb.pos_ in VERB_POS:
                break
        if verb.pos_ not in VERB_POS:
            return []
        found = self.subject_of(verb, self.is_passive(verb), 2) if not self.is_passive(verb) else []
        if found:
            return found
        speech = self.speech_of(verb)
        return list(speech.speakers) if speech else []

    def governor(self, noun):
        """The verb a noun trigger is an argument of (through compounds and conjoined nouns)."""
        tok = noun
        for _ in range(4):
            if tok.dep_ in ("compound", "conj", "flat", "appos") and tok.head.i != tok.i:
                tok = tok.head
                continue
            break
        if tok.dep_ in OBJECTS + SUBJECTS + PASSIVE_SUBJECTS + ("obl", "nmod", "xcomp") and tok.head.pos_ in VERB_POS:
            return tok.head, tok.dep_
        return None, None

    # speech -----------------------------------------------------------------------------------------
    def speech_of(self, tok) -> Speech | None:
        """The speech act ``tok`` is reported in: up through its clause to a ``ccomp`` of a speech verb;
        or a speech verb in ``parataxis`` under the clause; or "according to X"."""
        node = tok
        for _ in range(8):
            for c in node.children:
                if c.dep_ == "parataxis" and c.pos_ in VERB_POS and _is(c, self.d.speech_verbs, self.lang) and c.i != tok.i:
                    return Speech(c.i, tuple(_re(a, "parataxis-speech") for a in self.subject_of(c, self.is_passive(c), 3)), "parataxis-speech", self.negated(c))
                if c.dep_ in ("obl", "nmod", "advmod", "obl:arg") and node.pos_ in VERB_POS:
                    adp = self._case(c)
                    if adp in self.d.speaker_adps or c.lower_ in self.d.speaker_adps:
                        found = tuple(_re(a, "according-to") for a in self.actors_in(c, "according-to"))
                        if found:
                            return Speech(c.i, found, "according-to")
            head = node.head
            if head.i == node.i:
                return None
            if node.dep_ in ("ccomp", "parataxis", "xcomp") and head.pos_ in VERB_POS and _is(head, self.d.speech_verbs, self.lang):
                if node.dep_ == "xcomp" and any(c.dep_ in OBJECTS + ("iobj",) for c in head.children):
                    node = head
                    continue  # "warned Israel to stop": asked of the object, not said to have happened
                rule = "ccomp<speech" if node.dep_ == "ccomp" else f"{node.dep_}<speech"
                return Speech(head.i, tuple(_re(a, rule) for a in self.subject_of(head, self.is_passive(head), 3)), rule, self.negated(head))
            if node.dep_ in ("acl:relcl",):
                return None  # a relative clause is not what was said
            node = head
        return None


def _re(a: Arg, rule: str, **changes) -> Arg:
    return Arg(a.start, a.end, a.index, rule, changes.get("adp", a.adp), changes.get("role", a.role), a.token)


def _dedupe(args: list[Arg], exclude: set[int] = frozenset()) -> tuple[Arg, ...]:
    seen: set[int] = set(exclude)
    out = []
    for a in args:
        if a.index not in seen:
            seen.add(a.index)
            out.append(a)
    return tuple(out)


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
) -> Frame | None:
    """The argument frame of ``trigger`` (a Span, a ``(start, end)`` pair or a token index) in the parsed
    ``doc``, with ``actors`` (Spans or ``(start, end)`` pairs) as the candidates. ``Arg.index`` points
    into ``actors``.

    ``target_adps``: adpositions that introduce this trigger's target (default: the language's
    *target* and *recipient* adpositions, and *partner* ones for a ``symmetric`` trigger).
    ``events``: token indices of the sentence's event words (all triggers); a path does not reach an
    actor through an event noun's *of* phrase ("defended its annexation of Crimea" is not about Crimea).
    ``nominal``: force the trigger to be read as an event noun (True) or a verb (False); by default
    its part of speech decides. Returns None when the trigger lies inside an actor's span.
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
                if gov.dep_ in ("xcomp",) or (gov.dep_ == "advcl" and any(c.lower_ in ("to", "untuk") for c in gov.children if c.dep_ == "mark")):
                    f.control = gov.head.lower_
                    f.negated = f.negated or r.negated(gov.head)
            elif gdep in OBJECTS and r.negated(gov):
                f.notes.append("governor-negated")
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
        for c in tok.children:
            if c.dep_ in PASSIVE_SUBJECTS or (c.dep_ in SUBJECTS and d.bare_passive_agent):
                if c.lower_ in d.relative_pronouns and tok.dep_ == "acl:relcl":
                    targets += r.actors_in(tok.head, "relcl-antecedent")
                else:
                    targets += r.actors_in(c, c.dep_)
        if not targets and tok.dep_ in ("acl", "acl:relcl") and tok.head.pos_ in NOUN_POS:
            targets = r.actors_in(tok.head, "acl-antecedent")
        if not targets and tok.dep_ == "conj":
            head = tok.head
            targets = [_re(a, "conj-share-subj") for c in head.children if c.dep_ in PASSIVE_SUBJECTS + SUBJECTS for a in r.actors_in(c, c.dep_)]
        t2, obliques = r.objects_of(tok, preps)
        t2 = [a for a in t2 if a.rule != "obj" or not d.bare_passive_agent or any(c.dep_ in AGENTS for c in tok.children)]
        if targets:  # "Israel dikecam oleh Turki atas penyerbuan ...": the passive subject is the target
            obliques += [_re(a, a.rule, adp=a.rule[4:-1] if a.rule.startswith("obl(") else None) for a in t2 if not a.rule.startswith("obj")]
        else:
            targets = t2
    else:
        targets, obliques = r.objects_of(tok, preps, prefer_adps=target_adps is not None)
        if not targets:
            # "condemned and rejected the plan": a conjunct verb's shared object, written after it
            if tok.dep_ == "conj" and tok.head.pos_ in VERB_POS:
                targets = [
                    _re(a, "conj-share-obj") for c in tok.head.children if c.dep_ in OBJECTS and c.i > tok.i for a in r.actors_in(c, "obj")
                ]
            if not targets:
                for c in tok.children:
                    if c.dep_ == "conj" and c.pos_ in VERB_POS and not any(cc.dep_ in SUBJECTS for cc in c.children):
                        t3, _ = r.objects_of(c, preps)
                        targets += [_re(a, "conj-share-obj") for a in t3 if a.rule.startswith("obj")]
                        break
    f.negated = r.negated(tok)
    if tok.dep_ in ("xcomp",) or (tok.dep_ == "advcl" and any(c.lower_ in ("to", "untuk") for c in tok.children if c.dep_ == "mark")):
        head = tok.head
        if _is(head, d.subject_control | d.object_control, lang) or tok.dep_ == "xcomp":
            f.control = word_forms(head, lang)[-1]
            f.negated = f.negated or r.negated(head)
    f.sources = _dedupe(sources)
    f.targets = _dedupe([a for a in targets if not own & set(range(a.start, a.end))], {a.index for a in f.sources})
    f.obliques = _dedupe(obliques, {a.index for a in f.sources + f.targets})
    f.speech = r.speech_of(tok)
    return f


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
