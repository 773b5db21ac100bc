"""One Elasticsearch document per meeting: every mention merged under its ``meeting_key``.

The core-only Elasticsearch has no painless, so merging is a read-modify-write guarded by
optimistic concurrency: read the documents (``_seq_no``/``_primary_term``), merge in Python,
write with ``if_seq_no``/``if_primary_term`` (or ``create`` for a new meeting), and redo the
keys that answered 409. The merged document is a pure function of its set of mentions (one
per article id), so a replayed mention changes nothing and arrival order does not matter.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from elasticsearch import Elasticsearch

from newsmon.es.bulk import BulkWriter, Rejection, error_of
from newsmon.es.documents import date_precision, geo_point, meeting_mention, now_iso, safe_id
from newsmon.es.meeting_routing import Absorbed, MeetingRouter
from newsmon.logs import get_logger

log = get_logger(__name__)

_PRECISION_RANK = {"day": 3, "month": 2, "year": 1, None: 0}
# Mentions kept in full on one meeting document; a meeting every outlet reports would otherwise grow
# its document (and each read-modify-write of it) without bound.
MAX_MENTIONS = 500


def _as_of(mention: dict[str, Any]) -> str:
    """When the mention's report was made: its article's publication time, else extraction time."""
    return str(mention.get("published") or mention.get("extracted_at") or "")


def _participants(mentions: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for mention in mentions:
        for person in mention.get("participants") or []:
            key = str(person.get("name", "")).casefold()
            if key and key not in seen:
                seen[key] = {k: person.get(k) for k in ("name", "type", "role") if person.get(k) is not None}
    return list(seen.values())


def _status_history(mentions: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Status changes in report order: one entry each time a report moves the status."""
    history: list[dict[str, Any]] = []
    for mention in mentions:
        status = mention.get("status")
        if status and (not history or history[-1]["status"] != status):
            history.append(
                {"status": status, "as_of": _as_of(mention) or None, "article_id": mention["article_id"]}
            )
    return history


