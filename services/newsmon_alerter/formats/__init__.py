"""Per-platform message formats. ``render(kind, views)`` -> the JSON payload to POST."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsmon_alerter.formats.cards import discord, teams
from newsmon_alerter.formats.chat import google_chat, mattermost, slack
from newsmon_alerter.formats.view import AlertView, build_view
from newsmon_alerter.formats.webhook import webhook_payload

FORMATTERS: dict[str, Callable[[list[AlertView]], dict[str, Any]]] = {
    "slack": slack,
    "teams": teams,
    "discord": discord,
    "mattermost": mattermost,
    "google_chat": google_chat,
    "webhook": webhook_payload,
}


def render(kind: str, views: list[AlertView]) -> dict[str, Any]:
    """The payload for destination type ``kind`` showing ``views`` (one, or a digest)."""
    if not views:
        raise ValueError("nothing to render")
    return FORMATTERS[kind](views)


__all__ = ["FORMATTERS", "AlertView", "build_view", "render"]
