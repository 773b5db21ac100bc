"""Extraction agent: articles.v1 -> ``Extractor`` -> quotes.v1 and meetings.v1 messages."""

from __future__ import annotations

import time
from typing import Any

from newsmon import schemas
from newsmon.errors import SchemaValidationError
from newsmon.extract import ArticleInput, Extractor
from newsmon.logs import get_logger
from newsmon_worker.agents.batches import Agent, batch_agent
from newsmon_worker.app import WorkerContext
from newsmon_worker.messages import PreparedArticle, meeting_messages, prepare_article, quote_messages

log = get_logger(__name__)

Result = dict[str, Any] | BaseException


def _extract_batch(extractor: Extractor, inputs: list[ArticleInput]) -> list[Result]:
    """Extract a batch with one ``nlp.pipe``; if it fails, redo one by one to isolate the culprit."""
    try:
        return list(extractor.extract_many(inputs))
    except Exception:  # noqa: BLE001 - any extractor bug must cost one article, not the batch
        log.warning("extract_batch_failed_isolating", size=len(inputs), exc_info=True)
    results: list[Result] = []
    for item in inputs:
        try:
            results.extend(extractor.extract_many([item]))
        except Exception as exc:  # noqa: BLE001 - reported per article to the dead-letter topic
            results.append(exc)
    return results


async def _publish(ctx: WorkerContext, event: Any, prepared: PreparedArticle, result: dict[str, Any]) -> None:
    """Produce one article's quotes and meetings; invalid ones go to the dead-letter topic."""
    article_id = str(prepared.article["id"])
    outgoing = [
        (ctx.topics.quotes, "quotes.v1", msg, article_id)
        for msg in quote_messages(prepared, list(result.get("quotes") or []))
    ]
    outgoing += [
        (ctx.topics.meetings, "meetings.v1", msg, str(msg.get("meeting_key") or article_id))
        for msg in meeting_messages(prepared, list(result.get("meetings") or []))
    ]
    for topic, schema, message, key in outgoing:
        try:
            await ctx.topics.send(topic, schema, message, key)
        except SchemaValidationError as exc:
            # The extractor produced something the schema refuses: keep it, with the reason.
            await ctx.dead_letter(event, "extract", type(exc).__name__, str(exc), payload=message)
            continue
        ctx.count(schema)


async def handle_articles(ctx: WorkerContext, events: list[Any]) -> bool:
    """Decode, extract and publish one batch of article events (never raises on bad input)."""
    assert ctx.extractor is not None
    batch: list[tuple[Any, PreparedArticle]] = []
    for event in events:
        try:
            article = schemas.decode("articles.v1", event.message.value)
        except SchemaValidationError as exc:
            await ctx.dead_letter(event, "consume", type(exc).__name__, str(exc))
            continue
        prepared = prepare_article(article, ctx.settings.worker_max_article_chars)
        if prepared.truncated:
            limit = ctx.settings.worker_max_article_chars
            reason = f"article has {prepared.original_chars} characters, limit {limit}"
            if ctx.settings.worker_oversize_policy == "dead-letter":
                await ctx.dead_letter(
                    event, "extract", "ArticleTooLarge", reason, extra={"chars": prepared.original_chars}
                )
                continue
            log.warning(
                "article_truncated_for_extraction",
                article_id=article["id"],
                topic=event.message.topic,
                partition=event.message.partition,
                offset=event.message.offset,
                reason=reason,
            )
        batch.append((event, prepared))
    if not batch:
        return True
    started = time.perf_counter()
    results: list[Result] = await ctx.run_extract(_extract_batch, ctx.extractor, [p.input for _, p in batch])
    log.info("extracted", articles=len(batch), seconds=round(time.perf_counter() - started, 3))
    for (event, prepared), result in zip(batch, results, strict=True):
        if isinstance(result, BaseException):
            await ctx.dead_letter(event, "extract", type(result).__name__, str(result) or repr(result))
            continue
        await _publish(ctx, event, prepared, result)
        ctx.count("articles.extracted")
    return True


def extraction_agent(ctx: WorkerContext) -> Agent:
    """The agent function: batches of articles, acked once their outputs are on Kafka."""
    return batch_agent(ctx, handle_articles, "extract", ctx.settings.worker_extract_batch_size, 0.5)
