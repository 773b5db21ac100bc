"""Per-platform payloads: documented shape, and long content cut to each platform's limits."""

from __future__ import annotations

import json

import pytest

from newsmon_alerter.formats import build_view, render
from newsmon_alerter.formats.cards import DISCORD_TOTAL_MAX, TEAMS_MAX_BYTES
from newsmon_alerter.formats.chat import GOOGLE_CHAT_MAX_BYTES, MATTERMOST_MAX
from newsmon_alerter.formats.view import cut, discover_url, json_size

QUOTE = {
    "id": "q-1",
    "article_id": "a-1",
    "outlet": "Reuters",
    "url": "https://example.org/geneva",
    "published": "2022-01-11T10:00:00Z",
    "speaker": "Sergei Ryabkov",
    "speaker_title": "Deputy Foreign Minister",
    "text": "We need legally binding guarantees.",
}
MEETING = {
    "id": "m-1",
    "article_id": "a-1",
    "outlet": "AP",
    "url": "https://example.org/talks",
    "participants": [
        {"name": "Wendy Sherman", "type": "person"},
        {"name": "Sergei Ryabkov", "type": "person"},
    ],
    "location": {"name": "Geneva", "country_code": "CH"},
    "date": "2022-01-10",
    "status": "held",
    "kind": "talks",
    "evidence": {"text": "Sherman and Ryabkov met in Geneva on Monday.", "start": 0, "end": 10},
}


def view(item=QUOTE, item_type="quotes", **over):
    return build_view("r1", item_type, {**item, **over}, "http://kibana:5601", "newsmon")


def long_views(n=1, size=20_000):
    return [view(id=f"q-{i}", text="guarantees " * (size // 11), speaker="X" * 400) for i in range(n)]


def all_text(payload) -> str:
    return json.dumps(payload, ensure_ascii=False)


def test_the_view_shows_what_matched():
    q = view()
    assert q.headline == "Sergei Ryabkov (Deputy Foreign Minister)"
    assert "legally binding guarantees" in q.body
    assert ("Outlet", "Reuters") in q.facts
    m = view(MEETING, "meetings")
    assert m.headline == "Talks: Wendy Sherman, Sergei Ryabkov"
    assert ("Place", "Geneva (CH)") in m.facts and ("Date", "2022-01-10") in m.facts
    assert ("Status", "held") in m.facts
    assert "newsmon-meetings" in m.kibana_url and "m-1" in m.kibana_url


def test_article_view():
    a = view({"id": "a-1", "title": "Talks resume", "summary": "Both sides met.", "outlet": "AP"}, "articles")
    assert a.headline == "Talks resume" and a.body == "Both sides met." and ("Outlet", "AP") in a.facts
    assert "newsmon-articles" in a.kibana_url


def test_discover_link_is_rison_encoded():
    url = discover_url("http://kibana:5601/", "newsmon-quotes", "q-'1")
    assert url.startswith("http://kibana:5601/app/discover#/?_g=")
    assert "dataViewId:'newsmon-quotes'" in url
    assert "!'1" in url  # rison escapes the quote inside the id


def test_slack_block_kit():
    p = render("slack", [view()])
    assert p["text"] and p["blocks"][0]["type"] == "header"
    sections = [b for b in p["blocks"] if b["type"] == "section"]
    assert "Ryabkov" in sections[0]["text"]["text"]
    assert "https://example.org/geneva" in all_text(p) and "kibana:5601" in all_text(p)


def test_slack_limits():
    p = render("slack", long_views(60))
    assert len(p["blocks"]) <= 50
    for b in p["blocks"]:
        if b["type"] == "section":
            assert len(b["text"]["text"]) <= 3000
        if b["type"] == "header":
            assert len(b["text"]["text"]) <= 150
        if b["type"] == "context":
            assert all(len(e["text"]) <= 3000 for e in b["elements"])
    assert len(p["text"]) <= 3000
    assert "more matches" in p["blocks"][-1]["text"]["text"]


def test_teams_adaptive_card():
    p = render("teams", [view(MEETING, "meetings")])
    assert p["type"] == "message"
    att = p["attachments"][0]
    assert att["contentType"] == "application/vnd.microsoft.card.adaptive"
    card = att["content"]
    assert card["type"] == "AdaptiveCard" and card["version"] == "1.4"
    facts = next(b for b in card["body"] if b["type"] == "FactSet")["facts"]
    assert {"title": "Place", "value": "Geneva (CH)"} in facts
    assert {a["type"] for a in card["actions"]} == {"Action.OpenUrl"}


@pytest.mark.parametrize("n", [1, 40])
def test_teams_size_limit(n):
    p = render("teams", long_views(n, 60_000))
    assert json_size(p) <= TEAMS_MAX_BYTES


def test_discord_embeds_and_limits():
    p = render("discord", [view()])
    e = p["embeds"][0]
    assert e["title"].startswith("Sergei Ryabkov") and e["url"] == "https://example.org/geneva"
    p = render("discord", long_views(15))
    assert len(p["content"]) <= 2000 and len(p["embeds"]) <= 10
    total = 0
    for e in p["embeds"]:
        assert len(e["title"]) <= 256 and len(e["description"]) <= 4096 and len(e["fields"]) <= 25
        assert all(len(f["name"]) <= 256 and len(f["value"]) <= 1024 for f in e["fields"])
        total += len(e["title"]) + len(e["description"]) + len(e["footer"]["text"])
        total += sum(len(f["name"]) + len(f["value"]) for f in e["fields"])
    assert total <= DISCORD_TOTAL_MAX


def test_mattermost():
    p = render("mattermost", [view()])
    assert p["text"] and p["attachments"][0]["title_link"] == "https://example.org/geneva"
    p = render("mattermost", long_views(30))
    size = len(p["text"])
    size += sum(len(a["text"]) + len(a["title"]) + len(a["fallback"]) for a in p["attachments"])
    assert size <= MATTERMOST_MAX


def test_google_chat():
    p = render("google_chat", [view()])
    card = p["cardsV2"][0]["card"]
    widgets = card["sections"][0]["widgets"]
    assert any("buttonList" in w for w in widgets)
    p = render("google_chat", long_views(30, 40_000))
    assert len(p["text"]) <= 4096 and json_size(p) <= GOOGLE_CHAT_MAX_BYTES


def test_webhook_carries_the_full_item():
    p = render("webhook", [view()])
    assert p["rule"] == "r1" and p["count"] == 1
    assert p["items"][0]["item"]["speaker"] == "Sergei Ryabkov"


def test_cut():
    assert cut("abcdef", 4) == "abc…" and cut("abc", 4) == "abc" and cut("abc", 0) == ""
