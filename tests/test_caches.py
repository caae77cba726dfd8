"""No hidden global state (issue #15, step 5): every cache and every piece of module state in kg is listed
here with what it is keyed on, so a new one fails this test until it is added (with its key); data read
from a language folder follows ``KG_LANG_PATH``; the shared lexicon cannot be changed after it is loaded."""

from __future__ import annotations

import ast
import json
import shutil
import sys
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parents[1] / "kg"
LANG = Path(__file__).resolve().parents[1] / "data" / "lang"

# name -> (how it is cached, what it is keyed on). "per_language": kg.caching.per_language, keyed on the
# language folder the code resolves to (KG_LANG_PATH included) and the other arguments.
CACHES = {
    # language data, per language folder
    "kg.lang.settings.settings": ("per_language", "language folder"),
    "kg.nlp.timex._tagger": ("per_language", "language folder"),
    "kg.extract.syntax.dated.date_words": ("per_language", "language folder"),
    "kg.extract.reading._effect_phrases": ("per_language", "language folder"),
    "kg.nlp.triggers.load_triggers": ("per_language", "language folder"),
    "kg.nlp.morphology._morph": ("per_language", "language folder"),
    "kg.extract.sentence._sector_index": ("per_language", "language folder"),
    "kg.extract.sentence._negation_exceptions": ("per_language", "language folder"),
    "kg.extract.sentence._offices": ("per_language", "language folder"),
    "kg.extract.echo_doer._markers": ("per_language", "language folder"),
    "kg.extract.sentence._group_nouns": ("per_language", "language folder"),
    "kg.extract.sentence._trio_nouns": ("per_language", "language folder"),
    "kg.extract.sentence._group_last_words": ("per_language", "language folder"),
    "kg.extract.sentence._coref_words": ("per_language", "language folder"),
    "kg.extract.sentence._all_preps": ("per_language", "language folder"),
    "kg.extract.syntax.data.role_data": ("per_language", "language folder"),
    "kg.extract.syntax.data.away_nouns": ("per_language", "language folder"),
    "kg.extract.syntax.data.leaving_nouns": ("per_language", "language folder"),
    "kg.extract.apposed.group_heads": ("per_language", "language folder"),
    "kg.extract.apposed._joiners": ("per_language", "language folder"),
    "kg.io.ingest.junk_rules": ("per_language", "language folder (None: kg's own junk.txt only)"),
    "kg.lexicon.lexicon._plural_rule": ("per_language", "language folder"),
    "kg.lexicon.lexicon.sector_nouns": ("per_language", "language folder"),
    "kg.caching.keyed": ("cache", "the cache behind per_language: (language folder, code, arguments)"),
    # word caches, keyed on the language's rules object (one per language folder, compared by identity)
    "kg.nlp.morphology._affixes": ("lru_cache", "word, AffixRules object"),
    "kg.nlp.morphology._forms_by": ("lru_cache", "word, lemma, AffixRules object"),
    "kg.nlp.morphology._looked_up": ("lru_cache", "word, its lower-case form, spaCy language code (its lemma table is fixed)"),
    # what depends on every language folder: keyed on KG_LANG_PATH, which says which folders there are
    "kg.io.ingest._markup": ("cache", "KG_LANG_PATH"),
    "kg.io.ingest._known_identifier": ("cache", "KG_LANG_PATH"),
    "kg.resources._lang_dir": ("cache", "language code, KG_LANG_PATH"),
    "kg.resources._lang_folder_key": ("cache", "language code, KG_LANG_PATH"),
    # the lexicon: user files and the actor sources read (KG_ACTOR_SOURCES)
    "kg.lexicon.lexicon._load_lexicon": ("cache", "user lexicon files, actor sources"),
    # kg's own bundled files (data/, ontology/): fixed for an installed kg
    "kg.resources.data_dir": ("cache", "nothing: where the package is"),
    "kg.resources.ontology_dir": ("cache", "nothing: where the package is"),
    "kg.lang.schema.schema": ("cache", "schema file name"),
    "kg.lexicon.cameo.table": ("cache", "nothing: data/cameo/cameo.tsv"),
    "kg.lexicon.codes.tables": ("cache", "nothing: data/actors/codes.json"),
    "kg.lexicon.names._variants": ("cache", "nothing: data/actors/name_variants.json"),
    "kg.lexicon.petrarch._data": ("cache", "nothing: data/petrarch (on disk keyed on the files' fingerprint)"),
    "kg.lexicon.petrarch.row": ("cache", "actor id"),
    "kg.lexicon.petrarch.actor": ("cache", "actor id"),
    "kg.lexicon.petrarch.triggers": ("cache", "nothing: data/petrarch"),
    "kg.lexicon.petrarch.patterns": ("cache", "nothing: data/petrarch"),
    "kg.lexicon.petrarch.synsets": ("cache", "nothing: data/petrarch"),
    "kg.lexicon.petrarch.sector_nouns": ("cache", "nothing: data/petrarch"),
    "kg.lexicon.petrarch.negative_contexts": ("cache", "nothing: data/petrarch"),
    "kg.nlp.petrarch_layer.load_layer": ("cache", "language code, parts (KG_PETRARCH), curated triggers, trigger class"),
    "kg.outputs.rdf.validate._shapes_and_ontology": ("cache", "nothing: ontology/"),
    "kg.outputs.rdf.vocab._cameo_codes": ("cache", "nothing: data/cameo/cameo.tsv"),
    # models
    "kg.extract.extractor.model_language": ("cache", "spaCy pipeline name or folder"),
    "kg.nlp.syntax._load_syntax": ("cache", "language code, model folder (None: data/syntax/<syntax_model>), KG_LANG_PATH"),
    "kg.nlp.spacy_internals._openblas": ("cache", "none: the process's numpy and the OpenBLAS it loaded (found once)"),
    "kg.nlp.morphology._lemma_table": ("cache", "spaCy language code (spacy-lookups-data's table)"),
    "kg.io.ingest._identifier": ("cache", "nothing: py3langid's model"),
    # pure functions of their arguments
    "kg.outputs.rdf.write._actor": ("lru_cache", "node id"),
    "kg.outputs.rdf.write._doc": ("lru_cache", "document id"),
    "kg.lexicon.names._key_words": ("lru_cache", "text (data/actors/name_variants.json is fixed for an installed kg)"),
    # module state: changed at run time
    "kg.nlp.pipeline._PIPELINES": ("module", "language code and folder, model, lexicon files, actors_only, kg.caching.settings_key()"),
    "kg.extract.resolve._EXTRACTORS": ("module", "lexicon files, kg.caching.settings_key()"),
    "kg.scale.tasks._EXTRACTORS": ("module", "lexicon files, model, kg.caching.settings_key()"),
    "kg.scale.tasks.LOADS": ("module", "a count of Extractors made in this process (measured by the scale tests)"),
    "kg.nlp.sentences._LOWER_CACHE": ("module", "string hash (the same in every spaCy vocabulary)"),
    "kg.nlp.names._NAME_LIKE": ("module", "string hash (the same in every spaCy vocabulary; spaCy's lexical flags are the word's)"),
    "kg.caching._OWN_PROCESS": ("module", "process: set once by the kg command (kg.caching.own_process); decides only whether loads gc.freeze"),
    "kg.io.decode._TRAFILATURA": ("module", "nothing: the optional module once imported"),
    "kg.outputs.rdf.vocab._BAD_QIDS_SEEN": ("module", "Wikidata id (each bad one is logged once)"),
    "kg.extract.parallel._WORKER": ("module", "the Extractor of a worker process"),
    "kg.extract.parallel._POOL_FORKS": ("module", "True while a pool starts its workers"),
}

