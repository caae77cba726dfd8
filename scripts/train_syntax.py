#!/usr/bin/env python
"""Train kg's syntactic pipelines (morphologizer + dependency parser, + XPOS tagger for English) from the
Universal Dependencies treebanks in ../shared/ud, seeded and on one thread, and save them where kg ships
them (data/syntax/<lang>/, with the CC BY-SA 4.0 attribution the data require).

    .venv/bin/python scripts/train_syntax.py --lang en                 # -> data/syntax/en/
    .venv/bin/python scripts/train_syntax.py --lang id --steps 12000 --out /tmp/id-try
    .venv/bin/python scripts/train_syntax.py --lang en --set vars.width=128 --out /tmp/en-wide

Which files train and which are dev is fixed in kg/nlp/syntax_train.py (DATA); the configs are
data/syntax/configs/base.cfg + <lang>.cfg, and the recipe (hold-out, dev repeat, steps, rewrites) is
data/syntax/configs/<lang>.json. `kg syntax train` runs the same code (kg.nlp.syntax_train.train_recipe);
the options below override the recipe.

Indonesian data options (see data/syntax/README.md for what they do and why):

    --hold-out K/N   GSD dev sentence i is held out (dev: early stopping and scores) iff i % N == K; the
                     rest trains (--fold-dev-half is 1/2: the odd sentences held out); `all-dev` trains on
                     every dev sentence (its dev scores are then on trained text), `none` trains on none
    --dev-repeat R   the trained part of the dev treebank (GSD) is repeated R times in the training data
    --harmonize      CSUI and PUD rewritten to GSD's conventions (the recipe's `harmonize`); on by
                     default for id, --no-harmonize to skip

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

from kg.nlp import syntax_train as syntax  # noqa: E402


def _value(text: str):
    try:
        return json.loads(text)
    except ValueError:
        return text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", required=True, choices=syntax.LANGS)
    ap.add_argument("--steps", type=int, default=None, help="training steps (default: the recipe's, else the config's max_steps)")
    ap.add_argument("--out", default=None, help="output folder (default: data/syntax/<lang>)")
    ap.add_argument("--ud", default=None, help="UD folder (default: ../shared/ud or $KG_UD_DIR)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--work", default=None, help="keep the DocBins, config and checkpoints here (default: a temporary folder)")
    ap.add_argument("--fold-dev-half", action="store_true",
                    help="train on every other dev sentence too; the other half stays dev (= --hold-out 1/2)")
    ap.add_argument("--hold-out", default=None, metavar="K/N",
                    help="dev sentence i is held out iff i %% N == K; the other dev sentences train (all-dev, none; default: the recipe's)")
    ap.add_argument("--dev-repeat", type=int, default=None, help="repeat the trained dev sentences R times (default: the recipe's)")
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
        hold_out = "1/2" if args.fold_dev_half else args.hold_out
        try:
            syntax.parse_hold_out(hold_out)
        except ValueError as exc:
            ap.error(str(exc))
        command = "scripts/train_syntax.py " + " ".join(argv if argv is not None else sys.argv[1:])
        try:
            summary = syntax.train_recipe(args.lang, out=out, steps=args.steps, ud_dir=args.ud, seed=args.seed,
                                          work=args.work, hold_out=hold_out, dev_repeat=args.dev_repeat,
                                          harmonize=args.harmonize, fused_copy=args.fused_copy or None,
                                          overrides=overrides, command=command)
        except (LookupError, OSError, ValueError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
