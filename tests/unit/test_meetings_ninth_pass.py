"""Meeting patterns of the ninth pass (found by pooling the misses of the held-out sets A to I;
loads spaCy: slow). Every text is written for the test; the publication day is Tuesday 1987-04-14.

Each case was a miss or a wrong participant, status, place or date before its rule.
"""

from __future__ import annotations

import pytest
from wire_helpers import meetings, people

from newsmon.extract import Extractor
from newsmon.extract.name_text import clean_mention

pytestmark = pytest.mark.slow


def test_the_place_after_a_named_counterpart_is_where_they_spoke(extractor: Extractor) -> None:
    text = (
        "Foreign ministers from France, Italy and Spain all spoke with their North Korean counterpart "
        "Kim Yong Nam in Vienna."
    )
    found = meetings(extractor, text)
    assert len(found) == 3
    assert {m["location"]["name"] for m in found if m["location"]} == {"Vienna"}
    assert all(m["location"] for m in found)


def test_a_trip_to_a_country_parsed_onto_the_verb_is_still_its_place(extractor: Extractor) -> None:
    text = "Senator Gary Hart did not address his trip in 1986 to Moscow with his wife."
    (m,) = meetings(extractor, text)
    assert (m["kind"], m["date"], m["location"]["name"]) == ("visit", "1986", "Moscow")


def test_a_building_named_before_the_meeting_noun_is_its_venue(extractor: Extractor) -> None:
    text = (
        "Reagan held a White House meeting with Governor James Thompson on Monday. "
        "The Trump Tower meeting between Senator Robert Dole and the developer Donald Trump took place "
        "on Friday."
    )
    found = {m["date"]: m for m in meetings(extractor, text)}
    assert people(found["1987-04-13"]) == {"Reagan", "James Thompson"}
    assert found["1987-04-13"]["location"]["name"] == "White House"
    assert people(found["1987-04-10"]) == {"Robert Dole", "Donald Trump"}
    assert found["1987-04-10"]["location"]["name"] == "Trump Tower"


def test_a_meeting_far_from_a_dated_one_that_names_someone_new_is_its_own(extractor: Extractor) -> None:
    filler = " ".join(
        f"Farm exports fell by {n} percent in the {n}th district, and prices of soybeans kept sliding."
        for n in range(5, 35)
    )
    text = (
        "President Reagan recounted the figures in an April 6 cabinet meeting.\n\n"
        f"{filler}\n\n"
        "The president announced the grain deal during a meeting in the Oval Office with "
        "Soviet Trade Minister Boris Aristov."
    )
    found = meetings(extractor, text)
    assert sorted(sorted(people(m)) for m in found) == [["Boris Aristov", "Reagan"], ["Reagan"]]
    dated = next(m for m in found if m["date"])
    assert (people(dated), dated["date"]) == ({"Reagan"}, "1987-04-06")


def test_separate_meetings_with_named_people_stay_apart_from_a_dated_one(extractor: Extractor) -> None:
    text = (
        "Chrysler chairman Lee Iacocca reportedly met with top conservative leaders on April 7. "
        "Iacocca also reportedly met with CBS News host Dan Rather and with Republican Sen. Bob Dole "
        "of Kansas on separate occasions in recent months."
    )
    found = meetings(extractor, text)
    assert sorted(sorted(people(m)) for m in found) == [
        ["Bob Dole", "Lee Iacocca"],
        ["Dan Rather", "Lee Iacocca"],
        ["Lee Iacocca"],
    ]
    assert [m["date"] for m in found if people(m) == {"Lee Iacocca"}] == ["1987-04-07"]


def test_breaking_bread_with_people_is_a_meeting_without_their_patron_or_the_source(
    extractor: Extractor,
) -> None:
    text = (
        "Senator Gary Hart broke bread with Pat Caddell, adviser to President Jimmy Carter, "
        "television anchor Barbara Walters and columnist George Will on Monday, according to "
        "The Washington Post."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Gary Hart", "Pat Caddell", "Barbara Walters", "George Will"}
    assert (m["date"], m["kind"]) == ("1987-04-13", "meeting")


def test_who_comments_on_talks_is_no_party_to_them(extractor: Extractor) -> None:
    text = (
        "Talks on the missile treaty will be complex, said the analyst Michael Mandelbaum. "
        "Secretary of State George Shultz said the release gives hope for negotiations. "
        "The Kremlin said the talks would resume."
    )
    found = meetings(extractor, text)
    assert all(not people(m) & {"Michael Mandelbaum", "George Shultz"} for m in found)
    assert [people(m) for m in found] == [{"Kremlin"}]
    # the setting of what someone said is his: he was at the summit
    text = "After a speech at the Conservative Summit in Des Moines, Reagan told Baker he would run."
    (m,) = meetings(extractor, text)
    assert "Reagan" in people(m)


def test_a_room_named_after_a_body_is_where_they_met_not_a_party(extractor: Extractor) -> None:
    text = "Meanwhile, Reagan met inside the Cabinet room with Senator Robert Dole on Monday."
    (m,) = meetings(extractor, text)
    assert people(m) == {"Reagan", "Robert Dole"}
    assert m["location"]["name"] == "Cabinet room"


def test_a_photo_credit_run_into_a_caption_is_no_part_of_the_name() -> None:
    assert clean_mention("REUTERS Obama") == "Obama"
    assert clean_mention("AFP Nelson Mandela") == "Nelson Mandela"
    assert clean_mention("Reuters Breakingviews") == "Reuters Breakingviews"
    assert clean_mention("AP") == "AP"


def test_a_summit_attended_during_a_visit_takes_the_visit_date(extractor: Extractor) -> None:
    text = (
        "Reagan will make a long-awaited trip to Canada later this year. During the long-promised "
        "visit this July, Reagan will attend a World Trade Summit in the North American nation, a "
        "statement said."
    )
    found = meetings(extractor, text)
    summit = next(m for m in found if m["kind"] == "summit")
    assert (summit["date"], summit["status"]) == ("1987-07", "scheduled")


def test_that_same_day_is_the_day_written_just_before(extractor: Extractor) -> None:
    text = (
        "On March 2, Secretary of State George Shultz met Soviet Ambassador Anatoly Dobrynin. "
        "Shultz met again that same day with Senator Robert Dole."
    )
    found = {frozenset(people(m)): m["date"] for m in meetings(extractor, text)}
    assert found[frozenset({"George Shultz", "Robert Dole"})] == "1987-03-02"


def test_a_wartime_year_dates_a_meeting(extractor: Extractor) -> None:
    text = "President Franklin Roosevelt hosted Prime Minister Winston Churchill there in 1943."
    (m,) = meetings(extractor, text)
    assert people(m) == {"Franklin Roosevelt", "Winston Churchill"}
    assert (m["date"], m["status"]) == ("1943", "held")


def test_they_opening_a_sentence_is_the_pair_the_sentence_before_was_about(extractor: Extractor) -> None:
    text = (
        "Ronald Reagan and Nelson Mandela were barely acquainted. "
        "They met face-to-face only briefly, in Washington, D.C. in 1985."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Ronald Reagan", "Nelson Mandela"}
    assert (m["date"], m["location"]["name"]) == ("1985", "Washington")


def test_visiting_capitol_hill_is_a_visit_there(extractor: Extractor) -> None:
    text = "Corazon Aquino arrived in Washington on Monday. She will visit Capitol Hill on Thursday."
    visit = next(m for m in meetings(extractor, text) if m["date"] == "1987-04-16")
    assert (people(visit), visit["location"]["name"]) == ({"Corazon Aquino"}, "Capitol Hill")
