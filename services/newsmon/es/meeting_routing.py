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

Either order of arrival gives the same document. Undated mentions and mentions without named
parties are never moved: they could mean any meeting of those parties. When a month holds two
finer meetings of the same parties, a month-dated mention cannot tell which one it means and keeps
its own document. Routing searches the index (after a refresh, so a document written a moment
ago is seen); two workers racing on both sides of a join can still leave a coarse document
behind, and the next finer mention of those parties absorbs it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from elasticsearch import Elasticsearch

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
        and (parts.mode, parts.parties) == (coarse.mode, coarse.parties)
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


class MeetingRouter:
    """Finds, for meeting keys, the finer document to join and the coarser ones to absorb.

    Each lookup serves a whole batch: one refresh, one search per ``SPANS_PER_SEARCH`` coarse
    keys, one ``mget``.
    """

    def __init__(self, es: Elasticsearch, index: str, writer: BulkWriter) -> None:
        self.es = es
        self.index = index
        self.writer = writer
        self._fresh = False

    def start_batch(self) -> None:
        """Forget the last refresh: the next search refreshes the index first."""
        self._fresh = False

    def finer_keys(self, spans: Iterable[KeyParts]) -> dict[KeyParts, list[str]]:
        """For each coarse key, the keys of the documents of its mode and parties dated inside it."""
        wanted = list(dict.fromkeys(span for span in spans if span.date))
        found: dict[KeyParts, list[str]] = {span: [] for span in wanted}
        if wanted and not self._fresh:
            self.writer.call("meetings refresh", lambda: self.es.indices.refresh(index=self.index))
            self._fresh = True
        for start in range(0, len(wanted), SPANS_PER_SEARCH):
            chunk = wanted[start : start + SPANS_PER_SEARCH]
            patterns = [f"{c.mode}:{c.date}-*:{_escape(c.parties)}#*" for c in chunk]
            query = {"bool": {"should": [{"wildcard": {"meeting_key": {"value": p}}} for p in patterns]}}

            def search(query: dict[str, Any] = query, size: int = MAX_CANDIDATES * len(chunk)) -> Any:
                return self.es.search(
                    index=self.index, query=query, size=size, source_includes=["meeting_key"]
                )

            for hit in self.writer.call("meetings routing", search)["hits"]["hits"]:
                key = str(hit["_source"]["meeting_key"])
                for span in chunk:
                    if _within(key, span):
                        found[span].append(key)
        return found

    def targets(self, keys: list[str]) -> dict[str, str]:
        """The key each mention keyed as in ``keys`` is merged under (its own key by default).

        The other keys of the batch count as documents already (they will be once it is written).
        """
        coarse = {
            key: parts
            for key in keys
            if (parts := KeyParts.parse(key))
            and parts.date
            and len(parts.date) < 10
            and parts.parties != "unknown"
        }
        finer = self.finer_keys(coarse.values())
        routed = {key: key for key in keys}
        for key, parts in coarse.items():
            routed[key] = _finest_single([*finer[parts], *(k for k in keys if _within(k, parts))]) or key
        return routed

    def coarser_docs(self, keys: list[str]) -> dict[str, list[dict[str, Any]]]:
        """For each of ``keys``, the coarser documents (``_id``, ``_seq_no``, ``_primary_term``,
        ``_source``) it absorbs."""
        wanted: dict[str, str] = {}  # coarse document id -> the key that would absorb it
        for key in keys:
            parts = KeyParts.parse(key)
            if parts is None or parts.parties == "unknown":
                continue
            for date in parts.coarser_dates:
                wanted.setdefault(safe_id(parts.key(date)), key)
        absorbed: dict[str, list[dict[str, Any]]] = {key: [] for key in keys}
        if not wanted:
            return absorbed
        ids = sorted(wanted)
        resp = self.writer.call("mget", lambda: self.es.mget(index=self.index, ids=ids, realtime=True))
        docs = []
        for doc in resp["docs"]:
            coarse = KeyParts.parse(str(doc.get("_source", {}).get("meeting_key", "")))
            if doc.get("found") and coarse is not None and coarse.date is not None:
                docs.append((wanted[doc["_id"]], coarse, doc))
        finer = self.finer_keys(coarse for _, coarse, _ in docs)
        for key, coarse, doc in docs:
            span = [*finer[coarse], *(k for k in keys if _within(k, coarse))]
            if _finest_single([*span, key]) == key:
                absorbed[key].append(doc)
        return absorbed