_DECORATORS = {"cache", "lru_cache", "per_language", "cached_property"}
_MUTATORS = {"append", "add", "update", "setdefault", "pop", "popitem", "clear", "extend", "insert", "remove", "discard"}
_CONTAINERS = {"dict", "list", "set", "defaultdict", "OrderedDict", "WeakKeyDictionary", "WeakValueDictionary"}


def _module_name(path: Path) -> str:
    parts = ("kg", *path.relative_to(KG).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _found() -> dict[str, str]:
    """Every cached function (by its decorator) and every module-level name changed at run time in kg: a
    mutable container mutated or aliased inside a function (anywhere in kg), or a name declared ``global``."""
    trees = {_module_name(p): ast.parse(p.read_text(encoding="utf-8")) for p in sorted(KG.rglob("*.py"))}
    found: dict[str, str] = {}
    containers: dict[str, list[str]] = {}  # bare name -> qualified names
    for mod, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for d in node.decorator_list:
                    f = d.func if isinstance(d, ast.Call) else d
                    name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)
                    if name in _DECORATORS:
                        found[f"{mod}.{node.name}"] = name
        for node in tree.body:
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
                v = node.value
                call = isinstance(v, ast.Call) and getattr(v.func, "id", getattr(v.func, "attr", "")) in _CONTAINERS
                if isinstance(v, (ast.Dict, ast.List, ast.Set)) or call:
                    for t in node.targets if isinstance(node, ast.Assign) else [node.target]:
                        if isinstance(t, ast.Name):
                            containers.setdefault(t.id, []).append(f"{mod}.{t.id}")

    def owner(name: str, mod: str) -> list[str]:
        """The container ``name`` used in ``mod``: its own, else every module's of that name (imported)."""
        own = f"{mod}.{name}"
        return [own] if own in containers.get(name, []) else containers.get(name, [])

    for mod, tree in trees.items():
        for fn in ast.walk(tree):
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(fn):
                if isinstance(node, ast.Global):
                    for name in node.names:
                        found[f"{mod}.{name}"] = "module"
                    continue
                target = None
                if isinstance(node, (ast.Assign, ast.AugAssign)):
                    for t in node.targets if isinstance(node, ast.Assign) else [node.target]:
                        if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name):
                            target = t.value.id
                    values = node.value.elts if isinstance(node.value, ast.Tuple) else [node.value]
                    for v in values:  # an alias: ``cache = _LOWER_CACHE``
                        if isinstance(v, ast.Name) and f"{mod}.{v.id}" in containers.get(v.id, []):
                            found[f"{mod}.{v.id}"] = "module"
                elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _MUTATORS:
                    if isinstance(node.func.value, ast.Name):
                        target = node.func.value.id
                if isinstance(node, ast.Call):  # handed to a function that fills it: ``per_word(..., cache=_NAME_LIKE)``
                    for kw in node.keywords:
                        if kw.arg == "cache" and isinstance(kw.value, ast.Name):
                            for name in owner(kw.value.id, mod):
                                found[name] = "module"
                for name in owner(target, mod) if target else ():
                    found[name] = "module"
    return found


