"""Meeting patterns of modern wire copy, the sixth pass (found on the 1987 Reuters audit's leftovers,
general wire constructions and set F, 35 real articles from many outlets; loads spaCy: slow).

Each case was a miss or a wrong participant, status or date before its rule.
"""

from __future__ import annotations

import pytest
from wire_helpers import meetings, people

from newsmon.extract import Extractor

pytestmark = pytest.mark.slow


def test_a_meeting_proposed_in_a_letter_is_proposed_and_ahead(extractor: Extractor) -> None:
    text = (
        "South Korean Prime Minister Lho Shin-yong proposed in a letter to his North Korean counterpart "
        "Li Gun-mo that they meet on Friday to discuss various issues."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Lho Shin-yong", "Li Gun-mo"}
    assert (m["status"], m["date"]) == ("proposed", "1987-04-17")


def test_a_meeting_urged_in_a_that_clause_is_proposed(extractor: Extractor) -> None:
    (m,) = meetings(extractor, "Kohl has urged that Mitterrand and Thatcher meet on Friday.")
    assert (m["status"], m["date"]) == ("proposed", "1987-04-17")


def test_a_royal_title_makes_an_untagged_name_a_person(extractor: Extractor) -> None:
    text = (
        "SAUDI ARABIA'S KING FAHD VISITS BRITAIN THIS WEEK\n\n"
        "King Fahd of Saudi Arabia begins a four-day state visit to Britain on Thursday.\n\n"
        "The Saudi leader will hold talks with Prime Minister Margaret Thatcher during the visit."
    )
    visit, talks = meetings(extractor, text)
    assert "King Fahd" in people(visit)
    assert (visit["location"]["name"], visit["date"], visit["status"]) == (
        "United Kingdom",
        "1987-04-16",
        "scheduled",
    )
    assert {"King Fahd", "Margaret Thatcher"} <= people(talks)  # "the Saudi leader" is the king
    assert "SAUDI ARABIA'S" not in people(talks)


def test_the_traveller_on_a_trip_is_its_participant(extractor: Extractor) -> None:
    text = (
        "Commerce Secretary Malcolm Baldrige leaves on Saturday on a 10-day trip to the Far East to help "
        "spur U.S. trade, U.S. officials said."
    )
    (m,) = meetings(extractor, text)
    assert "Malcolm Baldrige" in people(m)
    assert (m["date"], m["status"]) == ("1987-04-18", "scheduled")


def test_a_weekday_owning_the_subject_is_no_timetable(extractor: Extractor) -> None:
    text = "Monday's talks between Reagan and Nakasone at the White House precede a dinner."
    (m,) = meetings(extractor, text)
    assert m["date"] == "1987-04-13"  # the Monday just gone, not next week's


def test_a_cancellation_does_not_reach_the_visit_given_as_its_reason(extractor: Extractor) -> None:
    text = (
        "Treasury Secretary James Baker has cancelled a trip to Australia because of pressing business at "
        "home, including the visit of Japanese Prime Minister Yasuhiro Nakasone."
    )
    trip, visit = meetings(extractor, text)
    assert (people(trip), trip["status"]) == ({"James Baker"}, "cancelled")
    assert people(visit) == {"Yasuhiro Nakasone"} and visit["status"] != "cancelled"


@pytest.mark.parametrize(
    "text",
    [
        "German Chancellor Olaf Scholz is on a two-day visit to Beijing.",
        "Talks between Russia and Ukraine are under way in Istanbul.",
        "Chancellor Olaf Scholz is visiting Beijing.",
    ],
)
def test_a_meeting_under_way_is_ongoing_on_the_publication_day(extractor: Extractor, text: str) -> None:
    (m,) = meetings(extractor, text)
    assert (m["status"], m["date"]) == ("ongoing", "1987-04-14")


def test_a_past_progressive_visit_is_no_longer_under_way(extractor: Extractor) -> None:
    (m,) = meetings(extractor, "Chancellor Olaf Scholz was visiting Beijing.")
    assert m["status"] == "held"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Secretary of State Antony Blinken is in Beijing for talks with Foreign Minister Wang Yi.",
            "ongoing",
        ),
        ("Secretary of State Antony Blinken flew to Geneva on Monday for talks with Sergei Lavrov.", "held"),
    ],
)
def test_who_is_or_travels_somewhere_for_talks_takes_part(
    extractor: Extractor, text: str, status: str
) -> None:
    (m,) = meetings(extractor, text)
    assert {p["name"] for p in m["participants"]} >= {"Antony Blinken"}
    assert m["status"] == status and m["location"]["name"] in ("Beijing", "Geneva")


