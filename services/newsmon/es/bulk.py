"""Bulk writes that wait out an unavailable Elasticsearch and report per-document rejections.

Semantics the worker relies on:

* While Elasticsearch is unreachable or answers 429/502/503/504, :meth:`BulkWriter.bulk` retries
  with exponential backoff and does not return: the caller's Kafka offsets cannot advance.
* Items Elasticsearch itself refuses (a 4xx such as a mapping error) come back as
  :class:`Rejection` objects with the reason, for the dead-letter topic. Items answered 429 or
  503 individually are retried like a whole unavailable request.
* Only a stop request (``stop`` event set while waiting) ends the retrying, with
  :class:`~newsmon.errors.IndexingError`, so a shutting-down worker does not ack the batch.
* A replay after a rollover overwrites, too: a document whose id already lives in an older
  backing index of the target alias is written to that index, not to the new write index
  (:meth:`BulkWriter.homes`). The lookup is a search, so it cannot see a document written to the
  old index less than one refresh interval before the rollover.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout, TransportError
from elasticsearch import ApiError, Elasticsearch, NotFoundError

from newsmon.errors import IndexingError
from newsmon.logs import get_logger

log = get_logger(__name__)

RETRYABLE_STATUS = frozenset({429, 502, 503, 504})
LOOKUP_CHUNK = 1000  # ids per replay lookup; below index.max_result_window
T = TypeVar("T")


@dataclass(frozen=True)
class Rejection:
    """A document Elasticsearch refused, with enough context for the dead-letter topic."""

    index: str
    doc_id: str
    status: int
    error_type: str
    reason: str
    message: dict[str, Any] = field(repr=False)


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff: ``initial * factor**n`` seconds, capped at ``maximum``."""

    initial: float = 0.5
    factor: float = 2.0
    maximum: float = 30.0

    def delay(self, attempt: int) -> float:
        return float(min(self.maximum, self.initial * self.factor**attempt))


@dataclass(frozen=True)
class Doc:
    """One document to index: target alias/index, deterministic id, source and the message it came from."""

    index: str
    doc_id: str
    source: dict[str, Any]
    message: dict[str, Any]


def error_of(item_result: dict[str, Any]) -> tuple[str, str]:
    error = item_result.get("error") or {}
    if isinstance(error, str):
        return "error", error
    reason = str(error.get("reason", ""))
    caused = error.get("caused_by") or {}
    if caused.get("reason"):
        reason = f"{reason}: {caused.get('reason')}"
    return str(error.get("type", "error")), reason


