"""Issue #14, outputs and first use: what kg writes and prints stays valid and safe whatever the input holds.

- ids that are not IRI-safe (space, braces, quotes, ``>``, control characters) still give valid RDF, also
  from a store that already holds them, and come back unchanged;
- a line break inside a field never splits a CSV row (RFC 4180), in events.csv and ``kg query --format csv``;
- text cells a spreadsheet would run as a formula are neutralised, codes and numbers are not;
- output files follow the umask (and keep a replaced file's mode);
- no command overwrites one of its own inputs;
- terminal escapes from article text are shown, not sent to the terminal;
- every command that reads a graph accepts an export, a build folder and a store (``kg.open``);
- ``kg.read_events`` keeps codes such as ``040`` as text;
- trafilatura that cannot be imported is reported once, not silently replaced.

Commands run as real subprocesses (``python -m kg.cli``) or through click's runner, on texts written here
in English and Indonesian.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg.outputs import rdf
from kg.query import from_rdf
from kg.cli import main
from kg.outputs.table import TEXT_COLUMNS
from kg.util import FORMULA_STARTS, csv_safe, csv_unsafe, iri_escape, iri_unescape

REPO = Path(__file__).resolve().parents[1]

EN = ("Indonesia condemned Israel on Monday over the strike on a hospital in Gaza. "
      "Japan and the Philippines signed a defence pact in Manila on Tuesday.")  # fmt: skip
ID = ("Menteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Mesir di Kairo pada hari Rabu. "
      "Tiongkok mengecam Filipina atas latihan militer di Laut China Selatan.")  # fmt: skip

# ids no IRI may hold as they are: space, braces, quotes, angle brackets, control characters, '%', '#', '?'
BAD_IDS = ['news 1 {a} "b" <c>\x07', "berita\t2|^`\\#?%41\x1b[31m"]


def kg_run(*args, cwd=None, umask: int | None = None, check=False, **kw) -> subprocess.CompletedProcess:
    """Run the real ``kg`` command line in a subprocess."""

    def pre():
        if umask is not None:
            os.umask(umask)

    res = subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], cwd=cwd, capture_output=True,
                         preexec_fn=pre, timeout=300, **kw)  # fmt: skip
    # decoded by hand: text mode would turn a CR into a newline and hide what kg really printed
    res.stdout, res.stderr = res.stdout.decode("utf-8"), res.stderr.decode("utf-8")
    if check:
        assert res.returncode == 0, (args, res.stdout, res.stderr)
    return res


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def records(ids=BAD_IDS, **extra) -> list[dict]:
    return [{"id": ids[0], "text": EN, "lang": "en", "date": "2024-05-08", **extra.get("en", {})},
            {"id": ids[1], "text": ID, "lang": "id", "date": "2024-05-08", **extra.get("id", {})}]  # fmt: skip


def event_edges(G):
    return [(u, v, d) for u, v, d in G.edges(data=True) if "event_code" in d]


# -- 1: ids that are not IRI-safe ---------------------------------------------------------------------------


def test_iri_escape_is_exactly_reversible():
    for ident in BAD_IDS + ["plain_id", "ev_00ff", "100%", "%41", "a/b:c", "Jakarta Pusat", "😀 x", "\ud800lone"]:
        escaped = iri_escape(ident)
        assert iri_unescape(escaped) == ident
        assert not any(ch in escaped for ch in ' <>"{}|\\^`#?') and all(ord(ch) > 0x9F or 0x20 < ord(ch) < 0x7F for ch in escaped)
    assert iri_escape("ev_12ab") == "ev_12ab"  # ordinary ids keep their IRIs


@pytest.mark.parametrize("fmt", ["graph.ttl", "graph.nt", "graph.nq", "graph.trig", "graph.jsonld"])
def test_build_with_unsafe_doc_ids_writes_valid_rdf_and_gives_the_ids_back(tmp_path, fmt):
    src = write_jsonl(tmp_path / "news.jsonl", records())
    res = kg_run("build", src, "-o", tmp_path / "out", "--formats", f"{fmt},events.csv")
    assert res.returncode == 0, res.stderr
    G = kg.load_graph(tmp_path / "out" / fmt)
    assert sorted(G.graph["documents"]) == sorted(BAD_IDS)
    assert {d["doc_id"] for _u, _v, d in event_edges(G)} == set(BAD_IDS)
    if fmt == "graph.ttl":
        conforms, report = rdf.validate(tmp_path / "out" / fmt)
        assert conforms, report


@pytest.mark.parametrize("value,qid", [("Q9 >{9}\"", ""), ("https://www.wikidata.org/wiki/Q42", "Q42"), (" Q7\n", "Q7")])
def test_wikidata_values_of_a_lexicon(tmp_path, value, qid):
    """A lexicon's wikidata value that is no Wikidata item is reported and left out (the SHACL contract
    allows only items in owl:sameAs); an item's URL or an id with spaces around it gives the item."""
    lex = tmp_path / "lex.jsonl"
    write_jsonl(lex, [{"id": "zogalia", "kind": "state", "name": "Zogalia", "code": "ZGL", "country": "ZGL",
                       "wikidata": value, "names": {"*": ["Zogalia"]}}])  # fmt: skip
    (tmp_path / "en.txt").write_text("Zogalia condemned Israel on Monday over the raid.\n", encoding="utf-8")
    (tmp_path / "id.txt").write_text("Zogalia mengecam Israel pada hari Senin atas serangan itu.\n", encoding="utf-8")
    res = kg_run("build", tmp_path / "en.txt", tmp_path / "id.txt", "--lexicon", lex, "--date", "2024-05-08", "-o", tmp_path / "out",
                 check=True)  # fmt: skip
    assert ("not a Wikidata item id" in res.stderr) == (not qid), res.stderr
    G = kg.load_graph(tmp_path / "out" / "graph.ttl")
    assert G.nodes["zogalia"]["wikidata"] == qid
    assert {d["source_code"] for _u, _v, d in event_edges(G)} == {"ZGL"}
    conforms, report = rdf.validate(tmp_path / "out" / "graph.ttl")
    assert conforms, report


