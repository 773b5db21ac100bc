"""``newsmon search`` request building and output formatting, without a server."""

from __future__ import annotations

import io

import pytest

from newsmon.errors import ConfigError
from newsmon.search import _parser, build_request, date_bound, decode_cursor, encode_cursor
from newsmon.search_output import cut, print_table, short_date


def _body(*argv: str) -> dict:
    return build_request(_parser().parse_args(list(argv)))


def test_relative_and_absolute_bounds():
    assert date_bound("7d", "--since") == "now-7d"
    assert date_bound("12h", "--since") == "now-12h"
    assert date_bound("2024-03-05", "--since") == "2024-03-05"
    with pytest.raises(ConfigError, match="--until 'soon'"):
        date_bound("soon", "--until")


def test_cursor_round_trip_and_damage():
    values = [1709631000000, "q-abc"]
    assert decode_cursor(encode_cursor(values)) == values
    for bad in ("!!", encode_cursor([1])):
        with pytest.raises(ConfigError, match="not a cursor"):
            decode_cursor(bad)


def test_filters_and_sort_per_kind():
    body = _body(
        "meetings",
        "location.name:Geneva",
        "--status",
        "scheduled, proposed",
        "--since",
        "7d",
        "--speaker",
        "Wendy Sherman",
    )
    filters = body["query"]["bool"]["filter"]
    assert {"term": {"location.name": {"value": "Geneva"}}} in filters
    assert {"terms": {"status": ["scheduled", "proposed"]}} in filters
    assert {"range": {"last_reported": {"gte": "now-7d"}}} in filters
    assert {"match_phrase": {"participants.name.text": "Wendy Sherman"}} in filters
    assert body["sort"] == [
        {"last_reported": {"order": "desc", "missing": "_last"}},
        {"meeting_key": {"order": "asc"}},
    ]
    assert _body("quotes")["query"] == {"match_all": {}}


def test_paging_limits():
    assert _body("quotes", "--size", "5", "--page", "3")["from"] == 10
    after = _body("quotes", "--after", encode_cursor([1, "x"]))
    assert after["search_after"] == [1, "x"] and "from" not in after
    with pytest.raises(ConfigError, match="past the first 10000 hits"):
        _body("quotes", "--size", "100", "--page", "101")
    with pytest.raises(ConfigError, match="--size"):
        _body("quotes", "--size", "0")
    with pytest.raises(ConfigError, match="--status applies to meetings"):
        _body("quotes", "--status", "held")


def test_table_cells():
    assert cut("a  b\nc", 10) == "a b c"
    assert cut("x" * 20, 10) == "x" * 9 + "…"
    assert short_date("2024-03-05T09:30:12Z") == "2024-03-05 09:30"
    assert short_date("2024-03") == "2024-03" and short_date(None) == "-"
    out = io.StringIO()
    hit = {
        "_source": {
            "published": "2024-03-05T09:30:00Z",
            "speaker": None,
            "text": "Hi",
            "outlet": "Ledger",
            "url": "https://x.example/1",
        }
    }
    print_table("quotes", [hit], 7, 1, "CUR", out=out)
    text = out.getvalue()
    assert "(unattributed)" in text and "“Hi”" in text and "1 of 7 quotes (page 1)" in text
    assert text.rstrip().endswith("next page: --after CUR")
