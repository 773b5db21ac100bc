"""Agency datelines: "GENEVA (Reuters) — ", "OSLO — ", "BERLIN, Dec 30 (Wire) - ", "Aug 27 (Reuters) - ".

A dateline names where the story was filed; it is neither part of the first sentence's reported
speech nor a participant, place or date of what the sentence reports.
"""

from __future__ import annotations

import re

DATELINE = re.compile(
    r"^\s*(?:([A-Z][A-Z .'-]{2,40}?)(?:,\s*[A-Z][A-Za-z0-9 .]+?)?\s*(?:\([^)]*\))?"
    # "Aug 27 (Reuters) - ", "Washington, March 3 (AP) -- ": any short head before an agency's name
    r"|[A-Z][A-Za-z0-9 .,'-]{0,40}?\s*\([A-Z][A-Za-z .&-]{1,30}\))\s*[—–=-]{1,2}\s",
    re.M,
)
_HEAD_CHARS = 600  # a dateline opens the story: look no further than its first lines


def find_dateline(text: str) -> re.Match[str] | None:
    """The dateline at the start of a line near the top of ``text``, if any."""
    return DATELINE.search(text[:_HEAD_CHARS])


def dateline_end(text: str) -> int:
    """Offset just after the dateline (0 when the article has none)."""
    m = find_dateline(text)
    return m.end() if m else 0
