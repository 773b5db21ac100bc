"""Reports dated at different precisions join one meeting document (real Elasticsearch)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from elasticsearch import Elasticsearch
from indexing_support import cleanup_prefix, installed, unique

from newsmon.es import IndexNames, MeetingIndexer
from newsmon.extract.meeting_key import meeting_key

pytestmark = pytest.mark.elasticsearch

BIDEN_PUTIN = [
    {"name": "Joe Biden", "type": "person", "role": "U.S. President"},
    {"name": "Vladimir Putin", "type": "person", "role": "Russian President"},
]


@pytest.fixture
def index(es: Elasticsearch) -> Iterator[str]:
    name = unique("nmtest-route")
    installed(es, name)
    yield IndexNames(name).meetings
    cleanup_prefix(es, name)


def report(
    article: str,
    date: str | None,
    status: str,
    published: str,
    kind: str = "summit",
    parties: list[dict] | None = None,
) -> dict:
    parties = parties or BIDEN_PUTIN
    return {
        "id": f"m-{article}",
        "article_id": article,
        "outlet": f"outlet-{article}",
        "url": f"https://news.example/{article}",
        "published": published,
        "extracted_at": published,
        "participants": parties,
        "location": None,
        "date": date,
        "date_text": date,
        "end_date": None,
        "status": status,
        "kind": kind,
        "evidence": {"text": f"{article} reports a meeting.", "start": 0, "end": 10},
        "confidence": 0.7,
        "meeting_key": meeting_key(parties, date, kind),
    }


def documents(es: Elasticsearch, index: str) -> dict[str, dict]:
    es.indices.refresh(index=index)
    hits = es.search(index=index, size=50)["hits"]["hits"]
    return {h["_source"]["meeting_key"]: h["_source"] for h in hits}


SCHEDULED = report("a-sched", "2021-06", "scheduled", "2021-05-25T08:00:00Z")
HELD = report("a-held", "2021-06-16", "held", "2021-06-16T18:00:00Z")
YEAR = report("a-year", "2021", "proposed", "2021-02-01T08:00:00Z")


@pytest.mark.parametrize("order", [[SCHEDULED, HELD], [HELD, SCHEDULED]], ids=["vague-first", "exact-first"])
def test_a_month_dated_report_joins_the_day_dated_meeting(es: Elasticsearch, index: str, order) -> None:
    indexer = MeetingIndexer(es, index)
    for message in order:
        assert indexer.write([message]) == []
    docs = documents(es, index)
    assert list(docs) == [HELD["meeting_key"]]  # the month's document was absorbed or never made
    doc = docs[HELD["meeting_key"]]
    assert sorted(doc["article_ids"]) == ["a-held", "a-sched"]
    assert doc["date"] == "2021-06-16" and doc["status"] == "held"
    assert [h["status"] for h in doc["status_history"]] == ["scheduled", "held"]


def test_a_year_dated_report_joins_too_and_all_orders_agree(es: Elasticsearch, index: str) -> None:
    indexer = MeetingIndexer(es, index)
    for message in (SCHEDULED, YEAR, HELD):
        assert indexer.write([message]) == []
    docs = documents(es, index)
    assert list(docs) == [HELD["meeting_key"]]
    doc = docs[HELD["meeting_key"]]
    assert [h["status"] for h in doc["status_history"]] == ["proposed", "scheduled", "held"]
    # the same three reports in one batch, in the other order, into a fresh index give the same
    es.indices.delete(index=f"{index}-*")
    installed(es, index.removesuffix("-meetings"))
    assert indexer.write([HELD, SCHEDULED, YEAR]) == []
    again = documents(es, index)
    assert list(again) == [HELD["meeting_key"]]
    assert again[HELD["meeting_key"]]["status_history"] == doc["status_history"]


def test_ambiguous_and_undated_reports_keep_their_own_document(es: Elasticsearch, index: str) -> None:
    indexer = MeetingIndexer(es, index)
    first = report("a-first", "2021-06-03", "held", "2021-06-03T18:00:00Z")
    second = report("a-second", "2021-06-16", "held", "2021-06-16T18:00:00Z")
    undated = report("a-undated", None, "held", "2021-06-10T08:00:00Z")  # near both June meetings
    call = report("a-call", "2021-06", "held", "2021-06-30T08:00:00Z", kind="call")
    others = report("a-others", "2021-06", "held", "2021-06-30T08:00:00Z", parties=BIDEN_PUTIN[:1])
    for message in (first, second, SCHEDULED, undated, call, others):
        assert indexer.write([message]) == []
    docs = documents(es, index)
    # two June meetings: "June", or "their meeting" on June 10, could be either; a call is not a
    # meeting; other parties differ
    assert sorted(docs) == sorted(m["meeting_key"] for m in (first, second, SCHEDULED, undated, call, others))
    assert all(d["mention_count"] == 1 for d in docs.values())


def test_a_replayed_vague_report_adds_nothing(es: Elasticsearch, index: str) -> None:
    indexer = MeetingIndexer(es, index)
    for batch in ([HELD], [SCHEDULED], [SCHEDULED, HELD], [SCHEDULED]):
        assert indexer.write(batch) == []
    docs = documents(es, index)
    assert list(docs) == [HELD["meeting_key"]]
    assert docs[HELD["meeting_key"]]["mention_count"] == 2


def test_a_mention_added_while_absorbing_is_not_lost(es: Elasticsearch, index: str) -> None:
    """Another writer adds to the month's document after it was read for absorbing."""
    other = MeetingIndexer(es, index)
    assert other.write([SCHEDULED]) == []
    late_vague = report("a-late-vague", "2021-06", "held", "2021-06-18T08:00:00Z")
    indexer = MeetingIndexer(es, index)
    read_coarse = indexer.router.absorbed
    raced: list[str] = []

    def racing(keys: list[str]) -> dict:
        docs = read_coarse(keys)
        if any(docs.values()) and not raced:
            raced.append(keys[0])
            other.route_vaguer_dates = False  # it writes to the month's document itself
            assert other.write([late_vague]) == []  # lands on the month's document
        return docs

    indexer.router.absorbed = racing  # type: ignore[method-assign]
    assert indexer.write([HELD]) == []
    assert raced and indexer.conflicts >= 1  # the guarded delete saw the change and merged again
    docs = documents(es, index)
    assert list(docs) == [HELD["meeting_key"]]
    assert sorted(docs[HELD["meeting_key"]]["article_ids"]) == ["a-held", "a-late-vague", "a-sched"]


