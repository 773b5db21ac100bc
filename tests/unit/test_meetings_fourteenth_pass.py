"""Meeting patterns of the fourteenth pass (loads spaCy: slow). Every text is written for the test;
the publication day is Tuesday 1987-04-14. Each case was a miss, a false meeting or a wrong
participant before its rule.
"""

from __future__ import annotations

import pytest
from wire_helpers import meetings, people

from newsmon.extract import Extractor
from newsmon.extract.boilerplate import is_promo

pytestmark = pytest.mark.slow


def test_wire_style_arrival_in_a_city_on_a_weekday(extractor: Extractor) -> None:
    # the parser reads "Kiev Monday" as one noun phrase headed by the day
    text = (
        "Vice President George Bush arrived in Kiev Monday for a two-day show of support for its government."
    )
    (m,) = meetings(extractor, text)
    assert "George Bush" in people(m)
    assert (m["kind"], m["status"], m["date"]) == ("visit", "ongoing", "1987-04-13")  # day 2 of 2
    assert m["location"]["name"] in ("Kyiv", "Kiev")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The U.N. Security Council called a meeting for Friday to discuss the raid.", "scheduled"),
        ("Britain requested an emergency meeting of the Security Council for Friday.", "proposed"),
    ],
)
def test_a_meeting_called_for_a_weekday_lies_ahead_of_the_call(
    extractor: Extractor, text: str, status: str
) -> None:
    (m,) = meetings(extractor, text)
    assert (m["date"], m["status"]) == ("1987-04-17", status)


def test_a_meeting_held_on_a_weekday_stays_in_the_past(extractor: Extractor) -> None:
    (m,) = meetings(extractor, "The Security Council held a meeting on Friday to discuss the raid.")
    assert (m["date"], m["status"]) == ("1987-04-10", "held")


def test_the_main_subject_meets_through_two_subjectless_clauses(extractor: Extractor) -> None:
    text = (
        "While speaking with reporters before meeting with Erich Honecker on Monday, "
        "President Ronald Reagan said the wall must come down."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Ronald Reagan", "Erich Honecker"}
    assert m["date"] == "1987-04-13"


def test_a_body_written_in_lower_case_after_its_acronym_is_the_party(extractor: Extractor) -> None:
    (m,) = meetings(extractor, "The UN security council met on Monday to discuss the raid.")
    assert people(m) == {"UN security council"}
    assert m["kind"] == "council"


def test_a_meeting_that_will_not_take_place_is_cancelled(extractor: Extractor) -> None:
    text = "Shultz was to meet Shevardnadze on Friday, but the meeting will not take place."
    (m,) = meetings(extractor, text)
    assert m["status"] == "cancelled"
    long = "Shultz will meet Shevardnadze on Friday; the talks will not take long."
    (m,) = meetings(extractor, long)
    assert m["status"] == "scheduled"


def test_a_standfirst_in_headline_style_speaks_of_what_is_to_come(extractor: Extractor) -> None:
    text = (
        "Clashes spread in the West Bank\n\n"
        "UN security council to meet to discuss the decision amid widespread condemnation\n\n"
        "The UN security council called a meeting for Friday to discuss the decision.\n"
    )
    (m,) = meetings(extractor, text)
    assert (m["status"], m["date"]) == ("scheduled", "1987-04-17")


def test_the_day_a_visit_was_announced_is_not_the_visit(extractor: Extractor) -> None:
    text = (
        "Clashes spread\n\nGorbachev to visit Bonn next week for talks with Kohl\n\n"
        "The visit was announced on Monday.\n"
    )
    (m,) = meetings(extractor, text)
    assert (m["status"], m["date"]) == ("scheduled", "1987-04")


@pytest.mark.parametrize(
    "text",
    [
        "Speaking alongside Chancellor Helmut Kohl on Monday, President Ronald Reagan said the pact held.",
        "Standing next to Chancellor Helmut Kohl on Monday, President Ronald Reagan said the pact held.",
        "At a joint news conference with Chancellor Helmut Kohl on Monday, Ronald Reagan said the pact held.",
    ],
)
def test_two_named_leaders_on_one_stage_have_met(extractor: Extractor, text: str) -> None:
    (m,) = meetings(extractor, text)
    assert people(m) == {"Ronald Reagan", "Helmut Kohl"}
    assert (m["date"], m["status"]) == ("1987-04-13", "held")


def test_speaking_alongside_reporters_is_no_meeting(extractor: Extractor) -> None:
    assert (
        meetings(extractor, "Speaking alongside reporters on Monday, Ronald Reagan said the pact held.") == []
    )


def test_a_known_surname_the_tagger_calls_a_product_is_the_person(extractor: Extractor) -> None:
    text = (
        "Defense Secretary Leon Panetta spoke in Honolulu on Sunday.\n\n"
        "The department disclosed the inquiry as Panetta flew from Honolulu to Perth, Australia, on Monday."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Leon Panetta"}
    assert (m["kind"], m["date"], m["location"]["name"]) == ("visit", "1987-04-13", "Perth")


def test_a_crowd_gathering_near_a_border_is_no_meeting(extractor: Extractor) -> None:
    text = "In the Gaza Strip, dozens of protesters gathered near the border fence with Israel on Monday."
    assert meetings(extractor, text) == []


def test_a_video_players_label_is_no_report(extractor: Extractor) -> None:
    text = (
        "The three men spoke on Monday.\n\n"
        "JUST WATCHED CNN talks with Americans held in North Korea Replay More Videos ... "
        "MUST WATCH CNN talks with Americans held in North Korea 03:19\n"
    )
    assert meetings(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Shevardnadze was coy on Monday about whether Reagan and Gorbachev will meet privately.",
        "George Shultz was in Paris on Monday, where he will meet Eduard Shevardnadze.",
    ],
)
def test_a_past_clause_above_a_meeting_ahead_does_not_date_it(extractor: Extractor, text: str) -> None:
    (m,) = meetings(extractor, text)
    assert m["status"] == "scheduled"
    assert m["date"] is None


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Shultz said the United States was willing to talk with Pyongyang.",
            {"United States", "North Korea"},
        ),
        ("Iran is ready to talk to the United States, Rafsanjani said.", {"Iran", "United States"}),
    ],
)
def test_talking_with_a_country_is_negotiations(extractor: Extractor, text: str, sides: set[str]) -> None:
    (m,) = meetings(extractor, text)
    assert people(m) == sides
    assert (m["kind"], m["status"]) == ("talks", "proposed")


