"""``newsmon search``: Kibana's query language over quotes, meetings or articles, from the terminal.

    newsmon search quotes 'speaker:"Ryabkov" and text:guarantees' --since 7d
    newsmon search meetings --status scheduled,proposed 'location.name:Geneva'
    newsmon search articles 'title:ceasefire' --json | jq -r .url

The query is parsed by :mod:`newsmon.kql` and translated with the index template's field types,
so it selects what Kibana (and an alert rule with the same query) selects. Results are newest
first; ``--page N`` walks the first 10,000 hits, ``--after CURSOR`` (printed under each page,
and as ``_cursor`` on every JSON line) walks any number with ``search_after``.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import json
import os
import re
import sys
from dataclasses import dataclass
from typing import Any

from newsmon.errors import ConfigError
from newsmon.es import IndexNames, load_template, make_client
from newsmon.kql import field_types_from_mapping, parse, to_es_query
from newsmon.kql.analysis import parse_date
from newsmon.search_output import print_json, print_table
from newsmon.settings import ElasticsearchSettings

MAX_WINDOW = 10_000  # index.max_result_window: from + size beyond it is refused


@dataclass(frozen=True)
class Kind:
    """How one data set is searched: its time field, tie-breaker and filter fields."""

    name: str
    time_field: str
    tiebreak: str  # a unique keyword field: _id cannot be sorted on in ES 8+
    person_field: str  # full-text sub-field --speaker matches as a phrase
    outlet_field: str


KINDS: dict[str, Kind] = {
    "quotes": Kind("quotes", "published", "id", "speaker.text", "outlet.text"),
    # a meeting's time is when it was last in the news; its own date is `date` (use KQL)
    "meetings": Kind("meetings", "last_reported", "meeting_key", "participants.name.text", "outlets.text"),
    "articles": Kind("articles", "published", "id", "authors.text", "outlet.text"),
}

_RELATIVE = re.compile(r"^(\d+)([smhdwMy])$")


def date_bound(value: str, flag: str) -> str:
    """``7d`` -> ``now-7d``; an ISO date or date-time is kept; anything else is a ConfigError."""
    m = _RELATIVE.match(value.strip())
    if m:
        return f"now-{m.group(1)}{m.group(2)}"
    if parse_date(value) is None:
        raise ConfigError(f"{flag} {value!r}: expected a duration like 7d, 12h, 2w or a date like 2024-03-05")
    return value


def encode_cursor(sort_values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(sort_values).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> list[Any]:
    """The sort values of the hit a page continues after; ConfigError for a damaged cursor."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (binascii.Error, ValueError) as exc:
        raise ConfigError(f"--after {cursor!r} is not a cursor printed by newsmon search") from exc
    if not isinstance(values, list) or len(values) != 2:
        raise ConfigError(f"--after {cursor!r} is not a cursor printed by newsmon search")
    return values


