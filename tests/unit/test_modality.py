"""kg/extract/modality.py: asserted, negated, future or hypothetical, from the words before a trigger."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.model import Modality, Precision, TimeValue

from .support import extract, one_event, rules_for, trigger


def modality_of(extractor, text, lang, verb):
    rules = rules_for(extractor, text, lang)
    return rules.modality(trigger(rules, verb))


@pytest.mark.parametrize("lang,text,verb", [
    ("en", "Iran attacked Israel.", "attacked"),
    ("id", "Iran menyerang Israel.", "menyerang"),
])
def test_plain_past_is_asserted(window_extractor, lang, text, verb):
    assert modality_of(window_extractor, text, lang, verb) is Modality.ASSERTED


@pytest.mark.parametrize("lang,text,verb", [
    ("en", "Iran did not attack Israel.", "attack"),
    ("id", "Iran tidak menyerang Israel.", "menyerang"),
])
def test_negation_word_before_the_verb_negates(window_extractor, lang, text, verb):
    assert modality_of(window_extractor, text, lang, verb) is Modality.NEGATED


@pytest.mark.parametrize("lang,text,verb", [
    ("en", "Iran denied attacking Israel.", "attacking"),
    ("id", "Iran membantah menyerang Israel.", "menyerang"),
])
def test_denial_verb_negates(window_extractor, lang, text, verb):
    assert modality_of(window_extractor, text, lang, verb) is Modality.NEGATED


@pytest.mark.parametrize("lang,text,verb", [
    ("en", "Iran could attack Israel.", "attack"),
    ("id", "Iran bisa menyerang Israel.", "menyerang"),
])
def test_modal_of_possibility_is_hypothetical(window_extractor, lang, text, verb):
    assert modality_of(window_extractor, text, lang, verb) is Modality.HYPOTHETICAL


@pytest.mark.parametrize("lang,text,verb", [
    ("en", "Iran will attack Israel.", "attack"),
    ("id", "Iran akan menyerang Israel.", "menyerang"),
])
def test_future_auxiliary_is_future(window_extractor, lang, text, verb):
    assert modality_of(window_extractor, text, lang, verb) is Modality.FUTURE


@pytest.mark.parametrize("lang,text,verb", [
    ("en", "Iran would attack Israel if Israel struck Syria.", "attack"),
    ("id", "Iran akan menyerang Israel jika Israel menyerang Suriah.", "menyerang"),
])
def test_future_with_a_condition_after_it_is_hypothetical(window_extractor, lang, text, verb):
    assert modality_of(window_extractor, text, lang, verb) is Modality.HYPOTHETICAL


@pytest.mark.parametrize("lang,text,verb", [
    ("en", "Not long after the talks, Iran attacked Israel.", "attacked"),
    ("id", "Tidak lama setelah perundingan, Iran menyerang Israel.", "menyerang"),
])
def test_negation_inside_a_fixed_expression_negates_nothing(window_extractor, lang, text, verb):
    assert modality_of(window_extractor, text, lang, verb) is Modality.ASSERTED


def test_may_as_a_month_is_not_a_modal(window_extractor):
    assert modality_of(window_extractor, "On May 2 Iran attacked Israel.", "en", "attacked") is Modality.ASSERTED


def test_negation_far_before_the_verb_is_outside_the_window(window_extractor):
    text = "Officials did not say much, and a week of talks later Iran attacked Israel."
    assert modality_of(window_extractor, text, "en", "attacked") is Modality.ASSERTED


def test_stated_date_after_the_document_makes_an_act_future(window_extractor):
    rules = rules_for(window_extractor, "Japan hosts Vietnam.", "en")
    trig = trigger(rules, "hosts")
    later = TimeValue("2024-04-20", Precision.DAY, "April 20")
    assert rules.modality_with_date(trig, later, dt.date(2024, 4, 16)) is Modality.FUTURE
    earlier = TimeValue("2024-04-10", Precision.DAY, "April 10")
    assert rules.modality_with_date(trig, earlier, dt.date(2024, 4, 16)) is Modality.ASSERTED


def test_inferred_date_never_makes_an_act_future(window_extractor):
    rules = rules_for(window_extractor, "Japan hosts Vietnam.", "en")
    guess = TimeValue("2024-04-20", Precision.DAY, "", inferred=True)
    assert rules.modality_with_date(trigger(rules, "hosts"), guess, dt.date(2024, 4, 16)) is Modality.ASSERTED


def test_same_month_at_month_precision_is_not_future(window_extractor):
    rules = rules_for(window_extractor, "Japan hosts Vietnam.", "en")
    month = TimeValue("2024-04", Precision.MONTH, "April")
    assert rules.modality_with_date(trigger(rules, "hosts"), month, dt.date(2024, 4, 16)) is Modality.ASSERTED


@pytest.mark.parametrize("lang,text", [
    ("en", "Japan hosts Vietnam on April 20."),
    ("id", "Jepang menerima kunjungan Vietnam pada 20 April."),
])
def test_dated_after_a_real_publication_date_is_future(window_extractor, lang, text):
    assert one_event(extract(window_extractor, text, lang), "04").modality is Modality.FUTURE


def test_date_from_the_text_alone_does_not_say_what_is_future(window_extractor):
    ex = extract(window_extractor, "Japan hosts Vietnam on April 20.", "en", date_source="text")
    assert one_event(ex, "04").modality is Modality.ASSERTED


@pytest.mark.parametrize("lang,text,verb", [
    ("en", "Without any warning, Serbian police raided the Kosovo village.", "raided"),
    ("id", "Tanpa pemberitahuan, polisi Serbia menyerang desa di Kosovo itu.", "menyerang"),
    ("id", "Kapal itu masuk tanpa izin dan menuduh Manila.", "menuduh"),
])
def test_without_a_noun_negates_that_noun_not_the_act(window_extractor, lang, text, verb):
    assert modality_of(window_extractor, text, lang, verb) is Modality.ASSERTED


@pytest.mark.parametrize("lang,text,verb", [
    ("en", "Serbia closed the crossing without warning Kosovo.", "warning"),
    ("id", "Serbia menutup perbatasan tanpa memperingatkan Kosovo.", "memperingatkan"),
])
def test_without_right_before_the_verb_negates_it(window_extractor, lang, text, verb):
    assert modality_of(window_extractor, text, lang, verb) is Modality.NEGATED


@pytest.mark.parametrize("lang,text,verb", [
    ("en", "The US hopes Iran will not attack Israel.", "attack"),
    ("en", "The US expects Israel will not strike Lebanon.", "strike"),
    ("id", "AS berharap Iran tidak akan menyerang Israel.", "menyerang"),
    ("id", "India tidak ingin Pakistan menyerang India.", "menyerang"),
])
def test_a_negation_inside_a_hoped_for_act_is_hypothetical(window_extractor, lang, text, verb):
    assert modality_of(window_extractor, text, lang, verb) is Modality.HYPOTHETICAL


@pytest.mark.parametrize("lang,text,verb", [
    ("en", "The US hoped for calm, but Iran did not withdraw its troops from Syria.", "withdraw"),
    ("id", "AS berharap ada ketenangan, tetapi Iran tidak menarik pasukannya dari Suriah.", "menarik"),
])
def test_a_hope_in_another_clause_leaves_the_negation(window_extractor, lang, text, verb):
    assert modality_of(window_extractor, text, lang, verb) is Modality.NEGATED
