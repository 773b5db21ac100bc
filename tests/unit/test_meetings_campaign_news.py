"""More meeting patterns of 2016 campaign reporting (loads spaCy: slow).

Each case was a false meeting, a miss or a wrong field on real news before its rule.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsmon.extract import Extractor
from newsmon.extract.name_text import clean_mention

pytestmark = pytest.mark.slow

PUB = dt.date(2016, 7, 6)  # a Wednesday


def meetings(extractor: Extractor, text: str, published: dt.date = PUB) -> list[dict]:
    return extractor.extract(text, published=published)["meetings"]


def people(meeting: dict) -> set[str]:
    return {p["name"] for p in meeting["participants"]}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Only states won by Donald Trump and Ted Cruz count, a threshold met only by Trump and Cruz.",
            id="a-threshold-met-by",
        ),
        pytest.param("Paul Ryan has previously called out Donald Trump over his ban.", id="called-out"),
        pytest.param(
            "Donors were targeted by a boycott call from a civil rights group called Color of Change.",
            id="a-group-called-x",
        ),
        pytest.param(
            "Joe Biden, recalling weekly breakfasts with Hillary Clinton, called himself her whisperer.",
            id="weekly-breakfasts",
        ),
        pytest.param(
            "He protested Donald Trump at a rally and started having conversations with fellow activists.",
            id="generic-conversations",
        ),
        pytest.param(
            "Bernie Sanders visited Missouri on Saturday, holding a rally in Springfield.", id="rally-stop"
        ),
        pytest.param(
            "Hillary Clinton visited the St. Louis area to campaign over the weekend.", id="to-campaign"
        ),
        pytest.param(  # a joint campaign appearance is a rally, not a meeting
            "Hillary Clinton traveled to Ohio on Monday to campaign with Sherrod Brown.",
            id="to-campaign-with",
        ),
        pytest.param(
            "Barack Obama traveled to New York for Democratic Party fundraisers on Tuesday.",
            id="for-fundraisers",
        ),
        pytest.param(
            "Bernie Sanders described his visit to Friendship Park, outside San Diego, on Saturday.",
            id="a-named-park-is-a-sight",
        ),
        pytest.param(
            "Gary Johnson looked out at dozens of Mainers who had come out for a breakfast meet-and-greet.",
            id="meet-and-greet",
        ),
        pytest.param('"I met a lot of Bernie supporters," Chris Smith said on Friday.', id="met-a-crowd"),
        pytest.param("Barack Obama barely visited Kentucky in 2008.", id="barely"),
        pytest.param(
            "Ted Cruz apologized on Friday, then called Yahoo News to ask readers to watch the interview.",
            id="calling-a-news-outlet",
        ),
        pytest.param("More than half of those who met Hillary Clinton gave money.", id="those-who-met"),
        pytest.param(
            "It was the last debate and probably the final face-to-face meeting for Hillary Clinton and "
            "Bernie Sanders before the Iowa contest.",
            id="a-meeting-that-is-a-debate",
        ),
        pytest.param(
            "Christoph Blocher reacts during an electoral meeting of the Swiss People's Party on October 2.",
            id="electoral-meeting",
        ),
        pytest.param(
            "Elizabeth Warren had been talking with officials from the Hillary Clinton campaign for weeks.",
            id="talking-for-weeks",
        ),
        pytest.param(
            "While Democrats have pushed for new negotiations, John Cornyn told reporters it was over.",
            id="not-the-speaker-of-another-clause",
        ),
    ],
)
def test_not_meetings(extractor: Extractor, text: str) -> None:
    assert meetings(extractor, text) == []


def test_an_agency_dateline_with_a_date_is_no_participant(extractor: Extractor) -> None:
    text = "Aug 27 (Reuters) - Democrat Hillary Clinton on Saturday received her first security briefing."
    (m,) = meetings(extractor, text, dt.date(2016, 8, 28))
    assert people(m) == {"Hillary Clinton"}
    assert m["date"] == "2016-08-27"


def test_a_pronoun_after_a_quote_is_the_speaker_not_a_name_inside_it(extractor: Extractor) -> None:
    text = (
        "London's mayor Sadiq Khan spoke to Time magazine.\n\n"
        '"If Donald Trump becomes the president I\'ll be stopped from going there," he said. '
        "He said he planned to visit the United States before January."
    )
    (m,) = meetings(extractor, text, dt.date(2016, 5, 11))
    assert "Sadiq Khan" in people(m) and "Donald Trump" not in people(m)
    assert m["date"] is None  # "before January" bounds the visit, it does not date it
    assert m["status"] == "scheduled"


def test_under_fire_for_a_meeting_takes_part_and_last_monday_is_last_week(extractor: Extractor) -> None:
    text = (
        "Attorney General Loretta Lynch spoke on Wednesday. She has been under fire for a private meeting "
        "last Monday with former President Bill Clinton aboard her plane at the Phoenix airport."
    )
    (m,) = meetings(extractor, text)
    assert {"Loretta Lynch", "Bill Clinton"} <= people(m)
    assert m["date"] == "2016-06-27"  # on a Wednesday, this week's Monday would be "on Monday"


def test_invited_to_a_meeting_names_host_and_guest(extractor: Extractor) -> None:
    text = "Mexicans felt betrayed when Enrique Peña Nieto invited Donald Trump to a meeting in Mexico City."
    (m,) = meetings(extractor, text)
    assert {"Enrique Peña Nieto", "Donald Trump"} <= people(m)
    assert m["location"]["name"] == "Mexico City"


def test_a_bare_participle_takes_the_tense_of_its_clause(extractor: Extractor) -> None:
    text = (
        "Ted Cruz and Donald Trump had played nice earlier in the campaign, with Cruz repeatedly calling "
        "Trump his friend, meeting with him in July at Trump Tower."
    )
    (m,) = meetings(extractor, text, dt.date(2016, 1, 17))
    assert {"Ted Cruz", "Donald Trump"} <= people(m)
    assert (m["date"], m["status"]) == ("2015-07", "held")


def test_annual_meetings_are_one_occasion(extractor: Extractor) -> None:
    text = (
        "Lou Jiwei spoke at the end of a day of annual meetings in Beijing between Chinese and US officials."
    )
    assert len(meetings(extractor, text)) == 1


def test_him_is_the_man_a_first_name_says_even_if_she_follows(extractor: Extractor) -> None:
    text = "Juanita Broaddrick accused Bill Clinton. In 1978, she met him at a Little Rock event."
    (m,) = meetings(extractor, text, dt.date(2016, 1, 18))
    assert people(m) == {"Juanita Broaddrick", "Bill Clinton"}


@pytest.mark.parametrize(
    "text, host, guests",
    [
        pytest.param(
            "Biden was arranging calls with both Bernie Sanders and Hillary Clinton to discuss the race.",
            "Biden",
            ["Bernie Sanders", "Hillary Clinton"],
            id="calls-with-both",
        ),
        pytest.param(
            "Barack Obama held private meetings earlier in the day with Shinzo Abe and Park Geun-hye.",
            "Barack Obama",
            ["Shinzo Abe", "Park Geun-hye"],
            id="meetings-on-the-verb",
        ),
    ],
)
def test_plural_meetings_with_named_people_are_one_each(
    extractor: Extractor, text: str, host: str, guests: list[str]
) -> None:
    found = meetings(extractor, text)
    assert sorted(tuple(sorted(people(m))) for m in found) == sorted(tuple(sorted({host, g})) for g in guests)


def test_a_leaders_nickname_is_the_leader_the_article_names(extractor: Extractor) -> None:
    text = (
        "Benjamin Netanyahu rejected the remarks. "
        '"I want to wait until I meet with Bibi," Donald Trump said, using the nickname.'
    )
    (m,) = meetings(extractor, text, dt.date(2015, 12, 10))
    assert people(m) == {"Benjamin Netanyahu", "Donald Trump"}


def test_mr_and_mrs_pick_the_namesake_they_fit(extractor: Extractor) -> None:
    text = (
        "Hillary Clinton and Bill Clinton founded the foundation. Mrs. Clinton met with Victor Pinchuk "
        'in 2012. Mr. Clinton met with Gilbert Chagoury in 2009. "We will keep going," Mr. Clinton said.'
    )
    result = extractor.extract(text, published=dt.date(2016, 8, 22))
    assert sorted(tuple(sorted(people(m))) for m in result["meetings"]) == [
        ("Bill Clinton", "Gilbert Chagoury"),
        ("Hillary Clinton", "Victor Pinchuk"),
    ]
    assert [q["speaker"] for q in result["quotes"]] == ["Bill Clinton"]


def test_a_present_meeting_after_which_something_happens_is_ahead(extractor: Extractor) -> None:
    text = (
        "All signs pointed to Barack Obama endorsing Hillary Clinton on Thursday after the president "
        "meets with Bernie Sanders in the Oval Office."
    )
    found = [m for m in meetings(extractor, text, dt.date(2016, 6, 8)) if "Bernie Sanders" in people(m)]
    assert [(m["date"], m["status"], m["location"]["name"]) for m in found] == [
        ("2016-06-09", "scheduled", "Oval Office")
    ]


def test_who_instructs_someone_to_negotiate_does_not_negotiate(extractor: Extractor) -> None:
    text = (
        "John Kerry met Sergey Lavrov on Sunday in China. Barack Obama said he had instructed John Kerry "
        "to continue negotiating with the Russians over the coming days."
    )
    found = meetings(extractor, text, dt.date(2016, 9, 6))
    assert sorted((tuple(sorted(people(m))), m["date"]) for m in found) == [
        (("John Kerry", "Russia"), None),  # a further round, not Sunday's meeting
        (("John Kerry", "Sergey Lavrov"), "2016-09-04"),
    ]


def test_mr_never_becomes_the_only_namesake_of_the_other_gender(extractor: Extractor) -> None:
    text = 'Michelle Obama spoke first. "We are not done," Mr. Obama said on Saturday.'
    result = extractor.extract(text, published=dt.date(2016, 9, 19))
    assert [q["speaker"] for q in result["quotes"]] == ["Obama"]


def test_a_hastily_arranged_visit_was_held(extractor: Extractor) -> None:
    text = (
        "Donald Trump travelled briefly to Mexico on Wednesday for a hastily arranged visit with its leader."
    )
    (m,) = meetings(extractor, text, dt.date(2016, 9, 1))
    assert (m["date"], m["status"]) == ("2016-08-31", "held")


@pytest.mark.parametrize(
    "text, published, expected",
    [
        pytest.param(
            "On Friday night, Sarah Palin called a pro-Trump delegate candidate, Clara Powers.",
            dt.date(2016, 4, 17),
            [({"Sarah Palin", "Clara Powers"}, "2016-04-15", "held")],
            id="called-a-described-named-person",
        ),
        pytest.param(
            "The trial continues on Tuesday, when the prosecution will call the finance director, Paul Wren.",
            dt.date(2024, 4, 12),
            [],
            id="calling-a-witness",
        ),
        pytest.param(
            "At a Chamber of Commerce summit in Hilton Head on Thursday, Marco Rubio offered a defense.",
            dt.date(2015, 11, 13),
            [({"Chamber of Commerce", "Marco Rubio"}, "2015-11-12", "held")],
            id="an-offer-made-at-a-summit",
        ),
        pytest.param(
            "Joe Biden was extremely apologetic when he visited Ankara this week.",
            dt.date(2016, 8, 29),
            [({"Joe Biden"}, "2016-08", "held")],
            id="visited-this-week-on-a-monday",
        ),
        pytest.param(
            "Two years ago, Cleveland hosted the Gay Games.", dt.date(2016, 7, 11), [], id="hosted-games"
        ),
    ],
)
def test_calls_settings_and_weeks(
    extractor: Extractor, text: str, published: dt.date, expected: list[tuple[set[str], str, str]]
) -> None:
    found = meetings(extractor, text, published)
    assert [(people(m), m["date"], m["status"]) for m in found] == expected


def test_a_name_glued_to_a_headline_fragment_by_a_dash() -> None:
    assert clean_mention("Weak - Rubio") == "Rubio"


def test_a_conversation_someone_had_with_a_person(extractor: Extractor) -> None:
    text = "Deborah Tamargo recalled of a June conversation she had with Donald Trump that he was gracious."
    (m,) = meetings(extractor, text, dt.date(2016, 8, 8))
    assert (people(m), m["date"]) == ({"Deborah Tamargo", "Donald Trump"}, "2016-06")


def test_a_person_named_institution_does_not_swallow_the_person(extractor: Extractor) -> None:
    text = (
        "Muhammad Ali died on Friday. Mourners gathered outside the Muhammad Ali Center in Louisville. "
        "Jack Nicklaus met Ali for the first time in 1996."
    )
    found = [m for m in meetings(extractor, text, dt.date(2016, 6, 5)) if m["date"] == "1996"]
    assert [people(m) for m in found] == [{"Jack Nicklaus", "Muhammad Ali"}]


@pytest.mark.parametrize(
    "text, place",
    [
        ("Flooding hit Louisiana.\n\nDonald Trump visited the state Aug. 19.", "Louisiana"),
        (
            "Protests spread across Mexico.\n\nDonald Trump made a visit to the country on Wednesday.",
            "Mexico",
        ),
    ],
)
def test_a_visit_to_the_state_is_to_the_state_named_before(
    extractor: Extractor, text: str, place: str
) -> None:
    (m,) = meetings(extractor, text, dt.date(2016, 9, 1))
    assert m["location"]["name"] == place
