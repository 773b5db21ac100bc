"""A vaguer report of a meeting joins the one more precisely dated meeting it can only mean.

Outlets date one meeting differently: "Biden will meet Putin next month" (scheduled, key
``meet:2021-06:biden+putin``) and later "Biden met Putin in Geneva on June 16" (held,
``meet:2021-06-16:biden+putin``). The keys differ in their date's precision, so on their own the
two reports make two documents and the scheduled one never moves to held. Two rules join them:

* **Routing.** A mention dated to a month (or a year) is merged into the meeting document of the
  same mode and parties dated within that month (year), when exactly one such document has a
  finer date (a day; for a year, a day, else a month).
* **Absorbing.** A document with a finer date takes over the coarser documents of its mode and
  parties (its month's and year's), when it is the only finer document in their span: their
  mentions move into it and the coarse document is deleted, guarded by its ``_seq_no``, so a
  mention added in between makes the writer merge again instead of losing it.

Either order of arrival gives the same document. Undated mentions follow the same two rules
with a time window instead of a span (``newsmon.es.meeting_undated``): they join the one dated
document of their parties dated near their report day, and a dated document takes the mentions
of its parties' undated document that were reported near its date. Mentions without named
parties are never moved. When a month holds two finer meetings of the same parties, a month-dated
mention cannot tell which one it means and keeps its own document.

Routing searches the index (after a refresh, so a document written a moment ago is seen); two
workers racing on both sides of a join can still leave a vaguer document behind, and the next
dated mention of those parties absorbs it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from elasticsearch import Elasticsearch

from newsmon.es import meeting_undated as undated
from newsmon.es.bulk import BulkWriter
from newsmon.es.documents import safe_id
from newsmon.extract.meeting_key import KeyParts

_WILDCARD_SPECIAL = re.compile(r"([\\*?])")
MAX_CANDIDATES = 20  # documents per coarse key looked at; more than two already means ambiguous
SPANS_PER_SEARCH = 50


def _escape(text: str) -> str:
    """``text`` as a literal inside a wildcard pattern."""
    return _WILDCARD_SPECIAL.sub(r"\\\1", text)


def _within(key: str, coarse: KeyParts) -> bool:
    """Whether ``key`` has ``coarse``'s mode and parties and a finer date inside its date."""
    parts = KeyParts.parse(key)
    return (
        parts is not None
        and coarse.date is not None
        and parts.same_meeting_as(coarse)
        and (parts.date or "").startswith(coarse.date + "-")
    )


def _routable(parts: KeyParts) -> bool:
    """A key dated to a month or a year, with named parties: it may mean a finer meeting."""
    return parts.date is not None and len(parts.date) < 10 and parts.parties != "unknown"


def _finest_single(keys: list[str]) -> str | None:
    """The only key with the finest date among ``keys``, or ``None`` (none, or a tie)."""
    dated = [(len(p.date), k) for k in keys if (p := KeyParts.parse(k)) and p.date]
    if not dated:
        return None
    finest = max(n for n, _ in dated)
    best = sorted({k for n, k in dated if n == finest})
    return best[0] if len(best) == 1 else None


@dataclass
class Absorbed:
    """A document read for absorbing: the mentions that move, and those it keeps (none: deleted)."""

    doc_id: str
    key: str
    seq_no: int
    primary_term: int
    moved: list[dict[str, Any]]
    kept: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def of(
        cls, doc: dict[str, Any], moved: list[dict[str, Any]], kept: list[dict[str, Any]] | None = None
    ) -> Absorbed:
        """From an ``mget`` answer's document."""
        return cls(
            doc["_id"],
            str(doc["_source"]["meeting_key"]),
            doc["_seq_no"],
            doc["_primary_term"],
            moved,
            kept or [],
        )


