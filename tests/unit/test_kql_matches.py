"""In-stream KQL evaluation: keyword vs text semantics, dates, ranges, nested, the analyzer."""

from __future__ import annotations

import datetime as dt

import pytest

from newsmon.kql import matches, parse, to_es_query
from newsmon.kql.analysis import analyze, parse_date

TYPES = {
    "speaker": "text",
    "speaker.keyword": "keyword",
    "outlet": "keyword",
    "text": "text",
    "published": "date",
    "confidence": "float",
    "participants": "nested",
    "participants.name": "keyword",
    "participants.role": "keyword",
    "place": "object",
    "place.name": "keyword",
    "place.country": "keyword",
}

DOC = {
    "speaker": "Sergei Ryabkov",
    "outlet": "Reuters",
    "text": "We need legally binding guarantees, Ryabkov's team said in Geneva.",
    "published": "2022-01-11T10:15:00Z",
    "confidence": 0.8,
    "participants": [{"name": "Wendy Sherman", "role": "US"}, {"name": "Sergei Ryabkov", "role": "RU"}],
    "place": {"name": "Geneva", "country": "CH"},
}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("speaker:Ryabkov", True),  # text field: token match, case-insensitive
        ("speaker:ryabkov", True),
        ('speaker.keyword:"Sergei Ryabkov"', True),  # keyword: exact
        ("speaker.keyword:Ryabkov", False),
        ("speaker.keyword:sergei ryabkov", False),  # keyword: case-sensitive
        ("speaker.keyword:Serg*", True),
        ("speaker.keyword:serg*", False),
        ("outlet:Reuters", True),
        ("outlet:reuters", False),
        ("text:GUARANTEES", True),
        ("text:guar*", True),
        ("text:GUAR*", True),
        ('text:"binding guarantees"', True),
        ('text:"guarantees binding"', False),
        ("text:guarantees binding", True),
        ("text:nothing here", False),
        ("text:nothing guarantees", True),  # unquoted: any token (match, operator or)
        ("text:ryabkov's", True),
        ("text:(geneva and binding)", True),
        ("text:(geneva and moscow)", False),
        ("text:(not moscow)", True),
        ("published:2022-01-11", True),
        ("published:2022-01-12", False),
        ("published >= 2022-01-11", True),
        ("published > 2022-01-11", False),  # gt rounds the bound up to the end of the day
        ("published <= 2022-01-11", True),
        ("published < 2022-01-11", False),
        ('published < "2022-01-11T10:15:00.001Z"', True),
        ('published < "2022-01-11T10:15:00Z"', False),
        ("confidence >= 0.5", True),
        ("confidence:0.8", True),
        ("confidence:abc", False),
        ('participants:{ name: "Wendy Sherman" and role: US }', True),
        ('participants:{ name: "Wendy Sherman" and role: RU }', False),  # same element only
        ("place:{ name: Geneva and country: CH }", True),
        ("place.name:Geneva", True),
        ("participants.name:Wendy Sherman", False),  # nested: not visible to a top-level query
        ("missing:*", False),
        ("speaker:*", True),
        ("geneva", True),
        ('"binding guarantees"', True),
        ("Reuters", True),
        ("reuters", False),  # bare terms: keyword fields stay exact
        ("not speaker:Sherman and outlet:(Reuters or AP)", True),
    ],
)
def test_matches(query, expected):
    assert matches(parse(query), DOC, TYPES) is expected


def test_every_table_query_translates():
    # the ES side of the same table runs in tests/integration/test_kql_es_parity.py
    assert to_es_query(parse("participants:{ name: X }"), TYPES)["nested"]["path"] == "participants"
    assert to_es_query(parse("geneva"), TYPES)["bool"]["should"]


def test_guessing_kinds_without_a_mapping():
    doc = {"speaker": "Sergei Ryabkov", "published": "2022-01-11", "n": 3}
    assert matches(parse("speaker:ryabkov and published:2022-01-11 and n >= 3"), doc)
    assert matches(parse('speaker.keyword:"Sergei Ryabkov"'), doc)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Ryabkov's U.S. team", ["ryabkov's", "u.s", "team"]),
        ("1,000.5 people; 3.5%", ["1,000.5", "people", "3.5"]),
        ("state-of-the-art", ["state", "of", "the", "art"]),
        ("2022-01-11", ["2022", "01", "11"]),
        ("snake_case covid19", ["snake_case", "covid19"]),
    ],
)
def test_analyze(text, tokens):
    assert analyze(text) == tokens


def test_dates_round_like_elasticsearch():
    assert parse_date("2022-01") == dt.datetime(2022, 1, 1, tzinfo=dt.UTC)
    # like ES: only the time of day rounds up, a missing day stays 1
    assert parse_date("2022-01", round_up=True) == dt.datetime(2022, 1, 1, 23, 59, 59, 999000, tzinfo=dt.UTC)
    now = dt.datetime(2022, 1, 11, 12, 30, tzinfo=dt.UTC)
    assert parse_date("now-7d/d", now=now) == dt.datetime(2022, 1, 4, tzinfo=dt.UTC)
    assert parse_date("now/d", round_up=True, now=now) == dt.datetime(
        2022, 1, 11, 23, 59, 59, 999000, tzinfo=dt.UTC
    )
    assert parse_date("2022-01-31||+1M") == dt.datetime(2022, 2, 28, tzinfo=dt.UTC)
    assert parse_date("2022-01-11T10:00:00+02:00") == dt.datetime(2022, 1, 11, 8, tzinfo=dt.UTC)
    assert parse_date("yesterday") is None