def test_store_holding_unsafe_ids_exports_and_answers_queries(tmp_path):
    """A store keeps the ids as they came (a store made before the fix holds the same rows): export and
    query escape them when they mint IRIs, so such a store is readable again."""
    store = tmp_path / "store"
    kg_run("add", write_jsonl(tmp_path / "news.jsonl", records()), "--store", store, check=True)
    with sqlite3.connect(store / "kg.sqlite") as db:  # the raw ids are what the store holds
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        held = {row for t in tables for row in db.execute(f"SELECT * FROM {t}") for row in row if row in BAD_IDS}  # noqa: S608
    assert held == set(BAD_IDS)
    kg_run("export", "--store", store, "-o", tmp_path / "out", check=True)
    G = kg.load_graph(tmp_path / "out" / "graph.ttl")
    assert sorted(G.graph["documents"]) == sorted(BAD_IDS)
    res = kg_run("query", store, "SELECT ?id WHERE { ?d a kg:Document ; dcterms:identifier ?id } ORDER BY ?id", "--format", "json")
    assert res.returncode == 0, res.stderr
    assert sorted(b["id"]["value"] for b in json.loads(res.stdout)["results"]["bindings"]) == sorted(BAD_IDS)
    H = kg.open(store).graph
    assert sorted(H.graph["documents"]) == sorted(BAD_IDS)


# -- 6 and 7: CSV rows and spreadsheet formulas ----------------------------------------------------------------


HOSTILE = {
    "en": {"url": "https://example.org/a\rb", "title": "=HYPERLINK(\"http://evil.example\",\"click\")\r\nsecond line"},
    "id": {"url": "https://example.org/c\nd", "title": "@SUM(1+1)*cmd|' /C calc'!A0"},
}


