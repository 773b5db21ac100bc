"""Sending articles to Kafka: validated, keyed by article id, acknowledged by all replicas."""

from __future__ import annotations

from typing import Any, Protocol

from kafka import KafkaProducer
from kafka.errors import KafkaError

from newsmon import schemas
from newsmon.errors import NewsmonError
from newsmon.logs import get_logger

log = get_logger("newsmon_poller.producer")

ARTICLE_SCHEMA = "articles.v1"


class ProduceError(NewsmonError):
    """Kafka did not acknowledge an article."""


class ArticleSink(Protocol):
    """Where the poller sends articles; returns only after every article is acknowledged."""

    topic: str

    def send_all(self, articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Send and wait; return the articles that were acknowledged (raise if none could be)."""
        ...

    def close(self) -> None: ...


class KafkaArticleSink:
    """kafka-python producer with ``acks=all`` and idempotence."""

    def __init__(self, bootstrap: str, topic: str, *, timeout_s: float, max_bytes: int) -> None:
        self.topic = topic
        self.timeout_s = timeout_s
        self._producer = KafkaProducer(
            bootstrap_servers=bootstrap.split(","),
            acks="all",
            enable_idempotence=True,
            retries=5,
            linger_ms=5,
            # a broker that is away blocks send() this long, not kafka-python's default minute
            max_block_ms=int(timeout_s * 1000),
            # an article can carry a long feed body; the topic spec allows 10 MB messages
            max_request_size=max(max_bytes, 1024 * 1024) + 64 * 1024,
            client_id="newsmon-poller",
        )

    def send_all(self, articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
        # validate first: an invalid article is a bug here, and must not reach the topic
        pending = []
        try:
            for article in articles:
                value = schemas.encode(ARTICLE_SCHEMA, article)
                future = self._producer.send(self.topic, key=article["id"].encode("utf-8"), value=value)
                pending.append((article, future))
            self._producer.flush(timeout=self.timeout_s)
        except KafkaError as exc:
            # e.g. no metadata for the topic within max_block_ms: the broker is away. What was
            # already sent is still checked below, so acknowledged articles are recorded.
            if not pending:
                raise ProduceError(f"Kafka refused the batch: {type(exc).__name__}: {exc}") from exc
            log.warning("produce_interrupted", topic=self.topic, sent=len(pending), error=str(exc))
        acked: list[dict[str, Any]] = []
        errors: list[str] = []
        for article, future in pending:
            try:
                meta = future.get(timeout=self.timeout_s)
            except KafkaError as exc:
                errors.append(f"{article['id']}: {type(exc).__name__}: {exc}")
                continue
            log.debug("article_sent", article_id=article["id"], partition=meta.partition, offset=meta.offset)
            acked.append(article)
        if errors:
            log.error("produce_failed", topic=self.topic, failed=len(errors), first_error=errors[0])
            if not acked:
                raise ProduceError(f"Kafka acknowledged none of {len(pending)} articles: {errors[0]}")
        return acked

    def close(self) -> None:
        self._producer.close(timeout=self.timeout_s)
