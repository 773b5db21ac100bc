"""Article -> quote/meeting messages: deterministic ids, article fields, size limit, dead letters."""

from __future__ import annotations

import datetime as dt

from newsmon import schemas
from newsmon_worker.dlq import MAX_PAYLOAD_CHARS, dead_letter_record
from newsmon_worker.messages import meeting_messages, prepare_article, published_date, quote_messages

ARTICLE = {
    "id": "a-123",
    "url": "https://example.org/x",
    "title": "Ministers meet",
    "outlet": "Example Times",
    "feed": {"name": "example", "url": "https://example.org/rss"},
    "published": "2024-05-02T10:00:00+00:00",
    "body": "The minister said: \u201cWe will meet again.\u201d",
    "summary": "short",
}
QUOTE = {
    "text": "We will meet again.",
    "parts": [{"start": 20, "end": 39}],
    "speaker": "Ana Lopez",
    "speaker_title": "minister",
    "speaker_type": "person",
    "cue": "said",
    "direct": True,
    "partial": False,
    "confidence": 0.9,
}
MEETING = {
    "participants": [{"name": "Ana Lopez", "type": "person"}],
    "location": None,
    "date": "2024-05",
    "date_text": "in May",
    "end_date": None,
    "status": "scheduled",
    "kind": "meeting",
    "evidence": {"text": "We will meet again.", "start": 20, "end": 39},
    "confidence": 0.6,
    "meeting_key": "mk-1",
}


def test_quote_message_is_valid_and_deterministic() -> None:
    prepared = prepare_article(ARTICLE, 200_000)
    first = quote_messages(prepared, [QUOTE])[0]
    second = quote_messages(prepared, [QUOTE])[0]
    schemas.validate("quotes.v1", first)
    assert first["id"] == second["id"] and first["id"].startswith("q-")
    assert first["article_id"] == "a-123" and first["outlet"] == "Example Times"
    assert first["feed"]["name"] == "example" and first["published"] == ARTICLE["published"]
    other = quote_messages(prepared, [QUOTE | {"parts": [{"start": 21, "end": 39}]}])[0]
    assert other["id"] != first["id"]
    assert "truncated" not in first


def test_meeting_message_is_valid() -> None:
    message = meeting_messages(prepare_article(ARTICLE, 200_000), [MEETING])[0]
    schemas.validate("meetings.v1", message)
    assert message["id"].startswith("m-") and message["meeting_key"] == "mk-1"


def test_oversized_article_is_cut_and_flagged() -> None:
    body = ("A sentence of news. " * 20_000).strip()
    prepared = prepare_article(ARTICLE | {"body": body}, 10_000)
    assert prepared.truncated and prepared.original_chars == len(body)
    assert len(prepared.input.text) <= 10_000 and prepared.input.text.endswith(".")
    message = quote_messages(prepared, [QUOTE])[0]
    assert message["truncated"] is True
    schemas.validate("quotes.v1", message)


def test_text_falls_back_to_summary_and_date_parses() -> None:
    prepared = prepare_article(ARTICLE | {"body": "  "}, 1000)
    assert prepared.input.text == "short"
    assert prepared.input.published == dt.date(2024, 5, 2)
    assert published_date("2024-05-02T23:30:00Z") == dt.date(2024, 5, 2)
    assert published_date("garbage") is None and published_date(None) is None


def test_dead_letter_record_keeps_payload() -> None:
    record = dead_letter_record(
        source_topic="t.articles.v1",
        partition=0,
        offset=7,
        key=b"k\xff",
        stage="consume",
        error_type="SchemaValidationError",
        error_message="bad",
        payload=b"not json",
    )
    assert record["payload"] == "not json" and record["key"] == "k\ufffd"
    parsed = dead_letter_record(
        source_topic="t",
        partition=None,
        offset=None,
        key=None,
        stage="index",
        error_type="x",
        error_message="y",
        payload=b'{"a": 1}',
    )
    assert parsed["payload"] == {"a": 1}
    big = dead_letter_record(
        source_topic="t",
        partition=1,
        offset=2,
        key=None,
        stage="extract",
        error_type="ArticleTooLarge",
        error_message="big",
        payload={"body": "x" * (MAX_PAYLOAD_CHARS + 10)},
    )
    assert big["payload_truncated"] is True and len(big["payload"]) == MAX_PAYLOAD_CHARS
