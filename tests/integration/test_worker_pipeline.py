"""``newsmon worker`` end to end: articles on Kafka -> extraction -> quotes, meetings -> Elasticsearch.

One real worker process (all agents, the real spaCy extractor) with a unique topic prefix,
consumer group and index prefix; articles are produced with kafka-python.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch
from indexing_support import (
    WorkerProcess,
    cleanup_prefix,
    delete_topics,
    produce,
    read_dead_letters,
    search_all,
    unique,
    wait_for,
)

from newsmon.es import IndexNames
from newsmon.extract import Extractor
from newsmon.settings import TopicSettings
from newsmon_worker.messages import prepare_article

pytestmark = [pytest.mark.kafka, pytest.mark.elasticsearch, pytest.mark.slow]

# Original text written for this test.
STORY = """Port workers and the city of Porto will resume talks on Thursday, officials said.

Porto mayor Maria Santos met Transport Minister Joao Costa in Lisbon on Monday to discuss the port dispute.

"We will not accept another year of delays," said Maria Santos, the mayor of Porto. \
"The harbour needs a plan now."

Union leader Rui Almeida told reporters that members would vote on the offer next week.

"Nobody wants a strike in the summer," Almeida said after Monday's meeting with the port authority in Lisbon.
"""
MAX_CHARS = 4000


SAME_MEETING = (
    "Joao Costa and Maria Santos met in Lisbon on Monday, the transport ministry said in a statement."
)


def article(body: str, title: str, n: int, **fields: object) -> dict:
    return {
        "id": "a-" + hashlib.md5(f"{title}-{n}".encode()).hexdigest(),
        "url": f"https://porto-news.example/{n}",
        "canonical_url": f"https://porto-news.example/{n}",
        "guid": None,
        "title": title,
        "summary": body[:200],
        "body": body,
        "body_source": "content",
        "html": False,
        "feed": {"name": "porto-news", "url": "https://porto-news.example/rss"},
        "outlet": "Porto News",
        "authors": [],
        "language": "en",
        "published": "2024-05-07T09:00:00+00:00",
        "fetched_at": "2024-05-07T09:05:00+00:00",
        "content_hash": "sha256:" + hashlib.sha256(body.encode()).hexdigest(),
    } | fields


@pytest.fixture(scope="module")
def worker(es: Elasticsearch, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkerProcess]:
    prefix = unique("nmtest-wrk")
    logs: Path = tmp_path_factory.mktemp("worker")
    process = WorkerProcess(prefix, logs, NEWSMON_WORKER_MAX_ARTICLE_CHARS=str(MAX_CHARS)).start()
    yield process
    process.stop()
    cleanup_prefix(es, prefix)
    delete_topics(prefix)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def test_article_becomes_searchable_with_its_quotes_and_meetings(
    es: Elasticsearch, worker: WorkerProcess, extractor: Extractor
) -> None:
    topics, names = TopicSettings(topic_prefix=worker.prefix), IndexNames(worker.prefix)
    story = article(STORY, "Porto port talks to resume", 1)
    produce(topics.articles, [json.dumps(story).encode()], key=story["id"].encode())

    # The same extractor in this process says what the worker must have produced.
    expected = extractor.extract(
        STORY, published=prepare_article(story, MAX_CHARS).input.published, title=story["title"]
    )
    assert expected["quotes"], "the extractor finds the direct quotes of this story"

    wait_for(lambda: search_all(es, names.articles), 120, "the article in Elasticsearch")
    quotes = wait_for(
        lambda: (q := search_all(es, names.quotes)) and len(q) >= len(expected["quotes"]) and q,
        120,
        "the quotes in Elasticsearch",
    )
    assert sorted(q["text"] for q in quotes) == sorted(q["text"] for q in expected["quotes"])
    assert {q["speaker"] for q in quotes} == {q["speaker"] for q in expected["quotes"]}
    assert all(q["article_id"] == story["id"] and q["outlet"] == "Porto News" for q in quotes)
    mayor = [q for q in quotes if "another year of delays" in q["text"]]
    assert mayor and mayor[0]["speaker"] == "Maria Santos"
    hits = es.search(index=names.quotes, query={"match": {"text": "harbour plan"}})["hits"]["hits"]
    assert hits, "quote text is full-text searchable"

    keys = {m["meeting_key"] for m in expected["meetings"]}
    assert keys, "the extractor finds the Lisbon meeting of this story"
    if keys:
        meetings = wait_for(
            lambda: len(search_all(es, names.meetings)) >= len(keys) and search_all(es, names.meetings),
            60,
            "meetings",
        )
        assert {m["meeting_key"] for m in meetings} == keys
        assert all(m["mentions"][0]["article_id"] == story["id"] for m in meetings)
    worker.assert_alive()


def test_malformed_message_is_dead_lettered_and_the_worker_goes_on(
    es: Elasticsearch, worker: WorkerProcess
) -> None:
    topics, names = TopicSettings(topic_prefix=worker.prefix), IndexNames(worker.prefix)
    good = article(STORY.replace("Porto", "Braga"), "Braga port talks", 2)
    produce(
        topics.articles,
        [b"\x00not json at all", json.dumps({"id": "x"}).encode(), json.dumps(good).encode()],
        key=b"k",
    )
    records = read_dead_letters(
        topics.dead_letter, lambda r: sum(x["source_topic"] == topics.articles for x in r) >= 4
    )
    from_articles = [r for r in records if r["source_topic"] == topics.articles]
    # Two agents read the articles topic (extraction and article indexing): each reports both bad messages.
    assert {(r["stage"], r["error"]["type"]) for r in from_articles} == {("consume", "SchemaValidationError")}
    assert any(
        "not JSON" in r["error"]["message"] and r["payload"] == "\x00not json at all" for r in from_articles
    )
    assert any(
        "'body' is a required property" in r["error"]["message"] or "required" in r["error"]["message"]
        for r in from_articles
    )
    assert all(r["offset"] is not None and r["partition"] is not None for r in from_articles)
    wait_for(
        lambda: any(a["id"] == good["id"] for a in search_all(es, names.articles)), 120, "the good article"
    )
    wait_for(
        lambda: any(q["article_id"] == good["id"] for q in search_all(es, names.quotes)), 120, "its quotes"
    )
    worker.assert_alive()


def test_oversized_article_is_truncated_and_flagged(es: Elasticsearch, worker: WorkerProcess) -> None:
    topics, names = TopicSettings(topic_prefix=worker.prefix), IndexNames(worker.prefix)
    filler = "Harbour traffic was normal on Tuesday, according to the port's daily report.\n\n" * 80
    big = article(STORY + "\n" + filler, "Long harbour report", 3)
    assert len(big["body"]) > MAX_CHARS
    produce(topics.articles, [json.dumps(big).encode()], key=big["id"].encode())
    quotes = wait_for(
        lambda: [q for q in search_all(es, names.quotes) if q["article_id"] == big["id"]],
        120,
        "quotes of the long article",
    )
    assert all(q.get("truncated") is True for q in quotes)
    wait_for(lambda: "article_truncated_for_extraction" in worker.log(), 30, "the truncation warning")
    worker.assert_alive()


def test_the_same_meeting_from_two_outlets_is_one_document(
    es: Elasticsearch, worker: WorkerProcess, extractor: Extractor
) -> None:
    topics, names = TopicSettings(topic_prefix=worker.prefix), IndexNames(worker.prefix)
    first = article(STORY, "Porto port talks to resume", 1)  # produced by the first test too: a replay
    second = article(
        SAME_MEETING,
        "Minister met Porto mayor",
        4,
        outlet="Lisbon Daily",
        published="2024-05-08T07:30:00+00:00",
    )

    def keys(item: dict) -> set[str]:
        inputs = prepare_article(item, MAX_CHARS).input
        found = extractor.extract(inputs.text, published=inputs.published, title=inputs.title)
        return {m["meeting_key"] for m in found["meetings"]}

    key_of = {item["id"]: keys(item) for item in (first, second)}
    shared = key_of[first["id"]] & key_of[second["id"]]
    assert shared, f"both reports get the same meeting_key from the extractor: {key_of}"
    produce(topics.articles, [json.dumps(first).encode(), json.dumps(second).encode()], key=b"same-meeting")
    (key,) = shared

    def merged() -> dict | None:
        docs = [m for m in search_all(es, names.meetings) if m["meeting_key"] == key]
        return docs[0] if docs and {first["id"], second["id"]} <= set(docs[0]["article_ids"]) else None

    # (other tests' articles repeat the story, so the meeting may have further mentions)
    doc = wait_for(merged, 120, "one meeting document with a mention from each outlet")
    assert len(doc["mentions"]) == len(set(doc["article_ids"])) == doc["mention_count"]
    assert {"Lisbon Daily", "Porto News"} <= set(doc["outlets"])
    assert doc["last_reported"].startswith("2024-05-08")
    assert doc["location"]["name"] == "Lisbon" and "point" in doc["location"]
