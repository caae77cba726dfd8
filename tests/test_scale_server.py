"""The graph in a standalone SPARQL server (issue #17): ``kg export --format nq --parts N``, bulk-loaded by
the ``oxigraph`` command line and served on 127.0.0.1, answers every ``data/queries/*.rq`` as ``kg query``
does over the same store."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from kg.query.sparql import run_query
from kg.scale import server
from kg.scale.parts import write_parts

REPO = Path(__file__).resolve().parents[1]
QUERIES = sorted((REPO / "data" / "queries").glob("*.rq"))


def kg_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=REPO, timeout=600)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("store") / "kgstore"
    run = kg_cli("add", str(REPO / "data" / "samples"), "--store", str(path))
    assert run.returncode == 0, run.stderr
    return path


def rows(answer: dict) -> Counter:
    return Counter(json.dumps(b, sort_keys=True) for b in answer["results"]["bindings"])


def test_nq_parts_load_into_oxigraph_server_and_answer_as_kg_query(store, tmp_path):
    try:
        server.oxigraph_command()
    except server.ServerError:
        pytest.skip("the oxigraph command line is not installed (pip install oxigraph)")
    out = tmp_path / "out"
    run = kg_cli("export", "--store", str(store), "-o", str(out), "--format", "nq", "--parts", "3")
    assert run.returncode == 0, run.stderr
    parts = sorted((out / "graph.nq.parts").glob("*.nq"))
    assert [p.name for p in parts] == ["part-00000.nq", "part-00001.nq", "part-00002.nq"]
    lines = [line for p in parts for line in p.read_text(encoding="utf-8").splitlines()]
    assert lines and all(line.endswith(" .") for line in lines) and not any("_:" in line for line in lines)
    server.load(tmp_path / "db", parts)
    with server.serve(tmp_path / "db") as endpoint:
        assert endpoint.startswith("http://127.0.0.1:")
        for q in QUERIES:
            text = q.read_text(encoding="utf-8")
            served = server.query(endpoint, text)
            local = json.loads(run_query(store, text, fmt="json"))
            assert served["head"] == local["head"], q.name
            assert rows(served) == rows(local), q.name
            assert sum(rows(local).values()) > 0, q.name  # each query has answers on the samples
        everything = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"  # every triple of every graph, loaded whole
        assert rows(server.query(endpoint, everything)) == rows(json.loads(run_query(store, everything, fmt="json")))


def test_parts_are_balanced_and_replace_the_previous_ones(tmp_path):
    import kg

    G = kg.build([kg.sample_path()]).graph
    paths = write_parts(G, tmp_path / "p", 4)
    sizes = [p.stat().st_size for p in paths]
    assert len(paths) == 4 and min(sizes) > 0 and max(sizes) < 3 * min(sizes)
    write_parts(G, tmp_path / "p", 2)
    assert sorted(p.name for p in (tmp_path / "p").iterdir()) == ["part-00000.nq", "part-00001.nq"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    run = kg_cli("export", "--store", str(tmp_path / "nostore"), "-o", str(tmp_path / "x"), "--parts", "2")
    assert run.returncode == 2 and "--parts needs --format nq" in run.stderr
