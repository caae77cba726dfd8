"""Language as data (issue #15, step 3): every language file follows its schema and a broken one is a
one-line error naming the file; the kinds of language are explicit settings; a language folder outside
the package (``KG_LANG_PATH``) works as a bundled one does; and no grammar word of any language is
written in the Python of kg's text stages."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.lang import schema
from kg.lang.settings import LangSettings, settings

REPO = Path(__file__).resolve().parents[1]
LANG = REPO / "data" / "lang"
CODES = sorted(p.name for p in LANG.iterdir() if p.is_dir())


# -- schema ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", schema.FILES)
@pytest.mark.parametrize("code", CODES)
def test_every_language_file_follows_its_schema(code, name):
    data = schema.load(LANG / code / name)
    assert data


@pytest.mark.parametrize("name", schema.FILES)
def test_the_schemas_are_json_schema_and_a_full_validator_agrees(name):
    jsonschema = pytest.importorskip("jsonschema")
    s = schema.schema(name)
    jsonschema.Draft202012Validator.check_schema(s)
    for code in CODES:
        jsonschema.validate(json.loads((LANG / code / name).read_text(encoding="utf-8")), s)
    bad = dict(json.loads((LANG / "en" / name).read_text(encoding="utf-8")))
    bad["not_a_key"] = []
    assert schema.problems(bad, s, s) and not jsonschema.Draft202012Validator(s).is_valid(bad)


def _copy_en(tmp_path: Path, code: str = "xx") -> Path:
    root = tmp_path / "langs"
    shutil.copytree(LANG / "en", root / code)
    return root


def _edit(folder: Path, name: str, change) -> None:
    path = folder / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize(
    "name, change, said",
    [
        ("lang.json", lambda d: d.update(negaton=["not"]), "negaton: unknown key"),
        ("lang.json", lambda d: d.pop("negation"), "negation: missing key"),
        ("lang.json", lambda d: d.update(head_position="left"), "head_position: 'left' is not one of"),
        ("lang.json", lambda d: d["morphology"].pop("min_stem"), "morphology.min_stem: missing key"),
        ("lang.json", lambda d: d.update(determiners="the"), "determiners: expected array"),
        ("time.json", lambda d: d["units"].update(fortnight="fortnight"), "units.fortnight: 'fortnight' is not one of"),
        ("time.json", lambda d: d.pop("months"), "months: missing key"),
    ],
)
def test_a_misspelt_or_missing_key_is_an_error_naming_the_file(tmp_path, monkeypatch, name, change, said):
    root = _copy_en(tmp_path)
    _edit(root / "xx", name, change)
    with pytest.raises(schema.LangDataError) as err:
        schema.load(root / "xx" / name)
    message = str(err.value)
    assert str(root / "xx" / name) in message and said in message and "\n" not in message


def test_a_setting_kg_does_not_have_is_an_error_not_an_empty_value():
    s = settings("en")
    assert s.negation and "not" in s.negation
    with pytest.raises(AttributeError, match="'negaton' is not a setting of .*en/lang.json"):
        s.negaton  # noqa: B018


def test_kinds_of_language_are_explicit_settings():
    en, id_ = settings("en"), settings("id")
    assert (en.head_position, id_.head_position) == ("final", "initial")
    assert en.head_final and not id_.head_final
    assert (en.has_morphology, id_.has_morphology) == (False, True)
    # prefixes and suffixes keep their order (tuples) for startswith/endswith; word lists are sets
    assert isinstance(id_.possessive_suffixes, tuple) and isinstance(en.determiners, frozenset)


def test_lang_settings_lower_cases_word_lists():
    s = LangSettings("zz", {"titles": ["Gen.", "Dr."], "passive_prefixes_x": 1})
    assert s.titles == frozenset({"gen.", "dr."})


# -- KG_LANG_PATH ------------------------------------------------------------------------------------
ARTICLE = """Israel strikes Hezbollah positions in southern Lebanon