@pytest.mark.parametrize(
    "text",
    [
        "Soviet leader Mikhail Gorbachev told French President Francois Mitterrand in a phone call on Sunday "
        "that the dispute must end.",
        "In a call with Chinese Premier Zhao Ziyang, U.S. President Ronald Reagan said trade must grow.",
    ],
)
def test_who_speaks_in_a_call_with_a_named_counterpart_was_on_it(extractor: Extractor, text: str) -> None:
    (m,) = meetings(extractor, text)
    assert len(m["participants"]) == 2 and m["kind"] == "call"


def test_a_conference_call_with_reporters_is_no_meeting(extractor: Extractor) -> None:
    text = "White House officials said on a conference call with reporters that Reagan would travel to Rome."
    assert all(m["kind"] != "call" for m in meetings(extractor, text))


def test_hosting_someone_for_a_state_visit_is_that_visit(extractor: Extractor) -> None:
    text = (
        "French President Francois Mitterrand will host Chinese Premier Zhao Ziyang for a state visit in May."
    )
    (m,) = meetings(extractor, text)
    assert {"Francois Mitterrand", "Zhao Ziyang"} <= people(m)
    assert (m["date"], m["status"]) == ("1987-05", "scheduled")


def test_who_arrives_ahead_of_talks_holds_them_after_arriving(extractor: Extractor) -> None:
    text = (
        "Japanese Prime Minister Yasuhiro Nakasone arrived in Washington on Sunday ahead of talks with "
        "President Ronald Reagan on Wednesday."
    )
    visit, talks = meetings(extractor, text)
    assert {"Yasuhiro Nakasone", "Ronald Reagan"} <= people(talks)
    assert (talks["date"], talks["status"], visit["date"]) == ("1987-04-15", "scheduled", "1987-04-12")


def test_the_event_whose_sidelines_host_a_meeting_is_its_setting_not_a_party(extractor: Extractor) -> None:
    text = (
        "Soviet Foreign Minister Eduard Shevardnadze met Secretary of State George Shultz on the sidelines "
        "of the U.N. General Assembly in New York on Monday."
    )
    found = [m for m in meetings(extractor, text) if "George Shultz" in people(m)]
    assert len(found) == 1 and people(found[0]) == {"Eduard Shevardnadze", "George Shultz"}
    assert found[0]["location"]["name"] == "New York City"


def test_a_description_of_the_same_trip_by_nationality_joins_it(extractor: Extractor) -> None:
    text = (
        "U.S. Secretary of State George Shultz will travel to China on Sunday, the State Department said, "
        "the first visit by a U.S. secretary of state since 1985."
    )
    (m,) = meetings(extractor, text)
    assert "George Shultz" in people(m) and m["date"] == "1987-04-19"


def test_the_saying_day_of_a_future_trip_is_not_its_day_and_the_teller_is_not_on_it(
    extractor: Extractor,
) -> None:
    text = (
        "Chinese Premier Zhao Ziyang will visit Moscow next week, the Kremlin said on Friday, in a trip "
        "that will see him hold talks with Mikhail Gorbachev."
    )
    found = meetings(extractor, text)
    assert all("Kremlin" not in people(m) for m in found)
    talks = next(m for m in found if "Mikhail Gorbachev" in people(m))
    assert talks["status"] == "scheduled" and talks["date"] != "1987-04-10"


def test_calling_two_leaders_is_two_calls(extractor: Extractor) -> None:
    text = (
        "Spokesman Marlin Fitzwater said in a statement that Shultz on Sunday called Israeli Prime Minister "
        "Yitzhak Shamir and Egyptian President Hosni Mubarak to discuss the plan."
    )
    calls = [m for m in meetings(extractor, text) if m["kind"] == "call"]
    assert sorted(sorted(people(c)) for c in calls) == [
        ["Hosni Mubarak", "Shultz"],
        ["Shultz", "Yitzhak Shamir"],
    ]
    assert {c["date"] for c in calls} == {"1987-04-12"}


