"""kg/nlp/timex.py: time expressions found and normalised against a reference date (TimeTagger)."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.model import Precision
from kg.nlp.timex import TimeTagger

REF = dt.date(2024, 4, 16)  # a Tuesday


def find(lang, text, ref=REF):
    return TimeTagger.for_lang(lang).find(text, ref)


def values(lang, text, ref=REF):
    return [m.value.value if m.value else None for m in find(lang, text, ref)]


@pytest.mark.parametrize("lang,text", [("en", "next Friday"), ("id", "Jumat depan"), ("id", "Jumat mendatang")])
def test_next_weekday_is_in_the_coming_week(lang, text):
    assert values(lang, text) == ["2024-04-19"]


@pytest.mark.parametrize("lang,text", [("en", "next Tuesday"), ("id", "Selasa depan")])
def test_next_weekday_on_that_weekday_is_a_week_ahead(lang, text):
    assert values(lang, text) == ["2024-04-23"]


@pytest.mark.parametrize("text,kind", [("minggu lalu", "period"), ("minggu depan", "period"), ("pada Minggu lalu", "weekday"),
                                       ("Minggu depan", "weekday")])
def test_lower_case_minggu_with_a_relative_word_is_a_week_not_a_sunday(text, kind):
    """'minggu' is both 'week' and 'Sunday': in lower case with 'lalu'/'depan' it is the week (a relative period);
    written as a name it stays the day."""
    (m,) = find("id", text)
    assert m.kind == kind
    if kind == "weekday":
        assert m.value.value == ("2024-04-14" if "lalu" in text else "2024-04-21")


@pytest.mark.parametrize("lang,text", [("en", "on Thursday"), ("id", "pada Kamis")])
def test_bare_weekday_is_kept_for_the_verb_to_move(lang, text):
    m = find(lang, text)[0]
    assert (m.value.value, m.weekday) == ("2024-04-11", 3)
    assert m.for_future(REF).value.value == "2024-04-18"


@pytest.mark.parametrize("lang,text", [("en", "last Thursday"), ("id", "Kamis lalu")])
def test_explicit_past_weekday_is_not_moved_by_the_verb(lang, text):
    m = find(lang, text)[0]
    assert m.value.value == "2024-04-11" and m.weekday is None


@pytest.mark.parametrize("lang,text", [("en", "the day before yesterday"), ("id", "kemarin lusa")])
def test_two_days_back(lang, text):
    assert values(lang, text) == ["2024-04-14"]


@pytest.mark.parametrize("lang,text", [("en", "three weeks ago"), ("id", "tiga minggu lalu")])
def test_weeks_ago_is_a_day(lang, text):
    m = find(lang, text)[0]
    assert (m.value.value, m.value.precision) == ("2024-03-26", Precision.DAY)


@pytest.mark.parametrize("lang,text", [("en", "last week"), ("id", "pekan lalu")])
def test_last_week_has_month_precision(lang, text):
    m = find(lang, text)[0]
    assert (m.value.value, m.value.precision) == ("2024-04", Precision.MONTH)


@pytest.mark.parametrize("lang,text", [("en", "last year"), ("id", "tahun lalu")])
def test_last_year_is_a_year(lang, text):
    m = find(lang, text)[0]
    assert (m.value.value, m.value.precision) == ("2023", Precision.YEAR)


@pytest.mark.parametrize("lang,text,value", [
    ("en", "on 12/25/2023", "2023-12-25"),
    ("id", "pada 25/12/2023", "2023-12-25"),
    ("en", "on 3/4/2024", "2024-03-04"),
    ("id", "pada 3/4/2024", "2024-04-03"),
])
def test_numeric_dates_follow_the_language_order(lang, text, value):
    assert values(lang, text) == [value]


@pytest.mark.parametrize("lang,text", [("en", "on December 30"), ("id", "pada 30 Desember")])
def test_yearless_date_far_ahead_is_last_year(lang, text):
    assert values(lang, text) == ["2023-12-30"]


def test_yearless_date_without_a_reference_waits_for_one():
    m = find("en", "on June 2", None)[0]
    assert (m.value, m.kind, m.month_day) == (None, "yearless", (6, 2))


def test_yearless_date_takes_the_year_of_the_narrative():
    text = "The war began in August 2008. On August 12 the fighting stopped."
    found = TimeTagger.for_lang("en").find_in_narrative(text, None)
    assert [m.value.value for m in found] == ["2008-08", "2008-08-12"]


@pytest.mark.parametrize("lang,text", [("en", "since 2014"), ("id", "sejak 2014")])
def test_since_year_is_background(lang, text):
    m = find(lang, text)[0]
    assert (m.value.value, m.background) == ("2014", True)


@pytest.mark.parametrize("lang,text,offset", [
    ("en", "two days after the vote", 2),
    ("id", "sehari sebelum pemungutan suara", -1),
])
def test_connective_keeps_its_offset_and_no_value(lang, text, offset):
    m = find(lang, text)[0]
    assert (m.kind, m.offset, m.value) == ("connective", offset, None)


def test_lower_case_may_is_not_a_month():
    assert find("en", "Iran may 5 times consider it") == []


@pytest.mark.parametrize("lang,text,day", [
    ("en", "JAKARTA, Wednesday, March 6, 2024 — The minister said", dt.date(2024, 3, 6)),
    ("id", "Jakarta, Rabu (6/3/2024) – Menteri mengatakan", dt.date(2024, 3, 6)),
])
def test_dateline_is_the_documents_date(lang, text, day):
    assert TimeTagger.for_lang(lang).dateline(text) == day


@pytest.mark.parametrize("lang,text,line,dated", [
    ("en", "WASHINGTON (Reuters) -- Iran's navy seized a tanker.", "WASHINGTON (Reuters) --", False),
    ("en", "KYIV, Ukraine (AP) — Russia launched drones.", "KYIV, Ukraine (AP) —", False),
    ("en", "MOSCOW, June 3 (Reuters) - Russia accused Ukraine.", "MOSCOW, June 3 (Reuters) -", False),
    ("en", "Title\n\nLONDON, June 5, 2024 — Britain expelled an attache.", "LONDON, June 5, 2024 —", True),
    ("id", "BEIRUT, Minggu (21/1/2024) - Hizbullah menembakkan roket.", "BEIRUT, Minggu (21/1/2024) -", True),
    ("id", "BEIRUT, Minggu (21/1/2024) (ANTARA) - Hizbullah menembakkan roket.", "BEIRUT, Minggu (21/1/2024) (ANTARA) -", True),
    ("id", "Jakarta (ANTARA) - Indonesia mengecam serangan itu.", "Jakarta (ANTARA) -", False),
    ("id", "Liputan6.com, Jakarta - Presiden bertemu Xi.", "Liputan6.com, Jakarta -", False),
])
def test_datelines_with_and_without_a_date(lang, text, line, dated):
    tagger = TimeTagger.for_lang(lang)
    found, lines = tagger.datelines(text, tagger.find_in_narrative(text, None))
    ((a, b),) = lines
    assert text[a:b] == line
    marked = [m for m in found if m.kind == "dateline"]  # the paper's date: the one in its date line, if any
    assert bool(marked) is dated and all(a <= m.start < b for m in marked)


@pytest.mark.parametrize("lang,text", [
    ("en", "Russia - Ukraine talks resume in Istanbul"),  # title case, no agency: a headline, not a place
    ("en", "UN - Russia vetoed the draft."),  # two capitals are no place name
    ("en", "The talks — held in Doha — ended."),
    ("id", "Jakarta - Presiden Joko Widodo bertemu Xi."),  # title case, no agency or date: a date line only when the
    # caller knows the place (test_title_case_dateline_needs_a_known_place)
    ("id", "Kata Menlu: Indonesia mengecam serangan itu."),
])
def test_no_dateline(lang, text):
    tagger = TimeTagger.for_lang(lang)
    found, lines = tagger.datelines(text, tagger.find_in_narrative(text, None))
    assert lines == [] and all(m.kind != "dateline" for m in found)


@pytest.mark.parametrize("lang,text,line", [
    ("id", "Jakarta - Presiden Joko Widodo bertemu Xi.", "Jakarta -"),
    ("id", "Jakarta, CNN Indonesia -- Pemerintah Indonesia memanggil pulang duta besarnya.", "Jakarta, CNN Indonesia --"),
    ("en", "Doha - Hamas negotiators met Egyptian officials.", "Doha -"),
    ("en", "Russia - Ukraine talks resume in Istanbul", None),  # the place function says Russia is no place
    ("en", "UN - Russia vetoed the draft.", None),
    ("en", "Doha-based mediators met on Sunday.", None),  # no spaced dash
])
def test_title_case_dateline_needs_a_known_place(lang, text, line):
    """A date line whose place is in title case is one only when ``is_place`` knows its first part (the pipeline: a
    capital or a gazetteer place from kg_actors), the dash set off by spaces."""
    places = {"Jakarta", "Doha"}
    tagger = TimeTagger.for_lang(lang)
    _, lines = tagger.datelines(text, tagger.find_in_narrative(text, None), lambda a, b: text[a:b] in places)
    assert [text[a:b] for a, b in lines] == ([line] if line else [])


def test_date_inside_a_sentence_is_no_dateline():
    assert TimeTagger.for_lang("en").dateline("The minister said on March 6, 2024 that talks would go on.") is None


def test_impossible_date_is_dropped():
    assert find("en", "on February 30, 2023") == []


@pytest.mark.parametrize("word,year", [("2008", "2008"), ("1870", "1870"), ("1999", "1999"),
                                       ("2000s", None), ("208", None), ("3000", None), ("1700", None), ("war", None)])
def test_year_of_reads_a_bare_year_as_the_year_pattern_does(word, year):
    got = TimeTagger.year_of(word)
    assert (got.value, got.precision) == (year, Precision.YEAR) if year else got is None
    if year:  # the same reading as "in <year>"
        assert [m.value.value for m in TimeTagger.for_lang("en").find(f"in {word}", None)] == [year]


@pytest.mark.parametrize("lang,text,value", [
    ("en", "on Monday last week", "2024-04-08"), ("en", "last week on Friday", "2024-04-12"),
    ("en", "on Tuesday last week", "2024-04-09"), ("en", "on Thursday next week", "2024-04-25"),
    ("id", "pada Senin pekan lalu", "2024-04-08"), ("id", "Jumat minggu lalu", "2024-04-12"),
    ("id", "Selasa pekan lalu", "2024-04-09"), ("id", "Kamis pekan depan", "2024-04-25"),
])
def test_weekday_beside_a_relative_week_is_that_day_of_that_week(lang, text, value):
    found = find(lang, text)
    assert [m.value.value for m in found] == [value]
    assert found[0].weekday is None  # a stated day: the verb's tense does not move it


@pytest.mark.parametrize("lang,text", [("en", "on Monday. Last week"), ("en", "on Monday and last week"),
                                       ("id", "pada Senin. Pekan lalu"), ("id", "pada Senin, pekan lalu")])
def test_weekday_and_week_apart_stay_two_expressions(lang, text):
    assert values(lang, text) == ["2024-04-15", "2024-04"]


@pytest.mark.parametrize("text", ["selama dua minggu", "selama berminggu-minggu", "dalam tiga minggu terakhir", "setiap minggu"])
def test_lower_case_minggu_as_a_unit_is_no_sunday(text):
    assert find("id", text) == []


@pytest.mark.parametrize("lang,text", [("id", "pada hari Minggu"), ("id", "Minggu lalu"), ("en", "on Sunday")])
def test_capitalised_sunday_stays_a_day(lang, text):
    assert values(lang, text) == ["2024-04-14"]
