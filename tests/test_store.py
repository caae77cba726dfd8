"""The persistent store (kg.store, kg add/export/explain): idempotent adds, order independence, RDF of the
merged graph, the hooks for `kg query`/`kg view`."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg.cli import main
from kg.io.inputs import iter_inputs
from kg.outputs.rdf.write import to_rdf
from kg.store.store import Store
from kg.errors import StoreError
from kg.store.outputs import graph_from_store, rdf_file

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from corpus_gen import generate  # noqa: E402


@pytest.fixture(scope="module")
def corpus100(tmp_path_factory) -> Path:
    """About 100 synthetic articles (bench/corpus_gen.py templates), in gzip'd JSONL."""
    out = tmp_path_factory.mktemp("corpus100")
    generate(out, 20_000, seed=11)
    n = sum(1 for _ in iter_inputs([out]))
    assert 80 <= n <= 140
    return out


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _triples(store_dir) -> set:
    return set(to_rdf(graph_from_store(store_dir)))


def test_adding_the_same_documents_twice_changes_nothing(tmp_path, corpus100):
    st = tmp_path / "st"
    with Store(st) as store:
        first = store.add(iter_inputs([corpus100]))
    assert first.added >= 80 and first.duplicates == 0 and not first.problems
    before_bytes, before_dump = _sha(st / "kg.sqlite"), None
    with Store(st) as store:
        before_dump = list(store.db.iterdump())
    triples = _triples(st)
    assert len(triples) > 1000
    with Store(st) as store:
        second = store.add(iter_inputs([corpus100]))
        assert list(store.db.iterdump()) == before_dump
        assert store.check() == []
    assert second.added == 0 and second.duplicates == first.added
    assert _sha(st / "kg.sqlite") == before_bytes  # byte for byte
    assert _triples(st) == triples  # triple for triple


def test_order_of_adding_does_not_change_the_graph(tmp_path, corpus100):
    docs = [d for d in iter_inputs([corpus100]) if not isinstance(d, kg.io.ingest.InputProblem)][:40]
    with Store(tmp_path / "a") as a:
        a.add(docs)
    with Store(tmp_path / "b", commit_every=3) as b:
        b.add(list(reversed(docs[20:])))
        b.add(list(reversed(docs[:20])))
    assert _triples(tmp_path / "a") == _triples(tmp_path / "b")


def test_single_document_store_matches_kg_build(tmp_path):
    sample = kg.sample_path("en-maritime.txt")
    with Store(tmp_path / "st") as store:
        store.add(iter_inputs([sample]))
    built = kg.build([sample]).graph
    stored = graph_from_store(tmp_path / "st")
    e = next(d for _u, _v, _k, d in stored.edges(keys=True, data=True) if "event_code" in d)
    assert e["mentions"] >= 1 and isinstance(e["merged_from"], list)  # merge attributes are there ...
    # ... and the RDF export is kg build's, plus at most the per-mention event ids of merge provenance
    extra = set(to_rdf(stored)) - set(to_rdf(built))
    assert set(to_rdf(built)) <= set(to_rdf(stored))
    assert {str(p).rsplit("#", 1)[-1] for _s, p, _o in extra} <= {"eventId"}


def test_id_clash_and_duplicate_text(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "news.txt").write_text("Russia criticised Iran on 3 May 2024 over its nuclear programme.\n")
    (tmp_path / "b" / "news.txt").write_text("Russia and Iran signed a trade agreement in Moscow on 3 May 2024.\n")
    (tmp_path / "copy.txt").write_text("Russia criticised Iran on 3 May 2024 over its nuclear programme.\n")
    with Store(tmp_path / "st") as store:
        res = store.add(iter_inputs([tmp_path / "a", tmp_path / "b", tmp_path / "copy.txt"]))
        ids = [d["id"] for d in store.documents()]
    assert res.added == 2 and res.renamed == 1 and res.duplicates == 1
    assert ids[0] == "news" and ids[1].startswith("news~")


