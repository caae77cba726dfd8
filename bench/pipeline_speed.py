"""kg build's speed beside spaCy's bare tokenizer on the same texts, in one run (issue #12 Must show).

Usage: python bench/pipeline_speed.py [--words 60000] [--repeat 3]

The texts are the news articles of ../shared/corpus/dev ($KG_SHARED/corpus/dev; none there stops the run) and
data/samples, repeated (each copy its own document) until each language holds --words words. For each language
the run measures, --repeat times each, taking the median: spaCy's blank tokenizer (words/s), kg's extraction
(Extractor.extract_many, as kg.build runs it, after one warm-up pass) with syntax on (the default) and off,
and the whole kg.build with syntax on with 1 and 2 workers. It prints ratios to the tokenizer in wall time and
in this process's CPU time (``*_cpu_*``: steadier when other processes share the cores), the share of
sentences parsed, and the 2-worker speed-up, with the machine's load average before and after.
``build_w*_cpu_s`` is the CPU time of one build (parent and workers): ``workers2_cpu_bound`` = 2 x w1 / w2 is
the speed-up two idle cores would give, what a loaded machine cannot show in wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))


def texts(lang: str, words: int) -> list[str]:
    dev = sorted((SHARED / "corpus" / "dev").glob(f"{lang}-*.txt"))
    if not dev:  # the samples alone are other texts: English measured ~1.7x higher against the tokenizer
        raise SystemExit(f"no {lang} texts in {SHARED / 'corpus' / 'dev'}: set KG_SHARED to the shared folder "
                         "(a git worktree's ../shared is not it)")
    base = [p.read_text(encoding="utf-8") for p in dev]
    base += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "samples").glob(f"{lang}-*.txt"))]
    out, n, k = [], 0, 0
    while n < words:
        t = base[k % len(base)]
        out.append(f"{t}\n\n(copy {k})")
        n += len(t.split())
        k += 1
    return out


def median_time(fn, repeat: int, clock=time.perf_counter) -> float:
    times = []
    for _ in range(repeat):
        t0 = clock()
        fn()
        times.append(clock() - t0)
    return statistics.median(times)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=60000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    import spacy

    import kg
    from kg.extract.extractor import Extractor
    from kg.extract.syntax.use import STATS
    from kg.model import Document

    from kg.caching import own_process

    own_process()  # as the kg command does: models loaded here may leave the garbage collector's passes
    report = {"load_before": os.getloadavg(), "cpus": os.cpu_count(), "texts": str(SHARED / "corpus" / "dev")}
    for lang in ("en", "id"):
        docs = texts(lang, args.words)
        words = sum(len(t.split()) for t in docs)
        blank = spacy.blank(lang)
        tok_repeat = max(args.repeat, 9)  # the tokenizer is fast: more runs for a steady median
        tok = median_time(lambda: [blank.make_doc(t) for t in docs], tok_repeat)
        tok_cpu = median_time(lambda: [blank.make_doc(t) for t in docs], tok_repeat, time.process_time)
        row = {"words": words, "tokenizer_wps": round(words / tok), "tokenizer_cpu_wps": round(words / tok_cpu)}
        for mode in ("full,veto", "off"):
            ex = Extractor(syntax=mode)
            run = lambda: list(ex.extract_many(Document(id=f"d{i}", text=t, lang=lang) for i, t in enumerate(docs)))  # noqa: E731
            run()  # warm: lazily loaded data (PETRARCH actors, caches) read once, as in any long build
            STATS.__init__()
            secs = median_time(run, args.repeat)
            row[f"parsed_share_{mode}"] = round(STATS.parsed / max(STATS.sentences, 1), 3)
            row[f"extract_{mode}_wps"] = round(words / secs)
            row[f"extract_{mode}_cpu_wps"] = round(words / median_time(run, args.repeat, time.process_time))
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "docs.jsonl"
            path.write_text("".join(json.dumps({"id": f"d{i}", "text": t, "lang": lang}) + "\n" for i, t in enumerate(docs)), encoding="utf-8")
            kg.build([path], lang=lang)  # warm: pipelines loaded once in this process
            for w in (1, 2):
                t0 = time.process_time()
                children0 = os.times()
                kg.build([path], lang=lang, workers=w)
                children1 = os.times()
                row[f"build_w{w}_cpu_s"] = round(time.process_time() - t0 + children1.children_user + children1.children_system
                                                 - children0.children_user - children0.children_system, 2)  # fmt: skip
            for w in (1, 2):
                secs = median_time(lambda: kg.build([path], lang=lang, workers=w), args.repeat)
                row[f"build_w{w}_wps"] = round(words / secs)
        row["build_ratio_to_tokenizer"] = round(row["build_w1_wps"] / row["tokenizer_wps"], 3)
        row["extract_syntax_ratio"] = round(row["extract_full,veto_wps"] / row["tokenizer_wps"], 3)
        row["extract_nosyntax_ratio"] = round(row["extract_off_wps"] / row["tokenizer_wps"], 3)
        row["extract_syntax_cpu_ratio"] = round(row["extract_full,veto_cpu_wps"] / row["tokenizer_cpu_wps"], 3)
        row["extract_nosyntax_cpu_ratio"] = round(row["extract_off_cpu_wps"] / row["tokenizer_cpu_wps"], 3)
        row["workers2_speedup"] = round(row["build_w2_wps"] / row["build_w1_wps"], 2)
        # on two idle cores, 2 workers could be at most 2 x (CPU of 1 worker) / (CPU of 2) faster
        row["workers2_cpu_bound"] = round(2 * row["build_w1_cpu_s"] / row["build_w2_cpu_s"], 2)
        report[lang] = row
    report["load_after"] = os.getloadavg()
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