class BulkWriter:
    """Sends ``_bulk`` requests, retrying until Elasticsearch takes them or refuses items for good."""

    def __init__(
        self,
        es: Elasticsearch,
        backoff: Backoff | None = None,
        stop: threading.Event | None = None,
        refresh: bool | str = False,
        replay_lookup: bool = True,
    ) -> None:
        self.es = es
        self.replay_lookup = replay_lookup  # False: never look for older copies (no rollover in use)
        self.backoff = backoff or Backoff()
        self.stop = stop or threading.Event()
        self.refresh = refresh
        self.retries = 0  # total retried requests, for logs and tests

    def wait(self, attempt: int, reason: str) -> None:
        """Sleep the backoff for ``attempt`` (raises :class:`IndexingError` if stopped meanwhile)."""
        delay = self.backoff.delay(attempt)
        self.retries += 1
        log.warning("es_unavailable_retrying", attempt=attempt + 1, delay_s=round(delay, 2), reason=reason)
        if self.stop.wait(delay):
            raise IndexingError(f"stopped while waiting for Elasticsearch ({reason})")

    def call(self, what: str, func: Callable[[], T]) -> T:
        """``func()`` repeated with backoff while Elasticsearch is unreachable or unavailable."""
        attempt = 0
        while True:
            try:
                return func()
            except ApiError as exc:
                if exc.meta.status not in RETRYABLE_STATUS:
                    raise IndexingError(f"{what} refused: {exc}") from exc
                reason = f"{what}: HTTP {exc.meta.status}"
            except (TransportConnectionError, ConnectionTimeout, TransportError) as exc:
                reason = f"{what}: {type(exc).__name__}: {exc}"
            self.wait(attempt, reason)
            attempt += 1

    def _send(self, operations: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """One ``_bulk`` request, repeated while the cluster is unavailable; returns its items."""
        resp = self.call("bulk", lambda: self.es.bulk(operations=operations, refresh=self.refresh))
        return list(resp["items"])

    def bulk(self, actions: Sequence[tuple[dict[str, Any], dict[str, Any] | None]]) -> list[dict[str, Any]]:
        """Run ``(action, source)`` pairs; returns one result per pair (``{"status", "error"?, ...}``).

        Items refused with 429/503 are resent until they get a final answer.
        """
        results: list[dict[str, Any] | None] = [None] * len(actions)
        pending = list(range(len(actions)))
        attempt = 0
        while pending:
            operations: list[dict[str, Any]] = []
            for i in pending:
                action, source = actions[i]
                operations.append(action)
                if source is not None:
                    operations.append(source)
            items = self._send(operations)
            retry: list[int] = []
            for i, item in zip(pending, items, strict=True):
                result = next(iter(item.values()))
                if int(result.get("status", 500)) in RETRYABLE_STATUS:
                    retry.append(i)
                else:
                    results[i] = result
            pending = retry
            if pending:
                self.wait(attempt, f"{len(pending)} items answered 429/503")
                attempt += 1
        return [r for r in results if r is not None]

    def index_docs(self, docs: Iterable[Doc]) -> list[Rejection]:
        """Index (create or overwrite) ``docs`` by id; returns the documents Elasticsearch refused."""
        docs = list(docs)
        if not docs:
            return []
        homes = self.homes(docs) if self.replay_lookup else {}
        actions = [
            ({"index": {"_index": homes.get((d.index, d.doc_id), d.index), "_id": d.doc_id}}, d.source)
            for d in docs
        ]
        results = self.bulk(actions)
        rejections: list[Rejection] = []
        for doc, result in zip(docs, results, strict=True):
            status = int(result.get("status", 500))
            if status >= 300:
                error_type, reason = error_of(result)
                rejections.append(Rejection(doc.index, doc.doc_id, status, error_type, reason, doc.message))
        if homes:
            log.info("es_replay_routed_to_older_index", count=len(homes))
        if rejections:
            log.warning("es_documents_rejected", count=len(rejections), first=rejections[0].reason[:300])
        return rejections

    def older_indices(self, alias: str) -> list[str]:
        """The backing indices of ``alias`` other than its write index (none for a plain index)."""

        def lookup() -> dict[str, Any]:
            try:
                return dict(self.es.indices.get_alias(name=alias))
            except NotFoundError:  # not an alias: a concrete index, or nothing yet
                return {}

        members = self.call("alias lookup", lookup)
        if len(members) < 2:
            return []
        return sorted(
            name
            for name, info in members.items()
            if not (info.get("aliases", {}).get(alias) or {}).get("is_write_index")
        )

    def homes(self, docs: Sequence[Doc]) -> dict[tuple[str, str], str]:
        """``(alias, id) -> older index`` for the documents an older backing index already holds."""
        ids_by_alias: dict[str, list[str]] = {}
        for d in docs:
            ids_by_alias.setdefault(d.index, []).append(d.doc_id)
        found: dict[tuple[str, str], str] = {}
        for alias, ids in ids_by_alias.items():
            older = self.older_indices(alias)
            if not older:
                continue
            for start in range(0, len(ids), LOOKUP_CHUNK):
                for doc_id, index in self._held_by(older, ids[start : start + LOOKUP_CHUNK]).items():
                    found[(alias, doc_id)] = index
        return found

    def _held_by(self, indices: list[str], ids: list[str]) -> dict[str, str]:
        """``id -> index`` for those of ``ids`` that one of ``indices`` holds."""
        chunk = sorted(set(ids))

        def lookup() -> Any:
            return self.es.search(
                index=",".join(indices),
                query={"ids": {"values": chunk}},
                size=len(chunk),
                source=False,
                ignore_unavailable=True,
            )

        hits = self.call("replay lookup", lookup)["hits"]["hits"]
        return {str(hit["_id"]): str(hit["_index"]) for hit in hits}
