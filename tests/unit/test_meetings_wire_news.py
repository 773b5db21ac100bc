"""Meeting patterns of international wire copy (found on 1987 Reuters stories; loads spaCy: slow).

Each case was a wrong participant, status or miss before its rule.
"""

from __future__ import annotations

import datetime as dt

import pytest
from wire_helpers import meetings, people

from newsmon.extract import Extractor

pytestmark = pytest.mark.slow


def test_a_trailing_speaker_parsed_as_an_appositive_is_no_participant(extractor: Extractor) -> None:
    text = (
        "Prime Minister Yasuhiro Nakasone will hold talks in Washington with President Reagan on April 30, "
        "Chief Cabinet Secretary Masaharu Gotoda told reporters."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Yasuhiro Nakasone", "Reagan"}


def test_went_into_a_meeting_was_held_by_the_subject_of_the_first_verb(extractor: Extractor) -> None:
    text = (
        "George Shultz arrived from Helsinki on Monday aboard a U.S. Air Force plane and went straight into "
        "a closed-door meeting with Eduard Shevardnadze."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"George Shultz", "Eduard Shevardnadze"}
    assert (m["date"], m["status"]) == ("1987-04-13", "held")


def test_who_speaks_at_a_meeting_was_there(extractor: Extractor) -> None:
    text = (
        "Trade news.\n\nAt a meeting in Paris last January, French and Italian foreign trade ministers said "
        "they were committed to reducing the deficit."
    )
    (m,) = meetings(extractor, text)
    assert {"France", "Italy"} <= people(m)
    assert (m["location"]["name"], m["date"]) == ("Paris", "1987-01")


def test_after_a_day_of_meetings_the_subject_took_part(extractor: Extractor) -> None:
    text = (
        "After a day of meetings with Vice President George Bush and Commerce Secretary Malcolm Baldrige, "
        "Canadian Foreign Minister Joe Clark told a press conference he was persuaded."
    )
    found = meetings(extractor, text)
    assert all("Joe Clark" in people(m) for m in found) and found


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "During his stay in Washington, Crown Prince Abdullah was also scheduled to meet John Whitehead.",
            id="was-scheduled-to-with-no-day",
        ),
        pytest.param(
            "Britain hopes for a deal with Japan during next week's visit to Tokyo by Michael Howard.",
            id="next-weeks-visit",
        ),
    ],
)
def test_planned_meetings_without_an_outcome_are_scheduled(extractor: Extractor, text: str) -> None:
    (m,) = meetings(extractor, text)
    assert m["status"] == "scheduled"


@pytest.mark.parametrize(
    "word, country",
    [("German", "Germany"), ("British", "United Kingdom"), ("Italian", "Italy"), ("Saudi", "Saudi Arabia")],
)
def test_irregular_demonyms_name_their_country(extractor: Extractor, word: str, country: str) -> None:
    (m,) = meetings(extractor, f"{word} and Japanese officials met in Geneva on Monday.")
    assert {country, "Japan"} <= people(m)


def test_an_a_b_summit_names_both_leaders(extractor: Extractor) -> None:
    text = "The offer fits the position at the earlier Reagan-Gorbachev summit in Geneva in November 1985."
    (m,) = meetings(extractor, text)
    assert people(m) == {"Reagan", "Gorbachev"}
    assert (m["location"]["name"], m["date"]) == ("Geneva", "1985-11")