def test_events_csv_is_rfc4180_and_spreadsheet_safe(tmp_path):
    src = write_jsonl(tmp_path / "news.jsonl", records(ids=["+62 news", "-berita"], **HOSTILE))
    kg_run("build", src, "-o", tmp_path / "out", check=True)
    G = kg.load_graph(tmp_path / "out" / "graph.ttl")
    n_rows = len(event_edges(G))
    raw = (tmp_path / "out" / "events.csv").read_bytes()
    assert b"\r\n" in raw and raw.count(b"\r\n") >= n_rows + 1
    with open(tmp_path / "out" / "events.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == n_rows  # no row split by the CR/LF inside a URL or title
    import pandas as pd

    assert len(pd.read_csv(tmp_path / "out" / "events.csv", dtype=str, keep_default_na=False)) == n_rows
    urls = {r["doc_id"]: r["doc_url"] for r in rows}
    assert urls == {"'+62 news": "https://example.org/a\rb", "'-berita": "https://example.org/c\nd"}
    for r in rows:
        for col in TEXT_COLUMNS:  # no text cell a spreadsheet would run
            assert not r[col].startswith(FORMULA_STARTS), (col, r[col])
        assert r["doc_title"].startswith(("'=HYPERLINK", "'@SUM"))
        assert r["goldstein"] == str(float(r["goldstein"]))  # numbers, negative ones too, as they are
        assert r["event_code"].isdigit() and len(r["event_code"]) == 3
    assert any(r["goldstein"].startswith("-") for r in rows)
    # kg.read_events gives the original text back
    df = kg.read_events(tmp_path / "out" / "events.csv")
    assert set(df["doc_id"]) == {"+62 news", "-berita"}
    assert set(df["doc_title"]) == {HOSTILE["en"]["title"], HOSTILE["id"]["title"]}


def test_csv_safe_round_trip():
    for value in ["=1+2", "+62", "+62 812", "-x", "@a", "\tx", "\rx", "'=1", "''+x", "'plain", "plain", "-5.0", "+3", "-", "", "=", "'"]:
        assert csv_unsafe(csv_safe(value)) == value
        assert not csv_safe(value).startswith(FORMULA_STARTS) or value in ("-5.0", "+3", "+62")  # numbers stay numbers
    assert csv_safe("-5.0") == "-5.0" and csv_safe(-5.0) == -5.0


def test_query_csv_and_tsv_keep_rows_whole_and_neutralise_formulas(tmp_path):
    src = write_jsonl(tmp_path / "news.jsonl", records(ids=["a", "b"], **HOSTILE))
    kg_run("build", src, "-o", tmp_path / "out", check=True)
    q = "SELECT ?id ?title ?url WHERE { ?d a kg:Document ; dcterms:identifier ?id ; dcterms:title ?title ; schema:url ?url } ORDER BY ?id"
    for fmt, delim in (("csv", ","), ("tsv", "\t")):
        res = kg_run("query", tmp_path / "out", q, "--format", fmt)
        assert res.returncode == 0, res.stderr
        rows = list(csv.reader(io.StringIO(res.stdout, newline=""), delimiter=delim))
        assert rows[0] == ["id", "title", "url"] and len(rows) == 3
        assert [r[2] for r in rows[1:]] == ["https://example.org/a\rb", "https://example.org/c\nd"]
        assert [csv_unsafe(r[1]) for r in rows[1:]] == [HOSTILE["en"]["title"], HOSTILE["id"]["title"]]
        assert not any(c.startswith(FORMULA_STARTS) for r in rows for c in r)


# -- 8: file modes follow the umask ----------------------------------------------------------------------------


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


@pytest.mark.parametrize("umask,expected", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_outputs_follow_the_umask(tmp_path, umask, expected):
    src = tmp_path / "id.txt"
    src.write_text(ID, encoding="utf-8")
    out = tmp_path / "out"
    kg_run("build", src, "-o", out, "--date", "2024-05-08", "--formats", "graph.ttl,graph.nt,events.csv,graph.html", umask=umask, check=True)
    kg_run("view", out / "graph.ttl", "-o", tmp_path / "view.html", umask=umask, check=True)
    kg_run("convert", out / "graph.ttl", "-o", tmp_path / "conv", umask=umask, check=True)
    files = [*out.iterdir(), tmp_path / "view.html", *(tmp_path / "conv").iterdir()]
    assert len(files) >= 9
    assert {f.name: oct(_mode(f)) for f in files} == {f.name: oct(expected) for f in files}
    assert not [f for f in out.iterdir() if f.name.startswith(".")]  # no temporary file left


def test_a_replaced_output_keeps_its_mode(tmp_path):
    src = tmp_path / "en.txt"
    src.write_text(EN, encoding="utf-8")
    out = tmp_path / "out"
    kg_run("build", src, "-o", out, "--date", "2024-05-08", umask=0o022, check=True)
    os.chmod(out / "events.csv", 0o640)
    before = (out / "graph.ttl").stat().st_ino
    kg_run("build", src, "-o", out, "--date", "2024-05-08", umask=0o077, check=True)
    assert _mode(out / "events.csv") == 0o640 and _mode(out / "graph.ttl") == 0o644
    assert (out / "graph.ttl").stat().st_ino != before  # replaced atomically, not rewritten in place


# -- 9: no command overwrites its input -----------------------------------------------------------------------


def test_commands_refuse_to_overwrite_their_input(tmp_path):
    src = tmp_path / "id.txt"
    src.write_text(ID, encoding="utf-8")
    kg_run("build", src, "-o", tmp_path / "out", "--date", "2024-05-08", check=True)
    ttl = tmp_path / "out" / "graph.ttl"
    before = ttl.read_bytes()
    for args in (["view", ttl, "-o", ttl], ["view", ttl, "-o", tmp_path / "out" / ".." / "out" / "graph.ttl"]):
        res = kg_run(*args)
        assert res.returncode == 2 and "input" in res.stderr and "Traceback" not in res.stderr, res.stderr
        assert len(res.stderr.strip().splitlines()) == 1
    os.symlink(ttl, tmp_path / "link.ttl")
    assert kg_run("view", tmp_path / "link.ttl", "-o", ttl).returncode == 2
    assert ttl.read_bytes() == before
    # kg build: a page given as input is not replaced by the view written into the same folder
    page = tmp_path / "site" / "graph.html"
    page.parent.mkdir()
    page.write_text(f"<html><head><title>Berita</title></head><body><article><p>{ID}</p></article></body></html>", encoding="utf-8")
    page_bytes = page.read_bytes()
    res = kg_run("build", page, "-o", page.parent, "--date", "2024-05-08")
    assert res.returncode == 2 and "refusing to overwrite" in res.stderr
    assert page.read_bytes() == page_bytes and not (page.parent / "graph.ttl").exists()



def test_formats_names_files_inside_the_output_folder(tmp_path):
    """A bare suffix gets kg's usual name (no hidden '.csv' file); a path in --formats is refused in one
    line and nothing is written outside -o, in kg build, kg export and kg convert."""
    src = tmp_path / "id.txt"
    src.write_text(ID, encoding="utf-8")
    out = tmp_path / "out"
    kg_run("build", src, "-o", out, "--date", "2024-05-08", "--formats", ".csv, ttl", check=True)
    assert sorted(p.name for p in out.iterdir()) == ["events.csv", "graph.ttl", "merges.json"]
    kg_run("convert", out / "graph.ttl", "-o", tmp_path / "conv", "--formats", "parquet", check=True)
    assert (tmp_path / "conv" / "events.parquet").is_file() and not (tmp_path / "conv" / ".parquet").exists()
    for args in (["build", src, "-o", tmp_path / "b", "--date", "2024-05-08", "--formats", "graph.ttl,../escaped.csv"],
                 ["convert", out / "graph.ttl", "-o", tmp_path / "c", "--formats", str(tmp_path / "escaped.json")]):
        res = kg_run(*args)
        assert res.returncode == 2 and "not a file name" in res.stderr and "Traceback" not in res.stderr, res.stderr
        assert len(res.stderr.strip().splitlines()) == 1
    assert not list(tmp_path.glob("escaped*")) and not (tmp_path / "b").exists()

# -- 10: terminal escapes -----------------------------------------------------------------------------------------

ESCAPES = ("\x1b", "\x07", "\x9b", "\x9d", "\x08", "\r")
EVIL = "\x1b]0;owned\x07\x1b[2J\r\x9b31m\x08"


def _no_raw_controls(text: str) -> None:
    assert not any(ch in text for ch in ESCAPES), repr(text)


def test_query_table_and_explain_escape_control_characters(tmp_path):
    recs = records(ids=[f"en{EVIL}", f"id{EVIL}"], en={"title": f"Judul{EVIL}"}, id={"title": f"Title{EVIL}"})
    src = write_jsonl(tmp_path / "news.jsonl", recs)
    store = tmp_path / "store"
    kg_run("add", src, "--store", store, check=True)
    res = kg_run("query", store, "SELECT ?id ?t WHERE { ?d dcterms:identifier ?id ; dcterms:title ?t }")
    assert res.returncode == 0, res.stderr
    _no_raw_controls(res.stdout)
    assert "\\x1b]0;owned\\x07" in res.stdout and "(2 rows)" in res.stdout
    res = kg_run("query", store, "SELECT ?t WHERE { ?d dcterms:title ?t }", "--format", "json")
    _no_raw_controls(res.stdout)
    assert {b["t"]["value"] for b in json.loads(res.stdout)["results"]["bindings"]} == {f"Judul{EVIL}", f"Title{EVIL}"}
    G = kg.open(store).graph
    event_id = next(d["event_id"] for _u, _v, d in event_edges(G))
    res = kg_run("explain", event_id, "--store", store)
    assert res.returncode == 0, res.stderr
    _no_raw_controls(res.stdout)
    assert "\\x1b" in res.stdout
    res = kg_run("explain", event_id, "--store", store, "--json")
    _no_raw_controls(res.stdout)
    assert json.loads(res.stdout)["event_id"] == event_id


def test_file_names_with_escapes_in_messages(tmp_path):
    bad = tmp_path / f"empty{EVIL.replace(chr(0x9b), '').replace(chr(0x9d), '')}.txt"
    bad.write_bytes(b"")
    good = tmp_path / "id.txt"
    good.write_text(ID, encoding="utf-8")
    res = kg_run("build", tmp_path, "-o", tmp_path / "out", "--date", "2024-05-08")
    assert res.returncode == 1
    _no_raw_controls(res.stderr + res.stdout)
    assert "\\x1b]0;owned" in res.stderr
    res = kg_run("add", tmp_path, "--store", tmp_path / "store", "--date", "2024-05-08")
    assert res.returncode == 1
    _no_raw_controls(res.stderr + res.stdout)
    assert "\\x1b]0;owned" in res.stderr
    res = kg_run("actors", f"Presiden Indonesia{EVIL} Joko Widodo", "--lang", "id")
    _no_raw_controls(res.stdout)


def test_csv_on_a_terminal_is_escaped_but_not_in_a_pipe(tmp_path):
    src = write_jsonl(tmp_path / "news.jsonl", records(ids=["a", "b"], en={"title": f"T{EVIL}"}))
    kg_run("build", src, "-o", tmp_path / "out", check=True)
    q = "SELECT ?t WHERE { ?d dcterms:title ?t }"
    piped = kg_run("query", tmp_path / "out", q, "--format", "csv")
    assert "\x1b]0;owned" in piped.stdout  # data for a file keeps every character
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "query", str(tmp_path / "out"), q, "--format", "csv"],
                            stdout=follower, stderr=subprocess.PIPE)  # fmt: skip
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=120)
    os.close(leader)
    shown = b"".join(chunks).decode("utf-8")
    assert "T\\x1b]0;owned\\x07" in shown
    assert "\x1b" not in shown and "\x07" not in shown


