"""Evaluation against gold annotations (format: the corpus ``SCHEMA.md``).

Scores are micro-averaged over documents, per language and overall, on asserted events:

- ``root``: (source, target, CAMEO root) - the strict measure;
- ``quad``: (source, target, quad class);
- ``dyad``: (source, target).

Gold events marked ``optional`` are neither required nor counted as false hits. A symmetric event
(a call, a meeting) matches in either direction. Date accuracy is measured on matched ``root`` tuples
whose gold date is known: a date counts as right when it equals the gold date at the gold's precision
(kg's "2009-03-06" for a gold "2009" is right; kg's "2008-08" for a gold "2008-08-07" is not). Among
several reports of one tuple, those with a stated date are preferred over those dated by the document.
As tuples are matched as wholes, when the gold annotates one tuple more than once (say a battle in
"2008-08" marked optional and an attack on "2008-08-07"), kg's date is right if it is one of them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from kg.errors import KgInputError
from kg.extract.extractor import Extractor
from kg.graph.build import build_graph
from kg.graph.merge import MergeOptions, merge_events
from kg.io.ingest import decode_bytes, make_document, parse_date
from kg.lexicon.cameo import quad_of_root
from kg.model import Modality

LEVELS = ("root", "quad", "dyad")


def _key(level: str, s: str, t: str, root: str) -> tuple:
    if level == "root":
        return (s, t, root)
    if level == "quad":
        return (s, t, quad_of_root(root))
    return (s, t)


def date_matches(system: str | None, gold: str) -> bool:
    """A date is right when it equals the gold date at the gold's precision and is at least as precise.

    >>> date_matches("2009-03-06", "2009"), date_matches("2008-08", "2008-08-07"), date_matches("2024-04-13", "2024-04-13")
    (True, False, True)
    """
    return bool(system) and len(system) >= len(gold) and system[: len(gold)] == gold


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def score_document(gold: dict, events: list) -> dict:
    """Compare one document's gold events with kg's events (``kg.model.Event`` objects, one per report)."""
    system: list[dict] = []
    for ev in events:
        if ev.modality is not Modality.ASSERTED:
            continue
        for src, tgt in ev.dyads():
            system.append({"s": src.code, "t": tgt.code, "root": ev.root, "date": ev.date.value if ev.date else None,
                           "inferred": bool(ev.date and ev.date.inferred), "event": ev.id,
                           "symmetric": ev.symmetric, "sentence": ev.mention.sentence, "code": ev.code})  # fmt: skip
    return _score(gold, system)


def score_graph(gold: dict, G) -> dict:
    """Compare one document's gold events with the events of kg's graph ``G`` (merged: one per act)."""
    from kg.graph.build import event_edges_of

    system = [{"s": d.get("source_code") or "", "t": d.get("target_code") or "", "root": d["event_root"],
               "date": d.get("date") or None, "inferred": bool(d.get("date_inferred")), "event": d["event_id"],
               "symmetric": bool(d.get("symmetric")), "sentence": d.get("sentence", ""), "code": d["event_code"]}
              for _u, _v, _k, d in event_edges_of(G) if (d.get("modality") or "asserted") == "asserted"]  # fmt: skip
    return _score(gold, system)


def _score(gold: dict, system: list[dict]) -> dict:
    # for each tuple, the report with a stated date speaks for it (others only repeat it)
    system.sort(key=lambda e: e["inferred"])
    required = [g for g in gold.get("events", []) if not g.get("optional")]
    optional = [g for g in gold.get("events", []) if g.get("optional")]
    out: dict = {"id": gold.get("id"), "lang": gold.get("lang")}
    events_of: dict[str, dict[tuple, set]] = {level: defaultdict(set) for level in LEVELS}
    for level in LEVELS:
        gold_keys = {_key(level, g["source"], g["target"] or "", g["cameo_root"]) for g in required}
        opt_keys = {_key(level, g["source"], g["target"] or "", g["cameo_root"]) for g in optional}
        sys_keys: dict[tuple, dict] = {}
        for e in system:
            k = _key(level, e["s"], e["t"], e["root"])
            rk = _key(level, e["t"], e["s"], e["root"])
            if e["symmetric"] and k not in gold_keys and k not in opt_keys and rk in gold_keys:  # as written, it may be an optional one
                k = rk
            sys_keys.setdefault(k, e)
            events_of[level][k].add(e["event"])
        tp = len(gold_keys & set(sys_keys))
        fp_keys = [k for k in sys_keys if k not in gold_keys and k not in opt_keys]
        fn_keys = [k for k in gold_keys if k not in sys_keys]
        out[level] = {"tp": tp, "fp": len(fp_keys), "fn": len(fn_keys)}
        if level == "root":
            out["misses"] = [g for g in required if _key(level, g["source"], g["target"] or "", g["cameo_root"]) in fn_keys]
            out["false_hits"] = [sys_keys[k] for k in fp_keys]
            dated = correct = 0
            out["date_errors"] = []
            # every date the gold gives a tuple (optional reports included): a tuple is matched as a
            # whole, so kg's report may be the one an optional gold event annotates
            tuple_dates: dict[tuple, set] = defaultdict(set)
            for g in required + optional:
                if g.get("date"):
                    tuple_dates[_key(level, g["source"], g["target"] or "", g["cameo_root"])].add(g["date"])
            for g in required:
                k = _key(level, g["source"], g["target"] or "", g["cameo_root"])
                if k in sys_keys and g.get("date"):
                    dated += 1
                    if any(date_matches(sys_keys[k]["date"], d) for d in tuple_dates[k]):
                        correct += 1
                    else:
                        out["date_errors"].append({"gold": g["date"], "kg": sys_keys[k]["date"], "key": list(k)})
            out["dates"] = {"matched_with_date": dated, "correct": correct}
            # a matched tuple should be one event, not one per report (headline, lead, recap)
            matched = sorted(k for k in gold_keys if k in sys_keys)  # a set: sorted, so the report is the same every run
            out["once"] = {"matched": len(matched), "once": sum(1 for k in matched if len(events_of[level][k]) == 1)}
            out["repeated"] = [{"key": list(k), "events": sorted(events_of[level][k])} for k in matched if len(events_of[level][k]) > 1]
    return out


def evaluate_dir(
    gold_dir: Path, *, lexicon_files=(), extractor: Extractor | None = None, merge: MergeOptions | None = None, min_confidence: float | None = None
) -> dict:
    """Run kg over every ``*.txt`` of ``gold_dir`` that has a ``.json`` and score the events ``kg build``
    would write for it: reports of confidence >= ``min_confidence`` (default: the graph's,
    :data:`kg.extract.confidence.DEFAULT_MIN_CONFIDENCE`), merged with ``merge`` (:func:`kg.graph.merge.merge_events`)."""
    from kg.extract.confidence import DEFAULT_MIN_CONFIDENCE, drop_unconfident

    extractor = extractor or Extractor(lexicon_files=lexicon_files)
    threshold = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence
    docs = []
    for txt in sorted(gold_dir.glob("*.txt")):
        gold_path = txt.with_suffix(".json")
        if not gold_path.is_file():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        try:
            text, _warning = decode_bytes(txt.read_bytes(), str(txt))
            doc = make_document(txt.stem, text, source=str(txt), meta_date=parse_date(gold.get("published")))
        except KgInputError as exc:
            docs.append({"id": txt.stem, "lang": gold.get("lang"), "error": str(exc)})
            continue
        ex = extractor.extract(doc)  # what kg build writes: reports of one act merged, then the threshold
        H = drop_unconfident(merge_events(build_graph([ex]), merge or MergeOptions()), threshold)
        result = score_graph(gold, H)
        result["detected_lang"] = doc.lang
        docs.append(result)
    return aggregate(docs)


def aggregate(docs: list[dict]) -> dict:
    groups: dict[str, list[dict]] = defaultdict(list)
    for d in docs:
        if "error" in d:
            continue
        groups[d.get("lang") or "?"].append(d)
        groups["all"].append(d)
    scores = {}
    for name, members in sorted(groups.items()):
        entry = {"documents": len(members)}
        for level in LEVELS:
            tp = sum(m[level]["tp"] for m in members)
            fp = sum(m[level]["fp"] for m in members)
            fn = sum(m[level]["fn"] for m in members)
            entry[level] = _prf(tp, fp, fn)
        dated = sum(m["dates"]["matched_with_date"] for m in members)
        correct = sum(m["dates"]["correct"] for m in members)
        entry["date_accuracy"] = round(correct / dated, 3) if dated else None
        entry["dates_scored"] = dated
        entry["matched"] = sum(m.get("once", {}).get("matched", 0) for m in members)
        entry["once"] = sum(m.get("once", {}).get("once", 0) for m in members)
        scores[name] = entry
    return {"scores": scores, "documents": docs}


def format_report(report: dict, *, details: bool = True) -> str:
    lines = []
    header = f"{'set':<6} {'docs':>4}  " + "  ".join(f"{lvl + ' P/R/F1':<20}" for lvl in LEVELS) + "  dates     once"
    lines.append(header)
    for name, s in report["scores"].items():
        cells = "  ".join(f"{s[lvl]['precision']:.2f}/{s[lvl]['recall']:.2f}/{s[lvl]['f1']:.2f}".ljust(20) for lvl in LEVELS)
        acc = "n/a" if s["date_accuracy"] is None else f"{s['date_accuracy']:.2f} ({s['dates_scored']})"
        once = f"{s.get('once', 0)}/{s.get('matched', 0)}"
        lines.append(f"{name:<6} {s['documents']:>4}  {cells}  {acc:<8}  {once}")
    if details:
        for d in report["documents"]:
            if "error" in d:
                lines.append(f"\n{d['id']}: {d['error']}")
                continue
            if not (d["misses"] or d["false_hits"] or d["date_errors"] or d.get("repeated")):
                continue
            lines.append(f"\n{d['id']} ({d.get('detected_lang')}): root tp={d['root']['tp']} fp={d['root']['fp']} fn={d['root']['fn']}")
            for g in d["misses"]:
                lines.append(f"  miss  {g['source']}->{g['target']} {g['cameo_root']} {g.get('date')}: {g.get('evidence', '')[:110]}")
            for e in d["false_hits"]:
                lines.append(f"  false {e['s']}->{e['t']} {e['code']} {e['date']}: {e['sentence'][:110]}")
            for e in d["date_errors"]:
                lines.append(f"  date  {'->'.join(map(str, e['key']))}: gold {e['gold']}, kg {e['kg']}")
            for e in d.get("repeated", []):
                lines.append(f"  twice {'->'.join(map(str, e['key']))}: {len(e['events'])} events {', '.join(e['events'])}")
    return "\n".join(lines) + "\n"


def evaluate_sentences(path: Path, lang: str, *, extractor: Extractor | None = None) -> dict:
    """Score kg on a test-sentence file (``tests/data/events_<lang>.jsonl``, format in data/FORMATS.md).

    A sentence passes when kg's events, as (source, target, root, modality), equal the expected ones
    (a symmetric event in either direction) and every matched event has the expected date.
    """
    from kg.model import Document
    from kg.resources import read_jsonl

    extractor = extractor or Extractor()
    passed = tp = fp = fn = dated = dates_ok = 0
    failures = []
    cases = list(read_jsonl(path))
    for number, case in cases:
        doc = Document(id=f"s{number}", text=case["text"], lang=lang, date=parse_date(case.get("date")), date_source="metadata")
        events = extractor.extract(doc).events
        got: dict[tuple, tuple] = {}
        for ev in events:
            for s, t in ev.dyads():
                got.setdefault((s.code, t.code, ev.root, ev.modality.value), (ev.date.value if ev.date else None, ev.symmetric))
        want = {(e["source"], e["target"], e["root"], e.get("modality", "asserted")): e.get("date") for e in case["events"]}
        matched = set()
        for key, (when, symmetric) in list(got.items()):
            rev = (key[1], key[0], key[2], key[3])
            if key not in want and symmetric and rev in want:
                got[rev] = got.pop(key)
        ok_dates = True
        for key, when in want.items():
            if key in got:
                matched.add(key)
                if when:
                    dated += 1
                    if got[key][0] == when:
                        dates_ok += 1
                    else:
                        ok_dates = False
        tp += len(matched)
        fp += len(set(got) - matched)
        fn += len(set(want) - matched)
        if matched == set(want) == set(got) and ok_dates:
            passed += 1
        else:
            failures.append({"line": number, "text": case["text"], "want": sorted(map(list, want)), "got": sorted(map(list, got))})
    return {
        "sentences": len(cases),
        "passed": passed,
        "pass_rate": round(passed / len(cases), 3) if cases else 0.0,
        "events": _prf(tp, fp, fn),
        "date_accuracy": round(dates_ok / dated, 3) if dated else None,
        "failures": failures,
    }
