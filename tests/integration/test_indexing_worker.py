"""The indexing agents of a real ``newsmon worker`` process on the real Kafka and Elasticsearch.

Runs only the indexing agents (no spaCy), fed with schema-valid messages produced by kafka-python.
"""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from elasticsearch import Elasticsearch
from indexing_support import (
    ES_URL,
    Relay,
    WorkerProcess,
    cleanup_prefix,
    delete_topics,
    installed,
    produce,
    read_dead_letters,
    search_all,
    unique,
    wait_for,
)

from newsmon.es import IndexNames
from newsmon.settings import REPO_ROOT, TopicSettings

pytestmark = [pytest.mark.kafka, pytest.mark.elasticsearch]

EXAMPLES = REPO_ROOT / "schemas" / "examples"


def example(topic: str, name: str) -> dict:
    return json.loads((EXAMPLES / topic / name).read_text())


@pytest.fixture
def prefix(es: Elasticsearch) -> Iterator[str]:
    name = unique("nmtest-idxw")
    yield name
    cleanup_prefix(es, name)
    delete_topics(name)


def test_rejected_document_goes_to_dead_letter_with_reason(
    es: Elasticsearch, prefix: str, tmp_path: Path
) -> None:
    topics = TopicSettings(topic_prefix=prefix)
    good = example("quotes.v1", "direct-split.json")
    bad = copy.deepcopy(good) | {"id": "q-too-big", "parts": [{"start": 2**40, "end": 1}]}
    worker = WorkerProcess(prefix, tmp_path, agents="quotes").start()
    try:
        produce(topics.quotes, [json.dumps(bad).encode(), json.dumps(good).encode()], key=b"a-1")
        records = read_dead_letters(topics.dead_letter, lambda r: len(r) >= 1)
        assert len(records) == 1
        record = records[0]
        assert record["stage"] == "index"
        assert record["source_topic"] == topics.quotes
        assert record["offset"] == 0 and record["partition"] is not None
        assert record["error"]["type"] == "document_parsing_exception"
        assert "parts.start" in record["error"]["message"] and record["error"]["status"] == 400
        assert record["payload"]["id"] == "q-too-big"  # the message itself, for a replay after a fix
        index = IndexNames(prefix).quotes
        hits = wait_for(lambda: search_all(es, index), 30, "the good quote to be indexed")
        assert [h["id"] for h in hits] == [good["id"]]
        worker.assert_alive()
    finally:
        worker.stop()


def test_mentions_from_two_articles_become_one_meeting(
    es: Elasticsearch, prefix: str, tmp_path: Path
) -> None:
    topics = TopicSettings(topic_prefix=prefix)
    first = example("meetings.v1", "scheduled.json")
    later = copy.deepcopy(first) | {
        "id": "m-later",
        "article_id": "a-later",
        "outlet": "Evening Post",
        "url": "https://evening.example/talks",
        "published": "2024-03-08T18:00:00Z",
        "status": "held",
    }
    worker = WorkerProcess(prefix, tmp_path, agents="meetings").start()
    try:
        key = first["meeting_key"].encode()
        produce(
            topics.meetings,
            [json.dumps(first).encode(), json.dumps(later).encode(), json.dumps(first).encode()],
            key,
        )
        index = IndexNames(prefix).meetings

        def merged() -> dict | None:
            docs = search_all(es, index)
            return docs[0] if docs and docs[0]["mention_count"] == 2 else None

        doc = wait_for(merged, 60, "one meeting document with two mentions")
        assert doc["status"] == "held"
        assert [h["status"] for h in doc["status_history"]] == ["scheduled", "held"]
        assert sorted(m["outlet"] for m in doc["mentions"]) == ["Evening Post", "Harbour Gazette"]
        assert doc["location"]["point"] == {"lat": 51.9225, "lon": 4.47917}
        assert len(search_all(es, index)) == 1
        worker.assert_alive()
    finally:
        worker.stop()


