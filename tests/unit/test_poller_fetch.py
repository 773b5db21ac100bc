"""The poller against a real local HTTP server: conditional GET, Retry-After, broken feeds, size cap.

Kafka is not the subject here: articles go to an in-memory sink that acknowledges everything
(the Kafka path is covered by tests/integration/test_poller_kafka.py).
"""

from __future__ import annotations

import datetime as dt
import email.utils
from pathlib import Path
from typing import Any

import pytest
from poller_helpers import OPEN, MemorySink, make_poller, rss

from newsmon.errors import ConfigError
from newsmon.feeds_config import FeedConfig
from newsmon.feedserver import FeedServer, Response
from newsmon_poller.fetch import parse_retry_after
from newsmon_poller.producer import ProduceError
from newsmon_poller.state import StateStore


def test_new_items_are_sent_once_then_304(tmp_path: Path, server: FeedServer) -> None:
    server.set_feed("/rss.xml", rss("a", "b"))
    poller, sink = make_poller(tmp_path, server, "/rss.xml")
    [first] = poller.run_once()
    assert (first.status, first.new) == ("ok", 2)
    [second] = poller.run_once()
    assert second.status == "not_modified"
    conditional = server.requests_for("/rss.xml")[-1]
    assert conditional.headers["if-none-match"] and conditional.headers["if-modified-since"]
    assert conditional.status == 304
    assert [a["title"] for a in sink.sent] == ["Story a", "Story b"]
    article = sink.sent[0]
    assert article["canonical_url"] == "https://wire.example/a"
    assert article["published"] == "2022-01-11T10:00:00Z"
    assert (article["body_source"], article["html"], article["outlet"]) == ("summary", False, "Test Wire")


def test_changed_feed_sends_only_the_new_item(tmp_path: Path, server: FeedServer) -> None:
    server.set_feed("/rss.xml", rss("a", "b"))
    poller, sink = make_poller(tmp_path, server, "/rss.xml")
    poller.run_once()
    server.set_feed("/rss.xml", rss("c", "a", "b"))
    [outcome] = poller.run_once()
    assert (outcome.new, outcome.seen) == (1, 2)
    assert [a["title"] for a in sink.sent] == ["Story a", "Story b", "Story c"]


def test_dedupe_survives_a_restart(tmp_path: Path, server: FeedServer) -> None:
    server.set_feed("/rss.xml", rss("a"))
    poller, sink = make_poller(tmp_path, server, "/rss.xml")
    poller.run_once()
    # a second poller on the same state is refused while the first runs
    with pytest.raises(ConfigError, match="another poller is using"):
        StateStore(poller.store.path)
    OPEN.remove(poller)
    poller.close()
    poller.store.close()
    # a new poller on the same state dir; the feed changed so it is re-read (no 304 shortcut)
    server.set_feed("/rss.xml", rss("a", "b"))
    again, sink2 = make_poller(tmp_path, server, "/rss.xml")
    [outcome] = again.run_once()
    assert (outcome.new, outcome.seen) == (1, 1)
    assert [a["title"] for a in sink2.sent] == ["Story b"]


@pytest.mark.parametrize(
    ("header", "expected"),
    [("120", 120.0), ("0", 0.0), ("soon", None), (None, None)],
)
def test_parse_retry_after_seconds(header: str | None, expected: float | None) -> None:
    assert parse_retry_after(header) == expected


def test_parse_retry_after_http_date() -> None:
    now = dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.UTC)
    later = email.utils.format_datetime(now + dt.timedelta(minutes=5), usegmt=True)
    assert parse_retry_after(later, now=now) == 300.0
    assert (
        parse_retry_after(email.utils.format_datetime(now - dt.timedelta(hours=1), usegmt=True), now=now) == 0
    )


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_holds_the_feed(tmp_path: Path, server: FeedServer, status: int) -> None:
    server.set_route("/busy.xml", lambda _h: Response(status, b"slow down", {"Retry-After": "600"}))
    server.set_feed("/rss.xml", rss("a"))
    poller, sink = make_poller(tmp_path, server, "/busy.xml", "/rss.xml")
    busy, ok = poller.run_once()
    assert (busy.status, busy.reason) == ("error", f"http_{status}")
    assert ok.new == 1  # the other feed is not affected
    state = poller.store.feed("busy-xml")
    assert state.hold_until - state.next_poll_at <= 0 and state.hold_until > 0
    # polled again right away (as --once would): the feed is held, the server is not asked
    before = len(server.requests_for("/busy.xml"))
    busy_again, _ = poller.run_once()
    assert busy_again.status == "held"
    assert len(server.requests_for("/busy.xml")) == before


