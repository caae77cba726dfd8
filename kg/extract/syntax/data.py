"""The language's syntax facts (``data/lang/<code>/syntax.json``) and the word forms a word list matches."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.caching import per_language
from kg.lang.schema import load
from kg.nlp.morphology import lemma_of
from kg.resources import lang_dir

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
    infinitive_marks: frozenset = frozenset()  # the mark of an infinitive clause: "to", "untuk"
    vicinity_words: frozenset = frozenset()  # a place near, not in, a state: "waters", "lepas (pantai)"
    self_nouns: frozenset = frozenset()  # "said his country would ...": the speaker's own side (selfref.py)
    self_group_nouns: frozenset = frozenset()  # "the group" of a group's speaker (selfref.py)
    self_determiners: frozenset = frozenset()  # "the", "itu" before such a group noun
    cessation_verbs: frozenset = frozenset()  # verbs whose object is an act stopped: "halt its operations" is no new act
    carrier_verbs: frozenset = frozenset()  # travel verbs whose object is what is moved: "flew bombers" is no visit
    suicide_attacker_words: frozenset = frozenset()  # a doer so named makes an attack a suicide bombing (183)
    group_heads: frozenset = frozenset()  # a list of actors after one, set off by commas, is the group: "Three countries, Mali, ..."
    member_nouns: frozenset = frozenset()  # their "from"/"of" phrase is the group they belong to: "gunmen from Al-Shabaab"
    origin_words: frozenset = frozenset()  # where a thing was made is not who used it: "Russian-made", "buatan"
    supply_words: frozenset = frozenset()  # origin words that name who gave the thing: "pasokan Qatar" received is Qatar's
    doer_participles: frozenset = frozenset()  # the agent of "fired by", "ditembakkan" on a weapon used it (no other modifier's)
    moving_nouns: frozenset = frozenset()  # acts of moving people or things away: "evacuation of civilians from X"
    joint_verbs: frozenset = frozenset()  # "teamed up with Y to help Z": the partner Y does the controlled act too
    victim_verbs: frozenset = frozenset()  # "killed in / survived a Russian strike": the subject suffered that act
    effect_verbs: frozenset = frozenset()  # "X's support for Y *worries* Z": the one after it feels the act, no party of it
    relative_adverbs: frozenset = frozenset()  # a clause they open ("..., where Serbs attacked ...", "di mana") has its own doer
    nonfinite_tags: frozenset = frozenset()  # a participle or gerund's tag: no clause of its own after a conjunct
    adverbial_marks: frozenset = frozenset()  # a clause they open is about the main clause ("while accusing", "seraya menuduh")
    judgement_verbs: frozenset = frozenset()  # "described X as a warning": the "as" phrase is what X is, not an act
    compound_adps: dict = field(default_factory=dict)  # "in front of" -> "outside": a multi-word adposition parsed with a noun
    placeholder_name: tuple = ()  # (given, family): what the parser reads in place of a person's name
    headline_small_words: frozenset = frozenset()  # the words a title-case headline leaves in lower case: "to", "untuk"
    headline_verb_prefixes: tuple = ()  # (stem start, its active form) for a headline's bare verb: ("k", "meng"): "kecam"
    quote_pairs: tuple = ()  # (opening, closing) quote marks: a quote before its speaker (quoted.py)
    by_role: dict = field(init=False, repr=False, compare=False)  # role -> its adpositions (from adp_roles)

    def __post_init__(self):
        by_role: dict[str, set] = {}
        for a, rs in self.adp_roles.items():
            for r in rs:
                by_role.setdefault(r, set()).add(a)
        object.__setattr__(self, "by_role", {r: frozenset(a) for r, a in by_role.items()})

    def adps(self, *roles: str) -> frozenset:
        """The adpositions that have one of ``roles``."""
        if len(roles) == 1:
            return self.by_role.get(roles[0], frozenset())
        return frozenset().union(*(self.by_role.get(r, ()) for r in roles))


@per_language
def role_data(lang: str) -> RoleData:
    """The language's syntax facts (its folder found through ``KG_LANG_PATH`` too, checked against the
    schema); ``LookupError`` (one line) when it has none."""
    path = lang_dir(lang) / "syntax.json"
    if not path.is_file():
        raise LookupError(f"no syntax role data for {lang!r} ({path})")
    raw = load(path)
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
        infinitive_marks=low("infinitive_marks"),
        vicinity_words=low("vicinity_words"),
        origin_words=low("origin_words"),
        supply_words=low("supply_words"),
        doer_participles=low("doer_participles"),
        moving_nouns=low("moving_nouns"),
        member_nouns=low("member_nouns"),
        group_heads=low("group_heads"),
        cessation_verbs=low("cessation_verbs"),
        self_nouns=low("self_nouns"),
        self_group_nouns=low("self_group_nouns"),
        self_determiners=low("self_determiners"),
        carrier_verbs=low("carrier_verbs"),
        suicide_attacker_words=low("suicide_attacker_words"),
        relative_adverbs=low("relative_adverbs"),
        effect_verbs=low("effect_verbs"),
        victim_verbs=low("victim_verbs"),
        joint_verbs=low("joint_verbs"),
        adverbial_marks=low("adverbial_marks"),
        nonfinite_tags=frozenset(raw.get("nonfinite_tags", [])),
        judgement_verbs=low("judgement_verbs"),
        compound_adps={" ".join(k.lower().split()): v.lower() for k, v in (raw.get("compound_adpositions") or {}).items()},
        placeholder_name=tuple(raw.get("placeholder_name", []))[:2],
        headline_small_words=low("headline_small_words"),
        headline_verb_prefixes=tuple((a.lower(), b.lower()) for a, b in raw.get("headline_verb_prefixes", [])),
        quote_pairs=tuple((a, b) for a, b in raw.get("quote_pairs", [])),
    )


@per_language
def away_nouns(lang: str) -> frozenset[str]:
    """The head words of the event nouns whose own party a *source* adposition marks, by the language's trigger
    list (``target_preps``): "withdrawal from", "penarikan pasukan dari", "ekstradisi dari". A source phrase on one
    is that act's, not the party of a verb that governs the noun ("demanded a withdrawal of troops from Ukraine")."""
    return _source_nouns(lang, ())


