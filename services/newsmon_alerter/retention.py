"""Retention for the alerter's indices, without ``_delete_by_query``.

The claims index keeps one document per (rule, matched item), per throttle window and per
queued digest item; the audit index one per attempt or decision. Both would grow for ever.
:func:`prune` deletes what is old and finished: a search for the candidates (with their
``_seq_no``/``_primary_term``), then a bulk ``delete`` guarded by those, page after page. It is
what ``_delete_by_query`` does, done by the client, so it also runs on a core-only
Elasticsearch (which has no ``_delete_by_query``), and a document changed between the search and
the delete is left alone (counted as a conflict) instead of being deleted under its new state.

What counts as old and finished (``cutoff`` = now minus the retention):

* claims in a final state (``delivered``, ``suppressed``, ``digested``, ``dead``) last updated
  before the cutoff; pending claims are never pruned;
* throttle and dedupe windows that ended before the cutoff;
* digest items already sent, last updated before the cutoff; queued items are never pruned;
* audit records with ``@timestamp`` before the cutoff.

A pruned claim no longer guards its (rule, item): a replay of the item after that alerts
again. Keep the claims retention longer than the longest replay: the data topics keep 7 days,
the dead-letter topic 30; the default retention is 45 days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from elasticsearch import Elasticsearch, NotFoundError

from newsmon.logs import get_logger
from newsmon_alerter.state import FINAL_STATES, iso, now_utc

log = get_logger(__name__)

MAX_DOCS_PER_CALL = 20_000


@dataclass(frozen=True)
class PruneReport:
    """What one :func:`prune` call did to one index."""

    index: str
    cutoff: str
    deleted: int = 0
    conflicts: int = 0  # changed between search and delete: kept
    more: bool = False  # stopped at ``max_docs``: candidates may be left for the next call


def claims_query(cutoff: str) -> dict[str, Any]:
    """Finished claims, ended windows and sent digest items older than ``cutoff``."""

    def kind(name: str, *filters: dict[str, Any]) -> dict[str, Any]:
        return {"bool": {"filter": [{"term": {"kind": name}}, *filters]}}

    return {
        "bool": {
            "should": [
                kind(
                    "claim",
                    {"terms": {"state": sorted(FINAL_STATES)}},
                    {"range": {"updated_at": {"lt": cutoff}}},
                ),
                kind("window", {"range": {"until": {"lt": cutoff}}}),
                kind("digest_item", {"term": {"state": "sent"}}, {"range": {"updated_at": {"lt": cutoff}}}),
            ],
            "minimum_should_match": 1,
        }
    }


def audit_query(cutoff: str) -> dict[str, Any]:
    """Audit records older than ``cutoff``."""
    return {"range": {"@timestamp": {"lt": cutoff}}}


def candidates(
    es: Elasticsearch, index: str, query: dict[str, Any], size: int, skip: list[str] | None = None
) -> list[dict[str, Any]]:
    """Up to ``size`` hits of ``query`` (ids in ``skip`` excluded), with their sequence numbers."""
    if skip:
        query = {"bool": {"filter": [query], "must_not": [{"ids": {"values": skip}}]}}
    es.indices.refresh(index=index)
    resp = es.search(index=index, query=query, size=size, source=False, seq_no_primary_term=True)
    return list(resp["hits"]["hits"])


def delete_hits(es: Elasticsearch, hits: list[dict[str, Any]]) -> tuple[int, list[str]]:
    """Delete ``hits`` unless changed since they were read; ``(deleted, ids kept by a conflict)``."""
    ops = [
        {
            "delete": {
                "_index": h["_index"],
                "_id": h["_id"],
                "if_seq_no": h["_seq_no"],
                "if_primary_term": h["_primary_term"],
            }
        }
        for h in hits
    ]
    items = es.bulk(operations=ops)["items"]
    deleted, kept = 0, []
    for hit, item in zip(hits, items, strict=True):
        status = int(item["delete"].get("status", 500))
        if status == 200:
            deleted += 1
        elif status != 404:  # 404: another instance pruned it first
            kept.append(str(hit["_id"]))
    return deleted, kept


def prune(
    es: Elasticsearch,
    index: str,
    query: dict[str, Any],
    cutoff: str,
    page: int = 500,
    max_docs: int = MAX_DOCS_PER_CALL,
) -> PruneReport:
    """Delete the documents of ``index`` matching ``query``, ``page`` at a time, at most about
    ``max_docs`` in one call (the alerter prunes between messages and must not stall on a backlog)."""
    deleted, skip, more = 0, list[str](), False
    try:
        while hits := candidates(es, index, query, page, skip):
            if deleted + len(skip) >= max_docs:
                more = True
                break
            done, kept = delete_hits(es, hits)
            deleted += done
            skip.extend(kept)
    except NotFoundError:  # no such index yet: nothing to prune
        pass
    report = PruneReport(index, cutoff, deleted, len(skip), more)
    if deleted or skip:
        log.info(
            "alerter_pruned", index=index, cutoff=cutoff, deleted=deleted, conflicts=len(skip), more=more
        )
    return report


def prune_alerter_indices(
    es: Elasticsearch,
    claims_index: str,
    audit_index: str,
    claims_days: float,
    audit_days: float,
    now: dt.datetime | None = None,
) -> list[PruneReport]:
    """Apply both retentions (a retention of 0 days keeps that index for ever)."""
    now = now or now_utc()
    reports = []
    for index, days, make_query in (
        (claims_index, claims_days, claims_query),
        (audit_index, audit_days, audit_query),
    ):
        if days > 0:
            cutoff = iso(now - dt.timedelta(days=days))
            reports.append(prune(es, index, make_query(cutoff), cutoff))
    return reports
