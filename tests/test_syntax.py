"""kg's own syntactic pipelines (issue #12 part 1): the CoNLL-U converter, the shipped models on kg's own
tokens, `kg syntax evaluate` and `kg syntax train` as real subprocesses.

Every sentence here was written for these tests (none comes from a treebank or the shared corpus).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.nlp import syntax, syntax_train
from kg.nlp.syntax import ConlluError, read_conllu

REPO = Path(__file__).resolve().parents[1]

# "Menteri itu menemuinya di Jakarta." -- a multi-word token (menemuinya = menemui + nya), an empty
# node, SpaceAfter=No before the full stop, extra comment lines and GUM-like MISC annotations.
ID_TREEBANK = """\
# newdoc id = kg-test-id
# global.Entity = GRP-etype
# sent_id = kg-id-1
# text = Menteri itu menemuinya di Jakarta.
1	Menteri	menteri	NOUN	NN	Number=Sing	3	nsubj	3:nsubj	Entity=(1-person
2	itu	itu	DET	DT	PronType=Dem	1	det	1:det	Entity=1)
3-4	menemuinya	_	_	_	_	_	_	_	_
3	menemui	temu	VERB	VB	Voice=Act	0	root	0:root	_
3.1	menemui	temu	VERB	VB	_	_	_	3:conj	_
4	nya	nya	PRON	PRP	Person=3	3	obj	3:obj	_
5	di	di	ADP	IN	_	6	case	6:case	_
6	Jakarta	Jakarta	PROPN	NNP	_	3	obl	3:obl:di	SpaceAfter=No
7	.	.	PUNCT	Z	_	3	punct	3:punct	_

# sent_id = kg-id-2
# text = Polisi menangkap dua pria.
1	Polisi	polisi	NOUN	NN	_	2	nsubj	_	_
2	menangkap	tangkap	VERB	VB	Voice=Act	0	root	_	_
3	dua	dua	NUM	CD	NumType=Card	4	nummod	_	_
4	pria	pria	NOUN	NN	_	2	obj	_	SpaceAfter=No
5	.	.	PUNCT	Z	_	2	punct	_	_

"""

EN_TREEBANK = """\
# sent_id = kg-en-1
# text = The minister signed the treaty in Jakarta.
1	The	the	DET	DT	Definite=Def|PronType=Art	2	det	_	_
2	minister	minister	NOUN	NN	Number=Sing	3	nsubj	_	_
3	signed	sign	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
4	the	the	DET	DT	Definite=Def|PronType=Art	5	det	_	_
5	treaty	treaty	NOUN	NN	Number=Sing	3	obj	_	_
6	in	in	ADP	IN	_	7	case	_	_
7	Jakarta	Jakarta	PROPN	NNP	Number=Sing	3	obl	_	SpaceAfter=No
8	.	.	PUNCT	.	_	3	punct	_	_

# sent_id = kg-en-2
# text = Rebels attacked a convoy near the border.
1	Rebels	rebel	NOUN	NNS	Number=Plur	2	nsubj	_	_
2	attacked	attack	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
3	a	a	DET	DT	Definite=Ind|PronType=Art	4	det	_	_
4	convoy	convoy	NOUN	NN	Number=Sing	2	obj	_	_
5	near	near	ADP	IN	_	7	case	_	_
6	the	the	DET	DT	Definite=Def|PronType=Art	7	det	_	_
7	border	border	NOUN	NN	Number=Sing	2	obl	_	SpaceAfter=No
8	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = kg-en-3
# text = The talks were hosted by Egypt.
1	The	the	DET	DT	Definite=Def|PronType=Art	2	det	_	_
2	talks	talk	NOUN	NNS	Number=Plur	4	nsubj:pass	_	_
3	were	be	AUX	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	4	aux:pass	_	_
4	hosted	host	VERB	VBN	Tense=Past|VerbForm=Part|Voice=Pass	0	root	_	_
5	by	by	ADP	IN	_	6	case	_	_
6	Egypt	Egypt	PROPN	NNP	Number=Sing	4	obl:agent	_	SpaceAfter=No
7	.	.	PUNCT	.	_	4	punct	_	_

