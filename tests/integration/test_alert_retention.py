"""Retention of the alerter's claims and audit indices on the real (core-only) Elasticsearch."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from elasticsearch import Elasticsearch

from newsmon_alerter.audit import AuditLog, ensure_alerts_index
from newsmon_alerter.digest import DigestBatch, DigestQueue
from newsmon_alerter.retention import (
    audit_query,
    candidates,
    claims_query,
    delete_hits,
    prune,
    prune_alerter_indices,
)
from newsmon_alerter.state import ClaimStore, digest_id, iso, now_utc

pytestmark = pytest.mark.elasticsearch

OLD = iso(now_utc() - dt.timedelta(days=60))


@pytest.fixture
def prefix(es: Elasticsearch, unique_name):
    p = unique_name("t-retain")
    yield p
    es.indices.delete(index=f"{p}-*", ignore_unavailable=True, allow_no_indices=True)


def backdate(es: Elasticsearch, index: str, doc_id: str, **fields: str) -> None:
    es.update(index=index, id=doc_id, doc=fields, refresh=True)


def ids(es: Elasticsearch, index: str) -> set[str]:
    es.indices.refresh(index=index)
    return {h["_id"] for h in es.search(index=index, size=100, source=False)["hits"]["hits"]}


def claims_fixture(es: Elasticsearch, index: str) -> ClaimStore:
    """Old and new, finished and unfinished claims, windows and digest items."""
    store = ClaimStore(es, index, owner="a")
    store.ensure_index()
    for name, state in (("old-done", "delivered"), ("old-dead", "dead"), ("new-done", "delivered")):
        store.finish(store.acquire("r1", name, "quotes"), state)
    assert store.acquire("r1", "old-pending", "quotes") is not None
    for name in ("old-done", "old-dead", "old-pending"):
        backdate(es, index, store.claim_id("r1", name), updated_at=OLD)
    store.take_window("ended", dt.timedelta(minutes=5), "c-x")
    store.take_window("open", dt.timedelta(minutes=5), "c-y")
    backdate(es, index, "w-" + digest_id("ended"), until=OLD)
    queue = DigestQueue(es, index)
    for i in ("sent", "queued"):
        queue.enqueue("digest", "k", "quotes", {"id": f"q-{i}"}, dt.timedelta(minutes=5), "c-z")
    sent = "d-" + digest_id("digest", "q-sent")
    queue.mark_sent(DigestBatch("digest", "k", "0", "quotes", [], [sent]))
    backdate(es, index, sent, updated_at=OLD)
    backdate(es, index, "d-" + digest_id("digest", "q-queued"), created_at=OLD, due_at=OLD)  # queued: kept
    return store


def test_claims_retention_deletes_only_old_finished_state(es: Elasticsearch, prefix: str) -> None:
    index = f"{prefix}-alert-claims"
    store = claims_fixture(es, index)
    before = ids(es, index)
    cutoff = iso(now_utc() - dt.timedelta(days=30))
    report = prune(es, index, claims_query(cutoff), cutoff, page=2)  # several pages
    gone = {
        store.claim_id("r1", "old-done"),
        store.claim_id("r1", "old-dead"),
        "w-" + digest_id("ended"),
        "d-" + digest_id("digest", "q-sent"),
    }
    assert (report.deleted, report.conflicts) == (4, 0)
    assert ids(es, index) == before - gone
    # the pending claim, the recent claim, the open window and the queued item all stay
    assert store.state("r1", "old-pending") == "pending"
    assert store.state("r1", "new-done") == "delivered"
    # a pruned claim no longer guards its item: the documented price of retention
    assert store.state("r1", "old-done") is None


def test_a_document_changed_after_the_search_is_kept(es: Elasticsearch, prefix: str) -> None:
    index = f"{prefix}-alert-claims"
    store = claims_fixture(es, index)
    cutoff = iso(now_utc() - dt.timedelta(days=30))
    hits = candidates(es, index, claims_query(cutoff), size=10)
    changed = store.claim_id("r1", "old-done")
    assert changed in {h["_id"] for h in hits}
    es.update(index=index, id=changed, doc={"reason": "touched"}, refresh=True)  # a new seq_no
    deleted, kept = delete_hits(es, hits)
    assert (deleted, kept) == (len(hits) - 1, [changed])
    assert store.state("r1", "old-done") == "delivered"


def test_audit_retention_and_zero_days_keeps_everything(es: Elasticsearch, prefix: str) -> None:
    claims, alerts = f"{prefix}-alert-claims", f"{prefix}-alerts"
    ensure_alerts_index(es, alerts)
    log = AuditLog(es, alerts, "a")
    for i in range(3):
        log.record("delivered", rule="r1", item_id=f"q-{i}")
    es.indices.refresh(index=alerts)
    old = sorted(ids(es, alerts))[:2]
    for doc_id in old:
        es.update(index=alerts, id=doc_id, doc={"@timestamp": OLD}, refresh=True)
    assert prune_alerter_indices(es, claims, alerts, claims_days=0, audit_days=0) == []
    assert len(ids(es, alerts)) == 3
    reports = prune_alerter_indices(es, claims, alerts, claims_days=45, audit_days=30)
    assert [(r.index, r.deleted) for r in reports] == [(claims, 0), (alerts, 2)]  # no claims index: 0
    assert ids(es, alerts).isdisjoint(old) and len(ids(es, alerts)) == 1
    cutoff = iso(now_utc())
    assert prune(es, alerts, audit_query(cutoff), cutoff).deleted == 1


def test_prune_command(es: Elasticsearch, es_url: str, prefix: str) -> None:
    claims_fixture(es, f"{prefix}-alert-claims")
    env = {"NEWSMON_ES_URL": es_url, "NEWSMON_ES_INDEX_PREFIX": prefix, "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-m", "newsmon.cli", "alerts", "prune", "--claims-days", "30", "--audit-days", "0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert f"{prefix}-alert-claims: deleted 4 older than" in out.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "newsmon.cli", "alerts", "prune", "--claims-days", "-1"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert bad.returncode == 2 and "0 or more" in bad.stderr


def test_a_backlog_is_pruned_a_slice_per_call(es: Elasticsearch, prefix: str) -> None:
    """The alerter prunes between messages: one call stops near ``max_docs`` and says there is more."""
    index = f"{prefix}-alert-claims"
    claims_fixture(es, index)
    cutoff = iso(now_utc() - dt.timedelta(days=30))
    first = prune(es, index, claims_query(cutoff), cutoff, page=1, max_docs=2)
    assert (first.deleted, first.more) == (2, True)
    rest = prune(es, index, claims_query(cutoff), cutoff, page=1, max_docs=2)
    assert (rest.deleted, rest.more) == (2, False)
