"""Concurrent polling against a real local HTTP server: a slow feed holds up no other feed, the
per-host limit is kept, and stopping loses nothing."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from poller_helpers import make_poller, rss

from newsmon.feeds_config import FeedConfig, FeedsFile
from newsmon.feedserver import FeedServer, Response
from newsmon_poller.schedule import host_of


def wait_for(condition: Callable[[], bool], timeout_s: float = 10.0) -> bool:
    """True as soon as ``condition`` holds; False after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


def gated(body: bytes, gate: threading.Event, hold_s: float = 5.0) -> Callable[[dict[str, str]], Response]:
    """A route that answers only once ``gate`` is set (or after ``hold_s``): a slow server."""

    def route(_headers: dict[str, str]) -> Response:
        gate.wait(hold_s)
        return Response(200, body, {"Content-Type": "application/rss+xml"})

    return route


def titles(sent: list[dict[str, object]]) -> list[object]:
    return [a["title"] for a in sent]


def test_a_slow_feed_holds_up_no_other_feed(tmp_path: Path, server: FeedServer) -> None:
    gate = threading.Event()
    server.set_route("/slow.xml", gated(rss("slow"), gate))
    server.set_feed("/fast.xml", rss("fast"))
    # the slow feed comes first in feeds.yaml; one at a time, the fast one would wait for it
    poller, sink = make_poller(tmp_path, server, "/slow.xml", "/fast.xml")
    outcomes: list[object] = []
    runner = threading.Thread(target=lambda: outcomes.extend(poller.run_once()))
    runner.start()
    try:
        assert wait_for(lambda: titles(sink.sent) == ["Story fast"], timeout_s=4.0)
        assert len(server.requests_for("/slow.xml")) == 0  # still being answered
    finally:
        gate.set()
        runner.join(10)
    assert titles(sink.sent) == ["Story fast", "Story slow"]
    assert [(o.feed, o.status, o.new) for o in outcomes] == [  # type: ignore[attr-defined]
        ("slow-xml", "ok", 1),
        ("fast-xml", "ok", 1),
    ]


def concurrency_probe(
    body: bytes, peers: int, patience_s: float
) -> tuple[Callable[..., Response], list[int]]:
    """A route that records how many requests it serves at once; each waits up to ``patience_s``
    for ``peers`` requests to be in together."""
    lock = threading.Condition()
    active = [0]
    most = [0]

    def route(_headers: dict[str, str]) -> Response:
        with lock:
            active[0] += 1
            most[0] = max(most[0], active[0])
            lock.notify_all()
            lock.wait_for(lambda: most[0] >= peers, timeout=patience_s)
            active[0] -= 1
        return Response(200, body, {"Content-Type": "application/rss+xml"})

    return route, most


@pytest.mark.parametrize(("per_host", "expected"), [(1, 1), (3, 3)])
def test_the_per_host_limit_is_kept(tmp_path: Path, server: FeedServer, per_host: int, expected: int) -> None:
    paths = ["/a.xml", "/b.xml", "/c.xml"]
    route, most = concurrency_probe(rss("x"), peers=3, patience_s=0.5 if per_host == 1 else 5.0)
    for path in paths:
        server.set_route(path, route)
    poller, _ = make_poller(tmp_path, server, *paths, poller_per_host=per_host, poller_concurrency=8)
    outcomes = poller.run_once()
    assert [o.status for o in outcomes] == ["ok"] * 3
    assert most[0] == expected


def test_the_overall_limit_is_kept(tmp_path: Path) -> None:
    # three servers, so the per-host limit is not what holds them back
    with FeedServer() as s1, FeedServer() as s2, FeedServer() as s3:
        route, most = concurrency_probe(rss("x"), peers=3, patience_s=0.5)
        for srv in (s1, s2, s3):
            srv.set_route("/f.xml", route)
        poller, _ = make_poller(tmp_path, s1, "/f.xml", poller_concurrency=2, poller_per_host=4)
        poller.feeds = FeedsFile(
            feeds=[
                FeedConfig(name=f"f{i}", url=srv.url("/f.xml"), interval="1m")
                for i, srv in enumerate((s1, s2, s3))
            ]
        )
        outcomes = poller.run_once()
    assert [o.status for o in outcomes] == ["ok"] * 3
    assert most[0] == 2


def test_run_forever_polls_concurrently_and_stops_cleanly(tmp_path: Path, server: FeedServer) -> None:
    gate = threading.Event()
    server.set_route("/slow.xml", gated(rss("slow"), gate, hold_s=3.0))
    server.set_feed("/fast.xml", rss("fast"))
    poller, sink = make_poller(tmp_path, server, "/slow.xml", "/fast.xml")
    stop = threading.Event()
    runner = threading.Thread(target=poller.run_forever, args=(stop,))
    runner.start()
    try:
        assert wait_for(lambda: titles(sink.sent) == ["Story fast"], timeout_s=2.5)
    finally:
        stop.set()  # the slow fetch is under way: it is awaited, not processed
        runner.join(10)
    assert not runner.is_alive()
    assert titles(sink.sent) == ["Story fast"]
    assert poller.store.feed("slow-xml").next_poll_at == 0  # untouched: polled again on the next start
    gate.set()
    [slow, fast] = poller.run_once()
    assert (slow.status, slow.new, fast.status) == ("ok", 1, "not_modified")


def test_host_of() -> None:
    assert host_of("https://Feeds.Example.com:8443/rss?x=1") == "feeds.example.com:8443"
    assert host_of("http://127.0.0.1:9/a.xml") == "127.0.0.1:9"


def test_a_crash_in_a_fetch_thread_costs_that_feed_only(tmp_path: Path, server: FeedServer) -> None:
    server.set_feed("/a.xml", rss("a"))
    server.set_feed("/b.xml", rss("b"))
    poller, sink = make_poller(tmp_path, server, "/a.xml", "/b.xml")
    real = poller.fetch_feed

    def fetch_feed(feed: FeedConfig, state: object) -> object:
        if feed.name == "a-xml":
            raise RuntimeError("a bug in the fetch thread")
        return real(feed, state)  # type: ignore[arg-type]

    poller.fetch_feed = fetch_feed  # type: ignore[method-assign]
    a, b = poller.run_once()
    assert (a.status, a.reason, b.status, b.new) == ("error", "internal", "ok", 1)
    assert poller.store.feed("a-xml").last_error == "internal: RuntimeError: a bug in the fetch thread"
    assert titles(sink.sent) == ["Story b"]
