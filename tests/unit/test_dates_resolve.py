"""Table-driven tests of relative and absolute date resolution against publication date + tense."""

from __future__ import annotations

import datetime as dt

import pytest

from newsmon.extract.dates import find_dates, pick_year, resolve_text, resolve_weekday

TUE = dt.date(2022, 1, 11)  # the dev article: Tuesday
FRI_DEC30 = dt.date(2022, 12, 30)  # a Friday just before a year boundary
WED_JAN4 = dt.date(2023, 1, 4)

CASES = [
    # (text, published, tense, value, end_value)
    ("on Monday", TUE, "past", "2022-01-10", None),
    ("On Tuesday, Sherman will meet", TUE, "future", "2022-01-11", None),
    ("said on Tuesday", TUE, "past", "2022-01-11", None),
    ("ahead of Wednesday's meeting", TUE, "future", "2022-01-12", None),
    ("on Wednesday", TUE, "past", "2022-01-05", None),
    ("on Friday", TUE, "past", "2022-01-07", None),
    ("on Friday", TUE, "future", "2022-01-14", None),
    ("on Friday", TUE, "present", "2022-01-14", None),
    ("on Saturday", TUE, None, "2022-01-08", None),
    ("on Monday", TUE, "future", "2022-01-17", None),
    ("last Tuesday", TUE, None, "2022-01-04", None),
    ("last Monday", TUE, None, "2022-01-03", None),  # this week's Monday is "on Monday"
    ("last Sunday", TUE, None, "2022-01-09", None),
    ("last Friday", TUE, None, "2022-01-07", None),
    # a weekend is its Saturday: "this weekend" by the tense, "this past weekend" the one just gone
    ("will meet this weekend", TUE, "future", "2022-01-15", None),
    ("met over the weekend", TUE, "past", "2022-01-08", None),
    ("this past weekend", TUE, None, "2022-01-08", None),
    ("next weekend", TUE, None, "2022-01-15", None),
    ("next Tuesday", TUE, None, "2022-01-18", None),
    ("next Friday", TUE, None, "2022-01-14", None),
    ("this coming Monday", TUE, None, "2022-01-17", None),
    ("on Monday the leaders will meet", FRI_DEC30, "future", "2023-01-02", None),
    ("met on Thursday", FRI_DEC30, "past", "2022-12-29", None),
    ("met on Thursday", WED_JAN4, "past", "2022-12-29", None),
    ("yesterday", TUE, "past", "2022-01-10", None),
    ("tomorrow", FRI_DEC30, "future", "2022-12-31", None),
    ("the day after tomorrow", FRI_DEC30, "future", "2023-01-01", None),
    ("today", TUE, "present", "2022-01-11", None),
    ("last night", TUE, "past", "2022-01-10", None),
    ("three days ago", TUE, "past", "2022-01-08", None),
    ("in 10 days", FRI_DEC30, "future", "2023-01-09", None),
    ("next week", TUE, "future", "2022-01", None),
    ("next week", FRI_DEC30, "future", "2023-01", None),
    ("last week", WED_JAN4, "past", "2022-12", None),
    ("this week", TUE, "present", "2022-01", None),
    ("this week", dt.date(2016, 8, 29), "past", "2016-08", None),  # "visited Ankara this week", a Monday
    ("this week", dt.date(2016, 8, 29), "future", "2016-09", None),
    # a week is the month that holds most of its days (calendar week, or the last seven days)
    ("last week", dt.date(2015, 12, 13), "past", "2015-12", None),  # Nov 30 - Dec 6
    ("this week", dt.date(2022, 3, 1), "present", "2022-03", None),  # Feb 28 - Mar 6
    ("over the past week", dt.date(2022, 3, 3), "past", "2022-02", None),  # Feb 24 - Mar 2
    ("over the past week", dt.date(2015, 12, 13), "past", "2015-12", None),  # Dec 6 - 12
    ("he has spent the last year attacking them", dt.date(2016, 5, 12), "past", None, None),
    ("last year", dt.date(2016, 5, 12), "past", "2015", None),
    ("next month", FRI_DEC30, "future", "2023-01", None),
    ("last month", TUE, "past", "2021-12", None),
    ("later this month", TUE, "future", "2022-01", None),
    ("later this year", TUE, "future", "2022", None),
    ("earlier this year", dt.date(2022, 6, 1), "past", "2022", None),
    ("next year", FRI_DEC30, "future", "2023", None),
    ("last year", TUE, "past", "2021", None),
    ("in June 2021", TUE, "past", "2021-06", None),
    ("in June", TUE, "past", "2021-06", None),
    ("in June", TUE, "future", "2022-06", None),
    ("in January", TUE, "future", "2022-01", None),
    ("in December", TUE, "past", "2021-12", None),
    ("last March", TUE, None, "2021-03", None),
    ("last December", TUE, None, "2020-12", None),  # a month ago is "last month": a year before that
    ("last June", dt.date(2017, 7, 13), None, "2016-06", None),
    ("next March", TUE, None, "2022-03", None),
    ("next January", TUE, None, "2023-01", None),
    ("in 2019", TUE, "past", "2019", None),
    ("January 10, 2022", TUE, None, "2022-01-10", None),
    ("Monday January 10, 2022", TUE, None, "2022-01-10", None),
    ("Monday, Jan. 10", TUE, "past", "2022-01-10", None),
    ("10 January 2022", TUE, None, "2022-01-10", None),
    ("on the 5th of February", TUE, "future", "2022-02-05", None),
    ("on January 5", FRI_DEC30, "future", "2023-01-05", None),
    ("on December 28", WED_JAN4, "past", "2022-12-28", None),
    ("on December 28", WED_JAN4, None, "2022-12-28", None),
    ("on March 3", TUE, "past", "2021-03-03", None),
    ("on March 3", TUE, None, "2022-03-03", None),
    ("2022-01-10", TUE, None, "2022-01-10", None),
    ("March 3-5", TUE, "future", "2022-03-03", "2022-03-05"),
    ("3-5 March 2023", TUE, None, "2023-03-03", "2023-03-05"),
    ("30 March to 2 April", TUE, "future", "2022-03-30", "2022-04-02"),
    ("March 30 to April 2, 2022", TUE, None, "2022-03-30", "2022-04-02"),
    ("December 30 to January 2", dt.date(2022, 12, 1), "future", "2022-12-30", "2023-01-02"),
    ("from Wednesday to Friday", TUE, "future", "2022-01-12", "2022-01-14"),
    ("Monday through Wednesday", TUE, "past", "2022-01-10", "2022-01-12"),
    ("in mid-March 2022", TUE, None, "2022-03", None),
]


