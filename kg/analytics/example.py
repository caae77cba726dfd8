"""A small event graph with known structure, for examples and doctests."""

from __future__ import annotations

import networkx as nx


def example_graph() -> nx.MultiDiGraph:
    """A small hand-built event graph (Russia, Iran, Israel, the US, Qatar, Hamas; January-May 2024) that
    the examples and tests use: its numbers can be checked by hand.

    >>> G = example_graph()
    >>> G.number_of_nodes(), G.number_of_edges(), len({d["event_id"] for *_x, d in G.edges(data=True)})
    (9, 15, 13)
    """
    G = nx.MultiDiGraph()
    G.graph["documents"] = {
        "d1": {"title": "Moscow and Tehran", "url": "", "lang": "en", "date": "2024-03-20", "source": "d1.txt", "publisher": ""},
        "d2": {"title": "Perang", "url": "", "lang": "id", "date": "2024-04-20", "source": "d2.txt", "publisher": ""},
    }
    actors = [
        ("rus", "Russia", "state", "RUS", ["Rusia", "Russian Federation"]),
        ("vladimir_putin", "Vladimir Putin", "person", "RUS", ["Putin"]),
        ("irn", "Iran", "state", "IRN", ["Iran"]),
        ("ebrahim_raisi", "Ebrahim Raisi", "person", "IRN", ["Raisi"]),
        ("isr", "Israel", "state", "ISR", ["Israel"]),
        ("usa", "United States", "state", "USA", ["US", "Amerika Serikat"]),
        ("qat", "Qatar", "state", "QAT", ["Qatar"]),
        ("hamas", "Hamas", "armed_group", "NSA:HAMAS", ["Hamas"]),
    ]
    for n, name, kind, code, aliases in actors:
        G.add_node(n, type="actor", name=name, kind=kind, code=code, country=code if kind == "state" else "", sector="",
                   wikidata="", aliases=aliases)  # fmt: skip
    G.add_node("place:doha", type="place", name="Doha", kind="capital", country="QAT", lat=25.29, lon=51.53, code="")
    events = [  # id, source, targets, date, precision, code, quad, goldstein, modality, confidence, symmetric, doc
        ("e1", "vladimir_putin", ["ebrahim_raisi"], "2024-01-10", "day", "040", 1, 1.0, "asserted", 0.9, True, "d1"),
        ("e2", "rus", ["irn"], "2024-02-05", "day", "057", 1, 8.0, "asserted", 0.8, False, "d1"),
        ("e3", "irn", ["rus"], "2024-02-20", "day", "061", 2, 6.4, "asserted", 0.8, False, "d1"),
        ("e4", "rus", ["irn"], "2024-03-15", "day", "062", 2, 7.4, "asserted", 0.7, False, "d1"),
        ("e5", "isr", ["irn"], "2024-04-01", "day", "190", 4, -10.0, "asserted", 0.9, False, "d2"),
        ("e6", "irn", ["isr"], "2024-04-13", "day", "190", 4, -10.0, "asserted", 0.9, False, "d2"),
        ("e7", "usa", ["irn"], "2024-04-15", "day", "163", 4, -8.0, "asserted", 0.6, False, "d2"),
        ("e8", "qat", ["hamas"], "2024-03-10", "day", "043", 1, 2.8, "asserted", 0.7, False, "d1"),
        ("e9", "hamas", ["qat"], "2024-03-11", "day", "036", 1, 4.0, "asserted", 0.5, False, "d1"),
        ("e10", "usa", ["qat"], "2024-03", "month", "020", 1, 3.0, "asserted", 0.6, False, "d1"),
        ("e11", "isr", ["hamas"], "2024-03-05", "day", "190", 4, -10.0, "asserted", 0.9, False, "d2"),
        ("e12", "irn", ["hamas"], "2024-02-01", "day", "070", 2, 7.0, "future", 0.3, False, "d2"),
        ("e13", "usa", ["isr", "qat"], "2024-05-02", "day", "036", 1, 4.0, "asserted", 0.8, False, "d1"),
    ]
    for n, (eid, src, tgts, day, prec, code, quad, gold, mod, conf, sym, doc) in enumerate(events):
        for i, tgt in enumerate(tgts):
            G.add_edge(src, tgt, key=f"{eid}#{i}", event_id=eid, doc_id=doc, date=day, date_precision=prec, date_inferred=False,
                       event_code=code, event_root=code[:2], event_label=f"CAMEO {code}", quad_class=quad, goldstein=gold,
                       source_code=G.nodes[src]["code"], source_name=G.nodes[src]["name"], target_code=G.nodes[tgt]["code"],
                       target_name=G.nodes[tgt]["name"], place="Doha" if eid == "e8" else "", place_id="doha" if eid == "e8" else "",
                       sentence=f"Sentence of {eid}.", sentence_index=0, char_start=n * 10, char_end=n * 10 + 5, mention=eid,
                       trigger="t", modality=mod, confidence=conf, symmetric=sym, rule="hand")  # fmt: skip
    G.add_edge("qat", "place:doha", key="e8@place", kind="place_of", event_id="e8")
    return G
