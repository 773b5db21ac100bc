"""Concurrent polling: many feeds fetched at once, each processed in the poller's own thread.

A feed poll is mostly waiting on the network, and one slow or hanging server must not delay
the hundreds of other feeds due at the same time. The network half of a poll
(:meth:`Poller.fetch_feed`) runs in a thread pool of ``poller_concurrency`` workers, at most
``poller_per_host`` of them on one host (politeness: several feeds of one outlet are not
fetched all at once). Everything else (parsing, sending to Kafka, the SQLite state) stays in
the calling thread, in the order fetches complete, so the state store and the sink are only
ever used from one thread.

On stop, fetches not yet started are cancelled and running ones are awaited (each is bounded
by ``poller_timeout_s``) but not processed: their feed's state is unchanged, so the next run
fetches it again and nothing is lost.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from newsmon.feeds_config import FeedConfig
from newsmon.logs import get_logger
from newsmon_poller.fetch import FeedFetchError, FetchResult
from newsmon_poller.state import FeedState

if TYPE_CHECKING:
    from newsmon_poller.poller import Poller, PollOutcome

log = get_logger("newsmon_poller")


@dataclass(frozen=True)
class _Pending:
    feed: FeedConfig
    state: FeedState
    now: float
    started: float
    host: str


def host_of(url: str) -> str:
    """The host a feed URL points at (lower case, with its port), for the per-host limit."""
    parts = urlsplit(url)
    return (parts.netloc or parts.path).lower()


class FetchPool:
    """In-flight fetches of one poller. Use :meth:`run_once` or :meth:`run_forever`."""

    def __init__(self, poller: Poller) -> None:
        self.poller = poller
        self.limit = poller.settings.poller_concurrency
        self.per_host = poller.settings.poller_per_host
        self.pool = ThreadPoolExecutor(max_workers=self.limit, thread_name_prefix="feed-fetch")
        self.inflight: dict[Future[FetchResult | FeedFetchError], _Pending] = {}
        self.hosts: Counter[str] = Counter()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    def busy(self, feed: FeedConfig) -> bool:
        return any(p.feed.name == feed.name for p in self.inflight.values())

    def has_room(self, feed: FeedConfig) -> bool:
        return len(self.inflight) < self.limit and self.hosts[host_of(feed.url)] < self.per_host

    def start(self, feed: FeedConfig) -> PollOutcome | None:
        """Begin polling ``feed``: an outcome now (held by Retry-After, or a broken state store),
        or None when its fetch is under way."""
        now = time.time()
        try:
            state = self.poller.store.feed(feed.name)
            held = self.poller.held(feed, state, now)
        except Exception as exc:  # noqa: BLE001 - one feed's crash must not stop the others
            return self.poller.crashed(feed, exc)
        if held is not None:
            return held
        host = host_of(feed.url)
        future = self.pool.submit(self.poller.fetch_feed, feed, state)
        self.inflight[future] = _Pending(feed, state, now, time.monotonic(), host)
        self.hosts[host] += 1
        return None

    def collect(self, timeout: float | None) -> list[PollOutcome]:
        """Process the fetches that complete within ``timeout`` seconds (at least one if any are
        in flight and ``timeout`` is None)."""
        if not self.inflight:
            return []
        done, _ = wait(list(self.inflight), timeout=timeout, return_when=FIRST_COMPLETED)
        outcomes = []
        for future in done:
            pending = self.inflight.pop(future)
            self.hosts[pending.host] -= 1
            try:
                fetched = future.result()
                outcome = self.poller.process(
                    pending.feed, pending.state, fetched, pending.now, pending.started
                )
            except Exception as exc:  # noqa: BLE001 - one feed's crash must not stop the others
                outcome = self.poller.crashed(pending.feed, exc)
            outcomes.append(outcome)
        return outcomes

    # -- the two ways to run ---------------------------------------------------------------
    @classmethod
    def run_once(cls, poller: Poller) -> list[PollOutcome]:
        """Poll every enabled feed once; outcomes in feeds.yaml order."""
        feeds = list(poller.feeds.enabled)
        results: dict[str, PollOutcome] = {}
        todo = list(feeds)
        fetches = cls(poller)
        try:
            while todo or fetches.inflight:
                for feed in list(todo):
                    if fetches.has_room(feed):
                        todo.remove(feed)
                        outcome = fetches.start(feed)
                        if outcome is not None:
                            results[feed.name] = outcome
                for outcome in fetches.collect(timeout=None):
                    results[outcome.feed] = outcome
        finally:
            fetches.close()
        return [results[f.name] for f in feeds]

    @classmethod
    def run_forever(cls, poller: Poller, stop: threading.Event) -> None:
        """Poll each feed whenever it is due until ``stop`` is set."""
        feeds = list(poller.feeds.enabled)
        if not feeds:
            log.warning("no_enabled_feeds")
        fetches = cls(poller)
        try:
            while not stop.is_set():
                now = time.time()
                next_due = now + 60.0
                for feed in feeds:
                    if fetches.busy(feed):
                        continue
                    due = poller.due_at(feed)
                    if due > now:
                        next_due = min(next_due, due)
                    elif fetches.has_room(feed):
                        fetches.start(feed)
                    # a due feed waiting for a free slot starts when a fetch completes
                wait_s = min(max(next_due - time.time(), 0.05), 60.0)
                if fetches.inflight:
                    fetches.collect(timeout=min(wait_s, 1.0))  # returns as soon as one completes
                else:
                    stop.wait(timeout=wait_s)
        finally:
            in_flight = [p.feed.name for p in fetches.inflight.values()]
            if in_flight:
                log.info("poller_stopping", unfinished=in_flight)
            fetches.close()
