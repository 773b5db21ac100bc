"""The audit index ``{prefix}-alerts``: one document per delivery attempt or decision.

``status`` is one of ``delivered``, ``retry``, ``failed`` (an attempt), ``dead`` (gave up, sent
to the dead-letter topic), ``throttled``, ``deduplicated``, ``digested`` (a decision not to send
now). Kibana's "Alerts sent" search and ``newsmon alerts list`` read it; the time field is
``@timestamp``. Destination URLs are never written, only destination names.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from elasticsearch import ApiError, Elasticsearch, TransportError

from newsmon.logs import get_logger

log = get_logger(__name__)

ALERTS_MAPPING: dict[str, Any] = {
    "dynamic": False,
    "properties": {
        "@timestamp": {"type": "date"},
        "rule": {"type": "keyword"},
        "item_id": {"type": "keyword"},
        "item_type": {"type": "keyword"},
        "destination": {"type": "keyword"},
        "destination_type": {"type": "keyword"},
        "status": {"type": "keyword"},
        "http_status": {"type": "integer"},
        "error": {"type": "text"},
        "attempt": {"type": "integer"},
        "duration_ms": {"type": "float"},
        "wait_s": {"type": "float"},
        "instance": {"type": "keyword"},
        "claim_id": {"type": "keyword"},
        "key": {"type": "keyword"},
        "digest_size": {"type": "integer"},
        "headline": {"type": "text", "fields": {"keyword": {"type": "keyword", "ignore_above": 256}}},
        "article_url": {"type": "keyword"},
    },
}


def ensure_alerts_index(es: Elasticsearch, index: str) -> None:
    """Create the audit index with its mapping unless it exists (idempotent, race-safe)."""
    if es.indices.exists(index=index):
        return
    try:
        es.indices.create(
            index=index, mappings=ALERTS_MAPPING, settings={"number_of_shards": 1, "number_of_replicas": 0}
        )
    except ApiError as exc:
        if "resource_already_exists" not in str(exc):
            raise


class AuditLog:
    """Writes audit records; a failed write is logged loudly but never stops delivery."""

    def __init__(self, es: Elasticsearch, index: str, instance: str) -> None:
        self.es = es
        self.index = index
        self.instance = instance

    def record(self, status: str, **fields: Any) -> None:
        doc = {
            "@timestamp": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
            "status": status,
            "instance": self.instance,
            **{k: v for k, v in fields.items() if v is not None},
        }
        try:
            self.es.index(index=self.index, document=doc)
        except (ApiError, TransportError) as exc:
            log.error(
                "audit_write_failed", error=str(exc), **{k: doc.get(k) for k in ("rule", "item_id", "status")}
            )
