"""Rules of the seventeenth pass, from the misses of sets ZB and ZC (texts written for the tests)."""

from __future__ import annotations

import datetime as dt

from wire_helpers import people

from newsmon.extract import Extractor
from newsmon.extract.context import ArticleContext
from newsmon.extract.meeting_people import participant
from newsmon.extract.text import prepare


def test_an_event_named_by_its_date_does_not_date_a_meeting(extractor: Extractor) -> None:
    text = (
        "In Trump’s November phone call to Pakistani Prime Minister Nawaz Sharif, he called Pakistan a "
        "fantastic country, neglecting to mention its place in American politics since the "
        "September 11 attacks."
    )
    found = extractor.extract(text, published=dt.date(2016, 12, 20))["meetings"]
    (m,) = [m for m in found if "Nawaz Sharif" in people(m)]
    assert m["date"] == "2016-11"


def test_the_summit_date_stated_later_dates_the_summit(extractor: Extractor) -> None:
    text = (
        "President Trump said on Thursday he was canceling next month's summit with North Korean "
        "leader Kim Jong Un. On Friday he told reporters the meeting could still happen. "
        "The original summit date was June 12."
    )
    found = extractor.extract(text, published=dt.date(2018, 5, 25))["meetings"]
    (m,) = [m for m in found if "Kim Jong Un" in people(m)]
    assert m["date"] == "2018-06-12"  # the day, ahead of publication though the copula is past
    assert m["status"] == "cancelled"


def test_a_relative_named_in_full_does_not_take_the_bare_surname(extractor: Extractor) -> None:
    text = (
        "President Trump held a brief one-on-one meeting with French President Emmanuel Macron on "
        "Friday. He also said first lady Melania Trump wanted to accompany him on the trip."
    )
    found = extractor.extract(text, published=dt.date(2018, 6, 8))["meetings"]
    (m,) = [m for m in found if "Emmanuel Macron" in people(m)]
    assert "Melania Trump" not in people(m)
    assert "Trump" in people(m)  # the president, as the article names him


def test_a_wire_credit_in_a_later_dateline_is_no_participant(extractor: Extractor) -> None:
    """After photo captions the dateline is not at the text's start: its "(AP)" is still a credit."""
    text = (
        "Supporters listen to their leaders during a march. (AP Photo/J. Doe)\n\n"
        "ISLAMABAD (AP) — The cleric met Monday with opposition politicians, the AP learned."
    )
    ctx = ArticleContext.build(extractor.nlp(text), prepare(text), published=dt.date(2019, 11, 4), title=None)
    aps = [e for e in ctx.doc.ents if e.text == "AP"]
    credit = [e for e in aps if text[e.start_char - 1] == "("]
    assert credit and all(participant(ctx, e) is None for e in credit)
    assert all(participant(ctx, e) is not None for e in aps if e not in credit)  # "the AP learned"
