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
