"""Latency from feed item served to webhook received, through the real pipeline.

``python -m newsmon_alerter.bench --items 60`` serves an RSS feed on loopback, runs the
poller, the worker and the alerter as real processes against the stack's Kafka and
Elasticsearch (unique topic and index prefix), publishes items in waves and measures, per
item, ``webhook received - first time the feed response containing the item was served``.
Prints median, p95 and max as JSON. :class:`Pipeline` is reused by the end-to-end test.
"""

from __future__ import annotations

import argparse
import email.utils
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from newsmon.feedserver import RSS_TYPE, FeedServer, Response
from newsmon_alerter.receiver import Receiver

SPEAKERS = [
    ("Deputy Foreign Minister", "Sergei Ryabkov"),
    ("Deputy Secretary of State", "Wendy Sherman"),
    ("NATO Secretary-General", "Jens Stoltenberg"),
]


def article(i: int) -> dict[str, str]:
    """A short wire story with one attributable quote (unique text, so no content dedupe)."""
    title, name = SPEAKERS[i % len(SPEAKERS)]
    body = (
        f'GENEVA (Reuters) - Officials met again on Tuesday. "We need legally binding guarantees on '
        f'point {i} of the list," {title} {name} told reporters after the meeting.\n\n'
        "The talks will continue next week."
    )
    return {
        "guid": f"bench-{i}",
        "link": f"https://news.example.org/story/{i}",
        "title": f"Talks, day {i}",
        "body": body,
    }


def rss(items: list[dict[str, str]]) -> bytes:
    now = email.utils.formatdate(time.time(), usegmt=True)
    entries = "".join(
        f"<item><title>{escape(it['title'])}</title><link>{escape(it['link'])}</link>"
        f'<guid isPermaLink="false">{escape(it["guid"])}</guid><pubDate>{now}</pubDate>'
        f"<description>{escape(it['body'])}</description></item>"
        for it in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>bench</title>'
        f"<link>https://news.example.org/</link><description>bench</description>{entries}</channel></rss>"
    ).encode()


class Feed:
    """A feed whose items can be added while it is polled; remembers when each was first served."""

    def __init__(self, server: FeedServer, path: str = "/rss.xml") -> None:
        self.items: list[dict[str, str]] = []
        self.first_served: dict[str, float] = {}
        self.lock = threading.Lock()
        self.url = server.url(path)
        server.set_route(path, self._route)

    def add(self, *items: dict[str, str]) -> None:
        with self.lock:
            self.items.extend(items)

    def _route(self, request: dict[str, str]) -> Response:
        with self.lock:
            body = rss(self.items)
            now = time.time()
            for it in self.items:
                self.first_served.setdefault(it["link"], now)
        return Response(200, body, {"Content-Type": RSS_TYPE})


RULES = """\
rules:
  - name: bench-guarantees
    on: quotes
    query: 'text:guarantees'
    notify: [hook]
destinations:
  hook:
    type: webhook
    url: {url}
    secret: bench-secret
    rate_per_minute: 6000   # measure the pipeline, not the rate limiter
"""


