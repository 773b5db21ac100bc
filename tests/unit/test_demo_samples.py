"""The demo's bundled sample feeds and its report, without servers."""

from __future__ import annotations

import io
import json
from pathlib import Path

import feedparser
import pytest

from newsmon import schemas
from newsmon.demo import FEEDS, SAMPLES, _describe_alert, expected_ids, write_config
from newsmon.demo_report import render
from newsmon.feeds_config import load_feeds
from newsmon.feedserver import FeedServer


@pytest.mark.parametrize("filename", [f for f, _ in FEEDS.values()])
def test_sample_feeds_are_well_formed(filename: str) -> None:
    parsed = feedparser.parse(io.BytesIO((SAMPLES / filename).read_bytes()))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version in {"rss20", "atom10"}
    assert len(parsed.entries) == 3


def test_samples_cover_quotes_and_meeting_statuses() -> None:
    text = " ".join((SAMPLES / f).read_text(encoding="utf-8") for f, _ in FEEDS.values())
    # held, scheduled, postponed and cancelled meetings; direct ("...") and reported (said that) quotes
    for cue in ("met in", "will meet", "postponed", "cancelled", '"We ', "said the", "according to"):
        assert cue.lower() in text.lower(), cue


def test_demo_config_and_expected_ids(tmp_path: Path) -> None:
    with FeedServer() as server:
        write_config(tmp_path, server)
        feeds = load_feeds(tmp_path / "feeds.yaml")
        ids = expected_ids(server)
    assert [f.name for f in feeds.feeds] == list(FEEDS)
    assert len(ids) == len(set(ids)) == 6
    assert (tmp_path / "rules.yaml").is_file()


def test_render_groups_quotes_under_articles() -> None:
    article = schemas.schemas_dir() / "examples" / "articles.v1" / "rss-guid.json"
    art = json.loads(article.read_text())
    quote = {
        "article_id": art["id"],
        "parts": [{"start": 5, "end": 9}],
        "speaker": "Marieke de Vries",
        "text": "We are closer",
        "direct": True,
    }
    meeting = {
        "status": "scheduled",
        "kind": "talks",
        "participants": [{"name": "FNV Havens"}],
        "date": "2024-03-07",
        "location": {"name": "Rotterdam"},
    }
    out = render([art], [quote], [meeting])
    assert "== 1 articles, 1 quotes, 1 meetings indexed ==" in out
    assert "quote (direct) Marieke de Vries: \u201cWe are closer\u201d" in out
    assert "[scheduled] talks: FNV Havens | 2024-03-07 | Rotterdam" in out


def test_describe_alert() -> None:
    alert = {"rule": "meetings-announced", "items": [{"headline": "Talks: Kenya"}, {"id": "m-1"}]}
    assert _describe_alert(alert) == "[meetings-announced] Talks: Kenya; m-1"
    assert _describe_alert(["odd"]) == '["odd"]'
