"""Meeting patterns of the thirteenth pass (loads spaCy: slow). Every text is written for the test;
the publication day is Tuesday 1987-04-14. Each case was a miss, a false meeting or a wrong
participant before its rule.
"""

from __future__ import annotations

import datetime as dt

import pytest
from wire_helpers import meetings, people

from newsmon.extract import Extractor

pytestmark = pytest.mark.slow


def test_who_acts_during_a_meeting_with_someone_takes_part(extractor: Extractor) -> None:
    text = "Ronald Reagan crossed into East Berlin during a meeting with Erich Honecker on Monday."
    (m,) = meetings(extractor, text)
    assert people(m) == {"Ronald Reagan", "Erich Honecker"}
    assert m["date"] == "1987-04-13"


def test_an_unnamed_crowd_during_a_meeting_is_no_party(extractor: Extractor) -> None:
    text = "Protesters gathered outside during a meeting with Erich Honecker on Monday."
    (m,) = meetings(extractor, text)
    assert people(m) == {"Erich Honecker"}


def test_officials_at_a_named_body_stand_for_the_body(extractor: Extractor) -> None:
    text = "Senior officials at the Democratic Governors Association met on Monday to weigh the budget."
    (m,) = meetings(extractor, text)
    assert people(m) == {"Democratic Governors Association"}
    assert m["date"] == "1987-04-13"


def test_weekend_talks_take_the_weekend_by_the_tense(extractor: Extractor) -> None:
    held = "Weekend talks between Secretary George Shultz and Eduard Shevardnadze produced no deal."
    (m,) = meetings(extractor, held)
    assert m["date"] == "1987-04-11" and m["status"] == "held"
    coming = "Weekend talks between Secretary George Shultz and Eduard Shevardnadze will resume."
    (m,) = meetings(extractor, coming)
    assert m["date"] == "1987-04-18"


def test_a_king_the_tagger_misses_is_the_visitor_not_his_country(extractor: Extractor) -> None:
    text = "During a visit to Washington, Jordan's King Hussein called for calm."
    (m,) = meetings(extractor, text)
    assert people(m) == {"King Hussein"}
    assert m["location"]["name"] == "Washington"


def test_who_acts_in_a_meeting_with_named_leaders_takes_part(extractor: Extractor) -> None:
    text = "Reagan was scheduled to outline his plan in a meeting Thursday with House and Senate leaders."
    (m,) = meetings(extractor, text)
    assert people(m) == {"Reagan", "House", "Senate"}
    assert (m["date"], m["status"]) == ("1987-04-16", "scheduled")


def test_two_leaders_sit_down_for_a_lunch(extractor: Extractor) -> None:
    text = "On Monday, Reagan and Mitterrand sat down for a private luncheon at the Elysee Palace."
    (m,) = meetings(extractor, text)
    assert people(m) == {"Reagan", "Mitterrand"}
    assert m["date"] == "1987-04-13"
    alone = "On Monday, Reagan sat down for dinner at eight."
    assert meetings(extractor, alone) == []


def test_a_shared_surname_is_the_person_named_in_full_most(extractor: Extractor) -> None:
    text = (
        "President Ronald Reagan landed in Bonn on Monday. President Ronald Reagan and Maureen Reagan "
        "waved. Later, Reagan met Chancellor Helmut Kohl."
    )
    (m,) = [m for m in meetings(extractor, text) if "Helmut Kohl" in people(m)]
    assert people(m) == {"Ronald Reagan", "Helmut Kohl"}


def test_last_years_summit_elsewhere_does_not_date_an_undated_lunch(extractor: Extractor) -> None:
    text = (
        "Reagan arrived in Venice on Monday for the G7 summit. Reagan and Mitterrand sat down for a "
        "private luncheon at the Hotel Cipriani. Leaders had clashed during last year's gathering in "
        "Tokyo."
    )
    lunch = [m for m in meetings(extractor, text) if m["kind"] == "meeting" and "Mitterrand" in people(m)]
    assert len(lunch) == 1 and lunch[0]["date"] != "1986"


