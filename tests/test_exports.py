"""GraphML, GEXF, Parquet and node-link exports load back with every attribute; timeline charts are written."""

from __future__ import annotations

import json

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner

from kg.outputs import exports
from kg.analytics.example import example_graph
from kg.cli import main


def _same_attributes(H, S):
    """Every node and edge attribute of S (the scalar graph) is in H with the same value and type."""
    assert sorted(H, key=str) == sorted(S, key=str)
    assert sorted(H.edges(keys=True)) == sorted(S.edges(keys=True))
    for n, d in S.nodes(data=True):
        for k, v in d.items():
            got = H.nodes[n].get(k)
            assert got == v and type(got) is type(v), (n, k, v, got)
    for u, v, key, d in S.edges(keys=True, data=True):
        for k, x in d.items():
            got = H.edges[u, v, key].get(k)
            assert got == x and type(got) is type(x), (key, k, x, got)


@pytest.fixture(params=["example", "samples"])
def graph(request):
    if request.param == "example":
        return example_graph()
    return request.getfixturevalue("samples_build")[0].graph


def test_scalar_graph_has_only_scalars(graph):
    S = exports.scalar_graph(graph, dynamic=True)
    values = [v for _n, d in S.nodes(data=True) for v in d.values()] + [v for *_e, d in S.edges(keys=True, data=True) for v in d.values()]
    assert values and all(isinstance(v, (str, int, float, bool)) for v in values)


def test_graphml_loads_back_with_all_attributes(graph, tmp_path):
    path = exports.write_graphml(graph, tmp_path / "g.graphml")
    H = nx.read_graphml(path)
    assert isinstance(H, nx.MultiDiGraph)
    _same_attributes(H, exports.scalar_graph(graph))
    assert json.loads(H.graph["documents"]) == graph.graph["documents"]


def test_gexf_loads_back_with_all_attributes_and_time_intervals(graph, tmp_path):
    path = exports.write_gexf(graph, tmp_path / "g.gexf")
    text = path.read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    H = nx.read_gexf(path)
    _same_attributes(H, exports.scalar_graph(graph, dynamic=True))
    for u, v, d in H.edges(data=True):
        if "event_code" in d and d.get("date"):
            n = len(d["date"])  # 2024-03-14, 2024-03 or 2024: the interval lies inside it
            assert d["start"][:n] == d["date"] and d["end"][:n] == d["date"] and d["start"] <= d["end"]


def test_gexf_intervals_on_the_example():
    S = exports.scalar_graph(example_graph(), dynamic=True)
    assert (S.edges["usa", "qat", "e10#0"]["start"], S.edges["usa", "qat", "e10#0"]["end"]) == ("2024-03-01", "2024-03-31")
    assert (S.edges["rus", "irn", "e2#0"]["start"], S.edges["rus", "irn", "e2#0"]["end"]) == ("2024-02-05", "2024-02-05")
    # an actor spans its first to its last event: irn from e12 (1 Feb) to e7 (15 Apr)
    assert (S.nodes["irn"]["start"], S.nodes["irn"]["end"]) == ("2024-02-01", "2024-04-15")
    assert "start" not in S.nodes["place:doha"] and "start" not in S.edges["qat", "place:doha", "e8@place"]
    assert S.nodes["rus"]["aliases"] == "Rusia; Russian Federation" and S.nodes["rus"]["label"] == "Russia"


def test_event_frame_and_parquet(graph, tmp_path):
    df = exports.event_frame(graph)
    n_edges = sum(1 for *_e, d in graph.edges(data=True) if "event_code" in d)
    assert len(df) == n_edges
    assert str(df["quad_class"].dtype) == "Int64" and str(df["goldstein"].dtype) == "float64"
    assert str(df["date_start"].dtype) == "datetime64[us]" and df["symmetric"].dtype == bool
    path = exports.write_parquet(graph, tmp_path / "events.parquet")
    back = pd.read_parquet(path)
    pd.testing.assert_frame_equal(back, df)


def test_event_frame_numbers_on_the_example():
    df = exports.event_frame(example_graph())
    assert len(df) == 14 and df["event_id"].nunique() == 13
    assert df.groupby("doc_lang").size().to_dict() == {"en": 9, "id": 5}
    row = df.set_index("event_id").loc["e10"]
    assert (str(row["date_start"].date()), str(row["date_end"].date()), row["goldstein"]) == ("2024-03-01", "2024-03-31", 3.0)


def test_node_link_json_round_trip(graph, tmp_path):
    path = exports.write_node_link(graph, tmp_path / "g.json")
    H = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
    assert dict(H.nodes(data=True)) == dict(graph.nodes(data=True))
    assert sorted(H.edges(keys=True, data=True), key=lambda e: e[2]) == sorted(graph.edges(keys=True, data=True), key=lambda e: e[2])
    assert H.graph["documents"] == graph.graph["documents"]


def test_write_by_suffix(tmp_path):
    with pytest.raises(ValueError, match="unknown export"):
        exports.write(example_graph(), tmp_path / "g.xlsx")


def test_cli_convert(samples_build, tmp_path):
    _result, out = samples_build
    res = CliRunner().invoke(main, ["convert", str(out / "graph.ttl"), "-o", str(tmp_path)])
    assert res.exit_code == 0, res.output
    for name in ("graph.graphml", "graph.gexf", "events.parquet", "graph.json"):
        assert (tmp_path / name).stat().st_size > 1000
    import kg

    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "events.parquet"), kg.load(out / "graph.ttl").events)


def test_timeline_files(tmp_path):
    from kg.analytics.timelines import timeline

    rows = timeline(example_graph(), "irn")
    written = exports.write_timeline(rows, tmp_path, "irn", title="Iran", unit="month")
    png = written["png"].read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert written["svg"].read_text(encoding="utf-8").lstrip().startswith("<?xml") and "trend -24.7 per month" in written["svg"].read_text()
    lines = written["csv"].read_text(encoding="utf-8").splitlines()
    assert lines == ["period,start,events,goldstein,q1,q2,q3,q4", "2024-02,2024-02-01,3,21.4,1,2,0,0",
                     "2024-03,2024-03-01,1,7.4,0,1,0,0", "2024-04,2024-04-01,3,-28.0,0,0,0,3"]  # fmt: skip
    again = exports.write_timeline(rows, tmp_path / "again", "irn", title="Iran", unit="month")
    assert again["svg"].read_bytes() == written["svg"].read_bytes()  # reproducible
