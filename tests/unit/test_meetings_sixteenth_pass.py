"""Meeting patterns of the sixteenth pass (loads spaCy: slow). Every text is written for the test;
the publication day is Tuesday 1987-04-14. Each positive test failed before its change (its first
case at least; checked with ``git stash``); the other cases and the negative tests guard the change.
"""

from __future__ import annotations

import datetime as dt

import pytest
from wire_helpers import meetings, people

from newsmon.extract import Extractor

pytestmark = pytest.mark.slow


def test_a_bare_first_word_two_people_share_is_the_one_named_more_often(extractor: Extractor) -> None:
    text = (
        "North Korean leader Kim Jong Un reached the border village on Thursday. "
        "Kim Jong Un walked across the line with his sister. "
        "A spokesman, Kim Eui-kyeom, said the mood was warm. "
        "On Friday, Kim and South Korean President Moon Jae-in met for three hours at the truce village."
    )
    (m,) = [m for m in meetings(extractor, text) if "Moon Jae-in" in people(m)]
    assert "Kim Jong Un" in people(m)
    assert "Kim Eui-kyeom" not in people(m)
    assert m["date"] == "1987-04-10"


def test_a_two_word_body_keeps_its_own_acronym(extractor: Extractor) -> None:
    text = (
        "The European Union named its negotiators on Monday. "
        "EU Commission President Jacques Delors said the bloc was ready. "
        "Britain and the EU will open talks in Brussels in May."
    )
    (m,) = meetings(extractor, text)
    assert {"United Kingdom", "European Union"} <= people(m)
    assert "EU Commission" not in people(m)
    assert (m["status"], m["date"]) == ("scheduled", "1987-05")


@pytest.mark.parametrize(
    ("text", "parties", "date"),
    [
        (
            "On Saturday, Chancellor Helmut Kohl told his French counterpart, Jacques Chirac, in a phone "
            "call that he is trying to find a way by May 15 to resume the dialogue with Moscow.",
            {"Helmut Kohl", "Jacques Chirac"},
            "1987-04-11",
        ),
        (
            "Prime Minister Brian Mulroney said in a meeting with President Reagan on Sunday that acid "
            "rain must be on the agenda by June.",
            {"Brian Mulroney", "Reagan"},
            "1987-04-12",
        ),
    ],
)
def test_a_call_a_statement_was_made_in_takes_the_statements_day(
    extractor: Extractor, text: str, parties: set[str], date: str
) -> None:
    (m,) = meetings(extractor, text)
    assert parties <= people(m)
    assert (m["status"], m["date"]) == ("held", date)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Chirac told reporters on Monday that he would meet Chancellor Kohl on Friday.", "1987-04-17"),
        ("Chirac said on Monday that he would meet Chancellor Kohl in Bonn.", None),
    ],
)
def test_the_day_of_telling_still_does_not_date_a_meeting_told_of(
    extractor: Extractor, text: str, date: str | None
) -> None:
    (m,) = meetings(extractor, text)
    assert (m["status"], m["date"]) == ("scheduled", date)


def test_a_dated_gathering_joins_the_dated_summit_not_an_undated_lunch(extractor: Extractor) -> None:
    text = (
        "Leaders of the Group of Seven opened their summit in Venice on Monday. Before the opening, "
        "Reagan and Prime Minister Fanfani sat down for a private lunch beside the lagoon. Little of "
        "substance is expected of this year's gathering, a professor at Georgetown said."
    )
    found = meetings(extractor, text)
    (lunch,) = [m for m in found if "Fanfani" in people(m)]
    assert lunch["date"] != "1987"  # "this year's gathering" is the summit, not the lunch
    (summit,) = [m for m in found if m["kind"] == "summit"]
    assert summit["mentions"] == 2


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "On Tuesday, Reagan is slated to meet with Soviet Foreign Minister Eduard Shevardnadze.",
            "scheduled",
        ),
        ("Reagan is scheduled to meet Shevardnadze on Tuesday.", "scheduled"),
        ("Reagan is meeting Shevardnadze at the White House today.", "ongoing"),
    ],
)
def test_a_meeting_slated_for_the_day_of_publication_is_still_ahead(
    extractor: Extractor, text: str, status: str
) -> None:
    (m,) = meetings(extractor, text)
    assert (m["status"], m["date"]) == (status, "1987-04-14")


def test_who_a_meeting_included_took_part(extractor: Extractor) -> None:
    text = (
        "Secretary of State George Shultz's meetings on Monday included chief Israeli negotiator "
        "Elyakim Rubinstein and Jordanian Foreign Minister Taher Masri."
    )
    (m,) = meetings(extractor, text)
    assert {"George Shultz", "Elyakim Rubinstein", "Taher Masri"} <= people(m)


