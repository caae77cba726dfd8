"""Extraction in batches (issue #12, speed): documents extracted together give what each gives alone, the
stream keeps its order around problems, a failing document costs only itself, and only sentences whose
parse can change the result are parsed."""

from __future__ import annotations

import pytest

import kg
from kg.extract import parallel
from kg.extract.extractor import Extractor, doc_batches
from kg.extract.syntax import use
from kg.io.ingest import InputProblem
from kg.model import Document


def _key(ex):
    return [(e.id, e.rule, round(e.confidence, 6), e.root, tuple(p.code for p in e.sources), tuple(p.code for p in e.targets),
             e.date.value if e.date else None) for e in ex.events]  # fmt: skip


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


@pytest.fixture(scope="module")
def documents():
    docs = []
    for path in sorted(kg.sample_path().glob("*.txt")):
        lang = path.name.split("-")[0]
        docs.append(Document(id=path.stem, text=path.read_text(encoding="utf-8"), lang=lang))
    return docs


def test_a_batch_gives_what_each_document_gives_alone(extractor, documents):
    alone = [_key(extractor.extract(d)) for d in documents]
    # both languages in one batch, in an order that interleaves them
    order = [d for pair in zip(documents[: len(documents) // 2], documents[len(documents) // 2 :]) for d in pair]
    together = {d.id: _key(ex) for d, ex in zip(order, extractor.extract_batch(order))}
    assert [together[d.id] for d in documents] == alone
    assert sum(len(k) for k in alone) >= 15


def test_doc_batches_bound_documents_and_characters():
    docs = [Document(id=f"d{i}", text="x" * 1000, lang="en") for i in range(40)]
    sizes = [len(b) for b in doc_batches(docs)]
    assert sizes == [16, 16, 8]
    big = [Document(id=f"b{i}", text="x" * 150_000, lang="en") for i in range(3)]
    assert [len(b) for b in doc_batches(big)] == [2, 1]


def test_stream_keeps_order_around_problems(extractor, documents):
    p1, p2, p3 = (InputProblem(f"bad{i}", "unreadable") for i in range(3))
    items = [p1, documents[0], p2, documents[1], documents[2], p3]
    out = list(parallel.extract_stream(extractor, iter(items), workers=1))
    assert [item for item, _ in out] == items
    assert [r for _, r in out][0] is p1 and out[2][1] is p2 and out[5][1] is p3
    assert [_key(r) for _, r in out[1:2] + out[3:5]] == [_key(extractor.extract(d)) for d in documents[:3]]
    assert list(parallel.extract_stream(extractor, iter([p1, p2]), workers=1)) == [(p1, p1), (p2, p2)]


def test_a_failing_document_costs_only_itself(extractor, documents, monkeypatch):
    bad = Document(id="bad", text="Iran condemned the strike on Syria.", lang="en")
    real = Extractor.extract_batch

    def fragile(self, docs):
        if any(d.id == "bad" for d in docs):
            raise RuntimeError("boom")
        return real(self, docs)

    monkeypatch.setattr(Extractor, "extract_batch", fragile)
    out = list(parallel.extract_stream(extractor, iter([documents[0], bad, documents[1]]), workers=1))
    assert isinstance(out[1][1], InputProblem) and "boom" in out[1][1].message
    assert [_key(out[0][1]), _key(out[2][1])] == [_key(real(extractor, [d])[0]) for d in documents[:2]]


@pytest.mark.parametrize(
    "lang,one,two",
    [
        ("en", "Iran condemned the attack.", "Iran condemned the attack on Syria."),
        ("id", "Iran mengecam serangan itu.", "Iran mengecam serangan Israel terhadap Suriah."),
    ],
)
def test_only_sentences_with_two_spans_are_parsed(extractor, lang, one, two):
    before = use.STATS.parsed
    extractor.extract(Document(id="one", text=one, lang=lang))
    assert use.STATS.parsed == before  # one actor: the parse could change nothing
    extractor.extract(Document(id="two", text=two, lang=lang))
    assert use.STATS.parsed == before + 1
    assert not use.needs_parse(1) and use.needs_parse(2)
