"""kg build --engine dask (issue #17): on a 2-worker LocalCluster, the same graph, events and merge as the
default engine; Parquet tables beside the outputs; a killed worker changes nothing; kg loads once per worker."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("distributed")

import kg  # noqa: E402
from kg.graph.merge import MergeOptions, merge_events  # noqa: E402
from kg.scale import engine, tasks  # noqa: E402
from kg.scale.cluster import connect  # noqa: E402

REPO = Path(__file__).resolve().parents[1]

# One happening told by several outlets, on dates a day or more apart, in two languages; each article is its
# own partition below, so every merge across articles crosses partitions (and the JPN-CHN reports chain:
# 3, 4, 5, 6 and 7 May, window 1 day, anchored clusters).
DUPLICATES = [
    ("wire-a-1", "2024-05-03", "en", "Harbour Wire", "Tokyo protests to Beijing",
     "Japan criticised China on 3 May 2024 over the coast guard's use of water cannon near the shoal. Officials in Tokyo said the vessels had been damaged."),
    ("post-b-1", "2024-05-04", "en", "Morning Post", "Water cannon row",
     "Japan criticised China on 4 May 2024 over the water cannon incident. Russia and Iran held talks in Tehran on 10 June 2024 about energy."),
    ("kabar-c-1", "2024-05-05", "id", "Kabar Pagi", "Jepang kecam Tiongkok",
     "Jepang mengecam Tiongkok pada 5 Mei 2024 atas insiden meriam air di dekat beting itu."),
    ("daily-d-1", "2024-06-11", "en", "Daily Ledger", "Talks in Tehran",
     "Russia and Iran held talks in Tehran on 10 June 2024. Israel struck Hezbollah positions in Lebanon on 1 April 2024, killing at least four people."),
    ("wire-a-2", "2024-06-11", "en", "Harbour Wire", "Energy talks",
     "Russia and Iran held talks in Tehran on 11 June 2024 on gas supplies. Japan criticised China on 6 May 2024 over the blockade."),
    ("post-b-2", "2024-04-02", "en", "Morning Post", "Strikes in Lebanon",
     "Israel struck Hezbollah positions in Lebanon on 1 April 2024. The United States urged Israel on 2 April 2024 to show restraint."),
    ("kabar-c-2", "2024-04-02", "id", "Kabar Pagi", "Serangan Israel",
     "Israel menyerang Hizbullah di Lebanon pada 1 April 2024, menewaskan sedikitnya empat orang. Amerika Serikat meminta Israel pada 2 April 2024 untuk menahan diri."),
    ("daily-d-2", "2024-05-07", "en", "Daily Ledger", "Another protest",
     "Japan criticised China on 7 May 2024 over the blockade of the shoal. Japan criticised China on 3 May 2024 over the water cannon."),
]  # fmt: skip


@pytest.fixture(scope="module")
def client():
    with connect(workers=2, preload=lambda: tasks.extractor_for(preload=True)) as c:
        yield c


@pytest.fixture(scope="module")
def duplicates(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("dup") / "dup.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for doc_id, day, lang, publisher, title, body in DUPLICATES:
            fh.write(json.dumps({"id": doc_id, "date": day, "lang": lang, "publisher": publisher, "title": title,
                                 "text": f"{title}\n\n{body}"}) + "\n")  # fmt: skip
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(REPO / "bench" / "corpus_gen.py"), str(out), "--words", "12000", "--seed", "3"],
                   check=True, capture_output=True)  # fmt: skip
    return out


def same_graph(a, b) -> None:
    """Node for node, edge for edge (attributes and order), merges record for record."""
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))
    assert a.graph.get("documents") == b.graph.get("documents")
    assert a.graph.get("merges") == b.graph.get("merges")
    assert list(a.graph.get("merges") or ()) == list(b.graph.get("merges") or ())


@pytest.mark.parametrize("options", [MergeOptions(), MergeOptions(window_days=2, match="code"), MergeOptions(enabled=False)],
                         ids=["default", "window2-code", "no-merge"])  # fmt: skip
def test_merge_across_partitions_is_the_single_process_merge(client, duplicates, options):
    local = kg.build([duplicates], merge=options)
    dask = engine.build([duplicates], client=client, merge=options, partition_words=1, buckets=3)  # one article per partition
    same_graph(dask.unmerged, local.unmerged)
    same_graph(dask.graph, local.graph)
    if options.enabled:  # the corpus does what it is for: events merged from articles in different partitions
        articles = {d["event_id"]: d["articles"] for _u, _v, d in local.graph.edges(data=True) if "event_code" in d}
        assert max(articles.values()) >= 3 and sum(1 for n in articles.values() if n >= 2) >= 3


def test_merge_of_a_store_graph_on_dask(client, duplicates):
    G = kg.build([duplicates], merge=MergeOptions(enabled=False)).unmerged
    for options in (MergeOptions(), MergeOptions(window_days=3)):
        same_graph(engine.merge_graph(G, options, client=client, documents_per_partition=2, buckets=2), merge_events(G, options))


def test_cli_dask_build_same_events_and_parquet(corpus, tmp_path):
    import pandas as pd

    local, dask = tmp_path / "local", tmp_path / "dask"
    for out, extra in ((local, []), (dask, ["--engine", "dask", "--workers", "2"])):
        run = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(corpus), "-o", str(out), "--formats", "graph.ttl,events.csv", *extra],
                             capture_output=True, text=True, cwd=REPO)  # fmt: skip
        assert run.returncode == 0, run.stderr
    events = {name: kg.read_events(out / "events.csv") for name, out in (("local", local), ("dask", dask))}
    key = ["doc_id", "source_code", "target_code", "event_code", "date"]
    multiset = {name: Counter(map(tuple, df[key].itertuples(index=False))) for name, df in events.items()}
    assert multiset["dask"] == multiset["local"] and sum(multiset["local"].values()) > 60
    for name in ("events.csv", "graph.ttl", "merges.json"):
        assert (dask / name).read_bytes() == (local / name).read_bytes(), name
    table = pd.read_parquet(dask / "events.parquet")
    assert len(table) == len(events["dask"])
    assert Counter(map(tuple, table[key].itertuples(index=False))) == multiset["dask"]
    mentions = pd.read_parquet(dask / "mentions.parquet")
    merged_away = sum(int(m) - 1 for m in events["dask"].drop_duplicates("event_id")["mentions"])
    assert len(mentions) >= len(table) and mentions["event_id"].nunique() == events["dask"]["event_id"].nunique() + merged_away
    actors = pd.read_parquet(dask / "actors.parquet")
    assert set(table["source_id"]) <= set(actors["id"])
    assert not [p for p in dask.iterdir() if p.name.startswith(".")]  # no staging folder left behind


def test_outputs_written_on_the_cluster_are_the_local_ones(client, duplicates, tmp_path):
    """kg build --engine dask writes its outputs while the cluster runs (the RDF serialised on a worker):
    the same bytes as the default engine's, in the order asked for; a bad output is one clear error."""
    names = ["graph.nt", "events.csv", "graph.ttl"]
    local = kg.build([duplicates]).write(tmp_path / "local", formats=names)
    dask = engine.build([duplicates], client=client, partition_words=1, outputs=(tmp_path / "dask", names))
    assert list(dask.written) == [*names, "merges.json"] == list(local)
    for name, path in dask.written.items():
        assert path.read_bytes() == local[name].read_bytes(), name
    with pytest.raises(engine.OutputsError, match="^cannot write outputs: unknown output 'graph.foo'"):
        engine.build([duplicates], client=client, outputs=(tmp_path / "bad", ["graph.ttl", "graph.foo"]))


