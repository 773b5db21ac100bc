"""Meeting extraction (placeholder until the meeting extractor lands)."""

from __future__ import annotations

from typing import Any

from newsmon.extract.context import ArticleContext


def extract_meetings(ctx: ArticleContext, quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return []  # placeholder: replaced by the real extractor
