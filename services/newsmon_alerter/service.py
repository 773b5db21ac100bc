"""The alerter's decisions for one item: match rules, claim, dedupe, throttle, digest, deliver.

:class:`Alerter` knows nothing about Kafka (``consumer.py`` feeds it), so tests can drive it
with items directly against the real Elasticsearch and local HTTP receivers.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from elasticsearch import Elasticsearch

from newsmon.kql import field_types_from_mapping, matches
from newsmon.logs import get_logger
from newsmon_alerter.audit import AuditLog, ensure_alerts_index
from newsmon_alerter.delivery import Attempt, Sender
from newsmon_alerter.digest import DigestBatch, DigestQueue
from newsmon_alerter.formats import build_view, render
from newsmon_alerter.formats.view import AlertView
from newsmon_alerter.retention import PruneReport, prune_alerter_indices
from newsmon_alerter.rules import Rule, RulesFile
from newsmon_alerter.settings import AlerterSettings
from newsmon_alerter.state import Claim, ClaimStore

log = get_logger(__name__)

# (rule, item type, item, destination name, reason) -> dead-letter topic
DeadLetter = Callable[[Rule, str, dict[str, Any], str, str], None]


@cache
def field_types(item_type: str) -> dict[str, str] | None:
    """The mapping of ``item_type``'s index (from the repo's templates), for KQL semantics."""
    try:
        from newsmon.es.setup import load_template  # the worker engineer's templates
    except ImportError:  # pragma: no cover - templates not installed: guess kinds like ES would
        return None
    try:
        return field_types_from_mapping(load_template(item_type)["mappings"])
    except (ValueError, OSError, KeyError):
        return None


def _norm(text: Any) -> str:
    return re.sub(r"\W+", " ", str(text or "")).strip().lower()


def content_key(item_type: str, item: dict[str, Any]) -> str | None:
    """What makes two items "the same news" for content dedupe (``None``: never dedupe)."""
    if item_type == "quotes":
        raw = f"{_norm(item.get('speaker'))}|{_norm(item.get('text'))}"
    elif item_type == "meetings":
        raw = f"{item.get('meeting_key')}|{item.get('status')}"
    else:
        raw = _norm(item.get("title"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest() if raw.strip("|") else None


def key_of(rule: Rule, item: dict[str, Any]) -> str:
    """The throttle/digest key value of ``item`` (``rule.key`` is a dotted field path)."""
    if not rule.key:
        return ""
    value: Any = item
    for part in rule.key.split("."):
        if isinstance(value, list):
            value = [v.get(part) for v in value if isinstance(v, dict)]
        elif isinstance(value, dict):
            value = value.get(part)
        else:
            value = None
    if isinstance(value, list):
        return ",".join(sorted(str(v) for v in value if v is not None))
    return "" if value is None else str(value)


def as_indexed(item_type: str, item: dict[str, Any]) -> dict[str, Any]:
    """The item with the fields its index document has, so rules written in Kibana match.

    A meetings.v1 message is one mention; the meetings index merges mentions and names the
    outlets ``outlets`` and the articles ``article_ids``.
    """
    if item_type != "meetings":
        return item
    extra: dict[str, Any] = {}
    if "outlets" not in item:
        extra["outlets"] = [item["outlet"]] if item.get("outlet") else []
    if "article_ids" not in item:
        extra["article_ids"] = [item["article_id"]] if item.get("article_id") else []
    return {**item, **extra} if extra else item


@dataclass(frozen=True)
class Outcome:
    rule: str
    item_id: str
    status: str  # delivered | dead | duplicate | throttled | deduplicated | digested


class Alerter:
    """Applies the current rules to items; safe to run in several processes at once."""

    def __init__(
        self,
        settings: AlerterSettings,
        rules: RulesFile,
        es: Elasticsearch,
        sender: Sender | None = None,
        dead_letter: DeadLetter | None = None,
    ) -> None:
        self.settings = settings
        self.rules = rules
        self.es = es
        self.instance = settings.instance()
        self.claims = ClaimStore(es, settings.claims_index, self.instance, settings.alerter_claim_lease_s)
        self.audit = AuditLog(es, settings.alerts_index, self.instance)
        self.digests = DigestQueue(es, settings.claims_index)
        self.sender = sender or Sender(settings)
        self.dead_letter = dead_letter
        self.deliveries = 0

    def setup(self) -> None:
        """Create the claims and audit indices (idempotent)."""
        self.claims.ensure_index()
        ensure_alerts_index(self.es, self.settings.alerts_index)

    # -- items --------------------------------------------------------------------------
    def handle(self, item_type: str, item: dict[str, Any]) -> list[Outcome]:
        """Run every enabled rule ``on: item_type`` over ``item`` and act on the matches."""
        outcomes = []
        types = field_types(item_type)
        doc = as_indexed(item_type, item)
        for rule in self.rules.for_type(item_type):
            if matches(rule.node, doc, types):
                outcomes.append(self.fire(rule, item_type, item))
        return outcomes

    def fire(self, rule: Rule, item_type: str, item: dict[str, Any]) -> Outcome:
        item_id = str(item.get("id"))
        claim = self.claims.acquire(rule.name, item_id, item_type)
        if claim is None:
            log.info("alert_already_handled", rule=rule.name, item_id=item_id)
            return Outcome(rule.name, item_id, "duplicate")
        key = key_of(rule, item)
        common = {
            "rule": rule.name,
            "item_id": item_id,
            "item_type": item_type,
            "claim_id": claim.id,
            "key": key,
        }
        ckey = content_key(item_type, item)
        window = rule.window
        if window and ckey and not self.claims.take_window(f"dedupe|{rule.name}|{ckey}", window, claim.id):
            self.audit.record("deduplicated", **common)
            self.claims.finish(claim, "suppressed", "same content already alerted in this window")
            return Outcome(rule.name, item_id, "deduplicated")
        if rule.digest:
            self.digests.enqueue(rule.name, key, item_type, item, rule.digest, claim.id)
            self.audit.record("digested", **common)
            self.claims.finish(claim, "digested")
            return Outcome(rule.name, item_id, "digested")
        if rule.throttle and not self.claims.take_window(
            f"throttle|{rule.name}|{key}", rule.throttle, claim.id
        ):
            self.audit.record("throttled", **common)
            self.claims.finish(claim, "suppressed", f"throttled: one alert per {rule.throttle} and key")
            return Outcome(rule.name, item_id, "throttled")
        view = self.view(rule, item_type, item)
        status = self.deliver(rule, item_type, [view], claim, common)
        return Outcome(rule.name, item_id, status)

    def view(self, rule: Rule, item_type: str, item: dict[str, Any]) -> AlertView:
        return build_view(rule.name, item_type, item, self.settings.kibana_url, self.settings.es_index_prefix)

    # -- delivery -----------------------------------------------------------------------
    def deliver(
        self, rule: Rule, item_type: str, views: list[AlertView], claim: Claim, common: dict[str, Any]
    ) -> str:
        """Send ``views`` to every destination of ``rule``; finish the claim; return the status."""
        delivered_any, failures = False, []
        for name in rule.notify:
            if name in claim.done:
                delivered_any = True
                continue
            dest = self.rules.destinations.get(name)
            if dest is None:  # the rules changed under us; validation keeps this from happening
                failures.append(f"{name}: destination no longer configured")
                continue
            payload = render(dest.type, views)
            extra = {
                "destination": name,
                "destination_type": dest.type,
                "headline": views[0].headline,
                "article_url": views[0].article_url,
                "digest_size": len(views) if len(views) > 1 else None,
            }

            def on_attempt(a: Attempt, extra: dict[str, Any] = extra) -> None:
                self.audit.record(
                    a.status,
                    attempt=a.attempt,
                    http_status=a.http_status,
                    error=a.error,
                    duration_ms=round(a.duration_ms, 1),
                    wait_s=a.wait_s,
                    **common,
                    **extra,
                )

            result = self.sender.send(
                name, dest, payload, f"{claim.id}:{name}", on_attempt, lambda: self.claims.renew(claim)
            )
            if result.delivered:
                delivered_any = True
                self.claims.mark_done(claim, name)
                log.info("alert_delivered", rule=rule.name, destination=name, item_id=claim.item_id)
            else:
                reason = result.reason or "unknown"
                failures.append(f"{name}: {reason}")
                self.audit.record("dead", error=reason, attempt=len(result.attempts), **common, **extra)
                if self.dead_letter is not None:
                    item = views[0].item if len(views) == 1 else {"digest": [v.item for v in views]}
                    self.dead_letter(rule, item_type, item, name, reason)
                log.error("alert_dead_lettered", rule=rule.name, destination=name, reason=reason)
        status = "delivered" if delivered_any else "dead"
        self.claims.finish(claim, status, "; ".join(failures) or None)
        self.deliveries += 1
        return status

    def flush_digests(self) -> list[Outcome]:
        """Send every digest whose window has ended."""
        outcomes = []
        for batch in self.digests.due():
            outcomes.append(self._flush(batch))
        return outcomes

    def _flush(self, batch: DigestBatch) -> Outcome:
        rule = next((r for r in self.rules.rules if r.name == batch.rule), None)
        claim = self.claims.acquire(batch.rule, batch.item_id, batch.item_type)
        if claim is None or rule is None:
            if rule is None:
                log.warning("digest_rule_gone", rule=batch.rule, items=len(batch.items))
            self.digests.mark_sent(batch)
            return Outcome(batch.rule, batch.item_id, "duplicate")
        views = [self.view(rule, batch.item_type, item) for item in batch.items]
        common = {
            "rule": rule.name,
            "item_id": batch.item_id,
            "item_type": batch.item_type,
            "claim_id": claim.id,
        }
        status = self.deliver(rule, batch.item_type, views, claim, common | {"key": batch.key})
        self.digests.mark_sent(batch)
        return Outcome(rule.name, batch.item_id, status)

    def prune(self) -> list[PruneReport]:
        """Apply the claims and audit retentions (``newsmon_alerter.retention``)."""
        return prune_alerter_indices(
            self.es,
            self.settings.claims_index,
            self.settings.alerts_index,
            self.settings.alerter_claims_retention_days,
            self.settings.alerter_audit_retention_days,
        )

    def close(self) -> None:
        self.sender.close()


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
