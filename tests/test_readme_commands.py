"""Every command in the README runs as written, in order, as a newcomer would run them on a fresh clone.

Each ``bash`` block's lines (and each ``python`` block, fed to ``python``) run in one bash session, in a
temporary copy of the files they need: README.md itself, ``data/samples`` and ``data/queries``, the
environment (``.venv``, a link to the one running the tests) and, if present, the gold corpus beside the
repo (``../shared``). PATH starts without the environment, so the README's ``source .venv/bin/activate``
has to work for the bare ``kg`` and ``python`` that follow. A command that fails names its README line.

Left out, and why: ``bash scripts/install.sh`` (the environment running this test is that installation)
and ``python -m pytest`` (the suite this test belongs to); the Analyst tour's ``console`` and ``pycon``
blocks, which ``tests/test_readme_tour.py`` runs and compares with their pasted output; ``kg evaluate
../shared/...`` when the gold corpus is not beside the repo.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_readme_tour import _section

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
SHARED = Path(os.environ.get("KG_SHARED", REPO.parent / "shared"))
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.S | re.M)
# parts of a command line that are not run here (see the module's docstring)
NOT_RUN = (re.compile(r"^bash scripts/install\.sh$"), re.compile(r"^(\.venv/bin/)?python -m pytest\b"))
NEEDED = ("README.md", "data/samples", "data/queries")


def readme_steps(text: str) -> list[tuple[int, str, str]]:
    """``(README line, kind, code)`` in README order: kind "sh" for one command line of a bash block, "py"
    for a whole python block. Console and pycon blocks outside the Analyst tour are taken too."""
    tour_start, tour_end = _section(text)
    steps: list[tuple[int, str, str]] = []
    for m in FENCE.finditer(text):
        lang, body = m.group(1), m.group(2)
        first = text.count("\n", 0, m.start(2)) + 1
        in_tour = tour_start <= m.start() < tour_end
        if lang == "python":
            steps.append((first, "py", body))
        elif lang in ("bash", "sh", "shell", "console") and not (lang == "console" and in_tour):
            pending = ""
            for i, line in enumerate(body.splitlines()):
                if lang == "console":
                    if not line.startswith("$ "):
                        continue
                    line = line[2:]
                if not pending and (not line.strip() or line.lstrip().startswith("#")):
                    continue
                pending += line
                if pending.endswith("\\"):
                    pending = pending[:-1] + " "
                    continue
                steps.append((first + i, "sh", pending))
                pending = ""
        elif lang == "pycon" and not in_tour:
            steps.append((first, "py", "\n".join(ln[4:] for ln in body.splitlines() if ln.startswith((">>> ", "... ")))))
    return steps


def runnable(command: str, shared_present: bool) -> tuple[str, list[str]]:
    """The part of a command line that runs here, and the parts left out."""
    kept, left = [], []
    for part in (p.strip() for p in command.split("&&")):
        core = part.split("  #", 1)[0].strip()
        if any(rx.search(core) for rx in NOT_RUN) or (not shared_present and "../shared/" in core):
            left.append(part)
        else:
            kept.append(part)
    return " && ".join(kept), left


def test_readme_steps_are_found():
    steps = readme_steps(README.read_text(encoding="utf-8"))
    commands = [code for _n, kind, code in steps if kind == "sh"]
    assert any(c.startswith("source .venv/bin/activate") for c in commands)
    for verb in ("build", "evaluate", "actors", "query", "view", "stats", "add", "export", "explain"):
        assert any(re.match(rf"(\S+/)?kg {verb}\b", c) for c in commands), verb
    assert any(kind == "py" for _n, kind, _c in steps)
    skipped = [left for c in commands for left in runnable(c, True)[1]]
    assert skipped == ["bash scripts/install.sh", ".venv/bin/python -m pytest"]


def test_every_readme_command_runs_as_written(tmp_path):
    text = README.read_text(encoding="utf-8")
    root = tmp_path / "clone"
    for rel in NEEDED:
        src, dst = REPO / rel, root / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dst)
    (root / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    shared_present = (SHARED / "corpus").is_dir()
    if shared_present:
        (tmp_path / "shared").symlink_to(SHARED, target_is_directory=True)
    lines = ["set -e -o pipefail"]
    ran = 0
    for number, kind, code in readme_steps(text):
        lines.append(f"echo '>>> README.md:{number}' >&2")
        if kind == "py":
            lines.append(f"python - <<'KG_README_PYTHON'\n{code}\nKG_README_PYTHON")
        else:
            command, _left = runnable(code, shared_present)
            if not command:
                continue
            lines.append(command)
        ran += 1
    lines.append("echo '>>> done' >&2")
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8", "CI": "1"}
    res = subprocess.run(["bash", "-c", "\n".join(lines)], cwd=root, env=env, capture_output=True, text=True, timeout=900)
    marks = re.findall(r">>> (README\.md:\d+|done)", res.stderr)
    if res.returncode != 0 or not marks or marks[-1] != "done":
        where = marks[-1] if marks else "?"
        number = int(where.split(":")[1]) if ":" in where else 0
        line = text.splitlines()[number - 1] if number else ""
        pytest.fail(f"README command failed (exit {res.returncode}) at {where}: {line}\n--- stderr (end) ---\n{res.stderr[-3000:]}")
    assert ran >= 20
    # what the README says these commands make is there
    for made in ("out/graph.ttl", "out/events.csv", "out/graph.html", "out/two/graph.ttl", "out/konflik/events.csv",
                 "out/indonesia.html", "out/store/graph.ttl", "out/store/august.html", "out/kunjungan/graph.ttl",
                 "kgstore/kg.sqlite"):  # fmt: skip
        assert (root / made).is_file(), made
