"""The Faust app: broker from the settings, in-memory store, agents from ``newsmon_worker.agents``.

``build_app(settings)`` makes the app; ``newsmon worker`` (``newsmon_worker.cli``) runs it. The app
id is the Kafka consumer group, so workers started with the same ``NEWSMON_WORKER_APP_ID``
share the partitions and tests use a unique one each.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

import faust

from newsmon.errors import ConfigError
from newsmon.es import Backoff, BulkWriter, IndexNames, MeetingIndexer, make_client
from newsmon.extract import Extractor
from newsmon.logs import get_logger
from newsmon_worker.dlq import Stage, dead_letter_record
from newsmon_worker.settings import WorkerSettings
from newsmon_worker.topics import WorkerTopics, declare_topics

log = get_logger(__name__)
T = TypeVar("T")

AGENT_NAMES = ("extract", "articles", "quotes", "meetings")


@dataclass
class WorkerContext:
    """What the agents share: settings, topics, the extractor, Elasticsearch writers, executors."""

    settings: WorkerSettings
    topics: WorkerTopics
    extractor: Extractor | None
    writer: BulkWriter
    meetings: MeetingIndexer
    names: IndexNames
    stop: threading.Event
    # spaCy releases the GIL poorly, but a thread keeps the event loop (heartbeats, fetches) alive.
    extract_pool: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(1, "extract"))
    index_pool: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(3, "index"))
    counters: dict[str, int] = field(default_factory=dict)

    def count(self, name: str, n: int = 1) -> None:
        self.counters[name] = self.counters.get(name, 0) + n

    async def run_extract(self, func: Any, *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self.extract_pool, func, *args)

    async def run_index(self, func: Any, *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self.index_pool, func, *args)

    async def dead_letter(
        self,
        event: Any,
        stage: Stage,
        error_type: str,
        error_message: str,
        payload: bytes | str | dict[str, Any] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        """Send ``event``'s message (or ``payload``) to the dead-letter topic and wait for Kafka's ack."""
        message = event.message
        record = dead_letter_record(
            source_topic=message.topic,
            partition=message.partition,
            offset=message.offset,
            key=message.key,
            stage=stage,
            error_type=error_type,
            error_message=error_message,
            payload=message.value if payload is None else payload,
            extra=extra,
        )
        log.warning(
            "dead_lettered",
            topic=message.topic,
            partition=message.partition,
            offset=message.offset,
            stage=stage,
            error_type=error_type,
            error=error_message[:500],
        )
        await self.topics.send(self.topics.dead_letter, "dead-letter.v1", record, key=record["key"])
        self.count(f"dead_letter.{stage}")


def enabled_agents(settings: WorkerSettings) -> set[str]:
    """The agent names ``NEWSMON_WORKER_AGENTS`` selects (``all`` or a comma list)."""
    value = settings.worker_agents.strip().lower()
    if value in {"", "all"}:
        return set(AGENT_NAMES)
    chosen = {name.strip() for name in value.split(",") if name.strip()}
    unknown = chosen - set(AGENT_NAMES)
    if unknown:
        raise ConfigError(
            f"NEWSMON_WORKER_AGENTS: unknown agent(s) {sorted(unknown)}; choose from {AGENT_NAMES}"
        )
    return chosen


def _brokers(bootstrap: str) -> list[str]:
    return [f"kafka://{host.strip()}" for host in bootstrap.split(",") if host.strip()]


def build_app(settings: WorkerSettings, extractor: Extractor | None) -> tuple[faust.App, WorkerContext]:
    """The Faust app with the agents ``settings`` enables (``extractor`` is needed for ``extract``)."""
    web_port = settings.worker_web_port
    datadir = settings.state_dir / "worker" / settings.worker_app_id
    try:
        datadir.mkdir(parents=True, exist_ok=True)  # Faust itself creates only the last level
    except OSError as exc:
        raise ConfigError(
            f"cannot create the worker data directory {datadir}: {exc} (set NEWSMON_STATE_DIR)"
        ) from exc
    app = faust.App(
        settings.worker_app_id,
        broker=_brokers(settings.kafka_bootstrap),
        store="memory://",
        # Faust keeps a small data directory (default: ./<app id>-data in the working directory).
        datadir=str(datadir),
        autodiscover=False,
        web_enabled=web_port is not None,
        web_port=web_port or 6066,
        web_bind="127.0.0.1",
        topic_partitions=settings.worker_partitions,
        topic_replication_factor=1,
        consumer_auto_offset_reset=settings.worker_offset_reset,
        producer_acks=-1,
        # Offsets of acked events are committed this often; unacked ones never are.
        broker_commit_interval=1.0,
        # Do not wait for in-flight batches on shutdown: they are unacked, so they are replayed
        # on restart anyway, and a batch waiting for Elasticsearch would block the stop forever.
        stream_wait_empty=False,
    )
    stop = threading.Event()
    es = make_client(settings)
    writer = BulkWriter(
        es, Backoff(initial=settings.worker_retry_initial, maximum=settings.worker_retry_max), stop=stop
    )
    names = IndexNames(settings.es_index_prefix)
    ctx = WorkerContext(
        settings=settings,
        topics=declare_topics(app, settings),
        extractor=extractor,
        writer=writer,
        meetings=MeetingIndexer(es, names.meetings, writer, settings.worker_meeting_max_mentions),
        names=names,
        stop=stop,
    )

    @app.on_before_shutdown.connect  # type: ignore[arg-type]  # mode types handlers with a signal= kwarg
    async def _stop_retrying(app: faust.App, **_: Any) -> None:
        # Ends any Elasticsearch backoff wait so the batch in hand stays unacked and shutdown is quick.
        stop.set()
        log.info("worker_stopping", counters=ctx.counters)

    from newsmon_worker.agents import register

    register(app, ctx, enabled_agents(settings))
    return app, ctx