def test_talking_to_reporters_or_not_talking_is_no_meeting(extractor: Extractor) -> None:
    assert meetings(extractor, "Reagan talked to reporters in Paris on Monday.") == []
    assert meetings(extractor, "Iran will not talk to the United States, Rafsanjani said.") == []


def test_a_place_before_a_weekday_is_no_first_and_last_name(extractor: Extractor) -> None:
    (m,) = meetings(extractor, "Secretary of State George Shultz arrived in Jordan Sunday evening.")
    assert people(m) == {"George Shultz"}
    assert (m["location"]["name"], m["date"]) == ("Jordan", "1987-04-12")


def test_heading_to_a_country_is_a_visit(extractor: Extractor) -> None:
    (m,) = meetings(extractor, "President Reagan may head to Israel next month for the opening.")
    assert "Reagan" in {p["name"].split()[-1] for p in m["participants"]}
    assert (m["kind"], m["status"], m["date"]) == ("visit", "proposed", "1987-05")


def test_a_link_to_another_story_is_no_report() -> None:
    assert is_promo("MORE: 'I May Go': Reagan May Head to Israel for Upcoming Embassy Opening")
    assert is_promo("JUST WATCHED Talks with Americans held Replay More Videos ... MUST WATCH Talks 03:19")
    assert not is_promo("More than 100 people attended the talks in Geneva on Monday.")


@pytest.mark.parametrize(
    ("text", "party", "place"),
    [
        ("A North Korean delegation arrived in Seoul on Monday.", "North Korea", "Seoul"),
        ("Inspectors from the International Atomic Energy Agency flew to Tehran on Monday.",
         "International Atomic Energy Agency", "Tehran"),
    ],
)  # fmt: skip
def test_envoys_of_a_named_party_arriving_are_its_visit(
    extractor: Extractor, text: str, party: str, place: str
) -> None:
    (m,) = meetings(extractor, text)
    assert party in people(m)
    assert (m["kind"], m["date"], m["location"]["name"]) == ("visit", "1987-04-13", place)


def test_an_unnamed_team_arriving_is_no_visit(extractor: Extractor) -> None:
    assert meetings(extractor, "The team arrived in Moscow on Monday.") == []


