"""Shared pytest fixtures: unique names and the real servers started by ``newsmon stack up``.

Nothing here mocks a server. Server fixtures wait (bounded) for the real Kafka or
Elasticsearch to answer and fail with a clear message when the stack is not up.
Tests using them must carry the ``kafka`` / ``elasticsearch`` markers.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from newsmon.stack_proc import es_ready, kafka_ready

READY_TIMEOUT_S = float(os.environ.get("NEWSMON_TEST_READY_TIMEOUT_S", "60"))


def _wait_until(check: Callable[[], bool], what: str, timeout_s: float = READY_TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout_s
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(
                f"{what} did not answer within {timeout_s:.0f}s: start the servers with "
                "`.venv/bin/newsmon stack up` (or `make stack-up`)",
                pytrace=False,
            )
        time.sleep(0.5)


@pytest.fixture
def unique_name() -> Callable[[str], str]:
    """Factory: ``unique_name("quotes")`` -> ``"quotes-1a2b3c4d5e"`` (prefix + uuid4 hex[:10])."""

    def make(prefix: str = "t") -> str:
        return f"{prefix}-{uuid.uuid4().hex[:10]}"

    return make


@pytest.fixture(scope="session")
def kafka_bootstrap() -> str:
    """``host:port`` of the real Kafka broker (``NEWSMON_KAFKA_BOOTSTRAP``), once it answers Metadata."""
    bootstrap = os.environ.get("NEWSMON_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
    _wait_until(lambda: kafka_ready(bootstrap, 3.0), f"Kafka at {bootstrap}")
    return bootstrap


@pytest.fixture(scope="session")
def es_url() -> str:
    """Base URL of the real Elasticsearch (``NEWSMON_ES_URL``), once its cluster health is yellow."""
    url = os.environ.get("NEWSMON_ES_URL", "http://127.0.0.1:9200").rstrip("/")
    _wait_until(lambda: es_ready(url, 3.0), f"Elasticsearch at {url}")
    return url


@pytest.fixture(scope="session")
def es(es_url: str) -> Iterator[Any]:
    """An ``elasticsearch.Elasticsearch`` client on the real server (closed after the session)."""
    from elasticsearch import Elasticsearch

    client = Elasticsearch(es_url, request_timeout=30)
    yield client
    client.close()