class MeetingRouter:
    """Finds the document each mention joins, and the vaguer documents a document absorbs.

    Each lookup serves a whole batch: one refresh, one search per ``SPANS_PER_SEARCH`` vague keys,
    one ``mget``.
    """

    def __init__(self, es: Elasticsearch, index: str, writer: BulkWriter) -> None:
        self.es = es
        self.index = index
        self.writer = writer
        self._fresh = False

    def start_batch(self) -> None:
        """Forget the last refresh: the next search refreshes the index first."""
        self._fresh = False

    def _keys(self, query: dict[str, Any], size: int) -> tuple[list[str], bool]:
        """The ``meeting_key`` of up to ``size`` documents ``query`` finds, and whether that was all."""

        def search() -> Any:
            return self.es.search(
                index=self.index,
                query=query,
                size=size,
                source_includes=["meeting_key"],
                track_total_hits=size + 1,
            )

        hits = self.writer.call("meetings routing", search)["hits"]
        keys = [str(h["_source"]["meeting_key"]) for h in hits["hits"]]
        return keys, int(hits["total"]["value"]) <= len(keys)

    def _search(self, queries: list[dict[str, Any]]) -> list[list[str]]:
        """The ``meeting_key`` of the documents each query finds, ``SPANS_PER_SEARCH`` queries a
        request; each caller filters the keys for its own query. A request that finds more than it
        returns is redone query by query (``MAX_CANDIDATES`` each: two already mean ambiguous)."""
        if queries and not self._fresh:
            self.writer.call("meetings refresh", lambda: self.es.indices.refresh(index=self.index))
            self._fresh = True
        found: list[list[str]] = []
        for start in range(0, len(queries), SPANS_PER_SEARCH):
            chunk = queries[start : start + SPANS_PER_SEARCH]
            keys, complete = self._keys({"bool": {"should": chunk}}, MAX_CANDIDATES * len(chunk))
            if complete:
                found.extend([keys] * len(chunk))
            else:
                found.extend(self._keys(q, MAX_CANDIDATES)[0] for q in chunk)
        return found

    def finer_keys(self, spans: Iterable[KeyParts]) -> dict[KeyParts, list[str]]:
        """For each month or year key, the keys of the documents of its parties dated inside it."""
        wanted = list(dict.fromkeys(span for span in spans if span.date))
        patterns = [f"{c.mode}:{c.date}-*:{_escape(c.parties)}#*" for c in wanted]
        hits = self._search([{"wildcard": {"meeting_key": {"value": p}}} for p in patterns])
        return {span: [k for k in keys if _within(k, span)] for span, keys in zip(wanted, hits, strict=True)}

    def dated_near(
        self, items: Iterable[tuple[KeyParts, dt.date]]
    ) -> dict[tuple[KeyParts, dt.date], list[str]]:
        """For each (undated key, report day), the keys of its parties' documents dated near the day."""
        wanted = list(dict.fromkeys(items))
        hits = self._search([undated.candidates_query(p, day, _escape(p.parties)) for p, day in wanted])
        return {
            (p, day): undated.dated_near(keys, p, day) for (p, day), keys in zip(wanted, hits, strict=True)
        }

    def targets(self, messages: list[dict[str, Any]]) -> list[str]:
        """The key each message is merged under (its own ``meeting_key`` by default).

        The keys of the whole batch count as documents already (they will be once it is written).
        """
        keys = [str(m["meeting_key"]) for m in messages]
        batch = sorted(set(keys))
        parsed = {key: KeyParts.parse(key) for key in batch}
        coarse = {key: parts for key, parts in parsed.items() if parts is not None and _routable(parts)}
        finer = self.finer_keys(coarse.values())
        loose: dict[int, tuple[KeyParts, dt.date]] = {}
        for i, (key, message) in enumerate(zip(keys, messages, strict=True)):
            parts, day = parsed[key], undated.report_day(message)
            if parts is not None and undated.routable(parts) and day is not None:
                loose[i] = (parts, day)
        near = self.dated_near(loose.values())
        routed = list(keys)
        for i, key in enumerate(keys):
            if key in coarse:
                span = [*finer[coarse[key]], *(k for k in batch if _within(k, coarse[key]))]
                routed[i] = _finest_single(span) or key
            elif i in loose:
                parts, day = loose[i]
                dated = sorted({*near[(parts, day)], *undated.dated_near(batch, parts, day)})
                routed[i] = dated[0] if len(dated) == 1 else key
        return routed

    def absorbed(self, keys: list[str]) -> dict[str, list[Absorbed]]:
        """For each of ``keys``, the vaguer documents (or the part of its undated document) it takes."""
        wanted: dict[str, str] = {}  # vaguer document id -> the key that would absorb it
        for key in keys:
            parts = KeyParts.parse(key)
            if parts is None or parts.date is None or parts.parties == "unknown":
                continue
            for vague_key in (*(parts.key(date) for date in parts.coarser_dates), parts.undated_key):
                wanted.setdefault(safe_id(vague_key), key)
        out: dict[str, list[Absorbed]] = {key: [] for key in keys}
        if not wanted:
            return out
        ids = sorted(wanted)
        resp = self.writer.call("mget", lambda: self.es.mget(index=self.index, ids=ids, realtime=True))
        found = [
            (wanted[doc["_id"]], vaguer, doc)
            for doc in resp["docs"]
            if doc.get("found") and (vaguer := KeyParts.parse(str(doc["_source"].get("meeting_key", ""))))
        ]
        finer = self.finer_keys(v for _, v, _ in found if v.date)
        split = {id(doc): undated.movable(doc["_source"], key) for key, v, doc in found if v.date is None}
        days = [
            (v, d)
            for key, v, doc in found
            if v.date is None
            for m in split[id(doc)][0]
            if (d := undated.report_day(m))
        ]
        near = self.dated_near(days)
        for key, vaguer, doc in found:
            if vaguer.date is not None:
                span = [*finer[vaguer], *(k for k in keys if _within(k, vaguer))]
                if _finest_single([*span, key]) == key:
                    out[key].append(Absorbed.of(doc, list(doc["_source"].get("mentions", []))))
                continue
            moved, kept = split[id(doc)]
            taken: list[dict[str, Any]] = []
            for mention in moved:  # each was reported on a known day (``movable``)
                day = undated.report_day(mention) or dt.date.min
                near_it = {*near.get((vaguer, day), []), *undated.dated_near(keys, vaguer, day), key}
                (taken if near_it == {key} else kept).append(mention)
            if taken:
                out[key].append(Absorbed.of(doc, taken, kept))
        return out
