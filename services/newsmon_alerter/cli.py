"""``newsmon alerter``: match rules in the stream and deliver chat alerts."""

from __future__ import annotations

import argparse
import sys

from newsmon import logs
from newsmon.errors import ConfigError
from newsmon_alerter.settings import AlerterSettings


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="newsmon alerter",
        description="Consume quotes, meetings and articles from Kafka, match the rules in "
        "rules.yaml (NEWSMON_CONFIG_DIR) and deliver alerts. Several instances may run at once.",
    )
    parser.add_argument("--group", help="Kafka consumer group (default NEWSMON_ALERTER_GROUP)")
    args = parser.parse_args(argv)
    try:
        overrides = {"alerter_group": args.group} if args.group else {}
        settings = AlerterSettings(**overrides)
    except ValueError as exc:
        print(f"newsmon alerter: invalid settings: {exc}", file=sys.stderr)
        return 2
    logs.configure(settings.log_format, settings.log_level)
    logs.get_logger(__name__).info("alerter_settings", **settings.safe_dump())
    from newsmon_alerter.consumer import run  # kafka and ES clients only when actually running

    try:
        return run(settings)
    except ConfigError as exc:
        print(f"newsmon alerter: {exc}", file=sys.stderr)
        return 2
