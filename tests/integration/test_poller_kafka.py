"""The poller against the real Kafka: valid, keyed messages; nothing re-sent after a restart."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from kafka import KafkaConsumer, TopicPartition

from newsmon import schemas
from newsmon.feeds_config import FeedConfig, FeedsFile
from newsmon.feedserver import ATOM_TYPE, FeedServer
from newsmon.topics import ensure_topic
from newsmon_poller.poller import Poller
from newsmon_poller.producer import KafkaArticleSink
from newsmon_poller.settings import PollerSettings
from newsmon_poller.state import StateStore

pytestmark = pytest.mark.kafka

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:wire</id>
<updated>2026-01-01T00:00:00Z</updated>{entries}</feed>"""
ENTRY = """<entry><id>urn:wire:{n}</id><title>Entry {n}</title><updated>2026-01-0{n}T08:00:00Z</updated>
<link href="https://wire.example/{n}"/><content type="html">&lt;p&gt;Body {n}.&lt;/p&gt;</content></entry>"""


def atom(*numbers: int) -> bytes:
    return ATOM.format(entries="".join(ENTRY.format(n=n) for n in numbers)).encode()


def read_all(bootstrap: str, topic: str, expected: int, timeout_s: float = 30.0) -> list[Any]:
    """Every message on ``topic``, waiting until at least ``expected`` arrived."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, consumer_timeout_ms=1000)
    try:
        parts = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or [])]
        consumer.assign(parts)
        consumer.seek_to_beginning(*parts)
        messages: list[Any] = []
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            batch = consumer.poll(timeout_ms=500)
            messages += [m for records in batch.values() for m in records]
            ends = consumer.end_offsets(parts)
            if len(messages) >= expected and all(consumer.position(p) >= ends[p] for p in parts):
                break
        return messages
    finally:
        consumer.close()


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        yield srv


def test_articles_reach_kafka_once_across_restarts(
    tmp_path: Path, server: FeedServer, kafka_bootstrap: str, unique_name: Callable[[str], str]
) -> None:
    prefix = unique_name("poller")
    settings = PollerSettings(state_dir=tmp_path, topic_prefix=prefix, kafka_bootstrap=kafka_bootstrap)
    feeds = FeedsFile(feeds=[FeedConfig(name="atom", url=server.url("/atom.xml"), interval="1m")])
    assert ensure_topic(kafka_bootstrap, settings.articles, "articles.v1") is True
    assert ensure_topic(kafka_bootstrap, settings.articles, "articles.v1") is False

    def run_poller() -> list[Any]:
        sink = KafkaArticleSink(kafka_bootstrap, settings.articles, timeout_s=30, max_bytes=1 << 20)
        store = StateStore(settings.state_file)
        poller = Poller(settings, feeds, store, sink)
        try:
            return poller.run_once()
        finally:
            poller.close()
            sink.close()
            store.close()

    server.set_feed("/atom.xml", atom(1, 2), ATOM_TYPE)
    assert [o.new for o in run_poller()] == [2]
    messages = read_all(kafka_bootstrap, settings.articles, 2)
    decoded = [schemas.decode("articles.v1", m.value) for m in messages]
    assert sorted(a["title"] for a in decoded) == ["Entry 1", "Entry 2"]
    assert all(m.key.decode() == a["id"] for m, a in zip(messages, decoded, strict=True))

    # restart with the feed changed (so no 304): only the new entry is produced
    server.set_feed("/atom.xml", atom(3, 2, 1), ATOM_TYPE)
    [outcome] = run_poller()
    assert (outcome.new, outcome.seen) == (1, 2)
    messages = read_all(kafka_bootstrap, settings.articles, 3)
    titles = sorted(schemas.decode("articles.v1", m.value)["title"] for m in messages)
    assert titles == ["Entry 1", "Entry 2", "Entry 3"]
