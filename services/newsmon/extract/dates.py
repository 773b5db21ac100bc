"""Date expressions in news prose, resolved against the publication date and the tense.

Why our own resolver: dateparser and HeidelTime send a bare weekday to the past whatever the
tense, so "On Tuesday, Sherman will meet" in an article of Tuesday 2022-01-11 becomes a week
early. Here :func:`find_dates` finds the expressions (regexes, no model) and :func:`resolve`
turns one into an ISO value at the precision the text supports:

* ``YYYY-MM-DD`` for days (explicit dates, weekdays, yesterday/today/tomorrow, "in three days"),
* ``YYYY-MM`` for months and for week-sized spans ("next week" gives the month of its Monday),
* ``YYYY`` for years ("later this year").

``tense`` is ``"past"``, ``"future"``, ``"present"`` or ``None``. A bare weekday in a past
sentence is the latest such day on or before publication, in a future sentence the earliest on
or after it, otherwise the nearest. A date without a year takes the year nearest publication
that is consistent with the tense (so "January 5" said on 2022-12-30 of a coming meeting is
2023-01-05).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from newsmon.extract.date_patterns import COMPILED, MONTHS, NUMBERS, WEEKDAYS, YREL
from newsmon.extract.seasons import season_year

Tense = Literal["past", "future", "present"] | None


@dataclass(frozen=True)
class DateExpr:
    """One date expression as found in the text (not yet resolved)."""

    kind: str
    text: str
    start: int
    end: int
    groups: tuple[tuple[str, str], ...]

    def get(self, key: str) -> str | None:
        return dict(self.groups).get(key)


@dataclass(frozen=True)
class Resolved:
    """A resolved date: ``value`` and optional ``end_value`` in ISO at the text's precision."""

    value: str | None
    end_value: str | None = None

    @property
    def precision(self) -> str | None:
        return {10: "day", 7: "month", 4: "year"}.get(len(self.value)) if self.value else None


def find_dates(text: str) -> list[DateExpr]:
    """All date expressions in ``text``, longest first where they overlap, in text order."""
    found: list[DateExpr] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in COMPILED:
        for m in rx.finditer(text):
            # cue words that only license a match ("in" June) are not part of the expression
            s, e = m.span("body") if m.groupdict().get("body") is not None else m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            if kind == "event_name":  # a name ("the September 11 attacks"): no date of the story
                continue
            groups = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
            found.append(DateExpr(kind=kind, text=text[s:e], start=s, end=e, groups=groups))
    return sorted(found, key=lambda x: x.start)


def _month(name: str | None) -> int | None:
    return MONTHS.get(name.lower().rstrip(".")) if name else None


def _day(s: str | None) -> int | None:
    return int(re.sub(r"\D", "", s)) if s else None


def _num(s: str | None) -> int:
    if not s:
        return 1
    return int(s) if s.isdigit() else NUMBERS.get(s.lower(), 1)


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def pick_year(month: int, day: int | None, published: dt.date, tense: Tense) -> int:
    """The year nearest ``published`` for a month (and day) without a year, consistent with tense."""
    cands: list[tuple[dt.date, int]] = []
    for y in (published.year - 1, published.year, published.year + 1):
        d = _safe_date(y, month, day or 1)
        if d is None:
            continue
        cands.append((d, y))
    if tense == "past":
        ok = [(d, y) for d, y in cands if d <= published]
        if ok:
            return max(ok)[1]
    elif tense == "future":
        # a month without a day covers the whole month, so the current month is not yet past
        ok = [
            (d, y)
            for d, y in cands
            if (d >= published if day else (y, month) >= (published.year, published.month))
        ]
        if ok:
            return min(ok)[1]
    return min(cands, key=lambda c: abs((c[0] - published).days))[1]


