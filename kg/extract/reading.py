"""How a trigger's words read in their sentence: a verb trigger's word as a noun argument, a noun trigger's words as
a clause (subject and verb), from the parse and from the words' own forms (moved out of kg/extract/extractor.py);
and where an event noun whose doer an agent phrase names happened (:func:`place_after_agent`)."""

from __future__ import annotations

from kg.caching import per_language
from kg.extract.syntax.data import light_passive_subject
from kg.nlp.morphology import is_nominal_form, is_passive_form
from kg.extract.syntax.results import head_token
from kg.nlp.context import kg_get


GERUND_DEPS = ("advcl", "xcomp", "ccomp", "acl", "csubj", "conj", "ROOT", "root", "parataxis")  # a verb heading a clause


def prefixed_verb(rules, trig) -> bool:
    """Whether verb trigger ``trig`` is one word written with one of the language's verbal prefixes (lang.json
    ``morphology.verbal_prefixes``: "mengebom" for ``bom``): a verb, whatever part of speech the tagger gave it
    ("Israel membalas dengan mengebom Gaza", tagged NOUN as the object of "dengan")."""
    t = kg_get(trig)["trigger"]
    if not rules.s.has_morphology or t.pos != "verb" or len(trig) != 1:
        return False
    low = trig[0].lower_
    return low != t.words[0] and low.startswith(tuple(rules.s.morphology.get("verbal_prefixes", ())))


