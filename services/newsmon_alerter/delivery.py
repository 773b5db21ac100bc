"""POST alert payloads: retries with exponential backoff and jitter, 429/Retry-After, rate limits.

A delivery is a sequence of attempts. Retried: timeouts, connection errors, 408, 429 (after
``Retry-After``, capped) and 5xx. Not retried: other 4xx (the payload or URL is wrong; trying
again cannot help). Each attempt is reported to ``on_attempt`` (the audit index); the caller
sends the alert to the dead-letter topic when :class:`DeliveryResult` says it gave up.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from newsmon.logs import get_logger
from newsmon_alerter.formats import webhook as webhook_format
from newsmon_alerter.rules import Destination
from newsmon_alerter.settings import AlerterSettings

log = get_logger(__name__)

RETRIABLE_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class Attempt:
    """One HTTP attempt, as written to the audit index."""

    attempt: int
    status: str  # delivered | retry | failed
    http_status: int | None
    error: str | None
    started_at: dt.datetime
    duration_ms: float
    wait_s: float | None = None  # how long we wait before the next attempt


@dataclass
class DeliveryResult:
    delivered: bool
    attempts: list[Attempt] = field(default_factory=list)
    reason: str | None = None


class TokenBucket:
    """A per-destination rate limit: ``rate`` tokens per second, at most ``burst`` saved up."""

    def __init__(self, rate_per_s: float, burst: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate_per_s
        self.burst = max(1, burst)
        self.tokens = float(self.burst)
        self.clock = clock
        self.updated = clock()
        self.lock = threading.Lock()

    def reserve(self) -> float:
        """Take a token; return how many seconds to wait before using it (0 when one was free)."""
        with self.lock:
            now = self.clock()
            self.tokens = min(self.burst, self.tokens + (now - self.updated) * self.rate)
            self.updated = now
            self.tokens -= 1
            return 0.0 if self.tokens >= 0 else -self.tokens / self.rate


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


class Sender:
    """Delivers payloads to destinations; one instance per alerter process (shares rate limits)."""

    def __init__(
        self,
        settings: AlerterSettings,
        client: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self.client = client or httpx.Client(timeout=settings.alerter_http_timeout_s, follow_redirects=False)
        self.sleep = sleep
        self.buckets: dict[str, TokenBucket] = {}

    def close(self) -> None:
        self.client.close()

    def bucket(self, name: str, dest: Destination) -> TokenBucket:
        rate = dest.rate_per_minute or self.settings.alerter_rate_per_minute
        if name not in self.buckets or self.buckets[name].rate != rate / 60:
            self.buckets[name] = TokenBucket(rate / 60, self.settings.alerter_rate_burst)
        return self.buckets[name]

    def backoff(self, attempt: int) -> float:
        """Exponential backoff with "equal jitter": half fixed, half random."""
        cap = min(
            self.settings.alerter_backoff_max_s, self.settings.alerter_backoff_base_s * 2 ** (attempt - 1)
        )
        return float(cap / 2 + random.uniform(0, cap / 2))  # noqa: S311 - jitter, not cryptography

    def _wait(self, seconds: float, heartbeat: Callable[[], None] | None) -> None:
        # sleep in slices so that the claim lease is renewed during long waits
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            if heartbeat:
                heartbeat()
            self.sleep(min(left, 5.0))

    def _request(self, dest: Destination, payload: dict[str, Any], delivery_id: str) -> httpx.Response:
        headers = {"Content-Type": "application/json", "User-Agent": "newsmon-alerter/0.1"}
        if dest.type == "webhook":
            now = int(time.time())
            body = webhook_format.encode({**payload, "sent_at": now})
            headers[webhook_format.TIMESTAMP_HEADER] = str(now)
            headers[webhook_format.DELIVERY_HEADER] = delivery_id
            if dest.secret is not None:
                headers[webhook_format.SIGNATURE_HEADER] = webhook_format.sign(
                    body, dest.secret.get_secret_value()
                )
        else:
            body = webhook_format.encode(payload)
        return self.client.post(dest.url.get_secret_value(), content=body, headers=headers)

    def send(
        self,
        name: str,
        dest: Destination,
        payload: dict[str, Any],
        delivery_id: str,
        on_attempt: Callable[[Attempt], None] | None = None,
        heartbeat: Callable[[], None] | None = None,
    ) -> DeliveryResult:
        """Deliver ``payload`` to ``dest`` (named ``name`` in logs; the URL is never logged)."""
        result = DeliveryResult(delivered=False)
        max_attempts = max(1, self.settings.alerter_max_attempts)
        for n in range(1, max_attempts + 1):
            self._wait(self.bucket(name, dest).reserve(), heartbeat)
            if heartbeat:
                heartbeat()
            started, t0 = dt.datetime.now(dt.UTC), time.monotonic()
            status_code: int | None = None
            retry_after: float | None = None
            try:
                response = self._request(dest, payload, delivery_id)
                status_code = response.status_code
                if 200 <= status_code < 300:
                    error = None
                else:
                    error = f"HTTP {status_code}: {response.text[:300]}"
                    if status_code == 429:
                        retry_after = parse_retry_after(response.headers.get("Retry-After"))
            except httpx.TimeoutException as exc:
                error = f"timeout: {type(exc).__name__}"
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"
            elapsed = (time.monotonic() - t0) * 1000
            if error is None:
                attempt = Attempt(n, "delivered", status_code, None, started, elapsed)
                result.attempts.append(attempt)
                result.delivered = True
                if on_attempt:
                    on_attempt(attempt)
                return result
            retriable = status_code is None or status_code in RETRIABLE_STATUS
            last = n == max_attempts or not retriable
            wait = None
            if not last:
                wait = self.backoff(n)
                if retry_after is not None:
                    wait = max(wait, min(retry_after, self.settings.alerter_retry_after_max_s))
            attempt = Attempt(n, "failed" if last else "retry", status_code, error, started, elapsed, wait)
            result.attempts.append(attempt)
            result.reason = error if retriable else f"not retriable: {error}"
            if on_attempt:
                on_attempt(attempt)
            log.warning("alert_attempt_failed", destination=name, attempt=n, error=error, wait_s=wait)
            if last:
                break
            assert wait is not None
            self._wait(wait, heartbeat)
        return result
