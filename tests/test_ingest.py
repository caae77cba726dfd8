"""Ingest: junk removal, language, reference dates, JSONL, HTML and bad input in a batch."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

from kg.io.ingest import InputProblem, clean_text, make_document, html_to_text
from kg.io.inputs import iter_documents
from kg.model import Document

from .conftest import SEED

JUNK = ["Free Porn", "xbporn", "TERBARU", "POPULER", "LEAVE A REPLY", "Please enter your comment!", "Please enter your name here"]


def test_seed_junk_lines_are_dropped(shared_corpus):
    docs = [d for d in iter_documents([SEED]) if isinstance(d, Document)]
    assert len(docs) == 1
    doc = docs[0]
    for junk in JUNK:
        assert junk not in doc.text
    assert "HomeNewsInternasional" not in doc.text
    assert doc.text.startswith("Vladimir Putin Telepon Presiden Iran")
    assert "Raisi mengucapkan terima kasih kepada Rusia" in doc.text
    assert doc.lang == "id"
    assert doc.date == date(2024, 4, 16) and doc.date_source == "text"
    assert doc.dropped_lines >= 7


def test_clean_text_keeps_datelines_and_stops_at_comment_section():
    text = "Friday, March 6, 2009\nShare\nRussia and Iran held talks.\nLEAVE A REPLY\nGreat article!\nAnother comment."
    cleaned, dropped = clean_text(text, "en")
    assert cleaned == "Friday, March 6, 2009\nRussia and Iran held talks."
    assert dropped == 4


def test_language_detection_and_override():
    en = make_document("a", "Russia and Iran held talks in Tehran on Tuesday about the strike.", source="t")
    idn = make_document("b", "Presiden Rusia dan presiden Iran menjalani panggilan telepon pada hari Selasa.", source="t")
    forced = make_document("c", "Presiden Rusia dan presiden Iran menjalani panggilan telepon.", source="t", lang="en")
    assert (en.lang, idn.lang, forced.lang) == ("en", "id", "en")


def test_reference_date_precedence():
    text = "Pada Selasa (16/4/2024), Rusia dan Iran berunding di Teheran tentang serangan itu."
    assert make_document("a", text, source="t").date == date(2024, 4, 16)
    assert make_document("a", text, source="t", meta_date=date(2024, 5, 1)).date == date(2024, 5, 1)
    # --date only fills in for a document without a date of its own (issue #14 item 14)
    assert make_document("a", text, source="t", ref_date=date(2023, 1, 2), meta_date=date(2024, 5, 1)).date == date(2024, 5, 1)


def test_jsonl_fields(tmp_path):
    path = tmp_path / "dump.jsonl"
    rows = [
        {"id": "x1", "text": "Russia and Iran held talks in Tehran about the strike on Tuesday.", "date": "2024-04-16",
         "url": "https://example.org/x1", "title": "Talks"},
        {"id": "x2", "text": "Israel menyerang Iran pada Sabtu lalu, kata pejabat setempat kepada wartawan.", "lang": "id"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    docs = list(iter_documents([path]))
    assert [d.id for d in docs] == ["x1", "x2"]
    assert docs[0].date == date(2024, 4, 16) and docs[0].date_source == "metadata"
    assert docs[0].url == "https://example.org/x1" and docs[0].title == "Talks"
    assert docs[1].lang == "id"


def test_html_main_text_and_metadata():
    page = """<!DOCTYPE html><html><head><title>Talks in Tehran</title>
    <meta property="article:published_time" content="2024-04-16T08:00:00Z">
    <meta property="og:url" content="https://example.org/a"><script>var junk = 1;</script></head>
    <body><nav>Home | World</nav><article><p>Russia and Iran held talks &amp; agreed to meet.</p></article>
    <footer>Copyright</footer></body></html>"""
    text, meta = html_to_text(page)
    assert "Russia and Iran held talks & agreed to meet." in text
    assert "var junk" not in text and "Home | World" not in text
    assert meta["url"] == "https://example.org/a" and meta["date"].startswith("2024-04-16")


def test_bad_inputs_in_a_batch(tmp_path):
    """Empty, binary, cp1252 and a malformed JSONL line: one line each, the good ones built, exit 1."""
    good = tmp_path / "good.txt"
    good.write_text("Israel struck Iran's consulate in Damascus on 1 April 2024, officials said.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "latin.txt").write_bytes("Iran condemned Israel’s strike on the consulate in Damascus on 2 April 2024 – officials said.".encode("cp1252"))
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text(
        '{"id": "j1", "text": "Russia condemned the United States on Monday, 15 April 2024, over new sanctions."}\n'
        '{"id": "j2", "text": "broken\n'
        '{"id": "j3", "text": "Iran thanked Russia for its support on 16 April 2024, state media said."}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(tmp_path), "-o", str(out)],
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert any("empty.txt" in l and "empty" in l for l in lines)
    assert any("binary.txt" in l and "binary" in l for l in lines)
    assert any("latin.txt" in l and "cp1252" in l for l in lines)
    assert any("batch.jsonl:2" in l and "malformed JSON" in l for l in lines)
    csv_text = (out / "events.csv").read_text(encoding="utf-8")
    for doc_id in ("good", "latin", "j1", "j3"):
        assert f",{doc_id}," in csv_text, doc_id
    assert "4 document(s)" in proc.stdout


def test_problems_are_values_not_exceptions(tmp_path):
    missing = tmp_path / "nope.txt"
    items = list(iter_documents([missing]))
    assert len(items) == 1 and isinstance(items[0], InputProblem) and "no such file" in str(items[0])


def test_unknown_language_is_a_clear_skip(tmp_path):
    fr = tmp_path / "fr.txt"
    fr.write_text("Le président de la République a reçu hier le ministre des affaires étrangères à l'Élysée pour un entretien.", encoding="utf-8")
    items = list(iter_documents([fr]))
    assert len(items) == 1 and isinstance(items[0], InputProblem)
    assert "--lang" in items[0].message
