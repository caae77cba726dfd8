"""Corpus inputs (kg.inputs): HTML via trafilatura, gzip, CSV/TSV/JSONL with field names, stdin, globs,
encodings. Texts are written for these tests."""

from __future__ import annotations

import gzip
import io
import json
from datetime import date

import pytest

from kg.io.ingest import InputProblem
from kg.io.decode import FieldMap, decode, parse_any_date
from kg.io.inputs import Progress, expand, file_kind, iter_inputs, read_stdin
from kg.model import Document

BODY = ("Indonesia and Malaysia signed a maritime agreement in Jakarta on 12 March 2024. "
        "The two governments said the deal settles a long fishing dispute in the Strait of Malacca. "
        "Officials from both ministries will meet again in June to review patrols.")  # fmt: skip

PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Maritime deal signed | Coastal Herald</title>
<meta property="og:title" content="Maritime deal signed">
<meta property="og:site_name" content="Coastal Herald">
<meta property="article:published_time" content="2024-03-12T08:00:00+07:00">
<link rel="canonical" href="https://herald.example/2024/03/maritime-deal">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a> Subscribe now</nav>
<div class="ad">Buy cheap flights today! Best prices!</div>
<article><h1>Maritime deal signed</h1>
<p>{BODY}</p>
<p>Fishermen on both sides of the strait welcomed the agreement, saying patrol boats had seized their nets for years.</p>
</article>
<footer>Copyright Coastal Herald. All rights reserved. Privacy policy. Cookie settings.</footer>
</body></html>"""


def docs(items):
    return [d for d in items if isinstance(d, Document)]


def problems(items):
    return [p for p in items if isinstance(p, InputProblem)]


def test_html_page_main_text_and_metadata(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    [d] = docs(iter_inputs([tmp_path / "page.html"]))
    assert d.title == "Maritime deal signed" and d.publisher == "Coastal Herald"
    assert d.url == "https://herald.example/2024/03/maritime-deal"
    assert d.date == date(2024, 3, 12) and d.date_source == "metadata" and d.lang == "en"
    assert "signed a maritime agreement" in d.text and "Fishermen" in d.text
    assert "Subscribe" not in d.text and "cheap flights" not in d.text and "Cookie" not in d.text


def test_gzip_of_each_kind(tmp_path):
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(BODY.encode()))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress((json.dumps({"id": "j1", "text": BODY, "date": "2024-03-12"}) + "\n").encode()))
    (tmp_path / "c.csv.gz").write_bytes(gzip.compress(f'id,text\nc1,"{BODY}"\n'.encode()))
    out = docs(iter_inputs([tmp_path]))
    assert sorted(d.id for d in out) == ["a", "c1", "j1", "page"]
    assert file_kind("x.jsonl.gz") == ("jsonl", True)


def test_corrupt_gzip_is_a_problem(tmp_path):
    (tmp_path / "bad.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00garbage-not-deflate" * 3)
    (tmp_path / "bad.txt.gz").write_bytes(b"\x1f\x8b\x08\x00garbage-not-deflate" * 3)
    out = list(iter_inputs([tmp_path]))
    assert len(problems(out)) == 2 and not docs(out)


def test_csv_tsv_and_jsonl_with_field_names(tmp_path):
    fm = FieldMap.parse("id=uid,text=body,date=published,publisher=outlet,url=meta.link")
    (tmp_path / "s.csv").write_text(f'uid;body;published;outlet\n7;"{BODY}";"Tue, 12 Mar 2024 09:00:00 GMT";Paper\n', encoding="utf-8")
    (tmp_path / "s.tsv").write_text(f"uid\tbody\tpublished\n8\t{BODY}\t12/3/2024\n", encoding="utf-8")
    (tmp_path / "s.jsonl").write_text(json.dumps({"uid": 9, "body": BODY, "published": 1710230400, "meta": {"link": "https://x.example/9"}}) + "\n"
                                      + "{not json\n" + json.dumps({"uid": 10, "other": "x"}) + "\n", encoding="utf-8")  # fmt: skip
    out = list(iter_inputs([tmp_path], fieldmap=fm))
    got = {d.id: d for d in docs(out)}
    assert set(got) == {"7", "8", "9"}
    assert got["7"].publisher == "Paper" and all(d.date == date(2024, 3, 12) for d in got.values())
    assert got["9"].url == "https://x.example/9"
    assert [p.source.rsplit(":", 1)[-1] for p in problems(out)] == ["2", "3"]
    with pytest.raises(ValueError):
        FieldMap.parse("txt=body")


def test_csv_without_text_column(tmp_path):
    (tmp_path / "x.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    [p] = problems(iter_inputs([tmp_path / "x.csv"]))
    assert "--fields text=NAME" in p.message


def test_stdin_jsonl_html_and_text():
    lines = "".join(json.dumps({"id": f"s{i}", "text": BODY}) + "\n" for i in range(3)).encode()
    assert [d.id for d in docs(read_stdin(io.BufferedReader(io.BytesIO(lines))))] == ["s0", "s1", "s2"]
    [d] = docs(read_stdin(io.BufferedReader(io.BytesIO(PAGE.encode()))))
    assert d.publisher == "Coastal Herald"
    [d] = docs(read_stdin(io.BufferedReader(io.BytesIO(gzip.compress(BODY.encode())))))
    assert d.id == "stdin" and d.lang == "en"
    [d] = docs(iter_inputs(["-"], stdin=io.BufferedReader(io.BytesIO(BODY.encode()))))
    assert d.source == "stdin"


def test_include_exclude_globs_and_hidden_files(tmp_path):
    for rel in ["2024/03/a.html", "2024/03/draft-b.html", "2023/c.html", "2024/notes.txt", ".git/x.txt", "2024/img.png"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x")
    names = lambda items: sorted(p.relative_to(tmp_path).as_posix() for p in items if not isinstance(p, InputProblem))  # noqa: E731
    assert names(expand([tmp_path])) == ["2023/c.html", "2024/03/a.html", "2024/03/draft-b.html", "2024/notes.txt"]
    assert names(expand([tmp_path], include=["2024/**"], exclude=["*draft*"])) == ["2024/03/a.html", "2024/notes.txt"]
    assert names(expand([tmp_path], include=["*.html"])) == ["2023/c.html", "2024/03/a.html", "2024/03/draft-b.html"]
    [p] = list(expand([tmp_path], include=["*.xml"]))
    assert isinstance(p, InputProblem)


def test_encodings_detected(tmp_path):
    text = ("Presiden Prabowo bertemu dengan Perdana Menteri Malaysia di Jakarta pada Selasa. "
            "Keduanya membahas kerja sama ekonomi, café dan kopi, serta keamanan di Selat Malaka. ") * 3  # fmt: skip
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "cp1252.txt").write_bytes(text.replace("café", "café “kopi”").encode("cp1252"))
    (tmp_path / "latin.html").write_bytes(PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"').replace("welcomed", "welcomed ´ü").encode("latin-1"))
    out = list(iter_inputs([tmp_path]))
    got = {d.id: d for d in docs(out)}
    assert set(got) == {"utf16", "cp1252", "latin"}
    assert "café" in got["utf16"].text and "“kopi”" in got["cp1252"].text and "´ü" in got["latin"].text
    assert {p.fatal for p in problems(out)} == {False}  # warnings: not UTF-8
    with pytest.raises(Exception, match="binary"):
        decode(b"\x00\x01\x02" * 100, "x")


def test_progress_counts_bytes(tmp_path):
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress("".join(json.dumps({"text": BODY}) + "\n" for _ in range(5)).encode()))
    prog = Progress()
    assert len(docs(iter_inputs([tmp_path], progress=prog))) == 5
    assert prog.total == prog.done == (tmp_path / "a.jsonl.gz").stat().st_size and prog.documents == 5


def test_dates():
    assert parse_any_date("2024-03-12T08:00:00+07:00") == date(2024, 3, 12)
    assert parse_any_date(2024) is None and parse_any_date(None) is None and parse_any_date("31/2/2024") is None