def test_a_summit_told_twice_on_its_day_is_one_summit(extractor: Extractor) -> None:
    text = (
        "The Group of Seven summit opened in Venice on Monday.\n\n"
        + "Trade and currencies top the agenda. " * 80
        + "\n\nReagan spoke to reporters on Monday. This is Reagan's seventh Group of Seven summit."
    )
    summits = [m for m in meetings(extractor, text) if m["kind"] == "summit"]
    assert len(summits) == 1


def test_an_ordinal_is_no_part_of_a_body_name(extractor: Extractor) -> None:
    (m,) = meetings(extractor, "This is Reagan's seventh Group of Seven summit.")
    assert people(m) == {"Reagan", "Group of Seven"}


def test_named_signers_during_a_meeting_meet_and_the_photographer_does_not(extractor: Extractor) -> None:
    text = (
        "Jane Doe/Reuters Secretary of State George Shultz, Foreign Minister Eduard Shevardnadze and "
        "Ambassador Max Kampelman sign documents during a meeting in Geneva, Switzerland April 13, 1987."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"George Shultz", "Eduard Shevardnadze", "Max Kampelman"}
    assert (m["date"], m["status"]) == ("1987-04-13", "held")


def test_telling_a_caucus_in_a_closed_door_meeting_meets_it(extractor: Extractor) -> None:
    text = "Speaker Jim Wright told House Democrats in a closed-door meeting on Monday that the deal held."
    (m,) = meetings(extractor, text)
    assert people(m) == {"Jim Wright", "House Democrats"}
    assert m["date"] == "1987-04-13"


def test_telling_a_caucus_behind_closed_doors_meets_it(extractor: Extractor) -> None:
    text = '"We won," Speaker Jim Wright told fellow House Democrats behind closed doors Monday.'
    (m,) = meetings(extractor, text)
    assert people(m) == {"Jim Wright", "House Democrats"}
    assert m["date"] == "1987-04-13"
    told = "Speaker Jim Wright told reporters on Monday that the deal held."
    assert meetings(extractor, told) == []


def test_meetings_with_one_and_with_another_are_two_meetings(extractor: Extractor) -> None:
    text = (
        "Secretary George Shultz is scheduled to have meetings with Mr. Shamir and with Mr. Peres in "
        "an effort to restore calm."
    )
    found = meetings(extractor, text)
    assert sorted(sorted(people(m)) for m in found) == [
        ["George Shultz", "Peres"],
        ["George Shultz", "Shamir"],
    ]
    assert {m["status"] for m in found} == {"scheduled"}


def test_a_group_also_called_a_name_is_no_call(extractor: Extractor) -> None:
    text = "The tentacles of the group – a radical offshoot also called the Red Brigades and RAF – reach far."
    assert meetings(extractor, text) == []
    (m,) = meetings(extractor, "The president also called Chancellor Helmut Kohl on Monday.")
    assert m["kind"] == "call" and "Helmut Kohl" in people(m)


def test_a_power_to_call_or_attend_meetings_is_no_meeting(extractor: Extractor) -> None:
    assert (
        meetings(extractor, "Howard Baker can still call a meeting of the National Security Council.") == []
    )
    assert meetings(extractor, "Howard Baker is still permitted to go to NSC meetings.") == []


def test_rivals_meeting_in_an_election_is_no_meeting(extractor: Extractor) -> None:
    assert meetings(extractor, "Gary Hart and George Bush are likely to meet in the general election.") == []


