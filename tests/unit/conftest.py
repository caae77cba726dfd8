"""Shared fixtures for the unit tests of kg's rule modules (issue #15 step 6): one Extractor per syntax mode
for the whole session (kg caches the spaCy pipelines per language). Helpers are in support.py. Every sentence
in tests/unit/ is written for these tests.
"""

from __future__ import annotations

import pytest



@pytest.fixture(scope="session")
def window_extractor():
    """The extractor with the parse off: what the window rules (kg/extract/arguments.py ...) decide alone."""
    from kg.extract.extractor import Extractor

    return Extractor(syntax=False)


@pytest.fixture(scope="session")
def full_extractor():
    """The extractor as ``kg build`` runs it (parse first, window rules as fallback)."""
    from kg.extract.extractor import Extractor

    return Extractor()


