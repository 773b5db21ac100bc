"""The saved searches on what the pipeline makes of the bundled demo feeds (config/samples).

The demo's articles go through the pipeline's own code, in process and without Kafka: the
poller's ``to_article``, the worker's ``prepare_article`` / extractor / message builders, and
the worker's document builders and ``MeetingIndexer`` into a unique index prefix. Each saved
search (its KQL from the NDJSON, translated by newsmon.kql) must return exactly the documents a
plain-Python reading of its intent selects from the same items, and the demo's attributed
quotes and its cancelled and postponed meetings must be among them.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import uuid
from collections.abc import Iterator
from typing import Any

import feedparser
import pytest
from kibana_search_support import cleanup

from newsmon.es import IndexNames, MeetingIndexer, ensure_templates, make_client, merge_meeting
from newsmon.es.documents import article_doc, date_precision, meeting_mention, quote_doc
from newsmon.extract import Extractor
from newsmon.feeds_config import FeedConfig
from newsmon.kibana import SetupSettings, verify_searches
from newsmon.search import main as search_main
from newsmon.settings import REPO_ROOT, ElasticsearchSettings
from newsmon_poller.articles import to_article
from newsmon_worker.messages import meeting_messages, prepare_article, quote_messages

pytestmark = [pytest.mark.elasticsearch, pytest.mark.slow]

SAMPLES = REPO_ROOT / "config" / "samples"


def _articles() -> list[dict[str, Any]]:
    now = dt.datetime.now(dt.UTC)
    out = []
    for path in sorted(SAMPLES.glob("*.xml")):
        parsed = feedparser.parse(io.BytesIO(path.read_bytes()))
        feed = FeedConfig(name=path.name.split(".")[0], url=f"https://feeds.example/{path.name}")
        out += [a for e in parsed.entries if (a := to_article(e, feed, parsed.feed, now)) is not None]
    return out


@pytest.fixture(scope="module")
def pipeline(es: Any, es_url: str) -> Iterator[dict[str, Any]]:
    articles = _articles()
    prepared = [prepare_article(a, 100_000) for a in articles]
    results = list(Extractor().extract_many([p.input for p in prepared]))
    quotes = [m for p, r in zip(prepared, results, strict=True) for m in quote_messages(p, r["quotes"])]
    meetings = [m for p, r in zip(prepared, results, strict=True) for m in meeting_messages(p, r["meetings"])]

    prefix = f"nmtest-smp-{uuid.uuid4().hex[:10]}"
    settings = ElasticsearchSettings(es_url=es_url, es_index_prefix=prefix)
    client = make_client(settings)
    ensure_templates(client, settings)
    names = IndexNames(prefix)
    for article in articles:
        es.index(index=names.articles, id=article_doc(article)[0], document=article_doc(article)[1])
    for quote in quotes:
        es.index(index=names.quotes, id=quote_doc(quote)[0], document=quote_doc(quote)[1])
    assert MeetingIndexer(client, names.meetings).write(meetings) == []
    es.indices.refresh(index=f"{prefix}-*")
    client.close()

    by_key: dict[str, list[dict[str, Any]]] = {}
    for message in meetings:
        by_key.setdefault(message["meeting_key"], []).append(meeting_mention(message))
    merged = {key: merge_meeting(key, None, mentions) for key, mentions in by_key.items()}
    yield {"prefix": prefix, "articles": articles, "quotes": quotes, "meetings": merged}
    cleanup(es, prefix)


def _hits(es: Any, index: str, query: dict[str, Any]) -> list[dict[str, Any]]:
    return [h["_source"] for h in es.search(index=index, query=query, size=500)["hits"]["hits"]]


def _saved(pipeline: dict[str, Any], title: str) -> Any:
    from newsmon.kibana import load_objects, with_prefix
    from newsmon.kibana_objects import saved_search_requests, template_field_types

    prefix = pipeline["prefix"]
    objects = with_prefix(load_objects(REPO_ROOT / "config" / "kibana"), prefix)
    return next(r for r in saved_search_requests(objects, template_field_types(prefix)) if r.title == title)


def _upcoming(meeting: dict[str, Any], today: dt.date) -> bool:
    if meeting["status"] not in ("scheduled", "proposed"):
        return False
    date = meeting.get("date")
    if not date:
        return True
    precision = date_precision(date)
    if precision == "month":
        return date[:7] >= today.isoformat()[:7]
    if precision == "year":
        return date[:4] >= today.isoformat()[:4]
    return date[:10] >= today.isoformat()


def test_quotes_by_speaker_returns_the_attributed_quotes(es: Any, pipeline: dict[str, Any]) -> None:
    request = _saved(pipeline, "Quotes by speaker")
    found = {d["id"] for d in _hits(es, request.index, request.query)}
    expected = {q["id"] for q in pipeline["quotes"] if q.get("speaker")}
    assert expected, "the demo feeds should yield attributed quotes"
    assert found == expected


def test_meeting_searches_return_what_their_intent_selects(es: Any, pipeline: dict[str, Any]) -> None:
    today = dt.datetime.now(dt.UTC).date()
    merged = pipeline["meetings"]
    upcoming = _saved(pipeline, "Upcoming meetings")
    found = {d["meeting_key"] for d in _hits(es, upcoming.index, upcoming.query)}
    assert found == {k for k, m in merged.items() if _upcoming(m, today)}

    cancelled = _saved(pipeline, "Cancelled or postponed meetings")
    found = {d["meeting_key"] for d in _hits(es, cancelled.index, cancelled.query)}
    expected = {k for k, m in merged.items() if m["status"] in ("cancelled", "postponed")}
    # the samples report a cancelled transit meeting and postponed Nile talks
    assert {merged[k]["status"] for k in expected} == {"cancelled", "postponed"}
    assert found == expected


def test_verify_and_search_answer_the_same_questions(
    pipeline: dict[str, Any], es_url: str, monkeypatch, capsys
) -> None:
    prefix = pipeline["prefix"]
    counts = verify_searches(SetupSettings(es_url=es_url, es_index_prefix=prefix))
    assert counts["Quotes by speaker"]["hits"] == sum(1 for q in pipeline["quotes"] if q.get("speaker"))

    monkeypatch.setenv("NEWSMON_ES_INDEX_PREFIX", prefix)
    speaker = next(q["speaker"] for q in pipeline["quotes"] if q.get("speaker"))
    assert search_main(["quotes", "--speaker", speaker, "--json", "--es-url", es_url, "--size", "100"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert {d["id"] for d in lines} >= {q["id"] for q in pipeline["quotes"] if q.get("speaker") == speaker}
    assert search_main(["meetings", "--status", "cancelled,postponed", "--es-url", es_url]) == 0
    table = capsys.readouterr().out
    assert "cancelled" in table and "postponed" in table
    for meeting in pipeline["meetings"].values():
        if meeting["status"] in ("cancelled", "postponed") and meeting.get("url"):
            assert meeting["url"] in table
