"""The alerter's Kafka loop on the real Kafka and Elasticsearch (quotes produced with kafka-python).

Hot reload of rules.yaml while running (an invalid edit keeps the last good rules), a
malformed message going to the dead-letter topic without stopping the service, the offsets
committed after handling, and the claims retention applied at start.
"""

from __future__ import annotations

import json
import threading
import time

import pytest
from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from newsmon import schemas
from newsmon_alerter.consumer import RulesWatcher, run
from newsmon_alerter.receiver import Receiver
from newsmon_alerter.settings import AlerterSettings
from newsmon_alerter.state import ClaimStore

pytestmark = [pytest.mark.kafka, pytest.mark.elasticsearch]

RULES = """\
rules:
  - name: {name}
    on: quotes
    query: '{query}'
    notify: [hook]
destinations:
  hook:
    type: webhook
    url: {url}
"""


def quote(i: int, speaker: str) -> dict:
    return {
        "id": f"q-{i}",
        "article_id": f"a-{i}",
        "text": f"Statement number {i} on guarantees.",
        "parts": [{"start": 0, "end": 10}],
        "speaker": speaker,
        "direct": True,
        "partial": False,
        "confidence": 0.9,
        "extracted_at": "2022-01-11T10:00:00Z",
        "url": f"https://example.org/{i}",
    }


def _lag(bootstrap: str, settings: AlerterSettings) -> int:
    check = KafkaConsumer(
        bootstrap_servers=bootstrap, group_id=settings.alerter_group, enable_auto_commit=False
    )
    try:
        parts = [
            TopicPartition(settings.quotes, p) for p in check.partitions_for_topic(settings.quotes) or ()
        ]
        ends = check.end_offsets(parts)
        return sum(end - (check.committed(tp) or 0) for tp, end in ends.items())
    finally:
        check.close(autocommit=False)


def wait(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


def test_consumer_loop_reload_and_dead_letter(tmp_path, kafka_bootstrap, es, es_url, unique_name):
    prefix = unique_name("t-alertloop")
    settings = AlerterSettings(
        kafka_bootstrap=kafka_bootstrap,
        es_url=es_url,
        es_index_prefix=prefix,
        topic_prefix=prefix,
        config_dir=tmp_path,
        alerter_group=f"{prefix}-alerter",
        alerter_max_attempts=2,
        alerter_backoff_base_s=0.05,
        alerter_rate_per_minute=6000,
    )
    rules_file = tmp_path / "rules.yaml"
    producer = KafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
    stop = threading.Event()
    with Receiver() as rx:
        rules_file.write_text(
            RULES.format(name="ryabkov", query="speaker:Sergei Ryabkov", url=rx.url("/hook"))
        )
        watcher = RulesWatcher(rules_file)
        old = ClaimStore(es, settings.claims_index, "an-old-instance")  # a claim from long ago
        old.ensure_index()
        old.finish(old.acquire("gone", "q-old", "quotes"), "delivered")
        es.update(
            index=old.index, id=old.claim_id("gone", "q-old"), doc={"updated_at": "2020-01-01T00:00:00Z"}
        )
        thread = threading.Thread(target=run, args=(settings, stop, watcher), daemon=True)
        thread.start()
        try:
            wait(lambda: old.state("gone", "q-old") is None, 60, "the old claim to be pruned at start")
            producer.send(settings.quotes, schemas.encode("quotes.v1", quote(1, "Sergei Ryabkov")))
            producer.send(settings.quotes, b"{not json")  # must not stop the service
            producer.send(settings.quotes, schemas.encode("quotes.v1", quote(2, "Wendy Sherman")))
            producer.flush()
            rx.wait_for("/hook", 1, timeout=60)

            # an invalid edit: logged, the last good rules stay active
            rules_file.write_text("rules: [ {name: broken, on: quotes, query: 'a:(', notify: [hook]} ]\n")
            wait(lambda: watcher.error is not None, 30, "the invalid edit to be seen")
            producer.send(settings.quotes, schemas.encode("quotes.v1", quote(3, "Sergei Ryabkov")))
            producer.flush()
            rx.wait_for("/hook", 2, timeout=60)

            # a valid edit takes effect without a restart
            rules_file.write_text(
                RULES.format(name="sherman", query="speaker:Wendy Sherman", url=rx.url("/hook"))
            )
            wait(lambda: [r.name for r in watcher.rules.rules] == ["sherman"], 30, "the valid edit to load")
            producer.send(settings.quotes, schemas.encode("quotes.v1", quote(4, "Wendy Sherman")))
            producer.send(settings.quotes, schemas.encode("quotes.v1", quote(5, "Sergei Ryabkov")))
            producer.flush()
            got = rx.wait_for("/hook", 3, timeout=60)
            wait(lambda: _lag(kafka_bootstrap, settings) == 0, 60, "offsets committed after handling")
        finally:
            stop.set()
            thread.join(timeout=60)
    assert not thread.is_alive()
    ids = [r.json()["items"][0]["id"] for r in got]
    assert ids == ["q-1", "q-3", "q-4"]
    assert [r.json()["rule"] for r in got] == ["ryabkov", "ryabkov", "sherman"]

    dlq = KafkaConsumer(
        settings.dead_letter,
        bootstrap_servers=kafka_bootstrap,
        auto_offset_reset="earliest",
        consumer_timeout_ms=5000,
    )
    records = [json.loads(m.value) for m in dlq]
    dlq.close()
    assert len(records) == 1 and records[0]["stage"] == "consume" and records[0]["service"] == "alerter"
    assert records[0]["payload"] == "{not json" and records[0]["source_topic"] == settings.quotes

    es.indices.delete(index=f"{prefix}-*", ignore_unavailable=True, allow_no_indices=True)
