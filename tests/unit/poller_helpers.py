"""Shared by the poller's unit tests: RSS bodies, an in-memory sink and a poller on a local server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsmon import schemas
from newsmon.feeds_config import FeedConfig, FeedsFile
from newsmon.feedserver import FeedServer
from newsmon_poller.poller import Poller
from newsmon_poller.settings import PollerSettings
from newsmon_poller.state import StateStore

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test Wire</title><link>https://wire.example/</link><language>en</language>
{items}
</channel></rss>"""

ITEM = """<item><title>{title}</title><link>https://wire.example/{slug}?utm_source=rss</link>
<guid isPermaLink="false">wire-{slug}</guid><pubDate>Tue, 11 Jan 2022 10:00:00 GMT</pubDate>
<description>"We will talk," said {speaker}.</description></item>"""


def rss(*slugs: str) -> bytes:
    items = "\n".join(ITEM.format(title=f"Story {s}", slug=s, speaker=f"Speaker {s}") for s in slugs)
    return RSS.format(items=items).encode("utf-8")


class MemorySink:
    """Acknowledges every article (after validating it like the Kafka sink does)."""

    topic = "test.articles.v1"

    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []

    def send_all(self, articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for article in articles:
            schemas.validate("articles.v1", article)
        self.sent.extend(articles)
        return articles

    def close(self) -> None:
        pass


OPEN: list[Poller] = []


def close_pollers() -> None:
    """Close every poller :func:`make_poller` opened (call from an autouse fixture)."""
    while OPEN:
        poller = OPEN.pop()
        poller.close()
        poller.store.close()


def make_poller(
    tmp_path: Path, server: FeedServer, *paths: str, **overrides: Any
) -> tuple[Poller, MemorySink]:
    settings = PollerSettings(
        state_dir=tmp_path / "state",
        poller_timeout_s=overrides.pop("timeout", 2.0),
        poller_max_bytes=overrides.pop("max_bytes", 1024 * 1024),
        poller_backoff_initial_s=30.0,
        **overrides,
    )
    feeds = FeedsFile(
        feeds=[
            FeedConfig(name=p.strip("/").replace(".", "-"), url=server.url(p), interval="1m") for p in paths
        ]
    )
    sink = MemorySink()
    poller = Poller(settings, feeds, StateStore(settings.state_file), sink)
    OPEN.append(poller)
    return poller, sink
