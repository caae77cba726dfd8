"""Fingerprint every output of kg on fixed corpora, to show a refactoring changed nothing.

Usage: python bench/fingerprint.py [--json OUT.json] [--synth DIR] [--synth-words 60000] [--compare BEFORE.json]

Corpora: the bundled samples (data/samples), every subfolder of the shared gold corpus (../shared/corpus/* or
$KG_SHARED/corpus/*, its .txt files) and a synthetic corpus made by bench/corpus_gen.py (generated into
--synth once, then reused as it is, so later lexicon edits do not change its text). For each corpus and each
output one SHA-256 is printed:

- ``events``: every event of every document, all fields (kg's typed model as JSON, one report per event,
  before merging), sorted by event id;
- ``actor_mentions``: every actor mention of every document with its resolution (rule, code, confidence...);
- ``rdf``: the merged graph as N-Triples, lines sorted (kg writes no blank nodes);
- ``events_csv``: the merged events.csv, byte for byte.

``--compare BEFORE.json`` prints which hashes differ and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KG_SHARED", REPO.parent / "shared")) / "corpus"


def corpora(synth: Path, synth_words: int) -> dict[str, list[Path]]:
    out = {"samples": [REPO / "data" / "samples"]}
    if SHARED.is_dir():
        for sub in sorted(p for p in SHARED.iterdir() if p.is_dir()):
            out[f"shared/{sub.name}"] = sorted(sub.glob("*.txt"))
    else:  # --compare would pass on the corpora left: say so
        print(f"warning: no shared corpus at {SHARED} (set KG_SHARED): samples and synthetic only", file=sys.stderr)
    if not any(synth.glob("news-*.jsonl.gz")):
        synth.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(REPO / "bench" / "corpus_gen.py"), str(synth), "--words", str(synth_words)],
                       check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    out["synthetic"] = sorted(synth.glob("news-*.jsonl.gz"))
    return out


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fingerprint(inputs: list[Path]) -> dict[str, object]:
    import kg
    from kg.model import to_dict

    events: list[dict] = []
    mentions: list[dict] = []

    def on_document(doc, ex) -> None:
        events.extend(to_dict(e) for e in ex.events)
        mentions.extend({"doc": doc.id, **to_dict(m)} for m in ex.actor_mentions)

    t0 = time.perf_counter()
    result = kg.build([str(p) for p in inputs], on_document=on_document)
    seconds = time.perf_counter() - t0
    events.sort(key=lambda e: (e["mention"]["doc_id"], e["id"]))
    mentions.sort(key=lambda m: json.dumps(m, sort_keys=True))
    with tempfile.TemporaryDirectory() as tmp:
        written = result.write(tmp, formats=("graph.nt", "events.csv"))
        nt = sorted(written["graph.nt"].read_bytes().splitlines())
        csv = written["events.csv"].read_bytes()
    return {
        "events": _sha(json.dumps(events, sort_keys=True, ensure_ascii=False).encode()),
        "actor_mentions": _sha(json.dumps(mentions, sort_keys=True, ensure_ascii=False).encode()),
        "rdf": _sha(b"\n".join(nt)),
        "events_csv": _sha(csv),
        "counts": {"documents": result.documents, "events": len(events), "actor_mentions": len(mentions),
                   "triples": len(nt), "merged_events": result.summary().get("events")},  # fmt: skip
        "seconds": round(seconds, 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", dest="json_out", type=Path, help="write the fingerprints as JSON")
    ap.add_argument("--synth", type=Path, default=Path(tempfile.gettempdir()) / "kg-fingerprint-synth",
                    help="synthetic corpus folder (generated there if empty)")  # fmt: skip
    ap.add_argument("--synth-words", type=int, default=60_000)
    ap.add_argument("--compare", type=Path, help="a previous --json output to compare with")
    ap.add_argument("--only", help="fingerprint only the corpora whose name contains this")
    args = ap.parse_args()

    result: dict[str, dict] = {}
    for name, inputs in corpora(args.synth, args.synth_words).items():
        if args.only and args.only not in name:
            continue
        fp = fingerprint(inputs)
        result[name] = fp
        for key in ("events", "actor_mentions", "rdf", "events_csv"):
            print(f"{name:<14} {key:<15} {fp[key]}")
        print(f"{name:<14} counts          {fp['counts']}  ({fp['seconds']} s)")
    if args.json_out:
        args.json_out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if args.compare:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        diffs = [(c, k) for c in result for k in ("events", "actor_mentions", "rdf", "events_csv")
                 if c in before and before[c][k] != result[c][k]]  # fmt: skip
        for c, k in diffs:
            print(f"DIFFERS: {c} {k}")
        print("identical" if not diffs else f"{len(diffs)} fingerprints differ")
        sys.exit(1 if diffs else 0)


if __name__ == "__main__":
    main()
