"""Worker settings: ``NEWSMON_WORKER_*`` environment variables (plus the shared Kafka/ES/topic ones)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from newsmon.settings import CommonSettings, ElasticsearchSettings, KafkaSettings, TopicSettings


class WorkerSettings(KafkaSettings, ElasticsearchSettings, TopicSettings, CommonSettings):
    """Everything ``newsmon worker`` reads. Frozen; secrets are masked by ``safe_dump()``."""

    # Faust app id = Kafka consumer group: workers sharing it split the partitions between them.
    worker_app_id: str = "newsmon-worker"
    # Faust's web server is off by default so several workers run on one machine; set a port to
    # get its /health endpoints.
    worker_web_port: int | None = None
    worker_partitions: int = Field(default=3, ge=1)
    # Indexing batches: up to this many messages, or whatever arrived within the window.
    worker_batch_size: int = Field(default=200, ge=1)
    worker_batch_seconds: float = Field(default=1.0, gt=0)
    # Extraction batches (spaCy nlp.pipe) are smaller: one article takes tens of milliseconds.
    worker_extract_batch_size: int = Field(default=8, ge=1)
    # Articles longer than this are cut for extraction (and flagged), or dead-lettered.
    worker_max_article_chars: int = Field(default=200_000, ge=1000)
    worker_oversize_policy: Literal["truncate", "dead-letter"] = "truncate"
    # Mentions kept in full on one meeting document (every article is still counted and listed).
    worker_meeting_max_mentions: int = Field(default=500, ge=1)
    # Exponential backoff while Elasticsearch is unavailable: initial and maximum delay (s).
    worker_retry_initial: float = Field(default=0.5, gt=0)
    worker_retry_max: float = Field(default=30.0, gt=0)
    worker_install_templates: bool = True
    # How long start-up waits for Kafka before giving up with a clear error (seconds).
    worker_startup_timeout: float = Field(default=120.0, gt=0)
    # What to consume: "all" agents, or a comma list of extract,articles,quotes,meetings.
    worker_agents: str = "all"
    worker_offset_reset: Literal["earliest", "latest"] = "earliest"
