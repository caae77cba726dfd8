"""kg/extract/syntax/dated.py: targets coordinated across a date ("visit India on May 10-12 and Vietnam on ...")."""

from __future__ import annotations

import pytest

from .support import extract, pairs


@pytest.mark.parametrize("lang,text,second", [
    ("id", "Perdana Menteri Jepang akan berkunjung ke India 10-12 Mei dan Vietnam 13-14 Mei.", ("JPN", "VNM", "04")),
    ("id", "Presiden Joko Widodo akan berkunjung ke Jepang pada 10 Mei dan ke Korea Selatan pada 13 Mei.", ("IDN", "KOR", "04")),
    ("id", "Israel menyerang Gaza pada Senin dan Lebanon pada Selasa.", ("ISR", "LBN", "19")),
    ("en", "The Japanese prime minister will visit India on May 10-12 and Vietnam on May 13-14.", ("JPN", "VNM", "04")),
    ("en", "President Joko Widodo will travel to Japan on May 10 and to South Korea on May 13.", ("IDN", "KOR", "04")),
])
def test_a_conjunct_after_the_first_targets_date_is_a_target_too(full_extractor, lang, text, second):
    assert second in pairs(extract(full_extractor, text, lang))


@pytest.mark.parametrize("lang,text", [
    ("id", "Israel menyerang Gaza pada Senin dan Hizbullah membalas pada Selasa."),
    ("en", "Israel attacked Gaza on Monday and Hezbollah retaliated on Tuesday."),
])
def test_the_subject_of_a_clause_after_the_date_is_no_target(full_extractor, lang, text):
    assert pairs(extract(full_extractor, text, lang)) == {("ISR", "PSE", "19")}


def test_a_date_phrase_holds_a_month_or_weekday_and_nothing_but_numbers_and_adpositions():
    from kg.extract.syntax.dated import date_words, is_date_phrase
    import spacy
    from spacy.tokens import Doc

    vocab = spacy.blank("en").vocab

    words = date_words("en")
    doc = Doc(vocab, words=["on", "May", "10", "the", "summit"], heads=[1, 1, 1, 4, 1], deps=["case", "ROOT", "nummod", "det", "nmod"],
              pos=["ADP", "PROPN", "NUM", "DET", "NOUN"])  # fmt: skip
    assert not is_date_phrase(doc[1], words)  # "summit" is no date word
    assert is_date_phrase(doc[2], words) is False  # "10" alone names no month
    doc2 = Doc(vocab, words=["on", "August", "10"], heads=[1, 1, 1], deps=["case", "ROOT", "nummod"], pos=["ADP", "PROPN", "NUM"])
    assert is_date_phrase(doc2[1], words)


@pytest.mark.parametrize("lang,text,second", [
    ("id", "Prancis menarik pasukannya dari Mali pada 2022 dan dari Niger tahun lalu.", ("FRA", "NER", "08")),
    ("id", "Uni Eropa menjatuhkan sanksi terhadap Iran pada 2019 dan terhadap Venezuela pada 2020.", ("IGO:EU", "VEN", "16")),
    ("en", "France withdrew its troops from Mali in 2022 and from Niger last year.", ("FRA", "NER", "08")),
])
def test_a_year_or_a_relative_period_is_a_date_a_conjunct_follows(full_extractor, lang, text, second):
    assert second in pairs(extract(full_extractor, text, lang))


def test_a_year_and_a_unit_with_its_modifier_name_a_date_a_modifier_alone_does_not():
    import spacy
    from spacy.tokens import Doc

    from kg.extract.syntax.dated import date_words, is_date_phrase

    vocab = spacy.blank("en").vocab
    words = date_words("en")
    year = Doc(vocab, words=["in", "2022"], heads=[1, 1], deps=["case", "ROOT"], pos=["ADP", "NUM"])
    assert is_date_phrase(year[1], words)
    last = Doc(vocab, words=["last", "month"], heads=[1, 1], deps=["amod", "ROOT"], pos=["ADJ", "NOUN"])
    assert is_date_phrase(last[1], words)
    alone = Doc(vocab, words=["last"], heads=[0], deps=["ROOT"], pos=["ADJ"])
    assert not is_date_phrase(alone[0], words)
