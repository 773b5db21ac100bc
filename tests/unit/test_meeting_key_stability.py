"""meeting_key: one key per real meeting across outlets, different keys for different meetings."""

from __future__ import annotations

import datetime as dt

import pytest

from newsmon.es.meeting_undated import interval, movable, near, report_day
from newsmon.extract.meeting_key import KeyParts, main_participants, meeting_key, participant_key


def person(name: str) -> dict:
    return {"name": name, "type": "person"}


def country(name: str) -> dict:
    return {"name": name, "type": "country"}


def org(name: str) -> dict:
    return {"name": name, "type": "organization"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (person("Joe Biden"), person("Biden")),
        (person("President Biden"), person("Joe Biden")),
        (person("Vladimir Putin"), person("Putin")),
        (country("United States"), country("U.S.")),
        (country("United States"), country("US")),
        (org("Organization for Security and Cooperation in Europe"), org("OSCE")),
        (org("United Nations Security Council"), org("U.N. Security Council")),
        (org("UN Security Council"), org("United Nations Security Council")),
        (org("NATO"), org("NATO")),
    ],
)
def test_participant_keys_survive_naming(a, b):
    assert participant_key(a["name"], a["type"]) == participant_key(b["name"], b["type"])


def test_same_meeting_different_wording_same_key():
    outlet_a = [person("Joe Biden"), person("Vladimir Putin")]
    outlet_b = [person("Putin"), person("President Biden")]
    assert meeting_key(outlet_a, "2021-06-16", "summit") == meeting_key(outlet_b, "2021-06-16", "meeting")


def test_extra_minor_participant_does_not_change_key():
    # the extractor lists participants most-mentioned first; an outlet naming the host in passing
    main = [person("Joe Biden"), person("Vladimir Putin")]
    extra = [person("Biden"), person("Putin"), person("Guy Parmelin"), country("Switzerland")]
    assert meeting_key(main, "2021-06-16", "summit") == meeting_key(extra, "2021-06-16", "summit")


def test_countries_only_when_no_people_named():
    assert main_participants([country("Russia"), person("Wendy Sherman"), person("Sergei Ryabkov")]) == [
        "ryabkov",
        "sherman",
    ]
    assert main_participants([country("Russia"), country("United States")]) == ["ru", "us"]


def test_different_meetings_different_keys():
    pair = [person("Antony Blinken"), person("Sergei Lavrov")]
    assert meeting_key(pair, "2022-02-15", "call") != meeting_key(pair, "2022-02-15", "meeting")
    assert meeting_key(pair, "2022-02-15", "call") != meeting_key(pair, "2022-01-21", "call")
    other = [person("Antony Blinken"), person("Wang Yi")]
    assert meeting_key(pair, "2022-02-15", "meeting") != meeting_key(other, "2022-02-15", "meeting")


def test_key_is_readable_and_id_safe():
    key = meeting_key([person("Joe Biden"), person("Vladimir Putin")], "2021-06-16", "summit")
    assert key.startswith("meet:2021-06-16:biden+putin#")
    assert " " not in key and "/" not in key
    assert meeting_key([country("Russia")], None, "talks").startswith("meet:undated:ru#")


@pytest.mark.parametrize("name", ["G20", "G-20", "Group of 20", "Group of Twenty", "g20"])
def test_group_spellings_share_a_key(name: str) -> None:
    assert participant_key(name, "organization") == "g20"


def test_key_parts_round_trip_and_coarser_dates() -> None:
    people = [{"name": "Joe Biden", "type": "person"}, {"name": "Vladimir Putin", "type": "person"}]
    day = meeting_key(people, "2021-06-16", "summit")
    parts = KeyParts.parse(day)
    assert parts == KeyParts("meet", "2021-06-16", "biden+putin")
    assert parts.key() == day
    assert parts.coarser_dates == ["2021-06", "2021"]
    assert parts.key("2021-06") == meeting_key(people, "2021-06", "talks")  # what a vaguer report gets
    assert KeyParts.parse(meeting_key(people, "2021", "call")).coarser_dates == []
    assert KeyParts.parse(meeting_key(people, None, "call")) == KeyParts("call", None, "biden+putin")
    assert KeyParts.parse("mk-geneva-2022-01-10") is None  # not a meeting key: never routed


def test_undated_reports_are_near_a_day_or_a_month() -> None:
    day = dt.date(2021, 6, 18)
    assert near("2021-06-16", day) and near("2021-07-02", day)  # 14 days either way
    assert not near("2021-07-03", day) and not near("2021-06-03", day)
    assert near("2021-06", dt.date(2021, 6, 30)) and near(
        "2021-05", dt.date(2021, 6, 14)
    )  # a month: all of it
    assert not near("2021", day) and not near(None, day)  # a year is too vague to decide by
    assert interval("2021-02") == (dt.date(2021, 2, 1), dt.date(2021, 2, 28))
    assert report_day({"published": None, "extracted_at": "2021-06-18T08:00:00Z"}) == day
    assert report_day({}) is None
    doc = {"mentions": [{"published": "2021-06-18"}, {"published": "2019-03-01"}, {}], "mention_count": 3}
    key = meeting_key([{"name": "Joe Biden", "type": "person"}], "2021-06-16", "talks")
    assert movable(doc, key) == ([{"published": "2021-06-18"}], [{"published": "2019-03-01"}, {}])
    assert movable(doc | {"mention_count": 9}, key) == ([], doc["mentions"])  # capped: nothing moves