@pytest.mark.parametrize(("text", "published", "tense", "value", "end_value"), CASES)
def test_resolves(text, published, tense, value, end_value):
    got = resolve_text(text, published, tense)
    assert got is not None, f"no date found in {text!r}"
    assert (got.value, got.end_value) == (value, end_value)


@pytest.mark.parametrize(
    "text",
    [
        "they may meet again",
        "the march on the capital",
        "a 2022 agreement",
        "he said the talks were hard",
        "Sun shines",
        "since the September 11 attacks",  # the name of an event, not a day of the story
        "after the Sept. 11, 2001, terrorist attacks",
        "the 9/11 commission",
        "Britain’s May met him",  # the prime minister, not the month
    ],
)
def test_no_false_dates(text):
    assert find_dates(text) == []


def test_relative_dates_need_publication_date():
    got = resolve_text("on Monday", None, "past")
    assert got is not None and got.value is None
    absolute = resolve_text("January 10, 2022", None, None)
    assert absolute is not None and absolute.value == "2022-01-10"


def test_offsets_point_at_the_expression():
    text = "Speaking from Geneva on Monday, she said the talks in June 2021 went well."
    found = find_dates(text)
    assert [text[d.start : d.end] for d in found] == ["Monday", "June 2021"]
    assert [d.text for d in found] == ["Monday", "June 2021"]