def test_worker_waits_out_an_elasticsearch_outage(es: Elasticsearch, prefix: str, tmp_path: Path) -> None:
    topics = TopicSettings(topic_prefix=prefix)
    installed(es, prefix)  # the worker itself would wait for Elasticsearch before starting
    target = urlparse(ES_URL)
    relay = Relay((target.hostname or "127.0.0.1", target.port or 9200))
    worker = WorkerProcess(
        prefix,
        tmp_path,
        agents="articles",
        NEWSMON_ES_URL=relay.url,
        NEWSMON_WORKER_INSTALL_TEMPLATES="false",
    ).start()
    try:
        ids = sorted(f"a-{uuid.uuid4().hex}" for _ in range(5))
        articles = [json.dumps(example("articles.v1", "rss-guid.json") | {"id": i}).encode() for i in ids]
        produce(topics.articles, articles, key=b"k")
        wait_for(lambda: worker.log().count("es_unavailable_retrying") >= 2, 60, "the worker to retry")
        worker.assert_alive()
        relay.open()
        index = IndexNames(prefix).articles
        docs = wait_for(
            lambda: len(search_all(es, index)) == 5 and search_all(es, index), 60, "all 5 articles"
        )
        assert sorted(d["id"] for d in docs) == ids
        assert "dead_lettered" not in worker.log()
    finally:
        worker.stop()
        relay.close()


def test_offsets_do_not_advance_before_the_write(es: Elasticsearch, prefix: str, tmp_path: Path) -> None:
    from indexing_support import KAFKA
    from kafka import KafkaAdminClient

    topics = TopicSettings(topic_prefix=prefix)
    installed(es, prefix)
    relay = Relay(("127.0.0.1", 9))  # never opened: Elasticsearch stays unreachable for this worker
    no_templates = {"NEWSMON_WORKER_INSTALL_TEMPLATES": "false", "NEWSMON_WORKER_AGENTS": "articles"}
    down = WorkerProcess(
        prefix, tmp_path, agents="articles", NEWSMON_ES_URL=relay.url, **no_templates
    ).start()
    ids = sorted(f"a-{uuid.uuid4().hex}" for _ in range(3))
    try:
        produce(
            topics.articles,
            [json.dumps(example("articles.v1", "rss-guid.json") | {"id": i}).encode() for i in ids],
        )
        wait_for(lambda: down.log().count("es_unavailable_retrying") >= 2, 60, "the worker to retry")
    finally:
        assert down.stop() == 0, down.log()[-3000:]
    admin = KafkaAdminClient(bootstrap_servers=KAFKA.split(","))
    try:
        committed = admin.list_group_offsets(f"{prefix}-worker").get(f"{prefix}-worker", {})
    finally:
        admin.close()
    assert all(meta.offset <= 0 for tp, meta in committed.items() if tp.topic == topics.articles), committed
    # Same consumer group, Elasticsearch reachable: the unacked batch is consumed again, nothing lost.
    up = WorkerProcess(prefix, tmp_path, **no_templates).start()
    try:
        index = IndexNames(prefix).articles
        docs = wait_for(lambda: len(search_all(es, index)) == 3 and search_all(es, index), 60, "3 articles")
        assert sorted(d["id"] for d in docs) == ids
    finally:
        up.stop()


def test_two_workers_share_the_partitions(es: Elasticsearch, prefix: str, tmp_path: Path) -> None:
    import re

    from newsmon_worker.settings import WorkerSettings
    from newsmon_worker.topics import ensure_kafka_topics

    topics = TopicSettings(topic_prefix=prefix)
    ensure_kafka_topics(WorkerSettings(topic_prefix=prefix, worker_partitions=4))
    first = WorkerProcess(prefix, tmp_path / "one", agents="quotes")
    second = WorkerProcess(prefix, tmp_path / "two", agents="quotes")
    for worker in (first, second):
        worker.log_path.parent.mkdir()
    assigned = re.compile(re.escape(f"| {topics.quotes}") + r"\s+\| \{[^}]+\}")
    first.start()
    try:
        wait_for(lambda: assigned.search(first.log()), 60, "the first worker's partitions")
        second.start()
        wait_for(lambda: assigned.search(second.log()), 90, "the second worker to join the group")
        base = example("quotes.v1", "direct-split.json")
        for i in range(60):
            message = base | {"id": f"q-share-{i:02d}", "article_id": f"a-share-{i:02d}"}
            produce(topics.quotes, [json.dumps(message).encode()], key=f"a-share-{i:02d}".encode())
        index = IndexNames(prefix).quotes
        wait_for(lambda: len(search_all(es, index)) == 60, 90, "all 60 quotes indexed")
        counts = [
            sum(json.loads(line)["docs"] for line in w.log().splitlines() if '"event": "indexed"' in line)
            for w in (first, second)
        ]
        assert all(c > 0 for c in counts), counts  # both consumed a share of the partitions
        assert sum(counts) >= 60
    finally:
        first.stop()
        second.stop()
