"""``newsmon worker``: install the index templates, load the extractor once, run the Faust worker."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Callable
from typing import Any

from newsmon.errors import ConfigError, NewsmonError
from newsmon.logs import configure, get_logger

log = get_logger(__name__)


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="newsmon worker",
        description="Faust worker: extract quotes and meetings from articles and index everything "
        "in Elasticsearch. Configured by NEWSMON_* environment variables (see README.md).",
    )
    parser.add_argument("--loglevel", default=None, help="Faust/mode log level (default: NEWSMON_LOG_LEVEL)")
    parser.add_argument(
        "--agents",
        default=None,
        help="comma list of extract,articles,quotes,meetings (default: NEWSMON_WORKER_AGENTS or all)",
    )
    return parser.parse_args(argv)


def _install_templates(settings: object) -> None:
    """Install templates, waiting with backoff while Elasticsearch is not reachable yet."""
    from newsmon.es import Backoff, BulkWriter, ensure_templates, make_client
    from newsmon_worker.settings import WorkerSettings

    assert isinstance(settings, WorkerSettings)
    es = make_client(settings)
    writer = BulkWriter(es, Backoff(settings.worker_retry_initial, 2.0, settings.worker_retry_max))
    writer.call("ensure_templates", lambda: ensure_templates(es, settings))


def _wait_for_kafka(settings: object, ensure: Callable[[Any], list[str]]) -> list[str]:
    """``ensure(settings)``, retried while Kafka is not reachable yet (compose starts us early)."""
    from kafka.errors import KafkaError

    from newsmon_worker.settings import WorkerSettings

    assert isinstance(settings, WorkerSettings)
    deadline = time.monotonic() + settings.worker_startup_timeout
    delay = settings.worker_retry_initial
    while True:
        try:
            return ensure(settings)
        except KafkaError as exc:
            if time.monotonic() + delay > deadline:
                raise
            log.warning("kafka_unavailable_retrying", error=str(exc), delay_s=delay)
            time.sleep(delay)
            delay = min(delay * 2, settings.worker_retry_max)


def main(argv: list[str]) -> int:
    """Run the worker until SIGINT/SIGTERM; returns the process exit code."""
    args = _parse(argv)
    from pydantic import ValidationError

    from newsmon_worker.settings import WorkerSettings

    overrides = {"worker_agents": args.agents} if args.agents else {}
    try:
        settings = WorkerSettings(**overrides)
    except ValidationError as exc:
        print(f"newsmon worker: invalid settings:\n{exc}", file=sys.stderr)
        return 2
    configure(settings.log_format, settings.log_level)
    # One line per HTTP request to Elasticsearch drowns the worker's own logs.
    logging.getLogger("elastic_transport").setLevel(logging.WARNING)
    log.info("worker_starting", settings=settings.safe_dump())

    from kafka.errors import KafkaError

    try:
        import faust

        from newsmon_worker.app import build_app, enabled_agents
        from newsmon_worker.topics import ensure_kafka_topics

        agents = enabled_agents(settings)
        created = _wait_for_kafka(settings, ensure_kafka_topics)
        if created:
            log.info("kafka_topics_created", topics=created, partitions=settings.worker_partitions)
        if settings.worker_install_templates and agents & {"articles", "quotes", "meetings"}:
            _install_templates(settings)
        extractor = None
        if "extract" in agents:
            from newsmon.extract import Extractor

            started = time.perf_counter()
            extractor = Extractor(settings.spacy_model)  # once per process: the model takes seconds
            # The first extraction loads lexicons and the gazetteer lazily; pay that before joining
            # the group, not on the first article.
            extractor.extract("Officials said the ministers met in Geneva on Monday.", title="warm-up")
            log.info("extractor_ready", seconds=round(time.perf_counter() - started, 2))
        app, _ctx = build_app(settings, extractor)
    except ConfigError as exc:
        print(f"newsmon worker: {exc}", file=sys.stderr)
        return 2
    except (NewsmonError, OSError, KafkaError) as exc:
        print(f"newsmon worker: cannot start: {exc}", file=sys.stderr)
        return 1

    # redirect_stdouts=False: mode would wrap our structlog JSON lines on stderr in its own format.
    worker = faust.Worker(
        app, loglevel=(args.loglevel or settings.log_level).upper(), quiet=True, redirect_stdouts=False
    )
    try:
        worker.execute_from_commandline()
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0
