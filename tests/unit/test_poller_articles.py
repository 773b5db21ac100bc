"""Article ids are stable: GUID, else canonical URL, else content hash; Atom and RSS both map."""

from __future__ import annotations

import datetime as dt
import io

import feedparser
import pytest

from newsmon import schemas
from newsmon.feeds_config import FeedConfig
from newsmon_poller.articles import article_id, canonical_url, content_hash, to_article

FEED = FeedConfig(name="wire", url="https://wire.example/feed.xml")
NOW = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def parse(xml: str) -> feedparser.FeedParserDict:
    return feedparser.parse(io.BytesIO(xml.encode("utf-8")))


def rss_item(inner: str) -> str:
    return f'<rss version="2.0"><channel><title>Wire</title><item>{inner}</item></channel></rss>'


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        (
            "HTTPS://Wire.Example:443/a/b?utm_source=rss&utm_medium=x&id=7#comments",
            "https://wire.example/a/b?id=7",
        ),
        ("http://wire.example:8080/a?fbclid=abc", "http://wire.example:8080/a"),
        ("https://wire.example", "https://wire.example/"),
        ("https://wire.example/a?b=1&a=2", "https://wire.example/a?b=1&a=2"),
        ("  ", None),
        (None, None),
    ],
)
def test_canonical_url(url: str | None, canonical: str | None) -> None:
    assert canonical_url(url) == canonical


def test_id_prefers_guid_then_url_then_hash() -> None:
    h = content_hash("t", "s", "b")
    by_guid = article_id("guid-1", "https://wire.example/a", h)
    assert by_guid == article_id("guid-1", "https://other.example/", content_hash("x", None, "y"))
    by_url = article_id(None, "https://wire.example/a", h)
    assert by_url == article_id("", "https://wire.example/a", content_hash("edited", None, "z"))
    by_hash = article_id(None, None, h)
    assert len({by_guid, by_url, by_hash}) == 3
    assert all(i.startswith("a-") and len(i) == 34 for i in (by_guid, by_url, by_hash))


def test_same_item_with_tracking_params_gets_same_id() -> None:
    a = parse(
        rss_item(
            "<title>T</title><link>https://wire.example/x?utm_source=a</link><description>d</description>"
        )
    )
    b = parse(rss_item("<title>T</title><link>https://wire.example/x#top</link><description>d</description>"))
    art_a = to_article(a.entries[0], FEED, a.feed, NOW)
    art_b = to_article(b.entries[0], FEED, b.feed, NOW)
    assert art_a and art_b and art_a["id"] == art_b["id"]
    assert art_a["guid"] is None


def test_item_without_guid_or_link_uses_content_hash() -> None:
    parsed = parse(rss_item("<title>Only a title</title><description>Some text.</description>"))
    article = to_article(parsed.entries[0], FEED, parsed.feed, NOW)
    assert article is not None
    assert article["id"] == article_id(None, None, article["content_hash"])
    assert article["published"] is None and article["fetched_at"] == "2026-01-02T03:04:05Z"
    schemas.validate("articles.v1", article)


def test_item_with_no_text_is_skipped() -> None:
    parsed = parse(rss_item("<guid>g</guid>"))
    assert to_article(parsed.entries[0], FEED, parsed.feed, NOW) is None


def test_atom_entry_with_html_content_authors_and_language() -> None:
    parsed = parse(
        """<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB"><title>Atom Wire</title>
        <entry><id>tag:wire.example,2026:1</id><title>Talks</title>
        <link href="https://wire.example/talks"/><updated>2026-01-01T10:00:00+01:00</updated>
        <author><name>Ann Reporter</name></author><author><name>Bo Writer</name></author>
        <summary>Short.</summary>
        <content type="html">&lt;p&gt;"Yes," she said.&lt;/p&gt;</content></entry></feed>"""
    )
    article = to_article(parsed.entries[0], FEED, parsed.feed, NOW)
    assert article is not None
    assert article["guid"] == "tag:wire.example,2026:1"
    assert (article["body_source"], article["html"]) == ("content", True)
    assert article["body"] == '<p>"Yes," she said.</p>'
    assert article["authors"] == ["Ann Reporter", "Bo Writer"]
    assert article["language"] == "en-GB"
    assert article["published"] == "2026-01-01T09:00:00Z"
    assert article["outlet"] == "Atom Wire"
    schemas.validate("articles.v1", article)


def test_outlet_from_config_wins_and_host_is_last_resort() -> None:
    parsed = parse('<rss version="2.0"><channel><item><title>T</title></item></channel></rss>')
    article = to_article(parsed.entries[0], FEED, parsed.feed, NOW)
    assert article is not None and article["outlet"] == "wire.example"
    named = FeedConfig(name="wire", url=FEED.url, outlet="The Wire")
    article = to_article(parsed.entries[0], named, parsed.feed, NOW)
    assert article is not None and article["outlet"] == "The Wire"
