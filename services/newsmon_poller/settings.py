"""Poller settings: ``NEWSMON_POLLER_*`` and ``NEWSMON_STATE_DIR`` (plus the shared Kafka/topic ones)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from newsmon.settings import CommonSettings, KafkaSettings, TopicSettings


class PollerSettings(KafkaSettings, TopicSettings, CommonSettings):
    """Everything ``newsmon poller`` reads. Frozen. State: ``state_dir`` / poller.sqlite3."""

    # feeds.yaml; default: $NEWSMON_CONFIG_DIR/feeds.yaml
    poller_feeds_file: Path | None = None
    poller_timeout_s: float = Field(default=20.0, gt=0)
    poller_connect_timeout_s: float = Field(default=5.0, gt=0)
    # Responses larger than this are refused (a feed is a few hundred kB; this stops a runaway body).
    poller_max_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    # Exponential backoff for failing feeds: first delay, cap (seconds).
    poller_backoff_initial_s: float = Field(default=30.0, gt=0)
    poller_backoff_max_s: float = Field(default=3600.0, gt=0)
    # A server's Retry-After longer than this is capped, so one feed cannot silence itself for days.
    poller_retry_after_max_s: float = Field(default=6 * 3600.0, gt=0)
    poller_user_agent: str = "newsmon-poller/0.1 (+https://github.com/newsmon)"
    # Feeds fetched at once, and at most this many of them from one host (politeness).
    poller_concurrency: int = Field(default=8, ge=1, le=64)
    poller_per_host: int = Field(default=2, ge=1)
    # How long to wait for Kafka to acknowledge one article before giving up on the poll.
    poller_produce_timeout_s: float = Field(default=30.0, gt=0)

    @property
    def feeds_file(self) -> Path:
        return self.poller_feeds_file or self.config_dir / "feeds.yaml"

    @property
    def state_file(self) -> Path:
        return self.state_dir / "poller.sqlite3"