def read_as_verb(rules, trig) -> bool:
    """Whether verb trigger ``trig`` is a verb whatever part of speech the tagger gave it: written with a verbal prefix
    (:func:`prefixed_verb`), or the head of its own clause, with a subject in the parse ('"We condemn Israel," Egypt's
    foreign ministry said', "condemn" tagged NOUN)."""
    if prefixed_verb(rules, trig):
        return True
    if rules.syntax is None or len(trig) != 1 or kg_get(trig)["trigger"].pos != "verb":
        return False
    sub, off = rules.syntax
    return any(c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") for c in sub[trig.start - off].children)


def parsed_as_noun(rules, trig) -> bool:
    """A verb trigger's bare word that the parse reads as a noun argument: "mengecam blokade Israel atas Gaza",
    "protes terhadap blokade China" (an Indonesian root without its verbal prefix, as an object or after a
    preposition). Read as a verb, the one who condemns or protests became the blockade's doer."""
    if rules.syntax is None or len(trig) != 1 or kg_get(trig)["trigger"].pos != "verb":
        return False
    sub, off = rules.syntax
    tok = sub[trig.start - off]
    if tok.pos_ != "NOUN" or (tok.dep_ not in ("obj", "nmod", "obl") and not light_passive_subject(tok, rules.lang)):
        return False
    if prefixed_verb(rules, trig):
        return False  # "membalas dengan mengebom Gaza": a verb by its prefix, though tagged a noun
    if rules.s.has_morphology or light_passive_subject(tok, rules.lang):  # "Sanctions were imposed on X by Y"
        return True
    # without morphology a noun reading needs its actor as a modifier: "condemned the US strikes on ...",
    # "protests Chinese blockade" (not "a day after Israel struck Damascus", which the tagger may misread)
    names = {i - off for a in rules.actors for i in range(a.start, a.end)}
    return any(c.dep_ in ("compound", "amod", "nmod:poss") and c.i in names and c.i < tok.i for c in tok.children)


def parsed_as_verb(rules, trig) -> bool:
    """A noun trigger of several words that the parse reads as a clause, subject and verb: "drone strike"
    matched on the lemmas of "Ukrainian drones struck Moscow" (read as a noun it has no doer or target); a noun
    trigger's word used as a gerund with a direct object ("retaliated by bombing Gaza"); or a verb trigger that only
    looks like a noun and modifies a verb ("Hungaria enggan mengirim ...")."""
    if _verb_inflected(trig, rules):
        return True
    if rules.syntax is None:
        return False
    sub, off = rules.syntax
    if len(trig) == 1 and kg_get(trig)["trigger"].pos == "verb":
        # a verb of the lexicon that only looks like a noun ("enggan": -an) and modifies a verb: "enggan mengirim"
        tok = sub[trig.start - off]
        if tok.lower_.endswith(tuple(rules.s.possessive_suffixes)) and is_nominal_form(trig[0], rules.lang):
            return False  # "mengecam Rusia atas serangannya": a noun with its possessor, whatever tag the parser gives it
        if tok.dep_ in ("advmod", "aux") and tok.head.pos_ == "VERB":
            return True
        # a verb of the lexicon the parse reads as a verb with its own subject, though its -kan looks like -an:
        # a headline's "China Peringatkan Taiwan" (parsed as "memperingatkan", kg.extract.syntax.names.headline_words)
        return tok.pos_ == "VERB" and sub[trig.start - off].text != trig[0].text and any(c.dep_ == "nsubj" for c in tok.children)
    if len(trig) == 1 and kg_get(trig)["trigger"].pos == "noun" and not is_nominal_form(trig[0], rules.lang):
        # an event noun's word that the parse reads as a verb with a direct object, no determiner before it: a gerund
        # ("retaliated by bombing Gaza", "continued shelling Kharkiv"), not "the shelling of Kharkiv"
        tok = sub[trig.start - off]
        return tok.pos_ == "VERB" and tok.dep_ in GERUND_DEPS and any(c.dep_ == "obj" for c in tok.children)
    if len(trig) < 2 or kg_get(trig)["trigger"].pos != "noun":
        return False
    own = range(trig.start - off, trig.end - off)
    head = head_token(sub, own.start, own.stop)
    return head.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubj:pass") and c.i in own for c in head.children)


def _verb_inflected(trig, rules) -> bool:
    """Whether a noun trigger of several words was matched on a verb's inflection of its head word, in a language
    whose noun phrases end in their head (lang.json ``participle_suffixes``): "missile strike" on "Russian missiles
    *struck* Kharkiv", "rocket attack" on "rockets *attacked*" (a word that does not begin with the trigger's word, or
    that adds a participle ending to it). The parser may misread such a clause as one noun phrase ("missiles struck"
    as a compound), and the noun reading has then no doer and no target. Plurals stay nouns: "missile strikes"."""
    if len(trig) < 2 or rules.s.has_morphology or not rules.s.head_final or kg_get(trig)["trigger"].pos != "noun":
        return False
    word, low = kg_get(trig)["trigger"].words[-1], trig[-1].lower_
    if low == word:
        return False
    suffixes = tuple(rules.s.participle_suffixes)
    return not low.startswith(word) or (low.endswith(suffixes) and not word.endswith(suffixes))


FORCE_ROOTS = ("18", "19", "20")  # acts of force: an act of force in a place is one on it (not a drill or a deployment there)


def place_after_agent(rules, trig, source, stop: int):
    """The place an act of force named by an event noun happened in, written right after the noun and the doer it
    names (an agent phrase, a possessor or a genitive): "the bombing by ISIS in Kerman", "Israeli strikes in Rafah",
    "serangan Israel di Rafah", "pengeboman oleh ISIS di Kerman" stand for the place's state as target, as "ISIS bombed
    Kerman" does (lang.json ``agent_preps``, ``inside_preps``; an event noun otherwise reaches a place only through a
    target preposition). Not a place in a clause about the agent ("by Hamas, which is based in Gaza") or about others
    ("officials in Kerman said"), nor where the agent comes from ("by fighters from Syria"); and only for an event noun
    that opens its clause (the subject: "Israeli strikes in Rafah killed ...", after a date: "Wednesday's ISIS bombing
    in Kerman"), not one another word governs, which
    may name again an act whose target was other than the place ("responded to the Israeli strike in Damascus", on
    Iran's consulate there) or be how another act was done ("killed by an Israeli strike in Beirut")."""
    s = rules.s
    if kg_get(trig)["trigger"].code[:2] not in FORCE_ROOTS or not source.spans:
        return None
    if source.how in {f"prep:{p}" for p in s.agent_preps} or source.how == "genitive":
        end = source.spans[-1].end  # "the bombing by ISIS in Kerman", "serangan Israel di Rafah"
    elif source.how == "possessor" and source.spans[-1].end <= trig.start:
        end = trig.end  # "Israeli strikes in Rafah", "Russia's attack in Kharkiv"
    else:
        return None
    if end <= trig.start or end >= stop or rules.lows[end] not in s.inside_preps:
        return None
    i = min(trig.start, source.spans[0].start) - 1
    when = {k for t in rules.times for k in range(t.start, t.end)}  # "Wednesday's ISIS bombing in Kerman": a date's possessor
    while i >= rules.sent.start and (rules.lows[i] in s.determiners or rules.lows[i] in s.possessives or i in when):
        i -= 1
    if i >= rules.sent.start and not rules.doc[i].is_punct:
        # "was killed by an Israeli strike in Beirut", "Iran merespons serangan Israel di Damaskus": a noun another word
        # governs is how another act was done or an act named again, whose target may be other than the place
        return None
    j = end + 1
    while j < stop and (rules.lows[j] in s.determiners):
        j += 1
    return rules.place_target(trig, source, j + 1, via=frozenset(s.inside_preps))


def passive_place(rules, trig, source):
    """The place written right before a passive verb of force, with only its auxiliaries between, is what the act was
    done to, standing for its state: "Kherson digempur artileri Rusia", "Odesa was struck by ...", where the parse
    misses the clause (the window rules take only an actor as a passive verb's subject). Not a place after a
    preposition ("kapal di dekat Yaman diserang"), nor the doer's own state, nor for a doer that only made the weapon."""
    from kg.extract.sentence import _Arg, _Ref

    if any(not isinstance(sp, _Ref) and rules._made_by(sp) for sp in source.spans):
        return None  # "Kharkiv dihantam drone buatan Iran": the maker is no doer
    s = rules.s
    i = trig.start - 1
    while i >= rules.sent.start and (rules.lows[i] in s.passive_auxiliaries or rules.lows[i] in s.passive_interveners):
        i -= 1
    place = next((p for p in rules.places if p.end == i + 1 and p.start >= rules.sent.start), None)
    if place is None or not rules._is_free(place):
        return None
    country = rules.lex.places.get(place.kb_id_.removeprefix("place:"))
    code = country.country if country else None
    own = {rules._side(sp) for sp in source.spans} | {rules._country_of(sp) for sp in source.spans}
    if code is None or code in own or rules.lex.state(code) is None:
        return None
    return _Arg([place], "passive-place")


def modifier_agent(rules, trig, source) -> bool:
    """Whether the doer found before a trigger is only the agent of a passive participle or relative clause on the
    noun before it: "Rebels backed by Iran attacked Israel", "Pemberontak yang didukung Iran menyerang Israel",
    "Milisi yang dilatih AS menyerang ..." (the backer and the trainer did not attack; the parse may read the agent
    as the subject). Not for a participle whose agent acts through the noun (syntax.json ``doer_participles``: "missiles
    fired by Russia hit Kyiv", "rudal yang ditembakkan Rusia", "a coalition led by Saudi Arabia bombed ...")."""
    from kg.extract.sentence import _Ref
    from kg.extract.syntax.data import _is, role_data

    s, d = rules.s, role_data(rules.lang)
    for sp in source.spans:
        if isinstance(sp, _Ref) or sp.start >= trig.start:
            continue
        i = sp.start - 1
        while i > rules.sent.start and rules.lows[i] in s.determiners:
            i -= 1
        by = i > rules.sent.start and rules.lows[i] in s.agent_preps
        i -= by
        if i <= rules.sent.start:
            continue
        verb, before = rules.doc[i], rules.lows[i - 1]
        if s.has_morphology:  # "yang didukung (oleh) Iran"
            participle = before in s.relative_pronouns and is_passive_form(verb, rules.lang)
        else:  # "backed by Iran" on a noun, not a clause's own passive ("was backed by")
            participle = by and verb.lower_.endswith(tuple(s.participle_suffixes)) and before not in s.passive_auxiliaries
        if participle and not _is(verb, d.doer_participles, rules.lang):
            return True
    return False


def past_effect_verb(rules, trig, target):
    """The target without the names written after a verb of feeling or effect that follows the trigger (syntax.json
    ``effect_verbs``, as written, several words too): "Iran's support for Hezbollah *worries* Israel", "Russia's aid to
    Syria angered Washington", "Dukungan Iran untuk Hizbullah membuat khawatir Israel": the one after it feels the act
    and is no party of it (the parser often tags the verb a noun and hangs the name on the act). None when no name is
    left; the target itself when none was past such a verb."""
    from kg.extract.sentence import _Arg, _Ref

    phrases = _effect_phrases(rules.lang)
    if target is None or not phrases:
        return target

    lows = rules.lows
    firsts = {p[0] for p in phrases} if all(phrases) else None  # a phrase starts only at its first word

    def felt(sp) -> bool:
        return any((firsts is None or lows[i] in firsts) and _effect_at(lows, i, sp.start, phrases) for i in range(trig.end, sp.start))

    keep = [sp for sp in target.spans if isinstance(sp, _Ref) or sp.start < trig.end or not felt(sp)]
    if len(keep) == len(target.spans):
        return target
    return _Arg(keep, target.how) if keep else None


def before_effect_verb(span, rules) -> bool:
    """Whether a name is followed at once by a verb of feeling the parser made the noun it modifies ("support for
    Hezbollah *worries* Israel" read as the compound "Hezbollah worries", "... Hizbullah *membuat khawatir* Israel"):
    it is the act's party after all."""
    return rules is not None and _effect_at(rules.lows, span.end, len(rules.lows), _effect_phrases(rules.lang))


@per_language
def _effect_phrases(lang: str) -> tuple[tuple[str, ...], ...]:
    """syntax.json ``effect_verbs`` as word tuples ("membuat khawatir" is two words), read once per language."""
    from kg.extract.syntax.data import role_data

    return tuple(tuple(w.split()) for w in role_data(lang).effect_verbs)


def _effect_at(lows: list[str], i: int, end: int, phrases) -> bool:
    """Whether one of the effect phrases starts at word ``i`` and ends by ``end``."""
    return any(i + len(p) <= end and tuple(lows[i : i + len(p)]) == p for p in phrases)
