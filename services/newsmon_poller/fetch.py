"""HTTP side of polling: conditional GET, size cap, Retry-After, errors with their reason.

:func:`fetch` returns a :class:`FetchResult` (200 with a body, or 304 not modified) or raises
:class:`FeedFetchError` carrying the reason and, for 429/503, the server's ``Retry-After``.
"""

from __future__ import annotations

import datetime as dt
import email.utils
from dataclasses import dataclass

import httpx

from newsmon.errors import FeedError


class FeedFetchError(FeedError):
    """A feed could not be fetched; ``retry_after`` (seconds) when the server asked us to wait."""

    def __init__(
        self, message: str, *, reason: str, status: int | None = None, retry_after: float | None = None
    ):
        super().__init__(message)
        self.reason = reason  # short machine-readable cause: http_404, timeout, refused, too_large, ...
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True)
class FetchResult:
    """A successful fetch: ``body`` is None when the server answered 304 Not Modified."""

    status: int
    body: bytes | None
    etag: str | None
    last_modified: str | None
    content_type: str | None


def parse_retry_after(value: str | None, now: dt.datetime | None = None) -> float | None:
    """``Retry-After`` as seconds from now: delta-seconds or an HTTP date; None if absent or bad."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    now = now or dt.datetime.now(dt.UTC)
    return max(0.0, (when - now).total_seconds())


def fetch(
    client: httpx.Client,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    max_bytes: int,
) -> FetchResult:
    """GET ``url`` conditionally; refuse bodies over ``max_bytes`` without reading them whole."""
    headers = {"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        with client.stream("GET", url, headers=headers) as response:
            status = response.status_code
            if status == 304:
                return FetchResult(
                    304,
                    None,
                    response.headers.get("etag") or etag,
                    response.headers.get("last-modified") or last_modified,
                    None,
                )
            if status in (429, 503):
                retry_after = parse_retry_after(response.headers.get("retry-after"))
                raise FeedFetchError(
                    f"HTTP {status} {response.reason_phrase}"
                    + (f", Retry-After {retry_after:g}s" if retry_after is not None else ""),
                    reason=f"http_{status}",
                    status=status,
                    retry_after=retry_after,
                )
            if status >= 400:
                raise FeedFetchError(
                    f"HTTP {status} {response.reason_phrase}", reason=f"http_{status}", status=status
                )
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FeedFetchError(
                    f"response of {int(declared)} bytes exceeds the {max_bytes}-byte limit",
                    reason="too_large",
                    status=status,
                )
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    # a server may omit or understate Content-Length: count what actually arrives
                    raise FeedFetchError(
                        f"response exceeds the {max_bytes}-byte limit (stopped reading at {size} bytes)",
                        reason="too_large",
                        status=status,
                    )
                chunks.append(chunk)
            return FetchResult(
                status,
                b"".join(chunks),
                response.headers.get("etag"),
                response.headers.get("last-modified"),
                response.headers.get("content-type"),
            )
    except httpx.TimeoutException as exc:
        raise FeedFetchError(f"timed out ({type(exc).__name__})", reason="timeout") from exc
    except httpx.ConnectError as exc:
        raise FeedFetchError(f"cannot connect: {exc}", reason="connect") from exc
    except httpx.TooManyRedirects as exc:
        raise FeedFetchError("too many redirects", reason="redirects") from exc
    except httpx.HTTPError as exc:
        raise FeedFetchError(f"{type(exc).__name__}: {exc}", reason="http_error") from exc