def test_an_unnamed_minister_of_a_country_travels_for_it(extractor: Extractor) -> None:
    text = (
        "Turkish President Kenan Evren spoke on Monday.\n\n"
        "Japan's foreign minister cancelled his upcoming trip to Turkey.\n"
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Japan"}
    assert (m["kind"], m["status"]) == ("visit", "cancelled")


def test_asking_a_body_for_a_meeting_proposes_it(extractor: Extractor) -> None:
    (m,) = meetings(extractor, "Turkey asked NATO for an emergency meeting.")
    assert people(m) == {"Turkey", "NATO"}
    assert m["status"] == "proposed"


def test_a_proposed_meeting_on_a_day_lies_ahead(extractor: Extractor) -> None:
    (m,) = meetings(extractor, "South Korea has proposed holding talks on April 20 with North Korea.")
    assert people(m) == {"South Korea", "North Korea"}
    assert (m["status"], m["date"]) == ("proposed", "1987-04-20")


def test_a_relative_clause_restating_the_talks_is_no_second_meeting(extractor: Extractor) -> None:
    text = (
        "North Korea and South Korea exchanged messages on Monday.\n\n"
        "South Korea has proposed holding talks on April 20 with the North, which would be the "
        "first formal gathering between the two sides since 1985."
    )
    (m,) = meetings(extractor, text)
    assert (m["status"], m["date"]) == ("proposed", "1987-04-20")


def test_a_resort_of_a_named_town_is_the_place(extractor: Extractor) -> None:
    (m,) = meetings(extractor, "Shultz will meet Shevardnadze on Monday in the Black Sea resort of Sochi.")
    assert m["location"]["name"] == "Sochi"


def test_a_relative_named_after_the_possessor_is_the_party(extractor: Extractor) -> None:
    (m,) = meetings(extractor, "Reagan met with the widow of Benigno Aquino, Corazon Aquino, on Monday.")
    assert people(m) == {"Reagan", "Corazon Aquino"}
    (m,) = meetings(extractor, "The president met with the family of Otto Warmbier on Monday.")
    assert people(m) == {"Otto Warmbier"}  # no name for the family: his stands for it


def test_who_tells_a_meeting_of_a_body_attends_it(extractor: Extractor) -> None:
    text = (
        "U.S. Ambassador Vernon Walters told an emergency Monday meeting of the Security Council of the raid."
    )
    (m,) = meetings(extractor, text)
    assert {"Vernon Walters", "Security Council"} <= people(m)
    assert (m["kind"], m["date"]) == ("council", "1987-04-13")


def test_condolences_offered_via_telephone_are_a_call_made(extractor: Extractor) -> None:
    text = "President Ronald Reagan offered his condolences via telephone to Mr. Foley's parents on Monday."
    (m,) = meetings(extractor, text)
    assert "Foley" in {p["name"].split()[-1] for p in m["participants"]}
    assert (m["kind"], m["status"], m["date"]) == ("call", "held", "1987-04-13")


def test_a_joint_news_conference_with_a_countrys_leader_makes_its_speaker_meet_the_country(
    extractor: Extractor,
) -> None:
    text = "Reagan said in the Rose Garden in a joint news conference with the prime minister of Turkey."
    (m,) = meetings(extractor, text)
    assert people(m) == {"Reagan", "Turkey"}


def test_in_a_visit_to_a_country_the_subject_is_the_visitor(extractor: Extractor) -> None:
    text = "In a visit to Estonia on Monday, Vice President George Bush gave a forceful speech."
    (m,) = meetings(extractor, text)
    assert people(m) == {"George Bush"}
    assert (m["kind"], m["date"], m["location"]["name"]) == ("visit", "1987-04-13", "Estonia")


def test_two_named_leaders_holding_a_call_had_one(extractor: Extractor) -> None:
    (m,) = meetings(extractor, "Ronald Reagan and Margaret Thatcher held a 15-minute call in March.")
    assert people(m) == {"Ronald Reagan", "Margaret Thatcher"}
    assert (m["kind"], m["date"]) == ("call", "1987-03")


@pytest.mark.parametrize(
    "text",
    [
        "Reagan shook hands with Fidel Castro on Monday.",
        "Reagan also exchanged brief greetings with Afghan President Mohammad Najibullah on Monday.",
    ],
)
def test_a_handshake_or_greeting_with_a_named_leader_is_an_encounter(extractor: Extractor, text: str) -> None:
    (m,) = meetings(extractor, text)
    assert "Reagan" in people(m) and len(people(m)) == 2
    assert m["date"] == "1987-04-13"


def test_a_handshake_during_a_visit_is_no_meeting_of_its_own(extractor: Extractor) -> None:
    text = (
        "Reagan shakes hands with Secretary Otis Bowen before speaking during a visit to the "
        "Department of Health and Human Services in Washington on Monday."
    )
    assert len(meetings(extractor, text)) == 1


def test_two_named_leaders_expected_to_chat_will_meet(extractor: Extractor) -> None:
    (m,) = meetings(extractor, "Reagan and Gorbachev are expected to chat on the sidelines on Thursday.")
    assert people(m) == {"Reagan", "Gorbachev"}
    assert (m["status"], m["date"]) == ("scheduled", "1987-04-16")
    assert meetings(extractor, "Reagan chatted with reporters on Thursday.") == []


def test_two_named_leaders_sharing_a_stage_met(extractor: Extractor) -> None:
    (m,) = meetings(extractor, "Ronald Reagan and Helmut Kohl shared a stage on Sunday at a rally in Bonn.")
    assert people(m) == {"Ronald Reagan", "Helmut Kohl"}
    assert m["date"] == "1987-04-12"


def test_landing_outside_a_city_and_traveling_in_a_country_are_visits(extractor: Extractor) -> None:
    (m,) = meetings(extractor, "Reagan landed at an air force base outside Bonn on Monday.")
    assert (m["kind"], m["location"]["name"], m["date"]) == ("visit", "Bonn", "1987-04-13")
    (m,) = meetings(extractor, "Reagan spoke of Adenauer, as he did while traveling in Germany last month.")
    assert (m["kind"], m["location"]["name"], m["date"]) == ("visit", "Germany", "1987-03")


def test_talks_set_to_resume_in_an_absolute_clause_are_scheduled(extractor: Extractor) -> None:
    text = "With negotiations set to resume with Iran this week, President Reagan tried to reassure Congress."
    (m,) = meetings(extractor, text)
    assert "Iran" in people(m)
    assert (m["kind"], m["status"], m["date"]) == ("talks", "scheduled", "1987-04")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Reagan made his remarks in Venice, Italy, at the end of the Group of Seven summit Saturday.",
         "Venice"),
        ("Reagan and Gorbachev are meeting face to face for a second time this week in Geneva, Switzerland.",
         "Geneva"),
    ],
)  # fmt: skip
def test_the_one_city_of_the_sentence_places_a_meeting_the_parse_left_without_one(
    extractor: Extractor, text: str, place: str
) -> None:
    (m,) = meetings(extractor, text)
    assert m["location"]["name"] == place


