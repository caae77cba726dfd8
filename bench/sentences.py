"""Pass rate and event precision/recall of the hand-written test sentences, per language.

Usage:
    python bench/sentences.py [--failures]                       # tests/data/events_<lang>.jsonl
    python bench/sentences.py --file tests/data/constructions_en.jsonl --lang en --by construction
    python bench/sentences.py --file bench/heldapart/constructions_id.jsonl --by construction --json

A sentence passes when kg's events, as (source, target, CAMEO root, modality), are exactly the expected
ones and every matched event has the expected date (format in data/FORMATS.md). `--file` scores another
file of the same format (repeatable; the language comes from `--lang` or from a `_<lang>.jsonl` file name).
`--by FIELD` adds a breakdown by a field of each line, e.g. `construction` in the construction suites
(tests/data/constructions_<lang>.jsonl, and the held-apart third in bench/heldapart/). tests/test_sentences.py
and tests/test_constructions.py hold floors under these numbers.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


def _counts(want: list, got: list) -> tuple[int, int, int]:
    """True positives, false positives, false negatives of one sentence, as kg.evaluate counts them."""
    want_keys, got_keys = {tuple(w) for w in want}, {tuple(g) for g in got}
    return len(want_keys & got_keys), len(got_keys - want_keys), len(want_keys - got_keys)


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def breakdown(path: Path, report: dict, field: str) -> dict[str, dict]:
    """Per value of ``field`` (e.g. ``construction``): sentences, passed, pass rate and event P/R/F1.

    Rebuilt from kg.evaluate.evaluate_sentences' report: a passing sentence matched all its expected events
    and nothing else; a failing one carries its expected and found events (dates are only in the pass rate).
    """
    from kg.resources import read_jsonl

    failures = {f["line"]: f for f in report["failures"]}
    groups: dict[str, dict] = {}
    for number, case in read_jsonl(path):
        g = groups.setdefault(str(case.get(field, "-")), {"sentences": 0, "passed": 0, "tp": 0, "fp": 0, "fn": 0})
        g["sentences"] += 1
        if number in failures:
            tp, fp, fn = _counts(failures[number]["want"], failures[number]["got"])
        else:
            g["passed"] += 1
            tp, fp, fn = len({(e["source"], e["target"], e["root"], e.get("modality", "asserted")) for e in case["events"]}), 0, 0
        g["tp"] += tp
        g["fp"] += fp
        g["fn"] += fn
    out = {}
    for name in sorted(groups):
        g = groups[name]
        out[name] = {"sentences": g["sentences"], "passed": g["passed"], "pass_rate": round(g["passed"] / g["sentences"], 3),
                     "events": _prf(g["tp"], g["fp"], g["fn"])}  # fmt: skip
    return out


def score(path: Path, lang: str, by: str | None = None, extractor=None) -> dict:
    """kg.evaluate.evaluate_sentences on one file, plus ``by_<field>`` when ``by`` is given."""
    from kg.evaluate import evaluate_sentences

    report = evaluate_sentences(path, lang, extractor=extractor)
    if by:
        report[f"by_{by}"] = breakdown(path, report, by)
    return report


def _lang_of(path: Path, given: str | None) -> str:
    if given:
        return given
    m = re.search(r"_([a-z]{2,3})$", path.stem)
    if not m:
        raise ValueError(f"{path}: cannot tell the language from the file name; give --lang")
    return m.group(1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--file", type=Path, action="append", help="a sentence file (repeatable); default tests/data/events_*.jsonl")
    ap.add_argument("--lang", help="language of --file (default: from a _<lang>.jsonl file name)")
    ap.add_argument("--by", metavar="FIELD", help="break the numbers down by this field of each line (e.g. construction)")
    ap.add_argument("--failures", action="store_true", help="list the sentences that fail, with what kg found")
    ap.add_argument("--json", action="store_true", help="print one JSON object per file instead of text")
    args = ap.parse_args(argv)
    try:
        files = args.file or sorted(DATA.glob("events_*.jsonl"))
        jobs = [(path, _lang_of(path, args.lang if args.file else None)) for path in files]
        for path, _ in jobs:
            if not path.is_file():
                raise ValueError(f"{path}: no such file")
        from kg import evaluate

        extractor = evaluate.Extractor()  # one extractor for all files (loading the lexicons is the slow part)
        for path, lang in jobs:
            r = score(path, lang, args.by, extractor)
            if args.json:
                if not args.failures:
                    r.pop("failures")
                print(json.dumps({"file": str(path), "lang": lang, **r}, ensure_ascii=False))
                continue
            ev = r["events"]
            name = path.name if args.file else lang
            print(f"{name}: {r['sentences']} sentences, pass rate {r['pass_rate']:.3f}; events P {ev['precision']:.3f} "
                  f"R {ev['recall']:.3f} F1 {ev['f1']:.3f}; dates {r['date_accuracy']}")  # fmt: skip
            if args.by:
                width = max(len(k) for k in r[f"by_{args.by}"]) + 2
                print(f"  {args.by:<{width}}  n  pass  rate     P     R    F1")
                for k, g in r[f"by_{args.by}"].items():
                    e = g["events"]
                    p = f"{e['precision']:5.2f}" if e["tp"] + e["fp"] else "    -"  # nothing expected, nothing found
                    rc = f"{e['recall']:5.2f}" if e["tp"] + e["fn"] else "    -"
                    f1 = f"{e['f1']:5.2f}" if "-" not in p + rc else "    -"
                    print(f"  {k:<{width}}{g['sentences']:>3} {g['passed']:>5} {g['pass_rate']:5.2f} {p} {rc} {f1}")
            if args.failures:
                for f in r["failures"]:
                    print(f"  line {f['line']}: {f['text']}\n    want {f['want']}\n    got  {f['got']}")
    except KeyError as exc:
        print(f"sentences.py: a line lacks the field {exc} (format in data/FORMATS.md)", file=sys.stderr)
        return 2
    except (ValueError, OSError, LookupError) as exc:
        print(f"sentences.py: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
