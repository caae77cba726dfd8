"""Issue #14, the input side: unsupported record languages, documents over spaCy's 1,000,000 characters,
size limits enforced while reading (memory), kg's own outputs in an input folder, unreadable folders,
lone surrogates, one JSONL reader for build and add (U+2028/2029, physical line numbers), and language
identification on one-line texts. Every text here was written for these tests."""

from __future__ import annotations

import csv
import gzip
import io
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from kg.extract import extractor as kx
from kg.io.ingest import identify_language, make_document
from kg.io.ingest import InputProblem
from kg.io.inputs import expand, iter_inputs, iter_lines, read_stdin
from kg.model import Document
from kg.nlp.sections import split_sections

REPO = Path(__file__).resolve().parents[1]
KG = [sys.executable, "-m", "kg.cli"]
EN = "Japan and the Philippines signed a defence pact in Manila on 8 March 2024, officials in both capitals said."
ID = "Presiden Indonesia bertemu Perdana Menteri Malaysia di Jakarta pada Selasa (12/3/2024) untuk membahas perbatasan."


def run(*args, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "CI": "1", **kw.pop("env", {})}
    return subprocess.run([*KG, *map(str, args)], capture_output=True, text=True, timeout=600, env=env, **kw)


def events(out: Path) -> list[dict]:
    with open(out / "events.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def skipped_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.startswith(("skipped:", "warning:"))]


# -- 3: a record's unsupported language skips that record only ------------------------------------------


def test_record_in_unsupported_language_is_skipped_by_build_and_add(tmp_path):
    rows = [
        {"id": "en1", "text": EN, "lang": "en"},
        {"id": "fr1", "text": "Le ministre a reçu hier son homologue japonais à Paris pour un entretien.", "lang": "fr"},
        {"id": "xx1", "text": EN, "lang": "xx"},
        {"id": "id1", "text": ID, "lang": "ID"},  # case and region subtags are a language kg knows
        {"id": "en2", "text": "China criticised the Philippines on 9 March 2024 over the new pact.", "lang": "en-GB"},
    ]
    src = tmp_path / "mixed.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    build = run("build", src, "-o", tmp_path / "out")
    assert build.returncode == 1, build.stderr
    assert "Traceback" not in build.stderr and "no time vocabulary" not in build.stderr
    problems = skipped_lines(build.stderr)
    assert len(problems) == 2, build.stderr
    assert "mixed.jsonl:2" in problems[0] and "'fr'" in problems[0] and "no data" in problems[0]
    assert "mixed.jsonl:3" in problems[1] and "'xx'" in problems[1]
    assert {r["doc_id"] for r in events(tmp_path / "out")} == {"en1", "id1", "en2"} and "3 document(s)" in build.stdout
    add = run("add", src, "--store", tmp_path / "store")
    assert add.returncode == 1, add.stderr
    assert skipped_lines(add.stderr) == problems
    assert "added 3 document(s)" in add.stdout


# -- 4: documents over spaCy's limit, in sections ---------------------------------------------------------

FILLER = [
    "The weather along the coast stayed mild for most of week {n}, and the fish markets opened early.",
    "Farmers in the hills said the rains of season {n} had come late but the harvest looked good.",
    "Traffic on the ring road was slow on day {n} because of repairs to an old bridge.",
]
LAST = ("Japan and the Philippines signed a defence pact in Manila on 8 March 2024. "
        "China criticised the Philippines on 9 March 2024 over the pact.")  # fmt: skip


def test_article_over_spacy_limit_is_built_with_whole_text_offsets(tmp_path):
    """A ~2.5 MB article (spaCy alone refuses over 1,000,000 characters: E088) is built, and the events
    of its last section carry offsets into the whole text."""
    paras, n = [], 0
    while sum(len(p) + 2 for p in paras) < 2_500_000:
        paras.append(" ".join(s.format(n=n) for s in FILLER))
        n += 1
    text = "\n\n".join(paras + [LAST]) + "\n"
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    proc = run("build", tmp_path / "long.txt", "--lang", "en", "-o", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    rows = events(tmp_path / "out")
    assert {r["event_root"] for r in rows} == {"05", "11"}  # the pact (057) and the criticism (111)
    for r in rows:
        start, end = int(r["char_start"]), int(r["char_end"])
        assert start > 2_400_000
        sentence_at = text.index(r["sentence"])
        assert sentence_at <= start < end <= sentence_at + len(r["sentence"])
        assert text.count(r["sentence"]) == 1
    assert "please report" not in proc.stderr


@pytest.mark.parametrize("lang", ["en", "id"])
def test_sections_give_the_same_extraction_as_the_whole_text(monkeypatch, lang):
    sents = {
        "en": ["Japan and the Philippines signed a defence pact in Manila on {d} March 2024.",
               "A day later, China criticised the Philippines over the new patrols near the shoal.",
               "It also accused Japan of stirring tension.",
               "Residents of the coastal towns said {n} boats had stayed in port because of the weather."],
        "id": ["Presiden Indonesia bertemu Perdana Menteri Malaysia di Jakarta pada {d} Maret 2024.",
               "Sehari kemudian, Israel menyerang Gaza dan menewaskan {n} orang.",
               "Mesir mengecam serangan itu.",
               "Warga desa mengatakan cuaca buruk membuat {n} perahu tidak melaut."],
    }[lang]  # fmt: skip
    paras = [" ".join(s.format(d=1 + i % 28, n=i) for s in sents) for i in range(60)]
    text = "\n\n".join(paras) + "\n" + " ".join(sents).format(d=3, n=7) * 3  # and a long last line
    doc = make_document("s", text, source="t", lang=lang)
    ex = kx.Extractor()
    whole = ex.extract(doc)
    monkeypatch.setattr(kx, "SECTION_CHARS", 1500)
    parts = ex.extract(doc)

    def key(r):
        return sorted((e.id, e.code, e.mention.start, e.mention.end, e.mention.sentence_index, e.mention.sentence, str(e.date),
                       tuple(p.code for p in e.sources), tuple(p.code for p in e.targets)) for e in r.events)  # fmt: skip

    assert len(whole.events) > 100
    assert key(parts) == key(whole)
    assert sorted((m.actor_id, m.start, m.end) for m in parts.actor_mentions) == sorted(
        (m.actor_id, m.start, m.end) for m in whole.actor_mentions
    )


def test_sections_cut_at_boundaries_never_inside_a_sentence():
    paras = "Rain fell in the north. Markets were calm.\n\n" * 50
    sentences = "Hujan turun di utara dan pasar tetap tenang. " * 60  # one long paragraph
    run_on = "one endless line without any full stop " * 60  # no sentence ends at all
    text = paras + sentences + run_on
    parts = list(split_sections(text, 700))
    assert "".join(parts) == text
    assert all(len(p) <= 700 for p in parts) and len(parts) > 6
    end = 0
    for p in parts[:-1]:
        end += len(p)
        if end <= len(paras):
            assert p.endswith("\n\n"), repr(p[-20:])  # at a paragraph break
        elif end <= len(paras) + len(sentences):
            assert p.endswith("tenang. "), repr(p[-20:])  # at a sentence end
        else:
            assert p.endswith(" ") and not p.endswith(". "), repr(p[-20:])  # a 'sentence' longer than a section: at a space


# -- 5: size limits while reading ------------------------------------------------------------------------

GOOD = {"id": "ok", "text": EN}
PROBE = """
import sys
from kg.io.inputs import iter_inputs
out = list(iter_inputs(sys.argv[1:] or ["-"], lang="en"))
for x in out:
    print(type(x).__name__, getattr(x, "id", None) or x.message[:60], getattr(x, "source", ""))
status = open("/proc/self/status").read()
print("HWM_KB", [l for l in status.splitlines() if l.startswith("VmHWM")][0].split()[1])
"""
LINE_MB = 300


def _write_big(path: Path, head: bytes, tail: bytes, opener=open) -> None:
    """``head`` + a 300 MB line + ``tail``, written in pieces (the test never holds the line either)."""
    chunk = b"word " * 200_000  # 1 MB
    with opener(path, "wb") as fh:
        fh.write(head)
        for _ in range(LINE_MB):
            fh.write(chunk)
        fh.write(tail)


@pytest.fixture(scope="module")
def big_inputs(tmp_path_factory):
    d = tmp_path_factory.mktemp("big")
    good = json.dumps(GOOD).encode() + b"\n"
    good2 = json.dumps({**GOOD, "id": "ok2"}).encode() + b"\n"
    _write_big(d / "big.jsonl", good + b'{"id": "big", "text": "', b'"}\n' + good2)
    _write_big(d / "big.jsonl.gz", good + b'{"id": "big", "text": "', b'"}\n' + good2,
               opener=lambda p, m: gzip.open(p, m, compresslevel=1))  # fmt: skip
    _write_big(d / "big.csv", f'id,text\nok,"{EN}"\nbig,"'.encode(), f'"\nok2,"{EN}"\n'.encode())
    _write_big(d / "big.txt", b"", b"\n")
    yield d
    shutil.rmtree(d, ignore_errors=True)


def _probe(args, stdin=None) -> tuple[list[str], int]:
    proc = subprocess.run([sys.executable, "-c", PROBE, *map(str, args)], stdin=stdin, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    return lines[:-1], int(lines[-1].split()[1]) // 1024


@pytest.mark.parametrize("name,line", [("big.jsonl", 2), ("big.jsonl.gz", 2), ("big.csv", 3)])
def test_over_long_line_is_skipped_without_being_held(big_inputs, name, line):
    out, peak_mb = _probe([big_inputs / name])
    assert [x.split()[:2] for x in out] == [["Document", "ok"], ["InputProblem", "line"], ["Document", "ok2"]], out
    assert f"{name}:{line}" in out[1] and "20,000,000 bytes" in out[1]
    assert peak_mb < LINE_MB / 3, f"peak {peak_mb} MB reading a {LINE_MB} MB line"  # before: 609 MB for the JSONL


def test_over_long_plain_text_and_stdin_stay_bounded(big_inputs):
    out, peak_mb = _probe([big_inputs / "big.txt"])
    assert len(out) == 1 and "over the 20,000,000-byte limit" in out[0]
    assert peak_mb < LINE_MB / 3
    with open(big_inputs / "big.jsonl", "rb") as stdin:
        out, peak_mb = _probe([], stdin=stdin)
    assert [x.split()[:2] for x in out] == [["Document", "ok"], ["InputProblem", "line"], ["Document", "ok2"]], out
    assert "stdin:2" in out[1]
    assert peak_mb < LINE_MB / 3


def test_line_reader_splits_at_newlines_only():
    data = "a\u2028b\u2029c\r\n\nd\x85e\x0bf\x0cg\x1ch\rx\nlast".encode()
    assert list(iter_lines(io.BytesIO(data), limit=100)) == [
        (1, "a\u2028b\u2029c".encode()), (2, b""), (3, "d\x85e\x0bf\x0cg\x1ch\rx".encode()), (4, b"last")]  # fmt: skip
    assert list(iter_lines(io.BytesIO(b"12345\n123\n123456"), limit=4)) == [(1, None), (2, b"123"), (3, None)]


# -- 12: one JSONL reader for build and add ---------------------------------------------------------------


def test_raw_line_separators_in_jsonl_are_read_alike_by_build_and_add(tmp_path):
    """U+2028/2029 are valid unescaped in JSON strings; lines are physical lines for both commands."""
    src = tmp_path / "seps.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "Japan and the Philippines signed a defence pact\u2028in Manila on 8 March 2024."}, ensure_ascii=False)
        + "\n{broken\n"
        + json.dumps({"id": "b", "text": "Presiden Indonesia bertemu\u2029Perdana Menteri Malaysia di Jakarta pada 12 Maret 2024."},
                     ensure_ascii=False) + "\n"  # fmt: skip
        + json.dumps({"id": "c", "text": "China criticised the Philippines on 9 March 2024 over the pact."}) + "\n",
        encoding="utf-8",
    )
    assert "\u2028" in src.read_text(encoding="utf-8")
    build = run("build", src, "-o", tmp_path / "out")
    add = run("add", src, "--store", tmp_path / "store")
    assert build.returncode == add.returncode == 1, (build.stderr, add.stderr)
    assert skipped_lines(build.stderr) == skipped_lines(add.stderr)
    [problem] = skipped_lines(build.stderr)
    assert "seps.jsonl:2:" in problem and "malformed JSON" in problem
    assert "3 document(s)" in build.stdout and "added 3 document(s)" in add.stdout


# -- 9: kg's own outputs are not read back -----------------------------------------------------------------


def test_second_build_into_its_input_folder_skips_its_own_outputs(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(EN + "\n", encoding="utf-8")
    (news / "b.txt").write_text(ID + "\n", encoding="utf-8")
    first = run("build", news, "-o", news)
    assert first.returncode == 0, first.stderr
    shutil.copy(news / "graph.html", news / "renamed-page.html")  # known by content, not by name
    second = run("build", news, "-o", news)
    assert second.returncode == 0, second.stderr
    notes = skipped_lines(second.stderr)
    assert len(notes) == 3 and all("kg's own output" in n for n in notes), second.stderr
    assert {Path(n.split(": ")[1]).name for n in notes} == {"graph.html", "events.csv", "renamed-page.html"}
    assert first.stdout.split(" document(s)")[0] == second.stdout.split(" document(s)")[0] == "2"
    named = list(iter_inputs([news / "graph.ttl"]))  # an export named directly: not an article either
    assert len(named) == 1 and not isinstance(named[0], Document) and "RDF export" in named[0].message


# -- 11: unreadable folders, lone surrogates -------------------------------------------------------------------


def test_unreadable_subfolder_is_reported(tmp_path):
    news = tmp_path / "news"
    (news / "locked").mkdir(parents=True)
    (news / "a.txt").write_text(EN + "\n", encoding="utf-8")
    (news / "locked" / "b.txt").write_text(ID + "\n", encoding="utf-8")
    os.chmod(news / "locked", 0o000)
    # root reads every folder: read as nobody then (this process's effective ids; Python itself lives
    # under /root here, so a child process cannot be started as nobody)
    as_nobody = os.geteuid() == 0
    try:
        if as_nobody:
            os.chmod(tmp_path, 0o755)
            for p in tmp_path.parents:
                if str(p).startswith(tempfile.gettempdir() + "/"):
                    os.chmod(p, 0o755)
            os.setegid(65534)
            os.seteuid(65534)
        found = list(expand([news]))  # the folder walk (reading the files needs codecs nobody cannot load)
    finally:
        if as_nobody:
            os.seteuid(0)
            os.setegid(0)
        os.chmod(news / "locked", 0o755)
    problems = [x for x in found if isinstance(x, InputProblem)]
    assert [x for x in found if not isinstance(x, InputProblem)] == [news / "a.txt"]
    assert len(problems) == 1 and problems[0].fatal
    assert problems[0].source == str(news / "locked") and "cannot read folder (Permission denied)" in problems[0].message


def test_lone_surrogates_become_replacement_characters(tmp_path):
    src = tmp_path / "sur.jsonl"
    src.write_text(
        '{"id": "s1", "title": "Pact \\udc00 signed", "text": "Japan and the Philippines signed a defence pact in Manila '
        'on 8 March 2024 \\ud800 officials said."}\n'
        '{"id": "s2", "publisher": "\\udfff", "text": "Presiden Indonesia bertemu Perdana Menteri Malaysia di Jakarta pada 12 Maret '
        '2024 \\ud83d."}\n',
        encoding="utf-8",
    )
    docs = [d for d in iter_inputs([src]) if isinstance(d, Document)]
    assert [d.id for d in docs] == ["s1", "s2"] and docs[1].publisher == "\ufffd"
    assert "2024 \ufffd officials" in docs[0].text and docs[0].title == "Pact \ufffd signed"
    for cmd in (["build", src, "-o", tmp_path / "out"], ["add", src, "--store", tmp_path / "store"]):
        proc = run(*cmd)
        assert proc.returncode == 0, proc.stderr
        assert "please report" not in proc.stderr and "Traceback" not in proc.stderr
    assert any("\ufffd" in r["sentence"] for r in events(tmp_path / "out"))


# -- 13: language identification ------------------------------------------------------------------------------


def _one_liners(lang: str, n: int) -> list[str]:
    sys.path.insert(0, str(REPO / "bench"))
    from langid_oneliners import one_liners

    return one_liners(lang, n, seed=11)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_one_line_texts_are_never_skipped_and_get_their_language(lang):
    texts = _one_liners(lang, 1500)
    guesses = [identify_language(t) for t in texts]
    assert [t for t, g in zip(texts, guesses) if g.lang != lang] == []


def test_clearly_other_languages_are_named_and_short_texts_are_kept(caplog):
    sys.path.insert(0, str(REPO / "bench"))
    from langid_oneliners import OTHER

    for lang, texts in OTHER.items():
        for t in texts:
            g = identify_language(t)
            assert g.lang is None and g.top == lang, (t, g)
    with pytest.raises(Exception, match="detected language 'fr'.*--lang"):
        make_document("fr", OTHER["fr"][0], source="t")
    # a short text is never skipped for a near-miss: it goes to the likeliest language kg knows, with a log line
    with caplog.at_level(logging.INFO, logger="kg.io.ingest"):
        doc = make_document("short", "Merci beaucoup, Grenoble!", source="short.txt")
    assert doc.lang in ("en", "id")
    assert any("short.txt" in r.getMessage() and "read as" in r.getMessage() for r in caplog.records)


def test_stdin_gzip_jsonl_is_streamed():
    lines = "".join(json.dumps({"id": f"g{i}", "text": EN}) + "\n" for i in range(3)).encode()
    out = list(read_stdin(io.BufferedReader(io.BytesIO(gzip.compress(lines))), lang="en"))
    assert [d.id for d in out] == ["g0", "g1", "g2"]
