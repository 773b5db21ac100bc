"""What ``newsmon demo`` prints: the articles, quotes and meetings it finds in Elasticsearch."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from elasticsearch import Elasticsearch, NotFoundError

from newsmon.es import IndexNames


def _search(es: Elasticsearch, index: str, query: dict[str, Any], size: int = 200) -> list[dict[str, Any]]:
    try:
        es.indices.refresh(index=index)
        resp = es.search(index=index, query=query, size=size)
    except NotFoundError:
        return []
    return [hit["_source"] for hit in resp["hits"]["hits"]]


def _query(terms: dict[str, Any], since_field: str, since: str | None) -> dict[str, Any]:
    # ``since`` keeps documents written by this run: the demo index outlives earlier runs
    if since is None:
        return terms
    return {"bool": {"filter": [terms, {"range": {since_field: {"gte": since}}}]}}


def articles(
    es: Elasticsearch, names: IndexNames, ids: list[str], since: str | None = None
) -> list[dict[str, Any]]:
    return _search(es, names.articles, _query({"ids": {"values": ids}}, "fetched_at", since))


def quotes(
    es: Elasticsearch, names: IndexNames, ids: list[str], since: str | None = None
) -> list[dict[str, Any]]:
    return _search(es, names.quotes, _query({"terms": {"article_id": ids}}, "extracted_at", since))


def meetings(
    es: Elasticsearch, names: IndexNames, ids: list[str], since: str | None = None
) -> list[dict[str, Any]]:
    return _search(es, names.meetings, _query({"terms": {"article_ids": ids}}, "updated_at", since))


def wait_for(
    check: Callable[[], int],
    expected: int | None,
    timeout_s: float,
    settle_s: float = 4.0,
    poll_s: float = 0.5,
) -> int:
    """Poll ``check`` until it reaches ``expected`` or, with ``expected=None``, stops changing
    for ``settle_s``; returns the last value (the caller reports a shortfall)."""
    deadline = time.monotonic() + timeout_s
    last, since = check(), time.monotonic()
    while time.monotonic() < deadline:
        if expected is not None and last >= expected:
            return last
        if expected is None and last > 0 and time.monotonic() - since >= settle_s:
            return last
        time.sleep(poll_s)
        value = check()
        if value != last:
            last, since = value, time.monotonic()
    return last


def _participants(meeting: dict[str, Any]) -> str:
    names = [p.get("name") for p in meeting.get("participants") or [] if p.get("name")]
    return ", ".join(names) or "(participants unknown)"


def render(arts: list[dict[str, Any]], qs: list[dict[str, Any]], ms: list[dict[str, Any]]) -> str:
    """Plain-text report, grouped by article."""
    lines: list[str] = []
    by_article: dict[str, list[dict[str, Any]]] = {}
    for q in qs:
        by_article.setdefault(q["article_id"], []).append(q)
    lines.append(f"== {len(arts)} articles, {len(qs)} quotes, {len(ms)} meetings indexed ==")
    for art in sorted(arts, key=lambda a: a.get("published") or ""):
        lines.append("")
        lines.append(f"* {art.get('title')}  [{art.get('outlet')}, {art.get('published') or 'undated'}]")
        for q in sorted(by_article.get(art["id"], []), key=lambda q: q["parts"][0]["start"]):
            kind = "direct" if q.get("direct") else "reported"
            speaker = q.get("speaker") or "(unattributed)"
            lines.append(f"    quote ({kind}) {speaker}: \u201c{q.get('text')}\u201d")
    lines.append("")
    lines.append("== meetings ==")
    for m in sorted(ms, key=lambda m: m.get("date") or ""):
        place = (m.get("location") or {}).get("name") or "place unknown"
        when = m.get("date") or m.get("date_text") or "date unknown"
        status, kind = m.get("status") or "?", m.get("kind") or "meeting"
        lines.append(f"  [{status}] {kind}: {_participants(m)} | {when} | {place}")
    if not ms:
        lines.append("  (none)")
    return "\n".join(lines)
