"""Every command has --help with an example; the CLI turns domain errors into one-line messages."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import main


def _commands():
    return sorted(main.commands)


@pytest.mark.parametrize("name", _commands())
def test_every_command_has_help_with_an_example(name):
    res = CliRunner().invoke(main, [name, "--help"])
    assert res.exit_code == 0
    assert "Example" in res.output and f"kg {name}" in res.output


def test_top_level_help_and_version():
    runner = CliRunner()
    assert "Example" in runner.invoke(main, ["--help"]).output
    assert runner.invoke(main, ["--version"]).exit_code == 0


def test_unknown_language_is_a_usage_error(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Russia condemned the strike.", encoding="utf-8")
    res = CliRunner().invoke(main, ["build", str(f), "-o", str(tmp_path / "o"), "--lang", "xx"])
    assert res.exit_code == 2 and "no language data" in res.output


def test_nothing_usable_exits_3(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    res = CliRunner().invoke(main, ["build", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "o")])
    assert res.exit_code == 3


def test_actors_json_lines():
    res = CliRunner().invoke(main, ["actors", "Presiden Rusia, Vladimir Putin, bertemu Menteri Luar Negeri Iran",
                                    "--lang", "id", "--date", "2024-04-16"])  # fmt: skip
    assert res.exit_code == 0, res.output
    items = [json.loads(line) for line in res.output.splitlines()]
    assert items[0]["id"] == "vladimir_putin" and items[0]["code"] == "RUS" and items[0]["role"] == "President"
    assert items[1]["code"] == "IRN" and items[1]["sector"] == "DIP"


def test_actors_stdin_one_array_per_line():
    res = CliRunner().invoke(main, ["actors", "-", "--lang", "en"], input="the Kremlin said\nnothing here\nIranian forces\n")
    assert res.exit_code == 0, res.output
    lines = [json.loads(line) for line in res.output.splitlines()]
    assert len(lines) == 3
    assert lines[0][0]["code"] == "RUS" and lines[1] == [] and lines[2][0]["sector"] == "MIL"


def test_query_needs_exactly_one_query(tmp_path):
    f = tmp_path / "g.ttl"
    f.write_text("", encoding="utf-8")
    res = CliRunner().invoke(main, ["query", str(f)])
    assert res.exit_code == 2 and "inline or with --file" in res.output
