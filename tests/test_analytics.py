"""kg.analytics on hand-built graphs whose numbers are worked out by hand (in the comments).

The main graph is :func:`kg.analytics.example_graph` (13 events, January-May 2024):

    e1  vladimir_putin -> ebrahim_raisi  2024-01-10  040 q1 +1.0  symmetric (a call)
    e2  rus  -> irn    2024-02-05  057 q1 +8.0
    e3  irn  -> rus    2024-02-20  061 q2 +6.4
    e4  rus  -> irn    2024-03-15  062 q2 +7.4
    e5  isr  -> irn    2024-04-01  190 q4 -10
    e6  irn  -> isr    2024-04-13  190 q4 -10
    e7  usa  -> irn    2024-04-15  163 q4 -8.0   confidence 0.6
    e8  qat  -> hamas  2024-03-10  043 q1 +2.8   place Doha
    e9  hamas -> qat   2024-03-11  036 q1 +4.0   confidence 0.5
    e10 usa  -> qat    2024-03     020 q1 +3.0   month precision
    e11 isr  -> hamas  2024-03-05  190 q4 -10    (doc d2, Indonesian)
    e12 irn  -> hamas  2024-02-01  070 q2 +7.0   future, confidence 0.3 (doc d2)
    e13 usa  -> isr, qat  2024-05-02  036 q1 +4.0  (one event, two edges)

Documents: d1 (en) holds e1-e4, e8-e10, e13; d2 (id) holds e5-e7, e11, e12.
"""

from __future__ import annotations

import networkx as nx
import pytest

from kg import analytics as A


@pytest.fixture
def G():
    return A.example_graph()


def _ids(H):
    return sorted({d["event_id"] for _u, _v, d in H.edges(data=True) if "event_code" in d})


def test_the_hand_built_graph(G):
    assert G.number_of_nodes() == 9  # 8 actors + Doha
    assert G.number_of_edges() == 15  # 14 event edges (e13 has two) + 1 place_of
    assert len(_ids(G)) == 13


# -- filters -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({}, sorted(f"e{i}" for i in range(1, 14))),
        ({"since": "2024-04"}, ["e13", "e5", "e6", "e7"]),
        ({"until": "2024-02"}, ["e1", "e12", "e2", "e3"]),
        # the month-dated e10 (2024-03) overlaps any day of March
        ({"since": "2024-03-12", "until": "2024-03-12"}, ["e10"]),
        ({"since": "2024-03-31", "until": "2024-04-01"}, ["e10", "e5"]),
        ({"event_class": "19"}, ["e11", "e5", "e6"]),
        ({"event_class": ["04", "16"]}, ["e1", "e7", "e8"]),
        ({"quad_class": 2}, ["e12", "e3", "e4"]),
        ({"quad_class": "conflict"}, ["e11", "e5", "e6", "e7"]),
        ({"quad_class": ["verbal_cooperation", 2]}, ["e1", "e10", "e12", "e13", "e2", "e3", "e4", "e8", "e9"]),
        ({"modality": "future"}, ["e12"]),
        ({"min_confidence": 0.8}, ["e1", "e11", "e13", "e2", "e3", "e5", "e6"]),
        ({"lang": "id"}, ["e11", "e12", "e5", "e6", "e7"]),
        ({"lang": "id", "quad_class": 4, "until": "2024-04-01"}, ["e11", "e5"]),
    ],
)
def test_filters(G, filters, expected):
    assert _ids(A.filter_events(G, **filters)) == expected


def test_filter_drops_places_unless_asked(G):
    H = A.filter_events(G)
    assert "place:doha" not in H and H.number_of_edges() == 14
    P = A.filter_events(G, keep_places=True, since="2024-03-10", until="2024-03-10")  # e8 and the month-dated e10
    assert sorted(P) == ["hamas", "place:doha", "qat", "usa"] and P.number_of_edges() == 3


def test_bad_filters_are_errors(G):
    with pytest.raises(ValueError):
        A.filter_events(G, quad_class="friendly")
    with pytest.raises(ValueError):
        A.filter_events(G, since="March")
    with pytest.raises(TypeError):
        A.activity(G, period="2024")


