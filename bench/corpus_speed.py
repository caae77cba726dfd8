"""Corpus-scale benchmark: extraction and end-to-end (`kg add` into a store) speed, peak memory, store size.

Usage: python bench/corpus_speed.py [--words 5000000] [--corpus DIR] [--workers N] [--json OUT.json]

Generates a synthetic English + Indonesian corpus with bench/corpus_gen.py (unless --corpus holds one),
then runs, each phase in its own process so that its peak memory is its own:

1. extract: documents are read from the corpus first, then kg.extract.Extractor.extract is timed alone
   on one core (pipeline loading excluded and reported apart) -> words/s per core;
2. add: `kg add CORPUS --store S` end to end (reading gzip'd JSONL, cleaning, language, extraction, the
   SQLite store), timed from process start -> words/s, and per core when --workers is given (and
   `kg add` supports it);
3. export: `kg export --store S` of the merged graph (merging, RDF, CSV; the HTML view is left out, its
   layout is not what this measures) -> seconds;
4. re-add: the same corpus again (every document is a duplicate: nothing is written) -> seconds.

Reports words/s, peak RSS of each phase and the store's size on disk. Bars (from the corpus-scale issue):
>= 100,000 words/s per core for extraction, >= 50,000 words/s end to end with 2 workers, < 2 GB peak at
5 M words. Nothing is tuned for the benchmark; the numbers are what the code does.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
KG = [sys.executable, "-m", "kg.cli"]


def _peak_mb_self() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase_extract(corpus: Path, limit_words: int | None) -> dict:
    """Run in a child process: time Extractor.extract alone."""
    from kg.extract.extractor import Extractor
    from kg.io.inputs import iter_inputs
    from kg.model import Document

    docs = []
    words = 0
    for d in iter_inputs([corpus]):
        if isinstance(d, Document):
            docs.append(d)
            words += len(d.text.split())
            if limit_words and words >= limit_words:
                break
    ex = Extractor()
    t0 = time.perf_counter()
    for lang in sorted({d.lang for d in docs}):
        ex.nlp(lang)
    load_s = time.perf_counter() - t0
    events = 0
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    for d in docs:
        events += len(ex.extract(d).events)
    secs = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    return {"documents": len(docs), "words": words, "events": events, "seconds": secs, "cpu_seconds": cpu,
            "pipeline_load_seconds": load_s, "words_per_s": words / secs, "peak_mb": _peak_mb_self()}  # fmt: skip


def _wrapped(cmd: list[str]) -> tuple[float, float, str]:
    """Run ``cmd`` under a fresh Python wrapper that reports the command's own peak RSS."""
    code = (
        "import json,resource,subprocess,sys,time\n"
        "t=time.perf_counter(); p=subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "s=time.perf_counter()-t; r=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024\n"
        "print(json.dumps({'seconds': s, 'peak_mb': r, 'rc': p.returncode, 'out': p.stdout[-2000:], 'err': p.stderr[-2000:]}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True, env={**os.environ, "CI": "1"})
    res = json.loads(proc.stdout)
    if res["rc"] not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({res['rc']}): {res['err']}")
    return res["seconds"], res["peak_mb"], res["out"] + res["err"]


def dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=5_000_000, help="corpus size in words (default 5,000,000)")
    ap.add_argument("--corpus", type=Path, help="corpus folder (generated there if it holds no news-*.jsonl.gz)")
    ap.add_argument("--workers", type=int, default=None, help="pass --workers N to kg add (if it supports it)")
    ap.add_argument("--extract-words", type=int, default=None, help="time extraction on only this many words (default: all)")
    ap.add_argument("--json", dest="json_out", type=Path, help="also write the results as JSON")
    ap.add_argument("--keep", action="store_true", help="keep the store (printed) instead of deleting it")
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.phase == "extract":
        print(json.dumps(phase_extract(args.corpus, args.extract_words)))
        return

    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    corpus = args.corpus or work / "corpus"
    if not list(corpus.glob("news-*.jsonl.gz")):
        sys.path.insert(0, str(HERE))
        from corpus_gen import generate

        t0 = time.perf_counter()
        n = generate(corpus, args.words)
        print(f"generated {n:,} words in {time.perf_counter() - t0:.1f}s -> {corpus}", flush=True)
    corpus_mb = dir_bytes(corpus) / 1e6
    results: dict = {"corpus": str(corpus), "corpus_mb_gz": round(corpus_mb, 1), "cores": os.cpu_count()}

    # 1. extraction alone, one core
    proc = subprocess.run([sys.executable, __file__, "--phase", "extract", "--corpus", str(corpus)]
                          + (["--extract-words", str(args.extract_words)] if args.extract_words else []),
                          capture_output=True, text=True, check=True)  # fmt: skip
    ext = json.loads(proc.stdout.strip().splitlines()[-1])
    results["extract"] = ext
    print(f"extract: {ext['words']:,} words, {ext['documents']:,} docs, {ext['events']:,} events in {ext['seconds']:.1f}s "
          f"-> {ext['words_per_s']:,.0f} words/s per core (pipeline load {ext['pipeline_load_seconds']:.1f}s, "
          f"peak {ext['peak_mb']:,.0f} MB)", flush=True)  # fmt: skip

    # 2. end to end into a store
    store = work / "store"
    help_text = subprocess.run([*KG, "add", "--help"], capture_output=True, text=True).stdout
    workers = args.workers if args.workers and "--workers" in help_text else None
    cmd = [*KG, "add", str(corpus), "--store", str(store), "--no-progress"] + (["--workers", str(workers)] if workers else [])
    secs, peak, out = _wrapped(cmd)
    with_store = __import__("kg.store", fromlist=["Store"]).Store(store, create=False)
    stats = with_store.stats()
    with_store.close()
    per_core = stats["words"] / secs / (workers or 1)
    results["add"] = {"seconds": secs, "words": stats["words"], "documents": stats["documents"], "workers": workers or 1,
                      "words_per_s": stats["words"] / secs, "words_per_s_per_core": per_core, "peak_mb": peak,
                      "store_mb": stats["bytes"] / 1e6}  # fmt: skip
    if args.workers and not workers:
        print(f"note: kg add has no --workers option yet; ran with one process (asked for {args.workers})")
    print(f"add (end to end, {workers or 1} worker(s)): {stats['words']:,} words, {stats['documents']:,} docs in {secs:.1f}s "
          f"-> {stats['words'] / secs:,.0f} words/s ({per_core:,.0f} per core), peak {peak:,.0f} MB, "
          f"store {stats['bytes'] / 1e6:,.1f} MB", flush=True)  # fmt: skip

    # 3. export of the merged graph
    secs, peak, out = _wrapped([*KG, "export", "--store", str(store), "-o", str(work / "out"), "--formats", "graph.nt,events.csv"])
    results["export"] = {"seconds": secs, "peak_mb": peak, "summary": out.strip().splitlines()[-1] if out.strip() else ""}
    print(f"export (merge + graph.nt + events.csv): {secs:.1f}s, peak {peak:,.0f} MB: {results['export']['summary']}", flush=True)

    # 4. adding the same corpus again
    secs, peak, out = _wrapped([*KG, "add", str(corpus), "--store", str(store), "--no-progress"])
    results["re_add"] = {"seconds": secs, "peak_mb": peak}
    print(f"re-add (all duplicates): {secs:.1f}s, peak {peak:,.0f} MB", flush=True)

    peak_all = max(results["extract"]["peak_mb"], results["add"]["peak_mb"], results["export"]["peak_mb"])
    results["peak_mb"] = peak_all
    print(f"\npeak memory of any phase: {peak_all:,.0f} MB; store size {results['add']['store_mb']:,.1f} MB "
          f"(corpus {corpus_mb:,.1f} MB gzip'd)")  # fmt: skip
    print(f"command: python bench/corpus_speed.py --words {args.words}" + (f" --workers {args.workers}" if args.workers else ""))
    if args.json_out:
        args.json_out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if args.keep:
        print(f"kept: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
