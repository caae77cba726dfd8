"""``kg syntax train`` / ``kg syntax evaluate``: kg's own syntactic pipelines (see :mod:`kg.nlp.syntax`)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from kg.cli.base import _fail


@click.group()
def syntax() -> None:
    """kg's own syntactic pipelines (UPOS, morphology, dependency trees), trained on Universal
    Dependencies treebanks and shipped with kg (data/syntax/<lang>/, CC BY-SA 4.0).

    \b
    Examples:
      kg syntax evaluate ../shared/ud/id/id_gsd-ud-dev.conllu --lang id
      kg syntax train --lang en --steps 200 --out /tmp/en-syntax
    """


@syntax.command()
@click.option("--lang", required=True, type=click.Choice(["en", "id"]), help="Language to train.")
@click.option("--steps", type=click.IntRange(1), default=None, help="Training steps (default: the config's, with early stopping).")
@click.option("--out", type=click.Path(file_okay=False), default=None,
              help="Folder for the trained pipeline (default: kg's own data/syntax/<lang>).")  # fmt: skip
@click.option("--ud", "ud_dir", type=click.Path(file_okay=False), default=None,
              help="Folder of the UD treebanks (default: ../shared/ud or $KG_UD_DIR).")  # fmt: skip
@click.option("--train-file", "train_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Train on these CoNLL-U files instead of the standard split (repeatable).")  # fmt: skip
@click.option("--dev-file", "dev_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Measure progress on these CoNLL-U files (repeatable).")  # fmt: skip
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed.")
@click.option("--threads", type=click.IntRange(1, 64), default=1, show_default=True, help="BLAS threads.")
def train(lang, steps, out, ud_dir, train_files, dev_files, seed, threads):
    """Train LANG's tagger + dependency parser from UD treebanks and save it to --out.

    English trains on the GUM documents (every 10th held out as dev) and the EWT dev set; Indonesian on
    CSUI train+test and PUD rewritten to GSD's conventions plus part of GSD dev, the rest of GSD dev
    being the dev set. The configs and each language's recipe (data/syntax/configs/<lang>.json: hold-out,
    repeats, steps, rewrites) are those of the shipped models; scripts/train_syntax.py runs the same
    recipe with more options. The EWT and GSD test sets are never used.

    \b
    Examples:
      kg syntax train --lang id --out /tmp/id-syntax
      kg syntax train --lang en --steps 200 --out /tmp/en-try --train-file my.conllu
    """
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, str(threads))
    from kg.nlp.syntax import ConlluError, model_dir
    from kg.nlp.syntax_train import train as run_train
    from kg.nlp.syntax_train import train_recipe

    target = Path(out) if out else model_dir(lang)
    try:
        if train_files or dev_files:
            summary = run_train(lang, out=target, steps=steps, ud_dir=ud_dir, seed=seed, threads=threads,
                                train_files=list(train_files) or None, dev_files=list(dev_files) or None)  # fmt: skip
        else:
            summary = train_recipe(lang, out=target, steps=steps, ud_dir=ud_dir, seed=seed, threads=threads)
    except (ConlluError, ValueError, OSError, LookupError) as exc:
        _fail(str(exc))
    dev = summary.get("dev_scores") or {}
    click.echo(f"{lang}: {summary.get('train_sentences')} training sentences -> {target}"
               + (f"; dev UAS {dev['uas']:.3f} LAS {dev['las']:.3f} POS {dev['pos']:.3f}" if dev else ""))  # fmt: skip


@syntax.command()
@click.argument("treebank", type=click.Path(exists=True, dir_okay=False))
@click.option("--lang", required=True, type=click.Choice(["en", "id"]), help="Language of the treebank.")
@click.option("--model", type=click.Path(exists=True, file_okay=False), default=None,
              help="A pipeline folder to score instead of kg's shipped one.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (uas, las, pos from 0 to 1, and counts).")
def evaluate(treebank, lang, model, as_json):
    """Score kg's LANG syntax pipeline on TREEBANK (CoNLL-U): UAS, LAS and POS (UPOS) accuracy.

    Gold tokens and gold sentence boundaries; UAS/LAS leave out punctuation and LAS compares whole
    labels (nsubj:pass, obl:agent). uas_all/las_all count punctuation too.

    \b
    Examples:
      kg syntax evaluate ../shared/ud/en/en_ewt-ud-dev.conllu --lang en
      kg syntax evaluate id_gsd-ud-test.conllu --lang id --json
    """
    from kg.nlp.syntax import ConlluError
    from kg.nlp.syntax import evaluate as run_evaluate

    try:
        scores = run_evaluate(treebank, lang, model=model)
    except (ConlluError, ValueError, OSError) as exc:
        _fail(str(exc))
    if as_json:
        click.echo(json.dumps(scores))
        return
    click.echo(f"{treebank}: {scores['sentences']} sentences, {scores['words']} words ({lang})")
    click.echo(f"UAS {scores['uas']:.4f}  LAS {scores['las']:.4f}  POS {scores['pos']:.4f}"
               f"  (with punctuation: UAS {scores['uas_all']:.4f} LAS {scores['las_all']:.4f})")  # fmt: skip
    click.echo(f"{scores['words_per_second']:,} words/s (morphologizer+tagger+parser, one process)")
    sys.stdout.flush()


COMMANDS = [syntax]
