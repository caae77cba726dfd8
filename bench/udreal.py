"""Real news sentences with gold events: kg scored on the news text of the UD treebanks in ../shared/ud.

Usage:
    python bench/udreal.py                          # every bench/udreal/gold_<lang>.jsonl, both splits
    python bench/udreal.py --lang en --split tune --failures
    python bench/udreal.py --gold some/gold_id.jsonl --json

A gold line is ``{"ref": "<treebank file>#<sent_id>", "events": [...], "date": "YYYY-MM-DD" or null,
"split": "tune" | "apart", "note": ...}`` (events as in tests/data/events_<lang>.jsonl, data/FORMATS.md).
The repository stores no treebank text: each sentence's text is read at run time from the ``# text =`` line
of that sentence in $KG_SHARED/ud/<lang>/<file> (default ../shared/ud), then the sentences are scored with
kg.evaluate.evaluate_sentences exactly as bench/sentences.py scores its files, one report per split.
``--failures`` lists the failing sentences of the tune split only: the apart split is measured, never
looked at sentence by sentence (and never tuned on). Sources, licences and the error classes: bench/udreal/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sentences import _lang_of, score  # noqa: E402  (bench/sentences.py: the same scoring, reused)

GOLD = Path(__file__).resolve().parent / "udreal"
SPLITS = ("tune", "apart")


def ud_folder() -> Path:
    """$KG_SHARED/ud, or ../shared/ud beside the repository."""
    return Path(os.environ.get("KG_SHARED", ROOT.parent / "shared")) / "ud"


def read_texts(conllu: Path) -> dict[str, str]:
    """sent_id -> the ``# text =`` line of each sentence of one CoNLL-U file."""
    texts, sent_id = {}, None
    with conllu.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
            elif line.startswith("# text =") and sent_id is not None:
                texts[sent_id] = line.split("=", 1)[1].strip()
            elif not line.strip():
                sent_id = None
    return texts


def load_gold(path: Path, lang: str, ud: Path) -> list[dict]:
    """The gold lines of ``path`` with ``text`` filled from the treebank; ValueError on a bad line or ref."""
    from kg.resources import read_jsonl

    files: dict[str, dict[str, str]] = {}
    cases = []
    for number, case in read_jsonl(path):
        ref, split = case.get("ref", ""), case.get("split")
        name, sep, sent_id = ref.partition("#")
        if not sep or not name or not sent_id or "/" in name or "\\" in name:
            raise ValueError(f"{path}:{number}: ref {ref!r} is not '<treebank file>#<sent_id>'")
        if split not in SPLITS:
            raise ValueError(f"{path}:{number}: split {split!r} is not one of {', '.join(SPLITS)}")
        if name not in files:
            conllu = ud / lang / name
            if not conllu.is_file():
                raise ValueError(f"{path}:{number}: no treebank file {conllu}")
            files[name] = read_texts(conllu)
        if sent_id not in files[name]:
            raise ValueError(f"{path}:{number}: no sentence {sent_id} in {name}")
        cases.append({**case, "text": files[name][sent_id]})
    return cases


def score_splits(path: Path, lang: str, ud: Path, splits=SPLITS, extractor=None) -> dict[str, dict]:
    """One bench/sentences.py report per split; failures carry their ``ref``. Texts live in a temporary file only."""
    cases = load_gold(path, lang, ud)
    out = {}
    with tempfile.TemporaryDirectory(prefix="udreal-") as tmp:
        for split in splits:
            part = [c for c in cases if c["split"] == split]
            if not part:
                continue
            tmp_file = Path(tmp) / f"{split}_{lang}.jsonl"
            tmp_file.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in part), encoding="utf-8")
            report = score(tmp_file, lang, extractor=extractor)
            for f in report["failures"]:
                f["ref"] = part[f["line"] - 1]["ref"]
            out[split] = report
    return out


def _line(name: str, split: str, r: dict) -> str:
    ev = r["events"]
    return (f"{name} {split}: {r['sentences']} sentences, pass rate {r['pass_rate']:.3f}; events tp {ev['tp']} fp {ev['fp']} "
            f"fn {ev['fn']}, P {ev['precision']:.3f} R {ev['recall']:.3f} F1 {ev['f1']:.3f}; dates {r['date_accuracy']}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, action="append", help="a gold file (repeatable); default bench/udreal/gold_*.jsonl")
    ap.add_argument("--lang", help="only this language (and the language of --gold files without _<lang> in their name)")
    ap.add_argument("--split", choices=SPLITS, help="only this split (default: both)")
    ap.add_argument("--failures", action="store_true", help="list the tune split's failing sentences (never the apart split's)")
    ap.add_argument("--json", action="store_true", help="one JSON object per file and split instead of text")
    args = ap.parse_args(argv)
    try:
        ud = ud_folder()
        if not ud.is_dir():
            raise ValueError(f"no UD treebanks at {ud}: set KG_SHARED to the shared folder")
        files = args.gold or sorted(GOLD.glob("gold_*.jsonl"))
        jobs = [(p, _lang_of(p, args.lang if args.gold else None)) for p in files]
        if args.lang and not args.gold:
            jobs = [(p, lang) for p, lang in jobs if lang == args.lang]
        if not jobs:
            raise ValueError(f"no gold files in {GOLD}" + (f" for {args.lang}" if args.lang else ""))
        for p, _ in jobs:
            if not p.is_file():
                raise ValueError(f"{p}: no such file")
        if args.failures and args.split == "apart":
            print("udreal.py: the apart split's failures are never listed (its numbers only)", file=sys.stderr)
        from kg import evaluate

        extractor = evaluate.Extractor()
        for path, lang in jobs:
            reports = score_splits(path, lang, ud, (args.split,) if args.split else SPLITS, extractor)
            for split, r in reports.items():
                show = args.failures and split == "tune"
                failures = r.pop("failures")
                if args.json:
                    print(json.dumps({"file": str(path), "lang": lang, "split": split, **r,
                                      **({"failures": failures} if show else {})}, ensure_ascii=False))  # fmt: skip
                    continue
                print(_line(path.name, split, r))
                if show:
                    for f in failures:
                        print(f"  {f['ref']}: {f['text']}\n    want {f['want']}\n    got  {f['got']}")
    except KeyError as exc:
        print(f"udreal.py: a gold line lacks the field {exc} (format in bench/udreal/README.md)", file=sys.stderr)
        return 2
    except (ValueError, OSError, LookupError) as exc:
        print(f"udreal.py: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
