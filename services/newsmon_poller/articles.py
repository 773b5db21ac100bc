"""Feed entries -> ``articles.v1`` messages, with a stable id.

The id is ``a-`` + the first 32 hex characters of sha256 over the article's identity: the feed's
GUID when it has one, else its canonical URL, else its content hash. The same item read again,
by this poller or after a restart, gets the same id; that is what deduplication keys on.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
import time
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from newsmon.feeds_config import FeedConfig

# tracking parameters that never change which article a URL names
_TRACKING_PARAMS = {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ocid", "cmpid"}
_HTML_TAG = re.compile(r"<[A-Za-z!/][^>]*>")
_HTML_TYPES = {"text/html", "application/xhtml+xml", "html", "xhtml"}


def canonical_url(url: str | None) -> str | None:
    """Lower-case scheme and host, no default port, no fragment, no utm_* or click-id parameters."""
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return url.strip()
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or (scheme, port) in {("http", 80), ("https", 443)} else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k.lower() not in _TRACKING_PARAMS
    ]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def content_hash(title: str | None, summary: str | None, body: str) -> str:
    """``sha256:<hex>`` over title, summary and body (NUL separated so fields cannot run together)."""
    data = "\x00".join([title or "", summary or "", body]).encode("utf-8")
    return "sha256:" + hashlib.sha256(data).hexdigest()


def article_id(guid: str | None, canonical: str | None, hash_: str) -> str:
    """The stable id: from the GUID, else the canonical URL, else the content hash."""
    if guid and guid.strip():
        identity = f"guid:{guid.strip()}"
    elif canonical:
        identity = f"url:{canonical}"
    else:
        identity = f"hash:{hash_}"
    return "a-" + hashlib.sha256(identity.encode("utf-8")).hexdigest()[:32]


def rfc3339(value: dt.datetime) -> str:
    """UTC RFC 3339 with a ``Z``, milliseconds only when there are any."""
    value = value.astimezone(dt.UTC)
    text = value.strftime("%Y-%m-%dT%H:%M:%S")
    if value.microsecond:
        text += f".{value.microsecond // 1000:03d}"
    return text + "Z"


def _struct_to_rfc3339(value: time.struct_time | None) -> str | None:
    # feedparser normalises every date it understands to a UTC struct_time
    if value is None:
        return None
    try:
        return rfc3339(dt.datetime.fromtimestamp(calendar.timegm(value), tz=dt.UTC))
    except (OverflowError, ValueError, OSError):
        return None


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _body(entry: Any) -> tuple[str, str, str | None] | None:
    """(body, body_source, declared type) from content, else summary, else title."""
    for content in entry.get("content") or []:
        value = _text(content.get("value"))
        if value:
            return value, "content", content.get("type")
    summary = _text(entry.get("summary"))
    if summary:
        return summary, "summary", (entry.get("summary_detail") or {}).get("type")
    title = _text(entry.get("title"))
    if title:
        return title, "title", "text/plain"
    return None


def _authors(entry: Any) -> list[str]:
    names = [_text(a.get("name")) for a in entry.get("authors") or [] if isinstance(a, dict)]
    found = [n for n in names if n]
    if not found and _text(entry.get("author")):
        found = [entry["author"].strip()]
    return list(dict.fromkeys(found))


def _language(entry: Any, feed_meta: Any) -> str | None:
    for detail in (entry.get("content") or [{}])[0], entry.get("title_detail") or {}:
        lang = _text(detail.get("language")) if isinstance(detail, dict) else None
        if lang:
            return lang
    return _text(feed_meta.get("language"))


def outlet_of(feed: FeedConfig, feed_meta: Any) -> str:
    """feeds.yaml's outlet, else the feed's own title, else the host of its link or URL."""
    if feed.outlet:
        return feed.outlet
    title = _text(feed_meta.get("title"))
    if title:
        return title
    host = urlsplit(_text(feed_meta.get("link")) or feed.url).hostname
    return host or feed.name


def to_article(
    entry: Any, feed: FeedConfig, feed_meta: Any, fetched_at: dt.datetime
) -> dict[str, Any] | None:
    """One feedparser entry as an ``articles.v1`` message; None if it has no text at all."""
    found = _body(entry)
    if found is None:
        return None
    body, source, declared = found
    title, summary = _text(entry.get("title")), _text(entry.get("summary"))
    url = _text(entry.get("link"))
    canonical = canonical_url(url)
    guid = _text(entry.get("id"))
    hash_ = content_hash(title, summary, body)
    # feedparser declares RSS descriptions text/html even when they hold plain text: trust markup
    html = (declared or "text/html") in _HTML_TYPES and bool(_HTML_TAG.search(body))
    return {
        "id": article_id(guid, canonical, hash_),
        "url": url,
        "canonical_url": canonical,
        "guid": guid,
        "title": title,
        "summary": summary,
        "body": body,
        "body_source": source,
        "html": html,
        "feed": {"name": feed.name, "url": feed.url},
        "outlet": outlet_of(feed, feed_meta),
        "authors": _authors(entry),
        "language": _language(entry, feed_meta),
        "published": _struct_to_rfc3339(entry.get("published_parsed") or entry.get("updated_parsed")),
        "fetched_at": rfc3339(fetched_at),
        "content_hash": hash_,
    }