# -- 16 and 17: one opener for every command; read_events -------------------------------------------------------


@pytest.fixture(scope="module")
def three_sources(tmp_path_factory):
    """The same two articles as a build folder, an export file and a store."""
    root = tmp_path_factory.mktemp("sources")
    src = write_jsonl(root / "news.jsonl", records(ids=["en-1", "id-1"]))
    kg_run("build", src, "-o", root / "build", check=True)
    kg_run("add", src, "--store", root / "store", check=True)
    return {"folder": root / "build", "export": root / "build" / "graph.ttl", "store": root / "store"}


COMMANDS = [
    ["stats", "{src}"],
    ["stats", "{src}", "--json"],
    ["neighbors", "{src}", "Indonesia"],
    ["path", "{src}", "Israel", "Mesir"],
    ["timeline", "{src}", "Filipina", "-o", "{tmp}/charts"],
    ["blocs", "{src}"],
    ["convert", "{src}", "-o", "{tmp}/conv"],
    ["view", "{src}", "-o", "{tmp}/view.html"],
    ["query", "{src}", "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a kg:Event }}", "--format", "csv"],
]


@pytest.mark.parametrize("kind", ["folder", "export", "store"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:1] + c[2:3]))
def test_every_graph_command_reads_every_kind_of_source(three_sources, tmp_path, kind, command):
    args = [a.format(src=three_sources[kind], tmp=tmp_path) for a in command]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, (args, res.output, res.exception)
    if command[0] == "stats" and "--json" in command:
        o = json.loads(res.output)
        assert (o["documents"], o["events"]) == (2, 4)  # graph.html is never read as an article
    if command[0] == "query":
        assert res.output.split() == ["n", "4"]