@pytest.mark.parametrize(
    "text",
    [
        "The meeting on Monday included a long discussion of Iran.",
        "Others reportedly not making the trip include Sen. John Glenn and Sen. Sam Nunn.",
    ],
)
def test_what_a_meeting_included_or_a_misparsed_list_is_no_party(extractor: Extractor, text: str) -> None:
    found = meetings(extractor, text)
    assert not any({"Iran", "John Glenn", "Sam Nunn"} & people(m) for m in found)


def test_a_named_persons_call_on_a_day_is_a_call(extractor: Extractor) -> None:
    text = (
        "Mr. Shultz's call on Sunday was the first time he had raised the radar station with "
        "Mr. Shevardnadze, officials said."
    )
    (m,) = meetings(extractor, text)
    assert "Shultz" in " ".join(people(m))
    assert (m["kind"], m["status"], m["date"]) == ("call", "held", "1987-04-12")


@pytest.mark.parametrize(
    "text",
    [
        "Reagan's call on Sunday for a ban on chemical weapons drew praise.",
        "Reagan's call on Monday to cut taxes angered Democrats.",
        "Democrats rejected Reagan's call on Friday.",
    ],
)
def test_a_call_for_something_is_no_phone_call(extractor: Extractor, text: str) -> None:
    assert meetings(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "traveller"),
    [
        (
            "During a Middle East trip on Sunday, Secretary of State George Shultz said Washington "
            "would insist on direct talks.",
            "George Shultz",
        ),
        (
            "Speaking in Bonn during a visit to Europe, Vice President George Bush took a hard line.",
            "George Bush",
        ),
    ],
)
def test_the_subject_of_a_clause_set_on_a_trip_makes_the_trip(
    extractor: Extractor, text: str, traveller: str
) -> None:
    (m,) = meetings(extractor, text)
    assert traveller in people(m)
    assert (m["kind"], m["status"]) == ("visit", "held")


def test_a_visit_of_someone_else_is_not_the_subjects_trip(extractor: Extractor) -> None:
    found = meetings(extractor, "During a visit of the Pope, President Reagan said he was moved.")
    assert not any("Reagan" in people(m) for m in found)


@pytest.mark.parametrize(
    ("text", "subject", "other"),
    [
        (
            "Chancellor Helmut Kohl spoke first. After he met with King Hussein on Monday, Vice President "
            "George Bush flew home.",
            "George Bush",
            "Helmut Kohl",
        ),
        (
            "Prime Minister Yasuhiro Nakasone was there too. As he did while traveling in Brazil last "
            "year, President Reagan called on young people to stand up for freedom.",
            "Reagan",
            "Yasuhiro Nakasone",
        ),
    ],
)
def test_a_pronoun_before_the_main_clauses_named_subject_is_that_subject(
    extractor: Extractor, text: str, subject: str, other: str
) -> None:
    (m,) = meetings(extractor, text)
    assert subject in " ".join(people(m))
    assert other not in people(m)


@pytest.mark.parametrize(
    ("text", "who", "not_who"),
    [
        (
            "President Reagan flew to Geneva on Monday. Soviet President Andrei Gromyko greeted him "
            "at the airport. On Tuesday the president met Swiss leaders at the lakeside villa.",
            "Reagan",
            "Andrei Gromyko",
        ),
        (
            "President Reagan stayed in Washington. Vice President George Bush flew to Amman, where "
            "on Tuesday the vice president met King Hussein.",
            "George Bush",
            "Reagan",
        ),
    ],
)
def test_the_president_is_the_one_titled_bare_and_the_vice_president_the_vice(
    extractor: Extractor, text: str, who: str, not_who: str
) -> None:
    (m,) = [m for m in meetings(extractor, text) if m["date"] == "1987-04-14"]
    assert who in " ".join(people(m))
    assert not_who not in people(m)


def test_a_handshake_with_whom_is_with_the_nearest_person_before_it(extractor: Extractor) -> None:
    text = (
        "Reagan criticized leaders who jail dissidents, perhaps thinking of Libya's Moammar Gadhafi or "
        "Cuba's Fidel Castro, with whom he shook hands before taking the lectern on Tuesday."
    )
    (m,) = meetings(extractor, text)
    assert {"Reagan", "Fidel Castro"} <= people(m)
    assert "Moammar Gadhafi" not in people(m)
    assert m["date"] == "1987-04-14"


def test_the_president_is_not_a_former_one_when_the_sitting_one_is_named(extractor: Extractor) -> None:
    text = (
        "Former President Barack Obama praised the plan. Mr. Trump flew to Tokyo on Sunday. On Monday "
        "the president met Prime Minister Shinzo Abe."
    )
    found = extractor.extract(text, published=dt.date(2017, 11, 7))["meetings"]  # the seats table's day
    (m,) = [m for m in found if "Shinzo Abe" in people(m)]
    assert "Trump" in people(m)
    assert "Barack Obama" not in people(m)
