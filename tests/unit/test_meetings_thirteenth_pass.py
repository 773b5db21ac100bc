"""Meeting patterns of the thirteenth pass (loads spaCy: slow). Every text is written for the test;
the publication day is Tuesday 1987-04-14. Each case was a miss, a false meeting or a wrong
participant before its rule.
"""

from __future__ import annotations

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
