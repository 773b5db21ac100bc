"""Indexing agents: articles, quotes and meetings -> Elasticsearch, in bulk, acked after the write.

A batch is decoded (invalid messages -> dead-letter topic), written with
:class:`newsmon.es.BulkWriter` (which blocks with backoff while Elasticsearch is unavailable)
and only then acked. Documents Elasticsearch refuses go to the dead-letter topic with its reason.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Coroutine
from typing import Any

from newsmon import schemas
from newsmon.errors import IndexingError, SchemaValidationError
from newsmon.es import Doc, Rejection
from newsmon.es.documents import article_doc, quote_doc
from newsmon.logs import get_logger
from newsmon_worker.app import WorkerContext

log = get_logger(__name__)

Agent = Callable[[Any], Coroutine[Any, Any, None]]


async def _decode(ctx: WorkerContext, schema: str, events: list[Any]) -> list[tuple[Any, dict[str, Any]]]:
    decoded = []
    for event in events:
        try:
            decoded.append((event, schemas.decode(schema, event.message.value)))
        except SchemaValidationError as exc:
            await ctx.dead_letter(event, "consume", type(exc).__name__, str(exc))
    return decoded


async def _report(ctx: WorkerContext, by_message: dict[int, Any], rejections: list[Rejection]) -> None:
    for rejection in rejections:
        event = by_message[id(rejection.message)]
        await ctx.dead_letter(
            event,
            "index",
            rejection.error_type,
            f"{rejection.index}/{rejection.doc_id}: HTTP {rejection.status}: {rejection.reason}",
            payload=rejection.message,
            extra={"status": rejection.status, "index": rejection.index, "doc_id": rejection.doc_id},
        )


def _whole_batch(docs: list[Doc], exc: IndexingError) -> list[Rejection]:
    """Every document of a request Elasticsearch refused as a whole (not a transient failure)."""
    log.error("bulk_request_refused", docs=len(docs), error=str(exc)[:500])
    return [Rejection(d.index, d.doc_id, 400, type(exc).__name__, str(exc), d.message) for d in docs]


def _simple_agent(
    ctx: WorkerContext, schema: str, index: str, to_doc: Callable[..., tuple[str, dict[str, Any]]]
) -> Agent:
    async def index_agent(stream: Any) -> None:
        async for events in stream.noack_take(
            ctx.settings.worker_batch_size, within=ctx.settings.worker_batch_seconds
        ):
            decoded = await _decode(ctx, schema, list(events))
            docs = []
            for _, message in decoded:
                doc_id, source = to_doc(message)
                docs.append(Doc(index, doc_id, source, message))
            started = time.perf_counter()
            try:
                rejections = await ctx.run_index(ctx.writer.index_docs, docs) if docs else []
            except IndexingError as exc:
                if ctx.stop.is_set():
                    return  # shutting down: leave the batch unacked, it is replayed on restart
                rejections = _whole_batch(docs, exc)
            await _report(ctx, {id(m): e for e, m in decoded}, rejections)
            ctx.count(f"indexed.{schema}", len(docs) - len(rejections))
            if docs:
                log.info(
                    "indexed",
                    schema=schema,
                    docs=len(docs),
                    rejected=len(rejections),
                    seconds=round(time.perf_counter() - started, 3),
                )
            for event in events:
                await stream.ack(event)

    return index_agent


def article_index_agent(ctx: WorkerContext) -> Agent:
    """articles.v1 -> ``{prefix}-articles``."""
    return _simple_agent(ctx, "articles.v1", ctx.names.articles, article_doc)


def quote_index_agent(ctx: WorkerContext) -> Agent:
    """quotes.v1 -> ``{prefix}-quotes``."""
    return _simple_agent(ctx, "quotes.v1", ctx.names.quotes, quote_doc)


def meeting_index_agent(ctx: WorkerContext) -> Agent:
    """meetings.v1 -> ``{prefix}-meetings``, merged into one document per meeting_key."""

    async def index_meetings(stream: Any) -> None:
        async for events in stream.noack_take(
            ctx.settings.worker_batch_size, within=ctx.settings.worker_batch_seconds
        ):
            decoded = await _decode(ctx, "meetings.v1", list(events))
            messages = [message for _, message in decoded]
            started = time.perf_counter()
            try:
                rejections = await ctx.run_index(ctx.meetings.write, messages) if messages else []
            except IndexingError as exc:
                if ctx.stop.is_set():
                    return
                rejections = _whole_batch(
                    [Doc(ctx.names.meetings, str(m["meeting_key"]), {}, m) for m in messages], exc
                )
            await _report(ctx, {id(m): e for e, m in decoded}, rejections)
            ctx.count("indexed.meetings.v1", len(messages) - len(rejections))
            log.info(
                "indexed",
                schema="meetings.v1",
                mentions=len(messages),
                rejected=len(rejections),
                seconds=round(time.perf_counter() - started, 3),
            )
            for event in events:
                await stream.ack(event)

    return index_meetings
