"""The README's "Analyst tour" is true: its commands and Python lines, run on the bundled samples, print
exactly the output pasted under them.

``KG_UPDATE_README=1 python -m pytest tests/test_readme_tour.py`` rewrites the pasted outputs instead
(after a change that is meant to change them).
"""

from __future__ import annotations

import doctest
import os
import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"
UPDATE = bool(os.environ.get("KG_UPDATE_README"))
BLOCK = re.compile(r"```(console|pycon)\n(.*?)```", re.S)


def _section(text: str) -> tuple[int, int]:
    start = text.index("## Analyst tour\n")
    end = text.find("\n## ", start + 1)
    return start, (len(text) if end < 0 else end + 1)


def _console_pairs(body: str) -> list[tuple[str, str]]:
    """(command, expected output) for each ``$ kg ...`` line of a console block."""
    pairs: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            pairs.append((line[2:], []))
        elif pairs:
            pairs[-1][1].append(line)
    return [(cmd, "\n".join(out)) for cmd, out in pairs]


def _run_console(cmd: str) -> str:
    args = shlex.split(cmd, comments=True)
    assert args[0] == "kg", cmd
    res = CliRunner().invoke(main, args[1:])
    assert res.exception is None or isinstance(res.exception, SystemExit), (cmd, res.exception)
    return res.output.rstrip("\n")


class _Collect(doctest.DocTestRunner):
    """A doctest runner that remembers what every example printed."""

    def __init__(self):
        super().__init__(optionflags=doctest.ELLIPSIS)
        self.got: list[tuple[doctest.Example, str]] = []

    def report_success(self, out, test, example, got):
        self.got.append((example, got))

    def report_failure(self, out, test, example, got):
        self.got.append((example, got))

    def report_unexpected_exception(self, out, test, example, exc_info):
        raise exc_info[1]


def _run_pycon(body: str) -> tuple[str, list[str]]:
    """The block with every example's real output, and the examples whose output differed."""
    parser = doctest.DocTestParser()
    test = parser.get_doctest(body, {}, "README analyst tour", str(README), 0)
    runner = _Collect()
    runner.run(test, clear_globs=True)
    lines, wrong = [], []
    checker = doctest.OutputChecker()
    for example, got in runner.got:
        src = example.source.rstrip("\n").splitlines()
        lines += [">>> " + src[0]] + ["... " + s for s in src[1:]]
        lines += got.rstrip("\n").splitlines() if got.strip() else []
        if not checker.check_output(example.want, got, doctest.ELLIPSIS):
            wrong.append(f">>> {example.source.strip()}\nexpected:\n{example.want}got:\n{got}")
    return "\n".join(lines) + "\n", wrong


@pytest.fixture
def tour_dir(samples_build, tmp_path, monkeypatch):
    _result, out = samples_build
    (tmp_path / "out").mkdir()
    shutil.copy(out / "graph.ttl", tmp_path / "out" / "graph.ttl")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_readme_analyst_tour(tour_dir):
    text = README.read_text(encoding="utf-8")
    start, end = _section(text)
    section = text[start:end]
    assert "```console" in section and "```pycon" in section
    problems: list[str] = []
    pieces, pos = [], 0
    for m in BLOCK.finditer(section):
        kind, body = m.group(1), m.group(2)
        if kind == "console":
            new_lines = []
            for cmd, expected in _console_pairs(body):
                got = _run_console(cmd)
                if got != expected.rstrip("\n"):
                    problems.append(f"$ {cmd}\nexpected:\n{expected}\ngot:\n{got}")
                new_lines += [f"$ {cmd}"] + ([got] if got else [])
            new_body = "\n".join(new_lines) + "\n"
        else:
            new_body, wrong = _run_pycon(body)
            problems += wrong
        pieces.append(section[pos : m.start(2)] + new_body)
        pos = m.end(2)
    pieces.append(section[pos:])
    if UPDATE:
        README.write_text(text[:start] + "".join(pieces) + text[end:], encoding="utf-8")
        return
    assert not problems, "README analyst tour is out of date (KG_UPDATE_README=1 rewrites it):\n\n" + "\n\n".join(problems)


def test_tour_chart_was_written(tour_dir):
    """The tour's timeline writes a PNG and an SVG chart and the series as CSV."""
    res = CliRunner().invoke(main, ["timeline", "out/graph.ttl", "Filipina", "-o", "charts/"])
    assert res.exit_code == 0, res.output
    assert (tour_dir / "charts" / "timeline-phl.png").read_bytes()[:4] == b"\x89PNG"
    assert "<svg" in (tour_dir / "charts" / "timeline-phl.svg").read_text(encoding="utf-8")
    assert (tour_dir / "charts" / "timeline-phl.csv").read_text(encoding="utf-8").startswith("period,start,events,goldstein,q1,q2,q3,q4\n")
