"""The evaluation's matching and date rules, on hand-made gold and events."""

from __future__ import annotations

from kg.evaluate import score_document
from kg.model import Event, Mention, Participant, Precision, TimeValue


def _event(src: str, tgt: str, root: str, when: str | None) -> Event:
    precision = {4: Precision.YEAR, 7: Precision.MONTH, 10: Precision.DAY}[len(when)] if when else None
    return Event(
        id=f"ev_{src}{tgt}{root}", code=root + "0", root=root, label="", quad_class=4, goldstein=-10.0,
        sources=(Participant(src.lower(), src, src, src),), targets=(Participant(tgt.lower(), tgt, tgt, tgt),),
        mention=Mention("d", 0, 0, 1, "x", "x"), trigger="x",
        date=TimeValue(when, precision, when) if when else None,
    )  # fmt: skip


def _gold(*events: dict) -> dict:
    return {"id": "d", "lang": "en", "events": list(events)}


def g(src, tgt, root, date, optional=False):
    return {"source": src, "target": tgt, "cameo_root": root, "date": date, "optional": optional}


def test_tuple_scores_and_dates():
    gold = _gold(g("GEO", "RUS", "19", "2008-08-07"), g("RUS", "GEO", "19", "2008-08-08"), g("USA", "GEO", "05", "2008-08", True))
    out = score_document(gold, [_event("GEO", "RUS", "19", "2008-08"), _event("RUS", "GEO", "19", "2008-08-08"), _event("USA", "GEO", "05", None)])
    assert out["root"] == {"tp": 2, "fp": 0, "fn": 0}  # the optional one is neither a hit nor a false hit
    # month precision for a gold day is wrong; the exact day is right
    assert out["dates"] == {"matched_with_date": 2, "correct": 1}
    assert out["date_errors"] == [{"gold": "2008-08-07", "kg": "2008-08", "key": ["GEO", "RUS", "19"]}]


def test_a_tuple_annotated_twice_accepts_either_gold_date():
    gold = _gold(g("GEO", "SO", "19", "2008-08", True), g("GEO", "SO", "19", "2008-08-07"))
    assert score_document(gold, [_event("GEO", "SO", "19", "2008-08")])["dates"] == {"matched_with_date": 1, "correct": 1}
    assert score_document(gold, [_event("GEO", "SO", "19", "2008-08-07")])["dates"]["correct"] == 1
    assert score_document(gold, [_event("GEO", "SO", "19", "2008-09")])["dates"]["correct"] == 0


def test_false_hits_and_misses():
    out = score_document(_gold(g("ISR", "IRN", "19", "2024-04-01")), [_event("IRN", "ISR", "19", "2024-04-13")])
    assert out["root"] == {"tp": 0, "fp": 1, "fn": 1}
    assert out["dates"]["matched_with_date"] == 0


def test_repeated_tuples_are_reported_in_the_same_order_whatever_the_hash_seed():
    """The matched gold tuples are a set; the report lists them sorted, so `kg evaluate` prints the same
    lines on every run (string hashing differs per process)."""
    import json
    import os
    import subprocess
    import sys

    code = (
        "import dataclasses, json\n"
        "from tests.test_evaluate import _event, _gold, g\n"
        "from kg.evaluate import score_document\n"
        "gold = _gold(*[g(s, t, '19', None) for s, t in [('RUS', 'UKR'), ('ISR', 'IRN'), ('USA', 'CHN'), ('IND', 'PAK'), ('GEO', 'RUS')]])\n"
        "evs = []\n"
        "for s, t in [('RUS', 'UKR'), ('ISR', 'IRN'), ('USA', 'CHN'), ('IND', 'PAK'), ('GEO', 'RUS')]:\n"
        "    a, b = _event(s, t, '19', None), _event(s, t, '19', None)\n"
        "    evs += [a, dataclasses.replace(b, id=b.id + '_2')]\n"
        "print(json.dumps(score_document(gold, evs)['repeated']))\n"
    )
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    outs = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": root}
        out = subprocess.run([sys.executable, "-c", code], env=env, cwd=root, capture_output=True, text=True, check=True).stdout
        assert len(json.loads(out)) == 5
        outs.add(out)
    assert len(outs) == 1