"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _kg(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=timeout, cwd=REPO)


# -- the converter ----------------------------------------------------------------------------------------


def test_conllu_words_spaces_heads_and_root(tmp_path):
    first, second = list(read_conllu(_write(tmp_path, "id.conllu", ID_TREEBANK)))
    # the range line gives no word, the empty node 3.1 is skipped, the words inside the range are glued
    assert first.words == ["Menteri", "itu", "menemui", "nya", "di", "Jakarta", "."]
    assert first.spaces == [True, True, False, True, True, False, True]
    assert first.heads == [2, 0, 2, 2, 5, 2, 2]  # 0-based; the root points at itself
    assert first.deps == ["nsubj", "det", "ROOT", "obj", "case", "obl", "punct"]
    assert first.upos[2] == "VERB" and first.feats[3] == "Person=3" and first.lemmas[2] == "temu"
    assert first.sent_id == "kg-id-1"
    assert second.words[1] == "menangkap" and second.deps[1] == "ROOT"


def test_conllu_to_docbin_keeps_the_text_and_the_tree(tmp_path):
    import spacy
    from spacy.tokens import DocBin

    out = tmp_path / "train.spacy"
    n = syntax.conllu_to_docbin([_write(tmp_path, "id.conllu", ID_TREEBANK)], out, "id")
    assert n == 2
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("id").vocab))
    assert [d.text for d in docs] == ["Menteri itu menemuinya di Jakarta.", "Polisi menangkap dua pria."]
    doc = docs[0]
    assert [t.dep_ for t in doc] == ["nsubj", "det", "ROOT", "obj", "case", "obl", "punct"]
    assert [t.head.i for t in doc] == [2, 0, 2, 2, 5, 2, 2]
    assert doc[3].pos_ == "PRON" and str(doc[3].morph) == "Person=3"
    assert len(list(doc.sents)) == 1


def test_conllu_errors_name_file_and_line(tmp_path):
    bad = _write(tmp_path, "bad.conllu", "1\tA\ta\tNOUN\tNN\t_\t0\troot\t_\t_\n2\tb\tb\tNOUN\n\n")
    with pytest.raises(ConlluError, match=r"bad\.conllu:2: .*10 tab-separated columns"):
        list(read_conllu(bad))
    wrong_head = _write(tmp_path, "head.conllu", "1\tA\ta\tNOUN\tNN\t_\t7\troot\t_\t_\n\n")
    with pytest.raises(ConlluError, match=r"head\.conllu:1: head 7 is outside"):
        list(read_conllu(wrong_head))


def test_the_judging_test_sets_are_refused(tmp_path):
    forbidden = _write(tmp_path, "en_ewt-ud-test.conllu", EN_TREEBANK)
    with pytest.raises(ValueError, match="never trains on them"):
        syntax_train.train("en", out=tmp_path / "m", train_files=[forbidden], steps=1)


# -- the shipped models -----------------------------------------------------------------------------------


