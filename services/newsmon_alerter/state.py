"""Cross-instance delivery state in Elasticsearch: claims, throttle windows, digest queues.

Everything lives in one index, ``{prefix}-alert-claims``, written with optimistic concurrency
(``op_type=create`` and ``if_seq_no``/``if_primary_term``), so several alerter instances, a
restart or a replay never deliver the same (rule, item) twice:

* **claim** ``c-sha256(rule|item)``: ``pending`` (with an owner and a lease) -> ``delivered``,
  ``suppressed``, ``digested`` or ``dead``. Final states are never sent again. A pending claim
  whose lease expired (its owner died) is taken over; one with a live lease is waited for.
* **window** ``w-sha256(name)``: throttle and content-dedupe windows (``until``); the claim that
  opened a window may use it again after a crash, nobody else can until it ends.
* **digest item** ``d-sha256(rule|item)``: queued matches of a digest rule, sent together when
  their window ends, under one claim for the whole batch.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from dataclasses import dataclass
from typing import Any

from elasticsearch import ConflictError, Elasticsearch, NotFoundError

from newsmon.logs import get_logger

log = get_logger(__name__)

FINAL_STATES = frozenset({"delivered", "suppressed", "digested", "dead"})

CLAIMS_MAPPING: dict[str, Any] = {
    "dynamic": False,
    "properties": {
        "kind": {"type": "keyword"},
        "rule": {"type": "keyword"},
        "item_id": {"type": "keyword"},
        "item_type": {"type": "keyword"},
        "key": {"type": "keyword"},
        "state": {"type": "keyword"},
        "owner": {"type": "keyword"},
        "reason": {"type": "text"},
        "claim_id": {"type": "keyword"},
        "done": {"type": "keyword"},
        "bucket": {"type": "keyword"},
        "lease_until": {"type": "date"},
        "until": {"type": "date"},
        "due_at": {"type": "date"},
        "created_at": {"type": "date"},
        "updated_at": {"type": "date"},
        "item": {"type": "object", "enabled": False},
    },
}


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def iso(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_iso(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def digest_id(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


@dataclass
class Claim:
    """A claim we hold; ``seq_no``/``primary_term`` guard every later write."""

    id: str
    rule: str
    item_id: str
    seq_no: int
    primary_term: int
    taken_over: bool = False
    renewed_at: float = 0.0
    done: tuple[str, ...] = ()  # destinations already delivered (before a crash)


class ClaimStore:
    """Claims and windows for one alerter instance (``owner``)."""

    def __init__(self, es: Elasticsearch, index: str, owner: str, lease_s: float = 30.0) -> None:
        self.es = es
        self.index = index
        self.owner = owner
        self.lease = dt.timedelta(seconds=lease_s)

    def ensure_index(self) -> None:
        if self.es.indices.exists(index=self.index):
            return
        try:
            self.es.indices.create(
                index=self.index,
                mappings=CLAIMS_MAPPING,
                settings={"number_of_shards": 1, "number_of_replicas": 0},
            )
        except Exception as exc:  # another instance created it first: fine
            if "resource_already_exists" not in str(exc):
                raise

    # -- claims -----------------------------------------------------------------------
    def claim_id(self, rule: str, item_id: str) -> str:
        return "c-" + digest_id(rule, item_id)

    def _pending(self, rule: str, item_id: str, item_type: str, created: str | None = None) -> dict[str, Any]:
        now = now_utc()
        return {
            "kind": "claim",
            "rule": rule,
            "item_id": item_id,
            "item_type": item_type,
            "state": "pending",
            "owner": self.owner,
            "lease_until": iso(now + self.lease),
            "created_at": created or iso(now),
            "updated_at": iso(now),
        }

    def acquire(self, rule: str, item_id: str, item_type: str, max_wait_s: float = 600.0) -> Claim | None:
        """Claim (rule, item) for delivery; ``None`` when it was already handled.

        Blocks while another live owner holds the claim (it is delivering right now), so a
        rebalance cannot make two instances send the same alert.
        """
        cid = self.claim_id(rule, item_id)
        try:
            resp = self.es.create(index=self.index, id=cid, document=self._pending(rule, item_id, item_type))
            return Claim(
                cid, rule, item_id, resp["_seq_no"], resp["_primary_term"], renewed_at=time.monotonic()
            )
        except ConflictError:
            pass
        deadline = time.monotonic() + max_wait_s
        while True:
            got = self.es.get(index=self.index, id=cid)
            src = got["_source"]
            if src.get("state") in FINAL_STATES:
                return None
            lease_left = (parse_iso(src["lease_until"]) - now_utc()).total_seconds()
            if lease_left <= 0 or src.get("owner") == self.owner:
                try:
                    resp = self.es.index(
                        index=self.index,
                        id=cid,
                        document=self._pending(rule, item_id, item_type, src.get("created_at"))
                        | {"done": src.get("done") or []},
                        if_seq_no=got["_seq_no"],
                        if_primary_term=got["_primary_term"],
                    )
                except ConflictError:
                    continue
                log.info("claim_taken_over", claim=cid, rule=rule, item_id=item_id, previous=src.get("owner"))
                return Claim(
                    cid, rule, item_id, resp["_seq_no"], resp["_primary_term"], True, time.monotonic()
                )
            if time.monotonic() > deadline:
                raise TimeoutError(f"claim {cid} held by {src.get('owner')} for more than {max_wait_s}s")
            time.sleep(min(1.0, lease_left + 0.05))

    def renew(self, claim: Claim, force: bool = False) -> None:
        """Extend the lease (at most every third of it unless ``force``)."""
        if not force and time.monotonic() - claim.renewed_at < self.lease.total_seconds() / 3:
            return
        now = now_utc()
        resp = self.es.update(
            index=self.index,
            id=claim.id,
            doc={"lease_until": iso(now + self.lease), "updated_at": iso(now)},
            if_seq_no=claim.seq_no,
            if_primary_term=claim.primary_term,
        )
        claim.seq_no, claim.primary_term, claim.renewed_at = (
            resp["_seq_no"],
            resp["_primary_term"],
            time.monotonic(),
        )

    def mark_done(self, claim: Claim, destination: str) -> None:
        """Record that ``destination`` got the alert, so a takeover does not send it again."""
        claim.done = (*claim.done, destination)
        resp = self.es.update(
            index=self.index,
            id=claim.id,
            doc={"done": list(claim.done), "updated_at": iso(now_utc())},
            if_seq_no=claim.seq_no,
            if_primary_term=claim.primary_term,
        )
        claim.seq_no, claim.primary_term = resp["_seq_no"], resp["_primary_term"]

    def finish(self, claim: Claim, state: str, reason: str | None = None) -> None:
        """Move the claim to a final state; it will never be delivered again."""
        assert state in FINAL_STATES
        doc = {"state": state, "reason": reason, "updated_at": iso(now_utc()), "owner": self.owner}
        try:
            self.es.update(
                index=self.index,
                id=claim.id,
                doc=doc,
                if_seq_no=claim.seq_no,
                if_primary_term=claim.primary_term,
            )
        except ConflictError:
            # our lease ran out and another instance took the claim over: it decides now
            log.error("claim_lost", claim=claim.id, rule=claim.rule, item_id=claim.item_id, state=state)

    def state(self, rule: str, item_id: str) -> str | None:
        try:
            return str(self.es.get(index=self.index, id=self.claim_id(rule, item_id))["_source"]["state"])
        except NotFoundError:
            return None

    # -- windows ----------------------------------------------------------------------
    def take_window(self, name: str, length: dt.timedelta, claim_id: str) -> bool:
        """Open the window ``name`` for ``length``; False if it is open (held by another claim)."""
        wid = "w-" + digest_id(name)
        now = now_utc()
        doc = {
            "kind": "window",
            "key": name,
            "until": iso(now + length),
            "claim_id": claim_id,
            "created_at": iso(now),
        }
        try:
            self.es.create(index=self.index, id=wid, document=doc)
            return True
        except ConflictError:
            pass
        try:
            got = self.es.get(index=self.index, id=wid)
        except NotFoundError:
            return self.take_window(name, length, claim_id)
        src = got["_source"]
        if src.get("claim_id") == claim_id:
            return True  # we opened it before a crash: the window is ours
        if parse_iso(src["until"]) > now:
            return False
        try:
            self.es.index(
                index=self.index,
                id=wid,
                document=doc,
                if_seq_no=got["_seq_no"],
                if_primary_term=got["_primary_term"],
            )
            return True
        except ConflictError:
            return False