# -- collapse and resolve ----------------------------------------------------------------------------------


def test_collapse_by_code(G):
    H = A.collapse(G)
    assert sorted(H) == ["IRN", "ISR", "NSA:HAMAS", "QAT", "RUS", "USA"]
    assert H.nodes["IRN"]["members"] == ["ebrahim_raisi", "irn"]
    assert H.nodes["IRN"]["name"] == "Iran" and H.nodes["NSA:HAMAS"]["name"] == "Hamas"
    assert "Raisi" in H.nodes["IRN"]["aliases"]
    # e1 (Putin -> Raisi) is now RUS -> IRN, keeping who acted
    e1 = [d for _u, _v, d in H.edges(data=True) if d["event_id"] == "e1"]
    assert [(d["source_actor"], d["target_actor"]) for d in e1] == [("vladimir_putin", "ebrahim_raisi")]
    assert H.number_of_edges() == 14 and A.collapse(H) is H


def test_collapse_merges_duplicate_pairs_and_drops_self_loops():
    G = nx.MultiDiGraph()
    for n, code in [("rus", "RUS"), ("vladimir_putin", "RUS"), ("irn", "IRN")]:
        G.add_node(n, type="actor", name=n, kind="state" if n == code.lower() else "person", code=code)
    common = dict(event_code="057", quad_class=1, goldstein=8.0, date="2024-01-01", doc_id="d", char_start=0)
    G.add_edge("rus", "irn", key="x#0", event_id="x", **common)
    G.add_edge("vladimir_putin", "irn", key="x#1", event_id="x", **common)  # same event, second source
    G.add_edge("vladimir_putin", "rus", key="y#0", event_id="y", **common)  # inside RUS
    H = A.collapse(G)
    assert H.number_of_edges() == 1
    assert A.collapse(G, self_loops=True).number_of_edges() == 2
    assert A.activity(H)["RUS"]["events"] == 1


@pytest.mark.parametrize(
    "text, expected",
    [("irn", "irn"), ("IRN", "irn"), ("Iran", "irn"), ("putin", "vladimir_putin"), ("Amerika Serikat", "usa"),
     ("NSA:HAMAS", "hamas"), ("Raisi", "ebrahim_raisi"), ("Rusia", "rus")],
)  # fmt: skip
def test_resolve_actor(G, text, expected):
    assert A.resolve_actor(G, text) == expected


def test_resolve_actor_by_code_and_lexicon(G):
    H = A.collapse(G)
    assert [A.resolve_actor(H, t) for t in ("Putin", "rus", "Raisi", "Hamas")] == ["RUS", "RUS", "IRN", "NSA:HAMAS"]
    # "Tiongkok" (Indonesian for China) is in kg's lexicon but nowhere in this graph
    with pytest.raises(A.ActorNotFound, match="China"):
        A.resolve_actor(G, "Tiongkok")
    with pytest.raises(A.ActorNotFound, match="did you mean Israel"):
        A.resolve_actor(G, "Israell")


def test_ambiguous_actor_is_an_error():
    G = nx.MultiDiGraph()
    G.add_node("a", type="actor", name="Ali Khan", code="PAK", kind="person")
    G.add_node("b", type="actor", name="Ali Reza", code="IRN", kind="person")
    with pytest.raises(A.ActorNotFound, match="ambiguous"):
        A.resolve_actor(G, "Ali")


# -- activity and centrality ------------------------------------------------------------------------------


