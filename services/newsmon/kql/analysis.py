"""What Elasticsearch does to values before comparing them, redone in Python.

* :func:`analyze` approximates the ``standard`` analyzer: Unicode word segmentation (UAX #29
  rules that matter for news text: ``Ryabkov's``, ``U.S``, ``3.5``, ``1,000`` stay one token,
  hyphens and other punctuation split) and lowercasing.
* :func:`parse_date` reads the ``strict_date_optional_time||epoch_millis`` values and date
  math (``now-7d/d``, ``2022-01-01||+1M``) the way a ``range`` query does, including the
  round-up of a missing time of day for ``lte``/``gt`` bounds (``lte: 2022-01-11`` means the
  end of that day; a missing month or day is 1 either way, as in ES).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_WORD = re.compile(r"\w+")
_LETTER_JOINERS = set("'\u2019.:\u00b7")
_DIGIT_JOINERS = set(",;.'\u2019")


def analyze(text: str) -> list[str]:
    """Lowercased tokens of ``text`` as the standard analyzer would index them."""
    tokens: list[str] = []
    prev_end = -2
    for m in _WORD.finditer(text):
        start = m.start()
        if tokens and start == prev_end + 1:
            joiner, before, after = text[prev_end], text[prev_end - 1], text[start]
            letters = before.isalpha() and after.isalpha() and joiner in _LETTER_JOINERS
            digits = before.isdigit() and after.isdigit() and joiner in _DIGIT_JOINERS
            if letters or digits:
                tokens[-1] += joiner + m.group().lower()
                prev_end = m.end()
                continue
        tokens.append(m.group().lower())
        prev_end = m.end()
    return tokens


_DATE = re.compile(
    r"^(?P<y>[+-]?\d{4})(?:-(?P<mo>\d{2})(?:-(?P<d>\d{2})"
    r"(?:T(?P<h>\d{2})(?::(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,](?P<f>\d{1,9}))?)?)?"
    r"(?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$"
)
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MATH = re.compile(r"([+-])(\d*)([yMwdhHms])|/([yMwdhHms])")


def _tz(text: str | None) -> dt.tzinfo:
    if not text or text == "Z":
        return dt.UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def _absolute(text: str, round_up: bool) -> dt.datetime | None:
    m = _DATE.match(text)
    if not m:
        if text.isdigit():  # epoch_millis
            return dt.datetime.fromtimestamp(int(text) / 1000, tz=dt.UTC)
        return None
    g = m.groupdict()
    year = int(g["y"])
    # Elasticsearch's round-up parser defaults a missing month and day to 1 and only the time
    # of day to its maximum: `lte: 2022-01` means 2022-01-01T23:59:59.999, not the month's end.
    month = int(g["mo"]) if g["mo"] else 1
    day = int(g["d"]) if g["d"] else 1
    hour = int(g["h"]) if g["h"] else (23 if round_up else 0)
    minute = int(g["mi"]) if g["mi"] else (59 if round_up else 0)
    second = int(g["s"]) if g["s"] else (59 if round_up else 0)
    micro = int((g["f"] or "").ljust(3, "0")[:3]) * 1000 if g["f"] else (999000 if round_up else 0)
    try:
        return dt.datetime(year, month, day, hour, minute, second, micro, tzinfo=_tz(g["tz"]))
    except ValueError:
        return None


def _add(value: dt.datetime, sign: int, amount: int, unit: str) -> dt.datetime:
    if unit in "yM":
        months = amount * (12 if unit == "y" else 1) * sign
        total = value.year * 12 + value.month - 1 + months
        year, month = divmod(total, 12)
        day = min(value.day, calendar.monthrange(year, month + 1)[1])
        return value.replace(year=year, month=month + 1, day=day)
    seconds = {"w": 604800, "d": 86400, "h": 3600, "H": 3600, "m": 60, "s": 1}[unit]
    return value + dt.timedelta(seconds=sign * amount * seconds)


def _round(value: dt.datetime, unit: str, up: bool) -> dt.datetime:
    v = value.astimezone(dt.UTC)
    if unit == "y":
        v = v.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    elif unit == "M":
        v = v.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    elif unit == "w":
        v = (v - dt.timedelta(days=v.weekday())).replace(hour=0, minute=0, second=0, microsecond=0)
    elif unit == "d":
        v = v.replace(hour=0, minute=0, second=0, microsecond=0)
    elif unit in "hH":
        v = v.replace(minute=0, second=0, microsecond=0)
    elif unit == "m":
        v = v.replace(second=0, microsecond=0)
    else:
        v = v.replace(microsecond=0)
    if up:
        v = _add(v, 1, 1, unit) - dt.timedelta(milliseconds=1)
    return v


def parse_date(text: str, round_up: bool = False, now: dt.datetime | None = None) -> dt.datetime | None:
    """A timezone-aware datetime for an ES date value or date-math expression, else ``None``.

    ``round_up`` is how ``lte``/``gt`` bounds are read: missing components and ``/unit``
    rounding go to the end of the period instead of its start.
    """
    text = text.strip()
    if text.startswith("now"):
        anchor: dt.datetime | None = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
        math = text[3:]
    elif "||" in text:
        head, math = text.split("||", 1)
        anchor = _absolute(head, round_up=False)
    else:
        return _absolute(text, round_up)
    if anchor is None:
        return None
    pos = 0
    for m in _MATH.finditer(math):
        if m.start() != pos:
            return None
        pos = m.end()
        if m.group(4):
            anchor = _round(anchor, m.group(4), round_up)
        else:
            anchor = _add(anchor, -1 if m.group(1) == "-" else 1, int(m.group(2) or 1), m.group(3))
    return anchor if pos == len(math) else None


def to_millis(value: dt.datetime) -> int:
    """Milliseconds since the epoch: the precision of an ES ``date`` field."""
    return (value - _EPOCH) // dt.timedelta(milliseconds=1)
