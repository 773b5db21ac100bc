"""In-stream evaluation of a KQL tree against one JSON document.

The semantics follow what Elasticsearch does with the query :func:`newsmon.kql.es.to_es_query`
builds for the same tree, on a document indexed with the same mapping:

* keyword fields: exact, case-sensitive; wildcards match the whole value;
* text fields: analysed (:func:`~newsmon.kql.analysis.analyze`); an unquoted value matches if
  any of its tokens occurs, a quoted one if its tokens occur consecutively in one value; a
  wildcard matches single tokens (case-insensitive);
* date fields: ``published:2022-01-11`` covers the whole day, ranges round like ES;
* numbers and booleans compare as such; nested fields evaluate ``path:{...}`` per element.

Without ``field_types`` a field's kind is guessed from the value, as ES dynamic mapping would
(strings are text, ISO dates are dates).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from newsmon.kql.analysis import analyze, parse_date, to_millis
from newsmon.kql.fields import Kind, default_fields, is_multi_field, kind_of, nested_paths
from newsmon.kql.nodes import (
    And,
    Exists,
    Match,
    MatchAll,
    Nested,
    Node,
    Not,
    Or,
    Range,
    Value,
    ValueAnd,
    ValueExpr,
    ValueOr,
)
from newsmon.kql.values import split_pieces, wildcard_regex

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-][\d:]+)?)?$")


def _walk(obj: Any, parts: list[str]) -> Iterable[Any]:
    if isinstance(obj, list):
        for item in obj:
            yield from _walk(item, parts)
        return
    if not parts:
        if obj is not None:
            yield obj
        return
    if not isinstance(obj, Mapping):
        return
    # documents may hold "a.b" as one key or as {"a": {"b": ...}}; ES treats both alike
    for k in range(len(parts), 0, -1):
        key = ".".join(parts[:k])
        if key in obj:
            yield from _walk(obj[key], parts[k:])


class _Scope:
    """A document plus the field types that apply to it (nested elements get their own)."""

    def __init__(
        self, doc: Mapping[str, Any], types: Mapping[str, str] | None, defaults: list[str] | None
    ) -> None:
        self.doc = doc
        self.types = types
        self.defaults = defaults

    def values(self, field: str) -> list[Any]:
        if self.types is not None and any(field.startswith(p + ".") for p in nested_paths(self.types)):
            return []  # nested documents are invisible to queries outside ``path:{...}`` in ES
        found = list(_walk(self.doc, field.split(".")))
        if found:
            return found
        multi = is_multi_field(self.types, field) if self.types else field.endswith(".keyword")
        if multi:
            return list(_walk(self.doc, field.rpartition(".")[0].split(".")))
        return []

    def kind(self, field: str, values: list[Any]) -> Kind:
        if self.types is not None and field in self.types:
            return kind_of(self.types[field])
        # unmapped field: ES maps it dynamically (strings as text + .keyword), so guess the same
        if field.endswith(".keyword"):
            return "keyword"
        sample = values[0] if values else None
        if isinstance(sample, bool):
            return "boolean"
        if isinstance(sample, int | float):
            return "number"
        if isinstance(sample, Mapping):
            return "object"
        if isinstance(sample, str) and _ISO.match(sample):
            return "date"
        return "text"

    def default_fields(self) -> list[str]:
        if self.defaults is not None:
            return self.defaults
        if self.types is not None:
            return default_fields(self.types)
        out: list[str] = []

        def collect(obj: Any, prefix: str) -> None:
            if isinstance(obj, list):
                for item in obj:
                    collect(item, prefix)
            elif isinstance(obj, Mapping):
                for k, v in obj.items():
                    collect(v, f"{prefix}{k}.")
            elif isinstance(obj, str) and prefix[:-1] not in out:
                out.append(prefix[:-1])

        collect(self.doc, "")
        return out


def _as_keyword(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _as_millis(value: Any) -> int | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value)
    parsed = parse_date(str(value)) if isinstance(value, str) else None
    return to_millis(parsed) if parsed else None


def _as_number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _match_value(kind: Kind, values: list[Any], v: Value, now: dt.datetime | None) -> bool:
    if kind == "keyword":
        strings = [_as_keyword(x) for x in values if not isinstance(x, Mapping | list)]
        if v.is_wildcard:
            rx = wildcard_regex(v.segments)
            return any(rx.fullmatch(s) for s in strings)
        return v.text in strings
    if kind == "text":
        token_lists = [analyze(x) for x in values if isinstance(x, str)]
        if v.quoted:
            phrase = analyze(v.text)
            n = len(phrase)
            return bool(phrase) and any(
                toks[i : i + n] == phrase for toks in token_lists for i in range(len(toks) - n + 1)
            )
        all_tokens = {t for toks in token_lists for t in toks}
        for piece in split_pieces(v.segments):
            if len(piece) > 1:
                rx = wildcard_regex(tuple(s.lower() for s in piece))
                if any(rx.fullmatch(t) for t in all_tokens):
                    return True
            elif any(t in all_tokens for t in analyze(piece[0])):
                return True
        return False
    if v.is_wildcard:
        return False
    if kind == "date":
        lo, hi = parse_date(v.text, False, now), parse_date(v.text, True, now)
        if lo is None or hi is None:
            return False
        lo_ms, hi_ms = to_millis(lo), to_millis(hi)
        return any(m is not None and lo_ms <= m <= hi_ms for m in map(_as_millis, values))
    if kind == "number":
        target = _as_number(v.text)
        return target is not None and any(_as_number(x) == target for x in values)
    if kind == "boolean":
        return v.text in ("true", "false") and any(_as_keyword(x) == v.text for x in values)
    return False


def _match_expr(kind: Kind, values: list[Any], expr: ValueExpr, now: dt.datetime | None) -> bool:
    if isinstance(expr, Value):
        return _match_value(kind, values, expr, now)
    if isinstance(expr, ValueAnd):
        return all(_match_expr(kind, values, e, now) for e in expr.items)
    if isinstance(expr, ValueOr):
        return any(_match_expr(kind, values, e, now) for e in expr.items)
    return not _match_expr(kind, values, expr.item, now)


def _compare(a: Any, op: str, b: Any) -> bool:
    if op == "lt":
        return bool(a < b)
    if op == "lte":
        return bool(a <= b)
    if op == "gt":
        return bool(a > b)
    return bool(a >= b)


def _range(kind: Kind, values: list[Any], node: Range, now: dt.datetime | None) -> bool:
    if kind == "date":
        bound = parse_date(node.value, node.op in ("lte", "gt"), now)
        if bound is None:
            return False
        b = to_millis(bound)
        return any(m is not None and _compare(m, node.op, b) for m in map(_as_millis, values))
    if kind == "number":
        nb = _as_number(node.value)
        return nb is not None and any(
            (x := _as_number(v)) is not None and _compare(x, node.op, nb) for v in values
        )
    if kind == "keyword":
        return any(_compare(_as_keyword(v), node.op, node.value) for v in values)
    if kind == "text":
        tokens = [t for v in values if isinstance(v, str) for t in analyze(v)]
        return any(_compare(t, node.op, node.value) for t in tokens)
    return False


def _eval(node: Node, scope: _Scope, now: dt.datetime | None) -> bool:
    if isinstance(node, MatchAll):
        return True
    if isinstance(node, And):
        return all(_eval(n, scope, now) for n in node.items)
    if isinstance(node, Or):
        return any(_eval(n, scope, now) for n in node.items)
    if isinstance(node, Not):
        return not _eval(node.item, scope, now)
    if isinstance(node, Exists):
        return bool(scope.values(node.field))
    if isinstance(node, Range):
        values = scope.values(node.field)
        return _range(scope.kind(node.field, values), values, node, now)
    if isinstance(node, Match):
        fields = [node.field] if node.field is not None else scope.default_fields()
        for field in fields:
            values = scope.values(field)
            if values and _match_expr(scope.kind(field, values), values, node.value, now):
                return True
        return False
    return _nested(node, scope, now)


def _nested(node: Nested, scope: _Scope, now: dt.datetime | None) -> bool:
    path = node.path
    is_nested = scope.types is not None and scope.types.get(path) == "nested"
    if not is_nested:
        # an object field: ES flattens it, so the inner fields are just longer paths
        inner = scope
        if scope.types is not None:
            inner = _Scope(scope.doc, scope.types, default_fields(scope.types, path + "."))
        return _eval(prefix_fields(node.query, path), inner, now)
    sub_types = {k[len(path) + 1 :]: t for k, t in (scope.types or {}).items() if k.startswith(path + ".")}
    for element in scope.values(path):
        if isinstance(element, Mapping) and _eval(node.query, _Scope(element, sub_types, None), now):
            return True
    return False


def prefix_fields(node: Node, path: str) -> Node:
    """``node`` with every field name prefixed by ``path.`` (object fields in ``path:{...}``)."""
    p = f"{path}."
    if isinstance(node, And):
        return And(tuple(prefix_fields(n, path) for n in node.items))
    if isinstance(node, Or):
        return Or(tuple(prefix_fields(n, path) for n in node.items))
    if isinstance(node, Not):
        return Not(prefix_fields(node.item, path))
    if isinstance(node, Exists):
        return Exists(p + node.field)
    if isinstance(node, Range):
        return Range(p + node.field, node.op, node.value)
    if isinstance(node, Nested):
        return Nested(p + node.path, node.query)
    if isinstance(node, Match) and node.field is not None:
        return Match(p + node.field, node.value)
    return node


def matches(
    node: Node,
    doc: Mapping[str, Any],
    field_types: Mapping[str, str] | None = None,
    default_fields: list[str] | None = None,
    now: dt.datetime | None = None,
) -> bool:
    """Whether ``doc`` (an item as indexed) is selected by the query ``node``.

    ``field_types`` (see :mod:`newsmon.kql.fields`) should be the index mapping so that the
    answer agrees with Elasticsearch; ``default_fields`` overrides the fields bare terms search.
    """
    return _eval(node, _Scope(doc, field_types, default_fields), now)