@pytest.mark.parametrize(
    "text",
    [
        "Shultz met Shevardnadze on Monday to discuss the fighting in Kabul.",
        "Officials in Tokyo said Reagan would hold a meeting with Nakasone on Friday.",
    ],
)
def test_a_city_of_another_event_or_of_the_speakers_places_nothing(extractor: Extractor, text: str) -> None:
    (m,) = meetings(extractor, text)
    assert m["location"] is None


def test_a_multi_day_visit_begun_before_publication_is_under_way(extractor: Extractor) -> None:
    (m,) = meetings(
        extractor, "Chancellor Helmut Kohl arrived in Moscow on Monday for a three-day state visit."
    )
    assert (m["date"], m["end_date"], m["status"]) == ("1987-04-13", "1987-04-15", "ongoing")
    (m,) = meetings(
        extractor, "Chancellor Helmut Kohl arrived in Moscow on Saturday for a two-day state visit."
    )
    assert (m["date"], m["end_date"], m["status"]) == ("1987-04-11", "1987-04-12", "held")


def test_a_mission_the_meeting_ends_does_not_last_the_meeting(extractor: Extractor) -> None:
    text = (
        "Governor Mario Cuomo met Charles Haughey in Dublin on Monday, the final stop of a four-day mission."
    )
    (m,) = meetings(extractor, text)
    assert (m["status"], m["end_date"]) == ("held", None)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "North Korea agreed to engage in follow-up talks with Secretary of State George Shultz.",
            "scheduled",
        ),
        ("Rabbi Alexander Schindler said he would welcome a visit from President Reagan.", "proposed"),
        ("Reagan and Gorbachev agreed on Monday to curb missiles, in their first meeting in a year.", "held"),
    ],
)
def test_agreeing_to_talks_schedules_them_and_a_welcome_would_only_propose(
    extractor: Extractor, text: str, status: str
) -> None:
    (m,) = meetings(extractor, text)
    assert m["status"] == status


def test_a_meeting_as_soon_as_possible_has_no_day_agreed(extractor: Extractor) -> None:
    (m,) = meetings(extractor, "Shultz said he would meet Shevardnadze as soon as possible.")
    assert m["status"] == "proposed"
