"""The foundation's bar on the seed article: the required events, with dates and place, and no junk."""

from __future__ import annotations

import csv
import json
import pytest

from kg.evaluate import evaluate_dir

HEADER = ("event_id,doc_id,date,date_precision,event_code,event_root,event_label,quad_class,goldstein,source_code,"
          "source_name,target_code,target_name,place,sentence,char_start,char_end")  # fmt: skip

REQUIRED = [  # (source, target, roots, date, place)
    ("RUS", "IRN", {"04"}, "2024-04-16", None),
    ("ISR", "IRN", {"18", "19"}, "2024-04-01", "Damascus"),
    ("IRN", "ISR", {"19"}, "2024-04-13", None),
    ("IRN", "RUS", {"05"}, "2024-04-16", None),
    ("RUS", "UKR", {"19"}, "2022", None),
    ("IRN", "RUS", {"07"}, None, None),
]


def _rows(out):
    with open(out / "events.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_header(seed_build):
    _result, out = seed_build
    first = (out / "events.csv").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(HEADER)


def test_required_events(seed_build):
    _result, out = seed_build
    rows = _rows(out)
    for src, tgt, roots, when, place in REQUIRED:
        hits = [r for r in rows if r["source_code"] == src and r["target_code"] == tgt and r["event_root"] in roots]
        assert hits, (src, tgt, roots)
        if when:
            assert any(r["date"] == when for r in hits), (src, tgt, [r["date"] for r in hits])
        if place:
            assert any(r["place"] == place for r in hits), (src, tgt, [r["place"] for r in hits])


def test_rows_point_into_the_document(seed_build):
    result, out = seed_build
    rows = _rows(out)
    assert rows and all(r["doc_id"] == "000_653a597a7deef6e6" for r in rows)
    from kg.io.inputs import iter_documents
    from .conftest import SEED

    text = next(iter_documents([SEED])).text
    for r in rows:
        start, end = int(r["char_start"]), int(r["char_end"])
        assert text[start:end] == r["mention"]
        assert r["mention"] in r["sentence"]
        assert r["date_precision"] in ("day", "month", "year")


def test_nothing_from_the_junk_lines(seed_build):
    _result, out = seed_build
    for r in _rows(out):
        for junk in ("Porn", "TERBARU", "POPULER", "REPLY", "comment", "HomeNews"):
            assert junk not in r["sentence"]


def test_evaluate_seed(shared_corpus):
    report = evaluate_dir(shared_corpus / "seed")
    root = report["scores"]["all"]["root"]
    assert root["recall"] == 1.0
    assert root["precision"] >= 0.95  # 1.0 (6 of 6) with syntax on, 2026-12-03
    assert report["scores"]["all"]["date_accuracy"] >= 0.95  # 1.0


def test_ids_are_deterministic(shared_corpus, tmp_path):
    import kg
    from .conftest import SEED

    a, b = tmp_path / "a", tmp_path / "b"
    kg.build([SEED]).write(a)
    kg.build([SEED]).write(b)
    assert (a / "events.csv").read_bytes() == (b / "events.csv").read_bytes()
    assert (a / "graph.ttl").read_bytes() == (b / "graph.ttl").read_bytes()


def test_evaluate_cli_json(shared_corpus):
    from click.testing import CliRunner
    from kg.cli import main

    res = CliRunner().invoke(main, ["evaluate", str(shared_corpus / "seed"), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert set(data["scores"]["all"]) >= {"root", "quad", "dyad", "date_accuracy"}


def test_evaluate_dev_meets_the_event_bars(shared_corpus):
    """The events issue's bars on the dev articles, per language: strict F1 >= 0.60, precision >= 0.75,
    date accuracy >= 0.90 on matched events (measured 2026-11-26: en F1 0.70 P 0.88 dates 1.00; id F1 0.80 P 1.00 dates 1.00)."""
    if not (shared_corpus / "dev").is_dir():
        pytest.skip("no dev corpus")
    report = evaluate_dir(shared_corpus / "dev")
    for lang in ("en", "id"):
        scores = report["scores"][lang]
        assert scores["root"]["f1"] >= 0.60, (lang, scores["root"])
        assert scores["root"]["precision"] >= 0.75, (lang, scores["root"])
        assert scores["date_accuracy"] >= 0.90, (lang, scores["date_accuracy"])