def test_a_bodys_summit_that_sets_a_meeting_is_a_meeting_of_its_own(extractor: Extractor) -> None:
    text = "Ronald Reagan and Yasuhiro Nakasone met at the G7 summit in Venice on Monday."
    found = meetings(extractor, text)
    assert sorted(sorted(people(m)) for m in found) == [["G7"], ["Ronald Reagan", "Yasuhiro Nakasone"]]
    assert {m["date"] for m in found} == {"1987-04-13"}
    assert {m["location"]["name"] for m in found} == {"Venice"}


def test_due_to_arrive_is_a_visit_still_scheduled_on_its_day(extractor: Extractor) -> None:
    text = (
        "Secretary Caspar Weinberger was due to arrive in Turkey on Tuesday to press its leaders for support."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Caspar Weinberger"}
    assert (m["kind"], m["date"], m["status"]) == ("visit", "1987-04-14", "scheduled")
    (m,) = meetings(extractor, text.replace("on Tuesday", "on Monday"))
    assert (m["date"], m["status"]) == ("1987-04-13", "held")


def test_a_trip_to_the_border_is_a_visit(extractor: Extractor) -> None:
    (m,) = meetings(extractor, "President Ronald Reagan will travel to the border on Thursday.")
    assert (m["kind"], m["date"], m["status"]) == ("visit", "1987-04-16", "scheduled")
    (m,) = meetings(extractor, "Sen. Phil Gramm also visited the border on Monday.")
    assert (m["kind"], m["date"], people(m)) == ("visit", "1987-04-13", {"Phil Gramm"})


def test_his_visit_in_a_report_is_the_person_the_report_names(extractor: Extractor) -> None:
    text = (
        "President Ronald Reagan spoke in Bonn on Tuesday. Minister Hans Klein said that trade is the "
        "most urgent issue that will be discussed with Reagan during his 48-hour visit."
    )
    (m,) = [m for m in meetings(extractor, text) if m["kind"] == "visit"]
    assert "Ronald Reagan" in people(m) and "Hans Klein" not in people(m)


def test_a_named_person_landing_in_a_country_visits_it(extractor: Extractor) -> None:
    (m,) = meetings(extractor, "President Ronald Reagan landed in Italy on Monday.")
    assert (m["kind"], m["date"], m["location"]["name"]) == ("visit", "1987-04-13", "Italy")
    assert meetings(extractor, "The plane landed in Rome on Monday.") == []


def test_meeting_thresholds_or_reality_is_no_meeting(extractor: Extractor) -> None:
    text = "On Monday, Sen. Gary Hart said he had met the polling and donor thresholds required."
    assert meetings(extractor, text) == []
    text = "President Ronald Reagan's nominee Robert Bork will meet the reality of Congress next week."
    assert meetings(extractor, text) == []


def test_a_shouted_adjective_is_no_party(extractor: Extractor) -> None:
    text = '"I had a GREAT meeting with Chancellor Helmut Kohl on Monday," President Ronald Reagan wrote.'
    (m,) = meetings(extractor, text)
    assert people(m) == {"Ronald Reagan", "Helmut Kohl"}


def test_talks_that_would_include_named_countries_are_proposed_with_them(extractor: Extractor) -> None:
    text = (
        "Foreign Minister Wu Xueqian lobbied for resumption of the four-party talks that would include "
        "Japan, China and Russia."
    )
    (m,) = meetings(extractor, text)
    assert {"Japan", "China", "Russia"} <= people(m)
    assert m["status"] == "proposed"


def test_a_named_leader_heading_a_group_that_flies_somewhere_visits(extractor: Extractor) -> None:
    text = (
        "Aid was slow, said an adviser to President Corazon Aquino. On Sunday, Aquino and government "
        "officials flew to the heavily impacted area of Cagayan."
    )
    (m,) = meetings(extractor, text)
    assert (m["kind"], m["date"], people(m)) == ("visit", "1987-04-12", {"Corazon Aquino"})


def test_a_deadline_ahead_is_no_story_day_for_a_meeting_held(extractor: Extractor) -> None:
    text = (
        "Senate leaders bargained on Tuesday. Automatic cuts are looming Friday. Sen. Robert Byrd spoke "
        "to reporters after emerging from an hours-long meeting with Majority Leader Robert Dole."
    )
    (m,) = meetings(extractor, text)
    assert m["date"] == "1987-04-14" and m["status"] == "held"


def test_a_weekend_is_no_story_day(extractor: Extractor) -> None:
    text = (
        'Tax talks ran all weekend. "Every proposal this weekend raises taxes," a Republican said. '
        "Sen. Robert Byrd then met with Majority Leader Robert Dole."
    )
    (m,) = [m for m in meetings(extractor, text) if "Robert Dole" in people(m)]
    assert m["date"] != "1987-04-11"


def test_who_emerges_from_a_meeting_was_in_it(extractor: Extractor) -> None:
    text = (
        'Sen. Robert Byrd defended the plan. "It works," he told reporters after emerging from an '
        "hours-long meeting with fellow Democrats on Monday."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Robert Byrd", "Democrats"}
    assert m["date"] == "1987-04-13"


def test_the_visiting_prime_minister_visits(extractor: Extractor) -> None:
    text = (
        "During a news conference on April 13, 1987, with the visiting Italian prime minister, Reagan joked."
    )
    (m,) = meetings(extractor, text)
    assert (m["kind"], m["date"], m["status"]) == ("visit", "1987-04-13", "held")
    assert "Italy" in people(m)


def test_a_piece_of_a_split_headline_gives_no_meeting(extractor: Extractor) -> None:
    title = (
        "Clinton to Michael Brown Foundation conference: Trump's 'dangerous' pro-gun policies 'way out there'"
    )
    text = (
        f"{title}\n\nHillary Clinton accused Donald Trump of pandering to the gun lobby in a speech to a "
        "conference Saturday, organized by the Michael Brown Foundation to help families of victims.\n"
    )
    found = extractor.extract(text, published=dt.date(2016, 5, 22), title=title)["meetings"]
    assert not any(m["evidence"]["text"].startswith("Clinton to") for m in found)


def test_who_also_attended_that_meeting_joins_it(extractor: Extractor) -> None:
    text = (
        "Oliver North met with Adnan Khashoggi in Paris on March 3, 1987. National Security Adviser "
        "John Poindexter and aide Robert McFarlane also attended that meeting."
    )
    (m,) = meetings(extractor, text)
    assert people(m) >= {"Oliver North", "Adnan Khashoggi", "John Poindexter", "Robert McFarlane"}
    assert m["date"] == "1987-03-03"


def test_a_meeting_on_the_sidelines_is_where_the_summit_is(extractor: Extractor) -> None:
    text = (
        "The Group of Seven summit opened in Venice on Monday. On Wednesday, President Ronald Reagan "
        "will meet Prime Minister Yasuhiro Nakasone on the sidelines of the G-7."
    )
    (m,) = [m for m in meetings(extractor, text) if "Yasuhiro Nakasone" in people(m)]
    assert (m["date"], m["location"]["name"]) == ("1987-04-15", "Venice")


def test_talks_a_delegation_heads_somewhere_for_are_there(extractor: Extractor) -> None:
    text = "Israeli and Egyptian teams headed to Washington on Monday for preliminary talks on the treaty."
    (m,) = meetings(extractor, text)
    assert (m["date"], m["location"]["name"]) == ("1987-04-13", "Washington")


def test_who_will_also_attend_the_meeting_is_not_put_in_the_last_one(extractor: Extractor) -> None:
    text = (
        "Leaders gather in Geneva on Wednesday. Reagan and Gorbachev could meet privately there. "
        "Prime Minister Margaret Thatcher will also attend the meeting."
    )
    pair = [m for m in meetings(extractor, text) if "Gorbachev" in people(m)]
    assert pair and all("Margaret Thatcher" not in people(m) for m in pair)
