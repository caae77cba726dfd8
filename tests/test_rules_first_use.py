"""What a newcomer sees first (issue #14, items 14 and 18): an article's own date beats ``--date``, and the
rules behind the errors the bundled samples showed, each as a general rule in both languages.

Every text here is written for these tests (not taken from the samples or the measuring corpus).
"""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import date

import pytest

from kg.ingest import make_document
from kg.timex import TimeTagger


def _kg(*args: str) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=300)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def _dates(csv_path) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    with open(csv_path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["doc_id"], set()).add(row["date"])
    return out


# -- item 14: --date fills in, it does not override -------------------------------------------------------

DATED = {
    "en": "JAKARTA, Tuesday, May 14, 2024 — Indonesian President Joko Widodo met Malaysian Prime Minister "
    "Anwar Ibrahim in Bogor last Saturday.\n",
    "id": "Surabaya, Kamis (18/7/2024) – Presiden Joko Widodo bertemu dengan Perdana Menteri Malaysia Anwar "
    "Ibrahim di Bogor pada Sabtu lalu.\n",
}
UNDATED = {
    "en": "Indonesian President Joko Widodo met Malaysian Prime Minister Anwar Ibrahim in Bogor last Saturday.\n",
    "id": "Presiden Joko Widodo bertemu dengan Presiden Filipina Ferdinand Marcos di Bogor pada Sabtu lalu.\n",
}
# 2024-06-20 is a Thursday: "last Saturday" from it is 15 June; from the date lines, 11 May and 13 July
OPTION = "2024-06-20"
WANT = {"en-dated": {"2024-05-11"}, "id-dated": {"2024-07-13"}, "en-undated": {"2024-06-15"}, "id-undated": {"2024-06-15"}}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_date_line_wins_over_the_option_metadata_too(lang):
    doc = make_document("d", DATED[lang], source="t", lang=lang, ref_date=date(2024, 6, 20))
    assert (doc.date, doc.date_source) == ({"en": date(2024, 5, 14), "id": date(2024, 7, 18)}[lang], "text")
    doc = make_document("d", UNDATED[lang], source="t", lang=lang, ref_date=date(2024, 6, 20))
    assert (doc.date, doc.date_source) == (date(2024, 6, 20), "option")
    doc = make_document("d", UNDATED[lang], source="t", lang=lang, ref_date=date(2024, 6, 20), meta_date=date(2024, 1, 2))
    assert (doc.date, doc.date_source) == (date(2024, 1, 2), "metadata")
    # a date reported inside the story is no date line: the option is the better guess
    story = {"en": "Russia and China signed a treaty on March 3, 2001 - a date both still mark.\n",
             "id": "Rusia dan China menandatangani perjanjian pada 3 Maret 2001, tanggal yang masih diperingati.\n"}[lang]  # fmt: skip
    assert make_document("d", story, source="t", lang=lang, ref_date=date(2024, 6, 20)).date == date(2024, 6, 20)
    assert make_document("d", story, source="t", lang=lang).date == date(2001, 3, 3)


def test_build_and_add_keep_the_article_date(tmp_path):
    for lang in ("en", "id"):
        folder = tmp_path / lang
        folder.mkdir()
        (folder / f"{lang}-dated.txt").write_text(DATED[lang], encoding="utf-8")
        (folder / f"{lang}-undated.txt").write_text(UNDATED[lang], encoding="utf-8")
    built: dict[str, set[str]] = {}
    exported: dict[str, set[str]] = {}
    for lang in ("en", "id"):
        proc = _kg("build", str(tmp_path / lang), "--lang", lang, "--date", OPTION, "-o", str(tmp_path / f"out-{lang}"))
        assert proc.returncode == 0, proc.stderr
        built.update(_dates(tmp_path / f"out-{lang}" / "events.csv"))
        proc = _kg("add", str(tmp_path / lang), "--lang", lang, "--date", OPTION, "--store", str(tmp_path / "store"))
        assert proc.returncode == 0, proc.stderr
    proc = _kg("export", "--store", str(tmp_path / "store"), "-o", str(tmp_path / "exported"))
    assert proc.returncode == 0, proc.stderr
    exported = _dates(tmp_path / "exported" / "events.csv")
    assert built == WANT
    assert exported == WANT  # (the undated stories are two meetings, so that the export keeps both)


def test_date_help_says_the_article_date_wins():
    for command in ("build", "add"):
        out = _kg(command, "--help").stdout
        assert "own date wins" in " ".join(out.split())
