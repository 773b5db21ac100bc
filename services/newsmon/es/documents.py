"""Kafka messages -> Elasticsearch documents (pure functions, no I/O).

Document ids are deterministic (the message's own ``id``), so replaying a topic overwrites
documents instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

# Elasticsearch refuses _id values longer than 512 bytes.
MAX_ID_BYTES = 512


def now_iso() -> str:
    """The current UTC time, RFC 3339 with milliseconds."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def safe_id(value: str) -> str:
    """``value`` itself when it is a valid ``_id``, else a stable sha256 of it."""
    if value and len(value.encode("utf-8")) <= MAX_ID_BYTES:
        return value
    return "h-" + hashlib.sha256(value.encode("utf-8")).hexdigest()


def date_precision(value: str | None) -> str | None:
    """``day``, ``month`` or ``year`` for ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""
    if not value:
        return None
    return {10: "day", 7: "month", 4: "year"}.get(len(value[:10]), "day")


def geo_point(location: dict[str, Any] | None) -> dict[str, float] | None:
    """A ``geo_point`` object from a location's ``lat``/``lon``, when both are known."""
    if not location:
        return None
    lat, lon = location.get("lat"), location.get("lon")
    if lat is None or lon is None:
        return None
    return {"lat": float(lat), "lon": float(lon)}


def article_doc(message: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """``(_id, source)`` for an articles.v1 message."""
    return safe_id(str(message["id"])), {**message, "indexed_at": now_iso()}


def quote_doc(message: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """``(_id, source)`` for a quotes.v1 message."""
    return safe_id(str(message["id"])), {**message, "indexed_at": now_iso()}


def meeting_mention(message: dict[str, Any]) -> dict[str, Any]:
    """The part of a meetings.v1 message kept in the merged document's ``mentions`` list."""
    return {
        "id": message.get("id"),
        "article_id": message["article_id"],
        "outlet": message.get("outlet"),
        "url": message.get("url"),
        "title": message.get("title"),
        "published": message.get("published"),
        "extracted_at": message.get("extracted_at"),
        "status": message.get("status"),
        "date": message.get("date"),
        "end_date": message.get("end_date"),
        "date_text": message.get("date_text"),
        "kind": message.get("kind"),
        "confidence": message.get("confidence"),
        "participants": message.get("participants") or [],
        "location": message.get("location"),
        "evidence": message.get("evidence"),
    }
