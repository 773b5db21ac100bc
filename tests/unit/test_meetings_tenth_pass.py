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
