"""The whole pipeline as real processes on the real Kafka and Elasticsearch.

An RSS feed carries the annotated Geneva-talks article (../shared/eval/dev/geneva-talks.txt,
published 2022-01-11), an Atom feed a second article, and a third feed is malformed. A real
``newsmon worker`` and a real, continuously polling ``newsmon poller`` run with unique topics,
consumer group and indices. The test checks that the article becomes searchable with its quotes
and meetings, that further polls add nothing, that one new item adds exactly one article, and
that the broken feed is reported without stopping the others. Latency is measured from the first
time the feed server served an item to the moment a search finds it (no forced refresh).
"""

from __future__ import annotations

import html
import json
import os
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import ApiError, NotFoundError

from newsmon.feedserver import ATOM_TYPE, FeedServer

pytestmark = [pytest.mark.e2e, pytest.mark.kafka, pytest.mark.elasticsearch, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
DEV = REPO.parent / "shared" / "eval" / "dev"
NEWSMON = REPO / ".venv" / "bin" / "newsmon"
INDEXING_TIMEOUT_S = 240.0  # includes the worker's start-up (spaCy model load) on a busy 2-core box
EXTRACTION_TIMEOUT_S = 120.0
POLL_INTERVAL = "2s"

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>E2E Wire</title><link>https://e2e-wire.example/</link><language>en</language>
<item><title>{title}</title><link>https://e2e-wire.example/2022/01/geneva-talks?utm_source=rss</link>
<guid isPermaLink="false">e2e-geneva-talks</guid><pubDate>Tue, 11 Jan 2022 12:00:00 GMT</pubDate>
<description>{title}</description><content:encoded><![CDATA[{body}]]></content:encoded></item>
</channel></rss>"""

ATOM_ENTRY = """<entry><id>urn:e2e:{n}</id><title>{title}</title><link href="https://e2e-atom.example/{n}"/>
<updated>2022-01-1{n}T09:00:00Z</updated><content type="text">{text}</content></entry>"""
ATOM_ENTRIES = [
    ("Harbour talks resume", 'Union leader Marta Kowalski said on Monday: "We are not there yet."'),
    (
        "Mayor cancels transit meeting",
        'The mayor cancelled Friday\'s meeting. "We will talk again," he said.',
    ),
]


def atom(count: int) -> bytes:
    entries = "".join(
        ATOM_ENTRY.format(n=n, title=html.escape(t), text=html.escape(x))
        for n, (t, x) in enumerate(ATOM_ENTRIES[:count], start=1)
    )
    feed = '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">'
    return (
        feed
        + f"<title>E2E Atom</title><id>urn:e2e</id><updated>2022-01-12T00:00:00Z</updated>{entries}</feed>"
    ).encode()


def geneva_article() -> tuple[str, str]:
    """(title, HTML body) of the annotated dev article; skip when the shared corpus is absent."""
    text_path, meta_path = DEV / "geneva-talks.txt", DEV / "geneva-talks.json"
    if not text_path.is_file() or not meta_path.is_file():
        pytest.skip(f"the annotated dev article is not available at {text_path}")
    title = json.loads(meta_path.read_text(encoding="utf-8"))["article"]["title"]
    lines = text_path.read_text(encoding="utf-8").splitlines()
    if lines and lines[0].strip().startswith("date "):  # the corpus's date header, not article text
        lines = lines[1:]
    paragraphs = [p.strip() for p in "\n".join(lines).split("\n\n") if p.strip()]
    return title, "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)


def search(es: Any, index: str, query: dict[str, Any], size: int = 100) -> list[dict[str, Any]]:
    """Hits of a search without a forced refresh; [] while the index does not exist or is starting."""
    client = es.options(max_retries=0)
    try:
        return [h["_source"] for h in client.search(index=index, query=query, size=size)["hits"]["hits"]]
    except NotFoundError:
        return []
    except ApiError as exc:
        if exc.meta.status == 503:  # a just-created index whose primary shard is not active yet
            return []
        raise


def wait_until(
    check: Callable[[], bool], what: str, timeout_s: float, procs: dict[str, subprocess.Popen[bytes]]
) -> float:
    """Poll ``check`` until true; fail (with which process died) on timeout. Returns time.time()."""
    deadline = time.monotonic() + timeout_s
    while not check():
        for name, proc in procs.items():
            assert proc.poll() is None, f"{name} exited with code {proc.returncode} while waiting for {what}"
        assert time.monotonic() < deadline, f"timed out after {timeout_s:.0f}s waiting for {what}"
        time.sleep(0.1)
    return time.time()


def log_events(path: Path) -> list[dict[str, Any]]:
    events = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("{"):
            try:
                events.append(json.loads(line))
            except json.JSONDecodeError:
                pass
    return events


@pytest.fixture
def processes() -> Iterator[dict[str, subprocess.Popen[bytes]]]:
    procs: dict[str, subprocess.Popen[bytes]] = {}
    yield procs
    for proc in procs.values():
        if proc.poll() is None:
            proc.terminate()
    for proc in procs.values():
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_feeds_to_searchable_quotes_and_meetings(
    tmp_path: Path,
    es: Any,
    kafka_bootstrap: str,
    es_url: str,
    unique_name: Callable[[str], str],
    processes: dict[str, subprocess.Popen[bytes]],
    report_latency: Callable[[str, float], None],
) -> None:
    title, body = geneva_article()
    prefix = unique_name("e2e")
    indices = {kind: f"{prefix}-{kind}" for kind in ("articles", "quotes", "meetings")}
    with FeedServer() as server:
        server.set_feed("/rss.xml", RSS.format(title=html.escape(title), body=body).encode())
        server.set_feed("/atom.xml", atom(1), ATOM_TYPE)
        server.set_feed("/broken.xml", b"<rss version='2.0'><channel><title>Broken</title></chan")
        config = tmp_path / "config"
        config.mkdir()
        (config / "feeds.yaml").write_text(
            "feeds:\n"
            + "".join(
                f"  - name: {name}\n    url: {server.url(path)}\n    interval: {POLL_INTERVAL}\n"
                for name, path in (("broken", "/broken.xml"), ("rss", "/rss.xml"), ("atom", "/atom.xml"))
            )
        )
        env = {
            **os.environ,
            "NEWSMON_CONFIG_DIR": str(config),
            "NEWSMON_STATE_DIR": str(tmp_path / "state"),
            "NEWSMON_TOPIC_PREFIX": prefix,
            "NEWSMON_ES_INDEX_PREFIX": prefix,
            "NEWSMON_WORKER_APP_ID": f"{prefix}-worker",
            "NEWSMON_KAFKA_BOOTSTRAP": kafka_bootstrap,
            "NEWSMON_ES_URL": es_url,
            "NEWSMON_LOG_FORMAT": "json",
            "NEWSMON_POLLER_BACKOFF_INITIAL_S": "1",
        }
        logs = {name: tmp_path / f"{name}.log" for name in ("worker", "poller")}
        for name in ("worker", "poller"):
            with logs[name].open("wb") as out:
                processes[name] = subprocess.Popen(
                    [str(NEWSMON), name], env=env, stdout=out, stderr=subprocess.STDOUT
                )

        def articles() -> list[dict[str, Any]]:
            return search(es, indices["articles"], {"match_all": {}})

        # 1. both good feeds' articles become searchable (cold: includes the worker's start-up)
        searchable_at = wait_until(lambda: len(articles()) == 2, "2 articles", INDEXING_TIMEOUT_S, processes)
        served_at = server.requests_for("/rss.xml")[0].at
        report_latency("first article, cold start (worker loading spaCy)", searchable_at - served_at)
        [geneva] = [a for a in articles() if a["guid"] == "e2e-geneva-talks"]
        assert geneva["published"] == "2022-01-11T12:00:00Z"
        assert geneva["canonical_url"] == "https://e2e-wire.example/2022/01/geneva-talks"

        # 2. its quotes and meetings become searchable
        def ryabkov_guarantees() -> bool:
            quotes = search(es, indices["quotes"], {"term": {"article_id": geneva["id"]}})
            return any("Ryabkov" in (q.get("speaker") or "") and "guarantees" in q["text"] for q in quotes)

        def geneva_talks_meeting() -> bool:
            meetings = search(es, indices["meetings"], {"term": {"article_ids": geneva["id"]}})
            return any(
                m.get("date") == "2022-01-10" and "Geneva" in json.dumps(m.get("location")) for m in meetings
            )

        wait_until(ryabkov_guarantees, "a Ryabkov quote with 'guarantees'", 120, processes)
        wait_until(geneva_talks_meeting, "the Geneva talks meeting dated 2022-01-10", 120, processes)

        # 3. polling again adds nothing: wait for two more polls of every feed
        polls = {p: len(server.requests_for(p)) for p in ("/rss.xml", "/atom.xml")}
        wait_until(
            lambda: all(len(server.requests_for(p)) >= n + 2 for p, n in polls.items()),
            "two more polls",
            60,
            processes,
        )
        assert all(r.status == 304 for p in polls for r in server.requests_for(p)[polls[p] :])
        assert len(articles()) == 2

        # 4. one new item adds exactly one article (warm: worker running)
        changed_at = time.time()
        server.set_feed("/atom.xml", atom(2), ATOM_TYPE)
        searchable_at = wait_until(lambda: len(articles()) >= 3, "the new article", 120, processes)
        served_at = next(
            r.at for r in server.requests_for("/atom.xml") if r.at >= changed_at and r.status == 200
        )
        report_latency("new feed item, running pipeline", searchable_at - served_at)
        polls = {p: len(server.requests_for(p)) for p in ("/rss.xml", "/atom.xml")}
        wait_until(
            lambda: all(len(server.requests_for(p)) >= n + 2 for p, n in polls.items()),
            "two more polls",
            60,
            processes,
        )
        assert sorted(a["title"] for a in articles()) == sorted(
            [title, ATOM_ENTRIES[0][0], ATOM_ENTRIES[1][0]]
        )

    # 5. the malformed feed was reported with its reason, and did not stop the others
    failures = [
        e for e in log_events(logs["poller"]) if e.get("event") == "feed_failed" and e.get("feed") == "broken"
    ]
    assert failures and failures[0]["reason"] == "malformed"
    assert "SAXParseException" in failures[0]["error"]
    sent = [e for e in log_events(logs["poller"]) if e.get("event") == "article_sent"]
    assert len(sent) == 3  # each article produced exactly once
