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


def test_user_lexicon_adds_and_overrides(tmp_path):
    """--lexicon: same format as the bundled files; a new actor is found, an existing id is replaced."""
    lex = tmp_path / "mine.jsonl"
    lex.write_text(
        '// my additions\n'
        '{"id": "zorbi_quandt", "kind": "person", "name": "Zorbi Quandt", "names": {"*": ["Zorbi Quandt", "Quandt"]},'
        ' "roles": [{"post": "Foreign Minister", "country": "NOR", "sector": "GOV", "start": "2030-01-01", "end": null}]}\n'
        '{"id": "hamas", "kind": "armed_group", "name": "Hamas (renamed)", "code": "NSA:HAMAS", "names": {"*": ["Harakat"]}}\n',
        encoding="utf-8",
    )
    res = CliRunner().invoke(main, ["actors", "Quandt met Harakat leaders while Hamas watched.", "--lang", "en",
                                    "--date", "2031-02-01", "--lexicon", str(lex)])  # fmt: skip
    assert res.exit_code == 0, res.output
    items = [json.loads(line) for line in res.output.splitlines()]
    by_text = {i["text"]: i for i in items}
    assert by_text["Quandt"]["code"] == "NOR" and by_text["Quandt"]["role"] == "Foreign Minister"
    assert by_text["Harakat"]["code"] == "NSA:HAMAS"
    assert "Hamas" not in by_text  # the bundled entry was replaced whole


def test_bad_user_lexicon_is_a_clear_error(tmp_path):
    lex = tmp_path / "bad.jsonl"
    lex.write_text('{"id": "Bad Id", "kind": "state", "name": "X"}\n', encoding="utf-8")
    res = CliRunner().invoke(main, ["actors", "Russia", "--lang", "en", "--lexicon", str(lex)])
    assert res.exit_code != 0 and "bad.jsonl:1" in res.output and "Traceback" not in res.output
