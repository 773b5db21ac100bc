"""Seats of power and who sat in them: a visit to the White House is a meeting with the president.

News writes "Suu Kyi visited the White House" or "Netanyahu arrived at the White House" for a
meeting with the president. The seat's occupant on the article's day joins such a visit, but only
when the article itself names that person (so an unknown or wrong occupant is never invented).
The table is small on purpose: the seats news names as stand-ins for their occupants.
"""

from __future__ import annotations

import datetime as dt

# seat (lower case, without "the") -> (first day, surname) of each occupant, oldest first
_OCCUPANTS: dict[str, list[tuple[str, str]]] = {
    "white house": [
        ("2001-01-20", "Bush"),
        ("2009-01-20", "Obama"),
        ("2017-01-20", "Trump"),
        ("2021-01-20", "Biden"),
        ("2025-01-20", "Trump"),
    ],
    "kremlin": [("2000-05-07", "Putin"), ("2008-05-07", "Medvedev"), ("2012-05-07", "Putin")],
    "elysee": [("2007-05-16", "Sarkozy"), ("2012-05-15", "Hollande"), ("2017-05-14", "Macron")],
    "downing street": [
        ("2010-05-11", "Cameron"),
        ("2016-07-13", "May"),
        ("2019-07-24", "Johnson"),
        ("2022-09-06", "Truss"),
        ("2022-10-25", "Sunak"),
        ("2024-07-05", "Starmer"),
    ],
}
_ALIASES = {
    "élysée": "elysee",
    "elysee palace": "elysee",
    "élysée palace": "elysee",
    "10 downing street": "downing street",
}


def occupant(seat: str, day: dt.date) -> str | None:
    """The surname of whoever held ``seat`` on ``day``, or None for an unknown seat or day."""
    key = seat.lower().strip()
    key = key[4:] if key.startswith("the ") else key
    key = _ALIASES.get(key, key)
    found = None
    for start, surname in _OCCUPANTS.get(key, []):
        if day.isoformat() >= start:
            found = surname
    return found