BEIRUT, March 4, 2024 - Israeli warplanes struck Hezbollah positions in southern Lebanon on Monday, the
Israeli military said, a day after the group fired rockets at towns in northern Israel.
Lebanese Prime Minister Najib Mikati condemned the strikes and said Lebanon would complain to the UN
Security Council. France's foreign minister met his Lebanese counterpart in Beirut on Tuesday and urged
both sides to show restraint. Iran's foreign ministry accused Israel of provoking a wider war, while the
United States said it had not been told about the strikes in advance. Hezbollah did not claim any attack.
"""


def _code(code: str, text: str, env: dict) -> dict:
    """Events and actor mentions of ``text`` coded as language ``code`` in a fresh process."""
    program = (
        "import json, sys, datetime\n"
        "from kg.extract.extractor import Extractor\n"
        "from kg.model import Document, to_dict\n"
        "doc = Document(id='a1', text=sys.stdin.read(), lang=sys.argv[1], date=datetime.date(2024, 3, 4))\n"
        "ex = Extractor().extract(doc)\n"
        "print(json.dumps({'events': [to_dict(e) for e in ex.events], 'mentions': [to_dict(m) for m in ex.actor_mentions]}, default=str))\n"
    )
    run = subprocess.run([sys.executable, "-c", program, code], input=text, capture_output=True, text=True, env=env, cwd=REPO, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout)


def test_a_copy_of_en_under_kg_lang_path_codes_an_article_exactly_as_en(tmp_path):
    import os

    root = _copy_en(tmp_path, "xx")
    env = {**os.environ, "KG_LANG_PATH": str(root), "PYTHONPATH": str(REPO)}
    as_en = _code("en", ARTICLE, env)
    as_xx = _code("xx", ARTICLE, env)
    assert len(as_en["events"]) >= 3 and len(as_en["mentions"]) >= 8
    assert as_xx == as_en


def test_kg_lang_path_adds_a_language_and_does_not_shadow_a_bundled_one(tmp_path, monkeypatch):
    from kg.resources import lang_dir, languages

    root = _copy_en(tmp_path, "xx")
    shutil.copytree(LANG / "id", root / "en")  # an "en" on the path does not replace kg's own
    monkeypatch.setenv("KG_LANG_PATH", str(root))
    assert {"en", "id", "xx"} <= set(languages())
    assert lang_dir("xx") == root / "xx" and lang_dir("en") == LANG / "en"
    assert settings("xx").path == str(root / "xx" / "lang.json") and settings("xx").head_final


def test_a_broken_language_on_the_path_is_one_line_from_the_cli(tmp_path):
    import os

    root = _copy_en(tmp_path, "xx")
    _edit(root / "xx", "lang.json", lambda d: d.update(negaton=[]))
    (tmp_path / "a.txt").write_text("Israel struck Hezbollah positions on Monday.", encoding="utf-8")
    env = {**os.environ, "KG_LANG_PATH": str(root), "PYTHONPATH": str(REPO)}
    run = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(tmp_path / "a.txt"), "--lang", "xx", "-o", str(tmp_path / "out")],
                         capture_output=True, text=True, env=env, cwd=REPO, check=False)  # fmt: skip
    assert run.returncode != 0
    assert "Traceback" not in run.stderr and "negaton: unknown key" in run.stderr, run.stderr[-1500:]
    assert len([line for line in run.stderr.splitlines() if "negaton" in line]) == 1


# -- no grammar words in kg's Python ------------------------------------------------------------------
# The stages that read text: no word of any language at all, but for the name of the rule ``coref:its``
# in events' ``rule`` field (renaming it would change every output that has it).
TEXT_STAGES = ("io", "lang", "nlp", "extract", "lexicon")
KG_NAMES = {"its"}
# Per file, names of kg's own in a text stage: KG_PETRARCH's values (on, off, all) and the sides of a
# PETRARCH pattern's argument (``"side": "before"``) in data/petrarch, not words compared with text.
# The role names of syntax.json's "adpositions" map ("of": the adpositions of an of-phrase), the values of
# --syntax (off) and the name-index tables (full, derived, last) are kg's names too.
FILE_NAMES = {"nlp/petrarch_layer.py": {"on", "off", "all", "before", "after"}, "extract/syntax/roles.py": {"of"},
              "extract/syntax/use.py": {"off", "of"}, "extract/syntax/adjunct.py": {"of"}, "lexicon/names.py": {"last"}}  # fmt: skip
# The rest of kg (graph, outputs, query, store, analytics, the API) works on the typed model, never on
# text; these words are the names of its options, fields and functions there ("--direction in|out|all",
# an interval's "start" and "end", ``first``/``last`` seen, a store's ``added`` count, SPARQL ``ask``, ``kg.add``). The CLI and the web app
# (kg/serve) are not checked: their words are messages, page labels and the names of messages between
# processes. Modules still being integrated (tests/test_architecture.py NOT_YET) neither.
OPTION_NAMES = {"add", "added", "all", "ask", "country", "end", "first", "in", "last", "local", "neighbors", "now", "out", "participation", "set",
                "since", "start", "top", "until", "via", "write"}  # fmt: skip


def _words() -> set[str]:
    """Every word of every language file: list items, and keys of word -> number/kind maps."""
    words: set[str] = set()

    def walk(value, top: bool = False) -> None:
        if isinstance(value, str):
            words.add(value)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key.startswith("_") or isinstance(item, bool) or (top and not isinstance(item, (list, dict))):
                    continue  # comments, switches and top-level settings ("numeric_order": "mdy")
                if not isinstance(item, (list, dict)):
                    words.add(key)  # a word map: "two": 2, "he": "person"
                walk(item)

    for path in LANG.glob("*/*.json"):
        walk(json.loads(path.read_text(encoding="utf-8")), top=True)
    return {w.lower() for w in words if sum(c.isalpha() for c in w) >= 2}  # not a prefix rule's one letter


def _kg_names() -> set[str]:
    """Names of kg's own that are also words: schema keys and enum values (format names), language
    codes, actor kinds and date precisions (values of kg's typed model)."""
    from kg.model import ActorKind, Precision

    names = set(KG_NAMES) | set(CODES) | {k.value for k in ActorKind} | {p.value for p in Precision}

    def walk(node):
        if isinstance(node, dict):
            names.update(node.get("properties", {}))
            names.update(v for v in node.get("enum", []) if isinstance(v, str))
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    for name in schema.FILES:
        walk(schema.schema(name))
    return names


def _literals(path: Path):
    """String literals of ``path`` that could be a rule's word: not docstrings, messages (f-strings),
    dict keys, subscripts or ``.get``/``.pop`` keys (field names)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))
        elif isinstance(node, ast.JoinedStr):
            skip.update(id(v) for v in node.values)
        elif isinstance(node, ast.Dict):
            skip.update(id(k) for k in node.keys if k is not None)
        elif isinstance(node, ast.Subscript):
            skip.add(id(node.slice))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("get", "pop", "setdefault") and node.args:
            skip.add(id(node.args[0]))
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__slots__" for t in node.targets):
            skip.update(id(n) for n in ast.walk(node.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            yield node.lineno, node.value


def _not_yet() -> tuple[str, ...]:
    """``NOT_YET`` of tests/test_architecture.py: modules still being integrated."""
    for node in ast.parse((Path(__file__).parent / "test_architecture.py").read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "NOT_YET":
            return ast.literal_eval(node.value)
    return ()


def grammar_words_in_python(root: Path) -> list[str]:
    """``file:line: 'word'`` for every grammar word written as a literal in kg's Python under ``root``."""
    words = _words() - _kg_names()
    found = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        if rel.parts[0] in ("cli", "serve", *_not_yet()) or "__pycache__" in rel.parts:
            continue
        allowed = (set() if rel.parts[0] in TEXT_STAGES else OPTION_NAMES) | FILE_NAMES.get(rel.as_posix(), set())
        for line, value in _literals(path):
            if value.strip() in words and value.strip() not in allowed:
                found.append(f"{path.relative_to(root.parent)}:{line}: {value!r}")
    return found


def test_no_grammar_word_is_written_in_kgs_python():
    assert grammar_words_in_python(REPO / "kg") == []


def test_the_grammar_word_check_finds_a_word(tmp_path):
    (tmp_path / "kg" / "extract").mkdir(parents=True)
    (tmp_path / "kg" / "extract" / "rule.py").write_text(
        'def f(tok):\n    """with docstring words"""\n    return tok.lower_ in ("with", "dengan") or {"with": 1}["with"]\n', encoding="utf-8"
    )
    (tmp_path / "kg" / "analytics").mkdir()
    (tmp_path / "kg" / "analytics" / "opt.py").write_text('def g(direction="in"):\n    return direction == "of"\n', encoding="utf-8")
    found = grammar_words_in_python(tmp_path / "kg")
    assert [f.split(": ", 1)[1] for f in found] == ["'of'", "'with'", "'dengan'"]
