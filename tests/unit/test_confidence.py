"""kg/extract/confidence.py: an event's confidence from how it was found."""

from __future__ import annotations

from dataclasses import replace

import networkx as nx
import pytest

from kg.extract.confidence import DEFAULT_MIN_CONFIDENCE, Evidence, confident, drop_unconfident, features, score
from kg.model import Extraction

from .support import document, extract, one_event

PLAIN = Evidence(path="syntax", source_how="syn:nsubj", target_how="syn:obj", trigger_words=1, nominal=False, speaker=False,
                 modality="asserted", distance=1, actor_conf=0.9, date_inferred=False, coref=False)  # fmt: skip


def test_plain_parsed_assertion_is_confident():
    assert score(PLAIN) > 0.9


@pytest.mark.parametrize("change", [
    {"modality": "hypothetical"}, {"modality": "future"}, {"date_inferred": True}, {"nominal": True},
    {"source_how": "first-named"}, {"path": "window?parse"},
])
def test_weaker_evidence_lowers_confidence(change):
    assert score(replace(PLAIN, **change)) < score(PLAIN)


def test_multiword_trigger_raises_confidence():
    assert score(replace(PLAIN, trigger_words=2)) > score(PLAIN)


def test_features_are_flags_of_the_evidence():
    f = features(replace(PLAIN, distance=30, target_how="coref", path="window"))
    assert f["path=window"] == 1.0 and f["far"] == 1.0 and f["very_far"] == 1.0 and f["how=coref"] == 1.0
    assert "how=first-named" not in f


def test_confident_keeps_the_same_object_when_nothing_drops(window_extractor):
    ex = extract(window_extractor, "Iran attacked Israel on Saturday.", "en")
    assert confident(ex, DEFAULT_MIN_CONFIDENCE) is ex and confident(ex, None) is ex


def test_confident_drops_events_below_the_bar(window_extractor):
    ex = extract(window_extractor, "Iran attacked Israel on Saturday.", "en")
    e = one_event(ex)
    assert confident(ex, e.confidence + 0.001).events == []


def test_hypothetical_request_is_below_the_default_bar_or_lower_than_the_act(window_extractor):
    asked = extract(window_extractor, "China urged Russia to attack Ukraine.", "en").events
    plain = one_event(extract(window_extractor, "Russia attacked Ukraine on Saturday.", "en"))
    assert all(e.confidence <= plain.confidence for e in asked)


def test_drop_unconfident_removes_low_event_edges_and_keeps_nodes():
    G = nx.MultiDiGraph()
    G.add_edge("a", "b", event_code="190", confidence=0.5)
    G.add_edge("a", "b", event_code="040", confidence=0.9)
    G.add_edge("a", "c", relation="member_of")
    H = drop_unconfident(G, 0.7)
    assert H is not G and H.number_of_edges() == 2 and set(H.nodes) == {"a", "b", "c"}
    assert drop_unconfident(G, None) is G


def test_no_events_is_unchanged():
    ex = Extraction(document=document("Nothing happened.", "en"))
    assert confident(ex, 0.9) is ex
