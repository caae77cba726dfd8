"""Pass rate and event precision/recall of the hand-written test sentences, per language.

Usage: python bench/sentences.py [--failures]

A sentence passes when kg's events, as (source, target, CAMEO root, modality), are exactly the expected
ones and every matched event has the expected date (tests/data/events_<lang>.jsonl, format in
data/FORMATS.md). tests/test_sentences.py holds floors under these numbers.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.evaluate import evaluate_sentences

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--failures", action="store_true", help="list the sentences that fail, with what kg found")
    args = ap.parse_args()
    for path in sorted(DATA.glob("events_*.jsonl")):
        lang = path.stem.split("_", 1)[1]
        r = evaluate_sentences(path, lang)
        ev = r["events"]
        print(f"{lang}: {r['sentences']} sentences, pass rate {r['pass_rate']:.3f}; events P {ev['precision']:.3f} "
              f"R {ev['recall']:.3f} F1 {ev['f1']:.3f}; dates {r['date_accuracy']}")  # fmt: skip
        if args.failures:
            for f in r["failures"]:
                print(f"  line {f['line']}: {f['text']}\n    want {f['want']}\n    got  {f['got']}")


if __name__ == "__main__":
    main()
