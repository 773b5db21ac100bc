"""Slack (Block Kit), Mattermost and Google Chat payloads, cut to each platform's limits.

Limits (platform documentation):

* Slack: at most 50 blocks; a section's text at most 3000 characters; a header's plain text
  at most 150; the top-level ``text`` is the notification fallback (cut here to 3000 too).
* Mattermost incoming webhooks: the post's ``text`` at most 16383 characters (attachments count
  towards the same post size, so the total is kept under it).
* Google Chat: ``text`` at most 4096 characters; the whole message at most 32,000 bytes.
"""

from __future__ import annotations

from typing import Any

from newsmon_alerter.formats.view import AlertView, cut, json_size, title_for

SLACK_MAX_BLOCKS = 50
SLACK_SECTION_MAX = 3000
SLACK_HEADER_MAX = 150
MATTERMOST_MAX = 16383
GOOGLE_CHAT_TEXT_MAX = 4096
GOOGLE_CHAT_MAX_BYTES = 32_000


def _slack_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _links_md(view: AlertView, style: str) -> str:
    links = []
    for label, url in (("Article", view.article_url), ("Kibana", view.kibana_url)):
        if url:
            links.append(f"<{url}|{label}>" if style == "slack" else f"[{label}]({url})")
    return " · ".join(links)


def _plain(view: AlertView) -> str:
    facts = " · ".join(f"{k}: {v}" for k, v in view.facts)
    return f"{view.headline}\n{view.body}\n{facts}"


def slack(views: list[AlertView]) -> dict[str, Any]:
    """Block Kit message: header, then per item a section, a fields context and links."""
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": cut(title_for(views), SLACK_HEADER_MAX)}}
    ]
    shown = 0
    for view in views:
        item_blocks: list[dict[str, Any]] = []
        if shown:
            item_blocks.append({"type": "divider"})
        head = f"*{_slack_escape(view.headline)}*\n"
        text = head + _slack_escape(view.body)
        item_blocks.append(
            {"type": "section", "text": {"type": "mrkdwn", "text": cut(text, SLACK_SECTION_MAX)}}
        )
        context = " · ".join(f"*{k}:* {_slack_escape(v)}" for k, v in view.facts)
        links = _links_md(view, "slack")
        context = cut(context, SLACK_SECTION_MAX - len(links) - 3) + (f" · {links}" if links else "")
        item_blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": context}]})
        # keep one block free for the "and N more" note
        if len(blocks) + len(item_blocks) > SLACK_MAX_BLOCKS - 1:
            break
        blocks.extend(item_blocks)
        shown += 1
    if shown < len(views):
        more = f"… and {len(views) - shown} more matches (see Kibana)"
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": more}})
    fallback = title_for(views) + "\n" + "\n\n".join(_plain(v) for v in views)
    return {"text": cut(fallback, SLACK_SECTION_MAX), "blocks": blocks}


def mattermost(views: list[AlertView]) -> dict[str, Any]:
    """Markdown ``text`` plus one attachment per item, total under the post limit."""
    attachments: list[dict[str, Any]] = []
    budget = MATTERMOST_MAX - len(title_for(views)) - 100
    per_item = max(200, budget // max(1, len(views)))
    for view in views:
        text = cut(view.body, per_item - len(view.headline) - 200)
        attachment: dict[str, Any] = {
            "fallback": cut(f"{view.headline}: {view.body}", 300),
            "color": "#1f6feb",
            "title": cut(view.headline, 200),
            "text": text + ("\n" + _links_md(view, "md") if view.article_url or view.kibana_url else ""),
            "fields": [{"short": True, "title": k, "value": cut(v, 100)} for k, v in view.facts],
        }
        if view.article_url:
            attachment["title_link"] = view.article_url
        used = sum(len(a["text"]) + len(a["title"]) + len(a["fallback"]) for a in attachments)
        if used + len(attachment["text"]) + 500 > budget:
            break
        attachments.append(attachment)
    text = f"**{title_for(views)}**"
    if len(attachments) < len(views):
        text += f"\n… and {len(views) - len(attachments)} more matches (see Kibana)"
    return {"text": cut(text, MATTERMOST_MAX), "attachments": attachments}


def google_chat(views: list[AlertView]) -> dict[str, Any]:
    """A ``text`` summary (≤ 4096) and a cardsV2 card with one section per item."""
    sections: list[dict[str, Any]] = []
    for view in views:
        widgets: list[dict[str, Any]] = [
            {
                "decoratedText": {
                    "topLabel": view.item_type,
                    "text": cut(view.headline, 500),
                    "wrapText": True,
                }
            },
            {"textParagraph": {"text": cut(view.body, 2000)}},
        ]
        widgets += [{"decoratedText": {"topLabel": k, "text": cut(v, 300)}} for k, v in view.facts]
        buttons = [
            {"text": label, "onClick": {"openLink": {"url": url}}}
            for label, url in (("Article", view.article_url), ("Kibana", view.kibana_url))
            if url
        ]
        if buttons:
            widgets.append({"buttonList": {"buttons": buttons}})
        sections.append({"header": cut(view.headline, 200), "widgets": widgets})
    summary = (
        title_for(views) + "\n" + "\n".join(f"• {cut(v.headline, 200)}: {cut(v.body, 300)}" for v in views)
    )
    payload: dict[str, Any] = {
        "text": cut(summary, GOOGLE_CHAT_TEXT_MAX),
        "cardsV2": [
            {
                "cardId": f"newsmon-{views[0].rule}",
                "card": {"header": {"title": cut(title_for(views), 200)}, "sections": sections},
            }
        ],
    }
    while json_size(payload) > GOOGLE_CHAT_MAX_BYTES and len(sections) > 1:
        sections.pop()
    if json_size(payload) > GOOGLE_CHAT_MAX_BYTES:
        payload.pop("cardsV2")  # one enormous item: the text alone still says what matched
    return payload
