"""Meeting patterns of the eighth pass (found on set H, 30 random articles from the AllSides corpus;
loads spaCy: slow). Every text is written for the test; the publication day is Tuesday 1987-04-14.

Each case was a miss or a wrong participant, status or date before its rule.
"""

from __future__ import annotations

import datetime as dt

import pytest
from wire_helpers import meetings, people

from newsmon.extract import Extractor

pytestmark = pytest.mark.slow


def test_ministers_from_several_countries_each_spoke_with_one_counterpart(extractor: Extractor) -> None:
    text = (
        "Foreign ministers from France, Italy and Spain all spoke with their Soviet counterpart "
        "Eduard Shevardnadze in Vienna on Monday."
    )
    found = meetings(extractor, text)
    assert sorted(sorted(people(m)) for m in found) == [
        ["Eduard Shevardnadze", "France"],
        ["Eduard Shevardnadze", "Italy"],
        ["Eduard Shevardnadze", "Spain"],
    ]
    assert {m["date"] for m in found} == {"1987-04-13"}


def test_joint_discussions_between_named_nations_are_talks_that_were_held(extractor: Extractor) -> None:
    text = "Joint discussions between the two nations -- Greece and Turkey -- collapsed in 1985."
    (m,) = meetings(extractor, text)
    assert people(m) == {"Greece", "Turkey"}
    assert (m["kind"], m["date"], m["status"]) == ("talks", "1985", "held")


def test_a_discussion_of_a_topic_is_no_meeting(extractor: Extractor) -> None:
    text = "The proposal is under discussion with Japan. Discussions about the budget went on all day."
    assert meetings(extractor, text) == []


