"""The alerter process: consume quotes, meetings and articles; hot-reload rules; commit after acting.

Offsets are committed only after every message of a poll batch was fully handled (claims
finished in Elasticsearch), so a crash replays at most that batch, and the claims turn the
replay into no-ops. All instances share one consumer group: partitions split between them.
"""

from __future__ import annotations

import json
import math
import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

from elasticsearch import ApiError, ConnectionTimeout, Elasticsearch, TransportError
from kafka import KafkaConsumer, KafkaProducer

from newsmon import schemas
from newsmon.errors import ConfigError, SchemaValidationError
from newsmon.logs import get_logger
from newsmon_alerter.rules import Rule, RulesFile, load_rules, rules_path
from newsmon_alerter.service import Alerter
from newsmon_alerter.settings import AlerterSettings
from newsmon_alerter.state import iso, now_utc

log = get_logger(__name__)


class RulesWatcher:
    """Reloads ``rules.yaml`` when it changes; an invalid edit keeps the last good rules."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stamp: tuple[int, int, int] | None = None
        self.rules = RulesFile()
        self.error: str | None = None

    def _stamp(self) -> tuple[int, int, int] | None:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def load_initial(self) -> RulesFile:
        """Start-up: a missing file means no rules (logged); an invalid one raises ConfigError."""
        self.stamp = self._stamp()
        if self.stamp is None:
            log.warning("rules_missing", path=str(self.path))
            return self.rules
        self.rules = load_rules(self.path)
        log.info("rules_loaded", path=str(self.path), rules=[r.name for r in self.rules.rules])
        return self.rules

    def poll(self) -> bool:
        """Reload if the file changed; True when new rules are active."""
        stamp = self._stamp()
        if stamp == self.stamp:
            return False
        self.stamp = stamp
        if stamp is None:
            log.warning("rules_file_removed_keeping_last_good", path=str(self.path))
            return False
        try:
            self.rules = load_rules(self.path)
        except ConfigError as exc:
            self.error = str(exc)
            log.error("rules_invalid_keeping_last_good", path=str(self.path), error=str(exc))
            return False
        self.error = None
        log.info("rules_reloaded", path=str(self.path), rules=[r.name for r in self.rules.rules])
        return True


class DeadLetterProducer:
    """Writes given-up alerts to ``{prefix}.dead-letter.v1`` (stage ``deliver``)."""

    def __init__(self, producer: KafkaProducer, topic: str) -> None:
        self.producer = producer
        self.topic = topic
        self.source: dict[str, Any] = {}

    def __call__(
        self, rule: Rule, item_type: str, item: dict[str, Any], destination: str, reason: str
    ) -> None:
        record = {
            "source_topic": self.source.get("topic") or item_type,
            "partition": self.source.get("partition"),
            "offset": self.source.get("offset"),
            "key": self.source.get("key"),
            "stage": "deliver",
            "error": {
                "type": "DeliveryError",
                "message": reason,
                "rule": rule.name,
                "destination": destination,
            },
            "payload": item,
            "failed_at": iso(now_utc()),
            "service": "alerter",
        }
        self.producer.send(
            self.topic, key=str(item.get("id", "")).encode(), value=schemas.encode("dead-letter.v1", record)
        )
        self.producer.flush(timeout=30)


def run(
    settings: AlerterSettings, stop: threading.Event | None = None, watcher: RulesWatcher | None = None
) -> int:
    """Consume until ``stop`` is set (or SIGTERM/SIGINT); returns the exit code."""
    stop = stop or threading.Event()
    watcher = watcher or RulesWatcher(rules_path(settings.config_dir))
    rules = watcher.load_initial()
    es = Elasticsearch(**settings.client_kwargs())
    producer = KafkaProducer(bootstrap_servers=settings.kafka_bootstrap.split(","), acks="all")
    dlq = DeadLetterProducer(producer, settings.dead_letter)
    alerter = Alerter(settings, rules, es, dead_letter=dlq)
    delay = 0.5
    while True:  # Elasticsearch may still be starting (newsmon run, compose): wait for it
        try:
            alerter.setup()
            break
        except (TransportError, ApiError) as exc:
            if stop.is_set():
                return 1
            log.warning("alerter_waiting_for_elasticsearch", error=str(exc), wait_s=delay)
            stop.wait(delay)
            delay = min(delay * 2, 30.0)
    topics = {settings.quotes: "quotes", settings.meetings: "meetings", settings.articles: "articles"}
    consumer = KafkaConsumer(
        *topics,
        bootstrap_servers=settings.kafka_bootstrap.split(","),
        group_id=settings.alerter_group,
        enable_auto_commit=False,
        auto_offset_reset=settings.alerter_offset_reset,
        client_id=f"newsmon-alerter-{alerter.instance}",
    )
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
    log.info("alerter_started", instance=alerter.instance, group=settings.alerter_group, topics=list(topics))
    crash_after = settings.alerter_crash_after_deliveries
    last_digest = 0.0
    last_prune = -math.inf  # prune once at start, then every interval

    try:
        while not stop.is_set():
            if watcher.poll():
                alerter.rules = watcher.rules
            batches = consumer.poll(timeout_ms=500, max_records=100)
            complete = True
            for tp, records in batches.items():
                item_type = topics[tp.topic]
                for rec in records:
                    dlq.source = {
                        "topic": rec.topic,
                        "partition": rec.partition,
                        "offset": rec.offset,
                        "key": rec.key.decode("utf-8", "replace") if rec.key else None,
                    }
                    if not _handle(alerter, item_type, rec, producer, settings, stop):
                        complete = False  # stopped while waiting for Elasticsearch
                        break
                    if crash_after and alerter.deliveries >= crash_after:
                        # fault injection (tests): die after acting, before the offset commit
                        log.warning("alerter_crash_injected", deliveries=alerter.deliveries)
                        os._exit(17)
                if not complete:
                    break
            if batches and complete:
                # every record of the batch was handled: only now may Kafka forget them
                consumer.commit()
            if time.monotonic() - last_digest > settings.alerter_digest_check_s:
                last_digest = time.monotonic()
                try:
                    alerter.flush_digests()
                except Exception:  # noqa: BLE001 - queued digests stay queued; next round retries
                    log.exception("digest_flush_failed")
            if time.monotonic() - last_prune > settings.alerter_prune_interval_s:
                last_prune = time.monotonic()
                try:
                    if any(report.more for report in alerter.prune()):  # a backlog: go on in a minute
                        last_prune -= settings.alerter_prune_interval_s - 60.0
                except Exception:  # noqa: BLE001 - nothing is lost by pruning later
                    log.exception("alerter_prune_failed")
    finally:
        consumer.close(autocommit=False)
        producer.close(timeout=10)
        alerter.close()
        log.info("alerter_stopped", instance=alerter.instance)
    return 0


def _handle(
    alerter: Alerter,
    item_type: str,
    rec: Any,
    producer: KafkaProducer,
    settings: AlerterSettings,
    stop: threading.Event,
) -> bool:
    """Act on one record; never raises. False only when stopped before the record was handled."""
    schema = f"{item_type}.v1"
    try:
        item = schemas.decode(schema, rec.value)
    except (SchemaValidationError, ValueError, TypeError) as exc:
        # the worker validated on produce; if something else wrote here, keep it for inspection
        _dead_letter(producer, settings, rec, "consume", exc)
        return True
    delay = 0.5
    while True:
        if delay > 0.5 and stop.is_set():
            return False  # stopping while Elasticsearch is away: leave the record uncommitted
        try:
            alerter.handle(item_type, item)
            return True
        except (TransportError, ConnectionTimeout, TimeoutError) as exc:
            # Elasticsearch is away (or a claim is stuck): the claims are our memory, so wait
            # for it rather than deliver unguarded; the offset is not committed meanwhile.
            log.warning("alerter_state_unavailable_retrying", error=str(exc), wait_s=delay, offset=rec.offset)
            stop.wait(delay)
            delay = min(delay * 2, 30.0)
        except ApiError as exc:
            if exc.meta.status >= 500 or exc.meta.status == 429:
                log.warning(
                    "alerter_state_unavailable_retrying", error=str(exc), wait_s=delay, offset=rec.offset
                )
                stop.wait(delay)
                delay = min(delay * 2, 30.0)
                continue
            _dead_letter(producer, settings, rec, "deliver", exc)
            return True
        except Exception as exc:  # noqa: BLE001 - a bug on one item must cost that item, not the service
            log.exception("alerter_item_failed", topic=rec.topic, partition=rec.partition, offset=rec.offset)
            _dead_letter(producer, settings, rec, "deliver", exc)
            return True


def _dead_letter(
    producer: KafkaProducer, settings: AlerterSettings, rec: Any, stage: str, exc: Exception
) -> None:
    log.error(
        "alerter_dead_letter",
        stage=stage,
        topic=rec.topic,
        partition=rec.partition,
        offset=rec.offset,
        error=str(exc),
    )
    record = {
        "source_topic": rec.topic,
        "partition": rec.partition,
        "offset": rec.offset,
        "key": rec.key.decode("utf-8", "replace") if rec.key else None,
        "stage": stage,
        "error": {"type": type(exc).__name__, "message": str(exc)[:2000]},
        "payload": _payload(rec.value),
        "failed_at": iso(now_utc()),
        "service": "alerter",
    }
    producer.send(settings.dead_letter, value=schemas.encode("dead-letter.v1", record))
    producer.flush(timeout=30)


def _payload(raw: bytes | None) -> Any:
    if raw is None:
        return None
    text = raw.decode("utf-8", "replace")
    try:
        value = json.loads(text)
    except ValueError:
        return text[:10000]
    return value if isinstance(value, dict) else text[:10000]
