"""The data and ontology reach an installed (non-editable) wheel, and `kg build` runs from it."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installs_and_builds_a_sample(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)],
                   check=True, capture_output=True, timeout=600)  # fmt: skip
    wheel = next(dist.glob("*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    py = venv / "bin" / "python"
    # dependencies come from this environment (no network needed); kg itself only from the wheel
    site = next((venv / "lib").glob("python*/site-packages"))
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n" + sysconfig.get_paths()["platlib"] + "\n")
    subprocess.run([str(py), "-m", "pip", "install", "--no-deps", "--no-index", str(wheel)], check=True,
                   capture_output=True, timeout=300)  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # only the wheel's kg, never a checkout's
    out = tmp_path / "out"
    sample = tmp_path / "sample.txt"
    sample.write_text((REPO / "data" / "samples" / "id-kunjungan.txt").read_text(encoding="utf-8"), encoding="utf-8")
    proc = subprocess.run([str(venv / "bin" / "kg"), "build", str(sample), "-o", str(out)], capture_output=True,
                          text=True, timeout=300, cwd=tmp_path, env=env)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    where = subprocess.run([str(py), "-c", "import kg.resources as r; print(r.data_dir()); print(r.ontology_dir())"],
                           capture_output=True, text=True, check=True, cwd=tmp_path, env=env).stdout  # fmt: skip
    assert str(site) in where and "_data" in where and "_ontology" in where
    for name in ("graph.ttl", "events.csv", "graph.html"):
        assert (out / name).stat().st_size > 0