def test_activity(G):
    act = A.activity(G)
    # irn: e2 e3 e4 e5 e6 e7 e12 = 7 events; sends e3 e6 e12; partners rus isr usa hamas;
    # Goldstein 8 + 6.4 + 7.4 - 10 - 10 - 8 + 7 = 0.8
    assert act["irn"] == {"name": "Iran", "events": 7, "as_source": 3, "as_target": 4, "partners": 4, "goldstein": 0.8}
    # usa: e7 e10 e13 (e13 counts once though it has two edges): -8 + 3 + 4
    assert act["usa"] == {"name": "United States", "events": 3, "as_source": 3, "as_target": 0, "partners": 3, "goldstein": -1.0}
    assert act["hamas"]["events"] == 4 and act["hamas"]["goldstein"] == 3.8  # 2.8 + 4 - 10 + 7
    assert act["qat"]["events"] == 4 and act["qat"]["partners"] == 2
    assert act["hamas"]["partners"] == 3 and act["isr"]["events"] == 4 and act["isr"]["partners"] == 3
    assert "place:doha" not in act


def test_activity_order_breaks_ties_by_partners_then_id(G):
    # events: irn 7; hamas 4 (3 partners), isr 4 (3 partners), qat 4 (2), rus 3 (1), usa 3 (3) ...
    assert list(A.activity(G)) == ["irn", "hamas", "isr", "qat", "usa", "rus", "ebrahim_raisi", "vladimir_putin"]


def test_weighted_projections(G):
    D = A.weighted_digraph(G)
    assert D["rus"]["irn"]["weight"] == 2 and D["irn"]["rus"]["weight"] == 1
    assert D["vladimir_putin"]["ebrahim_raisi"]["weight"] == D["ebrahim_raisi"]["vladimir_putin"]["weight"] == 1  # symmetric
    assert not D.has_edge("qat", "usa") and D["usa"]["qat"]["weight"] == 2
    U = A.weighted_graph(G)
    assert U.number_of_edges() == 9
    assert dict(U["isr"]["irn"]) == {"weight": 2, "cooperation": 0, "conflict": 2, "goldstein": -20.0}


def test_pagerank_exact():
    # a directed 3-cycle: every actor 1/3
    G = nx.MultiDiGraph()
    for i, (u, v) in enumerate([("a", "b"), ("b", "c"), ("c", "a")]):
        G.add_edge(u, v, key=f"e{i}#0", event_id=f"e{i}", event_code="040", quad_class=1, goldstein=1.0)
    assert A.pagerank(G) == {"a": 0.333333, "b": 0.333333, "c": 0.333333}


def test_pagerank_symmetric_event_and_filters(G):
    assert A.pagerank(G, event_class="040") == {"ebrahim_raisi": 0.5, "vladimir_putin": 0.5}
    pr = A.pagerank(G)
    assert abs(sum(pr.values()) - 1) < 1e-5
    # no actor is dangling (all send), so the closed Putin-Raisi pair keeps its teleport share 2/8,
    # and the US, which nobody targets, gets only the teleport (1 - 0.85) / 8
    assert pr["vladimir_putin"] == pr["ebrahim_raisi"] == 0.125
    assert pr["usa"] == 0.01875
    assert list(pr)[:2] == ["hamas", "qat"]


def test_betweenness_exact(G):
    bc = A.betweenness(G)
    # 8 actors; irn lies on every path from rus (4 pairs) and on 1 of the 3 shortest usa-hamas paths:
    # (4 + 1/3) / C(7, 2) = 13/63
    assert bc["irn"] == round(13 / 63, 6)
    # isr: on 1 of 3 usa-hamas paths, 1 of 2 isr... (qat-isr? no) -> usa-hamas only: (1/3) / 21
    assert bc["isr"] == round((1 / 3) / 21, 6)
    assert bc["rus"] == 0.0 and bc["vladimir_putin"] == 0.0


def test_betweenness_on_a_path_and_sampling():
    G = nx.MultiDiGraph()
    for i, (u, v) in enumerate([("a", "b"), ("b", "c")]):
        G.add_edge(u, v, key=f"e{i}#0", event_id=f"e{i}", event_code="040", quad_class=1, goldstein=1.0)
    assert A.betweenness(G) == {"b": 1.0, "a": 0.0, "c": 0.0}
    big = nx.MultiDiGraph()
    for i in range(30):
        big.add_edge(f"n{i}", f"n{i + 1}", key=f"e{i}#0", event_id=f"e{i}", event_code="040", quad_class=1, goldstein=1.0)
    sampled = A.betweenness(big, sample_above=10, k=10, seed=3)
    assert sampled == A.betweenness(big, sample_above=10, k=10, seed=3)  # reproducible
    assert sampled != A.betweenness(big)