def _arcs(doc) -> set[tuple[str, str, str]]:
    return {(t.dep_, t.text, t.head.text) for t in doc}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_shipped_model_is_there_small_and_attributed(lang):
    folder = REPO / "data" / "syntax" / lang
    assert (folder / "meta.json").is_file(), f"no shipped {lang} syntax model"
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    assert size < 20_000_000
    notice = (folder / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in notice
    for source in {"en": ("GUM", "EWT"), "id": ("CSUI", "PUD", "GSD")}[lang]:
        assert source in notice
    assert "Attribution-ShareAlike 4.0" in (folder / "LICENSE").read_text(encoding="utf-8")
    info = json.loads((folder / "training.json").read_text(encoding="utf-8"))
    assert not any("test" in name and ("ewt" in name or "gsd" in name) for name in info.get("train_files", []) + info.get("dev_files", []))


def test_english_parse_on_kg_tokens_finds_subject_and_object():
    from kg.nlp.pipeline import get_pipeline

    doc = get_pipeline("en")("The Indonesian government condemned the attack on the embassy. Egypt hosted the talks.")
    sents_before = [s.text for s in doc.sents]
    syntax.parse(doc, "en")
    arcs = _arcs(doc)
    assert ("nsubj", "government", "condemned") in arcs
    assert ("obj", "attack", "condemned") in arcs
    assert ("nsubj", "Egypt", "hosted") in arcs and ("obj", "talks", "hosted") in arcs
    assert [s.text for s in doc.sents] == sents_before  # kg's sentence boundaries are kept
    assert doc[3].pos_ == "VERB" and doc[3].tag_ == "VBD"
    assert doc.spans["kg_actors"]  # kg's own annotations survive


def test_indonesian_parse_on_kg_tokens_finds_subject_and_object():
    from kg.nlp.pipeline import get_pipeline

    doc = get_pipeline("id")("Pemerintah Indonesia mengecam serangan itu. Polisi menangkap tiga tersangka di Bandung.")
    sents_before = [s.text for s in doc.sents]
    syntax.parse(doc, "id")
    arcs = _arcs(doc)
    assert ("nsubj", "Pemerintah", "mengecam") in arcs
    assert ("obj", "serangan", "mengecam") in arcs
    assert ("nsubj", "Polisi", "menangkap") in arcs and ("obj", "tersangka", "menangkap") in arcs
    assert [s.text for s in doc.sents] == sents_before
    assert doc[2].pos_ == "VERB"


def test_missing_model_is_a_clear_lookup_error(tmp_path):
    with pytest.raises(LookupError, match="no syntax model"):
        syntax.load_syntax("en", tmp_path / "nothing")


# -- the commands -----------------------------------------------------------------------------------------


def test_evaluate_json_on_a_tiny_treebank(tmp_path):
    bank = _write(tmp_path, "tiny-en.conllu", EN_TREEBANK)
    proc = _kg("syntax", "evaluate", str(bank), "--lang", "en", "--json")
    assert proc.returncode == 0, proc.stderr
    scores = json.loads(proc.stdout)
    for key in ("uas", "las", "pos"):
        assert 0.0 <= scores[key] <= 1.0
    assert scores["las"] <= scores["uas"]
    assert scores["sentences"] == 3 and scores["words"] == 23
    # a shipped parser gets most of three short, plain sentences right
    assert scores["uas"] >= 0.6 and scores["pos"] >= 0.8
    text = _kg("syntax", "evaluate", str(bank), "--lang", "en")
    assert text.returncode == 0 and "UAS" in text.stdout and "LAS" in text.stdout and "POS" in text.stdout


def test_evaluate_bad_treebank_is_one_line(tmp_path):
    bad = _write(tmp_path, "bad.conllu", "1\tA\ta\n\n")
    proc = _kg("syntax", "evaluate", str(bad), "--lang", "en", "--json")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1
    assert "bad.conllu:1" in proc.stderr


def test_train_end_to_end_on_a_tiny_treebank(tmp_path):
    train = _write(tmp_path, "train.conllu", EN_TREEBANK)
    dev = _write(tmp_path, "dev.conllu", EN_TREEBANK)
    out = tmp_path / "model"
    started = time.perf_counter()
    proc = _kg("syntax", "train", "--lang", "en", "--steps", "4", "--out", str(out),
               "--train-file", str(train), "--dev-file", str(dev))  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert time.perf_counter() - started < 120  # < 30 s on an idle machine
    assert (out / "meta.json").is_file() and (out / "ATTRIBUTION.md").is_file()
    info = json.loads((out / "training.json").read_text(encoding="utf-8"))
    assert info["train_sentences"] == 3 and info["steps"] == 4
    assert set(info["dev_scores"]) >= {"uas", "las", "pos"}
    # the trained folder is usable at once
    scored = _kg("syntax", "evaluate", str(dev), "--lang", "en", "--model", str(out), "--json")
    assert scored.returncode == 0, scored.stderr
    assert 0.0 <= json.loads(scored.stdout)["uas"] <= 1.0