def test_every_cache_and_module_state_is_listed_with_its_key():
    found = _found()
    new = {k: v for k, v in found.items() if k not in CACHES}
    gone = sorted(k for k in CACHES if k not in found)
    assert not new, f"a cache or module state not listed in tests/test_caches.py:CACHES (add it with its key): {new}"
    assert not gone, f"listed but no longer in kg (remove from CACHES): {gone}"
    wrong = {k: (found[k], CACHES[k][0]) for k in found if found[k] != CACHES[k][0]}
    assert not wrong, wrong


def test_a_language_cache_cannot_be_keyed_on_the_code_alone():
    """A cached function whose only key is a language code would answer for the wrong folder once
    ``KG_LANG_PATH`` changes: language data is cached with per_language instead."""
    for name, (kind, key) in CACHES.items():
        if kind in ("cache", "lru_cache"):
            assert key not in ("language code", "lang"), name


def test_the_scan_sees_a_new_cache_and_module_state(tmp_path, monkeypatch):
    pkg = tmp_path / "kg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "sub" / "m.py").write_text(
        "from functools import cache\n_SEEN = {}\n_CONST = {'a': 1}\n"
        "@cache\ndef words(lang):\n    return lang\n"
        "def f(x):\n    _SEEN[x] = 1\n    return _CONST['a']\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(sys.modules[__name__], "KG", pkg)
    assert _found() == {"kg.sub.m.words": "cache", "kg.sub.m._SEEN": "module"}


