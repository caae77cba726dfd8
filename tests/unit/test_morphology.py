"""kg/nlp/morphology.py: affix stripping, passive and nominal forms (Indonesian morphology, English syntax)."""

from __future__ import annotations

import pytest

from kg.nlp.morphology import _forms, affix_candidates, is_nominal_form, is_passive_form

from .support import processed_doc


def stems(word, lang="id"):
    return {s for s, _p, _x in affix_candidates(word, lang)}


@pytest.mark.parametrize("word,stem", [
    ("menyerang", "serang"),  # meny- + s
    ("memukul", "pukul"),  # mem- + p
    ("menembak", "tembak"),  # men- + t
    ("mengirim", "kirim"),  # meng- + k
    ("diserang", "serang"),
    ("serangan", "serang"),  # -an
    ("penyerangan", "serang"),  # peny-...-an
    ("memperingatkan", "ingat"),  # memper- + -kan
    ("tembak-menembak", "tembak"),  # reduplication
])
def test_indonesian_affixes_strip_to_the_stem(word, stem):
    assert stem in stems(word)


def test_stem_never_shorter_than_the_minimum():
    assert all(len(s) >= 3 for s in stems("diam"))


def test_english_has_no_affix_rules():
    assert affix_candidates("attacked", "en") == (("attacked", "", ""),)


def test_forms_keep_the_surface_then_the_lemma():
    assert _forms("attacked", "attack", "en")[:2] == ("attacked", "attack")


@pytest.mark.parametrize("word,lemma,stem", [
    ("pengebom", "bom", "bom"),  # bomber (aircraft): peN- without -an names who or what acts
    ("penembak", "tembak", "tembak"),  # shooter
    ("penyerangnya", "serang", "serang"),  # its attacker: -nya is no nominal ending
])
def test_indonesian_agent_nouns_are_no_form_of_their_act(word, lemma, stem):
    forms = _forms(word, lemma, "id")
    assert forms[0] == word and stem not in forms and lemma not in forms


@pytest.mark.parametrize("word,lemma,stem", [
    ("pengeboman", "bom", "bom"),  # the bombing
    ("penembakannya", "tembak", "tembak"),  # its shooting
    ("menyerang", "serang", "serang"),  # the verb
])
def test_indonesian_act_nouns_and_verbs_keep_their_stem(word, lemma, stem):
    assert stem in _forms(word, lemma, "id")


def token(extractor, text, lang, word):
    doc = processed_doc(extractor, text, lang)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text,word,passive", [
    ("Israel diserang Iran.", "diserang", True),
    ("Kapal itu ditembak.", "ditembak", True),
    ("Iran menyerang Israel.", "menyerang", False),
    ("Dia diam saja.", "diam", False),  # di- with too short a rest
])
def test_indonesian_di_prefix_is_passive(window_extractor, text, word, passive):
    assert is_passive_form(token(window_extractor, text, "id", word), "id") is passive


@pytest.mark.parametrize("text,word,passive", [
    ("Israel was attacked by Iran.", "attacked", True),
    ("Israel was reportedly attacked by Iran.", "attacked", True),
    ("The ships were not seized.", "seized", True),
    ("Iran attacked Israel.", "attacked", False),
    # h46: a present participle after 'be' is a progressive, active whatever its lemma
    ("Poland is investigating sabotage by Russia.", "investigating", False),
    ("Russia was being investigated by Poland.", "investigated", True),
])
def test_english_participle_after_be_is_passive(window_extractor, text, word, passive):
    assert is_passive_form(token(window_extractor, text, "en", word), "en") is passive


@pytest.mark.parametrize("text,word,nominal", [
    ("Serangan itu terjadi.", "Serangan", True),
    ("Penyerangan itu terjadi.", "Penyerangan", True),
    ("Iran menyerang Israel.", "menyerang", False),
    ("Israel diserang.", "diserang", False),
])
def test_indonesian_an_suffix_is_nominal(window_extractor, text, word, nominal):
    assert is_nominal_form(token(window_extractor, text, "id", word), "id") is nominal


@pytest.mark.parametrize("text,word,nominal", [
    ("The attack shocked Israel.", "attack", True),
    ("Iran's attack shocked Israel.", "attack", True),
    ("Iran will attack Israel.", "attack", False),
])
def test_english_noun_after_determiner_or_possessive_is_nominal(window_extractor, text, word, nominal):
    assert is_nominal_form(token(window_extractor, text, "en", word), "en") is nominal