def build_request(args: argparse.Namespace) -> dict[str, Any]:
    """The search body for the parsed arguments (no I/O: unit-testable)."""
    kind = KINDS[args.kind]
    field_types = field_types_from_mapping(load_template(kind.name)["mappings"])
    filters: list[dict[str, Any]] = []
    if args.query and args.query.strip():
        filters.append(to_es_query(parse(args.query), field_types))
    if args.since or args.until:
        bounds: dict[str, str] = {}
        if args.since:
            bounds["gte"] = date_bound(args.since, "--since")
        if args.until:
            bounds["lte"] = date_bound(args.until, "--until")
        filters.append({"range": {kind.time_field: bounds}})
    if args.speaker:
        if kind.name == "articles":
            raise ConfigError("--speaker applies to quotes (speaker) and meetings (participants)")
        filters.append({"match_phrase": {kind.person_field: args.speaker}})
    if args.outlet:
        filters.append({"match_phrase": {kind.outlet_field: args.outlet}})
    if args.status:
        if kind.name != "meetings":
            raise ConfigError("--status applies to meetings (scheduled, held, postponed, cancelled ...)")
        filters.append({"terms": {"status": [s.strip() for s in args.status.split(",") if s.strip()]}})
    if args.size < 1 or args.size > 1000:
        raise ConfigError("--size must be between 1 and 1000")
    body: dict[str, Any] = {
        "query": {"bool": {"filter": filters}} if filters else {"match_all": {}},
        "sort": [
            {kind.time_field: {"order": "desc", "missing": "_last"}},
            {kind.tiebreak: {"order": "asc"}},
        ],
        "size": args.size,
        "track_total_hits": True,
    }
    if args.after:
        body["search_after"] = decode_cursor(args.after)
    elif args.page > 1:
        start = (args.page - 1) * args.size
        if start + args.size > MAX_WINDOW:
            raise ConfigError(f"--page {args.page} is past the first {MAX_WINDOW} hits: use --after")
        body["from"] = start
    elif args.page < 1:
        raise ConfigError("--page starts at 1")
    return body


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="newsmon search",
        description="Search quotes, meetings or articles with KQL, newest first.",
    )
    p.add_argument("kind", nargs="?", choices=sorted(KINDS), default="quotes")
    p.add_argument("query", nargs="?", default="", help="KQL, e.g. 'speaker:\"Ryabkov\" and text:guar*'")
    p.add_argument("--speaker", help="quotes by / meetings with this person (phrase match)")
    p.add_argument("--outlet", help="only this outlet (phrase match)")
    p.add_argument("--status", help="meetings: comma-separated statuses, e.g. scheduled,proposed")
    p.add_argument("--since", help="7d, 12h, 2w ... or a date (2024-03-05)")
    p.add_argument("--until", help="same forms as --since")
    p.add_argument("--size", type=int, default=20, help="hits per page (default 20)")
    page = p.add_mutually_exclusive_group()
    page.add_argument("--page", type=int, default=1, help="page number (first 10,000 hits)")
    page.add_argument("--after", metavar="CURSOR", help="the page after the hit with this cursor")
    p.add_argument("--json", action="store_true", help="one JSON object per line, for scripts")
    p.add_argument("--es-url", help="Elasticsearch URL (NEWSMON_ES_URL)")
    return p


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    settings = ElasticsearchSettings(**({"es_url": args.es_url} if args.es_url else {}))
    try:
        body = build_request(args)
    except ConfigError as exc:  # KqlSyntaxError included: a bad query or a bad flag
        print(f"newsmon search: {exc}", file=sys.stderr)
        return 2
    index = IndexNames(settings.es_index_prefix).alias(args.kind)
    from elasticsearch import ApiError, NotFoundError, TransportError

    es = make_client(settings, request_timeout=15)
    try:
        response = es.search(index=index, **body)
    except NotFoundError:
        print(f"newsmon search: no index {index} at {settings.es_url}; run `newsmon setup`", file=sys.stderr)
        return 1
    except ApiError as exc:
        print(f"newsmon search: Elasticsearch refused the search on {index}: {exc}", file=sys.stderr)
        return 1
    except TransportError as exc:
        print(f"newsmon search: cannot reach Elasticsearch at {settings.es_url}: {exc}", file=sys.stderr)
        return 1
    finally:
        es.close()
    hits = response["hits"]["hits"]
    total = response["hits"]["total"]["value"]
    cursors = [encode_cursor(h["sort"]) for h in hits]
    try:
        if args.json:
            print_json(hits, cursors)
        else:
            shown = len(hits) + (0 if args.after else (args.page - 1) * args.size)
            more = len(hits) == args.size and (bool(args.after) or shown < total)
            page = None if args.after else args.page
            print_table(args.kind, hits, total, page, cursors[-1] if more and cursors else None)
        sys.stdout.flush()
    except BrokenPipeError:
        # `newsmon search ... | head`: the reader left; no traceback, and none at exit either
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # what a shell reports for a process ended by SIGPIPE
    return 0