def test_centrality_table(G):
    c = A.centrality(G)
    assert c["irn"]["events"] == 7 and c["irn"]["betweenness"] == round(13 / 63, 6)
    assert set(c["irn"]) == {"name", "events", "as_source", "as_target", "partners", "goldstein", "pagerank", "betweenness"}


# -- blocs ----------------------------------------------------------------------------------------------


def test_communities_and_their_modularity(G):
    blocs = A.communities(G)
    assert blocs == [["hamas", "isr", "qat", "usa"], ["ebrahim_raisi", "vladimir_putin"], ["irn", "rus"]]
    # cooperation links: putin-raisi 1, rus-irn 3, irn-hamas 1, qat-hamas 2, usa-qat 2, usa-isr 1 (m = 10)
    # Q = (1/10 - (2/20)^2) + (3/10 - (7/20)^2) + (5/10 - (11/20)^2) = 0.09 + 0.1775 + 0.1975 = 0.465
    S = nx.Graph()
    S.add_weighted_edges_from([("vladimir_putin", "ebrahim_raisi", 1), ("rus", "irn", 3), ("irn", "hamas", 1),
                               ("qat", "hamas", 2), ("usa", "qat", 2), ("usa", "isr", 1)])  # fmt: skip
    assert round(nx.community.modularity(S, blocs), 4) == 0.465
    assert A.communities(G, on="conflict") == [["hamas", "irn", "isr", "usa"]]
    assert A.communities(G, quad_class=3) == []


def test_brokers(G):
    rows = A.brokers(G)
    # irn (bloc 2) reaches bloc 0 through isr (2 events), usa (1), hamas (1)
    assert [(r["actor"], r["bloc"], r["blocs"], r["bridging"]) for r in rows] == [
        ("irn", 2, 2, 4), ("isr", 0, 2, 2), ("hamas", 0, 2, 1), ("usa", 0, 2, 1)]  # fmt: skip


# -- dyads and neighbours ---------------------------------------------------------------------------------


def test_dyads(G):
    allpairs = A.dyads(G, top=None)
    assert len(allpairs) == 9
    assert [(d["pair"], d["events"]) for d in allpairs[:3]] == [(("irn", "rus"), 3), (("hamas", "qat"), 2), (("irn", "isr"), 2)]
    coop = A.dyads(G, kind="cooperation", top=3)
    assert [(d["pair"], d["cooperation"], d["goldstein"]) for d in coop] == [
        (("irn", "rus"), 3, 21.8), (("qat", "usa"), 2, 7.0), (("hamas", "qat"), 2, 6.8)]  # fmt: skip
    conflict = A.dyads(G, kind="conflict")
    assert [(d["pair"], d["conflict"], d["goldstein"]) for d in conflict] == [
        (("irn", "isr"), 2, -20.0), (("hamas", "isr"), 1, -10.0), (("irn", "usa"), 1, -8.0)]  # fmt: skip
    top = conflict[0]
    assert top["quad"] == {1: 0, 2: 0, 3: 0, 4: 2} and (top["first"], top["last"]) == ("2024-04-01", "2024-04-13")
    assert top["names"] == ("Iran", "Israel")


def test_neighbors(G):
    rows = A.neighbors(G, "Iran")
    assert [(r["actor"], r["events"], r["cooperation"], r["conflict"], r["goldstein"], r["out"], r["in"]) for r in rows] == [
        ("rus", 3, 3, 0, 21.8, 1, 2), ("isr", 2, 0, 2, -20.0, 1, 1), ("hamas", 1, 1, 0, 7.0, 1, 0), ("usa", 1, 0, 1, -8.0, 0, 1)]  # fmt: skip
    two = A.neighbors(G, "rus", hops=2)
    assert [(r["actor"], r["hops"], r["events"], r["via"]) for r in two] == [
        ("irn", 1, 3, []), ("hamas", 2, 0, ["irn"]), ("isr", 2, 0, ["irn"]), ("usa", 2, 0, ["irn"])]  # fmt: skip
    assert [r["actor"] for r in A.neighbors(G, "Iran", since="2024-04")] == ["isr", "usa"]