def _merged_history(
    carried: Sequence[dict[str, Any]], seen: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Status changes from the mentions in hand joined with those a capped document remembers
    (their mentions were dropped): in report order, a repeated status counted once."""
    points = sorted([*carried, *seen], key=lambda h: (str(h.get("as_of") or ""), str(h["article_id"])))
    out: list[dict[str, Any]] = []
    for point in points:
        if not out or out[-1]["status"] != point["status"]:
            out.append(point)
    return out


def merge_meeting(
    meeting_key: str,
    existing: dict[str, Any] | None,
    new: Sequence[dict[str, Any]],
    max_mentions: int = MAX_MENTIONS,
) -> dict[str, Any]:
    """The merged document for ``meeting_key`` from an existing document and new mentions.

    A mention from an article already listed replaces that article's mention (no duplicates).
    At most ``max_mentions`` mentions are kept, the latest reports; the document still counts every
    article (``article_ids``, ``mention_count``) and keeps what the dropped ones said (outlets,
    participants, first report, the most precise date, status changes).
    """
    old = existing or {}
    by_article: dict[str, dict[str, Any]] = {}
    for mention in old.get("mentions", []):
        by_article[str(mention["article_id"])] = mention
    for mention in new:
        by_article[str(mention["article_id"])] = mention
    mentions = sorted(by_article.values(), key=lambda m: (_as_of(m), str(m["article_id"])))
    # a document that already dropped mentions carries what they said
    capped_before = int(old.get("mention_count") or 0) > len(old.get("mentions", []))
    carried = old if capped_before else {}
    known_ids = set(map(str, carried.get("article_ids", []))) | set(by_article)
    summary = [{"date": carried.get("date"), "date_text": carried.get("date_text"),
                "location": carried.get("location"), "participants": carried.get("participants"),
                "confidence": carried.get("confidence"),
                "published": "", "article_id": ""}] if carried else []  # fmt: skip
    seen = summary + mentions  # everything known, oldest first
    latest = mentions[-1]
    # The most precise date any report gives; among equals, the latest report's.
    dated = [m for m in seen if m.get("date")]
    top = max((_PRECISION_RANK[date_precision(m["date"])] for m in dated), default=0)
    best_date = next((m for m in reversed(dated) if _PRECISION_RANK[date_precision(m["date"])] == top), None)
    located = [m for m in seen if m.get("location")]
    location = dict(located[-1]["location"]) if located else None
    if location is not None:
        location.pop("point", None)
        point = geo_point(location)
        if point is not None:
            location["point"] = point
    end_dates = [m["end_date"] for m in mentions if m.get("end_date")]
    outlets = sorted(
        {str(m["outlet"]) for m in mentions if m.get("outlet")} | set(carried.get("outlets", []))
    )
    kinds = Counter(m.get("kind") for m in mentions if m.get("kind"))
    reported = [_as_of(m) for m in mentions if _as_of(m)] + (
        [carried["first_reported"]] if carried.get("first_reported") else []
    )
    history = _merged_history(carried.get("status_history", []), _status_history(mentions))
    kept = mentions[-max_mentions:]
    return {
        "meeting_key": meeting_key,
        "participants": _participants(seen),
        "location": location,
        "date": best_date["date"] if best_date else None,
        "date_precision": date_precision(best_date["date"]) if best_date else None,
        "date_text": best_date.get("date_text") if best_date else None,
        "end_date": end_dates[-1] if end_dates else carried.get("end_date"),
        "status": latest.get("status"),
        "status_history": history,
        # The latest report decides the kind too, unless most reports agree on another one.
        "kind": kinds.most_common(1)[0][0] if kinds else latest.get("kind"),
        "confidence": max((float(m.get("confidence") or 0.0) for m in seen), default=0.0),
        "evidence": latest.get("evidence"),
        "url": latest.get("url"),
        "title": latest.get("title"),
        "outlets": outlets,
        "article_ids": (
            [str(m["article_id"]) for m in mentions] if len(known_ids) <= max_mentions else sorted(known_ids)
        ),
        "mentions": kept,
        "mention_count": len(known_ids),
        "published": latest.get("published"),
        "first_reported": min(reported) if reported else None,
        "last_reported": max(reported) if reported else None,
        "updated_at": now_iso(),
    }


class MeetingIndexer:
    """Merges meetings.v1 messages into ``index`` (an alias with a single write index)."""

    def __init__(
        self,
        es: Elasticsearch,
        index: str,
        writer: BulkWriter | None = None,
        max_mentions: int = MAX_MENTIONS,
        route_vaguer_dates: bool = True,
    ) -> None:
        self.es = es
        self.route_vaguer_dates = route_vaguer_dates  # False: every key its own document
        self.index = index
        self.max_mentions = max_mentions
        self.writer = writer or BulkWriter(es)
        self.router = MeetingRouter(es, index, self.writer)
        self.conflicts = 0  # 409s seen, for logs and tests

    def _read(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        """Current documents by id with their ``_seq_no``/``_primary_term`` (missing ids absent)."""
        found: dict[str, dict[str, Any]] = {}
        resp = self.writer.call("mget", lambda: self.es.mget(index=self.index, ids=ids, realtime=True))
        for doc in resp["docs"]:
            if doc.get("found"):
                found[doc["_id"]] = doc
        return found

    def write(self, messages: Sequence[dict[str, Any]]) -> list[Rejection]:
        """Merge ``messages`` (meetings.v1) into their meeting documents; returns refused messages.

        A mention dated vaguer than an existing document of the same meeting joins it, and a
        document absorbs the vaguer documents of its meeting (``newsmon.es.meeting_routing``).
        """
        self.router.start_batch()
        groups: dict[str, list[dict[str, Any]]] = {}
        keys: dict[str, str] = {}
        routed = self.router.targets(list(messages)) if self.route_vaguer_dates else []
        for i, message in enumerate(messages):
            key = routed[i] if routed else str(message["meeting_key"])
            doc_id = safe_id(key)
            groups.setdefault(doc_id, []).append(message)
            keys[doc_id] = key
        rejections: list[Rejection] = []
        pending = list(groups)
        attempt = 0
        while pending:
            current = self._read(pending)
            taken = self.router.absorbed([keys[d] for d in pending]) if self.route_vaguer_dates else {}
            absorbed = {doc_id: taken.get(keys[doc_id], []) for doc_id in pending}
            actions: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
            for doc_id in pending:
                mentions = [m for part in absorbed[doc_id] for m in part.moved]
                mentions += [meeting_mention(m) for m in groups[doc_id]]
                old = current.get(doc_id)
                merged = merge_meeting(
                    keys[doc_id], old["_source"] if old else None, mentions, self.max_mentions
                )
                if old is None:
                    action = {"create": {"_index": self.index, "_id": doc_id}}
                else:
                    action = {
                        "index": {
                            "_index": self.index,
                            "_id": doc_id,
                            "if_seq_no": old["_seq_no"],
                            "if_primary_term": old["_primary_term"],
                        }
                    }
                actions.append((action, merged))
            results = self.writer.bulk(actions)
            retry: list[str] = []
            for doc_id, result in zip(pending, results, strict=True):
                status = int(result.get("status", 500))
                if status == 409 or (status < 300 and not self._delete_absorbed(absorbed[doc_id])):
                    retry.append(doc_id)
                elif status >= 300:
                    error_type, reason = error_of(result)
                    for message in groups[doc_id]:
                        rejections.append(Rejection(self.index, doc_id, status, error_type, reason, message))
            if retry:
                self.conflicts += len(retry)
                log.info("meeting_merge_conflict_retry", keys=len(retry), attempt=attempt + 1)
                if attempt >= 3:
                    self.writer.wait(attempt - 3, "version conflicts")
                attempt += 1
            pending = retry
        return rejections

    def _delete_absorbed(self, parts: list[Absorbed]) -> bool:
        """Delete the absorbed documents, or rewrite them with the mentions they keep, unless they
        changed since they were read (then ``False``: the caller merges again)."""
        if not parts:
            return True
        actions: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
        for part in parts:
            guard = {
                "_index": self.index,
                "_id": part.doc_id,
                "if_seq_no": part.seq_no,
                "if_primary_term": part.primary_term,
            }
            if part.kept:
                rest = merge_meeting(part.key, None, part.kept, self.max_mentions)
                actions.append(({"index": guard}, rest))
            else:
                actions.append(({"delete": guard}, None))
        statuses = [int(r.get("status", 500)) for r in self.writer.bulk(actions)]
        log.info("meeting_absorbed", keys=[p.doc_id for p in parts], moved=sum(len(p.moved) for p in parts))
        return all(s in (200, 201, 404) for s in statuses)
