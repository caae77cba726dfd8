"""Time expressions in English and Indonesian, normalised against a reference date."""

from datetime import date

import pytest

from kg.nlp.timex import TimeTagger

REF = date(2024, 4, 16)  # a Tuesday

CASES = [
    ("id", "Selasa (16/4/2024)", "2024-04-16", "day"),
    ("id", "pada 1 April yang lalu", "2024-04-01", "day"),
    ("id", "Pada Sabtu sebelumnya", "2024-04-13", "day"),
    ("id", "Sabtu lalu", "2024-04-13", "day"),
    ("id", "pada 2022", "2022", "year"),
    ("id", "sejak 2022", "2022", "year"),
    ("id", "kemarin", "2024-04-15", "day"),
    ("id", "2 hari lalu", "2024-04-14", "day"),
    ("id", "15 Mei 2023", "2023-05-15", "day"),
    ("id", "pertengahan Maret", "2024-03", "month"),
    ("id", "Februari 2022", "2022-02", "month"),
    ("id", "Senin (21/10)", "2024-10-21", "day"),
    ("en", "last Saturday", "2024-04-13", "day"),
    ("en", "on April 1", "2024-04-01", "day"),
    ("en", "on Saturday", "2024-04-13", "day"),
    ("en", "yesterday", "2024-04-15", "day"),
    ("en", "two days ago", "2024-04-14", "day"),
    ("en", "April 16, 2024", "2024-04-16", "day"),
    ("en", "16 April 2024", "2024-04-16", "day"),
    ("en", "in March 2023", "2023-03", "month"),
    ("en", "earlier this month", "2024-04", "month"),
    ("en", "since the 2022 invasion", "2022", "year"),
    ("en", "Friday, March 6, 2009", "2009-03-06", "day"),
]


@pytest.mark.parametrize("lang,text,value,precision", CASES)
def test_normalisation(lang, text, value, precision):
    ref = date(2024, 10, 23) if "21/10" in text else REF
    found = TimeTagger.for_lang(lang).find(text, ref)
    assert found, text
    assert found[0].value.value == value
    assert found[0].value.precision.value == precision


def test_weekday_on_the_reference_day():
    tagger = TimeTagger.for_lang("en")
    assert tagger.find("on Tuesday", REF)[0].value.value == "2024-04-16"
    assert tagger.find("last Tuesday", REF)[0].value.value == "2024-04-09"


def test_no_reference_date_leaves_relative_expressions_unresolved():
    found = TimeTagger.for_lang("id").find("Sabtu lalu dan 1 April", None)
    assert [m.value for m in found] == [None, None]


def test_may_the_verb_is_not_a_month():
    assert TimeTagger.for_lang("en").find("Iran may strike back", REF) == []


def test_first_explicit_date_prefers_the_dateline():
    text = "Title\n\nThis is the page, checked on 18 December 2024.\n\nFriday, March 6, 2009\n\nBody."
    assert TimeTagger.for_lang("en").first_explicit_date(text) == date(2009, 3, 6)


@pytest.mark.parametrize(
    "ref,text,value",
    [
        (date(2025, 2, 19), "pada pertengahan Maret", "2025-03"),  # next month: ahead, as planned visits are
        (date(2024, 12, 5), "pada Januari", "2025-01"),  # across the new year
        (date(2024, 1, 10), "pada Desember", "2023-12"),  # otherwise the latest such month
        (date(2024, 6, 1), "pada Juni", "2024-06"),
        (date(2024, 6, 1), "pada Agustus", "2023-08"),
    ],
)
def test_yearless_month_is_the_latest_or_next(ref, text, value):
    assert [m.value.value for m in TimeTagger.for_lang("id").find(text, ref)] == [value]


@pytest.mark.parametrize(
    "lang,text,want",
    [
        ("en", "HANOI, Monday, June 3, 2024 — Vietnam and Laos signed a border pact on May 28, 2024.", date(2024, 6, 3)),
        ("id", "Bandung, Senin (3/6/2024) – Vietnam dan Laos menandatangani pakta perbatasan pada 28 Mei 2024.", date(2024, 6, 3)),
        ("en", "June 3, 2024\nVietnam and Laos signed a border pact.", date(2024, 6, 3)),
        # a date inside the story is no date line, even at the start of a paragraph
        ("en", "Vietnam and Laos signed a border pact on May 28, 2024 - their first.", None),
        ("id", "Vietnam dan Laos menandatangani pakta perbatasan pada 28 Mei 2024 - yang pertama.", None),
    ],
)
def test_dateline_is_the_papers_date_only(lang, text, want):
    assert TimeTagger.for_lang(lang).dateline(text) == want


@pytest.mark.parametrize(
    "lang,linked,alone",
    [("en", "a day after the talks", "Iran answered a day after."), ("id", "sehari setelah perundingan", "Iran menjawab sehari setelahnya.")],
)
def test_connective_is_not_a_date_of_its_own(lang, linked, alone):
    (m,) = TimeTagger.for_lang(lang).find(linked, REF)
    assert (m.kind, m.value, m.offset) == ("connective", None, 1)
    # closing a clause, the words are a relative date, counted from the reference date
    (m,) = TimeTagger.for_lang(lang).find(alone, REF)
    assert m.kind == "relative" and m.value.value == "2024-04-17"
