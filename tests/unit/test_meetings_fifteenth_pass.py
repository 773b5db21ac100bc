"""Meeting patterns of the fifteenth pass (loads spaCy: slow). Every text is written for the test;
the publication day is Tuesday 1987-04-14. Each case was a miss, a false meeting or a wrong
participant before its rule.
"""

from __future__ import annotations

import pytest
from wire_helpers import meetings, people

from newsmon.extract import Extractor

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "parties", "date"),
    [
        (
            "On Saturday, Britain and Argentina reached a deal on a framework "
            "for returning prisoners of war.",
            {"United Kingdom", "Argentina"},
            "1987-04-11",
        ),
        (
            "The Pentagon reached a deal Saturday with the Libyans to return a captured Navy pilot.",
            {"Pentagon"},
            "1987-04-11",
        ),
        (
            "Weeks of fighting ended on Monday, with Iranian and Iraqi officials reaching an agreement "
            "on a truce.",
            {"Iran", "Iraq"},
            "1987-04-13",
        ),
        (
            "The summit was called the same day world leaders reached a framework accord with Tehran.",
            {"Iran"},
            None,
        ),
    ],
)
def test_a_deal_reached_by_two_sides_is_their_talks(
    extractor: Extractor, text: str, parties: set[str], date: str | None
) -> None:
    (m,) = meetings(extractor, text)
    assert parties <= set(people(m))
    assert (m["kind"], m["status"], m["date"]) == ("talks", "held", date)


@pytest.mark.parametrize(
    "text",
    [
        "The strategy will become clearer when both sides reach a spending deal.",
        "New sanctions would target an Iran that has reached an agreement with the major powers.",
        "President Reagan signed a trade pact between the United States and Canada.",
        "Reagan and Gorbachev failed to reach an accord at Reykjavik.",
        "The efforts of France to strike a deal with Iran are running into criticism.",
        "The deal reached with Iran on Sunday was criticised in Congress.",
        "Chrysler reached a deal on Monday to buy American Motors.",
    ],
)
def test_a_hoped_signed_failed_or_one_sided_deal_is_no_meeting(extractor: Extractor, text: str) -> None:
    assert meetings(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "speaker", "date"),
    [
        (
            "Ambassador Vernon Walters addressed the U.N. General Assembly on Monday.",
            "Vernon Walters",
            "1987-04-13",
        ),
        (
            "President Reagan told the United Nations General Assembly on Friday that arms talks must go on.",
            "Reagan",
            "1987-04-10",
        ),
        (
            "Nor did Reagan, in his remarks at the General Assembly on Monday, attack the Soviets.",
            "Reagan",
            "1987-04-13",
        ),
    ],
)
def test_whoever_addresses_a_named_assembly_attends_its_session(
    extractor: Extractor, text: str, speaker: str, date: str
) -> None:
    (m,) = meetings(extractor, text)
    assert speaker in people(m)
    assert any("General Assembly" in p for p in people(m))
    assert (m["kind"], m["status"], m["date"]) == ("council", "held", date)


def test_an_open_session_of_parliament_is_a_sitting_that_was_held(extractor: Extractor) -> None:
    text = "Margaret Thatcher on Monday told an open session of parliament that the talks had failed."
    (m,) = meetings(extractor, text)
    assert "Margaret Thatcher" in people(m)
    assert (m["status"], m["date"]) == ("held", "1987-04-13")


@pytest.mark.parametrize(
    "text",
    [
        "The General Assembly of the Presbyterian Church will debate the issue.",
        "Workers on the assembly line told managers they would strike.",
        "The new session of the school board begins in May.",
    ],
)
def test_an_assembly_nobody_addresses_or_a_sitting_of_no_legislature_is_no_meeting(
    extractor: Extractor, text: str
) -> None:
    assert meetings(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "person", "place", "status", "date"),
    [
        (
            "Senator Bob Dole was in Iowa two weeks ago, courting farmers.",
            "Bob Dole",
            "Iowa",
            "held",
            "1987-03",
        ),
        (
            "George Shultz is in Manila on the first leg of an Asian swing.",
            "George Shultz",
            "Manila",
            "ongoing",
            "1987-04-14",
        ),
        (
            "Francois Mitterrand will be in Moscow on Friday.",
            "Francois Mitterrand",
            "Moscow",
            "scheduled",
            "1987-04-17",
        ),
        (
            "Margaret Thatcher has spent the past few days in Moscow and Kiev.",
            "Margaret Thatcher",
            "Moscow",
            "held",
            "1987-04",
        ),
    ],
)
def test_a_named_persons_timed_stay_somewhere_is_a_visit(
    extractor: Extractor, text: str, person: str, place: str, status: str, date: str | None
) -> None:
    (m,) = meetings(extractor, text)
    assert person in people(m)
    assert (m["kind"], m["location"]["name"], m["status"], m["date"]) == ("visit", place, status, date)


def test_a_stay_where_the_sentence_tells_a_meeting_is_that_meeting(extractor: Extractor) -> None:
    text = "Helmut Kohl will be in Paris on Thursday, when Mitterrand will receive him at the Elysee."
    (m,) = meetings(extractor, text)
    assert {"Helmut Kohl", "Mitterrand"} <= set(people(m))


