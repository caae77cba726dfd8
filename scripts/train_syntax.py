#!/usr/bin/env python
"""Train kg's syntactic pipelines (morphologizer + dependency parser, + XPOS tagger for English) from the
Universal Dependencies treebanks in ../shared/ud, seeded and on one thread, and save them where kg ships
them (data/syntax/<lang>/, with the CC BY-SA 4.0 attribution the data require).

    .venv/bin/python scripts/train_syntax.py --lang en                 # -> data/syntax/en/
    .venv/bin/python scripts/train_syntax.py --lang id --steps 12000 --out /tmp/id-try
    .venv/bin/python scripts/train_syntax.py --lang en --set vars.width=128 --out /tmp/en-wide

Which files train and which are dev is fixed in kg/nlp/syntax.py (DATA); the configs are
data/syntax/configs/base.cfg + <lang>.cfg. `kg syntax train` runs the same code.

Indonesian data options (see data/syntax/README.md for what they do and why):

    --hold-out K/N   GSD dev sentence i is held out (dev: early stopping and scores) iff i % N == K; the
                     rest trains (--fold-dev-half is 1/2: the odd sentences held out)
    --dev-repeat R   the trained part of the dev treebank (GSD) is repeated R times in the training data
    --harmonize      CSUI and PUD relabelled to GSD's conventions (caseless noun modifiers of nouns are
                     `compound` in GSD, `nmod` in CSUI/PUD); on by default for id, --no-harmonize to skip

    .venv/bin/python scripts/train_syntax.py --lang id --hold-out 1/2 --dev-repeat 3 --steps 4000
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.nlp import syntax  # noqa: E402

# -- Indonesian treebank harmonisation ------------------------------------------------------------------
# GSD (the treebank kg's Indonesian parser is judged on) labels a noun that modifies a preceding noun
# without a preposition `compound` ("rekayasa optik", "sifat cahaya"); CSUI and PUD label the same
# construction `nmod` ("Direktur Pendanaan", "transisi kekuasaan"). Measured on GSD dev: 693 caseless
# NOUN-after-NOUN `compound` vs 38 `nmod`; CSUI train 0 vs 1,774; PUD 24 vs 1,030. Left alone, this one
# convention is 4.1% of LAS on held-out GSD. Proper-noun modifiers ("pantai Losari") stay `nmod` in all
# three, and so do modifiers with a preposition ("dari ...") and possessive pronouns (`nmod:poss`).
#
# GSD also chains the words of a name of three or more words (each `flat:name` word hangs on the word
# before it: "Direktorat <- Jenderal <- Penerbangan <- Sipil"): on GSD dev 158 such third words hang on
# the second, 16 on the first. CSUI and PUD hang them all on the first word (219 and 104 vs 0).
HARMONIZE_FROM = ("id_csui-", "id_pud-")
HARMONIZE_NOTICE = """
Further changes: before training, the CSUI and PUD trees were brought to the conventions of UD
Indonesian-GSD: a noun that modifies a preceding noun without a preposition was relabelled from `nmod`
to `compound`, and the words of a name of three or more words were re-attached each to the word before
it (`flat:name` chains), as GSD annotates them. See data/syntax/README.md in kg.
"""


def _chain_flat_names(rows: list[list[str]]) -> int:
    """Re-hang, in place, each ``flat:name`` word on the word just before it when that word belongs to the
    same name (is the name's head or another ``flat:name`` word of it). Returns how many moved."""
    by_id = {int(r[0]): r for r in rows}
    original = {int(r[0]): r[6] for r in rows}
    changed = 0
    for r in rows:
        if r[7] != "flat:name" or not r[6].isdigit():
            continue
        wid, head = int(r[0]), int(original[int(r[0])])
        prev = by_id.get(wid - 1)
        if head >= wid - 1 or prev is None:
            continue
        if prev[7] == "flat:name" and original[wid - 1] == str(head):
            r[6] = str(wid - 1)
            changed += 1
    return changed


def _compound_for_nmod(rows: list[list[str]]) -> int:
    """Relabel, in place, ``nmod`` -> ``compound`` where the dependent is a NOUN after its NOUN/PROPN head
    and has no ``case`` child (the GSD convention). ``rows`` are the integer-id token lines of one
    sentence, split into columns. Returns how many were relabelled."""
    by_id = {int(r[0]): r for r in rows}
    has_case = {int(r[6]) for r in rows if r[7] == "case" and r[6].isdigit()}
    changed = 0
    for r in rows:
        if r[7] != "nmod" or r[3] != "NOUN" or not r[6].isdigit():
            continue
        wid, head = int(r[0]), int(r[6])
        if head == 0 or head > wid or wid in has_case:
            continue
        if by_id.get(head, [None] * 4)[3] in ("NOUN", "PROPN"):
            r[7] = "compound"
            changed += 1
    return changed


def harmonize_file(src: Path, dst: Path) -> int:
    """Copy CoNLL-U ``src`` to ``dst`` with :func:`_compound_for_nmod` and :func:`_chain_flat_names` applied
    to every sentence. Returns (nmod relabelled, flat:name words re-hung)."""
    out: list[str] = []
    rows: list[list[str]] = []
    block: list[object] = []
    changed = 0
    chained = [0]

    def flush() -> None:
        nonlocal changed, block, rows
        changed += _compound_for_nmod(rows)
        chained[0] += _chain_flat_names(rows)
        out.extend("\t".join(x) if isinstance(x, list) else x for x in block)
        block, rows = [], []

    for line in src.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if not line.strip():
            flush()
            out.append("")
        elif line.startswith("#") or len(cols) < 10 or not cols[0].isdigit():
            block.append(line)
        else:
            rows.append(cols)
            block.append(cols)
    flush()
    dst.write_text("\n".join(out).rstrip("\n") + "\n\n", encoding="utf-8")
    return changed, chained[0]


def fuse_block(block: str) -> str | None:
    """One CoNLL-U sentence with its multi-word tokens as single words, the way kg's tokenizer leaves them
    ("menemuinya", "dialah", "bukankah"); None when the sentence has none.

    The fused word takes the form of the range and the annotation of the range's syntactic head (the
    word whose head lies outside the range); other words of the range disappear with their relations,
    and words outside that hung on them hang on the fused word.
    """
    lines = block.split("\n")
    ranges = []
    words: dict[int, list[str]] = {}
    for line in lines:
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 10:
            continue
        if "-" in cols[0]:
            a, b = (int(x) for x in cols[0].split("-"))
            ranges.append((a, b, cols))
        elif cols[0].isdigit():
            words[int(cols[0])] = cols
    if not ranges:
        return None
    rep: dict[int, int] = {}  # old id -> old id of the word standing for it
    for a, b, _ in ranges:
        inside = range(a, b + 1)
        heads = [i for i in inside if i in words and (not words[i][6].isdigit() or int(words[i][6]) not in inside)]
        head = heads[0] if heads else a
        for i in inside:
            rep[i] = head
    new_id: dict[int, int] = {}
    order = []
    for i in sorted(words):
        r = rep.get(i, i)
        if r not in new_id:
            new_id[r] = len(new_id) + 1
            order.append(r)
    range_of = {rep[a]: cols for a, _, cols in ranges}
    out = [line for line in lines if line.startswith("#")]
    for r in order:
        cols = list(words[r])
        if r in range_of:
            cols[1] = range_of[r][1]
            cols[9] = range_of[r][9]
        head = int(cols[6]) if cols[6].isdigit() else 0
        cols[0] = str(new_id[r])
        cols[6] = str(new_id[rep.get(head, head)]) if head else "0"
        cols[8] = "_"
        out.append("\t".join(cols))
    return "\n".join(out)


def fuse_file(src: Path, dst: Path, *, only_changed: bool = False) -> int:
    """Write ``src``'s sentences to ``dst`` with multi-word tokens fused (:func:`fuse_block`); with
    ``only_changed`` just the sentences that had some. Returns the number of sentences changed."""
    blocks = _sentences([src])
    fused = [fuse_block(b) for b in blocks]
    keep = [f if f is not None else b for f, b in zip(fused, blocks) if f is not None or not only_changed]
    dst.write_text("\n\n".join(keep) + "\n\n", encoding="utf-8")
    return sum(f is not None for f in fused)


def fix_notice(path: Path, hold_out: tuple[int, int] | None, harmonized: bool) -> None:
    """Make the model's ATTRIBUTION.md say how the dev treebank was split and what was rewritten."""
    text = path.read_text(encoding="utf-8")
    if hold_out and hold_out != (1, 2):
        k, n = hold_out
        text = text.replace("every other sentence trained, the other half was the dev set",
                            f"{n - 1} of every {n} sentences trained (sentence i with i % {n} != {k}), the others\n  were the dev set")
    if harmonized and HARMONIZE_NOTICE not in text:
        text += HARMONIZE_NOTICE
    path.write_text(text, encoding="utf-8")


def _sentences(paths: list[Path]) -> list[str]:
    blocks: list[str] = []
    for path in paths:
        blocks += [b.strip("\n") for b in Path(path).read_text(encoding="utf-8").split("\n\n") if b.strip()]
    return blocks


def prepare_data(lang: str, ud_dir: Path, folder: Path, *, hold_out: tuple[int, int] | None, repeat: int,
                 harmonize: bool, fused_copy: bool = False) -> tuple[list[Path], list[Path], dict]:
    """The (train, dev) CoNLL-U files for one run, written to ``folder``, and a note of what was done.

    ``hold_out=(k, n)``: sentence i of the dev treebank is dev iff i % n == k, the others train
    (``repeat`` times). Without it the dev files stay dev only.
    """
    train, dev = syntax.split_files(lang, ud_dir)
    note: dict = {}
    if harmonize:
        relabelled = {}
        new_train = []
        for path in train:
            if path.name.startswith(HARMONIZE_FROM):
                dst = folder / f"harmonized-{path.name}"
                relabelled[path.name] = dict(zip(("nmod_to_compound", "flat_name_chained"), harmonize_file(path, dst)))
                new_train.append(dst)
            else:
                new_train.append(path)
        train = new_train
        note["harmonized"] = relabelled
    if hold_out and dev:
        k, n = hold_out
        blocks = _sentences(dev)
        held = [b for i, b in enumerate(blocks) if i % n == k]
        kept = [b for i, b in enumerate(blocks) if i % n != k]
        stem = "-".join(p.stem for p in dev)
        (folder / f"{stem}-train-{k}of{n}.conllu").write_text("\n\n".join(kept * max(1, repeat)) + "\n\n", encoding="utf-8")
        (folder / f"{stem}-held-{k}of{n}.conllu").write_text("\n\n".join(held) + "\n\n", encoding="utf-8")
        train = train + [folder / f"{stem}-train-{k}of{n}.conllu"]
        dev = [folder / f"{stem}-held-{k}of{n}.conllu"]
        note.update({"hold_out": f"sentence i of {', '.join(sorted({p.name for p in syntax.split_files(lang, ud_dir)[1]}))} "
                                 f"is held out (dev) iff i % {n} == {k}; the other {len(kept)} train",
                     "held_out_sentences": len(held), "dev_repeat": max(1, repeat)})
    if fused_copy:
        # kg's tokenizer keeps clitics on their word ("menemuinya"); the treebanks split them. A copy of
        # every training sentence that has such words, with them fused, teaches the parser both forms.
        copies = {}
        for path in list(train):
            dst = folder / f"fused-{path.name}"
            copies[path.name] = fuse_file(path, dst, only_changed=True)
            if copies[path.name]:
                train.append(dst)
        note["fused_copies"] = copies
    return train, dev, note


def _value(text: str):
    try:
        return json.loads(text)
    except ValueError:
        return text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", required=True, choices=syntax.LANGS)
    ap.add_argument("--steps", type=int, default=None, help="training steps (default: the config's max_steps)")
    ap.add_argument("--out", default=None, help="output folder (default: data/syntax/<lang>)")
    ap.add_argument("--ud", default=None, help="UD folder (default: ../shared/ud or $KG_UD_DIR)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--work", default=None, help="keep the DocBins, config and checkpoints here (default: a temporary folder)")
    ap.add_argument("--fold-dev-half", action="store_true",
                    help="train on every other dev sentence too; the other half stays dev (= --hold-out 1/2)")
    ap.add_argument("--hold-out", default=None, metavar="K/N",
                    help="dev sentence i is held out iff i %% N == K; the other dev sentences train")
    ap.add_argument("--dev-repeat", type=int, default=1, help="repeat the trained dev sentences R times")
    ap.add_argument("--harmonize", dest="harmonize", action="store_true", default=None,
                    help="relabel CSUI/PUD to GSD conventions (default for id)")
    ap.add_argument("--no-harmonize", dest="harmonize", action="store_false")
    ap.add_argument("--fused-copy", action="store_true",
                    help="also train on copies of the sentences with multi-word tokens, fused as kg tokenizes them")
    ap.add_argument("--package-only", metavar="MODEL_BEST", default=None,
                    help="do not train: ship an already trained folder (e.g. WORK/output/model-best of a stopped run)")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="config override, e.g. vars.width=128 or training.dropout=0.2 (repeatable)")
    args = ap.parse_args(argv)
    overrides = {}
    for item in args.set:
        key, _, value = item.partition("=")
        overrides[key] = _value(value)
    out = Path(args.out) if args.out else Path(__file__).resolve().parent.parent / "data" / "syntax" / args.lang
    if args.package_only:
        _, dev = syntax.split_files(args.lang, args.ud or syntax.default_ud_dir())
        info = {"lang": args.lang, "seed": args.seed, "note": f"packaged from {args.package_only}"}
        config = Path(args.package_only).parent.parent / "config.cfg"
        if config.is_file():
            from thinc.api import Config

            cfg = Config().from_disk(config, interpolate=False)
            info["steps"] = cfg["training"]["max_steps"]
        summary = syntax.package(args.package_only, out, args.lang, info=info, dev_files=dev)
    else:
        harmonize = (args.lang == "id") if args.harmonize is None else args.harmonize
        hold_out = (1, 2) if args.fold_dev_half else None
        if args.hold_out:
            try:
                k, n = (int(x) for x in args.hold_out.split("/"))
                if not 0 <= k < n:
                    raise ValueError
            except ValueError:
                ap.error(f"--hold-out {args.hold_out!r}: give K/N with 0 <= K < N, e.g. 1/2 or 0/5")
            hold_out = (k, n)
        import tempfile

        work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix=f"kg-syntax-{args.lang}-"))
        data = work / "data"
        data.mkdir(parents=True, exist_ok=True)
        ud = Path(args.ud) if args.ud else syntax.default_ud_dir()
        try:
            train_files, dev_files, note = prepare_data(args.lang, ud, data, hold_out=hold_out,
                                                        repeat=args.dev_repeat, harmonize=harmonize,
                                                        fused_copy=args.fused_copy)
        except (LookupError, OSError, ValueError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        summary = syntax.train(args.lang, out=out, steps=args.steps, ud_dir=ud, seed=args.seed,
                               overrides=overrides, work=work, train_files=train_files, dev_files=dev_files)
        summary.update(note)
        summary["command"] = "scripts/train_syntax.py " + " ".join(argv if argv is not None else sys.argv[1:])
        summary["overrides"] = overrides
        (out / "training.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        fix_notice(out / "ATTRIBUTION.md", hold_out, bool(note.get("harmonized")))
        if not args.work:
            import shutil

            shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
