"""kg's own syntactic pipelines: a morphologizer (UPOS + UD features), a dependency parser and, for English,
an XPOS tagger, trained here on Universal Dependencies treebanks and shipped in ``data/syntax/<lang>/``.

The pipelines hold components only, never a tokenizer kg uses: kg keeps its own tokenisation and runs
the components on its own Docs (:func:`parse`), or a pipeline sources them
(``nlp.add_pipe("parser", source=load_syntax("en"))`` together with ``tok2vec`` and ``morphologizer``,
which the parser and morphologizer listen to).

Python API::

    from kg.nlp.syntax import read_conllu, conllu_to_docs, train, evaluate, load_syntax, parse

    evaluate("en_ewt-ud-dev.conllu", "en")   # {'uas': ..., 'las': ..., 'pos': ..., ...}
    doc = parse(kg_doc, "id")               # heads, deps, pos and morph on kg's own tokens

Training data and scoring conventions:

- CoNLL-U token lines with an integer id are the words; ``3-4`` multi-word ranges give no word of
  their own (their ``SpaceAfter=No`` goes to their last word, the words inside are glued) and ``5.1``
  empty nodes are skipped. A head of 0 becomes the word itself with the label ``ROOT``. Extra columns
  and comment lines (GUM) are ignored. One sentence is one Doc.
- :func:`evaluate` parses with gold tokens and gold sentence boundaries, like kg parses its own
  sentences. UAS and LAS leave out punctuation (gold label ``punct``), as spaCy's scorer does; LAS
  compares whole labels, subtypes included (``nsubj:pass``, ``obl:agent``). ``pos`` is UPOS accuracy
  over all words. ``uas_all``/``las_all`` count punctuation too.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg.caching import keep_loaded
from kg.lang.settings import settings
from kg.resources import data_dir

log = logging.getLogger(__name__)

LANGS = ("en", "id")
SENTS_PER_DOC = 1  # one sentence per Doc, in training and evaluation: kg parses its own sentences

FORBIDDEN = ("en_ewt-ud-test", "id_gsd-ud-test")  # the yardsticks: never trained on (kg.nlp.syntax_train)


class ConlluError(ValueError):
    """A CoNLL-U file that cannot be read; the message names the file and line."""


@dataclass
class Sentence:
    """One CoNLL-U sentence's syntactic words (integer ids only)."""

    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    upos: list[str] = field(default_factory=list)
    xpos: list[str] = field(default_factory=list)
    feats: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)  # 0-based index of the head word in the sentence; self for the root
    deps: list[str] = field(default_factory=list)
    sent_id: str = ""

    def __len__(self) -> int:
        return len(self.words)


def _space_after(misc: str) -> bool:
    return "SpaceAfter=No" not in misc.split("|")


def read_conllu(path: str | Path) -> Iterator[Sentence]:
    """The sentences of a CoNLL-U file (see the module docstring for what is kept).

    Raises :class:`ConlluError` naming the file and line for a line that is not CoNLL-U.
    """
    path = Path(path)
    sent = Sentence()
    rows: list[tuple[int, list[str]]] = []
    range_end = 0  # last word id of the current multi-word range
    range_space = True

    def finish() -> Sentence | None:
        if not rows:
            return None
        ids = [int(cols[0]) for _, cols in rows]
        if ids != list(range(1, len(ids) + 1)):
            raise ConlluError(f"{path}:{rows[0][0]}: word ids of a sentence must run 1, 2, 3 ... (got {ids[:8]})")
        for number, cols in rows:
            try:
                head = int(cols[6])
            except ValueError:
                raise ConlluError(f"{path}:{number}: head {cols[6]!r} is not a number") from None
            if not 0 <= head <= len(rows):
                raise ConlluError(f"{path}:{number}: head {head} is outside the sentence (1-{len(rows)})")
            own = int(cols[0]) - 1
            sent.heads.append(own if head == 0 else head - 1)
            sent.deps.append("ROOT" if head == 0 else cols[7])
        return sent

    try:
        fh = open(path, encoding="utf-8")
    except OSError as exc:
        raise ConlluError(f"{path}: cannot read ({exc.strerror or exc})") from None
    with fh:
        try:
            for number, line in enumerate(fh, 1):
                line = line.rstrip("\r\n")
                if not line.strip():
                    done = finish()
                    if done is not None:
                        yield done
                    sent, rows, range_end = Sentence(), [], 0
                    continue
                if line.startswith("#"):
                    if line.startswith("# sent_id"):
                        sent.sent_id = line.split("=", 1)[-1].strip()
                    continue
                cols = line.split("\t")
                if len(cols) < 10:
                    raise ConlluError(f"{path}:{number}: a token line needs 10 tab-separated columns, found {len(cols)}")
                wid = cols[0]
                if "." in wid:  # empty node of an enhanced graph
                    continue
                if "-" in wid:  # multi-word token: its words follow; its SpaceAfter belongs to the last one
                    try:
                        range_end = int(wid.split("-")[1])
                    except ValueError:
                        raise ConlluError(f"{path}:{number}: bad multi-word range {wid!r}") from None
                    range_space = _space_after(cols[9])
                    continue
                if not wid.isdigit():
                    raise ConlluError(f"{path}:{number}: token id {wid!r} is not a number")
                n = int(wid)
                if n < range_end:
                    space = False
                elif n == range_end:
                    space = range_space
                else:
                    space = _space_after(cols[9])
                rows.append((number, cols))
                sent.words.append(cols[1])
                sent.spaces.append(space)
                sent.lemmas.append("" if cols[2] == "_" and cols[1] != "_" else cols[2])
                sent.upos.append("" if cols[3] == "_" else cols[3])
                sent.xpos.append("" if cols[4] == "_" else cols[4])
                sent.feats.append("" if cols[5] == "_" else cols[5])
        except UnicodeDecodeError:
            raise ConlluError(f"{path}: not UTF-8 text") from None
    done = finish()
    if done is not None:
        yield done


