"""Folding after narrative time has dated the meetings: a lead that only describes its parties
("European leaders gathered Friday") joins the named meeting of that day, and one body's summit
told twice on its day is one summit."""

from __future__ import annotations

from newsmon.extract.meeting_merge import (
    Candidate,
    absorb,
    modes_agree,
    places_conflict,
    statuses_agree,
)


def fold_vague(meetings: list[Candidate]) -> list[Candidate]:
    """ "European leaders gathered Friday" (the lead, before the summit is named) is the summit
    the article names later on that day: a described-only mention joins a named meeting of the
    same day, without its description (after narrative time has dated the named one)."""
    kept: list[Candidate] = []
    for m in meetings:
        # "This is Trump's third G-7 summit", dated by narrative time to the summit's day
        twin = _same_day_summit(kept, m)
        if twin is not None:
            absorb(twin, m)
            continue
        if m.vague and m.date and len(m.date) == 10:
            home = next(
                (
                    d
                    for d in meetings
                    if not d.vague
                    and d.date == m.date
                    and modes_agree(d, m)
                    and statuses_agree(d.status, m.status)
                ),
                None,
            )
            if home is not None:
                m.participants = []
                absorb(home, m)
                continue
        kept.append(m)
    return kept


def _same_day_summit(kept: list[Candidate], m: Candidate) -> Candidate | None:
    """A summit kept earlier on the same day, of a body ``m`` names too: one summit, not two."""
    if m.kind not in ("summit", "conference") or not m.date or len(m.date) != 10:
        return None
    orgs = {p.key for p in m.participants if p.type == "organization"}
    for d in kept:
        if d.kind == m.kind and d.date == m.date and orgs & d.keys() and statuses_agree(d.status, m.status):
            if not places_conflict(d.place, m.place):
                return d
    return None