class Pipeline:
    """Poller, worker and alerter processes with a unique topic/index prefix and config dir."""

    def __init__(self, feed_url: str, hook_url: str, workdir: Path, prefix: str | None = None) -> None:
        self.prefix = prefix or f"alertbench-{uuid.uuid4().hex[:8]}"
        self.dir = workdir
        (workdir / "feeds.yaml").write_text(
            f"feeds:\n  - name: bench\n    url: {feed_url}\n    interval: 1s\n"
        )
        (workdir / "rules.yaml").write_text(RULES.format(url=hook_url))
        self.env = {
            **os.environ,
            "NEWSMON_CONFIG_DIR": str(workdir),
            "NEWSMON_STATE_DIR": str(workdir / "state"),
            "NEWSMON_TOPIC_PREFIX": self.prefix,
            "NEWSMON_ES_INDEX_PREFIX": self.prefix,
            "NEWSMON_WORKER_APP_ID": f"{self.prefix}-worker",
            "NEWSMON_WORKER_BATCH_SECONDS": "0.2",
            "NEWSMON_ALERTER_GROUP": f"{self.prefix}-alerter",
            "NEWSMON_LOG_FORMAT": "json",
        }
        self.procs: dict[str, subprocess.Popen[bytes]] = {}
        self.logs: list[IO[bytes]] = []

    def start(self, name: str, log_name: str | None = None, **env: str) -> subprocess.Popen[bytes]:
        log = open(self.dir / f"{log_name or name}.log", "ab")  # noqa: SIM115 - closed in stop()
        self.logs.append(log)
        proc = subprocess.Popen(
            [sys.executable, "-m", "newsmon.cli", name],
            env={**self.env, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.procs[log_name or name] = proc
        return proc

    def wait_log(self, name: str, text: str, timeout_s: float) -> None:
        """Wait until process ``name`` logged ``text`` (e.g. the worker's "Worker ready")."""
        deadline = time.monotonic() + timeout_s
        while text not in self.log_text(name):
            if self.procs[name].poll() is not None:
                raise RuntimeError(
                    f"{name} exited with {self.procs[name].returncode}; see {self.dir}/{name}.log"
                )
            if time.monotonic() > deadline:
                raise TimeoutError(f"{name} did not log {text!r} within {timeout_s}s")
            time.sleep(0.2)

    def start_worker(self, timeout_s: float = 180.0) -> None:
        """The worker first: it creates the topics with their partition counts."""
        agents = os.environ.get("NEWSMON_BENCH_WORKER_AGENTS", "all")  # all = the default worker
        self.start("worker", NEWSMON_WORKER_AGENTS=agents)
        self.wait_log("worker", "Worker ready", timeout_s)

    def stop(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.terminate()
        for proc in self.procs.values():
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        for log in self.logs:
            log.close()

    def log_text(self, name: str) -> str:
        return (self.dir / f"{name}.log").read_text(errors="replace")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[k]


def measure(
    n_items: int, wave: int, gap_s: float, timeout_s: float, workdir: Path | None = None
) -> dict[str, Any]:
    with FeedServer() as server, Receiver() as rx, tempfile.TemporaryDirectory() as tmp:
        feed = Feed(server)
        wd = workdir or Path(tmp)
        wd.mkdir(parents=True, exist_ok=True)
        pipe = Pipeline(feed.url, rx.url("/hook"), wd)
        try:
            pipe.start_worker()
            pipe.start("poller")
            pipe.start("alerter")
            feed.add(article(0))  # warm-up: model loaded, consumers assigned
            rx.wait_for("/hook", 1, timeout=timeout_s)
            t0 = time.time()
            for start in range(1, n_items + 1, wave):
                feed.add(*(article(i) for i in range(start, min(start + wave, n_items + 1))))
                time.sleep(gap_s)
            got = rx.wait_for("/hook", n_items + 1, timeout=timeout_s)
        finally:
            pipe.stop()
    latencies = []
    for r in got:
        link = r.json()["items"][0]["item"]["url"]
        if link != article(0)["link"]:
            latencies.append(r.at - feed.first_served[link])
    links = [r.json()["items"][0]["item"]["url"] for r in got]
    return {
        "items": len(latencies),
        "duplicates": len(links) - len(set(links)),
        "median_s": round(statistics.median(latencies), 3),
        "p95_s": round(percentile(latencies, 0.95), 3),
        "max_s": round(max(latencies), 3),
        "min_s": round(min(latencies), 3),
        "publish_span_s": round(time.time() - t0, 1),
        "poll_interval_s": 1.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--items", type=int, default=60)
    parser.add_argument("--wave", type=int, default=3, help="items added to the feed at a time")
    parser.add_argument("--gap", type=float, default=2.0, help="seconds between waves")
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--workdir", type=Path, help="keep config and process logs here")
    args = parser.parse_args(argv)
    # SIGTERM unwinds like Ctrl-C, so the finally blocks stop the child processes
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    print(json.dumps(measure(args.items, args.wave, args.gap, args.timeout, args.workdir)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
