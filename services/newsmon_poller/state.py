"""The poller's persistent state: what was sent, and each feed's HTTP validators and schedule.

One sqlite file (``$NEWSMON_STATE_DIR/poller.sqlite3``). An article id is recorded only after
Kafka acknowledged the message, so a crash between send and record re-sends at most the
articles of that one poll, never loses one; the ids make such a resend idempotent downstream
(Elasticsearch document ids, Kafka key).
"""

from __future__ import annotations

import fcntl
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from newsmon.errors import ConfigError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sent (
    article_id   TEXT PRIMARY KEY,
    feed         TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    topic        TEXT NOT NULL,
    sent_at      REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS feeds (
    name          TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    failures      INTEGER NOT NULL DEFAULT 0,
    next_poll_at  REAL NOT NULL DEFAULT 0,
    last_error    TEXT,
    hold_until    REAL NOT NULL DEFAULT 0,
    updated_at    REAL NOT NULL
);
"""


@dataclass(frozen=True)
class FeedState:
    """What the poller remembers about one feed between polls and restarts."""

    name: str
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    next_poll_at: float = 0.0
    last_error: str | None = None
    # set from a 429/503 Retry-After: not even `--once` polls the feed before this time
    hold_until: float = 0.0


class StateStore:
    """Small sqlite store; one per poller process (not shared between processes)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # two pollers on one state would both send what neither has recorded yet
            self._lock = path.with_suffix(".lock").open("w")
            try:
                fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                self._lock.close()
                raise ConfigError(
                    f"another poller is using {path.parent}; give each poller its own NEWSMON_STATE_DIR"
                ) from None
            # one thread at a time uses the store (the polling loop; fetch threads never touch it),
            # but that thread need not be the one that opened it
            self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise ConfigError(f"cannot open the poller state {path}: {exc} (set NEWSMON_STATE_DIR)") from exc

    def close(self) -> None:
        self._db.close()
        self._lock.close()  # releases the flock

    def was_sent(self, article_id: str, topic: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM sent WHERE article_id = ? AND topic = ?", (article_id, topic)
        ).fetchone()
        return row is not None

    def mark_sent(self, article_id: str, feed: str, content_hash: str, topic: str) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO sent (article_id, feed, content_hash, topic, sent_at) VALUES (?,?,?,?,?)",
            (article_id, feed, content_hash, topic, time.time()),
        )

    def sent_count(self, feed: str | None = None) -> int:
        if feed is None:
            return int(self._db.execute("SELECT count(*) FROM sent").fetchone()[0])
        return int(self._db.execute("SELECT count(*) FROM sent WHERE feed = ?", (feed,)).fetchone()[0])

    def feed(self, name: str) -> FeedState:
        row = self._db.execute(
            "SELECT etag, last_modified, failures, next_poll_at, last_error, hold_until"
            " FROM feeds WHERE name = ?",
            (name,),
        ).fetchone()
        if row is None:
            return FeedState(name)
        return FeedState(name, row[0], row[1], int(row[2]), float(row[3]), row[4], float(row[5]))

    def save_feed(self, state: FeedState) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO feeds (name, etag, last_modified, failures, next_poll_at, last_error,"
            " hold_until, updated_at) VALUES (?,?,?,?,?,?,?,?)",
            (
                state.name,
                state.etag,
                state.last_modified,
                state.failures,
                state.next_poll_at,
                state.last_error,
                state.hold_until,
                time.time(),
            ),
        )
