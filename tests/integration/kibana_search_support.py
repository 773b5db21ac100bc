"""Sample quotes, meetings, articles and alert records indexed the way newsmon indexes them.

Used by ``test_kibana_search_*.py``: documents go through the worker's own document builders
(``quote_doc``, ``article_doc``, ``MeetingIndexer``) into a unique prefix with the repo's
templates, and alert records through the alerter's ``AuditLog``. Dates are relative to today
so that "upcoming" stays upcoming whenever the tests run.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from elasticsearch import Elasticsearch

from newsmon.es import IndexNames, MeetingIndexer, ensure_templates, make_client
from newsmon.es.documents import article_doc, quote_doc
from newsmon.settings import ElasticsearchSettings
from newsmon_alerter.audit import AuditLog, ensure_alerts_index

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


def ago(**delta: float) -> str:
    return (NOW - dt.timedelta(**delta)).isoformat().replace("+00:00", "Z")


def day(offset: int) -> str:
    return (NOW.date() + dt.timedelta(days=offset)).isoformat()


LONG_QUOTE = (
    "We need legally binding guarantees that the alliance will not expand further east, and we need "
    "them in writing, signed, not promises made in corridors"
)


def _quote(qid: str, speaker: str | None, text: str, published: str, outlet: str) -> dict[str, Any]:
    return {
        "id": qid,
        "article_id": f"a-{qid}",
        "outlet": outlet,
        "feed": {"name": outlet, "url": f"https://{outlet.lower().replace(' ', '')}.example/rss"},
        "url": f"https://news.example.org/{qid}",
        "title": f"Article {qid}",
        "published": published,
        "extracted_at": ago(minutes=1),
        "text": text,
        "parts": [{"start": 10, "end": 10 + len(text)}],
        "speaker": speaker,
        "speaker_title": None,
        "speaker_type": "person" if speaker else "unknown",
        "cue": "said",
        "direct": True,
        "partial": False,
        "confidence": 0.9,
        "truncated": False,
    }


QUOTES = [
    _quote("q-ryabkov-new", "Sergei Ryabkov", LONG_QUOTE, ago(days=2), "Harbour Gazette"),
    _quote(
        "q-ryabkov-old", "Sergei Ryabkov", "Talks were useful but difficult", ago(days=10), "Daily Ledger"
    ),
    _quote("q-guterres", "António Guterres", "The ceasefire must hold", ago(days=1), "Daily Ledger"),
    _quote("q-anon", None, "Nobody knows what comes next", ago(hours=1), "Harbour Gazette"),
    _quote("q-blinken", "Antony Blinken", "We remain ready to talk", ago(days=3), "Harbour Gazette"),
]


def _meeting(key: str, status: str, date: str | None, place: str | None, published: str) -> dict[str, Any]:
    location = None
    if place:
        location = {"name": place, "country_code": "CH", "lat": 46.2044, "lon": 6.1432}
    return {
        "id": f"m-{key}",
        "article_id": f"a-{key}",
        "outlet": "Harbour Gazette",
        "url": f"https://news.example.org/{key}",
        "title": f"Meeting {key}",
        "published": published,
        "extracted_at": ago(minutes=1),
        "participants": [
            {"name": "Sergei Ryabkov", "type": "person"},
            {"name": "Wendy Sherman", "type": "person"},
        ],
        "location": location,
        "date": date,
        "date_text": "soon",
        "end_date": None,
        "status": status,
        "kind": "talks",
        "evidence": {"text": f"They will meet ({key}).", "start": 0, "end": 20},
        "confidence": 0.8,
        "meeting_key": f"mk-{key}",
    }


MEETINGS = [
    _meeting("soon", "scheduled", day(3), "Geneva", ago(days=1)),
    _meeting("later", "proposed", day(20), None, ago(days=2)),
    _meeting("past-scheduled", "scheduled", day(-10), "Geneva", ago(days=15)),
    _meeting("called-off", "cancelled", day(5), "Geneva", ago(hours=5)),
    _meeting("pushed", "postponed", day(8), None, ago(days=4)),
    _meeting("done", "held", day(-1), "Geneva", ago(hours=20)),
    _meeting("this-month", "proposed", day(0)[:7], None, ago(days=3)),  # month precision
    _meeting("undated", "scheduled", None, None, ago(days=6)),
    _meeting("undated-held", "held", None, None, ago(days=7)),
]

ARTICLES = [
    {
        "id": f"a-art-{i}",
        "url": f"https://news.example.org/art-{i}",
        "canonical_url": None,
        "guid": f"g-{i}",
        "title": title,
        "summary": title,
        "body": f"{title}. More text follows.",
        "body_source": "feed",
        "html": False,
        "feed": {"name": "Harbour Gazette", "url": "https://harbourgazette.example/rss"},
        "outlet": "Harbour Gazette",
        "authors": ["Jane Reporter"],
        "language": "en",
        "published": ago(days=i),
        "fetched_at": ago(minutes=5),
        "content_hash": f"h{i}",
    }
    for i, title in enumerate(["Ceasefire talks resume in Geneva", "Port strike ends", "Ceasefire holds"])
]

ALERTS = [("ryabkov", "delivered"), ("ryabkov", "failed"), ("ryabkov", "delivered"), ("summits", "delivered")]


def index_samples(es: Elasticsearch, es_url: str, prefix: str) -> ElasticsearchSettings:
    """Install the templates for ``prefix`` and index every sample; returns its settings."""
    settings = ElasticsearchSettings(es_url=es_url, es_index_prefix=prefix)
    client = make_client(settings)
    ensure_templates(client, settings)
    names = IndexNames(prefix)
    for message in QUOTES:
        doc_id, source = quote_doc(message)
        es.index(index=names.quotes, id=doc_id, document=source)
    for message in ARTICLES:
        doc_id, source = article_doc(message)
        es.index(index=names.articles, id=doc_id, document=source)
    assert MeetingIndexer(client, names.meetings).write(MEETINGS) == []
    alerts_index = f"{prefix}-alerts"
    ensure_alerts_index(es, alerts_index)
    audit = AuditLog(es, alerts_index, "test")
    for i, (rule, status) in enumerate(ALERTS):
        audit.record(status, rule=rule, item_id=f"item-{i}", item_type="quotes", destination="team-chat")
    es.indices.refresh(index=f"{prefix}-*")
    client.close()
    return settings


def cleanup(es: Elasticsearch, prefix: str) -> None:
    es.options(ignore_status=404).indices.delete(index=f"{prefix}-*")
    for kind in ("articles", "quotes", "meetings"):
        es.options(ignore_status=404).indices.delete_index_template(name=f"{prefix}-{kind}")
    es.options(ignore_status=(400, 404)).ilm.delete_lifecycle(name=IndexNames(prefix).policy)
