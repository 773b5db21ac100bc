"""A stable key for one real meeting, shared by every outlet's report of it.

Algorithm (documented in README.md, "Meeting events"):

1. Each participant gets a short key that survives naming differences: a person's surname
   ("Biden", "Joe Biden", "President Biden" -> ``biden``), a country's ISO alpha-2 code
   ("United States", "US", "U.S." -> ``us``), an organisation's acronym ("Organization for Security
   and Cooperation in Europe", "OSCE" -> ``osce``).
2. Only the two *main* participants go in: the extractor lists participants most-mentioned first,
   so an extra official that one outlet names in passing does not change the key.
   Persons are preferred over bodies and countries, because outlets differ more on whether they
   name the delegations' countries than on who met.
3. The mode: ``call`` for phone/video calls, ``meet`` for everything in person, so a call and a
   meeting of the same two people on the same day stay apart.
4. The date at the precision the text gives (day, month, year) or ``undated``.

The key is ``<mode>:<date>:<k1>+<k2>`` followed by a short hash, readable in Kibana and safe as an
Elasticsearch document id. Location is left out on purpose: outlets give different venues for
the same meeting ("Filoli", "Woodside", "near San Francisco") or none at all.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from newsmon.extract.places import get_gazetteer

_TITLE = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "minister",
    "secretary",
    "general",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "prime",
    "deputy",
    "foreign",
    "the",
    "chancellor",
    "king",
    "queen",
    "pope",
    "sir",
    "jr",
    "sr",
    "ii",
    "iii",
    "iv",
}
_ORG_STOP = {"of", "for", "and", "the", "in", "on", "&"}


def _ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


_GROUP = re.compile(r"(?i)(?:G-?|Group of )(7|8|20|seven|eight|twenty)")
_GROUP_NUMBERS = {"seven": "7", "eight": "8", "twenty": "20"}


def participant_key(name: str, ptype: str | None = None) -> str:
    """Short, outlet-independent key for one participant (see the module docstring)."""
    raw = " ".join(name.split())
    group = _GROUP.fullmatch(raw)
    if group:  # "G20", "G-20", "Group of 20", "Group of Twenty" -> g20
        num = group.group(1).lower()
        return f"g{_GROUP_NUMBERS.get(num, num)}"
    if ptype in (None, "country"):
        code = get_gazetteer().country_code(raw)
        if code:
            return code.lower()
    words = re.findall(r"[\w]+", _ascii(raw))
    if ptype == "organization" or (ptype is None and raw.isupper()):
        if len(words) == 1:
            return str(words[0])
        # "UN Security Council", "U.N. Security Council", "United Nations Security Council" -> unsc
        plain = raw.replace(".", "")
        caps = [w for w in re.findall(r"[A-Za-z][\w-]*", plain) if w.lower() not in _ORG_STOP]
        return "".join(w if w.isupper() else w[0] for w in caps).lower() or "-".join(words)
    words = [w for w in words if w not in _TITLE]
    return words[-1] if words else _ascii(raw)


def main_participants(participants: Iterable[Mapping[str, Any]], limit: int = 2) -> list[str]:
    """Keys of the (at most ``limit``) main participants, persons first, in the given order."""
    plist = list(participants)
    ordered = [p for p in plist if p.get("type") == "person"] + [
        p for p in plist if p.get("type") != "person"
    ]
    keys: list[str] = []
    for p in ordered:
        k = participant_key(str(p.get("name", "")), p.get("type"))
        if k and k not in keys:
            keys.append(k)
        if len(keys) == limit:
            break
    return sorted(keys)


def meeting_key(participants: Iterable[Mapping[str, Any]], date: str | None, kind: str | None) -> str:
    """The cross-article key: ``meet:2021-06-16:biden+putin#1a2b3c4d`` (see the module docstring)."""
    mode = "call" if kind == "call" else "meet"
    keys = main_participants(participants)
    return _compose(mode, date, "+".join(keys) or "unknown")


def _compose(mode: str, date: str | None, parties: str) -> str:
    """``<mode>:<date or undated>:<parties>#<sha1[:8]>``: the one place a key is written."""
    body = f"{mode}:{date or 'undated'}:{parties}"
    return f"{body}#{hashlib.sha1(body.encode(), usedforsecurity=False).hexdigest()[:8]}"


_KEY = re.compile(
    r"(?P<mode>meet|call):(?P<date>undated|\d{4}(?:-\d{2}(?:-\d{2})?)?):(?P<parties>.*)#[0-9a-f]{8}"
)


@dataclass(frozen=True)
class KeyParts:
    """A meeting key taken apart: mode, date (``None`` when undated) and the joined party keys."""

    mode: str
    date: str | None
    parties: str

    @classmethod
    def parse(cls, key: str) -> KeyParts | None:
        m = _KEY.fullmatch(key)
        if m is None:
            return None
        date = m["date"]
        return cls(m["mode"], None if date == "undated" else date, m["parties"])

    def key(self, date: str | None = None) -> str:
        """The key of the same parties and mode on ``date`` (this key's own date by default)."""
        return _compose(self.mode, date or self.date, self.parties)

    @property
    def undated_key(self) -> str:
        """The key of the same parties and mode without a date."""
        return _compose(self.mode, None, self.parties)

    def same_meeting_as(self, other: KeyParts) -> bool:
        """Same mode and same named parties (whatever the dates)."""
        return (self.mode, self.parties) == (other.mode, other.parties) and self.parties != "unknown"

    @property
    def coarser_dates(self) -> list[str]:
        """The month and year of a day, the year of a month: the dates a vaguer report may give."""
        if not self.date:
            return []
        return [self.date[:n] for n in (7, 4) if n < len(self.date)]
