"""Each saved search's KQL, translated by newsmon.kql, selects the expected documents in the real ES.

The query text, data view and sort come from config/kibana/newsmon.ndjson itself, so a change
there that breaks a search breaks this test. ``newsmon setup --skip-kibana`` is also run here
against the real server: templates, aliases and the alerts index, twice (idempotent).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from kibana_search_support import ALERTS, MEETINGS, QUOTES, cleanup, index_samples

from newsmon.kibana import SetupSettings, load_objects, setup, verify_searches, with_prefix
from newsmon.kibana_objects import saved_search_requests, template_field_types
from newsmon.kql import parse, to_es_query
from newsmon.settings import REPO_ROOT

pytestmark = pytest.mark.elasticsearch


@pytest.fixture(scope="module")
def indexed(es: Any, es_url: str) -> Iterator[str]:
    import uuid

    prefix = f"nmtest-kib-{uuid.uuid4().hex[:10]}"
    index_samples(es, es_url, prefix)
    yield prefix
    cleanup(es, prefix)


def _run(es: Any, prefix: str, title: str) -> list[dict[str, Any]]:
    objects = with_prefix(load_objects(REPO_ROOT / "config" / "kibana"), prefix)
    requests = saved_search_requests(objects, template_field_types(prefix))
    request = next(r for r in requests if r.title == title)
    assert request.index.startswith(f"{prefix}-")
    hits = es.search(index=request.index, query=request.query, sort=request.sort, size=100)["hits"]["hits"]
    return [h["_source"] for h in hits]


def test_quotes_by_speaker(es: Any, indexed: str) -> None:
    docs = _run(es, indexed, "Quotes by speaker")
    # attributed quotes only, by speaker, newest first within a speaker
    assert [d["id"] for d in docs] == ["q-blinken", "q-guterres", "q-ryabkov-new", "q-ryabkov-old"]
    assert {q["id"] for q in QUOTES if q["speaker"]} == {d["id"] for d in docs}


def test_upcoming_meetings(es: Any, indexed: str) -> None:
    docs = _run(es, indexed, "Upcoming meetings")
    # soonest first; a month-precision date counts for the whole month; undated come last
    assert [d["meeting_key"] for d in docs] == ["mk-this-month", "mk-soon", "mk-later", "mk-undated"]
    assert docs[1]["location"]["point"] == {"lat": 46.2044, "lon": 6.1432}


def test_cancelled_or_postponed_meetings(es: Any, indexed: str) -> None:
    docs = _run(es, indexed, "Cancelled or postponed meetings")
    assert [d["meeting_key"] for d in docs] == ["mk-called-off", "mk-pushed"]  # last reported first
    expected = {m["meeting_key"] for m in MEETINGS if m["status"] in ("cancelled", "postponed")}
    assert {d["meeting_key"] for d in docs} == expected


def test_alerts_sent(es: Any, indexed: str) -> None:
    docs = _run(es, indexed, "Alerts sent")
    assert sorted(d["item_id"] for d in docs) == sorted(
        f"item-{i}" for i, (_, status) in enumerate(ALERTS) if status == "delivered"
    )
    assert [d["@timestamp"] for d in docs] == sorted((d["@timestamp"] for d in docs), reverse=True)


def test_dashboard_aggregations_have_data(es: Any, indexed: str) -> None:
    """What the Lens charts and the map aggregate on is populated in indexed documents."""
    speakers = es.search(index=f"{indexed}-quotes", size=0, aggs={"s": {"terms": {"field": "speaker"}}})[
        "aggregations"
    ]["s"]["buckets"]
    assert {b["key"]: b["doc_count"] for b in speakers}["Sergei Ryabkov"] == 2
    # the "Alerts per rule" chart counts delivered alerts: its Lens query, translated by newsmon.kql
    lens = next(
        o for o in load_objects(REPO_ROOT / "config" / "kibana") if o["id"] == "newsmon-alerts-per-rule"
    )
    kql = lens["attributes"]["state"]["query"]["query"]
    delivered = to_es_query(parse(kql), template_field_types(indexed)[f"{indexed}-alerts"])
    rules = es.search(
        index=f"{indexed}-alerts", size=0, query=delivered, aggs={"r": {"terms": {"field": "rule"}}}
    )
    assert {b["key"]: b["doc_count"] for b in rules["aggregations"]["r"]["buckets"]} == {
        "ryabkov": 2,
        "summits": 1,
    }
    on_map = es.search(index=f"{indexed}-meetings", size=0, query={"exists": {"field": "location.point"}})
    assert on_map["hits"]["total"]["value"] == sum(1 for m in MEETINGS if m["location"])


def test_setup_installs_templates_and_alerts_index_idempotently(es: Any, es_url: str) -> None:
    import uuid

    prefix = f"nmtest-setup-{uuid.uuid4().hex[:10]}"
    settings = SetupSettings(es_url=es_url, es_index_prefix=prefix)
    try:
        first = setup(settings, kibana=False)
        second = setup(settings, kibana=False)
        assert first == second
        for kind in ("articles", "quotes", "meetings", "alerts"):
            assert es.indices.exists(index=f"{prefix}-{kind}"), kind
        assert es.indices.get_alias(name=f"{prefix}-quotes")
    finally:
        cleanup(es, prefix)


def test_setup_verify_counts_what_each_saved_search_finds(indexed: str, es_url: str) -> None:
    found = verify_searches(SetupSettings(es_url=es_url, es_index_prefix=indexed))
    assert {title: v["hits"] for title, v in found.items()} == {
        "Quotes by speaker": 4,
        "Upcoming meetings": 4,
        "Cancelled or postponed meetings": 2,
        "Alerts sent": 3,
    }
    assert found["Quotes by speaker"]["index"] == f"{indexed}-quotes"
