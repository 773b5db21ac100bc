"""Dead-letter records (dead-letter.v1): whatever the worker cannot process goes there, with why."""

from __future__ import annotations

import json
from typing import Any, Literal

from newsmon import schemas
from newsmon.es.documents import now_iso

Stage = Literal["consume", "extract", "index", "deliver"]

# Kafka refuses messages over 1 MB by default; keep the record well below it.
MAX_PAYLOAD_CHARS = 200_000
MAX_ERROR_CHARS = 4_000


def _payload(payload: bytes | str | dict[str, Any] | None) -> tuple[dict[str, Any] | str | None, bool]:
    """The payload as a JSON object when it is one and fits, else as (possibly truncated) text."""
    if payload is None:
        return None, False
    if isinstance(payload, dict):
        text = json.dumps(payload, ensure_ascii=False)
        if len(text) <= MAX_PAYLOAD_CHARS:
            return payload, False
        return text[:MAX_PAYLOAD_CHARS], True
    if isinstance(payload, bytes):
        payload = payload.decode("utf-8", errors="replace")
    if len(payload) <= MAX_PAYLOAD_CHARS:
        try:
            parsed = json.loads(payload)
        except ValueError:
            return payload, False
        return (parsed, False) if isinstance(parsed, dict) else (payload, False)
    return payload[:MAX_PAYLOAD_CHARS], True


def dead_letter_record(
    *,
    source_topic: str,
    partition: int | None,
    offset: int | None,
    key: bytes | str | None,
    stage: Stage,
    error_type: str,
    error_message: str,
    payload: bytes | str | dict[str, Any] | None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A dead-letter.v1 record, validated (raises SchemaValidationError only on a bug here)."""
    body, truncated = _payload(payload)
    if isinstance(key, bytes):
        key = key.decode("utf-8", errors="replace")
    error: dict[str, Any] = {"type": error_type or "Error", "message": error_message[:MAX_ERROR_CHARS]}
    if extra:
        error |= extra
    record = {
        "source_topic": source_topic,
        "partition": partition,
        "offset": offset,
        "key": key,
        "stage": stage,
        "error": error,
        "payload": body,
        "payload_truncated": truncated,
        "failed_at": now_iso(),
        "service": "worker",
    }
    schemas.validate("dead-letter.v1", record)
    return record