def test_rdf_file_is_cached_and_queryable(tmp_path, corpus100):
    from kg.query.sparql import run_query

    st = tmp_path / "st"
    with Store(st) as store:
        store.add(list(iter_inputs([corpus100]))[:15])
    path = rdf_file(st)
    assert path.suffix == ".nt" and rdf_file(st) == path
    out = run_query(path, "SELECT (COUNT(?e) AS ?n) WHERE { ?e a kg:Event }", fmt="csv")
    assert int(out.split()[-1]) == sum(1 for _ in graph_from_store(st).graph["merges"])
    with Store(st) as store:
        store.add(list(iter_inputs([corpus100]))[15:20])
    assert rdf_file(st) != path and not path.exists()


def test_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no kg store"):
        Store(tmp_path / "nothing", create=False)
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "kg.sqlite").write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError):
        Store(tmp_path / "bad")


def test_cli_add_export_explain(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "r1", "body": "Israeli forces struck Hamas positions in Gaza on 3 May 2024.", "when": "2024-05-03", "lang": "en", "site": "A"},
        {"id": "r2", "body": "Militer Israel menggempur Hamas di Jalur Gaza pada 3 Mei 2024.", "when": "2024-05-03", "lang": "id", "site": "B"},
        {"id": "r3", "text": "no body field here"},
    ]), encoding="utf-8")  # fmt: skip
    runner = CliRunner()
    st = str(tmp_path / "st")
    r = runner.invoke(main, ["add", str(src), "--store", st, "--fields", "text=body,date=when,publisher=site"])
    assert r.exit_code == 1, r.output  # one bad line
    assert "added 2 document(s)" in r.output and "in.jsonl:3" in r.output
    r = runner.invoke(main, ["add", str(src), "--store", st, "--fields", "text=body,date=when,publisher=site"])
    assert "added 0 document(s)" in r.output and "2 already in the store" in r.output
    out = tmp_path / "out"
    r = runner.invoke(main, ["export", "--store", st, "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert {p.name for p in out.iterdir()} >= {"graph.ttl", "events.csv", "graph.html"}
    assert "1 events from 2 mentions" in r.output
    eid = next(iter(graph_from_store(st).graph["merges"]))
    r = runner.invoke(main, ["explain", eid, "--store", st])
    assert r.exit_code == 0 and "2 mention(s) in 2 article(s) from 2 source(s)" in r.output and "why: merged with" in r.output
    r = runner.invoke(main, ["explain", eid, "--store", st, "--json"])
    assert json.loads(r.output)["mentions"] == 2
    r = runner.invoke(main, ["explain", "ev_nope", "--store", st])
    assert r.exit_code == 1
    r = runner.invoke(main, ["export", "--store", str(tmp_path / "none"), "-o", str(out)])
    assert r.exit_code == 2 and "no kg store" in r.output


@pytest.mark.parametrize("name", ["add", "export", "explain"])
def test_help_has_examples(name):
    r = CliRunner().invoke(main, [name, "--help"])
    assert r.exit_code == 0 and "Example" in r.output and f"kg {name}" in r.output


def test_progress_is_quiet_in_pipes_and_ci(monkeypatch):
    from kg.cli.store import show_progress

    assert show_progress(None) is False  # pytest's stderr is not a terminal
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("CI", "true")
    assert show_progress(None) is False
    monkeypatch.delenv("CI")
    assert show_progress(None) is True and show_progress(False) is False


def test_parallel_add_gives_the_same_store_content(tmp_path):
    """--workers extracts in forked processes; what is stored (and exported) does not change."""
    import kg
    from kg.outputs import table
    from kg.io.inputs import iter_inputs
    from kg.store.store import Store
    from kg.store.outputs import graph_from_store

    outs = []
    for workers in (1, 2):
        folder = tmp_path / f"s{workers}"
        with Store(folder) as store:
            store.add(iter_inputs([kg.sample_path()]), workers=workers)
        outs.append(table.to_csv(graph_from_store(folder)))
    assert outs[0] == outs[1] and outs[0].count("\n") > 10
