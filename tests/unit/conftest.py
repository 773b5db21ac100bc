"""Unit-test fixtures: one spaCy-backed extractor for the whole session (loading it takes seconds)."""

from __future__ import annotations

import pytest

from newsmon.extract import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()