def sentence_doc(vocab, sent: Sentence, *, xpos: bool = True):
    """A spaCy Doc carrying ``sent``'s gold annotation (words, spaces, UPOS, XPOS, features, lemmas, tree)."""
    from spacy.tokens import Doc

    spaces = list(sent.spaces)
    spaces[-1] = False
    return Doc(
        vocab,
        words=sent.words,
        spaces=spaces,
        pos=[p or None for p in sent.upos] if any(sent.upos) else None,
        tags=list(sent.xpos) if xpos and any(sent.xpos) else None,
        morphs=list(sent.feats),
        lemmas=list(sent.lemmas),
        heads=list(sent.heads),
        deps=list(sent.deps),
    )


def conllu_to_docs(paths: Iterable[str | Path], vocab, *, xpos: bool = True) -> Iterator:
    """Docs (one per sentence) from CoNLL-U files; empty sentences are skipped."""
    for path in paths:
        for sent in read_conllu(path):
            if len(sent):
                yield sentence_doc(vocab, sent, xpos=xpos)


def conllu_to_docbin(paths: Iterable[str | Path], out: str | Path, lang: str, *, xpos: bool = True) -> int:
    """Write the sentences of ``paths`` as a spaCy DocBin to ``out``; returns the number of sentences."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank(lang)
    db = DocBin(store_user_data=False)
    n = 0
    for doc in conllu_to_docs(paths, nlp.vocab, xpos=xpos):
        db.add(doc)
        n += 1
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    return n


def _forbid(path: Path) -> None:
    if any(name in path.name for name in FORBIDDEN):
        raise ValueError(f"{path}: the UD English-EWT and Indonesian-GSD test sets are the yardstick; kg never trains on them")


# -- using and scoring ------------------------------------------------------------------------------------


def model_dir(lang: str) -> Path:
    """``data/syntax/<syntax_model>/`` of the language's settings (a copy of ``en`` parses as ``en``)."""
    try:
        name = settings(lang).syntax_model
    except LookupError:
        name = lang
    return data_dir() / "syntax" / name


def load_syntax(lang: str, model: str | Path | None = None):
    """kg's syntactic pipeline for ``lang`` (or the folder ``model``), cached on both and KG_LANG_PATH however
    the call is written. Raises ``LookupError`` with what to do when there is none."""
    return _load_syntax(lang, str(model) if model else None, os.environ.get("KG_LANG_PATH", ""))


@cache
def _load_syntax(lang: str, model: str | None, _lang_path: str):
    path = Path(model) if model else model_dir(lang)
    if not (path / "meta.json").is_file():
        raise LookupError(f"no syntax model for {lang!r} in {path}: train one with `kg syntax train --lang {lang}`")
    nlp = _spacy_load(path)
    if nlp.lang != path.name and model is None:
        raise LookupError(f"{path}: the syntax model is for {nlp.lang!r}, not {lang!r}")
    keep_loaded()
    return nlp


