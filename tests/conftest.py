"""Shared fixtures: the gold corpus beside the repo (tests that need it skip without it) and one build
of the seed article reused by the output tests."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KG_SHARED", REPO.parent / "shared"))
SEED = SHARED / "corpus" / "seed" / "000_653a597a7deef6e6.txt"


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus is not present")
    return corpus


@pytest.fixture(scope="session")
def seed_build(shared_corpus, tmp_path_factory):
    """kg build on the seed article: (BuildResult, output folder)."""
    import kg

    out = tmp_path_factory.mktemp("seed-out")
    result = kg.build([SEED])
    result.write(out)
    return result, out


@pytest.fixture(scope="session")
def samples_build(tmp_path_factory):
    """kg build on the bundled samples: (BuildResult, output folder)."""
    import kg

    out = tmp_path_factory.mktemp("samples-out")
    result = kg.build([kg.sample_path()])
    result.write(out)
    return result, out


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium (Debian's) driven by Playwright, with no network."""
    exe = chromium_path()
    if exe is None:
        if os.environ.get("KG_REQUIRE_BROWSER"):
            pytest.fail("chromium is required (KG_REQUIRE_BROWSER is set) but not installed")
        pytest.skip("chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(
            executable_path=exe,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"],
        )
        yield b
        b.close()