def resolve_weekday(weekday: int, published: dt.date, tense: Tense, mod: str | None = None) -> dt.date:
    """The date of a weekday (0 = Monday) relative to ``published``.

    "last X" is strictly before publication and before the publication week when X falls earlier in
    that week (news writes "on Monday" for those days); "next X" / "coming X" strictly after; a bare weekday
    follows the tense (past: on or before, future: on or after, otherwise the nearest).
    """
    back = (published.weekday() - weekday) % 7
    fwd = (weekday - published.weekday()) % 7
    mod = (mod or "").strip().lower()
    if mod in ("last", "past"):
        # news says "on Monday" for this week's Monday: "last Monday" on a Wednesday is the week before's
        return published - dt.timedelta(days=back + 7 if 0 < back <= published.weekday() else back or 7)
    if mod in ("next", "coming", "this coming"):
        return published + dt.timedelta(days=fwd or 7)
    if tense == "past":
        return published - dt.timedelta(days=back)
    if tense == "future" or mod in ("until", "by", "before"):
        return published + dt.timedelta(days=fwd)
    return published - dt.timedelta(days=back) if back <= fwd else published + dt.timedelta(days=fwd)


def add_months(d: dt.date, n: int) -> tuple[int, int]:
    idx = d.year * 12 + d.month - 1 + n
    return idx // 12, idx % 12 + 1


def _span(unit: str, n: int, published: dt.date, rolling: bool = False, inclusive: bool = False) -> str:
    """ISO value for a week/month/year span shifted by ``n`` units from publication.

    A week is given as the month that holds most of its seven days: the calendar week (Monday to
    Sunday), or with ``rolling`` the seven days before publication ("over the past week")."""
    unit = unit.lower().rstrip("s")
    if unit == "week":
        if rolling:
            days = [
                published - dt.timedelta(days=i)
                for i in range(0 if inclusive else 1, 8 if not inclusive else 7)
            ]
        else:
            monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=n)
            days = [monday + dt.timedelta(days=i) for i in range(7)]
        year, month = Counter((d.year, d.month) for d in days).most_common(1)[0][0]
        return f"{year:04d}-{month:02d}"
    if unit == "month":
        y, m = add_months(published, n)
        return f"{y:04d}-{m:02d}"
    return f"{published.year + n:04d}"


def _explicit(expr: DateExpr, published: dt.date | None, tense: Tense) -> Resolved:
    m, d, y = _month(expr.get("m")), _day(expr.get("d")), expr.get("y")
    m2, d2 = _month(expr.get("m2")), _day(expr.get("d2"))
    if expr.kind == "dm_range" and m is None:
        m = m2
    if m is None:
        return Resolved(None)
    if y:
        year = int(y)
    elif expr.get("yrel") and published is not None:
        year = published.year + YREL[(expr.get("yrel") or "this").lower()]
    elif published is not None:
        year = pick_year(m, d, published, tense)
    else:
        return Resolved(None)
    if d is None:
        return Resolved(f"{year:04d}-{m:02d}")
    start = _safe_date(year, m, d)
    if start is None:
        return Resolved(None)
    end_value = None
    if d2 is not None:
        em = m2 or m
        ey = year + 1 if em < m else year
        end = _safe_date(ey, em, d2)
        if end is not None and end > start:
            end_value = _iso(end)
    return Resolved(_iso(start), end_value)


# "this past weekend" is the last one; "over the weekend" and "this weekend" follow the tense
_WEEKEND_MODS: dict[str, str | None] = {
    "this past": "last",
    "the past": "last",
    "over the": None,
    "the": None,
    "this": None,
}


