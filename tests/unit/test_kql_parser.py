"""KQL parsing: the grammar, escapes, precedence and syntax errors with positions."""

from __future__ import annotations

import pytest

from newsmon.errors import ConfigError, KqlSyntaxError
from newsmon.kql import parse
from newsmon.kql.nodes import (
    And,
    Exists,
    Match,
    MatchAll,
    Nested,
    Not,
    Or,
    Range,
    Value,
    ValueAnd,
    ValueNot,
    ValueOr,
)


def m(field, text, quoted=False):
    return Match(field, Value((text,), quoted))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("speaker:Ryabkov", m("speaker", "Ryabkov")),
        ('speaker:"Sergei Ryabkov"', m("speaker", "Sergei Ryabkov", True)),
        ("speaker:Sergei Ryabkov", m("speaker", "Sergei Ryabkov")),
        ("speaker : Ryabkov ", m("speaker", "Ryabkov")),
        ("text:guar*", Match("text", Value(("guar", "")))),
        ("text:g*r*s", Match("text", Value(("g", "r", "s")))),
        ('text:"guar*"', m("text", "guar*", True)),
        (r"text:guar\*", m("text", "guar*")),
        ("guarantees", m(None, "guarantees")),
        ("*:guarantees", m(None, "guarantees")),
        ('"legal guarantees"', m(None, "legal guarantees", True)),
        ("speaker:*", Exists("speaker")),
        ("*", MatchAll()),
        ("*:*", MatchAll()),
        ("", MatchAll()),
        ("   ", MatchAll()),
        ("published >= 2022-01-01", Range("published", "gte", "2022-01-01")),
        ("published<2022-01-01", Range("published", "lt", "2022-01-01")),
        ("n > 5", Range("n", "gt", "5")),
        ('published <= "2022-01-11T10:00:00Z"', Range("published", "lte", "2022-01-11T10:00:00Z")),
        (r"url:http\://x", m("url", "http://x")),
        (r"a:b\ c", m("a", "b c")),
        (r"a:\or", m("a", "or")),
        (r"a:\u0041", m("a", "A")),
        ('a:"say \\"hi\\""', m("a", 'say "hi"', True)),
        ("participants:{ name: X }", Nested("participants", m("name", "X"))),
    ],
)
def test_parses(query, expected):
    assert parse(query) == expected


def test_precedence_not_and_or():
    assert parse("a:1 or b:2 and not c:3") == Or((m("a", "1"), And((m("b", "2"), Not(m("c", "3"))))))


def test_keywords_are_case_insensitive_and_parentheses_group():
    assert parse("(a:1 OR b:2) AnD NOT c:3") == And((Or((m("a", "1"), m("b", "2"))), Not(m("c", "3"))))


def test_value_lists():
    assert parse("status:(scheduled or held and not cancelled)") == Match(
        "status",
        ValueOr((Value(("scheduled",)), ValueAnd((Value(("held",)), ValueNot(Value(("cancelled",))))))),
    )


def test_keyword_inside_a_word_is_not_a_keyword():
    assert parse("text:cannot border") == m("text", "cannot border")


@pytest.mark.parametrize(
    ("query", "position"),
    [
        ('speaker:"Ryabkov', 8),
        ("speaker:", 8),
        ("(a:1", 4),
        ("a:1 b:2", 5),
        ("a:1 and", 7),
        ("a:1 )", 4),
        ("a >= b*", 2),
        ("a:\\", 2),
        ("x:{ y:1", 7),
    ],
)
def test_syntax_errors_carry_the_position(query, position):
    with pytest.raises(KqlSyntaxError) as info:
        parse(query)
    assert info.value.position == position
    assert isinstance(info.value, ConfigError)
    assert "^" in str(info.value)


@pytest.mark.parametrize(
    "query",
    [
        'speaker:"Ryabkov" and text:guar*',
        "a:(b or c and not d)",
        "not (x or y) and z:1",
        "published >= 2022-01-01",
        'participants:{ name: "X" and role:(a or b) }',
        "f:* or *",
        r"a\:b:c\* and x:(not y)",
        'quick brown or "fox jumps"',
    ],
)
def test_unparse_round_trips(query):
    from newsmon.kql.unparse import to_kql

    node = parse(query)
    assert parse(to_kql(node)) == node
