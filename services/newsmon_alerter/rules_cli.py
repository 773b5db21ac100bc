"""``newsmon rules validate`` and ``newsmon rules test NAME [--since 7d]``.

``test`` runs the rule's query over what is indexed (the same KQL translation the search
uses), checks that the in-stream matcher agrees on every hit, and lists near misses: items
that satisfy every top-level ``and`` clause but one, with the clause that failed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from newsmon.errors import ConfigError
from newsmon.kql import matches, to_es_query
from newsmon.kql.nodes import And
from newsmon.kql.unparse import to_kql
from newsmon_alerter.rules import RulesFile, format_duration, load_rules, rules_path
from newsmon_alerter.service import field_types
from newsmon_alerter.settings import AlerterSettings

TIME_FIELD = "published"


def _load(path: str | None, settings: AlerterSettings) -> tuple[Path, RulesFile]:
    p = Path(path) if path else rules_path(settings.config_dir)
    return p, load_rules(p)


def validate(args: argparse.Namespace, settings: AlerterSettings) -> int:
    path, rules = _load(args.file, settings)
    print(f"{path}: OK, {len(rules.rules)} rule(s), {len(rules.destinations)} destination(s)")
    for r in rules.rules:
        extras = [f"throttle={format_duration(r.throttle)}"] if r.throttle else []
        extras += [f"key={r.key}"] if r.key else []
        extras += [f"digest={format_duration(r.digest)}"] if r.digest else []
        state = "" if r.enabled else " (disabled)"
        targets = ", ".join(r.notify)
        print(f"  rule {r.name}{state}: on {r.on}, query {r.query!r} -> {targets} {' '.join(extras)}")
    for name, d in rules.destinations.items():
        signed = ", signed" if d.secret else ""
        print(f"  destination {name}: {d.type}{signed}")  # never the URL: it is a secret
    return 0


def _summary(item_type: str, src: dict[str, Any]) -> str:
    if item_type == "quotes":
        return f"{src.get('speaker') or '?'}: “{(src.get('text') or '')[:100]}”"
    if item_type == "meetings":
        names = ", ".join(p.get("name", "?") for p in src.get("participants") or [])
        place = (src.get("location") or {}).get("name", "?")
        return f"{names} @ {place} {src.get('date') or ''} {src.get('status') or ''}"
    return str(src.get("title") or "")[:120]


def test(args: argparse.Namespace, settings: AlerterSettings) -> int:
    from elasticsearch import Elasticsearch

    _, rules = _load(args.file, settings)
    rule = rules.rule(args.name)
    types = field_types(rule.on)
    index = args.index or f"{settings.es_index_prefix}-{rule.on}"
    es = Elasticsearch(**settings.client_kwargs())
    since = [{"range": {TIME_FIELD: {"gte": f"now-{args.since}"}}}] if args.since else []

    def search(query: dict[str, Any], size: int) -> list[dict[str, Any]]:
        body = {"bool": {"filter": [query, *since]}}
        resp = es.search(
            index=index,
            query=body,
            size=size,
            sort=[{TIME_FIELD: {"order": "desc", "unmapped_type": "date"}}],
        )
        return list(resp["hits"]["hits"])

    hits = search(to_es_query(rule.node, types), args.limit)
    print(f"rule {rule.name}: {rule.query!r} on {index}" + (f" since {args.since}" if args.since else ""))
    print(f"{len(hits)} match(es) (showing up to {args.limit}):")
    disagree = 0
    for h in hits:
        ok = matches(rule.node, h["_source"], types)
        disagree += not ok
        mark = "✓" if ok else "✗ (in-stream matcher disagrees)"
        print(f"  {mark} {h['_id']}  {_summary(rule.on, h['_source'])}")
    clauses = list(rule.node.items) if isinstance(rule.node, And) else []
    if len(clauses) > 1:
        seen = {h["_id"] for h in hits}
        near: dict[str, tuple[dict[str, Any], str]] = {}
        for i, clause in enumerate(clauses):
            others = And(tuple(c for j, c in enumerate(clauses) if j != i))
            for h in search(to_es_query(others, types), args.near * 4):
                if h["_id"] not in seen and h["_id"] not in near:
                    near[h["_id"]] = (h, to_kql(clause))
        print(f"{len(near)} near miss(es) (all clauses but one):")
        for doc_id, (h, failed) in list(near.items())[: args.near]:
            print(f"  {doc_id}  {_summary(rule.on, h['_source'])}\n      fails: {failed}")
    return 1 if disagree else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="newsmon rules", description="Validate and test alert rules.")
    parser.add_argument("--file", help="rules file (default: $NEWSMON_CONFIG_DIR/rules.yaml)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="check rules.yaml (syntax, KQL, destinations, environment)")
    t = sub.add_parser("test", help="run a rule over what is indexed; show matches and near misses")
    t.add_argument("name")
    t.add_argument(
        "--since",
        default="7d",
        help="look back this far on `published` (ES date math, e.g. 7d, 12h; '' = all)",
    )
    t.add_argument("--limit", type=int, default=20)
    t.add_argument("--near", type=int, default=5, help="near misses to show")
    t.add_argument("--index", help="index or alias to search (default {prefix}-{on})")
    args = parser.parse_args(argv)
    settings = AlerterSettings()
    try:
        return validate(args, settings) if args.command == "validate" else test(args, settings)
    except ConfigError as exc:
        print(f"newsmon rules: {exc}", file=sys.stderr)
        return 1
