"""Indexing agents: articles, quotes and meetings -> Elasticsearch, in bulk, acked after the write.

A batch is decoded (invalid messages -> dead-letter topic), written with
:class:`newsmon.es.BulkWriter` (which blocks with backoff while Elasticsearch is unavailable)
and only then acked. Documents Elasticsearch refuses go to the dead-letter topic with its reason.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from newsmon import schemas
from newsmon.errors import IndexingError, SchemaValidationError
from newsmon.es import Doc, Rejection
from newsmon.es.documents import article_doc, quote_doc, safe_id
from newsmon.logs import get_logger
from newsmon_worker.agents.batches import Agent, batch_agent
from newsmon_worker.app import WorkerContext

log = get_logger(__name__)

ToDoc = Callable[[dict[str, Any]], tuple[str, dict[str, Any]]]


async def _decode(ctx: WorkerContext, schema: str, events: list[Any]) -> list[tuple[Any, dict[str, Any]]]:
    decoded = []
    for event in events:
        try:
            decoded.append((event, schemas.decode(schema, event.message.value)))
        except SchemaValidationError as exc:
            await ctx.dead_letter(event, "consume", type(exc).__name__, str(exc))
    return decoded


async def _report(
    ctx: WorkerContext, decoded: list[tuple[Any, dict[str, Any]]], rejections: list[Rejection]
) -> None:
    by_message = {id(message): event for event, message in decoded}
    for rejection in rejections:
        await ctx.dead_letter(
            by_message[id(rejection.message)],
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


async def _write(
    ctx: WorkerContext, schema: str, docs: list[Doc], write: Callable[[], list[Rejection]]
) -> list[Rejection] | None:
    """Run ``write`` in the indexing pool; None when the worker is stopping (do not ack)."""
    started = time.perf_counter()
    try:
        rejections: list[Rejection] = await ctx.run_index(write)
    except IndexingError as exc:
        if ctx.stop.is_set():
            return None
        rejections = _whole_batch(docs, exc)
    ctx.count(f"indexed.{schema}", len(docs) - len(rejections))
    log.info(
        "indexed",
        schema=schema,
        docs=len(docs),
        rejected=len(rejections),
        seconds=round(time.perf_counter() - started, 3),
    )
    return rejections


def _documents_handler(schema: str, index: str, to_doc: ToDoc) -> Callable[[WorkerContext, list[Any]], Any]:
    async def handle(ctx: WorkerContext, events: list[Any]) -> bool:
        decoded = await _decode(ctx, schema, events)
        if not decoded:
            return True
        docs = [Doc(index, *to_doc(message), message) for _, message in decoded]
        rejections = await _write(ctx, schema, docs, lambda: ctx.writer.index_docs(docs))
        if rejections is None:
            return False
        await _report(ctx, decoded, rejections)
        return True

    return handle


async def _handle_meetings(ctx: WorkerContext, events: list[Any]) -> bool:
    decoded = await _decode(ctx, "meetings.v1", events)
    if not decoded:
        return True
    messages = [message for _, message in decoded]
    docs = [Doc(ctx.names.meetings, safe_id(str(m["meeting_key"])), {}, m) for m in messages]
    rejections = await _write(ctx, "meetings.v1", docs, lambda: ctx.meetings.write(messages))
    if rejections is None:
        return False
    await _report(ctx, decoded, rejections)
    return True


def _agent(ctx: WorkerContext, handler: Callable[[WorkerContext, list[Any]], Any]) -> Agent:
    return batch_agent(
        ctx, handler, "index", ctx.settings.worker_batch_size, ctx.settings.worker_batch_seconds
    )


def article_index_agent(ctx: WorkerContext) -> Agent:
    """articles.v1 -> ``{prefix}-articles``."""
    return _agent(ctx, _documents_handler("articles.v1", ctx.names.articles, article_doc))


def quote_index_agent(ctx: WorkerContext) -> Agent:
    """quotes.v1 -> ``{prefix}-quotes``."""
    return _agent(ctx, _documents_handler("quotes.v1", ctx.names.quotes, quote_doc))


def meeting_index_agent(ctx: WorkerContext) -> Agent:
    """meetings.v1 -> ``{prefix}-meetings``, merged into one document per meeting_key."""
    return _agent(ctx, _handle_meetings)