@pytest.mark.parametrize(
    "text",
    [
        "He was in Paris when the bomb went off.",
        "Clint Hill, who was on duty that day in Dallas, spoke to the museum.",
        "Magic Johnson and the Lakers were on a preseason tour in China last week.",
        "Bob Dole was in charge of the committee in 1985.",
        "Lebanon is in the midst of a civil war.",
    ],
)
def test_a_place_without_time_or_purpose_a_duty_or_a_sports_tour_is_no_stay(
    extractor: Extractor, text: str
) -> None:
    assert meetings(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The governor, Abba Kyari, spoke to The Associated Press by telephone on Monday.",
        "Shultz talked with CNN on Sunday about the hostages.",
        "Senator Sam Nunn had traveled to Afghanistan and Pakistan several times in recent years.",
        "Oliver Tambo has flown to Lusaka multiple times.",
    ],
)
def test_an_interview_with_a_news_outlet_or_repeated_trips_are_no_meeting(
    extractor: Extractor, text: str
) -> None:
    assert meetings(extractor, text) == []


def test_a_call_with_a_named_person_is_still_a_call(extractor: Extractor) -> None:
    (m,) = meetings(extractor, "Shultz spoke by telephone with Eduard Shevardnadze on Monday.")
    assert m["kind"] == "call"


def test_whoever_a_named_body_briefs_meets_it(extractor: Extractor) -> None:
    text = "Congressman Lee Hamilton, who was briefed by the CIA, said the arms went to Iran."
    (m,) = meetings(extractor, text)
    assert {"Lee Hamilton", "CIA"} <= set(people(m))


def test_a_closed_briefing_from_named_officials_is_a_meeting(extractor: Extractor) -> None:
    text = "Senator Sam Nunn has requested a classified briefing from Secretary of State George Shultz."
    (m,) = meetings(extractor, text)
    assert {"Sam Nunn", "George Shultz"} <= set(people(m))
    assert m["status"] == "proposed"


@pytest.mark.parametrize(
    "text",
    [
        "Larry Speakes said at a press briefing on Monday that the talks would go on.",
        "At the daily briefing, Larry Speakes was asked about Iran.",
        "Pentagon aides hold background briefings with reporters.",
    ],
)
def test_a_press_briefing_is_no_meeting(extractor: Extractor, text: str) -> None:
    assert meetings(extractor, text) == []


def test_who_acts_ahead_of_talks_has_them(extractor: Extractor) -> None:
    text = "Ahead of talks with Eduard Shevardnadze on Wednesday, George Shultz visited a farm near Moscow."
    (m,) = meetings(extractor, text)
    assert {"Eduard Shevardnadze", "George Shultz"} <= set(people(m))
    assert m["kind"] == "talks"


def test_who_acts_after_returning_from_a_trip_made_it(extractor: Extractor) -> None:
    text = "After returning from a trip to Asia, President Reagan announced new tariffs."
    (m,) = meetings(extractor, text)
    assert "Reagan" in people(m)
    assert (m["kind"], m["status"], m["location"]["name"]) == ("visit", "held", "Asia")


def test_markets_moving_ahead_of_talks_do_not_join_them(extractor: Extractor) -> None:
    (m,) = meetings(extractor, "Markets rallied ahead of talks between Japan and the United States.")
    assert set(people(m)) == {"Japan", "United States"}


def test_a_call_an_appeal_was_made_in_took_place_that_day(extractor: Extractor) -> None:
    text = "Also Thursday, Prime Minister Brian Mulroney urged Reagan in a phone call to press Moscow."
    (m,) = meetings(extractor, text)
    assert {"Brian Mulroney", "Reagan"} <= set(people(m))
    assert (m["kind"], m["status"], m["date"]) == ("call", "held", "1987-04-09")


def test_an_earlier_summit_held_by_the_subject_is_its_own_meeting(extractor: Extractor) -> None:
    text = (
        "Reagan and Gorbachev are meeting for a second time this week in Reykjavik, "
        "after holding a November 1985 summit in Geneva."
    )
    found = meetings(extractor, text)
    summit = next(m for m in found if m["date"] == "1985-11")
    assert {"Reagan", "Gorbachev"} <= set(people(summit))
    assert (summit["kind"], summit["location"]["name"]) == ("summit", "Geneva")
    assert len(found) == 2


def test_pulling_out_of_a_summit_cancels_it_for_whoever_pulls_out(extractor: Extractor) -> None:
    text = "President Reagan has pulled out of the scheduled summit with Mikhail Gorbachev in Moscow."
    (m,) = meetings(extractor, text)
    assert {"Reagan", "Mikhail Gorbachev"} <= set(people(m))
    assert (m["kind"], m["status"]) == ("summit", "cancelled")


def test_who_investigates_a_meeting_was_not_at_it(extractor: Extractor) -> None:
    text = "Lawrence Walsh is investigating a 1985 meeting between Oliver North and Manucher Ghorbanifar."
    (m,) = meetings(extractor, text)
    assert "Lawrence Walsh" not in people(m)
    assert {"Oliver North", "Manucher Ghorbanifar"} <= set(people(m))


def test_a_photo_credit_naming_a_summit_pool_is_no_summit(extractor: Extractor) -> None:
    text = (
        "Roh Tae-woo shakes hands with Kim Il Sung during their meeting at the Peace House on Friday. "
        "Korea Summit Press Pool/Pool via Reuters\n\nThe two leaders talked for hours."
    )
    found = meetings(extractor, text)
    assert all("Press Pool" not in m["evidence"]["text"] for m in found)
