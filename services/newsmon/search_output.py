"""How ``newsmon search`` prints hits: an aligned table for people, JSON lines for scripts."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO

ELLIPSIS = "…"


def cut(text: str, width: int) -> str:
    """``text`` on one line, at most ``width`` characters, marked with an ellipsis when cut."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + ELLIPSIS


def short_date(value: Any) -> str:
    """``2024-03-05T09:30:00Z`` -> ``2024-03-05 09:30``; partial dates are kept as they are."""
    if not value:
        return "-"
    text = str(value)
    return text[:16].replace("T", " ") if len(text) > 10 else text


def _names(people: Any) -> str:
    if not isinstance(people, list):
        return ""
    return ", ".join(str(p.get("name")) for p in people if isinstance(p, dict) and p.get("name"))


def _place(location: Any) -> str:
    if not isinstance(location, dict) or not location.get("name"):
        return ""
    code = location.get("country_code")
    return f"{location['name']} ({code})" if code else str(location["name"])


def _quote_text(src: dict[str, Any]) -> str:
    return f"“{src.get('text', '')}”"


# kind -> [(header, width or 0 for "the rest", value)]; the URL goes last, never cut: it is a link
Column = tuple[str, int, Callable[[dict[str, Any]], str]]
COLUMNS: dict[str, list[Column]] = {
    "quotes": [
        ("DATE", 16, lambda s: short_date(s.get("published"))),
        ("SPEAKER", 22, lambda s: s.get("speaker") or "(unattributed)"),
        ("QUOTE", 60, _quote_text),
        ("OUTLET", 18, lambda s: s.get("outlet") or ""),
        ("URL", 0, lambda s: s.get("url") or ""),
    ],
    "meetings": [
        ("DATE", 10, lambda s: short_date(s.get("date"))),
        ("STATUS", 9, lambda s: s.get("status") or ""),
        ("PARTICIPANTS", 40, lambda s: _names(s.get("participants"))),
        ("PLACE", 20, lambda s: _place(s.get("location"))),
        ("KIND", 10, lambda s: s.get("kind") or ""),
        ("URL", 0, lambda s: s.get("url") or ""),
    ],
    "articles": [
        ("PUBLISHED", 16, lambda s: short_date(s.get("published"))),
        ("OUTLET", 18, lambda s: s.get("outlet") or ""),
        ("TITLE", 70, lambda s: s.get("title") or ""),
        ("URL", 0, lambda s: s.get("url") or ""),
    ],
}


def print_table(
    kind: str,
    hits: Sequence[dict[str, Any]],
    total: int,
    page: int | None,
    next_cursor: str | None,
    out: TextIO | None = None,
) -> None:
    """Aligned columns, then a footer with the count and how to get the next page."""
    out = out or sys.stdout
    columns = COLUMNS[kind]
    rows = [
        [cut(value(h["_source"]), width) if width else value(h["_source"]) for _, width, value in columns]
        for h in hits
    ]
    widths = [
        max([len(header), *(len(r[i]) for r in rows)]) if width else 0
        for i, (header, width, _) in enumerate(columns)
    ]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) if w else c for c, w in zip(cells, widths, strict=True)).rstrip()

    if not hits:
        print(f"no {kind} found ({total} in total)", file=out)
        return
    print(line([h for h, _, _ in columns]), file=out)
    for row in rows:
        print(line(row), file=out)
    where = f"page {page}" if page else "after cursor"
    print(f"\n{len(hits)} of {total} {kind} ({where})", file=out)
    if next_cursor:
        print(f"next page: --after {next_cursor}", file=out)


def print_json(hits: Sequence[dict[str, Any]], cursors: Sequence[str], out: TextIO | None = None) -> None:
    """One object per hit: the document plus ``_id``, ``_index`` and its ``_cursor``."""
    out = out or sys.stdout
    for hit, cursor in zip(hits, cursors, strict=True):
        doc = {"_id": hit["_id"], "_index": hit["_index"], "_cursor": cursor, **hit["_source"]}
        print(json.dumps(doc, ensure_ascii=False, sort_keys=True), file=out)