def _source_nouns(lang: str, roots: tuple[str, ...]) -> frozenset[str]:
    """The head words of the language's noun triggers that take a source adposition, of CAMEO ``roots`` (all: ())."""
    from kg.lang.settings import settings
    from kg.nlp.triggers import load_triggers

    source = role_data(lang).adps("source")
    final = settings(lang).head_final
    return frozenset((t.words[-1] if final else t.words[0]) for t in load_triggers(lang)
                     if t.pos == "noun" and source & (t.target_preps or frozenset()) and t.code.startswith(roots or ""))  # fmt: skip


LEAVING_ROOTS = ("08", "16")  # yielding (withdrawing forces) and reducing relations (leaving an organisation)


@per_language
def leaving_nouns(lang: str) -> frozenset[str]:
    """The :func:`away_nouns` of acts of leaving ("withdrawal", "pullout", "penarikan pasukan", "pengunduran diri") and
    the language's ``moving_nouns`` ("evacuation", "repatriation", "pemulangan"): their source phrase is the place or
    body left, not surely the one a demand for them is made of ("demanded the withdrawal of Russian forces from
    Georgia", "demanded the evacuation of civilians from Ukraine"), unlike "ekstradisi dari Jerman" (Germany holds the
    one asked for)."""
    return _source_nouns(lang, LEAVING_ROOTS) | role_data(lang).moving_nouns


def word_forms(token, lang: str) -> tuple[str, ...]:
    """The forms a word list entry may match: lower-case form and lemma (the pipeline's, else spaCy's lookup
    table: :func:`kg.nlp.morphology.lemma_of`)."""
    low = token.lower_
    lemma = lemma_of(token, lang)
    return (low, lemma) if lemma and lemma != low else (low,)


def _is(token, words: frozenset, lang: str) -> bool:
    return any(f in words for f in word_forms(token, lang))


def light_passive_subject(tok, lang: str) -> bool:
    """Whether the parsed token ``tok`` is the subject of a passive light verb: "Sanctions were imposed on Iran by
    Canada", "Attacks were carried out on ... by Hezbollah" (the verb trigger's word is then the event noun)."""
    return tok.dep_ in PASSIVE_SUBJECTS and _is(tok.head, role_data(lang).light_verbs, lang)
