"""Extraction throughput and start-up time, per language (words per second on one core).

Usage: python bench/extract_speed.py [--words 200000]

The corpus is made of the bundled samples and the test sentences, repeated until it holds --words words
per language, each copy with its own document id (so nothing is cached across documents).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def corpus(lang: str) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "data" / "samples").glob(f"{lang}-*.txt"))]
    with open(REPO / "tests" / "data" / f"events_{lang}.jsonl", encoding="utf-8") as fh:
        sentences = [json.loads(line)["text"] for line in fh if line.strip()]
    texts += [" ".join(sentences[i : i + 12]) for i in range(0, len(sentences), 12)]
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=200_000)
    args = ap.parse_args()

    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import kg.cli"], check=True)
    import_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg.cli", "actors", "Iranian forces", "--lang", "en"], check=True, capture_output=True)
    first_actor_s = time.perf_counter() - t0
    print(f"start-up: import kg.cli {import_s:.2f}s; `kg actors` end to end {first_actor_s:.2f}s")

    from datetime import date

    from kg.extract.extractor import Extractor
    from kg.model import Document

    ex = Extractor()
    for lang in ("en", "id"):
        t0 = time.perf_counter()
        ex.nlp(lang)
        load_s = time.perf_counter() - t0
        texts = corpus(lang)
        docs, words, i = [], 0, 0
        while words < args.words:
            text = texts[i % len(texts)]
            docs.append(Document(id=f"{lang}{i}", text=text, lang=lang, date=date(2024, 4, 16)))
            words += len(text.split())
            i += 1
        t0 = time.perf_counter()
        events = sum(len(ex.extract(d).events) for d in docs)
        secs = time.perf_counter() - t0
        print(f"{lang}: pipeline load {load_s:.2f}s; {words:,} words in {len(docs):,} docs, {secs:.1f}s -> "
              f"{words / secs:,.0f} words/s, {events:,} events")  # fmt: skip
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:,.0f} MB")

    # scaling with --workers: the same JSONL corpus built with 1 and 2 processes
    import tempfile

    import kg

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            n = 0
            for lang in ("en", "id"):
                texts = corpus(lang)
                words = i = 0
                while words < args.words // 2:
                    text = texts[i % len(texts)]
                    fh.write(json.dumps({"id": f"{lang}{i}", "text": text, "lang": lang, "date": "2024-04-16"}) + "\n")
                    words += len(text.split())
                    n += words and 0
                    i += 1
        total = sum(len(json.loads(line)["text"].split()) for line in open(path, encoding="utf-8"))
        for workers in (1, 2):
            t0 = time.perf_counter()
            result = kg.build([path], workers=workers)
            secs = time.perf_counter() - t0
            print(f"kg.build, {workers} worker(s): {total:,} words, {result.documents:,} docs in {secs:.1f}s -> "
                  f"{total / secs:,.0f} words/s ({result.summary()['events']:,} events)")  # fmt: skip


if __name__ == "__main__":
    main()