# -- time series -----------------------------------------------------------------------------------------


def test_dyad_timeline_by_month(G):
    rows = A.timeline(G, "rus", "irn")
    assert rows == [
        {"period": "2024-02", "start": "2024-02-01", "events": 2, "goldstein": 14.4, "q1": 1, "q2": 1, "q3": 0, "q4": 0},
        {"period": "2024-03", "start": "2024-03-01", "events": 1, "goldstein": 7.4, "q1": 0, "q2": 1, "q3": 0, "q4": 0},
    ]
    assert [r["events"] for r in A.timeline(G, "rus", "irn", directed=True)] == [1, 1]  # e2, e4
    # by code the Putin-Raisi call (January) joins the dyad
    assert [(r["period"], r["events"]) for r in A.timeline(A.collapse(G), "RUS", "IRN")] == [("2024-01", 1), ("2024-02", 2), ("2024-03", 1)]


def test_actor_timeline_fills_empty_periods_and_respects_the_period(G):
    rows = A.timeline(G, "qat", since="2024-02", until="2024-06")
    assert [(r["period"], r["events"], r["goldstein"]) for r in rows] == [
        ("2024-02", 0, 0.0), ("2024-03", 3, 9.8), ("2024-04", 0, 0.0), ("2024-05", 1, 4.0), ("2024-06", 0, 0.0)]  # fmt: skip


def test_weekly_timeline_leaves_out_month_dated_events(G):
    rows, left_out = A.timeline_parts(G, "qat", freq="week")
    # e8 (Sun 10 March) is in the week of Mon 4 March, e9 (Mon 11 March) in the next; e10 is month-dated
    assert [(r["period"], r["start"], r["events"]) for r in rows[:2]] == [("2024-W10", "2024-03-04", 1), ("2024-W11", "2024-03-11", 1)]
    assert rows[-1]["period"] == "2024-W18" and len(rows) == 9 and left_out == 1


def test_trend(G):
    assert A.trend(A.timeline(G, "irn")) == -24.7  # Goldstein 21.4 (e2 e3 e12), 7.4, -28: slope (-28 - 21.4) / 2
    assert A.trend([{"goldstein": 5.0}]) == 0.0


# -- paths and ego networks -------------------------------------------------------------------------------


def test_shortest_paths_with_events(G):
    paths = A.shortest_paths(G, "Russia", "Qatar")
    # rus-irn-hamas-qat and rus-irn-usa-qat are both 3 hops
    assert [p["nodes"] for p in paths] == [["rus", "irn", "hamas", "qat"], ["rus", "irn", "usa", "qat"]]
    hop = paths[1]["hops"][2]
    assert (hop["from"], hop["to"]) == ("usa", "qat")
    assert [(e["event_id"], e["source"], e["target"], e["date"]) for e in hop["events"]] == [
        ("e10", "usa", "qat", "2024-03"), ("e13", "usa", "qat", "2024-05-02")]  # fmt: skip
    assert A.shortest_paths(G, "Putin", "Qatar") == []
    assert A.shortest_paths(G, "rus", "qat", until="2024-02") == []  # no usa/hamas-qat link before March


def test_simple_paths_up_to_k(G):
    assert [p["nodes"] for p in A.simple_paths(G, "Hamas", "Qatar", k=3)] == [
        ["hamas", "qat"], ["hamas", "irn", "usa", "qat"], ["hamas", "isr", "usa", "qat"]]  # fmt: skip
    assert len(A.simple_paths(G, "hamas", "qat", k=1)) == 1
    assert len(A.simple_paths(G, "hamas", "qat", k=3, limit=2)) == 2


