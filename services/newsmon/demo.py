"""``newsmon demo``: the whole pipeline on the bundled sample feeds, on this machine.

1. serves ``config/samples/*.xml`` from a local HTTP server (an RSS 2.0 and an Atom feed);
2. starts a local webhook sink for the alerter (records alerts to ``alerts.jsonl``);
3. writes a demo config dir (feeds.yaml pointing at the local server, the repo's rules.yaml);
4. runs ``newsmon worker``, ``newsmon alerter`` (if installed) and ``newsmon poller --once`` as
   child processes with topic prefix ``newsmon-demo-<run id>`` and index prefix ``newsmon-demo``;
5. waits until every sample article is searchable, then until quotes and meetings settle, prints
   them and the alerts received, stops the processes and leaves the data in Elasticsearch.

Assumes ``newsmon stack up`` ran (``make demo`` does both). Re-running is safe: article, quote and
meeting ids are deterministic, so documents are overwritten, not duplicated; alerts already
delivered by an earlier run are not sent again (the alerter's claims).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import logging
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import feedparser

from newsmon.feeds_config import FeedConfig
from newsmon.feedserver import ATOM_TYPE, RSS_TYPE, FeedServer
from newsmon.logs import configure
from newsmon.settings import REPO_ROOT, CommonSettings, ElasticsearchSettings, KafkaSettings

SAMPLES = REPO_ROOT / "config" / "samples"
FEEDS = {  # feed name -> (sample file, content type)
    "harbour-gazette": ("harbour-gazette.rss.xml", RSS_TYPE),
    "capital-wire": ("capital-wire.atom.xml", ATOM_TYPE),
}
INDEX_PREFIX = "newsmon-demo"
SERVE_PORT = 8766  # the sample feeds' port in config/feeds.yaml


def serve(port: int) -> int:
    """Serve the sample feeds on loopback until interrupted (for ``newsmon run`` on defaults)."""
    with FeedServer(port=port) as server:
        for filename, content_type in FEEDS.values():
            server.set_feed(f"/{filename}", (SAMPLES / filename).read_bytes(), content_type)
            print(f"serving {server.url('/' + filename)}", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
    return 0


def expected_ids(server: FeedServer) -> list[str]:
    """The article ids the poller will produce for the samples (same code path, so same ids)."""
    from newsmon_poller.articles import to_article

    ids = []
    for name, (filename, _) in FEEDS.items():
        parsed = feedparser.parse(io.BytesIO((SAMPLES / filename).read_bytes()))
        feed = FeedConfig(name=name, url=server.url(f"/{filename}"))
        for entry in parsed.entries:
            article = to_article(entry, feed, parsed.feed, dt.datetime.now(dt.UTC))
            if article is not None:
                ids.append(article["id"])
    return ids


def write_config(config_dir: Path, server: FeedServer) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    lines = ["# written by `newsmon demo`", "feeds:"]
    for name, (filename, _) in FEEDS.items():
        lines += [f"  - name: {name}", f"    url: {server.url('/' + filename)}", "    interval: 30s"]
    (config_dir / "feeds.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rules = REPO_ROOT / "config" / "rules.yaml"
    if rules.is_file():
        (config_dir / "rules.yaml").write_text(rules.read_text(encoding="utf-8"), encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="newsmon demo", description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for indexing")
    parser.add_argument("--workdir", type=Path, help="where config, state, logs and alerts.jsonl go")
    parser.add_argument("--no-alerter", action="store_true", help="do not run the alerter")
    parser.add_argument(
        "--serve",
        type=int,
        nargs="?",
        const=SERVE_PORT,
        metavar="PORT",
        help=f"only serve the sample feeds (default port {SERVE_PORT}, as in config/feeds.yaml) until Ctrl-C",
    )
    args = parser.parse_args(argv)
    if args.serve is not None:
        return serve(args.serve)
    common = CommonSettings()
    configure(common.log_format, common.log_level)
    # one line per Elasticsearch request would bury the report
    logging.getLogger("elastic_transport").setLevel(logging.WARNING)

    from elasticsearch import Elasticsearch

    from newsmon.demo_report import articles, meetings, quotes, render, wait_for
    from newsmon.es import IndexNames
    from newsmon.processes import Supervisor, newsmon_argv
    from newsmon.runner import available_services

    run_id = time.strftime("%Y%m%d%H%M%S")
    since = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="newsmon-demo-"))
    workdir.mkdir(parents=True, exist_ok=True)
    with_alerter = "alerter" in available_services() and not args.no_alerter
    es = Elasticsearch(**ElasticsearchSettings().client_kwargs())
    names = IndexNames(INDEX_PREFIX)
    print(f"newsmon demo: run {run_id}, work dir {workdir}", flush=True)

    with FeedServer() as server, _Sink(workdir / "alerts.jsonl", enabled=with_alerter) as sink:
        for filename, content_type in FEEDS.values():
            server.set_feed(f"/{filename}", (SAMPLES / filename).read_bytes(), content_type)
        write_config(workdir / "config", server)
        ids = expected_ids(server)
        env = {
            "NEWSMON_CONFIG_DIR": str(workdir / "config"),
            "NEWSMON_STATE_DIR": str(workdir / "state"),
            "NEWSMON_TOPIC_PREFIX": f"newsmon-demo-{run_id}",
            "NEWSMON_ES_INDEX_PREFIX": INDEX_PREFIX,
            "NEWSMON_KAFKA_BOOTSTRAP": KafkaSettings().kafka_bootstrap,
            "NEWSMON_WORKER_APP_ID": f"newsmon-demo-worker-{run_id}",
            "NEWSMON_ALERTER_GROUP": f"newsmon-demo-alerter-{run_id}",
            "NEWSMON_DEMO_WEBHOOK_URL": sink.url,
            "NEWSMON_LOG_FORMAT": "json",
        }
        with Supervisor() as sup:
            sup.start("worker", newsmon_argv("worker"), env, workdir / "logs" / "worker.log")
            if with_alerter:
                sup.start("alerter", newsmon_argv("alerter"), env, workdir / "logs" / "alerter.log")
            sup.start("poller", newsmon_argv("poller", "--once"), env, workdir / "logs" / "poller.log")
            print(
                f"serving {len(ids)} sample articles on {server.url('/')}; waiting for the worker...",
                flush=True,
            )
            code = sup.wait("poller", timeout_s=120)
            if code != 0:
                return _fail(f"the poller exited with {code}", workdir)

            def count_articles() -> int:
                _check_alive(sup, ("worker", "alerter"))
                return len(articles(es, names, ids, since))

            started = time.monotonic()
            try:
                found = wait_for(count_articles, len(ids), args.timeout)
            except _ChildDied as exc:
                return _fail(str(exc), workdir)
            if found < len(ids):
                return _fail(
                    f"only {found} of {len(ids)} articles searchable after {args.timeout:g}s", workdir
                )
            print(f"all {found} articles searchable after {time.monotonic() - started:.1f}s", flush=True)
            # quotes, meetings and alerts are written by other agents: wait until they settle
            wait_for(
                lambda: len(quotes(es, names, ids, since)) + len(meetings(es, names, ids, since)), None, 60.0
            )
            if with_alerter:
                wait_for(lambda: len(sink.received()), None, 30.0, settle_s=5.0)
        print()
        # only what this run wrote: meetings keyed differently by an older extractor stay in the index
        found_quotes, found_meetings = quotes(es, names, ids, since), meetings(es, names, ids, since)
        print(render(articles(es, names, ids), found_quotes, found_meetings))
        print()
        alerts = sink.received()
        print(f"== {len(alerts)} alerts received by the demo webhook ({workdir / 'alerts.jsonl'}) ==")
        for alert in alerts:
            print(f"  {_describe_alert(alert)}")
        if with_alerter and not alerts:
            print("  (none: alerts already delivered by an earlier demo run are not sent again)")
    print(f"\nsearchable in Elasticsearch as {names.articles}, {names.quotes}, {names.meetings}")
    print(f"logs in {workdir / 'logs'}")
    return 0


def _describe_alert(alert: Any) -> str:
    """``[rule] headline`` per item of a webhook payload; the raw JSON if it has another shape."""
    if isinstance(alert, dict) and isinstance(alert.get("items"), list):
        heads = [str(i.get("headline") or i.get("id")) for i in alert["items"] if isinstance(i, dict)]
        return f"[{alert.get('rule')}] " + "; ".join(heads)
    return json.dumps(alert, ensure_ascii=False)[:300]


class _ChildDied(RuntimeError):
    pass


def _check_alive(sup: Any, names: tuple[str, ...]) -> None:
    for name in names:
        child = sup.children.get(name)
        if child is not None and child.process.poll() is not None:
            raise _ChildDied(f"{name} exited with code {child.process.returncode}")


def _fail(message: str, workdir: Path) -> int:
    print(f"newsmon demo: {message}; see the logs in {workdir / 'logs'}", file=sys.stderr)
    return 1


class _Sink:
    """The alerter's local webhook receiver, recording each alert to a JSON lines file."""

    def __init__(self, path: Path, enabled: bool) -> None:
        self.path = path
        self.enabled = enabled
        self._receiver: Any = None
        self.url = "http://127.0.0.1:9/disabled"

    def __enter__(self) -> _Sink:
        if self.enabled:
            from newsmon_alerter.receiver import Receiver

            self._receiver = Receiver().__enter__()
            self.url = self._receiver.url("/newsmon")
        return self

    def received(self) -> list[Any]:
        if self._receiver is None:
            return []
        bodies = [r.json() for r in self._receiver.on("/newsmon")]
        with self.path.open("w", encoding="utf-8") as out:
            for body in bodies:
                out.write(json.dumps(body, ensure_ascii=False) + "\n")
        return bodies

    def __exit__(self, *exc: object) -> None:
        if self._receiver is not None:
            self._receiver.__exit__(*exc)