def test_calls_promised_to_named_allies_are_one_each_without_their_countries(extractor: Extractor) -> None:
    text = (
        "President Ronald Reagan said he would call his regional allies, the Japanese prime minister, "
        "Yasuhiro Nakasone, and the South Korean president, Chun Doo-hwan."
    )
    calls = meetings(extractor, text)
    assert sorted(sorted(people(c)) for c in calls) == [
        ["Chun Doo-hwan", "Ronald Reagan"],
        ["Ronald Reagan", "Yasuhiro Nakasone"],
    ]


def test_who_announces_something_during_a_meeting_with_a_named_guest_was_in_it(extractor: Extractor) -> None:
    text = (
        "President Ronald Reagan announced the accord during a meeting in the Oval Office with Zhao Ziyang."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Ronald Reagan", "Zhao Ziyang"}


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        (
            "Talks in Sweden between officials from Pyongyang and Washington broke off on Monday.",
            {"North Korea", "United States"},
        ),
        ("Turkey opened talks with Moscow on Monday.", {"Turkey", "Russia"}),
    ],
)
def test_a_capital_in_a_party_slot_stands_for_its_country(
    extractor: Extractor, text: str, countries: set[str]
) -> None:
    (m,) = meetings(extractor, text)
    assert countries <= people(m)


def test_a_capital_as_the_venue_stays_a_place(extractor: Extractor) -> None:
    (m,) = meetings(extractor, "Talks between Iran and Iraq in Moscow ended on Monday.")
    assert people(m) == {"Iran", "Iraq"} and m["location"]["name"] == "Moscow"


def test_telling_a_named_person_by_telephone_is_a_call(extractor: Extractor) -> None:
    text = (
        "Zambia said Robert Mugabe had told President Kenneth Kaunda by telephone on Monday that he was safe."
    )
    (m,) = meetings(extractor, text)
    assert (people(m), m["kind"], m["date"]) == ({"Robert Mugabe", "Kenneth Kaunda"}, "call", "1987-04-13")


def test_who_is_somewhere_meeting_someone_is_meeting_them_today(extractor: Extractor) -> None:
    text = "Israeli Prime Minister Yitzhak Shamir is at the White House, meeting with President Reagan."
    (m,) = meetings(extractor, text)
    assert (m["status"], m["date"]) == ("ongoing", "1987-04-14")


def test_who_lands_somewhere_for_a_visit_makes_it(extractor: Extractor) -> None:
    (m,) = meetings(extractor, "President Ronald Reagan lands in Kenya later on Tuesday for his first visit.")
    assert (people(m), m["location"]["name"], m["status"]) == ({"Ronald Reagan"}, "Kenya", "scheduled")


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_a_typographic_apostrophe_parses_like_a_plain_one(extractor: Extractor, apostrophe: str) -> None:
    text = f"Brian Mulroney said on Tuesday he would host next year{apostrophe}s Group of Seven summit."
    (m,) = meetings(extractor, text)
    assert people(m) == {"Brian Mulroney", "Group of Seven"}  # no "Group of" fragment either
    assert (m["date"], m["status"]) == ("1988", "scheduled")
    assert apostrophe in m["evidence"]["text"]  # the text is reported as written


def test_as_soon_as_is_no_vague_time(extractor: Extractor) -> None:
    text = (
        "President Ronald Reagan met Prime Minister Brian Mulroney on Tuesday. "
        "Reagan said he would call Margaret Thatcher as soon as he landed."
    )
    call = next(m for m in meetings(extractor, text) if m["kind"] == "call")
    assert call["date"] == "1987-04-14"


def test_a_named_persons_dated_call_is_theirs(extractor: Extractor) -> None:
    text = (
        "The envoy faces questions about President Ronald Reagan\u2019s April 3 call when he asked "
        "Japan\u2019s premier for help."
    )
    (m,) = meetings(extractor, text)
    assert ("Ronald Reagan" in people(m), m["kind"], m["date"]) == (True, "call", "1987-04-03")


@pytest.mark.parametrize(
    "text",
    [
        "Moscow accepted a transition there after the first Geneva conference on Lebanon a year ago.",
        "Iran and Iraq held talks on Lebanon in Geneva on Monday.",
    ],
)
def test_the_country_a_meeting_is_about_is_no_party(extractor: Extractor, text: str) -> None:
    assert all("Lebanon" not in people(m) for m in meetings(extractor, text))
