"""``newsmon search`` against the real Elasticsearch: table, JSON lines, pagination, filters, errors."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from kibana_search_support import ARTICLES, LONG_QUOTE, QUOTES, cleanup, index_samples

from newsmon.search import main

pytestmark = pytest.mark.elasticsearch


@pytest.fixture(scope="module")
def prefix(es: Any, es_url: str) -> Iterator[str]:
    name = f"nmtest-srch-{uuid.uuid4().hex[:10]}"
    index_samples(es, es_url, name)
    yield name
    cleanup(es, name)


@pytest.fixture
def search(prefix: str, es_url: str, monkeypatch, capsys):
    monkeypatch.setenv("NEWSMON_ES_INDEX_PREFIX", prefix)

    def run(*argv: str) -> tuple[int, str, str]:
        code = main([*argv, "--es-url", es_url])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def _json(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def _newest_first(docs: list[dict[str, Any]], field: str = "published") -> list[str]:
    return [d["id"] for d in sorted(docs, key=lambda d: d[field], reverse=True)]


def test_json_lines_are_all_quotes_newest_first(search, prefix: str) -> None:
    code, out, err = search("quotes", "--json")
    assert code == 0 and err == ""
    docs = _json(out)
    assert [d["id"] for d in docs] == _newest_first(QUOTES)
    assert all(d["_index"] == f"{prefix}-quotes-000001" and d["_cursor"] for d in docs)
    assert len({d["_cursor"] for d in docs}) == len(docs)


def test_table_shows_speaker_truncated_quote_outlet_date_and_link(search) -> None:
    code, out, _ = search("quotes", 'speaker:"Sergei Ryabkov"')
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["DATE", "SPEAKER", "QUOTE", "OUTLET", "URL"]
    first = lines[1]
    assert "Sergei Ryabkov" in first and "Harbour Gazette" in first
    assert "https://news.example.org/q-ryabkov-new" in first
    assert LONG_QUOTE[:40] in first and LONG_QUOTE not in first and "…" in first  # cut to fit
    assert "https://news.example.org/q-ryabkov-old" in lines[2]
    assert "2 of 2 quotes (page 1)" in out and "next page" not in out


def test_kql_free_text_and_wildcards(search) -> None:
    _, out, _ = search("quotes", "text:ceasefire or text:guarant*", "--json")
    assert {d["id"] for d in _json(out)} == {"q-guterres", "q-ryabkov-new"}
    _, out, _ = search("quotes", "not speaker:*", "--json")
    assert [d["id"] for d in _json(out)] == ["q-anon"]


def test_pagination_by_page_and_by_cursor_agree(search) -> None:
    pages = []
    for page in (1, 2, 3):
        _, out, _ = search("quotes", "--json", "--size", "2", "--page", str(page))
        pages.append(_json(out))
    assert [len(p) for p in pages] == [2, 2, 1]
    by_page = [d["id"] for p in pages for d in p]
    assert by_page == _newest_first(QUOTES)

    by_cursor: list[str] = []
    cursor = None
    while True:
        extra = ["--after", cursor] if cursor else []
        _, out, _ = search("quotes", "--json", "--size", "2", *extra)
        docs = _json(out)
        if not docs:
            break
        by_cursor += [d["id"] for d in docs]
        cursor = docs[-1]["_cursor"]
    assert by_cursor == by_page

    _, out, _ = search("quotes", "--size", "2")
    assert "2 of 5 quotes (page 1)" in out
    cursor = out.split("next page: --after ")[1].strip()
    _, out, _ = search("quotes", "--json", "--size", "2", "--after", cursor)
    assert [d["id"] for d in _json(out)] == by_page[2:4]


def test_filters_speaker_since_until_outlet(search) -> None:
    _, out, _ = search("quotes", "--speaker", "Ryabkov", "--json")
    assert [d["id"] for d in _json(out)] == ["q-ryabkov-new", "q-ryabkov-old"]
    _, out, _ = search("quotes", "--speaker", "Ryabkov", "--since", "5d", "--json")
    assert [d["id"] for d in _json(out)] == ["q-ryabkov-new"]
    _, out, _ = search("quotes", "--until", "5d", "--json")
    assert [d["id"] for d in _json(out)] == ["q-ryabkov-old"]
    _, out, _ = search("quotes", "--outlet", "Daily Ledger", "--json")
    assert {d["id"] for d in _json(out)} == {"q-guterres", "q-ryabkov-old"}


def test_meetings_status_filter_and_table(search) -> None:
    code, out, _ = search("meetings", "--status", "cancelled,postponed", "--json")
    assert code == 0
    assert [d["meeting_key"] for d in _json(out)] == ["mk-called-off", "mk-pushed"]  # last reported first
    _, out, _ = search("meetings", "location.name:Geneva and status:scheduled")
    lines = out.splitlines()
    assert lines[0].split() == ["DATE", "STATUS", "PARTICIPANTS", "PLACE", "KIND", "URL"]
    assert len([ln for ln in lines[1:] if "Geneva (CH)" in ln]) == 2
    assert "Sergei Ryabkov, Wendy Sherman" in lines[1]


def test_articles_with_links(search) -> None:
    _, out, _ = search("articles", "title:ceasefire")
    assert "Ceasefire talks resume in Geneva" in out and "https://news.example.org/art-0" in out
    assert "Port strike" not in out
    _, out, _ = search("articles", "--json")
    assert [d["id"] for d in _json(out)] == _newest_first(ARTICLES)


def test_no_hits_is_not_an_error(search) -> None:
    code, out, _ = search("quotes", "speaker:Nobody")
    assert code == 0 and "no quotes found" in out


def test_bad_input_gets_a_clear_error(search) -> None:
    code, out, err = search("quotes", "speaker:(a or")
    assert code == 2 and out == "" and "KQL syntax error at position" in err
    code, _, err = search("quotes", "--since", "yesterdayish")
    assert code == 2 and "--since 'yesterdayish'" in err
    code, _, err = search("articles", "--status", "held")
    assert code == 2 and "--status applies to meetings" in err
    code, _, err = search("quotes", "--after", "not-a-cursor!")
    assert code == 2 and "not a cursor" in err


def test_unreachable_elasticsearch_and_missing_index(monkeypatch, capsys) -> None:
    code = main(["quotes", "--es-url", "http://127.0.0.1:9"])  # discard port: nothing listens
    assert code == 1 and "cannot reach Elasticsearch at http://127.0.0.1:9" in capsys.readouterr().err
    monkeypatch.setenv("NEWSMON_ES_INDEX_PREFIX", f"nmtest-none-{uuid.uuid4().hex[:6]}")
    code = main(["quotes"])
    assert code == 1 and "run `newsmon setup`" in capsys.readouterr().err
