"""The polling loop: fetch each feed when it is due, turn new entries into articles, send them.

One broken feed never stops the others: every failure is logged with its reason and the feed is
backed off exponentially (or for as long as the server's ``Retry-After`` asks).
"""

from __future__ import annotations

import datetime as dt
import io
import threading
import time
from dataclasses import dataclass
from typing import Any

import feedparser
import httpx

from newsmon import schemas
from newsmon.errors import SchemaValidationError
from newsmon.feeds_config import FeedConfig, FeedsFile
from newsmon.logs import get_logger
from newsmon_poller.articles import to_article
from newsmon_poller.fetch import FeedFetchError, FetchResult, fetch
from newsmon_poller.producer import ARTICLE_SCHEMA, ArticleSink, ProduceError
from newsmon_poller.schedule import FetchPool
from newsmon_poller.settings import PollerSettings
from newsmon_poller.state import FeedState, StateStore

log = get_logger("newsmon_poller")


@dataclass(frozen=True)
class PollOutcome:
    """What one poll of one feed did."""

    feed: str
    status: str  # ok | not_modified | held | error
    new: int = 0
    seen: int = 0
    skipped: int = 0
    reason: str | None = None


class Poller:
    """Polls the feeds of one feeds.yaml into one article sink."""

    def __init__(
        self, settings: PollerSettings, feeds: FeedsFile, store: StateStore, sink: ArticleSink
    ) -> None:
        self.settings = settings
        self.feeds = feeds
        self.store = store
        self.sink = sink
        self.client = httpx.Client(
            timeout=httpx.Timeout(settings.poller_timeout_s, connect=settings.poller_connect_timeout_s),
            follow_redirects=True,
            max_redirects=5,
            headers={"User-Agent": settings.poller_user_agent},
            trust_env=False,  # never route feed fetches through a proxy the environment happens to set
        )

    def close(self) -> None:
        self.client.close()

    # -- one feed -------------------------------------------------------------------------
    def poll_feed(self, feed: FeedConfig, now: float | None = None) -> PollOutcome:
        """Fetch and process one feed; never raises for feed problems (they are logged)."""
        now = time.time() if now is None else now
        state = self.store.feed(feed.name)
        held = self.held(feed, state, now)
        if held is not None:
            return held
        started = time.monotonic()
        return self.process(feed, state, self.fetch_feed(feed, state), now, started)

    def held(self, feed: FeedConfig, state: FeedState, now: float) -> PollOutcome | None:
        """The outcome of a poll the server's ``Retry-After`` forbids for now, else None."""
        if state.hold_until <= now:
            return None
        log.info("feed_held", feed=feed.name, seconds_left=round(state.hold_until - now, 1))
        return PollOutcome(feed.name, "held", reason="retry_after")

    def fetch_feed(self, feed: FeedConfig, state: FeedState) -> FetchResult | FeedFetchError:
        """The network half of a poll. Thread-safe: it touches neither the state store nor the sink,
        so :mod:`newsmon_poller.schedule` runs many at once."""
        try:
            return fetch(
                self.client,
                feed.url,
                etag=state.etag,
                last_modified=state.last_modified,
                max_bytes=self.settings.poller_max_bytes,
            )
        except FeedFetchError as exc:
            return exc

    def process(
        self,
        feed: FeedConfig,
        state: FeedState,
        fetched: FetchResult | FeedFetchError,
        now: float,
        started: float,
    ) -> PollOutcome:
        """The rest of a poll, in the caller's thread: parse, send what is new, record the state."""
        if isinstance(fetched, FeedFetchError):
            return self._failed(feed, state, fetched.reason, str(fetched), now, fetched.retry_after)
        result = fetched
        if result.body is None:
            self._succeeded(feed, state, now, result.etag, result.last_modified)
            log.info("feed_not_modified", feed=feed.name, ms=_ms(started))
            return PollOutcome(feed.name, "not_modified")
        parsed = feedparser.parse(
            io.BytesIO(result.body), response_headers={"content-type": result.content_type or ""}
        )
        entries = list(parsed.get("entries") or [])
        if parsed.get("bozo") and not entries:
            reason = f"malformed feed: {_describe(parsed.get('bozo_exception'))}"
            return self._failed(feed, state, "malformed", reason, now, None)
        if not entries and not parsed.get("version"):
            # well-formed but neither RSS nor Atom: typically an HTML error or login page with 200
            kind = result.content_type or "unknown content type"
            return self._failed(feed, state, "not_a_feed", f"not an RSS or Atom feed ({kind})", now, None)
        if parsed.get("bozo"):
            log.warning("feed_bozo", feed=feed.name, error=_describe(parsed.get("bozo_exception")))
        try:
            new, seen, skipped = self._send_new(feed, entries, parsed.get("feed") or {})
        except ProduceError as exc:
            # Kafka did not take the articles: drop the validators so the next poll re-reads the feed
            return self._failed(feed, state, "produce", str(exc), now, None, keep_validators=False)
        self._succeeded(feed, state, now, result.etag, result.last_modified)
        log.info(
            "feed_polled",
            feed=feed.name,
            entries=len(entries),
            new=new,
            seen=seen,
            skipped=skipped,
            ms=_ms(started),
        )
        return PollOutcome(feed.name, "ok", new=new, seen=seen, skipped=skipped)

    def _send_new(self, feed: FeedConfig, entries: list[Any], meta: Any) -> tuple[int, int, int]:
        fetched_at = dt.datetime.now(dt.UTC)
        fresh: dict[str, dict[str, Any]] = {}
        seen = skipped = 0
        for index, entry in enumerate(entries):
            article = to_article(entry, feed, meta, fetched_at)
            if article is None:
                skipped += 1
                log.warning(
                    "entry_skipped", feed=feed.name, index=index, reason="no title, summary or content"
                )
                continue
            if article["id"] in fresh or self.store.was_sent(article["id"], self.sink.topic):
                seen += 1
                continue
            try:
                schemas.validate(ARTICLE_SCHEMA, article)
            except SchemaValidationError as exc:
                # one odd entry must not block the feed; it is logged with the reason, never sent
                skipped += 1
                log.error(
                    "entry_invalid", feed=feed.name, index=index, article_id=article["id"], error=str(exc)
                )
                continue
            fresh[article["id"]] = article
        if not fresh:
            return 0, seen, skipped
        acked = self.sink.send_all(list(fresh.values()))
        # recorded only after Kafka's acknowledgement: an unacknowledged article is retried next poll
        for article in acked:
            self.store.mark_sent(article["id"], feed.name, article["content_hash"], self.sink.topic)
            log.info("article_sent", feed=feed.name, article_id=article["id"], title=article["title"])
        return len(acked), seen, skipped

    def _succeeded(
        self, feed: FeedConfig, state: FeedState, now: float, etag: str | None, last_modified: str | None
    ) -> None:
        if state.failures:
            log.info("feed_recovered", feed=feed.name, after_failures=state.failures)
        self.store.save_feed(
            FeedState(feed.name, etag, last_modified, 0, now + self.feeds.interval_of(feed), None, 0.0)
        )

    def _failed(
        self,
        feed: FeedConfig,
        state: FeedState,
        reason: str,
        message: str,
        now: float,
        retry_after: float | None,
        keep_validators: bool = True,
    ) -> PollOutcome:
        failures = state.failures + 1
        backoff = min(
            self.settings.poller_backoff_max_s, self.settings.poller_backoff_initial_s * 2 ** (failures - 1)
        )
        hold_until = 0.0
        if retry_after is not None:
            wait = min(retry_after, self.settings.poller_retry_after_max_s)
            hold_until = now + wait
            backoff = max(backoff, wait)
        # a failing feed is not polled more often than its own interval either
        delay = max(backoff, self.feeds.interval_of(feed)) if retry_after is None else backoff
        log.warning(
            "feed_failed",
            feed=feed.name,
            url=feed.url,
            reason=reason,
            error=message,
            failures=failures,
            retry_in_s=round(delay, 1),
        )
        self.store.save_feed(
            FeedState(
                feed.name,
                state.etag if keep_validators else None,
                state.last_modified if keep_validators else None,
                failures,
                now + delay,
                f"{reason}: {message}",
                hold_until,
            )
        )
        return PollOutcome(feed.name, "error", reason=reason)

    # -- all feeds ------------------------------------------------------------------------
    def poll_safely(self, feed: FeedConfig) -> PollOutcome:
        """:meth:`poll_feed`, turning an unexpected error (a bug, a full disk) into a failed poll:
        the poller and the other feeds keep going, and the error is logged with its traceback."""
        try:
            return self.poll_feed(feed)
        except Exception as exc:  # noqa: BLE001 - one feed's crash must not stop the others
            return self.crashed(feed, exc)

    def crashed(self, feed: FeedConfig, exc: BaseException) -> PollOutcome:
        """Record an unexpected error as a failed poll of ``feed`` (logged with its traceback)."""
        log.error(
            "feed_poll_crashed",
            feed=feed.name,
            url=feed.url,
            error=f"{type(exc).__name__}: {exc}",
            exc_info=exc,
        )
        try:
            state = self.store.feed(feed.name)
            return self._failed(feed, state, "internal", f"{type(exc).__name__}: {exc}", time.time(), None)
        except Exception:  # noqa: BLE001 - the state store itself is broken: still report the poll
            return PollOutcome(feed.name, "error", reason="internal")

    def run_once(self) -> list[PollOutcome]:
        """Poll every enabled feed once (honouring Retry-After holds), fetching up to
        ``poller_concurrency`` at a time; outcomes in feeds.yaml order."""
        return FetchPool.run_once(self)

    def run_forever(self, stop: threading.Event) -> None:
        """Poll each feed whenever it is due until ``stop`` is set (see :mod:`newsmon_poller.schedule`)."""
        FetchPool.run_forever(self, stop)

    def due_at(self, feed: FeedConfig) -> float:
        """When ``feed`` should next be polled (its interval or back-off, or a Retry-After hold)."""
        try:
            state = self.store.feed(feed.name)
        except Exception:  # noqa: BLE001 - an unreadable state: poll at the interval rather than spin
            log.exception("feed_state_unreadable", feed=feed.name)
            return time.time() + self.feeds.interval_of(feed)
        return max(state.next_poll_at, state.hold_until)


def _describe(exc: object) -> str:
    # feedparser's SAX errors carry the line and column in their text
    return "no entries" if exc is None else f"{type(exc).__name__}: {exc}"


def _ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)
