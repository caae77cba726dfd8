"""A user's trained spaCy pipeline (--model): kg adds its components and uses the parse and entities.

The pipeline is trained here, in seconds, on a handful of sentences: the point is the loading path and
that kg's rules take the parser's subjects and the recogniser's names, not the model's quality.
"""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.training import Example

import kg
from kg.extract.extractor import Extractor, model_language
from kg.model import Document

TRAIN = [
    ("Russia attacked Ukraine .", ["nsubj", "ROOT", "dobj", "punct"], [1, 1, 1, 1]),
    ("Iran condemned Israel .", ["nsubj", "ROOT", "dobj", "punct"], [1, 1, 1, 1]),
    ("The minister Zorbi Quandt visited Jakarta .", ["det", "compound", "compound", "nsubj", "ROOT", "dobj", "punct"], [3, 3, 3, 4, 4, 4, 4]),
    ("China criticised Japan .", ["nsubj", "ROOT", "dobj", "punct"], [1, 1, 1, 1]),
]
ENTS = {2: [(13, 25, "PERSON")]}


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    random.seed(0)
    nlp = spacy.blank("en")
    parser = nlp.add_pipe("parser")
    ner = nlp.add_pipe("ner")
    ner.add_label("PERSON")
    examples = []
    for i, (text, deps, heads) in enumerate(TRAIN):
        doc = nlp.make_doc(text)
        examples.append(Example.from_dict(doc, {"deps": deps, "heads": heads, "entities": ENTS.get(i, [])}))
    for dep in {d for _t, ds, _h in TRAIN for d in ds}:
        parser.add_label(dep)
    nlp.initialize(lambda: examples)
    for _ in range(40):
        random.shuffle(examples)
        nlp.update(examples, drop=0.0)
    path = tmp_path_factory.mktemp("model") / "tiny_en"
    nlp.to_disk(path)
    return path


def test_model_language_and_missing_model(trained, tmp_path):
    assert model_language(str(trained)) == "en"
    with pytest.raises(LookupError):
        model_language("no_such_pipeline_xyz")


def test_rules_run_on_the_trained_pipeline(trained):
    # the window rules read the trained pipeline's parse (with kg's own syntax frames off) ...
    ex = Extractor(model=str(trained), syntax=False)
    nlp = ex.nlp("en")
    assert "parser" in nlp.pipe_names and "ner" in nlp.pipe_names and "kg_actors" in nlp.pipe_names
    doc = Document(id="t", text="Russia attacked Ukraine.", lang="en")
    events = ex.extract(doc).events
    assert [(e.sources[0].code, e.root, e.targets[0].code) for e in events] == [("RUS", "19", "UKR")]
    assert events[0].rule == "window:active:parse:subject>object" or events[0].rule.startswith("window:active:parse:subject")
    # ... and with them on (the default) the same event comes from the syntax frame
    on = Extractor(model=str(trained)).extract(doc).events
    assert [(e.sources[0].code, e.root, e.targets[0].code) for e in on] == [("RUS", "19", "UKR")]
    assert on[0].rule.startswith("syntax:")
    # Indonesian documents keep kg's default pipeline
    assert "parser" not in ex.nlp("id").pipe_names


def test_build_with_model_from_cli(trained, tmp_path):
    from click.testing import CliRunner
    from kg.cli import main

    src = tmp_path / "a.txt"
    src.write_text("Iran condemned Israel on 2 April 2024.", encoding="utf-8")
    res = CliRunner().invoke(main, ["build", str(src), "-o", str(tmp_path / "out"), "--model", str(trained), "--lang", "en"])
    assert res.exit_code == 0, res.output
    assert "IRN" in (tmp_path / "out" / "events.csv").read_text(encoding="utf-8")
    bad = CliRunner().invoke(main, ["build", str(src), "-o", str(tmp_path / "o2"), "--model", "no_such_pipeline_xyz"])
    assert bad.exit_code == 2 and "cannot find spaCy pipeline" in bad.output
    _ = kg
