"""Training kg's syntactic pipelines (see :mod:`kg.nlp.syntax` for reading, using and scoring them).

:func:`train_recipe` is what ``kg syntax train`` and ``scripts/train_syntax.py`` run: the language's recipe
(``data/syntax/configs/<lang>.json``: which part of the dev treebank is held out, how often the rest is
repeated, which rewrites bring the other treebanks to its conventions) prepares the CoNLL-U files
(:func:`prepare_data`), :func:`train` runs spaCy on them with ``configs/base.cfg`` + ``configs/<lang>.cfg``,
and :func:`package` saves the best pipeline with its attribution, licence and ``training.json``.
See data/syntax/README.md for the numbers behind each choice.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

from kg.nlp import syntax
from kg.nlp.syntax import LANGS, _forbid, conllu_to_docbin, evaluate_files  # noqa: F401 (LANGS: for the script)
from kg.resources import data_dir

log = logging.getLogger(__name__)

# Which treebank files train and which measure progress (early stopping), per language, relative to
# the UD folder (../shared/ud). The standard test sets (en_ewt-ud-test, id_gsd-ud-test) are never read:
# they are the independent yardstick kg's pipelines are judged on.
GUM_HELD_OUT_EVERY = 10  # every 10th GUM document (in name order) is held out as English dev
DATA = {
    "en": {"train": ["en/GUM_*.conllu", "en/en_ewt-ud-dev.conllu"], "dev": []},
    "id": {
        "train": ["id/id_csui-ud-train.conllu", "id/id_csui-ud-test.conllu", "id/id_pud-ud-test.conllu"],
        "dev": ["id/id_gsd-ud-dev.conllu"],
    },
}
# -- training: spaCy on the prepared files --------------------------------------------------------------------------------------------


def configs_dir() -> Path:
    return data_dir() / "syntax" / "configs"


def default_ud_dir() -> Path:
    """``$KG_UD_DIR``, else ``../shared/ud`` beside the checkout (or the current folder)."""
    env = os.environ.get("KG_UD_DIR")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parents[2]  # the checkout (this is kg/nlp/syntax_train.py)
    for candidate in (here.parent / "shared" / "ud", Path.cwd().parent / "shared" / "ud", Path.cwd() / "ud"):
        if candidate.is_dir():
            return candidate
    return here.parent / "shared" / "ud"


def split_files(lang: str, ud_dir: str | Path) -> tuple[list[Path], list[Path]]:
    """The (train, dev) CoNLL-U files for ``lang`` under ``ud_dir``, per :data:`DATA`.

    English: every ``GUM_HELD_OUT_EVERY``-th GUM document (in name order) is the dev set.
    """
    if lang not in DATA:
        raise LookupError(f"no syntax training data set up for {lang!r}; kg trains: {', '.join(DATA)}")
    ud_dir = Path(ud_dir)
    if not ud_dir.is_dir():
        raise LookupError(f"{ud_dir}: no UD folder here (give --ud DIR or set KG_UD_DIR)")
    train: list[Path] = []
    dev: list[Path] = []
    for pattern in DATA[lang]["train"]:
        found = sorted(ud_dir.glob(pattern))
        if not found:
            raise LookupError(f"{ud_dir}: no file matches {pattern}")
        if pattern.startswith("en/GUM_"):
            dev += found[GUM_HELD_OUT_EVERY - 1 :: GUM_HELD_OUT_EVERY]
            found = [p for p in found if p not in dev]
        train += found
    for pattern in DATA[lang]["dev"]:
        found = sorted(ud_dir.glob(pattern))
        if not found:
            raise LookupError(f"{ud_dir}: no file matches {pattern}")
        dev += found
    for path in train + dev:
        _forbid(path)
    return train, dev


def training_config(lang: str, *, steps: int | None = None, seed: int = 0, overrides: dict | None = None):
    """The spaCy training config for ``lang``: ``configs/base.cfg`` with ``configs/<lang>.cfg`` on top."""
    from thinc.api import Config

    base = Config().from_disk(configs_dir() / "base.cfg", interpolate=False)
    own = configs_dir() / f"{lang}.cfg"
    if own.is_file():
        base = base.merge(Config().from_disk(own, interpolate=False))
    base["nlp"]["lang"] = lang
    base["system"]["seed"] = seed
    if steps is not None:
        base["training"]["max_steps"] = int(steps)
        base["training"]["eval_frequency"] = max(1, min(int(base["training"]["eval_frequency"]), int(steps)))
    for key, value in (overrides or {}).items():
        node = base
        *parents, last = key.split(".")
        for p in parents:
            node = node[p]
        node[last] = value
    return base




def _write_notice(folder: Path, lang: str) -> None:
    notice = configs_dir() / f"ATTRIBUTION-{lang}.md"
    if not notice.is_file():
        notice = configs_dir() / "ATTRIBUTION-en.md"
    (folder / "ATTRIBUTION.md").write_text(notice.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "LICENSE").write_text(
        "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)\n"
        "https://creativecommons.org/licenses/by-sa/4.0/legalcode\n\n"
        "This model folder is licensed under CC BY-SA 4.0 because it is derived from Universal Dependencies\n"
        "treebanks under that licence. See ATTRIBUTION.md for the sources and the required credit.\n",
        encoding="utf-8",
    )


def train(
    lang: str,
    *,
    out: str | Path,
    steps: int | None = None,
    ud_dir: str | Path | None = None,
    seed: int = 0,
    train_files: list[str | Path] | None = None,
    dev_files: list[str | Path] | None = None,
    overrides: dict | None = None,
    threads: int = 1,
    verbose: bool = True,
    work: str | Path | None = None,
    fold_dev_half: bool = False,
) -> dict:
    """Train ``lang``'s syntactic pipeline and save the best one (on the dev files) to ``out``.

    The data come from :func:`split_files` unless ``train_files``/``dev_files`` are given (with no dev
    files, the training files double as dev, which only suits smoke tests). Seeded (``seed``) and run on
    ``threads`` BLAS threads. Returns the training summary also written to ``out/training.json``.
    """
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, str(threads))
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(threads)
    except ImportError:
        pass
    from spacy.cli.train import train as spacy_train

    if train_files is None:
        train_list, dev_list = split_files(lang, ud_dir or default_ud_dir())
        if dev_files is not None:
            dev_list = [Path(p) for p in dev_files]
    else:
        train_list = [Path(p) for p in train_files]
        dev_list = [Path(p) for p in (dev_files or train_files)]
    for path in train_list + dev_list:
        _forbid(path)
    out = Path(out)
    xpos = lang == "en"
    started = time.time()
    dev_files_before = list(dev_list)
    owned = work is None
    work = Path(tempfile.mkdtemp(prefix=f"kg-syntax-{lang}-")) if owned else Path(work)
    work.mkdir(parents=True, exist_ok=True)
    try:
        if fold_dev_half and dev_list:
            # every other dev sentence trains; the rest stays dev (early stopping and the dev scores)
            train_list, dev_list = train_list + [work / "dev-even.conllu"], [work / "dev-odd.conllu"]
            _split_alternate(dev_files_before, work / "dev-even.conllu", work / "dev-odd.conllu")
        n_train = conllu_to_docbin(train_list, work / "train.spacy", lang, xpos=xpos)
        n_dev = conllu_to_docbin(dev_list, work / "dev.spacy", lang, xpos=xpos)
        if not n_train:
            raise ValueError("no training sentences in " + ", ".join(map(str, train_list)))
        config = training_config(lang, steps=steps, seed=seed, overrides=overrides)
        if not xpos:
            config["nlp"]["pipeline"] = [p for p in config["nlp"]["pipeline"] if p != "tagger"]
            config["components"].pop("tagger", None)
            config["training"]["score_weights"].pop("tag_acc", None)
        config["paths"]["train"] = str(work / "train.spacy")
        config["paths"]["dev"] = str(work / "dev.spacy")
        cfg_path = work / "config.cfg"
        config.to_disk(cfg_path)
        log.info("training %s: %d train / %d dev sentences", lang, n_train, n_dev)
        import spacy.util

        spacy.util.fix_random_seed(seed)
        if not verbose:
            logging.getLogger("spacy").setLevel(logging.ERROR)
        spacy_train(cfg_path, work / "output", use_gpu=-1, overrides={})
        info = {
            "lang": lang,
            "seed": seed,
            "steps": config["training"]["max_steps"],
            "train_files": [p.name for p in train_list],
            "dev_files": [p.name for p in dev_list],
            "fold_dev_half": fold_dev_half,
            "train_sentences": n_train,
            "dev_sentences": n_dev,
            "minutes": round((time.time() - started) / 60, 1),
        }
        return package(work / "output" / "model-best", out, lang, info=info, dev_files=dev_list)
    finally:
        if owned:
            shutil.rmtree(work, ignore_errors=True)


def _split_alternate(paths: list[Path], even: Path, odd: Path) -> None:
    """Write the sentences of ``paths`` alternately to ``even`` (0, 2, 4 ...) and ``odd`` (1, 3, 5 ...)."""
    blocks: list[str] = []
    for path in paths:
        blocks += [b.strip("\n") for b in Path(path).read_text(encoding="utf-8").split("\n\n") if b.strip()]
    even.write_text("\n\n".join(blocks[0::2]) + "\n\n", encoding="utf-8")
    odd.write_text("\n\n".join(blocks[1::2]) + "\n\n", encoding="utf-8")


def package(best: str | Path, out: str | Path, lang: str, *, info: dict | None = None, dev_files=()) -> dict:
    """Copy a trained pipeline folder (spaCy's ``model-best``) to ``out`` with its attribution, licence
    and ``training.json`` (``info`` plus the dev scores measured by :func:`evaluate_files`)."""
    best, out = Path(best), Path(out)
    if not (best / "meta.json").is_file():
        raise LookupError(f"{best}: no trained pipeline here (no meta.json)")
    if out.exists():
        if any(out.iterdir()) and not (out / "meta.json").is_file():
            raise ValueError(f"{out}: not empty and not a model folder; give an empty or new --out")
        shutil.rmtree(out)
    shutil.copytree(best, out)
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    summary = dict(info or {})
    perf = meta.get("performance", {})
    summary["dev_scores_spacy"] = {k: v for k, v in perf.items() if isinstance(v, (int, float))}
    summary["dev_scores"] = evaluate_files(list(dev_files), lang, model=out) if dev_files else {}
    (out / "training.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    _write_notice(out, lang)
    syntax._load_syntax.cache_clear()
    return summary


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
#
# The files rewritten and the few words the rewrites need are the language's recipe (:func:`recipe`,
# ``harmonize``): ``files`` (name prefixes), ``purpose_marks``, ``possessive_clitics`` and
# ``possessive_clitic_annotation``.
HARMONIZE_NOTICE = """
Further changes: before training, the CSUI and PUD trees were brought to the conventions of UD
Indonesian-GSD: a noun that modifies a preceding noun without a preposition was relabelled from `nmod`
to `compound`, the words of a name of three or more words were re-attached each to the word before
it (`flat:name` chains), time expressions without a preposition lost the `:tmod` subtype, purpose
clauses with "untuk" after a verb became `xcomp`, and the clitic -nya on a noun became a possessive
pronoun (`nmod:poss`), as GSD annotates them. See data/syntax/README.md in kg.
"""


def recipe(lang: str) -> dict:
    """``data/syntax/configs/<lang>.json``: how ``lang``'s pipeline is trained (empty when there is none)."""
    path = configs_dir() / f"{lang}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def _chain_flat_names(rows: list[list[str]], spec: dict) -> int:
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


def _compound_for_nmod(rows: list[list[str]], spec: dict) -> int:
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


def _untag_caseless_tmod(rows: list[list[str]], spec: dict) -> int:
    """Relabel, in place, ``obl:tmod`` -> ``obl`` and ``nmod:tmod`` -> ``nmod`` when the time word has no
    ``case`` child. GSD gives the ``:tmod`` subtype only to time expressions with a preposition ("pada
    tahun 2010": 71 of 72 on GSD dev); CSUI and PUD also to bare ones ("Kamis", "tahun lalu": 286 of 491
    in CSUI train, 149 of 411 in PUD). Returns how many were relabelled."""
    has_case = {int(r[6]) for r in rows if r[7] == "case" and r[6].isdigit()}
    changed = 0
    for r in rows:
        if r[7] in ("obl:tmod", "nmod:tmod") and int(r[0]) not in has_case:
            r[7] = r[7].split(":")[0]
            changed += 1
    return changed


def _purpose_advcl_to_xcomp(rows: list[list[str]], spec: dict) -> int:
    """Relabel, in place, an ``advcl`` VERB after its VERB head whose ``mark`` is a purpose word
    (``purpose_marks``) as ``xcomp``. Purpose clauses with "untuk" after a verb ("berusaha untuk membeli")
    are ``xcomp`` in GSD (35 on GSD dev, no ``advcl``), ``advcl`` in CSUI (44) and mostly in PUD (78
    ``advcl``, 21 ``xcomp``). Returns how many were relabelled."""
    marks = set(spec.get("purpose_marks", ()))
    by_id = {int(r[0]): r for r in rows}
    purpose = {int(r[6]) for r in rows if r[7] == "mark" and r[1].lower() in marks and r[6].isdigit()}
    changed = 0
    for r in rows:
        if r[7] != "advcl" or r[3] != "VERB" or int(r[0]) not in purpose or not r[6].isdigit():
            continue
        head = int(r[6])
        if 0 < head < int(r[0]) and by_id[head][3] == "VERB":
            r[7] = "xcomp"
            changed += 1
    return changed


def _definite_nya_to_poss(rows: list[list[str]], spec: dict) -> int:
    """Re-annotate, in place, a ``possessive_clitics`` word that is a DET ``det`` of a NOUN as a possessive
    pronoun, ``nmod:poss`` with ``possessive_clitic_annotation`` (lemma, upos, feats). The clitic -nya on
    a noun ("rumahnya") is ``nmod:poss`` in GSD (133 on a NOUN head on GSD dev, no ``det``); CSUI and PUD
    often annotate it as a definite article (DET ``det``: 43 and 52 on NOUN heads). Returns how many changed."""
    clitics = set(spec.get("possessive_clitics", ()))
    annotation = spec.get("possessive_clitic_annotation") or {}
    by_id = {int(r[0]): r for r in rows}
    changed = 0
    for r in rows:
        if r[1].lower() in clitics and r[3] == "DET" and r[7] == "det" and r[6].isdigit() and annotation:
            if by_id.get(int(r[6]), [None] * 4)[3] == "NOUN":
                r[2], r[3], r[5] = annotation["lemma"], annotation["upos"], annotation["feats"]
                r[7] = "nmod:poss"
                changed += 1
    return changed


# The rewrites, in the order applied (a caseless nmod:tmod becomes nmod, then may become compound), each
# counted under its name in training.json.
HARMONIZE_RULES = (
    ("tmod_without_case", _untag_caseless_tmod),
    ("nmod_to_compound", _compound_for_nmod),
    ("flat_name_chained", _chain_flat_names),
    ("purpose_advcl_to_xcomp", _purpose_advcl_to_xcomp),
    ("definite_nya_to_poss", _definite_nya_to_poss),
)


def harmonize_file(src: Path, dst: Path, spec: dict, rules=HARMONIZE_RULES) -> dict[str, int]:
    """Copy CoNLL-U ``src`` to ``dst`` with ``rules`` (:data:`HARMONIZE_RULES`, their words from ``spec``,
    the recipe's ``harmonize``) applied to every sentence. Returns how many words each rule changed."""
    out: list[str] = []
    rows: list[list[str]] = []
    block: list[object] = []
    counts = {name: 0 for name, _ in rules}

    def flush() -> None:
        nonlocal block, rows
        for name, rule in rules:
            counts[name] += rule(rows, spec)
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
    return counts


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


def fix_notice(path: Path, hold_out, harmonized: bool) -> None:
    """Make the model's ATTRIBUTION.md say how the dev treebank was split and what was rewritten."""
    text = path.read_text(encoding="utf-8")
    old = "every other sentence trained, the other half was the dev set"
    if hold_out == ALL_DEV:
        text = text.replace(old + "\n  (early stopping)", "all sentences trained").replace(old, "all sentences trained")
    elif isinstance(hold_out, tuple) and hold_out != (1, 2):
        k, n = hold_out
        text = text.replace(old, f"{n - 1} of every {n} sentences trained (sentence i with i % {n} != {k}), the others\n  were the dev set")
    if harmonized and HARMONIZE_NOTICE not in text:
        text += HARMONIZE_NOTICE
    path.write_text(text, encoding="utf-8")


ALL_DEV = "all-dev"  # hold-out mode: every dev sentence trains


def parse_hold_out(text: str | None):
    """``"K/N"`` -> (K, N) (dev sentence i is held out iff i % N == K), ``"all-dev"`` (every dev sentence
    trains; the dev scores are then on trained text) or None for ``"none"``/None (the dev files stay dev)."""
    if text in (None, "", "none"):
        return None
    if text == ALL_DEV:
        return ALL_DEV
    try:
        k, n = (int(x) for x in str(text).split("/"))
        if not 0 <= k < n:
            raise ValueError
    except ValueError:
        raise ValueError(f"hold-out {text!r}: give K/N with 0 <= K < N (e.g. 1/2), all-dev or none") from None
    return k, n


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
    train, dev = split_files(lang, ud_dir)
    note: dict = {}
    spec = recipe(lang).get("harmonize") or {}
    if harmonize and spec:
        relabelled = {}
        new_train = []
        for path in train:
            if path.name.startswith(tuple(spec.get("files", ()))):
                dst = folder / f"harmonized-{path.name}"
                relabelled[path.name] = harmonize_file(path, dst, spec)
                new_train.append(dst)
            else:
                new_train.append(path)
        train = new_train
        note["harmonized"] = relabelled
    if hold_out == ALL_DEV and dev:
        stem = "-".join(p.stem for p in dev)
        blocks = _sentences(dev)
        (folder / f"{stem}-train-all.conllu").write_text("\n\n".join(blocks * max(1, repeat)) + "\n\n", encoding="utf-8")
        train = train + [folder / f"{stem}-train-all.conllu"]
        note.update({"hold_out": f"none: all {len(blocks)} sentences of {', '.join(p.name for p in dev)} train; "
                                 "the dev scores are on trained sentences", "dev_repeat": max(1, repeat)})
    elif hold_out and dev:
        k, n = hold_out
        blocks = _sentences(dev)
        held = [b for i, b in enumerate(blocks) if i % n == k]
        kept = [b for i, b in enumerate(blocks) if i % n != k]
        stem = "-".join(p.stem for p in dev)
        (folder / f"{stem}-train-{k}of{n}.conllu").write_text("\n\n".join(kept * max(1, repeat)) + "\n\n", encoding="utf-8")
        (folder / f"{stem}-held-{k}of{n}.conllu").write_text("\n\n".join(held) + "\n\n", encoding="utf-8")
        train = train + [folder / f"{stem}-train-{k}of{n}.conllu"]
        dev = [folder / f"{stem}-held-{k}of{n}.conllu"]
        note.update({"hold_out": f"sentence i of {', '.join(sorted({p.name for p in split_files(lang, ud_dir)[1]}))} "
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


def train_recipe(lang: str, *, out: str | Path, steps: int | None = None, ud_dir: str | Path | None = None, seed: int = 0,
                 work: str | Path | None = None, hold_out=None, dev_repeat: int | None = None,
                 harmonize: bool | None = None, fused_copy: bool | None = None, overrides: dict | None = None,
                 threads: int = 1, command: str = "") -> dict:
    """Train ``lang``'s pipeline the way kg's shipped one was: its :func:`recipe` (hold-out, dev repeat,
    rewrites, steps) unless an argument says otherwise (``hold_out`` as :func:`parse_hold_out` reads it).
    Writes ``out`` with ``training.json`` (the data, the rewrites counted, the scores) and returns it."""
    plan = recipe(lang)
    hold = parse_hold_out(plan.get("hold_out") if hold_out is None else hold_out)
    repeat = int(plan.get("dev_repeat", 1) if dev_repeat is None else dev_repeat)
    harmonize = bool(plan.get("harmonize")) if harmonize is None else harmonize
    fused_copy = bool(plan.get("fused_copy", False)) if fused_copy is None else fused_copy
    steps = plan.get("steps") if steps is None else steps
    owned = work is None
    work = Path(tempfile.mkdtemp(prefix=f"kg-syntax-{lang}-")) if owned else Path(work)
    data = work / "data"
    data.mkdir(parents=True, exist_ok=True)
    ud = Path(ud_dir) if ud_dir else default_ud_dir()
    try:
        train_files, dev_files, note = prepare_data(lang, ud, data, hold_out=hold, repeat=repeat, harmonize=harmonize,
                                                    fused_copy=fused_copy)
        summary = train(lang, out=out, steps=steps, ud_dir=ud, seed=seed, overrides=overrides, work=work,
                        train_files=train_files, dev_files=dev_files, threads=threads)
    finally:
        if owned:
            shutil.rmtree(work, ignore_errors=True)
    summary.update(note)
    summary["command"] = command or f"kg syntax train --lang {lang}"
    summary["overrides"] = overrides or {}
    out = Path(out)
    (out / "training.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    fix_notice(out / "ATTRIBUTION.md", hold, bool(note.get("harmonized")))
    return summary
