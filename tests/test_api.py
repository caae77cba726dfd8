"""The Python API: build from files, workers give the same graph, problems are values."""

from __future__ import annotations

import kg
from kg.outputs import table


def test_workers_give_the_same_result(samples_build):
    result, _out = samples_build
    parallel = kg.build([kg.sample_path()], workers=2)
    assert table.to_csv(parallel.graph) == table.to_csv(result.graph)
    assert parallel.documents == result.documents == 4


def test_samples_have_events_in_both_languages(samples_build):
    result, _out = samples_build
    langs = {d["lang"] for d in result.graph.graph["documents"].values()}
    assert langs == {"en", "id"}
    rows = table.rows(result.graph)
    assert {r["doc_lang"] for r in rows} == {"en", "id"}
    assert len({r["event_id"] for r in rows}) >= 15


def test_problems_do_not_stop_a_build(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    seen = []
    result = kg.build([tmp_path / "empty.txt", kg.sample_path("id-kunjungan.txt")], on_problem=seen.append)
    assert result.documents == 1 and len(result.failed) == 1 and seen == result.problems