def test_weekday_same_day_depends_on_tense():
    assert resolve_weekday(1, TUE, "past") == TUE
    assert resolve_weekday(1, TUE, "future") == TUE
    assert resolve_weekday(1, TUE, None, "next") == dt.date(2022, 1, 18)


def test_pick_year_across_boundary():
    assert pick_year(1, 5, FRI_DEC30, "future") == 2023
    assert pick_year(12, 20, WED_JAN4, "past") == 2022
    assert pick_year(12, 20, WED_JAN4, None) == 2022


def test_precision():
    assert resolve_text("in June 2021", TUE, None).precision == "month"
    assert resolve_text("on Monday", TUE, "past").precision == "day"
    assert resolve_text("later this year", TUE, None).precision == "year"


@pytest.mark.parametrize(
    ("text", "published", "tense", "value"),
    [
        ("held talks on the 16th", dt.date(2023, 3, 17), "past", "2023-03-16"),
        ("will meet on the 2nd", dt.date(2023, 3, 17), "future", "2023-04-02"),
        ("met on the 30th", dt.date(2023, 3, 2), "past", "2023-01-30"),
    ],
)
def test_ordinal_day_of_month(text, published, tense, value):
    got = resolve_text(text, published, tense)
    assert got is not None
    assert got.value == value


@pytest.mark.parametrize(
    ("text", "published", "value", "end_value"),
    [
        ("in November last year", dt.date(2023, 3, 17), "2022-11", None),
        ("from November 30 to December 12 next year", dt.date(2022, 11, 20), "2023-11-30", "2023-12-12"),
        ("on March 3 next year", dt.date(2022, 11, 20), "2023-03-03", None),
    ],
)
def test_relative_year_after_a_date(text, published, value, end_value):
    got = resolve_text(text, published, "future")
    assert got is not None and (got.value, got.end_value) == (value, end_value)


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("last winter", dt.date(2016, 1, 20), "2015"),  # in January: the winter before this one
        ("last winter", dt.date(2016, 4, 20), "2016"),  # the winter that ended in February
        ("last summer", dt.date(2016, 7, 10), "2015"),  # in the summer: the one before
        ("last summer", dt.date(2016, 9, 10), "2016"),
        ("last fall", dt.date(2016, 12, 10), "2016"),
        ("next spring", dt.date(2016, 2, 1), "2016"),
        ("next spring", dt.date(2016, 6, 1), "2017"),
        ("this summer", dt.date(2016, 4, 1), "2016"),
        ("this summer", dt.date(2013, 12, 10), "2013"),  # in December: the summer just gone
        ("this winter", dt.date(2013, 12, 10), "2014"),  # the winter begun, named by its January
        ("in the spring of 2015", dt.date(2016, 2, 1), "2015"),
        ("summer 2014", dt.date(2016, 2, 1), "2014"),
    ],
)
def test_seasons_give_a_year(text, published, value):
    got = resolve_text(text, published, None)
    assert got is not None and got.value == value and got.precision == "year"


@pytest.mark.parametrize("text", ["prices fall sharply", "in the summer", "a winter storm"])
def test_a_bare_season_is_no_date(text):
    got = resolve_text(text, dt.date(2016, 2, 1), "past")
    assert got is None or got.value is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("traveled to Jerusalem during the 2012 presidential race", "2012"),
        ("met donors in the 2008 campaign", "2008"),
        ("the 2000 delegates met", None),  # a number, not a year
    ],
)
def test_attributive_year_of_an_election(text, value):
    got = resolve_text(text, dt.date(2015, 11, 10), "past")
    assert (got.value if got else None) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("In Trump’s November phone call to Nawaz Sharif", "2016-11"),
        ("Obama's June trip to Cuba", "2016-06"),
        ("the president’s March visit", "2016-03"),
    ],
)
def test_a_month_after_a_possessive_dates_the_meeting_noun(text, value):
    assert resolve_text(text, dt.date(2016, 12, 20), "past").value == value
