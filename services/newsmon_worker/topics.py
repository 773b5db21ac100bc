"""The worker's Kafka topics. Values are raw bytes: ``newsmon.schemas`` decodes and validates them.

Faust's own JSON codec is bypassed on purpose: a message that is not JSON or not valid must
reach the agent (and then the dead-letter topic with its partition and offset) instead of
failing inside Faust's deserialiser.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import faust
from faust.types import TopicT

from newsmon import schemas
from newsmon_worker.settings import WorkerSettings


@dataclass(frozen=True)
class WorkerTopics:
    """Faust topic objects for one topic prefix."""

    articles: TopicT
    quotes: TopicT
    meetings: TopicT
    dead_letter: TopicT

    async def send(self, topic: TopicT, schema: str, message: dict[str, Any], key: str | None) -> None:
        """Validate ``message`` against ``schema``, produce it and wait until Kafka acknowledged it."""
        value = schemas.encode(schema, message)
        fut = await topic.send(key=key.encode("utf-8") if key is not None else None, value=value)
        await fut


def ensure_kafka_topics(settings: WorkerSettings, timeout_s: float = 60.0) -> list[str]:
    """Create the worker's topics if missing (partitions from the settings); returns those created.

    Faust only creates its internal topics; a consumer subscribed to a topic that does not exist
    yet gets no partitions until the next rebalance, so the topics are made before it starts.
    """
    from kafka.admin import KafkaAdminClient, NewTopic
    from kafka.errors import TopicAlreadyExistsError

    names = [settings.articles, settings.quotes, settings.meetings, settings.dead_letter]
    admin = KafkaAdminClient(
        bootstrap_servers=settings.kafka_bootstrap.split(","),
        client_id=f"{settings.worker_app_id}-admin",
        request_timeout_ms=int(timeout_s * 1000),
    )
    try:
        missing = [n for n in names if n not in set(admin.list_topics())]
        created = []
        for name in missing:
            try:
                admin.create_topics([NewTopic(name, settings.worker_partitions, 1)])
                created.append(name)
            except TopicAlreadyExistsError:
                pass  # another worker or the poller made it meanwhile
        return created
    finally:
        admin.close()


def declare_topics(app: faust.App, settings: WorkerSettings) -> WorkerTopics:
    """Topic objects (created on the broker at start-up when missing)."""

    def topic(name: str) -> TopicT:
        return app.topic(
            name,
            key_type=bytes,
            value_type=bytes,
            key_serializer="raw",
            value_serializer="raw",
            partitions=settings.worker_partitions,
        )

    return WorkerTopics(
        articles=topic(settings.articles),
        quotes=topic(settings.quotes),
        meetings=topic(settings.meetings),
        dead_letter=topic(settings.dead_letter),
    )
