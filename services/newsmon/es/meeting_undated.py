"""When an undated report of a meeting can only mean one dated meeting (pure functions).

"Biden's meeting with Putin" in a report published on 2021-06-18 gives no date, so its key is
``meet:undated:biden+putin``. Left there, every undated mention of the two men over the years
would pile into one document that mixes different meetings. Instead, an undated mention is
merged into the dated document of the same mode and parties whose date lies within
:data:`WINDOW` of the mention's report day (its article's publication, else extraction), when
exactly one such document exists; only otherwise does it go to the undated document. Dates to the
day or the month count (a month as the whole month); a year is too vague to decide by.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from newsmon.extract.meeting_key import KeyParts

WINDOW = dt.timedelta(days=14)


def report_day(mention: dict[str, Any]) -> dt.date | None:
    """The day a mention was reported: its ``published``, else ``extracted_at`` (``None`` if neither)."""
    for field in ("published", "extracted_at"):
        value = str(mention.get(field) or "")
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            continue
    return None


def interval(date: str | None) -> tuple[dt.date, dt.date] | None:
    """The days a day- or month-precision date covers (``None`` for a year or no date)."""
    try:
        if date and len(date) == 10:
            day = dt.date.fromisoformat(date)
            return day, day
        if date and len(date) == 7:
            year, month = int(date[:4]), int(date[5:7])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    except ValueError:
        return None
    return None


def near(date: str | None, day: dt.date) -> bool:
    """Whether the meeting date ``date`` lies within :data:`WINDOW` of the report day ``day``."""
    span = interval(date)
    return span is not None and span[0] - WINDOW <= day <= span[1] + WINDOW


def routable(parts: KeyParts | None) -> bool:
    """An undated key with named parties: it may mean a dated meeting."""
    return parts is not None and parts.date is None and parts.parties != "unknown"


def candidates_query(parts: KeyParts, day: dt.date, escaped_parties: str) -> dict[str, Any]:
    """Documents of ``parts``' mode and parties that may be dated near ``day`` (refined by :func:`near`)."""
    return {
        "bool": {
            "filter": [
                {"wildcard": {"meeting_key": {"value": f"{parts.mode}:*:{escaped_parties}#*"}}},
                {
                    "range": {
                        # a month-dated document is stored as the month's first day
                        "date": {
                            "gte": (day - WINDOW - dt.timedelta(days=31)).isoformat(),
                            "lte": (day + WINDOW).isoformat(),
                        }
                    }
                },
            ]
        }
    }


def dated_near(keys: list[str], parts: KeyParts, day: dt.date) -> list[str]:
    """Those of ``keys`` of the same meeting as ``parts`` dated (day or month) near ``day``."""
    out = []
    for key in keys:
        other = KeyParts.parse(key)
        if other is not None and other.same_meeting_as(parts) and near(other.date, day):
            out.append(key)
    return sorted(set(out))


def movable(undated_doc: dict[str, Any], key: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Split an undated document's mentions into those reported near ``key``'s date and the rest.

    A document that already dropped mentions (capped) gives nothing up: what it dropped could not
    be moved along.
    """
    mentions = list(undated_doc.get("mentions", []))
    parts = KeyParts.parse(key)
    if parts is None or int(undated_doc.get("mention_count") or 0) > len(mentions):
        return [], mentions
    moved: list[dict[str, Any]] = []
    kept: list[dict[str, Any]] = []
    for mention in mentions:
        day = report_day(mention)
        (moved if day is not None and near(parts.date, day) else kept).append(mention)
    return moved, kept
