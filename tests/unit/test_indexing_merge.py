"""Merging meeting mentions into one document: pure, order-independent, idempotent."""

from __future__ import annotations

import itertools

import pytest

from newsmon.es.documents import date_precision, geo_point, safe_id
from newsmon.es.meetings import merge_meeting


def mention(article: str, status: str, published: str, **extra: object) -> dict:
    base = {
        "id": f"m-{article}",
        "article_id": article,
        "outlet": f"outlet-{article}",
        "url": f"https://example.org/{article}",
        "title": f"title {article}",
        "published": published,
        "extracted_at": "2024-05-01T00:00:00Z",
        "status": status,
        "date": "2024-05-02",
        "kind": "talks",
        "confidence": 0.5,
        "participants": [{"name": "Ana Lopez", "type": "person"}],
        "location": None,
        "evidence": {"text": f"evidence {article}", "start": 0, "end": 10},
    }
    return base | extra


SCHEDULED = mention(
    "a1", "scheduled", "2024-04-30T08:00:00Z", location={"name": "Oslo", "lat": 59.9, "lon": 10.7}
)
HELD = mention("a2", "held", "2024-05-02T18:00:00Z", participants=[{"name": "Jon Berg", "type": "person"}])
CANCELLED_LATE = mention("a3", "cancelled", "2024-05-03T09:00:00Z", date="2024-05")


def stable(doc: dict) -> dict:
    return {k: v for k, v in doc.items() if k != "updated_at"}


def test_two_reports_make_one_document_with_history() -> None:
    doc = merge_meeting("k", merge_meeting("k", None, [SCHEDULED]), [HELD])
    assert doc["mention_count"] == 2
    assert [m["article_id"] for m in doc["mentions"]] == ["a1", "a2"]
    assert doc["status"] == "held"
    assert [(h["status"], h["article_id"]) for h in doc["status_history"]] == [
        ("scheduled", "a1"),
        ("held", "a2"),
    ]
    assert doc["status_history"][1]["as_of"] == "2024-05-02T18:00:00Z"
    assert {p["name"] for p in doc["participants"]} == {"Ana Lopez", "Jon Berg"}
    assert doc["location"]["point"] == {"lat": 59.9, "lon": 10.7}
    assert doc["outlets"] == ["outlet-a1", "outlet-a2"]
    assert doc["first_reported"] == "2024-04-30T08:00:00Z" and doc["last_reported"] == "2024-05-02T18:00:00Z"
    assert doc["url"] == "https://example.org/a2"


def test_replayed_mention_adds_nothing() -> None:
    once = merge_meeting("k", None, [SCHEDULED, HELD])
    twice = merge_meeting("k", once, [HELD, SCHEDULED])
    assert stable(twice) == stable(once)


@pytest.mark.parametrize("order", list(itertools.permutations([SCHEDULED, HELD, CANCELLED_LATE])))
def test_arrival_order_does_not_matter(order: tuple[dict, ...]) -> None:
    doc = None
    for item in order:
        doc = merge_meeting("k", doc, [item])
    assert doc is not None
    assert doc["status"] == "cancelled"
    assert [h["status"] for h in doc["status_history"]] == ["scheduled", "held", "cancelled"]
    # the day-precise date wins over the later month-only report
    assert doc["date"] == "2024-05-02" and doc["date_precision"] == "day"


def test_same_status_twice_is_one_history_entry() -> None:
    again = mention("a4", "scheduled", "2024-05-01T08:00:00Z")
    doc = merge_meeting("k", None, [SCHEDULED, again])
    assert [h["article_id"] for h in doc["status_history"]] == ["a1"]
    assert doc["mention_count"] == 2


def test_helpers() -> None:
    assert [date_precision(v) for v in ("2024-05-02", "2024-05", "2024", None)] == [
        "day",
        "month",
        "year",
        None,
    ]
    assert geo_point({"name": "x", "lat": None, "lon": 1}) is None
    assert safe_id("abc") == "abc"
    long = "x" * 600
    assert safe_id(long) == safe_id(long) and len(safe_id(long)) < 100


REPORTS = [
    mention("b1", "proposed", "2024-04-01T08:00:00Z", date="2024-05", outlet="Oslo Post"),
    mention("b2", "scheduled", "2024-04-10T08:00:00Z", date="2024-05-02", confidence=0.9),
    mention("b3", "scheduled", "2024-04-20T08:00:00Z", date="2024-05"),
    mention("b4", "held", "2024-05-02T20:00:00Z", date="2024-05"),
    mention("b5", "held", "2024-05-03T07:00:00Z", date="2024-05"),
]


def test_a_capped_document_keeps_the_latest_mentions_and_counts_every_article() -> None:
    doc = None
    for report in REPORTS:
        doc = merge_meeting("k", doc, [report], max_mentions=2)
    assert doc is not None
    assert [m["article_id"] for m in doc["mentions"]] == ["b4", "b5"]
    assert doc["mention_count"] == 5 and doc["article_ids"] == ["b1", "b2", "b3", "b4", "b5"]
    # what the dropped reports said is kept: the day-precise date, the first outlet and report,
    # the top confidence and every status change
    assert doc["date"] == "2024-05-02" and doc["date_precision"] == "day"
    assert "Oslo Post" in doc["outlets"] and doc["first_reported"] == "2024-04-01T08:00:00Z"
    assert doc["confidence"] == 0.9
    assert [h["status"] for h in doc["status_history"]] == ["proposed", "scheduled", "held"]
    # a replayed report whose mention was dropped changes nothing
    assert stable(merge_meeting("k", doc, [REPORTS[0]], max_mentions=2)) == stable(doc)


@pytest.mark.parametrize("order", list(itertools.permutations(REPORTS)))
def test_a_capped_document_does_not_depend_on_arrival_order(order: tuple[dict, ...]) -> None:
    one_by_one = None
    for report in order:
        one_by_one = merge_meeting("k", one_by_one, [report], max_mentions=2)
    at_once = merge_meeting("k", None, list(order), max_mentions=2)
    assert stable(one_by_one or {}) == stable(at_once)
