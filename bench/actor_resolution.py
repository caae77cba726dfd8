"""Actor resolution: accuracy of the case suite, resolution of the corpus gold entities, and speed.

Usage: python bench/actor_resolution.py [--corpus ../shared/corpus] [--words 60000] [--failures]

(a) tests/data/actor_cases.jsonl: accuracy overall, per language, per category (the case's ``note``) and per
    language x category; scored exactly as tests/test_actor_cases.py does.
(b) The gold corpus (``<corpus>/*/*.json`` beside ``.txt``): the share of gold entities of type Country, Person or
    Organization that kg resolves to the right code, per language. The article text goes through
    ``kg.ingest.make_document`` (junk-line cleaning, language, reference date from ``published`` or the text),
    then ``kg.resolve.resolve_text``. A gold entity counts as resolved when some returned mention's text equals
    the gold name or contains it (``strict``; the gold name without a trailing "(...)" note) and its code is one
    of the expected codes. ``lenient`` also accepts a mention whose text is a whole-word part of the gold name
    of at least 4 characters ("Putin" for "Vladimir Putin", "Marcos" for "Ferdinand Marcos Junior").
    Expected codes, from the gold entity:
      - Country: its ``country``;
      - Person / Organization: its ``country`` (ISO3, or an IGO:/NSA: code when the annotator wrote one, as
        for "U.N. General Assembly" -> IGO:UN);
      - plus any NSA:<...> code kg gives, when the gold ``country`` is null or the gold sector marks a non-state
        armed or separatist group (``REB``, ``separatist``): ACTOR_CODES.md codes such groups NSA:<NAME>
        (Pakistani Taliban -> NSA:TTP, South Ossetian separatists -> NSA:SOUTH_OSSETIAN_SEPARATISTS), whereas
        the gold files record the country they operate in;
      - plus any IGO:<...> code when the gold ``country`` is null.
(c) Start-up time of ``kg actors`` (a fresh process, end to end) and words/s of actor recognition alone
    (tokenizer, sentence splitter, lemmatizer and kg's actor tagger; time and trigger taggers skipped) over
    the corpus texts repeated to --words words per language, next to the full ``resolve_text``.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.test_actor_cases import accuracy, load_cases, run_cases  # noqa: E402

ENTITY_TYPES = ("Country", "Person", "Organization")
NSA_SECTORS = {"REB", "separatist"}


# ---------------------------------------------------------------------------------------------------- (a)
def suite_report(show_failures: bool) -> None:
    t0 = time.perf_counter()
    results = run_cases(load_cases())
    secs = time.perf_counter() - t0
    print(f"== (a) actor case suite: {len(results)} cases in {secs:.1f}s")
    fmt = lambda v: f"{v[0]:>3}/{v[1]:<3} {v[2]:6.1%}"  # noqa: E731
    print(f"overall          {fmt(accuracy(results)['all'])}")
    for lang, v in accuracy(results, "lang").items():
        print(f"  {lang:<15}{fmt(v)}")
    by_lang = {lang: accuracy([r for r in results if r["lang"] == lang], "note") for lang in ("en", "id")}
    print(f"{'category':<16}{'all':>14}   {'en':>14}   {'id':>14}")
    for note, v in accuracy(results, "note").items():
        cells = [fmt(by_lang[lang][note]) if note in by_lang[lang] else " " * 14 for lang in ("en", "id")]
        print(f"  {note:<14}{fmt(v)}   {cells[0]}   {cells[1]}")
    if show_failures:
        print("failures:")
        for r in results:
            if not r["passed"]:
                print(f"  [{r['lang']} {r['note']} {r['date']}] {r['text']!r} :: {r['mention']!r}: {r['why']}")


# ---------------------------------------------------------------------------------------------------- (b)
def expected_codes(ent: dict) -> tuple[set[str], bool, bool]:
    """(exact codes, accept any NSA:, accept any IGO:) for a gold entity."""
    country = ent.get("country")
    codes = {country} if country else set()
    any_nsa = country is None or ent.get("sector") in NSA_SECTORS
    any_igo = country is None
    return codes, any_nsa, any_igo


def code_ok(code: str | None, exp: tuple[set[str], bool, bool]) -> bool:
    codes, any_nsa, any_igo = exp
    if code is None:
        return False
    return code in codes or (any_nsa and code.startswith("NSA:")) or (any_igo and code.startswith("IGO:"))


def _gold_name(name: str) -> str:
    return re.sub(r"\s*\([^)]*\)\s*$", "", name).strip()


def _name_match(mention: str, gold: str, lenient: bool) -> bool:
    if gold in mention:
        return True
    if lenient and len(mention) >= 4 and re.search(rf"(?<!\w){re.escape(mention)}(?!\w)", gold):
        return True
    return False


def corpus_documents(corpus: Path):
    from kg.io.ingest import make_document

    for gold_path in sorted(corpus.glob("*/*.json")):
        txt = gold_path.with_suffix(".txt")
        if not txt.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        published = date.fromisoformat(gold["published"]) if gold.get("published") else None
        doc = make_document(gold["id"], txt.read_text(encoding="utf-8"), source=str(txt), lang=gold.get("lang"),
                            meta_date=published)  # fmt: skip
        yield gold, doc


def corpus_report(corpus: Path, show_failures: bool) -> list:
    from kg.extract.resolve import resolve_text

    print(f"\n== (b) gold entities of {corpus} resolved to the right code")
    tally = defaultdict(lambda: defaultdict(int))  # lang -> counter
    by_type = defaultdict(lambda: defaultdict(int))  # (lang, type) -> counter
    failures = []
    docs = []
    for gold, doc in corpus_documents(corpus):
        docs.append(doc)
        actors = resolve_text(doc.text, lang=doc.lang, ref_date=doc.date)
        for ent in gold["entities"]:
            if ent["type"] not in ENTITY_TYPES:
                continue
            name = _gold_name(ent["name"])
            exp = expected_codes(ent)
            t, bt = tally[doc.lang], by_type[(doc.lang, ent["type"])]
            t["gold"] += 1
            bt["gold"] += 1
            t["in_text"] += name in doc.text
            strict = [a for a in actors if _name_match(a["text"], name, False)]
            # lenient: the mention shares words with the name, or overlaps one of its occurrences
            # ("Pangeran Abu Dhabi Sheikh Mohammed bin Zayed" for "Sheikh Mohammed bin Zayed Al Nahyan")
            spots = [m.start() for m in re.finditer(re.escape(name), doc.text)]
            lenient = [a for a in actors if _name_match(a["text"], name, True)
                       or any(a["start"] < p + len(name) and p < a["end"] for p in spots)]  # fmt: skip
            ok_strict = any(code_ok(a["code"], exp) for a in strict)
            ok_lenient = any(code_ok(a["code"], exp) for a in lenient)
            t["strict"] += ok_strict
            t["lenient"] += ok_lenient
            bt["strict"] += ok_strict
            bt["lenient"] += ok_lenient
            if not ok_lenient:
                seen = sorted({f"{a['text']}->{a['code']}" for a in lenient})
                why = f"found with wrong code: {', '.join(seen)}" if seen else (
                    "not found" if name in doc.text else "not found (gold name not verbatim in text)")
                failures.append((doc.lang, gold["id"], ent["type"], ent["name"], ent.get("country"), why))
    for lang in sorted(tally):
        t = tally[lang]
        print(f"  {lang}: {t['gold']} gold entities ({t['in_text']} with the name verbatim in the cleaned text): "
              f"strict {t['strict']}/{t['gold']} = {t['strict'] / t['gold']:.1%}, "
              f"lenient {t['lenient']}/{t['gold']} = {t['lenient'] / t['gold']:.1%}")  # fmt: skip
        for typ in ENTITY_TYPES:
            bt = by_type.get((lang, typ))
            if bt:
                print(f"      {typ:<13} strict {bt['strict']:>2}/{bt['gold']:<2} lenient {bt['lenient']:>2}/{bt['gold']:<2}")
    if show_failures:
        print("  unresolved (lenient):")
        for f in failures:
            print(f"    [{f[0]} {f[1]}] {f[2]} {f[3]!r} (gold {f[4]}): {f[5]}")
    return docs


# ---------------------------------------------------------------------------------------------------- (c)
def speed_report(docs: list, words_target: int) -> None:
    print("\n== (c) speed")
    kg_bin = shutil.which("kg", path=str(Path(sys.executable).parent)) or shutil.which("kg")
    cmd = [kg_bin, "actors"] if kg_bin else [sys.executable, "-m", "kg.cli", "actors"]
    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run([*cmd, "Presiden Rusia, Vladimir Putin, menelepon Raisi", "--lang", "id", "--date", "2024-04-16"],
                       check=True, capture_output=True)  # fmt: skip
        runs.append(time.perf_counter() - t0)
    print(f"  `kg actors` start-up, end to end (3 runs): median {statistics.median(runs):.2f}s, min {min(runs):.2f}s")

    from kg.extract.extractor import Extractor
    from kg.extract.resolve import resolve_text

    ex = Extractor()
    for lang in ("en", "id"):
        texts = [d.text for d in docs if d.lang == lang]
        if not texts:
            continue
        nlp = ex.nlp(lang)
        batch, words, i = [], 0, 0
        while words < words_target:
            batch.append(texts[i % len(texts)])
            words += len(texts[i % len(texts)].split())
            i += 1
        nlp.make_doc(texts[0])  # warm
        t0 = time.perf_counter()
        mentions = 0
        for text in batch:
            doc = nlp.make_doc(text)
            for name, proc in nlp.pipeline:
                if name in ("kg_time", "kg_triggers"):
                    continue
                doc = proc(doc)
            mentions += len(doc.spans["kg_actors"]) if "kg_actors" in doc.spans else 0
        secs = time.perf_counter() - t0
        t0 = time.perf_counter()
        for text in batch:
            resolve_text(text, lang=lang, ref_date=date(2024, 4, 16))
        full = time.perf_counter() - t0
        print(f"  {lang}: {words:,} words ({len(batch)} texts): actor recognition alone {words / secs:,.0f} words/s "
              f"({mentions:,} actor/place spans); full resolve_text {words / full:,.0f} words/s")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    ap.add_argument("--words", type=int, default=60_000, help="words per language for the speed measurement")
    ap.add_argument("--failures", action="store_true", help="list failing cases and unresolved gold entities")
    args = ap.parse_args()
    suite_report(args.failures)
    docs = corpus_report(args.corpus, args.failures) if args.corpus.is_dir() else []
    if not docs:
        print(f"\n(no corpus at {args.corpus}: skipping (b))")
    speed_report(docs, args.words)


if __name__ == "__main__":
    main()
