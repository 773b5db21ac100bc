"""The extraction handler's input checks: invalid and oversized articles go to the dead-letter topic.

These paths end before the extractor runs, so a context without a model is enough; the
extraction itself is covered through a real worker in tests/integration/test_worker_pipeline.py.
"""

from __future__ import annotations

import asyncio
import json
import threading
from types import SimpleNamespace
from typing import Any

from newsmon.settings import REPO_ROOT
from newsmon_worker.agents.extraction import handle_articles

ARTICLE = json.loads((REPO_ROOT / "schemas/examples/articles.v1/rss-guid.json").read_text())


class Ctx:
    def __init__(self, policy: str) -> None:
        self.settings = SimpleNamespace(worker_max_article_chars=1000, worker_oversize_policy=policy)
        self.extractor = object()  # never reached on these paths
        self.stop = threading.Event()
        self.dead: list[dict[str, Any]] = []

    async def dead_letter(self, event: Any, stage: str, error_type: str, message: str, **kw: Any) -> None:
        self.dead.append(
            {"offset": event.message.offset, "stage": stage, "type": error_type, "message": message} | kw
        )


def event(offset: int, value: bytes) -> Any:
    return SimpleNamespace(
        message=SimpleNamespace(topic="t.articles.v1", partition=0, offset=offset, value=value)
    )


def test_invalid_and_oversized_articles_are_dead_lettered_with_reasons() -> None:
    ctx = Ctx("dead-letter")
    big = ARTICLE | {"body": "Harbour news. " * 200}
    events = [
        event(0, b"{broken"),
        event(1, json.dumps({"id": "a-1"}).encode()),
        event(2, json.dumps(big).encode()),
    ]
    assert asyncio.run(handle_articles(ctx, events)) is True  # type: ignore[arg-type]
    assert [(d["offset"], d["stage"], d["type"]) for d in ctx.dead] == [
        (0, "consume", "SchemaValidationError"),
        (1, "consume", "SchemaValidationError"),
        (2, "extract", "ArticleTooLarge"),
    ]
    assert "not JSON" in ctx.dead[0]["message"]
    assert "limit 1000" in ctx.dead[2]["message"] and ctx.dead[2]["extra"] == {"chars": len(big["body"])}
