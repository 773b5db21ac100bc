"""Articles in, quote and meeting messages out: ids, article fields and size limits (no I/O)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from newsmon.es.documents import now_iso
from newsmon.extract import ArticleInput

# Fields every quote/meeting message copies from its article.
_ARTICLE_FIELDS = ("outlet", "url", "title", "published")


@dataclass(frozen=True)
class PreparedArticle:
    """An article ready for the extractor, with what was done to it on the way."""

    article: dict[str, Any]
    input: ArticleInput
    truncated: bool
    original_chars: int


def _digest(*parts: object) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()


def quote_id(article_id: str, parts: list[dict[str, Any]]) -> str:
    """Deterministic quote id: the article and the character offsets of the quote's parts."""
    spans = ",".join(f"{p.get('start')}-{p.get('end')}" for p in parts)
    return "q-" + _digest(article_id, spans)


def meeting_id(article_id: str, meeting: dict[str, Any]) -> str:
    """Deterministic id of one article's mention of one meeting."""
    evidence = meeting.get("evidence") or {}
    return "m-" + _digest(article_id, meeting.get("meeting_key"), evidence.get("start"), evidence.get("end"))


def published_date(value: str | None) -> dt.date | None:
    """The calendar date of an RFC 3339 ``published`` value (None when absent or unparseable)."""
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None


def article_text(article: dict[str, Any]) -> str:
    """The text to extract from: the body, else the summary, else the title."""
    for name in ("body", "summary", "title"):
        value = article.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def prepare_article(article: dict[str, Any], max_chars: int) -> PreparedArticle:
    """The extractor input for ``article``, cut to ``max_chars`` characters when longer."""
    text = article_text(article)
    truncated = len(text) > max_chars
    if truncated:
        # Cut at the last paragraph or sentence break before the limit, so no sentence is halved.
        cut = max(text.rfind("\n", 0, max_chars), text.rfind(". ", 0, max_chars) + 1)
        text = text[: cut if cut > max_chars // 2 else max_chars]
    return PreparedArticle(
        article=article,
        input=ArticleInput(
            text=text,
            published=published_date(article.get("published")),
            title=article.get("title"),
            id=str(article["id"]),
        ),
        truncated=truncated,
        original_chars=len(article_text(article)),
    )


def _common(prepared: PreparedArticle, extracted_at: str) -> dict[str, Any]:
    article = prepared.article
    common: dict[str, Any] = {"article_id": str(article["id"])}
    common |= {name: article.get(name) for name in _ARTICLE_FIELDS}
    common["extracted_at"] = extracted_at
    if prepared.truncated:
        common["truncated"] = True
    return common


def _messages(
    prepared: PreparedArticle,
    items: list[dict[str, Any]],
    id_of: Callable[[str, dict[str, Any]], str],
    extracted_at: str | None,
) -> list[dict[str, Any]]:
    """One message per extracted item: the item, the article's fields, and a deterministic id."""
    common = _common(prepared, extracted_at or now_iso())
    feed = prepared.article.get("feed")
    return [{**item, **common, "feed": feed, "id": id_of(common["article_id"], item)} for item in items]


def quote_messages(
    prepared: PreparedArticle, quotes: list[dict[str, Any]], extracted_at: str | None = None
) -> list[dict[str, Any]]:
    """quotes.v1 messages for the extractor's quotes of one article."""
    return _messages(
        prepared, quotes, lambda article_id, q: quote_id(article_id, q.get("parts") or []), extracted_at
    )


def meeting_messages(
    prepared: PreparedArticle, meetings: list[dict[str, Any]], extracted_at: str | None = None
) -> list[dict[str, Any]]:
    """meetings.v1 messages for the extractor's meetings of one article."""
    return _messages(prepared, meetings, meeting_id, extracted_at)
