"""Every rule module under kg/extract/ and kg/nlp/ has its unit tests here: tests/unit/test_<module>.py
(kg/extract/syntax/<m>.py -> test_syntax_<m>.py). A new rule module without tests fails this test; a module
with no rules of its own is listed below with the reason and where it is tested instead."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent

NOT_RULES = {
    "kg/extract/__init__.py": "package marker",
    "kg/extract/rules.py": "composes the rule mixins into SentenceRules; each mixin has its own tests",
    "kg/extract/parallel.py": "worker processes (tests/test_scale.py, tests/test_robustness.py)",
    "kg/extract/syntax/__init__.py": "re-exports",
    "kg/extract/syntax/data.py": "loads data/lang/<code>/syntax.json (tests/test_syntax_data.py)",
    "kg/extract/syntax/results.py": "data classes of a frame (tested through test_syntax_frames.py)",
    "kg/nlp/__init__.py": "package marker",
    "kg/nlp/context.py": "the typed per-document context, no rules",
    "kg/nlp/pipeline.py": "assembles the spaCy pipeline (every component is tested through it here)",
    "kg/nlp/spacy_internals.py": "spaCy internals, guarded by tests/test_spacy_internals.py",
    "kg/nlp/syntax.py": "CoNLL-U reading, loading and scoring of the parser (tests/test_syntax.py)",
    "kg/nlp/syntax_train.py": "training data preparation and training of the parser (tests/test_syntax_data.py, tests/test_syntax.py)",
}


def _modules() -> list[Path]:
    return sorted(p for d in ("kg/extract", "kg/nlp") for p in (ROOT / d).rglob("*.py") if "__pycache__" not in p.parts)


def _test_name(module: Path) -> str:
    rel = module.relative_to(ROOT)
    parts = rel.parts[2:]  # below kg/extract or kg/nlp
    return "test_" + "_".join(p.removesuffix(".py") for p in parts) + ".py"


def test_every_rule_module_has_unit_tests():
    missing = [
        f"{m.relative_to(ROOT)} -> tests/unit/{_test_name(m)}"
        for m in _modules()
        if str(m.relative_to(ROOT)) not in NOT_RULES and not (HERE / _test_name(m)).is_file()
    ]
    assert not missing, "rule modules without unit tests (write them, or list the module in NOT_RULES with why): " + ", ".join(missing)


def test_exemptions_name_modules_that_exist():
    stale = [m for m in NOT_RULES if not (ROOT / m).is_file()]
    assert not stale, f"NOT_RULES lists modules that are gone: {stale}"


def test_every_unit_test_file_names_a_module():
    names = {_test_name(m) for m in _modules()} | {"test_coverage.py"}
    orphans = sorted(p.name for p in HERE.glob("test_*.py") if p.name not in names)
    assert not orphans, f"unit test files for no module under kg/extract or kg/nlp: {orphans}"
