"""kg build --engine dask honours --min-confidence and --syntax (issue #12): the same graph as the default
engine with a non-default threshold and with the parse off, and the options do change the result."""

from __future__ import annotations

import pytest

pytest.importorskip("distributed")

import kg  # noqa: E402
from kg.scale import engine, tasks  # noqa: E402
from kg.scale.cluster import connect  # noqa: E402

from tests.test_scale import DUPLICATES, same_graph  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with connect(workers=2, preload=lambda: tasks.extractor_for(preload=True)) as c:
        yield c


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    import json

    path = tmp_path_factory.mktemp("articles") / "articles.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for doc_id, day, lang, _publisher, title, body in DUPLICATES:
            fh.write(json.dumps({"id": doc_id, "date": day, "lang": lang, "text": f"{title}\n\n{body}"}) + "\n")
        # one article the parse reads differently from the window rules (a condemnation, a reported act)
        fh.write(json.dumps({"id": "extra", "date": "2024-03-02", "lang": "en", "text": (
            "Egypt condemned the Israeli strike on Rafah on Friday. Qatar said Israel had attacked a convoy "
            "near Gaza City, and Jordan accused Israel of blocking aid.")}) + "\n")  # fmt: skip
    return path


def _edges(G) -> list:
    return sorted((u, v, d.get("cameo_root") or d.get("root"), round(float(d.get("confidence", 0)), 6)) for u, v, d in G.edges(data=True))


@pytest.mark.parametrize("options", [{"min_confidence": 0.9}, {"min_confidence": 0.0}, {"syntax": "off", "min_confidence": 0.0}],
                         ids=["min-0.9", "min-0", "syntax-off"])  # fmt: skip
def test_dask_gives_the_local_graph_with_the_same_options(client, articles, options):
    local = kg.build([articles], **options)
    dask = engine.build([articles], client=client, partition_words=20, buckets=2, **options)  # an article a partition
    same_graph(dask.graph, local.graph)
    same_graph(dask.unmerged, local.unmerged)


def test_the_options_change_the_result(articles):
    everything = kg.build([articles], min_confidence=0.0)
    confident = kg.build([articles], min_confidence=0.9)
    # the threshold leaves merged events out of the graph; result.unmerged keeps every report
    assert 0 < confident.graph.number_of_edges() < everything.graph.number_of_edges()
    assert confident.unmerged.number_of_edges() == everything.unmerged.number_of_edges()
    window_only = kg.build([articles], syntax="off", min_confidence=0.0)
    assert _edges(window_only.unmerged) != _edges(everything.unmerged)


def test_kg_api_passes_the_options_to_dask(client, articles):
    r = kg.build([articles], engine="dask", client=client, partition_words=20, min_confidence=0.9)
    same_graph(r.graph, kg.build([articles], min_confidence=0.9).graph)
