"""Word forms: lemmas, affix stripping, passive and nominal forms, from each language's ``morphology`` data."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.tokens import Token

from kg.caching import per_language
from kg.lang.settings import settings
from kg.nlp.context import _actor_ending_at

log = logging.getLogger(__name__)


@dataclass(frozen=True, eq=False)
class AffixRules:
    """A language's affix rules (``lang.json`` ``morphology``), read once per language folder. Compared and
    hashed by identity: the word caches below are keyed on the rules object, so another folder's rules
    never answer from this one's cache."""

    prefixes: tuple[tuple[str, str], ...]
    suffixes: tuple[str, ...]
    min_stem: int
    nested: tuple[str, ...]
    agent: tuple[str, ...] = ()  # prefixes of agent/instrument nouns (Indonesian peN-: "penembak", "pengebom")
    nominal_suffixes: tuple[str, ...] = ()  # what makes a word so prefixed an act noun ("penembakan")


@per_language
def _morph(lang: str) -> AffixRules:
    m = settings(lang).morphology
    prefixes = tuple((p, r) for p, r in m["prefixes"])
    suffixes = tuple(sorted(m["suffixes"], key=len, reverse=True))
    return AffixRules(prefixes, suffixes, int(m["min_stem"]), tuple(m["nested_prefixes"]),
                      tuple(m.get("agent_prefixes", [])), tuple(m["nominal_suffixes"]))


def affix_candidates(word: str, lang: str) -> tuple[tuple[str, str, str], ...]:
    """Candidate ``(stem, prefix, suffix)`` analyses of ``word`` from the language's affix rules.

    >>> sorted(s for s, _p, _x in affix_candidates("diserang", "id"))
    ['diserang', 'serang']
    >>> ('serang', 'meny', '') in affix_candidates("menyerang", "id")
    True
    """
    return _affixes(word, _morph(lang))


@lru_cache(maxsize=500_000)
def _affixes(word: str, rules: AffixRules) -> tuple[tuple[str, str, str], ...]:
    prefixes, suffixes, min_len, nested = rules.prefixes, rules.suffixes, rules.min_stem, rules.nested
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
                    if pre2 in nested and stem.startswith(pre2) and len(stem) - len(pre2) >= min_len:
                        out.append((repl2 + stem[len(pre2) :], pre + pre2, suf))
    # reduplication: "serang-menyerang", "tembak-menembak" -> first half
    if "-" in word:
        head = word.split("-", 1)[0]
        if len(head) >= min_len:
            out.append((head, "", "-redup"))
    return tuple(dict.fromkeys(out))


def lemma_of(token: Token, lang: str) -> str:
    """The token's lemma: from a trained pipeline's lemmatizer if any, else spaCy's lookup table."""
    lemma = token.lemma_
    if lemma:
        return lemma.lower()
    s = settings(lang)
    if s.lemmatizer != "lookup":
        return token.lower_
    return _looked_up(token.text, token.lower_, s.spacy_lang)


@lru_cache(maxsize=200_000)
def _looked_up(text: str, lower: str, code: str) -> str:
    """The lemma spaCy's lookup table for ``code`` gives ``text`` (else its lower-case form ``lower``), in lower case:
    what :func:`lemma_of` reads ~20,000 times per 30k English words, two table look-ups each (a string hash apiece)."""
    table = _lemma_table(code)
    if table is None:
        return lower
    return (table.get(text, None) or table.get(lower, None) or lower).lower()


def token_forms(token: Token, lang: str) -> tuple[str, ...]:
    """Every form a trigger word may match on this token: lower-case, lemma, affix-stripped stems."""
    return _forms(token.lower_, lemma_of(token, lang), lang)


def _forms(lower: str, lemma: str, lang: str) -> tuple[str, ...]:
    return _forms_by(lower, lemma, _morph(lang))


@lru_cache(maxsize=500_000)
def _forms_by(lower: str, lemma: str, rules: AffixRules) -> tuple[str, ...]:
    analyses = _affixes(lower, rules)[1:]
    agentive = [a for a in analyses if _agentive(a, rules)]
    if any(_agentive((stem, p, ""), rules) and s in rules.nominal_suffixes for stem, p, s in analyses):
        agentive = []  # "penembakan", "pengebomannya": the act noun of the same prefix, every form kept
    forms = [lower]
    if lemma and lemma != lower and not agentive:
        forms.append(lemma)
    forms.extend(stem for stem, p, s in analyses if not agentive or (stem, p, s) not in agentive)
    return tuple(dict.fromkeys(forms))


def _agentive(analysis: tuple[str, str, str], rules: AffixRules) -> bool:
    """Whether ``(stem, prefix, suffix)`` reads the word as an agent or instrument noun (``agent_prefixes``
    without a ``nominal_suffixes`` ending): "penembak" (shooter), "pengebom" (bomber), "penyerangnya" name who
    or what acts, not the act ("penembakan", "pengeboman" do), so the stem is no form of the word."""
    _stem, prefix, suffix = analysis
    if not rules.agent or suffix and suffix in rules.nominal_suffixes:
        return False
    return any(prefix == a or prefix.startswith(a) and prefix[len(a):] in rules.nested for a in rules.agent)


def is_passive_form(token: Token, lang: str) -> bool:
    """Indonesian di-/ter- verbs; English participles after a form of *be*."""
    s = settings(lang)
    if s.has_morphology:
        low = token.lower_
        return any(low.startswith(p) and len(low) > len(p) + 2 for p in s.morphology["passive_prefixes"])
    aux = s.passive_auxiliaries
    i = token.i - 1
    skipped = 0
    while i >= token.doc[0].i and skipped < 3:
        prev = token.doc[i]
        if prev.lower_ in aux:
            if s.progressive_suffixes and token.lower_.endswith(s.progressive_suffixes):
                return False  # "Poland is investigating ... by Russia": a progressive is active
            return token.lower_.endswith(s.participle_suffixes) or token.lower_ != lemma_of(token, lang)
        if prev.lower_.endswith(s.passive_intervener_suffixes) or prev.lower_ in s.passive_interveners:
            i -= 1
            skipped += 1
            continue
        break
    return False


def is_nominal_form(token: Token, lang: str) -> bool:
    """Indonesian -an / pe-...-an nouns ("serangan", "penyerangan"); English nouns after a determiner."""
    s = settings(lang)
    low = token.lower_
    if s.has_morphology:
        m = s.morphology
        return any(low.endswith(x) for x in m["nominal_suffixes"]) and not low.startswith(tuple(m["passive_prefixes"] + m["verbal_prefixes"]))
    if token.i > 0:
        prev = token.doc[token.i - 1]
        if prev.lower_ in s.determiners or prev.lower_ in s.possessives:
            return True
        span = _actor_ending_at(token.doc, token.i)
        if span is not None and span.label_ == "adjective":
            return True
    return False


def lemma_table(lang: str):
    """The lemma lookup table of language ``lang`` (its ``spacy_lang``), if its ``lemmatizer`` is ``lookup``."""
    s = settings(lang)
    return _lemma_table(s.spacy_lang) if s.lemmatizer == "lookup" else None


@cache
def _lemma_table(code: str):
    """spaCy's lemma lookup table for ``code`` (spacy-lookups-data), or None when there is none."""
    try:
        from spacy.lookups import load_lookups

        return load_lookups(code, ["lemma_lookup"]).get_table("lemma_lookup")
    except Exception as exc:  # no table for this language: stems and surface forms still work
        log.info("no lemma lookup table for %s (%s)", code, exc)
        return None