# -- language data follows KG_LANG_PATH -------------------------------------------------------------------


def _language(root: Path, code: str, negations: list[str], triggers: int) -> Path:
    folder = root / code
    shutil.copytree(LANG / "en", folder)
    lang = json.loads((folder / "lang.json").read_text(encoding="utf-8"))
    lang["negation"] = negations
    (folder / "lang.json").write_text(json.dumps(lang), encoding="utf-8")
    lines = (folder / "triggers.jsonl").read_text(encoding="utf-8").splitlines()
    kept = [ln for ln in lines if ln.strip() and not ln.startswith("//")][:triggers]
    (folder / "triggers.jsonl").write_text("\n".join(kept) + "\n", encoding="utf-8")
    return root


def test_language_data_follows_kg_lang_path(tmp_path, monkeypatch):
    from kg.lang.settings import settings
    from kg.nlp.triggers import load_triggers

    one = _language(tmp_path / "one", "xq", ["not"], 5)
    two = _language(tmp_path / "two", "xq", ["never", "not"], 7)
    monkeypatch.setenv("KG_LANG_PATH", str(one))
    first, first_triggers = settings("xq"), load_triggers("xq")
    assert first.negation == {"not"} and len(first_triggers) == 5
    monkeypatch.setenv("KG_LANG_PATH", str(two))
    assert settings("xq").negation == {"never", "not"} and len(load_triggers("xq")) == 7
    monkeypatch.setenv("KG_LANG_PATH", str(one))
    assert settings("xq") is first and load_triggers("xq") is first_triggers  # still cached, per folder


def test_the_language_path_is_read_as_os_environ_has_it(monkeypatch):
    from kg.resources import lang_path  # read from os.environ's own dict: set, changed and removed as it is

    monkeypatch.delenv("KG_LANG_PATH", raising=False)
    assert lang_path() == ""
    monkeypatch.setenv("KG_LANG_PATH", "/one/é")
    assert lang_path() == "/one/é"
    monkeypatch.setenv("KG_LANG_PATH", "/two")
    assert lang_path() == "/two"
    monkeypatch.delenv("KG_LANG_PATH")
    assert lang_path() == ""


def test_word_caches_are_per_language_folder(tmp_path, monkeypatch):
    from kg.nlp.morphology import _morph, affix_candidates

    folder = tmp_path / "id2"
    shutil.copytree(LANG / "id", folder / "xm")
    lang = json.loads((folder / "xm" / "lang.json").read_text(encoding="utf-8"))
    lang["morphology"]["prefixes"] = []
    (folder / "xm" / "lang.json").write_text(json.dumps(lang), encoding="utf-8")
    monkeypatch.setenv("KG_LANG_PATH", str(folder))
    assert ("serang", "di", "") in affix_candidates("diserang", "id")
    assert not any(stem == "serang" for stem, _p, _s in affix_candidates("diserang", "xm"))
    assert _morph("xm") is not _morph("id") and _morph("id") is _morph("id")


# -- the lexicon is read-only once loaded ----------------------------------------------------------------------


