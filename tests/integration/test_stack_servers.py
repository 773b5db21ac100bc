"""The running stack answers real clients: kafka-python, aiokafka (Faust's client), elasticsearch.

These also pin client compatibility with Kafka 4.x, which removed old protocol versions:
if an upgrade of kafka-python or aiokafka breaks against the broker, this is where it shows.
"""

from __future__ import annotations

import asyncio
import json

import pytest


@pytest.mark.kafka
def test_kafka_python_produce_consume_round_trip(kafka_bootstrap, unique_name):
    from kafka import KafkaConsumer, KafkaProducer

    topic = unique_name("stack-kp")
    payloads = [{"n": i, "text": f"message {i}"} for i in range(5)]
    # Plain bytes: kafka-python 3 deprecates callables as (de)serializers.
    producer = KafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
    try:
        for p in payloads:
            producer.send(topic, json.dumps(p).encode(), key=str(p["n"]).encode()).get(timeout=30)
        producer.flush(timeout=30)
    finally:
        producer.close()

    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=kafka_bootstrap,
        group_id=unique_name("stack-kp-group"),
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=30_000,
    )
    try:
        got = []
        for record in consumer:
            got.append(json.loads(record.value))
            if len(got) == len(payloads):
                break
        consumer.commit()
        committed = consumer.committed(next(iter(consumer.assignment())))
    finally:
        consumer.close()
    assert got == payloads
    assert committed == len(payloads)


async def _aiokafka_round_trip(bootstrap: str, topic: str, group: str) -> tuple[list[bytes], int | None]:
    from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True)
    await producer.start()
    try:
        for i in range(3):
            await producer.send_and_wait(topic, f"aio {i}".encode(), key=b"k")
    finally:
        await producer.stop()

    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id=group,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    try:
        values: list[bytes] = []
        while len(values) < 3:
            batch = await asyncio.wait_for(consumer.getmany(timeout_ms=1000), timeout=30)
            values += [m.value for msgs in batch.values() for m in msgs if m.value is not None]
        await consumer.commit()
        committed = await consumer.committed(TopicPartition(topic, 0))
    finally:
        await consumer.stop()
    return values, committed


@pytest.mark.kafka
def test_aiokafka_produce_consume_and_group_commit(kafka_bootstrap, unique_name):
    """aiokafka is what faust-streaming uses: idempotent produce, group join and offset commit."""
    values, committed = asyncio.run(
        asyncio.wait_for(
            _aiokafka_round_trip(kafka_bootstrap, unique_name("stack-aio"), unique_name("stack-aio-group")),
            timeout=120,
        )
    )
    assert values == [b"aio 0", b"aio 1", b"aio 2"]
    assert committed == 3


@pytest.mark.kafka
def test_kafka_auto_creates_topics_with_one_partition(kafka_bootstrap, unique_name):
    from kafka import KafkaAdminClient, KafkaProducer

    topic = unique_name("stack-auto")
    producer = KafkaProducer(bootstrap_servers=kafka_bootstrap)
    try:
        producer.send(topic, b"x").get(timeout=30)
    finally:
        producer.close()
    admin = KafkaAdminClient(bootstrap_servers=kafka_bootstrap)
    try:
        (description,) = admin.describe_topics([topic])
    finally:
        admin.close()
    assert len(description["partitions"]) == 1


@pytest.mark.elasticsearch
def test_elasticsearch_index_and_search(es, unique_name):
    index = unique_name("stack-es")
    es.indices.create(
        index=index,
        settings={"number_of_shards": 1, "number_of_replicas": 0},
        mappings={"properties": {"speaker": {"type": "keyword"}, "text": {"type": "text"}}},
    )
    try:
        es.index(index=index, id="1", document={"speaker": "Lavrov", "text": "Talks in Geneva were useful"})
        es.index(index=index, id="2", document={"speaker": "Rubio", "text": "We will meet again next week"})
        es.indices.refresh(index=index)
        hits = es.search(index=index, query={"match": {"text": "geneva"}})["hits"]["hits"]
        assert [h["_id"] for h in hits] == ["1"]
        by_speaker = es.search(index=index, query={"term": {"speaker": "Rubio"}})["hits"]["hits"]
        assert [h["_source"]["text"] for h in by_speaker] == ["We will meet again next week"]
    finally:
        es.indices.delete(index=index)


@pytest.mark.elasticsearch
def test_elasticsearch_client_major_matches_server(es):
    from elasticsearch import __versionstr__

    # `GET /` (es.info) answers 405 on the integ-test distribution: ask the node itself.
    nodes = es.nodes.info(node_id="_local", metric="_none", filter_path="nodes.*.version")["nodes"]
    (server,) = [n["version"] for n in nodes.values()]
    assert server.split(".")[0] == __versionstr__.split(".")[0]


@pytest.mark.kafka
@pytest.mark.elasticsearch
def test_stack_up_is_a_no_op_and_status_is_zero_when_both_answer(kafka_bootstrap, es_url):
    """A second `up` must not start anything; `status` exits 0 with both servers up."""
    import subprocess
    import sys

    up = subprocess.run(
        [sys.executable, "-m", "newsmon.cli", "stack", "up"], capture_output=True, text=True, timeout=120
    )
    assert up.returncode == 0, up.stderr
    assert up.stdout.startswith("stack already up")
    status = subprocess.run(
        [sys.executable, "-m", "newsmon.cli", "stack", "status"], capture_output=True, text=True, timeout=120
    )
    assert status.returncode == 0, status.stdout
    assert "kafka: up" in status.stdout and "elasticsearch: up" in status.stdout
