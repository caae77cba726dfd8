"""bench/udreal.py: real treebank news sentences scored by reference (no treebank text in the repo).

Runs the script on a two-line gold file of its own (two GUM travel-guide sentences, not in the news gold, so
no gold sentence is looked at here), one per split, each with an event kg cannot find there: both fail, and
only the tune one may be listed. Skips when the UD treebanks (../shared/ud, or $KG_SHARED/ud) are missing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import udreal  # noqa: E402

UD = udreal.ud_folder()
TREEBANK = "GUM_voyage_york.conllu"
needs_ud = pytest.mark.skipif(not (UD / "en" / TREEBANK).is_file(), reason=f"no UD treebank {TREEBANK} in {UD} (set KG_SHARED)")
EVENT = {"source": "USA", "target": "RUS", "root": "19", "modality": "asserted"}  # no such act in a guide to York


def _gold(tmp_path: Path) -> Path:
    lines = [{"ref": f"{TREEBANK}#GUM_voyage_york-2", "events": [EVENT], "date": None, "split": "tune", "note": "test"},
             {"ref": f"{TREEBANK}#GUM_voyage_york-3", "events": [EVENT], "date": None, "split": "apart", "note": "test"}]
    path = tmp_path / "gold_en.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "bench" / "udreal.py"), *args], capture_output=True, text=True, timeout=600)


@needs_ud
def test_two_line_gold_scored_per_split_without_apart_failures(tmp_path):
    gold = _gold(tmp_path)
    texts = udreal.read_texts(UD / "en" / TREEBANK)
    run = _run("--gold", str(gold), "--failures")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("gold_en.jsonl tune: 1 sentences, pass rate 0.000; events tp 0 fp ")
    assert "fn 1," in lines[0]
    assert any(line.startswith("gold_en.jsonl apart: 1 sentences, pass rate 0.000") for line in lines)
    assert f"{TREEBANK}#GUM_voyage_york-2: {texts['GUM_voyage_york-2']}" in run.stdout  # the tune failure, text from the treebank
    assert "york-3" not in run.stdout and texts["GUM_voyage_york-3"] not in run.stdout  # the apart failure: never shown

    js = _run("--gold", str(gold), "--failures", "--json")
    reports = {r["split"]: r for r in map(json.loads, js.stdout.splitlines())}
    assert set(reports) == {"tune", "apart"} and reports["tune"]["events"]["fn"] == 1
    assert [f["ref"] for f in reports["tune"]["failures"]] == [f"{TREEBANK}#GUM_voyage_york-2"]
    assert "failures" not in reports["apart"]
    only = _run("--gold", str(gold), "--split", "apart", "--failures")
    assert only.returncode == 0 and "york-3" not in only.stdout and "never listed" in only.stderr


@needs_ud
def test_bad_ref_and_missing_treebanks_are_one_line_errors(tmp_path):
    bad = tmp_path / "gold_en.jsonl"
    bad.write_text(json.dumps({"ref": f"{TREEBANK}#no-such-sentence", "events": [], "split": "tune"}) + "\n", encoding="utf-8")
    run = _run("--gold", str(bad))
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "no sentence no-such-sentence" in run.stderr
    env = {"KG_SHARED": str(tmp_path / "nowhere"), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)}
    gone = subprocess.run([sys.executable, str(REPO / "bench" / "udreal.py"), "--gold", str(_gold(tmp_path))],
                          capture_output=True, text=True, env=env, timeout=120)  # fmt: skip
    assert gone.returncode == 2 and gone.stderr.count("\n") == 1 and "no UD treebanks" in gone.stderr


def test_the_gold_files_keep_the_split_rule_and_store_no_text():
    """Every third gold line (position % 3 == 2) is apart, decided before kg ran; refs only, no sentence text."""
    for path in sorted(udreal.GOLD.glob("gold_*.jsonl")):
        lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        assert [x["split"] for x in lines] == ["apart" if i % 3 == 2 else "tune" for i in range(len(lines))], path
        assert all("text" not in x and "#" in x["ref"] for x in lines), path


ID_TREEBANK = "id_gsd-ud-dev.conllu"  # two GSD dev sentences on optics and a building, not in gold_id.jsonl


@pytest.mark.skipif(not (UD / "id" / ID_TREEBANK).is_file(), reason=f"no UD treebank {ID_TREEBANK} in {UD} (set KG_SHARED)")
def test_indonesian_two_line_gold_lists_the_tune_failure_only(tmp_path):
    event = {"source": "IDN", "target": "MYS", "root": "19", "modality": "asserted"}  # no such act in either sentence
    lines = [{"ref": f"{ID_TREEBANK}#dev-s1", "events": [event], "date": None, "split": "tune", "note": "test"},
             {"ref": f"{ID_TREEBANK}#dev-s2", "events": [event], "date": None, "split": "apart", "note": "test"}]
    gold = tmp_path / "gold_id.jsonl"
    gold.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    texts = udreal.read_texts(UD / "id" / ID_TREEBANK)
    assert {x["ref"].split("#")[1] for x in lines}.isdisjoint(
        json.loads(x)["ref"].split("#")[1] for x in (udreal.GOLD / "gold_id.jsonl").read_text(encoding="utf-8").splitlines()
        if ID_TREEBANK in x)  # fmt: skip
    run = _run("--gold", str(gold), "--failures")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("gold_id.jsonl tune: 1 sentences, pass rate 0.000; events tp 0 fp ")
    assert "gold_id.jsonl apart: 1 sentences, pass rate 0.000" in run.stdout
    assert f"{ID_TREEBANK}#dev-s1: {texts['dev-s1']}" in run.stdout  # text read from the treebank at run time
    assert "dev-s2" not in run.stdout and texts["dev-s2"] not in run.stdout  # the apart failure is never printed
