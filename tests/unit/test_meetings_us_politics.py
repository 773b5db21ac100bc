"""Meeting patterns of US political news, the seventh pass (found on set G, 34 random articles from
the AllSides corpus; loads spaCy: slow). Every text is written for the test; the publication day is
Tuesday 1987-04-14.

Each case was a miss or a wrong participant, status or date before its rule.
"""

from __future__ import annotations

import pytest
from wire_helpers import meetings, people

from newsmon.extract import Extractor

pytestmark = pytest.mark.slow


def test_calling_him_from_the_plane_is_a_call_and_the_plane_no_party(extractor: Extractor) -> None:
    text = (
        "Secretary of State George Shultz spoke to reporters on Tuesday. "
        "Shultz said President Ronald Reagan called him from Air Force One on Monday."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Ronald Reagan", "George Shultz"}
    assert (m["kind"], m["date"], m["status"]) == ("call", "1987-04-13", "held")


def test_a_call_whose_callee_the_parser_glued_to_the_weekday(extractor: Extractor) -> None:
    # the small model reads "Netanyahu Sunday" as one noun phrase, the predicate of "called"
    text = "Vice President Joe Biden is in Jerusalem. Biden called Netanyahu Sunday, the White House said."
    (m,) = meetings(extractor, text)
    assert people(m) == {"Joe Biden", "Netanyahu"}
    assert (m["kind"], m["date"]) == ("call", "1987-04-12")


def test_calling_someone_as_a_witness_is_no_call(extractor: Extractor) -> None:
    text = "The chairman would not allow Republicans to call Hunter Biden and the whistleblower as witnesses."
    assert meetings(extractor, text) == []


def test_the_transcript_of_a_conversation_records_a_past_one(extractor: Extractor) -> None:
    text = (
        "President Ronald Reagan spoke in Washington on Monday. The president also suggested that he "
        "would release the transcript of a March 20 conversation with Chancellor Helmut Kohl."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Ronald Reagan", "Helmut Kohl"}
    assert (m["date"], m["status"]) == ("1987-03-20", "held")


def test_his_is_the_titled_subject_not_the_last_name(extractor: Extractor) -> None:
    text = (
        "President Ronald Reagan named Frank Carlucci on Monday. An official said the president decided "
        "to replace Howard Baker with Carlucci ahead of his coming meeting with Mikhail Gorbachev."
    )
    (m,) = [m for m in meetings(extractor, text) if "Mikhail Gorbachev" in people(m)]
    assert people(m) == {"Ronald Reagan", "Mikhail Gorbachev"}
    assert m["status"] == "scheduled"


def test_house_republicans_are_a_caucus_not_a_committee(extractor: Extractor) -> None:
    text = (
        "Rep. Lee Hamilton, chairman of the House Intelligence Committee, spoke on Monday. "
        "House Republicans met behind closed doors late on Monday to plot strategy."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"House Republicans"}
    assert m["date"] == "1987-04-13"


def test_a_summit_in_scare_quotes_is_reported_not_quoted(extractor: Extractor) -> None:
    text = 'President Ronald Reagan led a "drug summit" of state governors at the White House on Monday.'
    (m,) = meetings(extractor, text)
    assert "Ronald Reagan" in people(m)
    assert (m["kind"], m["date"]) == ("summit", "1987-04-13")


def test_meeting_constituents_among_other_habits_is_no_meeting(extractor: Extractor) -> None:
    text = (
        "Speaker Jim Wright is popular at home. He marches in parades, spends campaign money on "
        "radio ads, and meets with constituents."
    )
    assert meetings(extractor, text) == []


def test_receiving_money_is_no_reception(extractor: Extractor) -> None:
    text = "The newspaper reported that Full House Resorts received $5.6 million in PPP aid."
    assert meetings(extractor, text) == []


def test_the_event_a_meeting_takes_place_at_dates_it(extractor: Extractor) -> None:
    text = (
        "Reagan said he hoped to reach a deal with Chancellor Helmut Kohl when they meet at the "
        "Group of Seven summit in Venice, which starts June 8."
    )
    found = meetings(extractor, text)
    assert found and all(m["date"] == "1987-06-08" for m in found)
    assert all(m["status"] == "scheduled" for m in found)


def test_a_day_before_dates_the_other_event(extractor: Extractor) -> None:
    text = (
        "President Ronald Reagan spoke on Tuesday. His speech comes a day before the president is "
        "scheduled to meet with oil executives on Thursday at the White House."
    )
    (m,) = meetings(extractor, text)
    assert (m["date"], m["status"]) == ("1987-04-16", "scheduled")


def test_the_two_men_can_be_a_president_named_by_surname(extractor: Extractor) -> None:
    text = (
        "Former Vice President Walter Mondale spoke on Monday. President Reagan traveled to Detroit "
        "on Tuesday. It came after his Sunday meeting with Speaker Jim Wright at the White House. "
        "The two men have spoken by phone in the interim."
    )
    calls = [m for m in meetings(extractor, text) if m["kind"] == "call"]
    assert len(calls) == 1 and people(calls[0]) == {"Reagan", "Jim Wright"}


def test_the_publishers_call_to_visit_its_homepage_is_no_visit(extractor: Extractor) -> None:
    text = (
        "Treasury Secretary James Baker said on Monday that the names would stay secret.\n\n"
        "Visit Business Insider's homepage for more stories."
    )
    assert meetings(extractor, text) == []


def test_a_conference_call_held_to_tell_the_team_is_a_call(extractor: Extractor) -> None:
    text = (
        "Former Gov. Pierre du Pont ended his campaign on Monday. Sources say du Pont met with staff "
        "in person Monday in Wilmington and also held a conference call to announce his decision to "
        "his campaign team."
    )
    kinds = sorted(m["kind"] for m in meetings(extractor, text))
    assert kinds == ["call", "meeting"]


def test_a_conference_call_with_analysts_stays_a_briefing(extractor: Extractor) -> None:
    assert meetings(extractor, "Chrysler Corp. held a conference call with analysts on Monday.") == []


def test_their_first_meeting_since_a_date_tells_of_that_one_too(extractor: Extractor) -> None:
    text = (
        "President Reagan met Speaker Jim Wright on Sunday at the White House. It was their first "
        "meeting since March 16."
    )
    found = sorted((m["date"], m["status"]) for m in meetings(extractor, text))
    assert found == [("1987-03-16", "held"), ("1987-04-12", "held")]
    assert all(people(m) == {"Reagan", "Jim Wright"} for m in meetings(extractor, text))


def test_a_quoted_summit_the_writer_then_dates_is_reported(extractor: Extractor) -> None:
    text = (
        'Pyongyang said "the U.S. will have to think twice about the fate of the DPRK-U.S. summit" '
        "scheduled for June 12 in Singapore."
    )
    (m,) = meetings(extractor, text)
    assert (m["date"], m["location"]["name"], m["status"]) == ("1987-06-12", "Singapore", "scheduled")


def test_who_held_the_summit_in_a_relative_clause_took_part(extractor: Extractor) -> None:
    text = (
        "King Fahd angered Reagan by skipping the summit of Gulf countries that Reagan held at "
        "Camp David in March."
    )
    (m,) = meetings(extractor, text)
    assert "Reagan" in people(m)
    assert (m["date"], m["status"]) == ("1987-03", "held")


def test_who_speaks_in_a_cabinet_meeting_sits_in_it(extractor: Extractor) -> None:
    (m,) = meetings(extractor, '"We had a deal," Mr. Reagan recounted in an April 2 cabinet meeting.')
    assert people(m) == {"Reagan"}
    assert (m["date"], m["status"]) == ("1987-04-02", "held")


def test_a_person_and_his_titles_country_are_one_shared_party_not_two(extractor: Extractor) -> None:
    text = (
        "NATO defence ministers began a meeting in Brussels on Tuesday. It follows a session of the "
        "Nuclear Planning Group that U.S. Defense Secretary Caspar Weinberger chaired earlier on Tuesday.\n\n"
        "On the sidelines, Weinberger held a bilateral meeting with his Turkish counterpart Zeki Yavuzturk "
        "on Tuesday afternoon."
    )
    found = [people(m) for m in meetings(extractor, text)]
    assert {"Caspar Weinberger", "Zeki Yavuzturk"} in found
    assert not any("Nuclear Planning Group" in p and "Zeki Yavuzturk" in p for p in found)


def test_the_meeting_someone_took_with_others_is_theirs(extractor: Extractor) -> None:
    text = (
        "Senator Sam Nunn spoke to reporters after a closed-door meeting with the inspector general, "
        "Frank Smith, on Monday. He cited the meeting that Oliver North and other aides took with a "
        "delegation from Tehran in 1985 at the Old Executive Office Building."
    )
    found = {m["date"]: people(m) for m in meetings(extractor, text)}
    assert found["1987-04-13"] == {"Sam Nunn", "Frank Smith"}
    assert "Oliver North" in found["1985"]


def test_a_date_in_what_was_said_does_not_date_the_setting(extractor: Extractor) -> None:
    text = (
        "After a rousing speech at the Conservative Summit in Des Moines, Reagan told Baker that he "
        "is serious about the need for new leadership in 1988."
    )
    (m,) = meetings(extractor, text)
    assert (m["date"], m["status"]) == (None, "held")
