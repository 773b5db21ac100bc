"""The loop every agent runs: take a batch, handle it, ack it only when its outcome is durable.

A handler deals with bad input itself (dead-letter topic). Anything else it raises (a bug, Kafka
refusing the dead-letter record, ...) is retried with backoff: the handlers are idempotent
(deterministic ids), so a retry repeats nothing harmful. After ``MAX_ATTEMPTS`` the batch's
messages are dead-lettered with the error instead, so one poisoned batch cannot stall a
partition forever, and the agent itself never dies.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from newsmon.logs import get_logger
from newsmon_worker.app import WorkerContext
from newsmon_worker.dlq import Stage

log = get_logger(__name__)

MAX_ATTEMPTS = 5
Handler = Callable[[WorkerContext, list[Any]], Awaitable[bool]]
Agent = Callable[[Any], Coroutine[Any, Any, None]]


def _where(events: list[Any]) -> dict[str, Any]:
    first = events[0].message
    return {"topic": first.topic, "partition": first.partition, "offset": first.offset, "size": len(events)}


async def _dead_letter_all(ctx: WorkerContext, events: list[Any], stage: Stage, exc: BaseException) -> bool:
    try:
        for event in events:
            message = f"batch failed {MAX_ATTEMPTS} times: {type(exc).__name__}: {exc}"
            await ctx.dead_letter(event, stage, type(exc).__name__, message)
    except Exception:  # noqa: BLE001 - Kafka itself is failing: keep the batch and retry later
        log.exception("dead_letter_failed", **_where(events))
        return False
    return True


async def handle_until_done(ctx: WorkerContext, events: list[Any], handler: Handler, stage: Stage) -> bool:
    """Run ``handler`` on ``events`` until it succeeds; False means "stopping: do not ack"."""
    attempt = 0
    while True:
        try:
            return await handler(ctx, events)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - the agent must survive anything
            if ctx.stop.is_set():
                return False
            attempt += 1
            log.exception("batch_failed", attempt=attempt, **_where(events))
            if attempt >= MAX_ATTEMPTS and await _dead_letter_all(ctx, events, stage, exc):
                return True
        delay = min(ctx.settings.worker_retry_max, ctx.settings.worker_retry_initial * 2**attempt)
        await asyncio.sleep(delay)


def batch_agent(ctx: WorkerContext, handler: Handler, stage: Stage, size: int, within: float) -> Agent:
    """A Faust agent function running ``handler`` over batches of up to ``size`` events."""

    async def agent(stream: Any) -> None:
        async for batch in stream.noack_take(size, within=within):
            events = list(batch)
            if not await handle_until_done(ctx, events, handler, stage):
                return  # shutting down: unacked events are consumed again after the restart
            for event in events:
                await stream.ack(event)

    return agent
