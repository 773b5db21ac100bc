"""Rules of the seventeenth pass, from the misses of sets ZB and ZC (texts written for the tests)."""

from __future__ import annotations

import datetime as dt

from wire_helpers import people

from newsmon.extract import Extractor


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
