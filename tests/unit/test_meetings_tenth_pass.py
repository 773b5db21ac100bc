"""Meeting patterns of the tenth pass (loads spaCy: slow). Every text is written for the test; the
publication day is Tuesday 1987-04-14. Each case was a miss or a wrong participant before its rule.
"""

from __future__ import annotations

import pytest
from wire_helpers import meetings, people

from newsmon.extract import Extractor

pytestmark = pytest.mark.slow


def test_an_event_that_only_times_the_meeting_names_no_party(extractor: Extractor) -> None:
    text = (
        "Senator Robert Dole held a private meeting with Governor James Thompson on Monday "
        "ahead of his NAACP speech."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Robert Dole", "James Thompson"}


def test_a_known_name_the_parser_read_as_a_common_noun_still_meets(extractor: Extractor) -> None:
    # the small model reads a sentence-opening "Trump" as the noun "trump" and tags no entity
    text = (
        "President Donald Trump said on Monday that he would ask Congress for a payroll tax cut. "
        "Trump met on Monday with his task force managing the country's response."
    )
    (m,) = meetings(extractor, text)
    assert "Donald Trump" in people(m)
    assert m["date"] == "1987-04-13"


def test_a_list_of_titled_counterparts_is_one_call_each(extractor: Extractor) -> None:
    # the parser hangs the list's names as an apposition, a conjunct and a conjunct of the verb
    text = (
        "Mulroney was the fourth call on Saturday after conversations with Japanese Prime Minister "
        "Nakasone, French President Mitterrand, West German Chancellor Kohl, and Italian President "
        "Cossiga, each of which lasted close to an hour."
    )
    found = meetings(extractor, text)
    named = sorted(sorted(people(m)) for m in found)
    for person in ("Nakasone", "Kohl", "Cossiga"):  # (the small model tags "Mitterrand" a place)
        assert [person] in named, named
    assert all(m["date"] == "1987-04-11" for m in found)


def test_calling_on_someone_to_act_is_no_phone_call(extractor: Extractor) -> None:
    text = (
        "House Democrats call on Inspector General Richard Kusserow to investigate the allegation. "
        "Senator Sam Nunn called Defense Secretary Caspar Weinberger on Monday to ask about the plan."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Sam Nunn", "Caspar Weinberger"}


def test_a_show_named_meet_is_no_meeting(extractor: Extractor) -> None:
    text = "pic.twitter.com/9bsZmk7ema — Meet the Press (@MeetThePress) April 12, 1987"
    assert meetings(extractor, text) == []


def test_sitting_down_with_a_reporter_is_an_interview(extractor: Extractor) -> None:
    text = (
        "Howard Baker was willing to sit down with a National Public Radio reporter he has known for "
        "years. On Friday, Baker sat down with Mikhail Gorbachev in Moscow."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Howard Baker", "Mikhail Gorbachev"}


def test_who_acts_at_a_dated_annual_meeting_attends_it(extractor: Extractor) -> None:
    text = (
        "At the 1986 annual meeting of the American Bar Association, President Ronald Reagan praised "
        "the judges."
    )
    (m,) = meetings(extractor, text)
    assert m["date"] == "1986"
    assert "Ronald Reagan" in people(m)


def test_a_participle_clause_takes_the_tense_of_its_governor(extractor: Extractor) -> None:
    text = (
        "Attorney General Edwin Meese had been compromised by his ties to the firm, as evidenced by "
        "a 20-minute conversation with Senator Robert Dole aboard his plane at a Phoenix airport on June 27."
    )
    (m,) = meetings(extractor, text)
    assert (m["date"], m["status"]) == ("1986-06-27", "held")
