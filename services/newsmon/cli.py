"""The `newsmon` command: one entry point, subcommands implemented in their own modules.

Each subcommand is a ``main(argv: list[str]) -> int`` function imported lazily, so that
``newsmon stack status`` does not pay for loading spaCy or Faust.
"""

from __future__ import annotations

import importlib
import sys

# name -> ("module:function", one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "stack": ("newsmon.stack:main", "start, stop and inspect the local Kafka and Elasticsearch"),
    "poller": ("newsmon_poller.cli:main", "poll the feeds in feeds.yaml and produce articles to Kafka"),
    "worker": ("newsmon_worker.cli:main", "Faust worker: extract quotes and meetings, index everything"),
    "alerter": ("newsmon_alerter.cli:main", "match rules in the stream and deliver chat alerts"),
    "run": ("newsmon.runner:main", "run poller, worker and alerter together on one machine"),
    "extract": ("newsmon.extract.cli:main", "extract quotes and meetings from a file or JSON lines"),
    "eval": ("newsmon.extract.evaluate:main", "score extraction on the annotated corpora"),
    "bench": ("newsmon.extract.bench:main", "benchmark extraction against bare spaCy parsing"),
    "demo": ("newsmon.demo:main", "run the whole pipeline on the bundled sample feeds"),
    "rules": ("newsmon_alerter.rules_cli:main", "validate and test alert rules"),
    "alerts": (
        "newsmon_alerter.alerts_cli:main",
        "list alert deliveries; prune old claims",
    ),
    "search": ("newsmon.search:main", "search quotes, meetings or articles with KQL"),
    "setup": ("newsmon.kibana:main", "install index templates and Kibana saved objects"),
}


def _usage() -> str:
    width = max(len(n) for n in COMMANDS)
    lines = ["usage: newsmon COMMAND [ARGS...]", "", "commands:"]
    lines += [f"  {name.ljust(width)}  {help_}" for name, (_, help_) in COMMANDS.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        print(_usage())
        return 0
    name, rest = args[0], args[1:]
    if name not in COMMANDS:
        print(f"newsmon: unknown command {name!r}\n\n{_usage()}", file=sys.stderr)
        return 2
    target, _ = COMMANDS[name]
    module_name, func_name = target.split(":")
    func = getattr(importlib.import_module(module_name), func_name)
    return int(func(rest) or 0)


if __name__ == "__main__":
    sys.exit(main())
