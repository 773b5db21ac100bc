"""Feed item -> poller -> Kafka -> worker -> Kafka -> alerter -> webhook, with an alerter crash.

Real processes on the real Kafka and Elasticsearch. The first alerter is made to die right
after its third delivery, before it commits its Kafka offsets (the worst moment: the messages
will be replayed). Two new alerters in the same consumer group take over (partitions split
between them). Every quote must arrive exactly once.
"""

from __future__ import annotations

import time

import pytest
from elasticsearch import Elasticsearch
from kafka import KafkaConsumer, TopicPartition

from newsmon.feedserver import FeedServer
from newsmon_alerter.bench import Feed, Pipeline, article
from newsmon_alerter.formats.webhook import verify
from newsmon_alerter.receiver import Receiver

pytestmark = [pytest.mark.e2e, pytest.mark.kafka, pytest.mark.elasticsearch, pytest.mark.slow]

N_ITEMS = 8


def _lag(bootstrap: str, group: str, topic: str) -> int:
    """Messages in ``topic`` not yet committed by ``group`` (read without joining the group)."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    try:
        parts = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        ends = consumer.end_offsets(parts)
        return sum(end - (consumer.committed(tp) or 0) for tp, end in ends.items())
    finally:
        consumer.close(autocommit=False)


def _wait(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while not (value := condition()):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.3)
    return value


def test_restart_in_the_middle_loses_nothing_and_duplicates_nothing(tmp_path, kafka_bootstrap, es_url):
    with FeedServer() as server, Receiver() as rx:
        feed = Feed(server)
        pipe = Pipeline(feed.url, rx.url("/hook"), tmp_path)
        pipe.env["NEWSMON_KAFKA_BOOTSTRAP"] = kafka_bootstrap
        pipe.env["NEWSMON_ES_URL"] = es_url
        try:
            pipe.start_worker()
            pipe.start("poller")
            feed.add(*(article(i) for i in range(1, N_ITEMS + 1)))
            first = pipe.start("alerter", "alerter-1", NEWSMON_ALERTER_CRASH_AFTER_DELIVERIES="3")
            _wait(lambda: first.poll() is not None, 240, "the first alerter to crash after 3 deliveries")
            assert first.returncode == 17, pipe.log_text("alerter-1")[-3000:]
            assert len(rx.on("/hook")) == 3
            pipe.start("alerter", "alerter-2")
            pipe.start("alerter", "alerter-3")
            rx.wait_for("/hook", N_ITEMS, timeout=240)
            quotes_topic = f"{pipe.prefix}.quotes.v1"
            group = f"{pipe.prefix}-alerter"
            _wait(
                lambda: _lag(kafka_bootstrap, group, quotes_topic) == 0,
                120,
                "the alerter to commit everything",
            )
        finally:
            pipe.stop()
    got = rx.on("/hook")
    links = [r.json()["items"][0]["item"]["url"] for r in got]
    assert sorted(links) == sorted(article(i)["link"] for i in range(1, N_ITEMS + 1))  # none lost, none twice
    assert all(verify(r.body, "bench-secret", r.headers["X-Newsmon-Signature"]) for r in got)
    # the replay happened and was absorbed by whichever instance got the partition
    assert "alert_already_handled" in pipe.log_text("alerter-2") + pipe.log_text("alerter-3")
    es = Elasticsearch(es_url)
    es.indices.refresh(index=f"{pipe.prefix}-alerts")
    delivered = es.count(index=f"{pipe.prefix}-alerts", query={"term": {"status": "delivered"}})["count"]
    assert delivered == N_ITEMS
    es.indices.delete(index=f"{pipe.prefix}-*", ignore_unavailable=True, allow_no_indices=True)
