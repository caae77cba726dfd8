"""What each of kg's uses of spaCy internals (kg/nlp/spacy_internals.py) gains, measured on this machine.

Usage: python bench/spacy_internals.py

- span information: reading ``span._.kg`` straight from ``doc.user_data`` vs through ``span._``, per read
  and as a share of one extraction of the English samples (the reads it makes, counted);
- the tokenizer without hyphen splitting: time to make Indonesian's blank pipeline with and without it;
- the token cache: time to build each language's pipeline with an empty and with a filled cache folder
  (each in a fresh process);
- the syntax models on numpy's BLAS: CPU time of each language's syntax components on the sentences of the
  bundled samples (repeated to ~20,000 words) with thinc's BLIS and inside ``numpy_blas`` (one thread), and
  whether the parses are the same;
- the parser stepped from Python: CPU time of the parser component alone on the same sentences, through
  spaCy's ``pipe`` (its greedy loop in C) and through ``parse_docs``, and whether the parses are the same.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def span_info() -> None:
    import kg.extract.arguments
    import kg.extract.dates
    import kg.extract.extractor
    import kg.extract.sentence
    import kg.nlp.actors
    import kg.nlp.pipeline
    from kg.extract.extractor import Extractor
    from kg.model import Document
    from kg.nlp import spacy_internals
    from kg.nlp.context import span_list

    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "data" / "samples").glob("en-*.txt")))
    ex = Extractor()
    doc = ex._process(ex.nlp("en"), text, None)
    spans = span_list(doc, "kg_actors") + span_list(doc, "kg_triggers") + span_list(doc, "kg_time")
    get = spacy_internals.kg_get
    direct = min(timeit.repeat(lambda: [get(s) for s in spans], number=200, repeat=5)) / 200 / len(spans)
    public = min(timeit.repeat(lambda: [s._.kg for s in spans], number=200, repeat=5)) / 200 / len(spans)
    calls = [0]

    def counting(span):
        calls[0] += 1
        return get(span)

    modules = (kg.extract.extractor, kg.extract.sentence, kg.extract.arguments, kg.extract.dates, kg.nlp.actors, kg.nlp.pipeline)
    for m in modules:
        if hasattr(m, "kg_get"):
            m.kg_get = counting
    document = Document(id="bench", text=text, lang="en")
    ex.extract(document)
    calls[0] = 0
    start = time.perf_counter()
    ex.extract(document)
    total = time.perf_counter() - start
    saved = (public - direct) * calls[0]
    print(f"span info: {direct * 1e9:.0f} ns a read direct, {public * 1e9:.0f} ns through span._; {calls[0]} reads in an "
          f"extraction of {len(text.split())} words taking {total * 1000:.0f} ms: {saved * 1000:.1f} ms saved ({saved / total:.0%})")  # fmt: skip


def tokenizer() -> None:
    from kg.nlp.spacy_internals import blank

    for keep in (False, True):
        start = time.perf_counter()
        blank("id", {"keep_hyphenated_words": keep})("serang-menyerang")
        print(f"tokenizer: Indonesian blank pipeline, keep_hyphenated_words={keep}: {(time.perf_counter() - start) * 1000:.0f} ms")


def token_cache() -> None:
    program = "import time; t = time.perf_counter(); from kg.nlp.pipeline import build_pipeline; import sys; " \
              "t = time.perf_counter(); build_pipeline(sys.argv[1]); print(f'{(time.perf_counter() - t) * 1000:.0f}')"  # fmt: skip
    for lang in ("en", "id"):
        with tempfile.TemporaryDirectory() as cache:
            env = {**os.environ, "KG_CACHE_DIR": cache, "PYTHONPATH": str(REPO)}
            run = lambda: subprocess.run([sys.executable, "-c", program, lang], env=env, capture_output=True, text=True, check=True).stdout.strip()  # noqa: E731
            cold, warm = run(), run()
            print(f"token cache: {lang} pipeline built in {cold} ms with an empty cache, {warm} ms with a filled one")


def _sample_sentences(lang: str) -> tuple[list, object]:
    """The words of the bundled samples' sentences in ``lang``, repeated to ~20,000 tokens, and a fresh copy of
    kg's syntax pipeline for it."""
    from kg.extract.extractor import Extractor
    from kg.nlp.syntax import _load_uncached, model_dir

    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "data" / "samples").glob(f"{lang}-*.txt")))
    ex = Extractor()
    sents = [[t.text for t in s] for s in ex._process(ex.nlp(lang), text, None).sents]
    return sents * max(1, 20000 // sum(map(len, sents))), _load_uncached(model_dir(lang))


def syntax_blas() -> None:
    from spacy.tokens import Doc

    from kg.nlp.spacy_internals import numpy_blas

    for lang in ("en", "id"):
        sents, nlp = _sample_sentences(lang)

        def parse():
            docs = [Doc(nlp.vocab, words=w) for w in sents]
            for _, proc in nlp.pipeline:
                docs = list(proc.pipe(docs, batch_size=256))
            return [(t.head.i, t.dep_, t.pos_, t.tag_) for d in docs for t in d]

        def cpu():
            times = []
            for _ in range(5):
                t = time.process_time()
                out = parse()
                times.append(time.process_time() - t)
            return sorted(times)[2], out

        blis, a = cpu()
        with numpy_blas(nlp):
            numpy, b = cpu()
        print(f"syntax on numpy's BLAS: {lang} {len(a)} tokens, CPU {blis:.3f} s on BLIS, {numpy:.3f} s on numpy's BLAS "
              f"(one thread), {1 - numpy / blis:.0%} less; same parses: {a == b}")  # fmt: skip


def parser_steps() -> None:
    from spacy.tokens import Doc

    from kg.nlp.spacy_internals import numpy_blas, parse_docs

    for lang in ("en", "id"):
        sents, nlp = _sample_sentences(lang)
        parser = nlp.get_pipe("parser")
        with numpy_blas(nlp):
            def tagged():
                docs = [Doc(nlp.vocab, words=w) for w in sents]
                for name, proc in nlp.pipeline:
                    if name != "parser":
                        docs = list(proc.pipe(docs, batch_size=256))
                return docs

            def cpu(run):
                times = []
                for _ in range(5):
                    docs = tagged()
                    t = time.process_time()
                    docs = run(docs)
                    times.append(time.process_time() - t)
                return sorted(times)[2], [(t.head.i, t.dep_) for d in docs for t in d]

            own, a = cpu(lambda docs: list(parser.pipe(docs, batch_size=256)))
            stepped, b = cpu(lambda docs: parse_docs(parser, docs, 256))
        print(f"parser stepped from Python: {lang} {len(a)} tokens, CPU {own:.3f} s in spaCy's greedy loop, {stepped:.3f} s "
              f"stepped, {1 - stepped / own:.0%} less; same parses: {a == b}")  # fmt: skip


if __name__ == "__main__":
    span_info()
    tokenizer()
    token_cache()
    syntax_blas()
    parser_steps()
