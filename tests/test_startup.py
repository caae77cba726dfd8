"""The ``kg`` command starts without spaCy's own CLI, and spaCy's CLI still works when asked for."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _py(code: str) -> str:
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_kg_actors_does_not_import_spacys_cli():
    out = _py(
        "import sys\n"
        "sys.argv = ['kg', 'actors', 'Iranian forces', '--lang', 'en']\n"
        "from kg.cli import run\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "print('LOADED', sorted(m for m in sys.modules if m.split('.')[0] in ('weasel', 'typer', 'httpx')))\n"
    )
    assert '"code": "IRN"' in out  # the command did its work
    assert "LOADED []" in out


@pytest.mark.parametrize(
    "use",
    [
        "import spacy.cli; assert callable(spacy.cli.download); assert 'weasel' in sys.modules",
        "import spacy; assert callable(spacy.cli.package)",
        "from spacy.cli import init_config; assert callable(init_config)",
        "import spacy; out = spacy.info(); assert out['spacy_version']",
        "import spacy.cli.download as d; assert callable(d.download)",
    ],
)
def test_spacys_cli_loads_on_first_use(use):
    out = _py(
        "import sys\n"
        "from kg.cli.startup import defer_spacy_cli\n"
        "assert defer_spacy_cli()\n"
        "import spacy\n"
        "assert 'weasel' not in sys.modules\n"
        "nlp = spacy.blank('en'); assert len(nlp('a b')) == 2\n"
        f"{use}\n"
        "print('ok')\n"
    )
    assert out.strip().endswith("ok")


def test_defer_does_nothing_once_spacy_is_imported():
    out = _py("import spacy\nfrom kg.cli.startup import defer_spacy_cli\nprint(defer_spacy_cli())")
    assert out.strip() == "False"
