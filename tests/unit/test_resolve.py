"""kg/extract/resolve.py: resolve_text, what ``kg actors`` shows for a short text."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.resolve import resolve_text


def by_text(rows):
    return {r["text"]: r for r in rows}


@pytest.mark.parametrize("lang,text,surface", [
    ("en", "Russian forces shelled the town.", "Russian forces"),
    ("id", "Pasukan Rusia menembaki kota itu.", "Pasukan Rusia"),
])
def test_state_with_sector_resolves_to_the_state_and_military(lang, text, surface):
    row = by_text(resolve_text(text, lang=lang))[surface]
    assert (row["id"], row["code"], row["sector"], row["kind"]) == ("rus", "RUS", "MIL", "state")


def test_officeholder_role_follows_the_date():
    row = resolve_text("Joe Biden", lang="en", ref_date=dt.date(2022, 6, 1))[0]
    assert (row["id"], row["kind"], row["role"]) == ("joe_biden", "person", "President")


def test_discovered_official_is_marked_discovered():
    rows = resolve_text("Menteri Pertahanan Indonesia Budi Santoso Wijaya bertemu Xi.", lang="id")
    row = by_text(rows)["Menteri Pertahanan Indonesia Budi Santoso Wijaya"]
    assert (row["source"], row["code"]) == ("discovered", "IDN")


def test_curated_state_is_marked_curated():
    row = resolve_text("Iran", lang="en")[0]
    assert (row["id"], row["source"]) == ("irn", "curated")


def test_offsets_point_into_the_text():
    text = "Talks between Iran and Egypt"
    rows = resolve_text(text, lang="en")
    assert [text[r["start"] : r["end"]] for r in rows] == ["Iran", "Egypt"]


def test_language_is_identified_for_longer_texts():
    rows = resolve_text("Pemerintahan Biden mengecam keras Iran pada hari Senin.")
    assert by_text(rows)["Pemerintahan Biden"]["id"] == "usa"


def test_text_without_actors_is_empty():
    assert resolve_text("The weather was fine today.", lang="en") == []
