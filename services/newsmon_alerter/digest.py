"""Digest rules: matches are queued in Elasticsearch and sent as one message per window.

Windows are fixed buckets of the rule's ``digest`` length (``floor(now / digest)``), per rule
and key. A queued item is final for its own claim (``digested``); the batch gets a claim of its
own (``digest:<bucket>:<key>``), so a crash during the flush neither loses nor repeats it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from elasticsearch import Elasticsearch

from newsmon_alerter.state import digest_id, iso, now_utc


@dataclass(frozen=True)
class DigestBatch:
    rule: str
    key: str
    bucket: str
    item_type: str
    items: list[dict[str, Any]]
    doc_ids: list[str]

    @property
    def item_id(self) -> str:
        """The id the batch is claimed under."""
        return f"digest:{self.bucket}:{self.key}"


def bucket_of(now: dt.datetime, length: dt.timedelta) -> tuple[str, dt.datetime]:
    """The bucket label and its end for ``now``."""
    seconds = length.total_seconds()
    start = int(now.timestamp() // seconds * seconds)
    end = dt.datetime.fromtimestamp(start + seconds, tz=dt.UTC)
    return str(start), end


class DigestQueue:
    def __init__(self, es: Elasticsearch, index: str) -> None:
        self.es = es
        self.index = index

    def enqueue(
        self, rule: str, key: str, item_type: str, item: dict[str, Any], length: dt.timedelta, claim_id: str
    ) -> None:
        bucket, due = bucket_of(now_utc(), length)
        doc = {
            "kind": "digest_item",
            "rule": rule,
            "key": key,
            "bucket": bucket,
            "item_type": item_type,
            "item_id": str(item.get("id")),
            "item": item,
            "state": "queued",
            "claim_id": claim_id,
            "due_at": iso(due),
            "created_at": iso(now_utc()),
        }
        # deterministic id: a replay after a crash re-queues the same document
        self.es.index(
            index=self.index, id="d-" + digest_id(rule, str(item.get("id"))), document=doc, refresh=True
        )

    def due(self, limit: int = 500) -> list[DigestBatch]:
        """Batches whose window has ended, oldest first."""
        resp = self.es.search(
            index=self.index,
            query={
                "bool": {
                    "filter": [
                        {"term": {"kind": "digest_item"}},
                        {"term": {"state": "queued"}},
                        {"range": {"due_at": {"lte": iso(now_utc())}}},
                    ]
                }
            },
            sort=[{"due_at": "asc"}, {"created_at": "asc"}],
            size=limit,
        )
        groups: dict[tuple[str, str, str], DigestBatch] = {}
        for hit in resp["hits"]["hits"]:
            src = hit["_source"]
            gkey = (src["rule"], src["bucket"], src.get("key") or "")
            if gkey not in groups:
                groups[gkey] = DigestBatch(src["rule"], gkey[2], src["bucket"], src["item_type"], [], [])
            groups[gkey].items.append(src["item"])
            groups[gkey].doc_ids.append(hit["_id"])
        return list(groups.values())

    def mark_sent(self, batch: DigestBatch) -> None:
        ops: list[dict[str, Any]] = []
        for doc_id in batch.doc_ids:
            ops += [
                {"update": {"_index": self.index, "_id": doc_id}},
                {"doc": {"state": "sent", "updated_at": iso(now_utc())}},
            ]
        if ops:
            self.es.bulk(operations=ops, refresh=True)
