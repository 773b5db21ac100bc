"""Microsoft Teams (Workflows webhook + Adaptive Card) and Discord (embeds) payloads.

Limits (platform documentation):

* Teams: the message (card included) at most about 28 KB; Adaptive Card 1.4 for Workflows.
* Discord: ``content`` ≤ 2000; ≤ 10 embeds; per embed title ≤ 256, description ≤ 4096,
  ≤ 25 fields with name ≤ 256 and value ≤ 1024, footer ≤ 2048; all embeds together ≤ 6000
  characters.
"""

from __future__ import annotations

from typing import Any

from newsmon_alerter.formats.view import AlertView, cut, json_size, title_for

TEAMS_MAX_BYTES = 28_000
DISCORD_CONTENT_MAX = 2000
DISCORD_MAX_EMBEDS = 10
DISCORD_TITLE_MAX = 256
DISCORD_DESCRIPTION_MAX = 4096
DISCORD_MAX_FIELDS = 25
DISCORD_FIELD_NAME_MAX = 256
DISCORD_FIELD_VALUE_MAX = 1024
DISCORD_FOOTER_MAX = 2048
DISCORD_TOTAL_MAX = 6000


def _teams_card(views: list[AlertView], body_limit: int) -> dict[str, Any]:
    body: list[dict[str, Any]] = [
        {"type": "TextBlock", "text": title_for(views), "weight": "Bolder", "size": "Medium", "wrap": True}
    ]
    actions: list[dict[str, Any]] = []
    for view in views:
        body.append(
            {
                "type": "TextBlock",
                "text": cut(view.headline, 300),
                "weight": "Bolder",
                "wrap": True,
                "separator": True,
            }
        )
        body.append({"type": "TextBlock", "text": cut(view.body, body_limit), "wrap": True})
        body.append({"type": "FactSet", "facts": [{"title": k, "value": cut(v, 300)} for k, v in view.facts]})
        links = [
            (label, url) for label, url in (("Article", view.article_url), ("Kibana", view.kibana_url)) if url
        ]
        if len(views) == 1:
            actions = [
                {
                    "type": "Action.OpenUrl",
                    "title": f"Open in {label}" if label == "Kibana" else "Open article",
                    "url": url,
                }
                for label, url in links
            ]
        elif links:
            body.append(
                {
                    "type": "TextBlock",
                    "text": " · ".join(f"[{label}]({url})" for label, url in links),
                    "wrap": True,
                }
            )
    card: dict[str, Any] = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": body,
    }
    if actions:
        card["actions"] = actions
    return {
        "type": "message",
        "attachments": [
            {"contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": None, "content": card}
        ],
    }


def teams(views: list[AlertView]) -> dict[str, Any]:
    """A Workflows-webhook message with one Adaptive Card, under the ~28 KB limit."""
    limit = 4000
    shown = list(views)
    payload = _teams_card(shown, limit)
    while json_size(payload) > TEAMS_MAX_BYTES:
        if limit > 200:
            limit //= 2
        elif len(shown) > 1:
            shown.pop()
        else:
            break
        payload = _teams_card(shown, limit)
    if len(shown) < len(views):
        note = {
            "type": "TextBlock",
            "text": f"… and {len(views) - len(shown)} more matches (see Kibana)",
            "wrap": True,
        }
        payload["attachments"][0]["content"]["body"].append(note)
    return payload


def _embed_size(embed: dict[str, Any]) -> int:
    size = len(embed.get("title", "")) + len(embed.get("description", ""))
    size += len(embed.get("footer", {}).get("text", ""))
    size += sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields", []))
    return size


def _embed(view: AlertView, description_max: int) -> dict[str, Any]:
    links = " · ".join(
        f"[{label}]({url})"
        for label, url in (("Article", view.article_url), ("Kibana", view.kibana_url))
        if url
    )
    description = cut(view.body, max(0, description_max - len(links) - 2)) + (f"\n\n{links}" if links else "")
    embed: dict[str, Any] = {
        "title": cut(view.headline, DISCORD_TITLE_MAX),
        "description": description,
        "fields": [
            {
                "name": cut(k, DISCORD_FIELD_NAME_MAX),
                "value": cut(v, DISCORD_FIELD_VALUE_MAX) or "-",
                "inline": True,
            }
            for k, v in view.facts[:DISCORD_MAX_FIELDS]
        ],
        "footer": {"text": cut(f"newsmon rule {view.rule}", DISCORD_FOOTER_MAX)},
        "color": 0x1F6FEB,
    }
    if view.article_url:
        embed["url"] = view.article_url
    return embed


def discord(views: list[AlertView]) -> dict[str, Any]:
    """``content`` plus up to 10 embeds whose characters add up to at most 6000."""
    shown = views[:DISCORD_MAX_EMBEDS]
    description_max = min(DISCORD_DESCRIPTION_MAX, DISCORD_TOTAL_MAX // len(shown))
    embeds = [_embed(v, description_max) for v in shown]
    while sum(map(_embed_size, embeds)) > DISCORD_TOTAL_MAX and description_max > 50:
        description_max = description_max * 3 // 4
        embeds = [_embed(v, description_max) for v in shown]
    while sum(map(_embed_size, embeds)) > DISCORD_TOTAL_MAX and len(embeds) > 1:
        embeds.pop()
    content = title_for(views)
    if len(embeds) < len(views):
        content += f" (showing {len(embeds)}; see Kibana for the rest)"
    return {"content": cut(content, DISCORD_CONTENT_MAX), "embeds": embeds}
