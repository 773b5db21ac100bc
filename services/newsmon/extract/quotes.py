"""Quote extraction (placeholder until the quote extractor lands)."""

from __future__ import annotations

from typing import Any

from newsmon.extract.context import ArticleContext


def extract_quotes(ctx: ArticleContext) -> list[dict[str, Any]]:
    return []  # placeholder: replaced by the real extractor