def share_strings(syntax_nlp, vocab) -> None:
    """Make ``vocab`` know the labels of ``syntax_nlp`` (needed to run its components on kg's own Docs).

    Done once per vocabulary: a marker string naming the syntax pipeline is added last and looked up
    next time (kept in the vocabulary itself, so a new vocabulary that reuses a collected one's id() is
    never taken for it).
    """
    if syntax_nlp.vocab is vocab:
        return
    marker = f"__kg_syntax_strings__:{syntax_nlp.lang}:{id(syntax_nlp)}:{len(syntax_nlp.vocab.strings)}"
    if marker in vocab.strings:
        return
    for s in syntax_nlp.vocab.strings:
        vocab.strings.add(s)
    vocab.strings.add(marker)


def parse(doc, lang: str, *, model: str | Path | None = None):
    """Run ``lang``'s syntactic components (tok2vec, morphologizer, tagger, parser) on a Doc that kg's
    own pipeline tokenised; sets ``pos``, ``morph`` (``tag`` for English), ``head`` and ``dep`` in place.

    Sentence boundaries already set on ``doc`` (kg's sentencizer) are kept by the parser.
    """
    nlp = load_syntax(lang, model)
    share_strings(nlp, doc.vocab)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def _score(pairs: Iterable[tuple[Sentence, object]]) -> dict:
    words = sents = pos_ok = 0
    uas_n = uas_ok = las_ok = 0
    all_uas = all_las = 0
    for gold, pred in pairs:
        sents += 1
        for i, token in enumerate(pred):
            words += 1
            pos_ok += token.pos_ == gold.upos[i]
            head_ok = token.head.i == gold.heads[i]
            label_ok = head_ok and token.dep_.lower() == gold.deps[i].lower()
            all_uas += head_ok
            all_las += label_ok
            if gold.deps[i].split(":")[0] != "punct":
                uas_n += 1
                uas_ok += head_ok
                las_ok += label_ok
    ratio = lambda a, b: round(a / b, 4) if b else 0.0  # noqa: E731
    return {
        "uas": ratio(uas_ok, uas_n),
        "las": ratio(las_ok, uas_n),
        "pos": ratio(pos_ok, words),
        "uas_all": ratio(all_uas, words),
        "las_all": ratio(all_las, words),
        "sentences": sents,
        "words": words,
    }


def evaluate_files(paths: Iterable[str | Path], lang: str, *, model: str | Path | None = None) -> dict:
    """UAS, LAS (punctuation left out) and UPOS accuracy of ``lang``'s syntax pipeline on CoNLL-U files,
    with gold tokens and gold sentence boundaries; also words/s of the components."""
    from spacy.tokens import Doc

    paths = list(paths)
    golds = [s for p in paths for s in read_conllu(p) if len(s)]
    if not golds:
        raise ValueError("no sentences to evaluate in " + ", ".join(map(str, paths)))
    nlp = load_syntax(lang, model) if model is None else _load_uncached(model)
    docs = [Doc(nlp.vocab, words=g.words, spaces=g.spaces[:-1] + [False]) for g in golds]
    started = time.perf_counter()
    for _, proc in nlp.pipeline:
        docs = list(proc.pipe(docs, batch_size=256))
    seconds = time.perf_counter() - started
    scores = _score(zip(golds, docs))
    scores["words_per_second"] = round(scores["words"] / seconds) if seconds else 0
    return scores


def _load_uncached(model: str | Path):
    path = Path(model)
    if not (path / "meta.json").is_file():
        raise LookupError(f"{path}: not a trained spaCy pipeline folder (no meta.json)")
    return _spacy_load(path)


def _spacy_load(path: Path):
    """The pipeline at ``path`` without its tokenizer's rules: kg's own pipeline tokenises, and the syntax
    components only ever run on Docs it made (or on CoNLL-U's gold words). Loading the Indonesian model's
    16,000 tokenizer exceptions twice cost ~3 s in every process that parses Indonesian; a bare
    tokenizer (whitespace only) loads in ~0.07 s and parses the same."""
    import spacy
    from spacy.tokenizer import Tokenizer
    from spacy.util import registry

    if "kg.bare_tokenizer.v1" not in registry.tokenizers:

        @registry.tokenizers("kg.bare_tokenizer.v1")
        def _bare_tokenizer():
            return lambda nlp: Tokenizer(nlp.vocab)

    return spacy.load(path, exclude=["tokenizer"], config={"nlp": {"tokenizer": {"@tokenizers": "kg.bare_tokenizer.v1"}}})


def evaluate(treebank: str | Path, lang: str, *, model: str | Path | None = None) -> dict:
    """Score ``lang``'s shipped syntax pipeline (or ``model``) on one CoNLL-U file; see :func:`evaluate_files`."""
    return evaluate_files([treebank], lang, model=model)
