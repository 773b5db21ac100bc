"""The alerter's decisions against the real Elasticsearch and local HTTP receivers.

At most once per (rule, item) across instances and crashes, throttle and content dedupe
windows, digests, dead-lettering and the audit trail.
"""

from __future__ import annotations

import threading
import time

import pytest
from elasticsearch import Elasticsearch

from newsmon_alerter.receiver import Receiver
from newsmon_alerter.rules import RulesFile
from newsmon_alerter.service import Alerter
from newsmon_alerter.settings import AlerterSettings

pytestmark = pytest.mark.elasticsearch


def quote(i, speaker="Sergei Ryabkov", text=None, outlet="Reuters"):
    return {
        "id": f"q-{i}",
        "article_id": f"a-{i}",
        "speaker": speaker,
        "text": text or f"We need legally binding guarantees number {i}.",
        "outlet": outlet,
        "url": f"https://example.org/{i}",
        "published": "2022-01-11T10:00:00Z",
    }


@pytest.fixture
def rx():
    with Receiver() as receiver:
        yield receiver


@pytest.fixture
def prefix(es_url, unique_name):
    p = unique_name("t-alert")
    yield p
    Elasticsearch(es_url).indices.delete(index=f"{p}-alert*", ignore_unavailable=True, allow_no_indices=True)


def make(es_url, prefix, rx, instance="a", lease=30.0, **rule_over):
    settings = AlerterSettings(
        es_url=es_url,
        es_index_prefix=prefix,
        alerter_instance=instance,
        alerter_claim_lease_s=lease,
        alerter_backoff_base_s=0.05,
        alerter_backoff_max_s=0.1,
        alerter_max_attempts=3,
        alerter_rate_per_minute=60000,
        alerter_rate_burst=100,
    )
    rule = {
        "name": "r1",
        "on": "quotes",
        "query": "speaker.text:ryabkov and text:guarantees",
        "notify": ["hook"],
    }
    rules = RulesFile.model_validate(
        {
            "rules": [rule | rule_over],
            "destinations": {"hook": {"type": "webhook", "url": rx.url("/hook"), "secret": "s"}},
        }
    )
    dead: list[tuple] = []
    alerter = Alerter(
        settings,
        rules,
        Elasticsearch(es_url, request_timeout=30),
        dead_letter=lambda *a: dead.append(a),
    )
    alerter.setup()
    alerter.dead = dead
    return alerter


def audit(alerter, status=None):
    alerter.es.indices.refresh(index=alerter.settings.alerts_index)
    query = {"term": {"status": status}} if status else {"match_all": {}}
    resp = alerter.es.search(index=alerter.settings.alerts_index, query=query, size=100)
    return [h["_source"] for h in resp["hits"]["hits"]]


def test_match_delivers_once_and_is_audited(es_url, prefix, rx):
    a = make(es_url, prefix, rx)
    assert [o.status for o in a.handle("quotes", quote(1))] == ["delivered"]
    assert a.handle("quotes", quote(2, speaker="Wendy Sherman")) == []  # no match, nothing sent
    assert [o.status for o in a.handle("quotes", quote(1))] == ["duplicate"]  # replay
    (got,) = rx.wait_for("/hook", 1)
    assert got.json()["items"][0]["id"] == "q-1"
    (rec,) = audit(a, "delivered")
    assert rec["rule"] == "r1" and rec["item_id"] == "q-1" and rec["destination"] == "hook"
    assert rec["http_status"] == 200 and rec["attempt"] == 1 and rec["destination_type"] == "webhook"
    assert "url" not in rec  # destination URLs are secrets
    assert a.claims.state("r1", "q-1") == "delivered"