def test_ego_network(G):
    E = A.ego_network(G, "Qatar")
    assert sorted(E) == ["hamas", "qat", "usa"] and _ids(E) == ["e10", "e13", "e8", "e9"]
    E2 = A.ego_network(G, "Qatar", hops=2)
    assert sorted(E2) == ["hamas", "irn", "isr", "qat", "usa"]
    assert _ids(E2) == ["e10", "e11", "e12", "e13", "e5", "e6", "e7", "e8", "e9"]  # all but Russia's e1-e4
    Ep = A.ego_network(G, "qat", keep_places=True)
    assert "place:doha" in Ep
    assert sorted(A.ego_network(G, "Qatar", since="2024-05")) == ["qat", "usa"]  # e13 only; isr is 2 hops away


def test_overview(G):
    o = A.overview(G, top=2)
    assert (o["documents"], o["languages"], o["actors"], o["events"]) == (2, {"en": 1, "id": 1}, 8, 13)
    assert o["by_quad"] == {1: 6, 2: 3, 3: 0, 4: 4}
    assert o["by_root"] == {"02": 1, "03": 2, "04": 2, "05": 1, "06": 2, "07": 1, "16": 1, "19": 3}
    assert o["by_month"] == {"2024-01": 1, "2024-02": 3, "2024-03": 5, "2024-04": 3, "2024-05": 1}
    assert [a["actor"] for a in o["top_actors"]] == ["irn", "hamas"]
    assert [d["pair"] for d in o["top_conflict"]] == [("irn", "isr"), ("hamas", "isr")]


# -- the commands, on the hand-built graph exported to RDF ---------------------------------------------------


@pytest.fixture
def example_ttl(tmp_path):
    from kg.outputs import rdf
    from kg.query import from_rdf

    return str(rdf.write(A.example_graph(), tmp_path / "example.ttl"))


def _kg(*args):
    from click.testing import CliRunner

    from kg.cli import main

    return CliRunner().invoke(main, [str(a) for a in args])


def test_cli_neighbors_by_code_with_a_period(example_ttl):
    res = _kg("neighbors", example_ttl, "Iran", "--since", "2024-04")
    assert res.exit_code == 0
    assert res.output.splitlines() == [
        "Iran (IRN): 3 events with 2 actors since 2024-04, Goldstein sum -28.0",
        "actor  name           events  coop  conflict  goldstein  out  in",
        "ISR    Israel              2     0         2      -20.0    1   1",
        "USA    United States       1     0         1       -8.0    0   1",
    ]


def test_cli_timeline_and_path_accept_names_in_other_languages(example_ttl, tmp_path):
    res = _kg("timeline", example_ttl, "Rusia", "Iran", "-o", tmp_path / "charts")
    assert res.exit_code == 0, res.output
    assert res.output.splitlines()[1:4] == ["2024-01       1        1.0   1   0   0   0", "2024-02       2       14.4   1   1   0   0",
                                            "2024-03       1        7.4   0   1   0   0"]  # fmt: skip
    assert "Goldstein trend: +3.20 per month" in res.output
    assert (tmp_path / "charts" / "timeline-rus-irn.png").is_file() and (tmp_path / "charts" / "timeline-rus-irn.svg").is_file()
    res = _kg("path", example_ttl, "Putin", "Hamas", "--events", "0")
    assert res.output.splitlines() == ["1. Russia - Iran - Hamas  (2 hops)", "   Russia - Iran: 4 events", "   Iran - Hamas: 1 event"]


def test_cli_errors_are_one_line(example_ttl):
    res = _kg("neighbors", example_ttl, "Atlantis")
    assert res.exit_code == 2 and res.output.strip() == "Error: no actor 'Atlantis' in this graph"
    res = _kg("stats", example_ttl, "--since", "March")
    assert res.exit_code == 2 and "not an ISO date" in res.output


def test_cli_stats_json(example_ttl):
    import json

    res = _kg("stats", example_ttl, "--json", "--quad", "conflict", "--by", "actor")
    o = json.loads(res.output)
    assert (o["events"], o["by_quad"]) == (4, {"1": 0, "2": 0, "3": 0, "4": 4})
