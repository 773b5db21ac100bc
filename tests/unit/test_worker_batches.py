"""The agents' batch loop: retried on unexpected errors, dead-lettered after too many, never dies."""

from __future__ import annotations

import asyncio
import threading
from types import SimpleNamespace
from typing import Any

from newsmon_worker.agents.batches import MAX_ATTEMPTS, handle_until_done


class Ctx:
    """Just what the loop uses from WorkerContext: settings, stop, dead_letter."""

    def __init__(self) -> None:
        self.settings = SimpleNamespace(worker_retry_initial=0.001, worker_retry_max=0.01)
        self.stop = threading.Event()
        self.dead: list[tuple[Any, str, str]] = []

    async def dead_letter(self, event: Any, stage: str, error_type: str, message: str) -> None:
        self.dead.append((event, stage, error_type))


def event(offset: int) -> Any:
    return SimpleNamespace(message=SimpleNamespace(topic="t", partition=0, offset=offset))


def test_transient_failure_is_retried_until_it_succeeds() -> None:
    ctx, calls = Ctx(), []

    async def handler(_: Any, events: list[Any]) -> bool:
        calls.append(len(events))
        if len(calls) < 3:
            raise ConnectionError("Kafka hiccup")
        return True

    assert asyncio.run(handle_until_done(ctx, [event(0), event(1)], handler, "index")) is True  # type: ignore[arg-type]
    assert calls == [2, 2, 2] and ctx.dead == []


def test_poisoned_batch_is_dead_lettered_after_max_attempts() -> None:
    ctx, calls = Ctx(), []

    async def handler(_: Any, events: list[Any]) -> bool:
        calls.append(1)
        raise KeyError("bug on this data")

    events = [event(5), event(6)]
    assert asyncio.run(handle_until_done(ctx, events, handler, "extract")) is True  # type: ignore[arg-type]
    assert len(calls) == MAX_ATTEMPTS
    assert ctx.dead == [(events[0], "extract", "KeyError"), (events[1], "extract", "KeyError")]


def test_stopping_leaves_the_batch_unacked() -> None:
    ctx = Ctx()
    ctx.stop.set()

    async def handler(_: Any, events: list[Any]) -> bool:
        raise RuntimeError("interrupted")

    assert asyncio.run(handle_until_done(ctx, [event(0)], handler, "index")) is False  # type: ignore[arg-type]
    assert ctx.dead == []
