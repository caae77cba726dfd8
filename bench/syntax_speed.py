"""Words per CPU-second of kg's syntax components (tok2vec + morphologizer (+ tagger) + parser) on kg's own tokens,
beside spaCy's bare tokenizer on the same texts, in one process.

    .venv/bin/python bench/syntax_speed.py            # both languages, the bundled samples x 20
    .venv/bin/python bench/syntax_speed.py --lang id --repeat 50
"""

from __future__ import annotations

import argparse
import os
import time

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import spacy  # noqa: E402

import kg  # noqa: E402
from kg.nlp import syntax  # noqa: E402
from kg.nlp.pipeline import get_pipeline  # noqa: E402


def texts_for(lang: str, repeat: int) -> list[str]:
    paths = sorted(kg.sample_path().glob(f"{lang}-*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths] * repeat


def best_of(n: int, fn) -> float:
    """Fastest of ``n`` runs in CPU seconds of this process (the machine is shared: wall time would
    measure the other processes too)."""
    best = float("inf")
    for _ in range(n):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", choices=["en", "id"], action="append")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--model", default=None, help="a pipeline folder instead of the shipped one (one --lang)")
    args = ap.parse_args()
    for lang in args.lang or ["en", "id"]:
        texts = texts_for(lang, args.repeat)
        bare = spacy.blank(lang)
        kg_nlp = get_pipeline(lang)
        docs = list(kg_nlp.pipe(texts))
        from spacy.tokens import Doc

        def plain(d):  # kg's tokens and sentence starts, without kg's span annotations (Doc.copy cannot copy those)
            return Doc(d.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d],
                       sent_starts=[bool(t.is_sent_start) for t in d])

        words = sum(len(d) for d in docs)
        syn = syntax.load_syntax(lang, args.model)
        syntax.share_strings(syn, kg_nlp.vocab)

        def run_syntax():
            ds = [plain(d) for d in docs]
            for _, proc in syn.pipeline:
                ds = list(proc.pipe(ds, batch_size=64))

        copy_cost = best_of(args.runs, lambda: [plain(d) for d in docs])
        t_syn = max(best_of(args.runs, run_syntax) - copy_cost, 1e-9)
        t_tok = best_of(args.runs, lambda: list(bare.tokenizer.pipe(texts)))
        print(f"{lang}: {words} words; syntax components {words / t_syn:,.0f} words/s; "
              f"spaCy bare tokenizer {words / t_tok:,.0f} words/s; load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