def test_parquet_tables_are_replaced_whole(client, corpus, tmp_path):
    import pandas as pd

    engine.build([corpus], client=client, parquet_dir=tmp_path, partition_words=1000)
    many = len(list((tmp_path / "mentions.parquet").glob("part-*.parquet")))
    r = engine.build([corpus], client=client, parquet_dir=tmp_path, partition_words=10_000, buckets=2)
    assert many > len(list((tmp_path / "mentions.parquet").glob("part-*.parquet"))) >= 2  # no part of the first run left
    assert len(list((tmp_path / "events.parquet").glob("part-*.parquet"))) <= 2
    n_edges = sum(1 for _u, _v, d in r.graph.edges(data=True) if "event_code" in d)
    assert len(pd.read_parquet(tmp_path / "events.parquet")) == n_edges


def test_a_killed_worker_changes_nothing(client, corpus):
    local = kg.build([corpus])
    kills: list[int] = []

    def kill_one(i: int) -> None:
        if i in (0, 7):  # one while partitions are being extracted, one when the reports wait for the shuffle
            pid = next(iter(client.run(os.getpid).values()))
            os.kill(pid, signal.SIGKILL)
            kills.append(pid)

    dask = engine.build([corpus], client=client, partition_words=1000, on_partition=kill_one)
    assert len(kills) == 2
    same_graph(dask.unmerged, local.unmerged)
    same_graph(dask.graph, local.graph)
    client.wait_for_workers(2, timeout=60)  # the nannies started new workers


def test_workers_load_kg_once_not_per_task(client, corpus):
    engine.build([corpus], client=client, partition_words=500)  # dozens of tasks
    assert set(client.run(tasks.loads).values()) == {1}


def test_a_spawned_worker_loads_kg_through_the_plugin(duplicates):
    """Workers that do not inherit kg (a real cluster's, here spawned ones) load it once, when they start."""
    import dask

    with dask.config.set({"distributed.worker.multiprocessing-method": "spawn"}), connect(workers=1) as c:
        assert set(c.run(tasks.loads).values()) == {0}
        r = engine.build([duplicates], client=c, partition_words=1)
        assert set(c.run(tasks.loads).values()) == {1}
    assert r.summary()["events"] == kg.build([duplicates]).summary()["events"]


def test_stable_bucket_and_bad_scheduler(tmp_path):
    assert tasks.bucket_of(("asserted", "day", frozenset({"b", "a"}), "19"), 7) == tasks.bucket_of(("asserted", "day", frozenset({"a", "b"}), "19"), 7)
    run = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(REPO / "data" / "samples" / "id-kunjungan.txt"), "-o", str(tmp_path),
                          "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"], capture_output=True, text=True, cwd=REPO, timeout=120)  # fmt: skip
    assert run.returncode == 2 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in run.stderr
    assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_kg_add_on_dask_stores_what_kg_add_stores(client, duplicates, corpus, tmp_path):
    from kg.store.store import Store

    graphs = {}
    for name, extra in (("local", {}), ("dask", {"engine": "dask", "client": client, "partition_words": 2000})):
        result = kg.add([duplicates, corpus], tmp_path / name, **extra)
        assert result.added > 40 and result.failed == 0
        again = kg.add([duplicates], tmp_path / name, **extra)
        assert again.added == 0 and again.duplicates == len(DUPLICATES)
        with Store(tmp_path / name, create=False, readonly=True) as st:
            graphs[name] = st.graph()
    same_graph(graphs["dask"], graphs["local"])
