"""Alerter settings (``NEWSMON_*`` environment variables), frozen; secrets are SecretStr."""

from __future__ import annotations

import os
import socket

from pydantic import Field

from newsmon.settings import CommonSettings, ElasticsearchSettings, KafkaSettings, TopicSettings


def _instance_id() -> str:
    return f"{socket.gethostname()}-{os.getpid()}"


class AlerterSettings(KafkaSettings, ElasticsearchSettings, TopicSettings, CommonSettings):
    """Everything ``newsmon alerter`` reads.

    ``NEWSMON_KIBANA_URL`` is the base of the Discover links in messages;
    ``NEWSMON_ALERTER_GROUP`` is the Kafka consumer group shared by all alerter instances.
    """

    kibana_url: str = "http://localhost:5601"
    alerter_group: str = "newsmon-alerter"
    alerter_instance: str = ""  # defaults to host-pid; names the owner of claims
    alerter_offset_reset: str = "earliest"  # a new group starts at the beginning: claims dedupe
    alerter_claim_lease_s: float = 30.0  # a claim not renewed for this long belongs to a dead owner
    alerter_max_attempts: int = 5
    alerter_backoff_base_s: float = 0.5
    alerter_backoff_max_s: float = 30.0
    alerter_retry_after_max_s: float = 120.0  # a longer Retry-After is capped, not trusted blindly
    alerter_http_timeout_s: float = 10.0
    alerter_rate_per_minute: float = 30.0  # per destination; Slack allows about one message a second
    alerter_rate_burst: int = 5
    alerter_reload_interval_s: float = 2.0
    alerter_digest_check_s: float = 5.0
    # retention (newsmon_alerter.retention): finished claims, ended windows and sent digest items
    # older than this are deleted, and audit records too; 0 keeps them for ever
    alerter_claims_retention_days: float = Field(default=45.0, ge=0)
    alerter_audit_retention_days: float = Field(default=90.0, ge=0)
    alerter_prune_interval_s: float = Field(default=3600.0, gt=0)
    # fault injection for the restart tests: exit right after this many deliveries, before the
    # Kafka offset commit (the worst moment for duplicates). 0 = never.
    alerter_crash_after_deliveries: int = 0

    def instance(self) -> str:
        return self.alerter_instance or _instance_id()

    @property
    def alerts_index(self) -> str:
        """The audit index: one document per delivery attempt or decision."""
        return f"{self.es_index_prefix}-alerts"

    @property
    def claims_index(self) -> str:
        """Claims (rule, item) and throttle/digest windows: the cross-instance dedupe state."""
        return f"{self.es_index_prefix}-alert-claims"
