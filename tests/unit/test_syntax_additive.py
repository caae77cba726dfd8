"""kg/extract/syntax/additive.py: targets added with their adposition repeated ("Selain ke Jepang, ...", "pasukan ke
Latvia dan ke Polandia")."""

from __future__ import annotations

import pytest

from .support import extract, pairs


@pytest.mark.parametrize("lang,text,added", [
    ("id", "Selain ke Jepang, Presiden Prabowo juga akan berkunjung ke Korea Selatan.", ("IDN", "JPN", "04")),
    ("id", "Selain terhadap Rusia, Uni Eropa juga menjatuhkan sanksi terhadap Belarus.", ("IGO:EU", "RUS", "16")),
])
def test_an_additive_phrase_with_a_target_adposition_adds_a_target(full_extractor, lang, text, added):
    assert added in pairs(extract(full_extractor, text, lang))


def test_an_additive_phrase_is_never_the_one_target(full_extractor):
    found = pairs(extract(full_extractor, "Selain kepada Ukraina, Jerman juga mengirim senjata kepada Moldova.", "id"))
    assert found == {("DEU", "UKR", "07"), ("DEU", "MDA", "07")}


def test_a_bare_additive_phrase_adds_nothing(full_extractor):
    found = pairs(extract(full_extractor, "Selain Jepang, Presiden Prabowo juga akan mengunjungi China.", "id"))
    assert not any(t == "JPN" for _s, t, _root in found)


@pytest.mark.parametrize("lang,text,found", [
    ("id", "Kanada mengerahkan pasukan ke Latvia dan ke Polandia.", {("CAN", "LVA", "15"), ("CAN", "POL", "15")}),
    ("id", "Sanksi Uni Eropa terhadap Rusia dan terhadap Belarus mulai berlaku.", {("IGO:EU", "RUS", "16"), ("IGO:EU", "BLR", "16")}),
])
def test_a_conjunct_with_its_own_adposition_on_the_object_is_a_target(full_extractor, lang, text, found):
    assert pairs(extract(full_extractor, text, lang)) == found


def test_marked_apart_needs_an_adposition_on_the_conjunct_only():
    import spacy
    from spacy.tokens import Doc

    from kg.extract.syntax.additive import marked_apart, stacked_adp

    vocab = spacy.blank("id").vocab
    doc = Doc(vocab, words=["pasukan", "ke", "Latvia", "dan", "ke", "Polandia"], heads=[0, 2, 0, 5, 5, 0],
              deps=["ROOT", "case", "nmod", "cc", "case", "conj"], pos=["NOUN", "ADP", "PROPN", "CCONJ", "ADP", "PROPN"])  # fmt: skip
    assert marked_apart(doc[5], doc[0])
    assert not marked_apart(doc[5], doc[2])  # "ke Latvia dan ke Polandia": both marked, an ordinary conjunct
    doc2 = Doc(vocab, words=["Selain", "ke", "Jepang"], heads=[2, 2, 2], deps=["case", "case", "ROOT"], pos=["ADP", "ADP", "PROPN"])
    assert stacked_adp(doc2[2], frozenset({"selain"})) == "ke"
    assert stacked_adp(doc2[2], frozenset()) is None
