"""``newsmon poller [--once] [--feeds FILE]``: poll feeds.yaml and produce articles to Kafka."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from newsmon.errors import NewsmonError
from newsmon.feeds_config import load_feeds
from newsmon.logs import configure, get_logger
from newsmon_poller.settings import PollerSettings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsmon poller", description=__doc__)
    parser.add_argument("--once", action="store_true", help="poll every enabled feed once, then exit")
    parser.add_argument("--feeds", type=Path, help="feeds.yaml (default: $NEWSMON_CONFIG_DIR/feeds.yaml)")
    parser.add_argument("--check", action="store_true", help="validate feeds.yaml and exit")
    return parser


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = PollerSettings()
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        print(f"newsmon poller: invalid settings: {exc}", file=sys.stderr)
        return 2
    configure(settings.log_format, settings.log_level)
    # kafka-python and httpx log every connection at INFO; our own events say what matters
    for noisy in ("kafka", "httpx"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLogger().level))
    # imported only now: module-level loggers bound before configure() would ignore the level
    from newsmon.topics import ensure_topic
    from newsmon_poller.poller import Poller
    from newsmon_poller.producer import ARTICLE_SCHEMA, KafkaArticleSink
    from newsmon_poller.state import StateStore

    log = get_logger("newsmon_poller.cli")
    try:
        feeds = load_feeds(args.feeds or settings.feeds_file)
    except NewsmonError as exc:
        log.error("config_invalid", error=str(exc))
        print(f"newsmon poller: {exc}", file=sys.stderr)
        return 2
    if args.check:
        print(f"{args.feeds or settings.feeds_file}: {len(feeds.feeds)} feeds, {len(feeds.enabled)} enabled")
        return 0
    log.info("poller_starting", once=args.once, feeds=len(feeds.enabled), **settings.safe_dump())

    stop = threading.Event()

    def _stop(signum: int, _frame: FrameType | None) -> None:
        log.info("poller_stopping", signal=signal.Signals(signum).name)
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    try:
        store = StateStore(settings.state_file)
        ensure_topic(settings.kafka_bootstrap, settings.articles, ARTICLE_SCHEMA)
        sink = KafkaArticleSink(
            settings.kafka_bootstrap,
            settings.articles,
            timeout_s=settings.poller_produce_timeout_s,
            max_bytes=settings.poller_max_bytes,
        )
    except Exception as exc:
        # a broker that is down at start-up is a clear, fatal error, not a traceback
        log.error("poller_start_failed", error=f"{type(exc).__name__}: {exc}")
        print(f"newsmon poller: cannot start: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    poller = Poller(settings, feeds, store, sink)
    try:
        if args.once:
            outcomes = poller.run_once()
            failed = [o for o in outcomes if o.status == "error"]
            log.info(
                "poll_once_done",
                feeds=len(outcomes),
                new=sum(o.new for o in outcomes),
                failed=[f"{o.feed}: {o.reason}" for o in failed],
            )
        else:
            poller.run_forever(stop)
    finally:
        poller.close()
        sink.close()
        store.close()
    log.info("poller_stopped")
    return 0