def test_failing_feed_backs_off_exponentially(tmp_path: Path, server: FeedServer) -> None:
    poller, _ = make_poller(tmp_path, server, "/missing.xml")
    delays = []
    for _ in range(3):
        now = 1_000_000.0
        outcome = poller.poll_feed(poller.feeds.feeds[0], now=now)
        assert (outcome.status, outcome.reason) == ("error", "http_404")
        delays.append(poller.store.feed("missing-xml").next_poll_at - now)
    assert delays == [60.0, 60.0, 120.0]  # never more often than the interval; then doubling
    assert poller.store.feed("missing-xml").last_error == "http_404: HTTP 404 Not Found"


def test_malformed_feed_is_reported_and_others_go_on(
    tmp_path: Path, server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.set_feed("/broken.xml", b"<rss><channel><title>oops</title></chan")
    server.set_feed("/page.xml", b"<html><body><p>Please log in</p></body></html>", "application/xml")
    server.set_feed("/rss.xml", rss("a"))
    poller, sink = make_poller(tmp_path, server, "/broken.xml", "/page.xml", "/rss.xml")
    broken, page, ok = poller.run_once()
    assert (broken.status, broken.reason) == ("error", "malformed")
    assert "malformed feed: SAXParseException" in (poller.store.feed("broken-xml").last_error or "")
    assert (page.status, page.reason) == ("error", "not_a_feed")
    assert ok.new == 1 and len(sink.sent) == 1
    logged = capsys.readouterr()
    assert "feed_failed" in logged.out + logged.err


def test_timeout_and_connection_refused(tmp_path: Path, server: FeedServer) -> None:
    server.set_route("/slow.xml", lambda _h: Response(200, rss("a"), delay_s=1.5))
    poller, sink = make_poller(tmp_path, server, "/slow.xml", timeout=0.3)
    [slow] = poller.run_once()
    assert (slow.status, slow.reason) == ("error", "timeout")
    refused = FeedConfig(name="refused", url="http://127.0.0.1:9/feed.xml", interval="1m")
    outcome = poller.poll_feed(refused)
    assert (outcome.status, outcome.reason) == ("error", "connect")
    assert sink.sent == []


def test_oversized_response_is_refused(tmp_path: Path, server: FeedServer) -> None:
    big = rss(*[f"item{i}" for i in range(200)])
    server.set_feed("/big.xml", big)
    # the same body, streamed without Content-Length: the cap counts what arrives
    server.set_route(
        "/chunked.xml", lambda _h: Response(200, big, {"Content-Length": "100", "Connection": "close"})
    )
    poller, sink = make_poller(tmp_path, server, "/big.xml", max_bytes=4096)
    [outcome] = poller.run_once()
    assert (outcome.status, outcome.reason) == ("error", "too_large")
    assert "exceeds the 4096-byte limit" in (poller.store.feed("big-xml").last_error or "")
    assert sink.sent == []


class RefusingSink(MemorySink):
    """Kafka is away: nothing is acknowledged."""

    def send_all(self, articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
        raise ProduceError("Kafka acknowledged none of the articles: KafkaTimeoutError")


class BrokenSink(MemorySink):
    def send_all(self, articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
        raise RuntimeError("a bug")


def test_unacknowledged_articles_are_not_recorded_and_sent_next_time(
    tmp_path: Path, server: FeedServer
) -> None:
    server.set_feed("/rss.xml", rss("a"))
    poller, _ = make_poller(tmp_path, server, "/rss.xml")
    poller.sink = RefusingSink()
    [failed] = poller.run_once()
    assert (failed.status, failed.reason) == ("error", "produce")
    assert poller.store.sent_count() == 0
    state = poller.store.feed("rss-xml")
    assert state.etag is None and state.last_modified is None  # so the next poll is not a 304
    sink = MemorySink()
    poller.sink = sink
    [ok] = poller.run_once()
    assert ok.new == 1 and [a["title"] for a in sink.sent] == ["Story a"]


def test_an_unexpected_error_costs_one_feed_not_the_poller(tmp_path: Path, server: FeedServer) -> None:
    server.set_feed("/a.xml", rss("a"))
    server.set_feed("/b.xml", rss("b"))
    poller, _ = make_poller(tmp_path, server, "/a.xml", "/b.xml")
    poller.sink = BrokenSink()
    outcomes = poller.run_once()
    assert [(o.status, o.reason) for o in outcomes] == [("error", "internal")] * 2
    assert poller.store.feed("a-xml").last_error == "internal: RuntimeError: a bug"