def test_kg_open_on_three_kinds_gives_the_same_events(three_sources):
    tables = {}
    for kind, src in three_sources.items():
        g = kg.open(src)
        tables[kind] = sorted(zip(g.events["doc_id"], g.events["event_code"], g.events["source_code"], g.events["target_code"]))
    assert tables["folder"] == tables["export"] == tables["store"]
    assert ("id-1", "040", "IDN", "EGY") in tables["store"]
    with pytest.raises(FileNotFoundError):
        kg.open(three_sources["folder"] / "missing.ttl")
    with pytest.raises(ValueError, match="no graph export"):
        kg.open(three_sources["folder"].parent)


def test_read_events_keeps_codes_as_text(three_sources):
    import pandas as pd

    path = three_sources["folder"] / "events.csv"
    naive = pd.read_csv(path)
    assert 40 in set(naive["event_code"])  # what the README used to suggest loses the leading zero
    df = kg.read_events(path)
    assert "040" in set(df["event_code"]) and set(df["event_root"]) >= {"04", "11"}
    assert str(df["quad_class"].dtype) == "Int64" and str(df["goldstein"].dtype) == "float64"
    built = kg.open(three_sources["folder"]).events
    assert sorted(df["event_code"]) == sorted(built["event_code"])
    assert sorted(df["sentence"]) == sorted(built["sentence"])