UNDATED = report("a-undated", None, "held", "2021-06-18T08:00:00Z")  # "their meeting", two days on


@pytest.mark.parametrize("order", [[UNDATED, HELD], [HELD, UNDATED]], ids=["undated-first", "dated-first"])
def test_an_undated_report_joins_the_one_meeting_near_its_day(es: Elasticsearch, index: str, order) -> None:
    indexer = MeetingIndexer(es, index)
    for message in order:
        assert indexer.write([message]) == []
    docs = documents(es, index)
    assert list(docs) == [HELD["meeting_key"]]
    assert sorted(docs[HELD["meeting_key"]]["article_ids"]) == ["a-held", "a-undated"]


def test_an_undated_document_gives_up_only_the_mentions_reported_near(es: Elasticsearch, index: str) -> None:
    indexer = MeetingIndexer(es, index)
    years_before = report("a-2019", None, "held", "2019-03-01T08:00:00Z")  # another meeting of the two
    assert indexer.write([years_before, UNDATED]) == []  # no dated meeting yet: one undated document
    assert list(documents(es, index)) == [UNDATED["meeting_key"]]
    assert indexer.write([HELD]) == []
    docs = documents(es, index)
    assert sorted(docs) == sorted([HELD["meeting_key"], UNDATED["meeting_key"]])
    assert sorted(docs[HELD["meeting_key"]]["article_ids"]) == ["a-held", "a-undated"]
    assert docs[UNDATED["meeting_key"]]["article_ids"] == ["a-2019"]  # rewritten without the moved one
    assert docs[UNDATED["meeting_key"]]["mention_count"] == 1
    # far from any dated meeting, a new undated report still goes to the undated document
    later = report("a-later", None, "held", "2021-09-30T08:00:00Z")
    assert indexer.write([later]) == []
    assert sorted(documents(es, index)[UNDATED["meeting_key"]]["article_ids"]) == ["a-2019", "a-later"]


def test_many_meetings_of_other_parties_do_not_hide_the_one_meant(
    es: Elasticsearch, index: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One search serves many vague keys; when it finds more than it returns, each is asked alone."""
    from newsmon.es import meeting_routing

    monkeypatch.setattr(meeting_routing, "MAX_CANDIDATES", 2)
    indexer = MeetingIndexer(es, index)
    busy = [{"name": "Busy Leader", "type": "person"}, {"name": "Other Leader", "type": "person"}]
    for day in range(1, 6):  # five June meetings of two other people, written first
        assert (
            indexer.write(
                [report(f"a-busy-{day}", f"2021-06-0{day}", "held", "2021-06-20T08:00:00Z", parties=busy)]
            )
            == []
        )
    assert indexer.write([HELD]) == []
    busy_june = report("a-busy-june", "2021-06", "held", "2021-06-30T08:00:00Z", parties=busy)
    assert indexer.write([busy_june, SCHEDULED]) == []  # one batch: one search for both month keys
    docs = documents(es, index)
    assert sorted(docs[HELD["meeting_key"]]["article_ids"]) == ["a-held", "a-sched"]
    assert busy_june["meeting_key"] in docs  # five June meetings: ambiguous, kept apart