def resolve(expr: DateExpr, published: dt.date | None, tense: Tense = None) -> Resolved:
    """Resolve one expression; relative ones need ``published`` (else the value is None)."""
    k = expr.kind
    if k == "iso":
        d = _safe_date(int(expr.get("y") or 0), int(expr.get("m") or 0), int(expr.get("d") or 0))
        return Resolved(_iso(d) if d else None)
    if k in ("md_range", "dm_range", "mdy", "dmy"):
        return _explicit(expr, published, tense)
    if k == "my":
        return Resolved(f"{int(expr.get('y') or 0):04d}-{_month(expr.get('m')):02d}")
    if k == "year":
        return Resolved(expr.get("y"))
    if k == "season":
        season = expr.get("s") or expr.get("s2") or "summer"
        return Resolved(season_year(season, expr.get("mod"), expr.get("y") or expr.get("y2"), published))
    if published is None:
        return Resolved(None)
    if k in ("mon", "mon_mod"):
        m = _month(expr.get("m")) or 1
        if expr.get("yrel"):  # "in November last year"
            return Resolved(f"{published.year + YREL[(expr.get('yrel') or 'this').lower()]:04d}-{m:02d}")
        mod = (expr.get("mod") or "").strip().lower()
        t: Tense = "past" if mod == "last" else "future" if mod in ("next", "coming") else tense
        year = pick_year(m, None, published, t)
        just_gone = (published.replace(day=1) - dt.timedelta(days=1)).month  # "last month" would say it
        if mod == "last" and ((year, m) == (published.year, published.month) or m == just_gone):
            year -= 1  # "met Trump Jr. last June", written in July 2017: June 2016
        if mod in ("next", "coming") and (year, m) == (published.year, published.month):
            year += 1
        return Resolved(f"{year:04d}-{m:02d}")
    if k == "ord_day":
        day = _day(expr.get("d")) or 1
        shift = 0
        if tense == "past" and day > published.day:
            shift = -1
        elif tense == "future" and day < published.day:
            shift = 1
        d = None
        for _ in range(3):  # the 30th of February does not exist: step on to a month that has it
            y, m = add_months(published, shift)
            d = _safe_date(y, m, day)
            if d is not None:
                break
            shift += -1 if tense == "past" else 1
        return Resolved(_iso(d) if d else None)
    if k == "rel_day":
        rd = (expr.get("rd") or "").lower()
        delta = {
            "the day before yesterday": -2,
            "yesterday": -1,
            "last night": -1,
            "tomorrow": 1,
            "the day after tomorrow": 2,
        }.get(rd, 0)
        return Resolved(_iso(published + dt.timedelta(days=delta)))
    if k == "wd":
        wd = WEEKDAYS.index((expr.get("w") or "").lower())
        wmod = expr.get("mod") or expr.get("cue")
        return Resolved(_iso(resolve_weekday(wd, published, tense, wmod)))
    if k == "weekend":
        mod = (expr.get("mod") or "").lower()
        wmod = _WEEKEND_MODS.get(mod, mod)
        return Resolved(_iso(resolve_weekday(5, published, tense, wmod)))
    if k == "wd_range":
        wd1 = WEEKDAYS.index((expr.get("w") or "").lower())
        wd2 = WEEKDAYS.index((expr.get("w2") or "").lower())
        start = resolve_weekday(wd1, published, tense)
        end = start + dt.timedelta(days=(wd2 - wd1) % 7)
        return Resolved(_iso(start), _iso(end) if end > start else None)
    if (k == "in_n" and tense == "past") or (k == "ago" and tense == "future"):
        return Resolved(None)  # "their first meeting in a year": a span, not a day to come
    if k in ("ago", "in_n"):
        n = _num(expr.get("n")) * (-1 if k == "ago" else 1)
        unit = (expr.get("u") or "day").lower().rstrip("s")
        if unit == "day":
            return Resolved(_iso(published + dt.timedelta(days=n)))
        if unit == "week":
            target = published + dt.timedelta(weeks=n)
            return Resolved(f"{target.year:04d}-{target.month:02d}")
        return Resolved(_span(unit, n, published))
    if k == "few_days":
        start = published - dt.timedelta(days=5)
        same = start.month == published.month
        return Resolved(f"{published.year:04d}-{published.month:02d}" if same else None)
    if k == "rel_span":
        mod = (expr.get("mod") or "").lower()
        shift = (
            1
            if any(w in mod for w in ("next", "coming", "following"))
            else (-1 if any(w in mod for w in ("last", "past", "previous")) else 0)
        )
        unit = (expr.get("u") or "week").lower()
        if unit == "year" and mod.startswith("the ") and shift == -1:
            return Resolved(None)  # "spent the last year disparaging": twelve months, not a year
        rolling = "past" in mod and shift == -1  # "the past week": the last seven days
        if unit.startswith("week") and shift == 0 and tense == "past":
            rolling = True  # "visited Ankara this week" on a Monday: the days just gone, not the week ahead
        return Resolved(_span(unit, shift, published, rolling, inclusive=shift == 0))
    return Resolved(None)


def resolve_text(text: str, published: dt.date | None, tense: Tense = None) -> Resolved | None:
    """Resolve the first date expression in ``text`` (convenience for callers and tests)."""
    found = find_dates(text)
    return resolve(found[0], published, tense) if found else None