# -- 19: trafilatura -------------------------------------------------------------------------------------------


def test_trafilatura_and_its_cleaner_are_declared_and_importable():
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"trafilatura' in text and '"lxml_html_clean' in text
    import trafilatura  # noqa: F401 - it imports in kg's environment (its cleaner is installed)


def test_missing_trafilatura_is_reported_once(tmp_path):
    for i, body in enumerate((EN, ID)):
        (tmp_path / "pages" / f"p{i}.html").parent.mkdir(exist_ok=True)
        (tmp_path / "pages" / f"p{i}.html").write_text(f"<html><body><article><p>{body}</p></article></body></html>", encoding="utf-8")
    # lxml_html_clean made unimportable: trafilatura's own import then fails as it does without the package
    code = "import sys; sys.modules['lxml_html_clean'] = None; sys.argv[0] = 'kg'; from kg.cli import run; run()"
    res = subprocess.run([sys.executable, "-c", code, "add", str(tmp_path / "pages"), "--store", str(tmp_path / "store")],
                         capture_output=True, text=True, timeout=300)  # fmt: skip
    assert res.returncode == 0, res.stderr
    lines = [line for line in res.stderr.splitlines() if "trafilatura" in line]
    assert len(lines) == 1 and "cannot be imported" in lines[0], res.stderr
    assert "added 2 document(s)" in res.stdout
