"""What an alert shows, independent of the platform: built once, rendered per platform."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from newsmon.es.documents import safe_id

ELLIPSIS = "…"
_SAFE = "():,'!"  # rison punctuation stays readable in Discover links


def cut(text: str, limit: int) -> str:
    """``text`` shortened to at most ``limit`` characters, marked with an ellipsis when cut."""
    if limit <= 0:
        return ""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


@dataclass(frozen=True)
class AlertView:
    """One matched item as people read it."""

    rule: str
    item_type: str  # quotes | meetings | articles
    item_id: str
    headline: str  # who said it / who meets whom / the article title
    body: str  # the quote, the evidence sentence, the summary
    facts: tuple[tuple[str, str], ...] = ()  # (label, value): outlet, date, place, status ...
    article_url: str | None = None
    kibana_url: str | None = None
    outlet: str | None = None
    published: str | None = None
    item: dict[str, Any] = field(default_factory=dict, compare=False)  # the raw item (webhook)


def _rison_string(value: str) -> str:
    # rison quotes with ' and escapes ' and ! with !
    return "'" + value.replace("!", "!!").replace("'", "!'") + "'"


def discover_url(kibana_base: str, data_view: str, item_id: str) -> str:
    """A Kibana Discover link showing exactly this item (by ``id``) in ``data_view``."""
    query = _rison_string(f'_id:"{item_id}"')
    app = (
        f"(dataSource:(dataViewId:{_rison_string(data_view)},type:dataView),"
        f"query:(language:kuery,query:{query}))"
    )
    glob = "(time:(from:now-5y,to:now))"
    return (
        f"{kibana_base.rstrip('/')}/app/discover#/?_g={quote(glob, safe=_SAFE)}&_a={quote(app, safe=_SAFE)}"
    )


def _names(participants: Any) -> str:
    if not isinstance(participants, list):
        return ""
    return ", ".join(str(p.get("name")) for p in participants if isinstance(p, dict) and p.get("name"))


def build_view(
    rule: str, item_type: str, item: dict[str, Any], kibana_base: str, index_prefix: str
) -> AlertView:
    """The :class:`AlertView` for one item of ``item_type`` (message as on Kafka / in ES)."""
    item_id = str(item.get("id", ""))
    outlet = item.get("outlet") or (item.get("feed") or {}).get("name")
    published = item.get("published")
    facts: list[tuple[str, str]] = []
    if item_type == "quotes":
        speaker = item.get("speaker") or "Unknown speaker"
        title = item.get("speaker_title")
        headline = f"{speaker} ({title})" if title else str(speaker)
        body = f"“{item.get('text', '')}”"
    elif item_type == "meetings":
        names = _names(item.get("participants")) or "Unknown participants"
        kind = str(item.get("kind") or "meeting").capitalize()
        headline = f"{kind}: {names}"
        body = str((item.get("evidence") or {}).get("text") or "")
        location = item.get("location") or {}
        if location.get("name"):
            place = location["name"] + (
                f" ({location['country_code']})" if location.get("country_code") else ""
            )
            facts.append(("Place", place))
        if item.get("date"):
            date = str(item["date"]) + (f" – {item['end_date']}" if item.get("end_date") else "")
            facts.append(("Date", date))
        if item.get("status"):
            facts.append(("Status", str(item["status"])))
    else:
        headline = str(item.get("title") or "Untitled article")
        body = str(item.get("summary") or item.get("body") or "")
    if outlet:
        facts.append(("Outlet", str(outlet)))
    if published:
        facts.append(("Published", str(published)))
    facts.append(("Rule", rule))
    data_view = f"{index_prefix}-{item_type}"
    # meetings are merged into one document per meeting_key (newsmon.es.meetings): link to that
    doc_id = (
        safe_id(str(item["meeting_key"])) if item_type == "meetings" and item.get("meeting_key") else item_id
    )
    return AlertView(
        rule=rule,
        item_type=item_type,
        item_id=item_id,
        headline=headline,
        body=body,
        facts=tuple(facts),
        article_url=item.get("url"),
        kibana_url=discover_url(kibana_base, data_view, doc_id) if doc_id else None,
        outlet=str(outlet) if outlet else None,
        published=str(published) if published else None,
        item=item,
    )


def title_for(views: list[AlertView]) -> str:
    """The message title: the rule, and the count for a digest."""
    if len(views) == 1:
        return f"newsmon · {views[0].rule}"
    return f"newsmon · {views[0].rule} · {len(views)} matches"


def json_size(payload: Any) -> int:
    """Bytes of ``payload`` as sent (compact UTF-8 JSON)."""
    return len(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
