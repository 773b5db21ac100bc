"""Hover cards a site writes after a linked name (The Hill's rollover blocks): dropped from HTML,
blanked in scraped text so offsets still hold, and never read as prose. Texts are written for the test.
"""

from __future__ import annotations

import pytest
from wire_helpers import meetings, people

from newsmon.extract import Extractor
from newsmon.extract.text import blank_hover_cards, prepare

CARD = (
    "Donald John TrumpSenators balk at lengthy trial Trump faces high stakes in meeting with "
    "Erdogan amid drama Governor hosts summit with Canadian premier MORE"
)


def test_a_card_glued_after_the_name_is_blanked_and_offsets_hold() -> None:
    text = f"President Trump {CARD} won't be delivering the speech, Speaker Paul Ryan said."
    clean = blank_hover_cards(text)
    assert len(clean) == len(text)
    assert (
        " ".join(clean.split()) == "President Trump won't be delivering the speech, Speaker Paul Ryan said."
    )
    assert clean.index("won't") == text.index("won't")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # the visible name glued to the card, a lower-case particle, a card with a space after the name
        (
            "and Jason CrowJason CrowHouse delivers articles to Senate Pelosi: it cannot be erased "
            "MORE (Colo.) were there.",
            "and Jason Crow (Colo.) were there.",
        ),
        (
            "Mayor Bill de Blasio Bill de BlasioNYPD chief demands apology MORE (D) defended police.",
            "Mayor Bill de Blasio (D) defended police.",
        ),
        (
            "Speaker Paul Ryan Paul Davis Ryan Retirees should say no thanks to the plan MORE "
            "(R-Wis.) spoke.",
            "Speaker Paul Ryan (R-Wis.) spoke.",
        ),
        (
            "the server of Hillary Clinton Hillary Diane Rodham Clinton2020 Democrats make a play "
            "MORE’s aide.",
            "the server of Hillary Clinton ’s aide.",
        ),
        (  # a card with no headline: "MORE" glued to the full name
            "chief of staff Howard Baker Howard Henry BakerMORE called Shultz on Friday night.",
            "chief of staff Howard Baker called Shultz on Friday night.",
        ),
        (
            "Sen. John Kennedy John Neely KennedyMORE (R-La.) said.",
            "Sen. John Kennedy (R-La.) said.",
        ),
    ],
)
def test_card_shapes(text: str, kept: str) -> None:
    clean = blank_hover_cards(text)
    assert len(clean) == len(text)
    assert " ".join(clean.split()) == kept


@pytest.mark.parametrize(
    "text",
    [
        "SCHIFF STAFF WENT TO NEW YORK FOUR TIMES TO MEET WITH COHEN FOR MORE THAN 10 HOURS.",
        "Trump met Trump Organization lawyers and wanted MORE time, Trump said.",
        "Mr. Smith said Smith Barney had asked for nothing MORE than a meeting.",
        "The Kennedy KennedyMORE campaign",  # no second name: not a card
    ],
)
def test_prose_is_left_alone(text: str) -> None:
    assert blank_hover_cards(text) == text


def test_html_cards_are_dropped_by_class() -> None:
    html = (
        '<p>President <a href="/people/trump">Trump</a><span class="rollover-people-block">'
        "Donald John Trump<a>Trump faces high stakes in meeting with Erdogan</a> MORE</span> "
        "spoke on Monday.</p>"
    )
    prepared = prepare(html)
    assert prepared.is_html
    assert "Erdogan" not in prepared.text
    assert " ".join(prepared.text.split()) == "President Trump spoke on Monday."


@pytest.mark.slow
def test_headlines_in_a_card_are_not_meetings(extractor: Extractor) -> None:
    text = (
        f"President Trump {CARD} said on Monday that he would sign the bill. "
        "He met with Senator Dole on Friday to discuss it."
    )
    (m,) = meetings(extractor, text)
    assert "Dole" in " ".join(people(m))
    assert m["date"] == "1987-04-10"


def test_a_caption_toggle_credit_line_is_blanked_and_its_photographer_meets_nobody(
    extractor: Extractor,
) -> None:
    text = (
        "Trump Says Summit Still Possible\n\n"
        "Enlarge this image toggle caption Dana Rowe/AP Dana Rowe/AP\n\n"
        "Less than a day after President Trump said he was canceling next month's summit with "
        "Kim Jong Un, Trump told reporters that the meeting could still happen.\n\n"
        "toggle caption Lee Park/Getty Images\n"
    )
    clean = prepare(text).text
    assert len(clean) == len(text) and "Rowe" not in clean and "Park" not in clean
    assert clean.index("Less than") == text.index("Less than")
    (m,) = [m for m in meetings(extractor, text) if "Kim Jong Un" in people(m)]
    assert "Dana Rowe" not in people(m)
    prose = "The editor said to toggle caption styles for the page."
    assert blank_hover_cards(prose) == prose  # not a credit line of its own