def test_a_discussion_joins_the_call_it_refers_to(extractor: Extractor) -> None:
    text = (
        "Senator Robert Dole told reporters that he had spoken to Secretary of State George Shultz. "
        "Aides later said Dole's remark was not based on his discussion with Shultz."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Robert Dole", "George Shultz"}


def test_going_somewhere_to_see_named_people_is_a_meeting_with_them(extractor: Extractor) -> None:
    text = (
        "Secretary of State George Shultz arrived in Moscow on Monday. He will then go to Paris to see "
        "French Foreign Minister Jean-Bernard Raimond on Thursday. She flew to Florida to see her mother."
    )
    paris = [m for m in meetings(extractor, text) if m["date"] == "1987-04-16"]
    (m,) = paris
    assert people(m) == {"George Shultz", "Jean-Bernard Raimond"}
    assert (m["location"]["name"], m["status"]) == ("Paris", "scheduled")


def test_a_meeting_during_the_trip_takes_the_trip_date(extractor: Extractor) -> None:
    text = (
        "Vice President George Bush did not discuss his trip in 1985 to China with his son. "
        "His son said he met with Chinese banker Li Peng during the trip."
    )
    found = meetings(extractor, text)
    (li,) = [m for m in found if "Li Peng" in people(m)]
    assert li["date"] == "1985"


def test_the_country_visit_is_the_visit_told_before(extractor: Extractor) -> None:
    text = (
        "Prime Minister Yitzhak Shamir will travel to Washington in May to address Congress. "
        "Shamir stands to gain politically at home from the U.S. visit."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Yitzhak Shamir", "United States"}
    assert (m["date"], m["location"]["name"], m["status"]) == ("1987-05", "Washington", "scheduled")


def test_the_president_is_not_a_company_president_quoted_since(extractor: Extractor) -> None:
    text = (
        'President Ronald Reagan spoke in Washington on Monday. "Yes, it would make a difference," '
        "Dan Kessler, president and CEO of Kessler Ministries, told reporters. "
        "Several Republican lawmakers, who met with the president, stayed home on Monday."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Ronald Reagan"}


def test_a_name_tagged_person_once_and_organisation_more_often_is_an_organisation() -> None:
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    from newsmon.extract.entities import NameIndex

    words = (
        "Agents of Border Patrol met . Border Patrol Agent Jim Vega said . "
        "Border Patrol agents left . Border Patrol won"
    ).split()
    # the third "Border Patrol" is left untagged, as the small model does; proper nouns are PROPN
    doc = Doc(
        Vocab(),
        words=words,
        pos=["PROPN" if w[0].isupper() else "NOUN" if w.isalpha() else "PUNCT" for w in words],
        sent_starts=[i == 0 or words[i - 1] == "." for i in range(len(words))],
    )
    doc.ents = [Span(doc, 2, 4, "ORG"), Span(doc, 6, 8, "PERSON"), Span(doc, 18, 20, "ORG")]
    index = NameIndex.build(doc)
    assert not [m for m in index.mentions if m.kind == "person" and "Patrol" in m.name]


def test_that_year_is_the_year_last_written(extractor: Extractor) -> None:
    text = (
        "Reagan was re-elected in 1984. He met Gorbachev in Geneva later that year. "
        "Shultz was appointed in 1982. He is popular. He likes golf. He met Shevardnadze later that year."
    )
    found = {frozenset(people(m)): m["date"] for m in meetings(extractor, text)}
    assert found[frozenset({"Reagan", "Gorbachev"})] == "1984"
    assert found[frozenset({"Shultz", "Shevardnadze"})] is None  # 1982 is three sentences back


def test_we_are_to_be_meeting_in_a_quote_is_the_speakers_scheduled_meeting(extractor: Extractor) -> None:
    text = (
        'President Ronald Reagan spoke on Tuesday. "We are to be meeting with House Republicans, '
        'Robert Dole, and discussing a tax cut," Reagan said.'
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Ronald Reagan", "House Republicans", "Robert Dole"}
    assert m["status"] == "scheduled"


def test_their_meeting_after_a_press_conference_with_a_titled_leader(extractor: Extractor) -> None:
    # "the Russian leader" is the Kremlin's occupant on the publication day, and only when named
    text = (
        '"President Putin was very strong," Trump said during a press conference '
        "with the Russian leader after their July meeting in Helsinki."
    )
    (m,) = extractor.extract(text, published=dt.date(2018, 10, 15))["meetings"]
    assert people(m) == {"Trump", "Putin"}
    assert (m["date"], m["location"]["name"]) == ("2018-07", "Helsinki")
    unnamed = text.replace("President Putin", "He")
    (m,) = extractor.extract(unnamed, published=dt.date(2018, 10, 15))["meetings"]
    assert people(m) == {"Trump"}


def test_discussing_something_with_a_named_or_titled_person_is_an_exchange(extractor: Extractor) -> None:
    text = "Chancellor Helmut Kohl discussed Berlin with President Ronald Reagan on Monday."
    (m,) = meetings(extractor, text)
    assert people(m) == {"Helmut Kohl", "Ronald Reagan"}  # Berlin is the topic, not a party
    assert (m["date"], m["status"]) == ("1987-04-13", "held")
    by_phone = "Chancellor Helmut Kohl discussed the issue by telephone with Ronald Reagan on Monday."
    assert [m["kind"] for m in meetings(extractor, by_phone)] == ["call"]
    topics = "Reagan discussed the budget with reporters on Monday. The committee discussed the bill."
    assert meetings(extractor, topics) == []


def test_a_country_deep_in_what_the_talks_are_on_is_no_party(extractor: Extractor) -> None:
    text = (
        "The negotiations between the United States and Russia on securing Iran's "
        "chemical weapons resumed in Geneva on Monday."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"United States", "Russia"}


def test_a_party_conference_is_a_convention_not_a_meeting(extractor: Extractor) -> None:
    text = "Thatcher said a new leader should be in place by the start of the Conservative party conference."
    assert meetings(extractor, text) == []


def test_that_day_is_the_day_last_written(extractor: Extractor) -> None:
    text = (
        "On May 8, Mr. Trump told aides he would fire the director. Mr. McGahn arranged for the "
        "president to meet in the Oval Office that day with Attorney General Jeff Sessions."
    )
    (m,) = extractor.extract(text, published=dt.date(2017, 9, 1))["meetings"]
    assert people(m) == {"Trump", "Jeff Sessions"}  # "the president", never titled so, is the named one
    assert (m["date"], m["status"]) == ("2017-05-08", "held")


def test_ideas_that_met_with_resistance_are_no_meeting(extractor: Extractor) -> None:
    text = "Even in the House, Mr. Dole's ideas have met with resistance. The plan met with skepticism."
    assert meetings(extractor, text) == []


def test_the_nominee_opening_a_sentence_is_the_person_the_last_one_was_about(extractor: Extractor) -> None:
    text = (
        "Walter Mondale, in his first remarks since his concession speech, claimed Monday he lost because "
        "of the economy. The Democratic presidential nominee did not acknowledge any missteps in a phone "
        "call with top donors Monday."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Walter Mondale"}
    assert (m["kind"], m["date"]) == ("call", "1987-04-13")


def test_meetings_a_named_organisation_holds_are_its_session(extractor: Extractor) -> None:
    text = (
        "Governor Bill Clinton spoke later Monday, on the first day of Democratic Governors "
        "Association meetings in Las Vegas."
    )
    (m,) = meetings(extractor, text)
    assert "Democratic Governors Association" in people(m)
    assert (m["date"], m["location"]["name"]) == ("1987-04-13", "Las Vegas")


def test_contacting_a_titled_person_on_a_day_is_a_meeting(extractor: Extractor) -> None:
    text = "House Speaker Jim Wright contacted the Israeli ambassador on April 8 to assess his interest."
    (m,) = meetings(extractor, text)
    assert "Jim Wright" in people(m)
    assert (m["date"], m["status"]) == ("1987-04-08", "held")
    assert meetings(extractor, "Police contacted the family on Monday. She contacted her lawyer.") == []


def test_who_made_the_visit_is_its_visitor(extractor: Extractor) -> None:
    text = (
        "Democrats in Bucks County were recalling details of a visit Jimmy Carter made to the area in 1980."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Jimmy Carter"}
    assert (m["date"], m["status"]) == ("1980", "held")


def test_a_closed_door_luncheon_is_a_meeting_a_plain_lunch_is_not(extractor: Extractor) -> None:
    text = "On Monday, Senator Robert Dole used a closed-door luncheon to complain about the budget."
    (m,) = meetings(extractor, text)
    assert people(m) == {"Robert Dole"}
    assert (m["date"], m["status"]) == ("1987-04-13", "held")
    assert meetings(extractor, "Senator Robert Dole had lunch on Monday.") == []


def test_a_year_before_the_meeting_noun_after_a_possessive_dates_it(extractor: Extractor) -> None:
    text = "Reagan's landmark 1985 visit to Geneva was preceded by a visit from Secretary George Shultz."
    found = {m["date"] for m in meetings(extractor, text) if "Reagan" in people(m)}
    assert found == {"1985"}


def test_my_meeting_in_a_quote_is_the_speakers_but_our_negotiations_are_not(extractor: Extractor) -> None:
    text = (
        'Ambassador Arthur Hartman served in Moscow. "In my first meeting with him in 1984, he was '
        'friendly," Hartman recalled.'
    )
    (m,) = meetings(extractor, text)
    assert "Arthur Hartman" in people(m)
    assert m["date"] == "1984"
    ours = '"Right in the midst of our negotiations, it is not helpful," Speaker Jim Wright said.'
    assert meetings(extractor, ours) == []


def test_separate_talks_with_several_leaders_are_one_meeting_each(extractor: Extractor) -> None:
    text = (
        "President Ronald Reagan is due to hold separate talks with Chancellor Helmut Kohl, "
        "Prime Minister Margaret Thatcher and President Francois Mitterrand."
    )
    found = sorted(sorted(people(m)) for m in meetings(extractor, text))
    assert found == [
        ["Francois Mitterrand", "Ronald Reagan"],
        ["Helmut Kohl", "Ronald Reagan"],
        ["Margaret Thatcher", "Ronald Reagan"],
    ]


def test_separate_visits_to_several_people_are_one_visit_each(extractor: Extractor) -> None:
    text = (
        "Treasury Secretary James Baker will pay separate visits to Robert Dole, Jim Wright and "
        "Robert Byrd on Thursday."
    )
    found = meetings(extractor, text)
    assert sorted(sorted(people(m) - {"James Baker"}) for m in found) == [
        ["Jim Wright"],
        ["Robert Byrd"],
        ["Robert Dole"],
    ]
    assert all("James Baker" in people(m) and m["date"] == "1987-04-16" for m in found)


def test_a_meeting_someone_has_summoned_people_for_lies_ahead(extractor: Extractor) -> None:
    text = (
        "The administration has also summoned Wall Street executives to the White House for a meeting "
        "on Wednesday with President Ronald Reagan."
    )
    (m,) = meetings(extractor, text)
    assert (m["date"], m["status"]) == ("1987-04-15", "scheduled")


def test_a_state_in_parentheses_after_a_name_is_no_party(extractor: Extractor) -> None:
    text = (
        "On Monday, Speaker Jim Wright met with three of his most vocal opponents: Reps. Dick Cheney (WY), "
        "Trent Lott (MS), and Newt Gingrich (GA)."
    )
    (m,) = meetings(extractor, text)
    assert {"Dick Cheney", "Trent Lott", "Newt Gingrich"} <= people(m)
    assert not people(m) & {"WY", "MS", "GA"}