def test_they_are_the_proposer_and_the_addressee(extractor: Extractor) -> None:
    text = (
        "Korea news.\n\nSouth Korean Prime Minister Lho Shin-yong proposed in a letter to his North Korean "
        "counterpart Li Gun-mo that they meet to discuss various issues."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Lho Shin-yong", "Li Gun-mo"}


@pytest.mark.parametrize(
    "text, found",
    [
        pytest.param("Joe Biden went to Poland on Monday.", [{"Joe Biden"}], id="went-to-a-country"),
        pytest.param("Voters went to the polls in Iowa on Monday.", [], id="not-to-a-place"),
        pytest.param("Manafort counts on the unbound delegates who go to Cleveland.", [], id="who-not-named"),
        pytest.param(
            "Before meeting with George Bush, Prince Abdullah paid a courtesy call on President Reagan.",
            [{"George Bush", "Prince Abdullah"}, {"Prince Abdullah", "Reagan"}],
            id="courtesy-call-beside-another-meeting",
        ),
    ],
)
def test_trips_and_courtesy_calls(extractor: Extractor, text: str, found: list[set[str]]) -> None:
    got = [people(m) for m in meetings(extractor, text)]
    assert sorted(map(sorted, got)) == sorted(map(sorted, found))


def test_a_named_persons_visit_is_the_visit_already_reported(extractor: Extractor) -> None:
    text = (
        "Japan news.\n\nYasuhiro Nakasone will visit Washington next week. Nakasone's visit could coincide "
        "with the passage of a protectionist trade bill by the U.S. House of Representatives."
    )
    (m,) = extractor.extract(text, published=dt.date(1987, 4, 20))["meetings"]
    assert people(m) == {"Yasuhiro Nakasone"}
    assert m["status"] == "scheduled"  # "could coincide" is not a proposal


def test_could_take_place_is_still_a_proposal(extractor: Extractor) -> None:
    (m,) = meetings(extractor, "A summit between Xi Jinping and Joe Biden could take place next month.")
    assert m["status"] == "proposed"


def test_their_summit_is_the_subject_and_the_counterpart(extractor: Extractor) -> None:
    text = (
        "Arms news.\n\nPresident Reagan said the draft followed the formula he agreed upon with Gorbachev "
        "at their summit meeting last October in Reykjavik, Iceland."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Reagan", "Gorbachev"}  # Iceland only says which Reykjavik
    assert (m["date"], m["location"]["name"]) == ("1986-10", "Reykjavik")


def test_a_name_visiting_a_city_to_speak_is_a_visit(extractor: Extractor) -> None:
    (m,) = meetings(
        extractor, "Mac Maharaz, visiting Ottawa to speak to a conference, said the talks failed."
    )
    assert "Mac Maharaz" in people(m)
    assert m["location"]["name"] == "Ottawa"


@pytest.mark.parametrize(
    "text, name",
    [
        ("South Korean President Yoon Suk-yeol met Xi Jinping in Bali on Monday.", "Yoon Suk-yeol"),
        ("Finance Minister Chung In-yong met James Baker in Washington on Monday.", "Chung In-yong"),
    ],
)
def test_hyphenated_korean_given_names_are_kept_whole(extractor: Extractor, text: str, name: str) -> None:
    (m,) = meetings(extractor, text)
    assert name in people(m)


def test_the_trip_set_for_a_day_is_the_visit_planned_that_week(extractor: Extractor) -> None:
    text = (
        "Undersecretary Michael Armacost will visit Tokyo next week for meetings with officials. "
        "Spokeswoman Phyllis Oakley said the trip is set for April 6 to 8."
    )
    (m,) = extractor.extract(text, published=dt.date(1987, 3, 31))["meetings"]
    assert people(m) == {"Michael Armacost"}  # not the spokeswoman
    assert (m["date"], m["location"]["name"]) == ("1987-04-06", "Tokyo")


def test_the_title_inside_a_name_resolves_a_later_title(extractor: Extractor) -> None:
    text = (
        "Saudi news.\n\nSaudi Arabia's Crown Prince Abdullah bin Abdul Aziz met Vice President "
        "George Bush on Monday. Before meeting with Bush, the Crown Prince paid a brief courtesy call "
        "on President Reagan."
    )
    found = extractor.extract(text, published=dt.date(1987, 10, 19))["meetings"]
    assert sorted(sorted(people(m)) for m in found) == [
        ["Crown Prince Abdullah bin Abdul Aziz", "George Bush"],
        ["Crown Prince Abdullah bin Abdul Aziz", "Reagan"],
    ]
