"""Merging reports of one happening across documents (kg.merge), on hand-made graphs and on real extraction."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from kg.graph.merge import MergeOptions, cluster, mentions_of, merge_events, why_not
from kg.graph.explain import explain


def _edge(G, eid, doc, src, tgt, *, code="190", date="2024-05-03", prec="day", place="", modality="asserted", sym=False, n=0):
    G.add_edge(src, tgt, key=f"{eid}#{n}", event_id=eid, doc_id=doc, date=date, date_precision=prec, date_inferred=False,
               event_code=code, event_root=code[:2], event_label=f"label {code}", quad_class=4, goldstein=-10.0,
               source_code=src.upper(), source_name=src, source_text=src, source_sector="", source_role="",
               target_code=tgt.upper(), target_name=tgt, target_text=tgt, target_sector="", target_role="",
               place=place.title(), place_id=place, sentence=f"{src} did {code} to {tgt}", sentence_index=0, char_start=0,
               char_end=10, mention="x", trigger="t", modality=modality, confidence=0.7, symmetric=sym, rule="")  # fmt: skip
    if place:
        G.add_edge(src, f"place:{place}", key=f"{eid}@place", kind="place_of", event_id=eid)


def _graph(*events):
    G = nx.MultiDiGraph()
    G.graph["documents"] = {}
    for ev in events:
        eid, doc, src, tgt = ev[:4]
        kw = ev[4] if len(ev) > 4 else {}
        G.graph["documents"].setdefault(doc, {"publisher": kw.pop("pub", ""), "url": kw.pop("url", ""), "title": "", "lang": "en", "date": "", "source": ""})
        for node in (src, tgt):
            G.add_node(node, type="actor", name=node, kind="state", code=node.upper())
        _edge(G, eid, doc, src, tgt, **kw)
    return G


def _events(H):
    return {d["event_id"]: d for _u, _v, _k, d in H.edges(keys=True, data=True) if "event_code" in d}


def test_same_happening_merges_with_counts_and_provenance():
    G = _graph(("e1", "d1", "isr", "ham", {"pub": "Daily A", "place": "gaza"}),
               ("e2", "d2", "isr", "ham", {"code": "195", "date": "2024-05-04", "url": "https://www.b-news.example/x"}),
               ("e3", "d3", "isr", "ham", {"pub": "Daily A", "place": "gaza"}))  # fmt: skip
    H = merge_events(G)
    evs = _events(H)
    assert list(evs) == ["e1"]
    e = evs["e1"]
    assert (e["mentions"], e["articles"], e["sources"]) == (3, 3, 2)
    assert e["publishers"] == ["Daily A", "b-news.example"]
    assert e["merged_from"] == ["e1", "e2", "e3"]
    # the most specific code the reports support ("195" is a kind of "190"), the date most articles give
    assert e["event_code"] == "195" and e["date"] == "2024-05-03" and e["place_id"] == "gaza"
    rec = H.graph["merges"]["e1"]
    assert [m["event_id"] for m in rec["mentions"]] == ["e1", "e3", "e2"]
    assert "window 1" in rec["mentions"][2]["reason"] and "same CAMEO root 19" in rec["mentions"][2]["reason"]
    assert sum(1 for _u, _v, k in H.edges(keys=True) if k.endswith("@place")) == 1
    assert G.number_of_edges() == 5  # the input graph is left alone


@pytest.mark.parametrize(
    ("other", "reason"),
    [
        ({"code": "111"}, "CAMEO root"),
        ({"date": "2024-05-06"}, "apart"),
        ({"modality": "negated"}, "modality"),
        ({"place": "rafah"}, "places"),
        ({"date": "2024-05", "prec": "month"}, "precision"),
        ({"date": ""}, "undated"),
    ],
)
def test_different_happenings_stay_apart(other, reason):
    G = _graph(("e1", "d1", "isr", "ham", {"place": "gaza"}), ("e2", "d2", "isr", "ham", other))
    H = merge_events(G)
    assert set(_events(H)) == {"e1", "e2"}
    ms = mentions_of(G)
    assert any(reason in r for r in why_not(ms["e1"], ms["e2"], MergeOptions()))


def test_roles_matter_unless_symmetric():
    G = _graph(("e1", "d1", "rus", "irn", {"code": "040"}), ("e2", "d2", "irn", "rus", {"code": "040"}))
    assert len(_events(merge_events(G))) == 2
    G = _graph(("e1", "d1", "rus", "irn", {"code": "040", "sym": True}), ("e2", "d2", "irn", "rus", {"code": "040", "sym": True}))
    assert len(_events(merge_events(G))) == 1


def test_options_window_code_and_disable():
    G = _graph(("e1", "d1", "isr", "ham"), ("e2", "d2", "isr", "ham", {"code": "195", "date": "2024-05-05"}))
    assert len(_events(merge_events(G))) == 2
    assert len(_events(merge_events(G, MergeOptions(window_days=2)))) == 1
    assert len(_events(merge_events(G, MergeOptions(window_days=2, match="code")))) == 2
    assert len(_events(merge_events(G, MergeOptions(enabled=False)))) == 2
    with pytest.raises(ValueError):
        MergeOptions(match="fuzzy")


def test_no_drift_and_order_independence():
    # a chain of daily reports: each cluster stays within the window of its anchor
    G = _graph(*[(f"e{i}", f"d{i}", "isr", "ham", {"date": f"2024-05-0{i}"}) for i in range(1, 6)])
    clusters = cluster(mentions_of(G), MergeOptions())
    assert [[m.event_id for m in c] for c in clusters] == [["e1", "e2"], ["e3", "e4"], ["e5"]]
    # the same events inserted in another order give the same merged graph
    G2 = _graph(*[(f"e{i}", f"d{i}", "isr", "ham", {"date": f"2024-05-0{i}"}) for i in (5, 3, 1, 4, 2)])
    a, b = merge_events(G), merge_events(G2)
    assert sorted(a.edges(keys=True)) == sorted(b.edges(keys=True))
    assert json.dumps(a.graph["merges"], sort_keys=True) == json.dumps(b.graph["merges"], sort_keys=True)


def test_explain_lists_members_and_near_misses():
    G = _graph(("e1", "d1", "isr", "ham"), ("e2", "d2", "isr", "ham"), ("e3", "d3", "isr", "ham", {"code": "111"}))
    H = merge_events(G)
    info = explain(H, "e2", G)
    assert info["event_id"] == "e1" and info["asked"] == "e2" and info["mentions"] == 2
    assert [m["event_id"] for m in info["members"]] == ["e1", "e2"]
    assert info["near_misses"][0]["event_id"] == "e3"
    assert any("CAMEO root" in r for r in info["near_misses"][0]["not_merged_because"])
    assert explain(H, "nope") is None


# -- with real extraction: the must-show cases ---------------------------------------------------------------

REPORTS = [  # three wordings of one air strike, two languages, three outlets (texts written for this test)
    {"id": "wire-1", "lang": "en", "date": "2024-05-03", "publisher": "Test Wire", "url": "https://wire.example/1",
     "text": "Israeli forces struck Hamas positions in Gaza on 3 May 2024, the army said in a statement."},
    {"id": "daily-2", "lang": "en", "date": "2024-05-04", "publisher": "Test Daily", "url": "https://daily.example/2",
     "text": "Israel bombed Hamas fighters in the Gaza Strip on Friday, according to witnesses."},
    {"id": "harian-3", "lang": "id", "date": "2024-05-03", "publisher": "Harian Uji", "url": "https://harian.example/3",
     "text": "Militer Israel menggempur Hamas di Jalur Gaza pada 3 Mei 2024."},
]  # fmt: skip
SAME_DAY = [  # two different happenings on one day between the same actors
    {"id": "two-1", "lang": "en", "date": "2024-05-03", "publisher": "Test Wire",
     "text": "Russia criticised Iran on 3 May 2024 over its nuclear programme."},
    {"id": "two-2", "lang": "en", "date": "2024-05-03", "publisher": "Test Daily",
     "text": "Russia and Iran signed a trade agreement in Moscow on 3 May 2024."},
]  # fmt: skip


def _store_graph(tmp_path, records):
    from kg.io.inputs import iter_inputs
    from kg.store.store import Store
    from kg.store.outputs import graph_from_store

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with Store(tmp_path / "st") as store:
        res = store.add(iter_inputs([src]))
    assert res.added == len(records) and not res.bad_inputs
    return graph_from_store(tmp_path / "st"), graph_from_store(tmp_path / "st", merge=False)


def test_three_reports_one_event_two_happenings_stay_two(tmp_path):
    H, G = _store_graph(tmp_path, REPORTS + SAME_DAY)
    strikes = {d["event_id"]: d for _u, _v, _k, d in H.edges(keys=True, data=True) if d.get("event_root") == "19"}
    assert len(strikes) == 1, strikes
    e = next(iter(strikes.values()))
    assert (e["mentions"], e["articles"], e["sources"]) == (3, 3, 3)
    assert e["publishers"] == ["Harian Uji", "Test Daily", "Test Wire"]
    assert e["source_code"] == "ISR" and e["target_code"] == "NSA:HAMAS" and e["date"] == "2024-05-03"
    rus_irn = {d["event_id"]: d["event_root"] for _u, _v, _k, d in H.edges(keys=True, data=True) if d.get("source_code") == "RUS"}
    assert sorted(rus_irn.values()) == ["05", "11"]
    info = explain(H, e["event_id"], G)
    assert len(info["members"]) == 3 and {m["doc_id"] for m in info["members"]} == {"wire-1", "daily-2", "harian-3"}
    unmerged = {d["event_id"] for _u, _v, _k, d in G.edges(keys=True, data=True) if d.get("event_root") == "19"}
    assert len(unmerged) == 3