def test_the_loaded_lexicon_cannot_be_changed():
    from kg.lexicon.lexicon import Lexicon, Surface, bundled_files, load_lexicon

    lex = load_lexicon()
    some_actor = next(iter(lex.actors.values()))
    some_place = next(iter(lex.places.values()))
    with pytest.raises(TypeError):
        lex.actors["someone_new"] = some_actor
    with pytest.raises(TypeError):
        del lex.actors[some_actor.id]
    with pytest.raises(TypeError):
        lex.actors.update({"someone_new": some_actor})
    with pytest.raises(TypeError):
        lex.places["somewhere"] = some_place
    with pytest.raises(TypeError):
        lex.by_code["XXX"] = some_actor.id
    with pytest.raises(TypeError):
        lex.surnames["Nobody"] = (some_actor.id,)
    with pytest.raises(TypeError):
        lex.places = {}
    with pytest.raises(TypeError):
        lex.add_file(bundled_files()[0])
    with pytest.raises((TypeError, AttributeError)):
        lex.sources.append("elsewhere.jsonl")
    surfaces = lex.surfaces("en")
    surfaces.append(Surface("Nowhere Land", "nowhere", "name"))
    assert all(s.text != "Nowhere Land" for s in lex.surfaces("en"))
    assert "someone_new" not in lex.actors and load_lexicon() is lex
    # a lexicon being built is not frozen
    fresh = Lexicon()
    fresh.add_file(bundled_files()[0])
    fresh.places["somewhere"] = some_place
    assert "somewhere" in fresh.places


def test_petrarch_actors_still_read_on_demand_from_a_frozen_lexicon(monkeypatch):
    from kg.lexicon import petrarch
    from kg.lexicon.lexicon import load_lexicon

    monkeypatch.delenv("KG_ACTOR_SOURCES", raising=False)
    ids = [aid for aid in list(petrarch.actors())[:3]]
    if not ids:
        pytest.skip("no PETRARCH2 import in data/petrarch")
    lex = load_lexicon()
    assert lex.actors[ids[0]].id == ids[0] and lex.actors[ids[0]] is lex.actors[ids[0]]


def test_the_lexicon_is_keyed_on_the_actor_sources(monkeypatch):
    from kg.lexicon.lexicon import load_lexicon

    monkeypatch.delenv("KG_ACTOR_SOURCES", raising=False)
    every = load_lexicon()
    monkeypatch.setenv("KG_ACTOR_SOURCES", "curated")
    curated = load_lexicon()
    assert curated is not every and curated is load_lexicon()
    assert not any(curated.tier(a) == "officeholders" for a in curated.actors)
    assert any(every.tier(a) == "officeholders" for a in every.actors)


def test_indexes_of_a_lexicon_live_with_it():
    from kg.extract.sentence import _places_by_name
    from kg.lexicon.lexicon import Lexicon, bundled_files, load_lexicon

    lex = load_lexicon()
    assert _places_by_name(lex) is _places_by_name(lex)
    other = Lexicon()
    for path in bundled_files():
        if path.parent.name == "places":
            other.add_file(path)
            break
    assert _places_by_name(other) is not _places_by_name(lex)
    assert set(_places_by_name(other)) <= set(_places_by_name(lex))


def _freeze_count_after_load(own: bool) -> int:
    import subprocess
    import sys

    code = (
        "import gc, kg.caching\n"
        + ("kg.caching.own_process()\n" if own else "")
        + "from kg.nlp.pipeline import get_pipeline\n"
        "get_pipeline('en')\n"
        "print(gc.get_freeze_count())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300)
    return int(out.stdout.split()[-1])


def test_loading_a_pipeline_leaves_a_library_callers_garbage_collection_alone():
    # kg as a library must not move the caller's objects out of the cyclic collector (gc.freeze)
    assert _freeze_count_after_load(own=False) == 0
    # the kg command's own process (kg.caching.own_process) freezes what the load left behind
    assert _freeze_count_after_load(own=True) > 10_000