def test_two_instances_deliver_each_item_once(es_url, prefix, rx):
    a, b = make(es_url, prefix, rx, "a"), make(es_url, prefix, rx, "b")
    items = [quote(i) for i in range(15)]
    outcomes: list = []

    def run(alerter):
        for item in items:
            outcomes.extend(alerter.handle("quotes", item))

    threads = [threading.Thread(target=run, args=(x,)) for x in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    got = rx.wait_for("/hook", 15)
    time.sleep(0.5)  # a duplicate would arrive right after; the count must not move
    assert sorted(r.json()["items"][0]["id"] for r in rx.on("/hook")) == sorted(i["id"] for i in items)
    assert len(got) == 15
    assert sorted(o.status for o in outcomes) == ["delivered"] * 15 + ["duplicate"] * 15


def test_a_dead_owners_claim_is_taken_over(es_url, prefix, rx):
    dead_owner = make(es_url, prefix, rx, "dead", lease=1.0)
    claim = dead_owner.claims.acquire("r1", "q-7", "quotes")  # claimed, then the process "died"
    assert claim is not None
    survivor = make(es_url, prefix, rx, "survivor", lease=1.0)
    t0 = time.monotonic()
    assert [o.status for o in survivor.handle("quotes", quote(7))] == ["delivered"]
    assert time.monotonic() - t0 >= 0.5  # it waited for the lease to expire
    assert len(rx.wait_for("/hook", 1)) == 1
    assert survivor.handle("quotes", quote(7))[0].status == "duplicate"


def test_throttle_per_key(es_url, prefix, rx):
    a = make(es_url, prefix, rx, throttle="10m", key="speaker", query="text:guarantees", dedupe=False)
    statuses = [a.handle("quotes", quote(i))[0].status for i in range(3)]
    statuses.append(a.handle("quotes", quote(9, speaker="Wendy Sherman"))[0].status)
    assert statuses == ["delivered", "throttled", "throttled", "delivered"]
    assert len(rx.wait_for("/hook", 2)) == 2
    assert len(audit(a, "throttled")) == 2


def test_same_quote_from_several_outlets_alerts_once(es_url, prefix, rx):
    a = make(es_url, prefix, rx)
    text = "We need legally binding guarantees."
    first = a.handle("quotes", quote(1, text=text, outlet="Reuters"))
    second = a.handle("quotes", quote(2, text=text.upper() + "  ", outlet="AP"))
    third = a.handle("quotes", quote(3, text="Other guarantees entirely.", outlet="AP"))
    assert [first[0].status, second[0].status, third[0].status] == ["delivered", "deduplicated", "delivered"]
    assert len(rx.wait_for("/hook", 2)) == 2


def test_digest_sends_one_message_per_window(es_url, prefix, rx):
    a = make(es_url, prefix, rx, digest="5s", dedupe=False)
    # windows are fixed 5 s buckets: start right after a boundary so all three land in one bucket
    time.sleep(5 - time.time() % 5 + 0.05)
    assert [a.handle("quotes", quote(i))[0].status for i in range(3)] == ["digested"] * 3
    assert rx.on("/hook") == []
    deadline = time.monotonic() + 15
    sent = []
    while not sent and time.monotonic() < deadline:
        sent = [o for o in a.flush_digests() if o.status == "delivered"]
        time.sleep(0.2)
    assert len(sent) == 1
    (got,) = rx.wait_for("/hook", 1)
    assert got.json()["count"] == 3
    assert {i["id"] for i in got.json()["items"]} == {"q-0", "q-1", "q-2"}
    assert a.flush_digests() == []  # nothing left queued


def test_failing_destination_goes_to_dead_letter_once(es_url, prefix, rx):
    rx.script("/hook", (500, {}, 0.0))
    a = make(es_url, prefix, rx)
    assert a.handle("quotes", quote(1))[0].status == "dead"
    assert len(a.dead) == 1
    rule, item_type, item, destination, reason = a.dead[0]
    assert rule.name == "r1" and item["id"] == "q-1" and destination == "hook" and "HTTP 500" in reason
    attempts = sorted((r["attempt"], r["status"]) for r in audit(a) if r["status"] in ("retry", "failed"))
    assert attempts == [(1, "retry"), (2, "retry"), (3, "failed")]
    assert len(audit(a, "dead")) == 1
    assert a.handle("quotes", quote(1))[0].status == "duplicate"  # a replay does not resend
