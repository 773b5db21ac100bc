"""Meeting patterns of the eleventh pass (loads spaCy: slow). Every text is written for the test; the
publication day is Tuesday 1987-04-14. Each case was a miss, a false meeting or a wrong participant
before its rule.
"""

from __future__ import annotations

import pytest
from wire_helpers import meetings, people

from newsmon.extract import Extractor

pytestmark = pytest.mark.slow


def test_the_agent_of_a_passive_verb_attends_the_meeting_it_followed(extractor: Extractor) -> None:
    text = (
        "The memo was written by FBI Director William Webster shortly after a private meeting "
        "with President Reagan."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"William Webster", "Reagan"}


def test_a_speaker_attends_the_conference_addressed(extractor: Extractor) -> None:
    text = (
        "Vice President George Bush said during an address to the World Affairs Council Conference "
        "on Monday that the talks would go on."
    )
    (m,) = meetings(extractor, text)
    assert "George Bush" in people(m)
    assert m["date"] == "1987-04-13"


def test_who_speaks_at_a_named_summit_attends_it(extractor: Extractor) -> None:
    text = "Senator Robert Dole said on Monday while speaking at the Midwest Governors Summit in Chicago."
    (m,) = meetings(extractor, text)
    assert "Robert Dole" in people(m)


@pytest.mark.parametrize(
    "text",
    [
        # an anchor sitting down with a guest is an interview
        "CBS News anchor Dan Rather sat down with Senator Gary Hart to talk about the campaign.",
        # "call X the Y" names, it does not phone
        "Protesters called civil rights icon Rep. John Lewis (D-Ga.) the “traitor” at a demonstration on "
        "Capitol Hill.",
        # force meets an attack, no one meets anyone
        'Weinberger said the United States wants to send a message that "overwhelming force" will meet '
        "any attack on U.S. interests or those of its allies.",
        # a meeting nobody scheduled
        "Although President Reagan has not scheduled a new meeting with congressional leaders, he will "
        "send advisers to the Hill.",
        # a news outlet meeting someone interviews them; reporters huddling meet no one
        "When CBS News first met 24-year-old Tom Smart outside the White House, one thing was clear.",
        "On the Senate side, reporters huddle in the basement where the Senate subway cars arrive.",
        # all of a government's meetings are no one meeting; a trip home is no visit
        "No word if Donaldson feels the same way about all of the Carter administration's meetings with "
        "Cuba and Iran.",
        "Lawyer Michael Cohen testified on Wednesday. Those are all going to be waiting for him after his "
        "long trip back to Washington.",
    ],
)
def test_not_meetings(extractor: Extractor, text: str) -> None:
    assert meetings(extractor, text) == []


def test_ruling_out_a_meeting_still_proposes_it(extractor: Extractor) -> None:
    text = "President Reagan did not rule out a meeting with Soviet leader Mikhail Gorbachev in the fall."
    (m,) = meetings(extractor, text)
    assert people(m) == {"Reagan", "Mikhail Gorbachev"}
    assert m["status"] == "proposed"


def test_a_meeting_on_the_sidelines_of_a_gathering(extractor: Extractor) -> None:
    # the group named in the setting is no party to the side meeting, and its gathering is as
    # scheduled as the meeting held on its sidelines
    text = (
        "The statement came just days before President Reagan is to meet with Soviet leader Mikhail "
        "Gorbachev on the sidelines of the G-7 gathering in Venice."
    )
    found = meetings(extractor, text)
    side = [m for m in found if "Reagan" in people(m)]
    assert len(side) == 1 and people(side[0]) == {"Reagan", "Mikhail Gorbachev"}
    assert {m["status"] for m in found} == {"scheduled"}


def test_a_lame_duck_session_is_no_meeting(extractor: Extractor) -> None:
    text = "Other priorities in the lame duck session of Congress could complicate the timing."
    assert meetings(extractor, text) == []


def test_conversations_had_with_a_named_person(extractor: Extractor) -> None:
    text = (
        "National security adviser John Poindexter was fired for lying about conversations he'd had "
        "with Soviet ambassador Yuri Dubinin."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"John Poindexter", "Yuri Dubinin"}


def test_a_year_dates_the_discussion_it_modifies(extractor: Extractor) -> None:
    text = (
        "Former White House aide Michael Deaver pleaded guilty on Friday. Deaver also admitted to lying "
        "about a 1985 discussion he had with Robert McFarlane."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Michael Deaver", "Robert McFarlane"}
    assert m["date"] == "1985"
