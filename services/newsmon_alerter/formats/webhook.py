"""The generic JSON webhook: the full items, signed with HMAC-SHA256.

Headers: ``X-Newsmon-Timestamp`` (unix seconds, also ``sent_at`` in the body) and, when the
destination has a ``secret``, ``X-Newsmon-Signature: sha256=<hex HMAC-SHA256 of the raw body>``.
``X-Newsmon-Delivery`` is the claim id: stable across retries, so receivers can deduplicate.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from newsmon_alerter.formats.view import AlertView

SIGNATURE_HEADER = "X-Newsmon-Signature"
TIMESTAMP_HEADER = "X-Newsmon-Timestamp"
DELIVERY_HEADER = "X-Newsmon-Delivery"


def webhook_payload(views: list[AlertView]) -> dict[str, Any]:
    """The JSON body (``sent_at`` is added at send time, so retries carry their own time)."""
    return {
        "version": 1,
        "rule": views[0].rule,
        "item_type": views[0].item_type,
        "count": len(views),
        "items": [
            {
                "id": v.item_id,
                "headline": v.headline,
                "text": v.body,
                "facts": dict(v.facts),
                "article_url": v.article_url,
                "kibana_url": v.kibana_url,
                "item": v.item,
            }
            for v in views
        ],
    }


def sign(body: bytes, secret: str) -> str:
    """The signature header value for ``body``."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def verify(body: bytes, secret: str, header: str) -> bool:
    """What a receiver does: constant-time comparison of the signature."""
    return hmac.compare_digest(sign(body, secret), header)


def encode(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
