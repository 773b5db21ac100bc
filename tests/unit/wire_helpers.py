"""Shared helpers of the wire-copy meeting tests: every case is dated Tuesday 1987-04-14."""

from __future__ import annotations

import datetime as dt

from newsmon.extract import Extractor

PUB = dt.date(1987, 4, 14)  # a Tuesday


def meetings(extractor: Extractor, text: str) -> list[dict]:
    return extractor.extract(text, published=PUB)["meetings"]


def people(meeting: dict) -> set[str]:
    return {p["name"] for p in meeting["participants"]}
