"""``newsmon alerts list`` (recent deliveries and decisions) and ``newsmon alerts prune`` (retention)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from newsmon_alerter.settings import AlerterSettings


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="newsmon alerts", description="Show recent alert deliveries.")
    sub = parser.add_subparsers(dest="command", required=True)
    ls = sub.add_parser("list", help="recent attempts and decisions, newest first")
    ls.add_argument("--rule")
    ls.add_argument("--status", help="delivered, retry, failed, dead, throttled, deduplicated, digested")
    ls.add_argument("--since", default="1d", help="ES date math, e.g. 1h, 7d")
    ls.add_argument("--limit", type=int, default=20)
    ls.add_argument("--json", action="store_true", help="one JSON document per line")
    pr = sub.add_parser("prune", help="delete old finished claims and old audit records now")
    pr.add_argument("--claims-days", type=float, help="default NEWSMON_ALERTER_CLAIMS_RETENTION_DAYS")
    pr.add_argument("--audit-days", type=float, help="default NEWSMON_ALERTER_AUDIT_RETENTION_DAYS")
    args = parser.parse_args(argv)

    from elasticsearch import Elasticsearch, NotFoundError

    settings = AlerterSettings()
    es = Elasticsearch(**settings.client_kwargs())
    if args.command == "prune":
        return _prune(es, settings, args.claims_days, args.audit_days)
    filters: list[dict[str, Any]] = [{"range": {"@timestamp": {"gte": f"now-{args.since}"}}}]
    if args.rule:
        filters.append({"term": {"rule": args.rule}})
    if args.status:
        filters.append({"term": {"status": args.status}})
    try:
        resp = es.search(
            index=settings.alerts_index,
            query={"bool": {"filter": filters}},
            sort=[{"@timestamp": "desc"}],
            size=args.limit,
        )
    except NotFoundError:
        print(f"no audit index {settings.alerts_index} yet (no alert has been processed)", file=sys.stderr)
        return 1
    rows = [h["_source"] for h in resp["hits"]["hits"]]
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return 0
    if not rows:
        print("no alerts in this period")
        return 0
    header = ("time", "status", "rule", "destination", "try", "http", "item", "detail")
    table = [
        (
            r.get("@timestamp", "")[:19],
            r.get("status", ""),
            r.get("rule", ""),
            r.get("destination", "-"),
            str(r.get("attempt", "")),
            str(r.get("http_status", "")),
            r.get("item_id", "")[:24],
            (r.get("error") or r.get("headline") or "")[:60],
        )
        for r in rows
    ]
    widths = [max(len(str(x)) for x in col) for col in zip(header, *table, strict=False)]
    for row in (header, *table):
        print("  ".join(str(x).ljust(w) for x, w in zip(row, widths, strict=False)).rstrip())
    return 0


def _prune(es: Any, settings: AlerterSettings, claims_days: float | None, audit_days: float | None) -> int:
    from newsmon_alerter.retention import prune_alerter_indices

    claims = settings.alerter_claims_retention_days if claims_days is None else claims_days
    audit = settings.alerter_audit_retention_days if audit_days is None else audit_days
    if claims < 0 or audit < 0:
        print("newsmon alerts prune: a retention is a number of days, 0 or more", file=sys.stderr)
        return 2
    more = True
    while more:  # the service prunes a slice per run; asked by hand, go through the whole backlog
        reports = prune_alerter_indices(es, settings.claims_index, settings.alerts_index, claims, audit)
        for r in reports:
            print(
                f"{r.index}: deleted {r.deleted} older than {r.cutoff}; kept {r.conflicts} changed meanwhile"
            )
        more = any(r.more for r in reports)
    if not claims and not audit:
        print("both retentions are 0: nothing is pruned")
    return 0
