"""Unit-test fixtures: one spaCy-backed extractor for the whole session (loading it takes seconds),
a local feed server per test, and the pollers a test opened closed after it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from poller_helpers import close_pollers

from newsmon.extract import Extractor
from newsmon.feedserver import FeedServer


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        yield srv


@pytest.fixture(autouse=True)
def _close_pollers() -> Iterator[None]:
    yield
    close_pollers()  # the pollers make_poller opened, if any
