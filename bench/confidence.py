"""Calibration of event confidence (issue #12 item 5): reliability table and threshold sweep.

Usage:
    python bench/confidence.py                 # reliability table (confidence bin -> precision), sweep
    python bench/confidence.py --fit           # also precision by each piece of evidence (to set the factors)
    python bench/confidence.py --json

Every event kg extracts from the tunable articles (the dev corpus ../shared/corpus/dev and kg's own bench/dev2,
one report per sentence, scored against the gold (source, target, CAMEO root) of its document, asserted events
only) and from the tunable sentences (the suites tests/data/events_<lang>.jsonl, tests/data/constructions_<lang>.jsonl
and the tune split of the real news sentences of bench/udreal: (source, target, root, modality) against the
expected events) is one sample per source-target pair: right or wrong. Events a gold file marks optional are
left out. The held-apart sets (bench/heldapart/, udreal's apart split) are never read here.
The sweep gives, per language, dev and dev2 precision/recall of ``kg evaluate`` (merged graph) and the
sentences' precision at each threshold.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))
# Whole articles with gold (asserted events scored, as `kg evaluate` does): the shared dev corpus and kg's own
# tunable articles (bench/dev2). bench/heldapart is never read here.
DOC_SETS = [("dev", SHARED / "corpus" / "dev"), ("dev2", ROOT / "bench" / "dev2")]
SUITES = [ROOT / "tests" / "data" / f"{kind}_{lang}.jsonl" for kind in ("events", "constructions") for lang in ("en", "id")]
MIN_SUPPORT = 10
BINS = [0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01]


def samples(extractor) -> list[dict]:
    """One dict per (event, source, target): lang, set, confidence, right, evidence."""
    from kg.extract import confidence as conf
    from kg.io.ingest import decode_bytes, make_document, parse_date
    from kg.model import Document, Modality

    conf.RECORD = {}
    out = []
    for set_name, folder in DOC_SETS:
        for txt in sorted(folder.glob("*.txt")):
            gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
            text, _ = decode_bytes(txt.read_bytes(), str(txt))
            doc = make_document(txt.stem, text, source=str(txt), meta_date=parse_date(gold.get("published")))
            keys = {(g["source"], g["target"] or "", g["cameo_root"]): bool(g.get("optional")) for g in gold.get("events", [])}
            for ev in extractor.extract(doc).events:
                if ev.modality is not Modality.ASSERTED:
                    continue
                for s, t in ev.dyads():
                    k = (s.code, t.code, ev.root)
                    if ev.symmetric and k not in keys and (t.code, s.code, ev.root) in keys:
                        k = (t.code, s.code, ev.root)
                    if keys.get(k) is True:
                        continue  # optional in the gold: neither right nor wrong
                    out.append({"lang": doc.lang, "set": set_name, "conf": ev.confidence, "right": k in keys, "ev": conf.RECORD.get(ev.id), "rule": ev.rule})
    for set_name, lang, cases in _sentence_sets():
        for number, case in cases:
            doc = Document(id=f"s{number}", text=case["text"], lang=lang, date=parse_date(case.get("date")), date_source="metadata")
            want = {(e["source"], e["target"], e["root"], e.get("modality", "asserted")) for e in case["events"]}
            for ev in extractor.extract(doc).events:
                for s, t in ev.dyads():
                    k = (s.code, t.code, ev.root, ev.modality.value)
                    right = k in want or (ev.symmetric and (t.code, s.code, ev.root, ev.modality.value) in want)
                    out.append({"lang": lang, "set": set_name, "conf": ev.confidence, "right": right, "ev": conf.RECORD.get(ev.id), "rule": ev.rule})
    conf.RECORD = None
    return out


def _sentence_sets():
    """(set name, lang, [(number, case)]) of the sentence suites and of the real news sentences' tune split
    (bench/udreal.py; its apart split is never read here)."""
    from kg.resources import read_jsonl

    for path in SUITES:
        yield path.stem.split("_")[0], path.stem.rsplit("_", 1)[1], list(read_jsonl(path))
    sys.path.insert(0, str(ROOT / "bench"))
    import udreal

    if udreal.ud_folder().is_dir():
        for lang in ("en", "id"):
            cases = udreal.load_gold(udreal.GOLD / f"gold_{lang}.jsonl", lang, udreal.ud_folder())
            yield "udreal", lang, [(i, c) for i, c in enumerate(cases, 1) if c["split"] == "tune"]


def reliability(rows: list[dict]) -> list[dict]:
    table = []
    for lo, hi in zip(BINS, BINS[1:]):
        got = [r for r in rows if lo <= r["conf"] < hi]
        right = sum(r["right"] for r in got)
        table.append({"bin": f"[{lo:.1f}, {min(hi, 1.0):.1f}{')' if hi <= 1 else ']'}", "events": len(got), "right": right,
                      "precision": round(right / len(got), 3) if got else None,
                      "mean_confidence": round(sum(r["conf"] for r in got) / len(got), 3) if got else None})  # fmt: skip
    return table


def by_feature(rows: list[dict]) -> dict:
    out: dict = {}
    for name in ("path", "source_how", "target_how", "trigger_words", "nominal", "speaker", "modality", "coref", "date_inferred"):
        groups = defaultdict(lambda: [0, 0])
        for r in rows:
            if r["ev"] is None:
                continue
            v = getattr(r["ev"], name)
            v = v.split(":")[0] if isinstance(v, str) else v
            groups[str(v)][0] += 1
            groups[str(v)][1] += r["right"]
        out[name] = {k: (n, round(ok / n, 3)) for k, (n, ok) in sorted(groups.items(), key=lambda x: -x[1][0])}
    groups = defaultdict(lambda: [0, 0])
    for r in rows:
        if r["ev"] is not None:
            d = r["ev"].distance
            b = "0-4" if d <= 4 else "5-12" if d <= 12 else "13-25" if d <= 25 else ">25"
            groups[b][0] += 1
            groups[b][1] += r["right"]
    out["distance"] = {k: (n, round(ok / n, 3)) for k, (n, ok) in groups.items()}
    return out


def fit(rows: list[dict], l2: float = 2.0, steps: int = 4000) -> tuple[float, dict]:
    """Logistic regression (numpy, full-batch gradient descent, L2 on the weights) of right/wrong on the
    evidence features; returns (bias, weights) rounded for kg/extract/confidence.py."""
    import numpy as np

    from kg.extract.confidence import features

    rows = [r for r in rows if r["ev"] is not None]
    feats = [features(r["ev"]) for r in rows]
    # a feature seen on fewer than MIN_SUPPORT samples is not weighed (too few to say anything)
    support = defaultdict(int)
    for f in feats:
        for k, v in f.items():
            support[k] += v > 0
    names = sorted(k for k in support if support[k] >= MIN_SUPPORT and k not in ("path=syntax", "modality=asserted"))
    X = np.array([[f.get(n, 0.0) for n in names] for f in feats])
    y = np.array([float(r["right"]) for r in rows])
    w, b = np.zeros(len(names)), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(X @ w + b)))
        g = p - y
        w -= 0.5 * (X.T @ g / len(y) + l2 * w / len(y))
        b -= 0.5 * g.mean()
    return round(float(b), 3), {n: round(float(v), 3) for n, v in zip(names, w) if abs(v) >= 0.005}


def sweep(extractor, rows: list[dict], thresholds) -> list[dict]:
    from kg.evaluate import evaluate_dir

    table = []
    for th in thresholds:
        row = {"threshold": th}
        for set_name, folder in DOC_SETS:
            rep = evaluate_dir(folder, extractor=extractor, min_confidence=th)
            for lang in ("en", "id"):
                d = rep["scores"][lang]["root"]
                row[f"{set_name}_{lang}"] = (d["precision"], d["recall"])
        docs = {name for name, _ in DOC_SETS}
        for lang in ("en", "id"):
            kept = [r for r in rows if r["lang"] == lang and r["set"] not in docs and r["conf"] >= th]
            row[f"suite_{lang}_precision"] = round(sum(r["right"] for r in kept) / len(kept), 3) if kept else None
            row[f"suite_{lang}_right_kept"] = sum(r["right"] for r in kept)
        table.append(row)
    return table


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fit", action="store_true", help="precision by each piece of evidence")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-sweep", action="store_true")
    args = ap.parse_args(argv)
    from kg.extract.extractor import Extractor

    extractor = Extractor()
    rows = samples(extractor)
    report = {"samples": len(rows), "right": sum(r["right"] for r in rows), "reliability": reliability(rows),
              "reliability_by_lang": {lang: reliability([r for r in rows if r["lang"] == lang]) for lang in ("en", "id")}}  # fmt: skip
    if args.fit:
        report["features"] = by_feature(rows)
        wrong = defaultdict(int)
        for r in rows:
            if not r["right"]:
                wrong[r["rule"].split(":")[0] + ":" + (r["ev"].path if r["ev"] else "?")] += 1
        report["wrong_by_path"] = dict(wrong)
        report["fit"] = fit(rows)
    if not args.no_sweep:
        report["sweep"] = sweep(extractor, rows, [0.0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85])
    if args.json:
        print(json.dumps(report, indent=1, default=str))
        return 0
    print(f"{report['samples']} samples (event source-target pairs), {report['right']} right")
    print("confidence bin   events  right  precision  mean conf   | en: events precision | id: events precision")
    for row, en, id_ in zip(report["reliability"], report["reliability_by_lang"]["en"], report["reliability_by_lang"]["id"]):
        p = "-" if row["precision"] is None else f"{row['precision']:.3f}"
        m = "-" if row["mean_confidence"] is None else f"{row['mean_confidence']:.3f}"
        pe = "-" if en["precision"] is None else f"{en['precision']:.3f}"
        pi = "-" if id_["precision"] is None else f"{id_['precision']:.3f}"
        print(f"{row['bin']:<15} {row['events']:>7} {row['right']:>6}  {p:>9}  {m:>9}   | {en['events']:>6} {pe:>9} | {id_['events']:>6} {pi:>9}")
    if args.fit:
        for name, groups in report["features"].items():
            print(f"{name}: " + ", ".join(f"{k}={n}/{p}" for k, (n, p) in groups.items()))
        print("wrong by path:", report["wrong_by_path"])
        print("fitted BIAS =", report["fit"][0])
        print("fitted WEIGHTS =", json.dumps(report["fit"][1], indent=1))
    for row in report.get("sweep", []):
        docs = "  ".join(f"{name} en P/R {row[name + '_en'][0]:.2f}/{row[name + '_en'][1]:.2f} id {row[name + '_id'][0]:.2f}/{row[name + '_id'][1]:.2f}"
                         for name, _ in DOC_SETS)  # fmt: skip
        print(f"min {row['threshold']:.2f}: {docs}"
              f"  suites en P {row['suite_en_precision']} ({row['suite_en_right_kept']} right)  id P {row['suite_id_precision']} ({row['suite_id_right_kept']} right)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
