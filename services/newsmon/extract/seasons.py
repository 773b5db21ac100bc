"""Seasons as dates: "last winter", "this summer", "in the spring of 2015" give a year.

A season is named for the year it ends in (winter 2015 is December 2014 to February 2015), which
is how news dates it ("last winter", said in January 2016, was the winter of 2015). Only the
northern seasons are known; a season gives ``YYYY``, never a month, since where it starts is a
matter of convention.
"""

from __future__ import annotations

import datetime as dt

# first and last month of each season; winter starts in the December before its year
_MONTHS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}


def _season_year(published: dt.date) -> tuple[int, int]:
    """(year, month) of ``published`` in season terms: December counts towards next year's winter."""
    return (published.year + 1, 0) if published.month == 12 else (published.year, published.month)


def season_year(season: str, mod: str | None, year: str | None, published: dt.date | None) -> str | None:
    """The year of a season expression, or None when it cannot be placed ("in the summer" alone
    is left undated: news uses it for this summer, last summer and summers in general)."""
    if year:
        return year
    if published is None:
        return None
    first, last = _MONTHS[season.lower()]
    py, pm = _season_year(published)
    if first == 12:
        first = 0  # winter runs from "month 0" (December) to February of its year
    mod = (mod or "").lower().replace("the ", "").strip()
    if (
        mod == "this"
    ):  # "this summer" written in December is the summer just gone; "this winter" the one begun
        return f"{py:04d}" if first == 0 else f"{published.year:04d}"
    if mod in ("last", "past"):
        return f"{py:04d}" if pm > last else f"{py - 1:04d}"
    if mod in ("next", "coming"):
        return f"{py:04d}" if pm < first else f"{py + 1:04d}"
    return None
