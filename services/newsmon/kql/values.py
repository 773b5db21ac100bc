"""Helpers for wildcard values (segments split at unescaped ``*``)."""

from __future__ import annotations

import re
from functools import lru_cache

_WS = re.compile(r"\s+")


def split_pieces(segments: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Split a value at whitespace into pieces, each still a tuple of wildcard segments.

    ``("quick bro", "")`` (``quick bro*``) gives ``[("quick",), ("bro", "")]``: on a text
    field each piece is searched on its own (Kibana's query_string, default operator OR).
    """
    pieces: list[list[str]] = [[""]]
    for i, seg in enumerate(segments):
        if i:
            pieces[-1].append("")
        parts = _WS.split(seg)
        pieces[-1][-1] += parts[0]
        for part in parts[1:]:
            pieces.append([part])
    return [tuple(p) for p in pieces if p != [""]]


@lru_cache(maxsize=1024)
def wildcard_regex(segments: tuple[str, ...]) -> re.Pattern[str]:
    """A regex that fullmatches what the wildcard pattern matches (``*`` = any characters)."""
    return re.compile(".*".join(re.escape(s) for s in segments), re.DOTALL)


def es_wildcard(segments: tuple[str, ...]) -> str:
    """The pattern for an ES ``wildcard`` query: literal ``*``, ``?`` and ``\\`` escaped."""

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?")

    return "*".join(esc(s) for s in segments)
