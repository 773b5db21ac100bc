"""Bulk indexing on the real Elasticsearch: replays, outages, rejections, merged meetings."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from elasticsearch import Elasticsearch
from indexing_support import ES_URL, Relay, cleanup_prefix, es_client, installed, unique, wait_for

from newsmon.es import Backoff, BulkWriter, Doc, IndexNames, MeetingIndexer, make_client
from newsmon.es.documents import quote_doc
from newsmon.settings import ElasticsearchSettings

pytestmark = pytest.mark.elasticsearch


@pytest.fixture
def prefix(es: Elasticsearch) -> Iterator[str]:
    name = unique("nmtest-bulk")
    installed(es, name)
    yield name
    cleanup_prefix(es, name)


def quote(i: int, article: str = "a-1") -> dict:
    return {
        "id": f"q-{article}-{i}",
        "article_id": article,
        "text": f"quote number {i}",
        "parts": [{"start": i * 10, "end": i * 10 + 5}],
        "speaker": "Ana Lopez",
        "direct": True,
        "partial": False,
        "confidence": 0.8,
        "published": "2024-05-02T10:00:00Z",
        "extracted_at": "2024-05-02T10:01:00Z",
    }


def docs(index: str, messages: list[dict]) -> list[Doc]:
    return [Doc(index, *quote_doc(m), m) for m in messages] if messages else []


def count(es: Elasticsearch, index: str) -> int:
    es.indices.refresh(index=index)
    return int(es.count(index=index)["count"])


def test_replayed_batch_creates_no_duplicates(es: Elasticsearch, prefix: str) -> None:
    index = IndexNames(prefix).quotes
    writer = BulkWriter(es)
    batch = [quote(i) for i in range(50)]
    assert writer.index_docs(docs(index, batch)) == []
    assert writer.index_docs(docs(index, batch[10:30])) == []  # a replay of part of the stream
    assert count(es, index) == 50


def test_replay_after_a_rollover_overwrites_the_older_copy(es: Elasticsearch, prefix: str) -> None:
    names = IndexNames(prefix)
    alias, first = names.quotes, names.first_index("quotes")
    writer = BulkWriter(es)
    batch = [quote(i, "a-roll") for i in range(6)]
    assert writer.index_docs(docs(alias, batch)) == []
    assert count(es, first) == 6  # refreshed, as the old index is a refresh interval after a rollover
    rolled = es.indices.rollover(alias=alias)
    assert rolled["rolled_over"] is True
    newer = rolled["new_index"]
    assert writer.older_indices(alias) == [first]
    replay = [m | {"confidence": 0.3} for m in batch[2:5]] + [quote(6, "a-roll")]
    assert writer.index_docs(docs(alias, replay)) == []
    assert count(es, alias) == 7  # the three replayed quotes were not copied into the new index
    assert count(es, newer) == 1  # only the new quote went to the new write index
    hits = {h["_id"]: h for h in es.search(index=alias, size=20)["hits"]["hits"]}
    assert {hits[m["id"]]["_index"] for m in replay[:3]} == {first}
    assert {hits[m["id"]]["_source"]["confidence"] for m in replay[:3]} == {0.3}  # overwritten in place
    assert hits[replay[3]["id"]]["_index"] == newer


def test_a_plain_index_needs_no_replay_lookup(es: Elasticsearch, prefix: str) -> None:
    writer = BulkWriter(es)
    assert writer.older_indices(IndexNames(prefix).quotes) == []  # one backing index: nothing to look up
    assert writer.older_indices(IndexNames(prefix).first_index("quotes")) == []  # a concrete index
    assert writer.older_indices(f"{prefix}-no-such-alias") == []


def test_rejected_document_is_reported_with_its_reason(es: Elasticsearch, prefix: str) -> None:
    index = IndexNames(prefix).quotes
    bad = quote(1) | {"parts": [{"start": 2**40, "end": 1}]}  # valid JSON Schema, too big for `integer`
    rejections = BulkWriter(es).index_docs(docs(index, [quote(0), bad, quote(2)]))
    assert [r.doc_id for r in rejections] == [bad["id"]]
    assert rejections[0].status == 400
    assert "parts.start" in rejections[0].reason
    assert rejections[0].message is bad
    assert count(es, index) == 2


def test_outage_is_retried_and_nothing_is_lost(es: Elasticsearch, prefix: str) -> None:
    target = urlparse(ES_URL)
    relay = Relay((target.hostname or "127.0.0.1", target.port or 9200))
    settings = ElasticsearchSettings(es_url=relay.url, es_index_prefix=prefix)
    writer = BulkWriter(make_client(settings, request_timeout=5), Backoff(initial=0.05, maximum=0.5))
    index = IndexNames(prefix).quotes
    batch = [quote(i, "a-outage") for i in range(20)]
    outcome: dict = {}

    def run() -> None:
        outcome["rejections"] = writer.index_docs(docs(index, batch))

    thread = threading.Thread(target=run)
    started = time.monotonic()
    thread.start()  # Elasticsearch "down": connection refused on the relay's port
    wait_for(lambda: writer.retries >= 3, 30, "the writer to retry against the closed port")
    assert thread.is_alive(), "the write must block while Elasticsearch is unreachable"
    relay.open()  # Elasticsearch "back" on the same address
    thread.join(30)
    relay.close()
    assert not thread.is_alive()
    assert outcome["rejections"] == []
    assert count(es, index) == 20
    assert time.monotonic() - started < 30


def test_stop_ends_the_wait_without_pretending_success(prefix: str) -> None:
    settings = ElasticsearchSettings(es_url="http://127.0.0.1:9", es_index_prefix=prefix)
    stop = threading.Event()
    writer = BulkWriter(
        make_client(settings, request_timeout=2), Backoff(initial=0.05, maximum=0.2), stop=stop
    )
    threading.Timer(0.5, stop.set).start()
    from newsmon.errors import IndexingError

    with pytest.raises(IndexingError):
        writer.index_docs(docs(IndexNames(prefix).quotes, [quote(0)]))


def mention(article: str, status: str, published: str, outlet: str) -> dict:
    return {
        "id": f"m-{article}",
        "article_id": article,
        "outlet": outlet,
        "url": f"https://{outlet}.example/{article}",
        "title": "Talks",
        "published": published,
        "extracted_at": published,
        "participants": [{"name": "United States", "type": "country"}, {"name": "Russia", "type": "country"}],
        "location": {"name": "Geneva", "country_code": "CH", "lat": 46.20222, "lon": 6.14569},
        "date": "2022-01-10",
        "date_text": "on Monday",
        "end_date": None,
        "status": status,
        "kind": "talks",
        "evidence": {"text": f"{outlet} reports the talks.", "start": 0, "end": 20},
        "confidence": 0.8,
        "meeting_key": "mk-geneva-2022-01-10",
    }


def test_two_articles_merge_into_one_meeting_document(es: Elasticsearch, prefix: str) -> None:
    index = IndexNames(prefix).meetings
    indexer = MeetingIndexer(es, index)
    early = mention("a-early", "scheduled", "2022-01-08T09:00:00Z", "wire")
    late = mention("a-late", "held", "2022-01-11T07:00:00Z", "daily")
    assert indexer.write([early]) == []
    assert indexer.write([late]) == []
    assert indexer.write([late, early]) == []  # replayed mentions add nothing
    assert count(es, index) == 1
    doc = es.get(index=index, id="mk-geneva-2022-01-10")["_source"]
    assert doc["mention_count"] == 2
    assert [(m["article_id"], m["outlet"]) for m in doc["mentions"]] == [
        ("a-early", "wire"),
        ("a-late", "daily"),
    ]
    assert doc["status"] == "held"
    assert [(h["status"], h["as_of"], h["article_id"]) for h in doc["status_history"]] == [
        ("scheduled", "2022-01-08T09:00:00Z", "a-early"),
        ("held", "2022-01-11T07:00:00Z", "a-late"),
    ]
    # searchable the way Kibana asks: by status, participant, place on the map
    es.indices.refresh(index=index)
    query = {
        "bool": {
            "filter": [
                {"term": {"status": "held"}},
                {"term": {"participants.name": "Russia"}},
                {"geo_distance": {"distance": "20km", "location.point": {"lat": 46.2, "lon": 6.15}}},
            ]
        }
    }
    assert es.count(index=index, query=query)["count"] == 1


def _write_concurrently(indexers: list[MeetingIndexer], mentions: list[dict]) -> None:
    """Each indexer writes every n-th mention, one at a time, in its own thread."""
    n = len(indexers)
    threads = [
        threading.Thread(target=lambda ix=ix, k=k: [ix.write([m]) for m in mentions[k::n]])
        for k, ix in enumerate(indexers)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)


def test_concurrent_writers_lose_no_mention(es: Elasticsearch, prefix: str) -> None:
    index = IndexNames(prefix).meetings
    indexers = [MeetingIndexer(es_client(), index) for _ in range(4)]
    mentions = [
        mention(f"a-{i:02d}", "scheduled", f"2022-01-0{1 + i % 9}T00:00:00Z", f"o{i}") for i in range(24)
    ]
    _write_concurrently(indexers, mentions)
    doc = es.get(index=index, id="mk-geneva-2022-01-10")["_source"]
    assert doc["mention_count"] == 24
    assert sorted(doc["article_ids"]) == sorted(m["article_id"] for m in mentions)


def test_a_write_between_read_and_write_is_detected_and_merged(es: Elasticsearch, prefix: str) -> None:
    index = IndexNames(prefix).meetings
    other = MeetingIndexer(es, index)

    class Racing(MeetingIndexer):
        """Lets another writer update the document right after this one has read it."""

        raced = False

        def _read(self, ids: list[str]) -> dict:
            found = super()._read(ids)
            if not self.raced:
                self.raced = True
                assert other.write([mention("a-other", "held", "2022-01-11T00:00:00Z", "other")]) == []
            return found

    assert other.write([mention("a-first", "scheduled", "2022-01-07T00:00:00Z", "first")]) == []
    racing = Racing(es, index)
    assert racing.write([mention("a-racing", "cancelled", "2022-01-12T00:00:00Z", "racing")]) == []
    assert racing.conflicts == 1  # the stale write was refused (409) and redone
    doc = es.get(index=index, id="mk-geneva-2022-01-10")["_source"]
    assert sorted(doc["article_ids"]) == ["a-first", "a-other", "a-racing"]
    assert doc["status"] == "cancelled"
    assert [h["status"] for h in doc["status_history"]] == ["scheduled", "held", "cancelled"]


def test_concurrent_writers_of_a_capped_meeting_count_every_article(es: Elasticsearch, prefix: str) -> None:
    index = IndexNames(prefix).meetings
    indexers = [MeetingIndexer(es_client(), index, max_mentions=5) for _ in range(3)]
    mentions = [
        mention(f"c-{i:02d}", "scheduled", f"2022-01-0{1 + i % 9}T{i:02d}:00:00Z", f"o{i}") for i in range(18)
    ]
    _write_concurrently(indexers, mentions)
    doc = es.get(index=index, id="mk-geneva-2022-01-10")["_source"]
    assert doc["mention_count"] == 18 and len(doc["mentions"]) == 5
    assert sorted(doc["article_ids"]) == sorted(m["article_id"] for m in mentions)
    assert len(doc["outlets"]) == 18
    latest = sorted(mentions, key=lambda m: m["published"])[-5:]
    assert {m["article_id"] for m in doc["mentions"]} == {m["article_id"] for m in latest}
