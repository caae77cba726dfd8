"""kg's uses of spaCy internals (kg/nlp/spacy_internals.py) still work on the installed spaCy. Each test
fails loudly, naming what a spaCy upgrade changed, instead of kg silently losing a span's data, splitting
hyphenated words again or reading another tokenizer's tokens."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from kg.nlp import spacy_internals as si
from kg.nlp.context import DocContext, doc_context, span_list, set_span_list
from kg.nlp.pipeline import get_pipeline  # registers the span extension "kg"


def test_span_information_is_where_span_underscore_reads_it():
    get_pipeline("en")
    assert Span.has_extension("kg"), "kg.nlp.pipeline no longer registers Span._.kg"
    doc = spacy.blank("en")("Iran and Israel traded strikes on Friday.")
    a, b = doc[0:1], doc[2:3]
    si.kg_set(a, {"rule": "written by kg"})
    assert a._.kg == {"rule": "written by kg"}, "spaCy moved span extension values out of doc.user_data[('._.', name, start, end)]"
    b._.kg = {"rule": "written by spaCy"}
    assert si.kg_get(b) == {"rule": "written by spaCy"}, "spaCy keeps span extension values under another key"
    assert si.kg_get(doc[4:5]) is None and doc[4:5]._.kg is None


def test_span_information_moves_with_its_text():
    get_pipeline("en")
    nlp = spacy.blank("en")
    first, second = nlp("Iran struck. "), nlp("Israel replied.")
    si.kg_set(second[0:1], {"rule": "second"})
    joined = spacy.tokens.Doc.from_docs([first, second], ensure_whitespace=False, exclude=["user_data"])
    si.copy_span_info(first, joined, 0)
    si.copy_span_info(second, joined, len(first.text))
    assert joined[3:4].text == "Israel" and joined[3:4]._.kg == {"rule": "second"}


def test_the_tokenizer_patch_still_finds_the_hyphen_in_spacys_infixes():
    found = si.hyphen_infixes_found("id")
    assert found >= 1, "spaCy's Indonesian infix patterns changed: kg.nlp.spacy_internals.blank no longer removes the hyphen"
    nlp = si.blank("id", {"keep_hyphenated_words": True})
    assert [t.text for t in nlp("aksi pro-Rusia dan serang-menyerang di Jakarta-Bandung")] == [
        "aksi", "pro-Rusia", "dan", "serang-menyerang", "di", "Jakarta-Bandung"]  # fmt: skip
    assert not [k for k in nlp.tokenizer.rules or {} if "-" in k], "hyphenated tokenizer exceptions are back"
    # and without the option it is spaCy's own tokenizer, which splits an unlisted hyphenated word
    plain = si.blank("en", {"keep_hyphenated_words": False})
    assert type(plain) is spacy.util.get_lang_class("en")
    assert "-" in [t.text for t in plain("a pro-Russian rally")]


def test_the_token_cache_is_keyed_on_the_tokenizer(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    texts = ("Jakarta-Bandung", "serang-menyerang", "U.S. Navy")
    whole, split = si.blank("id", {"keep_hyphenated_words": True}), si.blank("id", {"keep_hyphenated_words": False})
    assert si.tokenizer_key(whole) != si.tokenizer_key(split)
    assert si.tokenizer_key(whole) == si.tokenizer_key(si.blank("id", {"keep_hyphenated_words": True}))
    a = si.tokenized(whole, texts)
    b = si.tokenized(split, texts)
    assert a == [[t.text for t in whole(x)] for x in texts] and b == [[t.text for t in split(x)] for x in texts]
    assert a != b and len(list(tmp_path.glob("surfaces-id-*.json"))) == 2
    assert si.tokenized(whole, texts) == a  # read back from the cache


def test_the_doc_context_is_typed_and_one_entry():
    nlp = get_pipeline("en")
    doc = nlp("Iran and Israel traded strikes on Friday.")
    ctx = doc_context(doc)
    assert isinstance(ctx, DocContext) and doc_context(doc) is ctx
    assert [k for k in doc.user_data if isinstance(k, str)] == ["kg"]
    set_span_list(doc, "kg_test", [doc[2:3], doc[0:1]])
    assert [s.text for s in span_list(doc, "kg_test")] == ["Iran", "Israel"] and ctx.span_lists["kg_test"][0].text == "Iran"


def _parses(nlp, sentences):
    from spacy.tokens import Doc

    docs = [Doc(nlp.vocab, words=s.split()) for s in sentences]
    for _, proc in nlp.pipeline:
        docs = list(proc.pipe(docs))
    return [[(t.head.i, t.dep_, t.pos_, t.tag_, str(t.morph)) for t in d] for d in docs]


def test_the_syntax_models_multiply_on_numpys_blas_on_one_thread_with_the_same_parses():
    from kg.nlp.syntax import _load_uncached, model_dir

    assert si._openblas() is not None, "numpy's OpenBLAS (or its thread functions) not found: the parse runs on BLIS, 7-9% slower"
    get, set_ = si._openblas()
    threads = get()
    sentences = ["Iran accused Israel of striking its consulate in Damascus on Monday .",
                 "The talks , which Egypt hosted , were suspended after the raid ."]  # fmt: skip
    for lang in ("en", "id"):
        nlp = _load_uncached(model_dir(lang))  # a fresh copy: the cached pipeline stays as kg uses it
        blis = _parses(nlp, sentences)
        set_(2)
        with si.numpy_blas(nlp):
            assert get() == 1
            tok2vec = nlp.get_pipe("tok2vec").model
            assert all(node.ops.use_blis is False for node in tok2vec.walk()), "the models still multiply on BLIS"
            assert _parses(nlp, sentences) == blis
        assert get() == 2  # the caller's thread count is back
        set_(1)
        with si.numpy_blas(nlp):  # a second block: nothing to switch, the same parses
            assert _parses(nlp, sentences) == blis
        assert get() == 1
    set_(threads)


def test_the_parser_stepped_from_python_gives_spacys_own_parses():
    from spacy.tokens import Doc

    from kg.nlp.syntax import _load_uncached, model_dir

    sentences = ["Iran accused Israel of striking its consulate in Damascus on Monday .",
                 "The talks , which Egypt hosted , were suspended after the raid .", "Talks .",
                 "Indonesia dan Malaysia menandatangani perjanjian perbatasan di Jakarta pada Selasa ."]  # fmt: skip
    for lang in ("en", "id"):
        nlp = _load_uncached(model_dir(lang))
        parser = nlp.get_pipe("parser")
        assert parser.cfg["beam_width"] == 1 and hasattr(parser, "transition_states"), "spaCy's parser changed"
        runs = []
        for stepped in (False, True):
            docs = [Doc(nlp.vocab, words=s.split()) for s in sentences] + [Doc(nlp.vocab, words=[])]
            with si.numpy_blas(nlp):
                for name, proc in nlp.pipeline:
                    if name == "parser" and stepped:
                        out = si.parse_docs(proc, docs, 2)  # batches of two: the last one is a sentence and an empty doc
                        assert out is docs
                    else:
                        docs = list(proc.pipe(docs))
            runs.append([[(t.head.i, t.dep_) for t in d] for d in docs])
        assert runs[0] == runs[1] and all(dep for d in runs[1] for _, dep in d)


def test_abbreviated_titles_stay_one_token_and_end_no_sentence():
    # spaCy's English tokenizer splits "Maj." and "Lt." into a word and a full stop, which then ends a sentence
    # inside "Maj. Gen. Pat Ryder"; kg's pipeline keeps the language's abbreviated titles whole

    bare = spacy.blank("en")("Maj. Gen. Pat Ryder spoke.")
    assert [t.text for t in bare][:2] == ["Maj", "."], "spaCy now keeps 'Maj.': keep_abbreviations may be unneeded"
    doc = get_pipeline("en")("Pentagon spokesman Maj. Gen. Pat Ryder accused Iran. Lt. Col. Peter Lerner spoke. It ended at 5 p.m. Then")
    assert [t.text for t in doc][:4] == ["Pentagon", "spokesman", "Maj.", "Gen."]
    assert [s.text for s in doc.sents][:2] == ["Pentagon spokesman Maj. Gen. Pat Ryder accused Iran.", "Lt. Col. Peter Lerner spoke."]
    small = spacy.blank("en")
    si.keep_abbreviations(small, ["capt.", "general", "."])  # only words ending in a full stop, as written and capitalised
    assert [t.text for t in small("capt. Capt. general.")] == ["capt.", "Capt.", "general", "."]
