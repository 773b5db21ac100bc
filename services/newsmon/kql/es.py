"""Translate a KQL tree to Elasticsearch query DSL, with the semantics of :mod:`.evaluate`.

Per field kind (from ``field_types``, see :mod:`newsmon.kql.fields`):

===========  ===================================  ======================================
kind         value / "phrase"                     wildcard
===========  ===================================  ======================================
keyword      ``term``                             ``wildcard`` (case-sensitive)
text         ``match`` / ``match_phrase``         ``wildcard`` per whitespace piece, lowercased
date         ``range`` gte/lte (whole period)     never matches
number/bool  ``term`` (``match_none`` if invalid) never matches
===========  ===================================  ======================================

Bare terms become a ``bool.should`` over the default fields (all text and keyword fields
outside nested paths). Without ``field_types`` the translation falls back to what Kibana
sends (``match``/``match_phrase`` lenient, ``multi_match`` over ``*``), which ES interprets by
its own mapping.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newsmon.kql.analysis import parse_date
from newsmon.kql.fields import Kind, default_fields, kind_of
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
from newsmon.kql.values import es_wildcard, split_pieces

Query = dict[str, Any]
_NONE: Query = {"match_none": {}}


def _or(queries: list[Query]) -> Query:
    if len(queries) == 1:
        return queries[0]
    return {"bool": {"should": queries, "minimum_should_match": 1}}


def _value_query(field: str, kind: Kind | None, v: Value) -> Query:
    if kind is None:  # unknown mapping: let Elasticsearch decide, as Kibana does
        if v.is_wildcard:
            return {"wildcard": {field: {"value": es_wildcard(v.segments)}}}
        key = "match_phrase" if v.quoted else "match"
        return {key: {field: {"query": v.text, "lenient": True}} if key == "match" else {field: v.text}}
    if kind == "keyword":
        if v.is_wildcard:
            return {"wildcard": {field: {"value": es_wildcard(v.segments)}}}
        return {"term": {field: {"value": v.text}}}
    if kind == "text":
        if v.quoted:
            return {"match_phrase": {field: v.text}}
        if not v.is_wildcard:
            return {"match": {field: {"query": v.text, "operator": "or"}}}
        should: list[Query] = []
        for piece in split_pieces(v.segments):
            if len(piece) > 1:
                pattern = es_wildcard(tuple(s.lower() for s in piece))
                should.append({"wildcard": {field: {"value": pattern}}})
            else:
                should.append({"match": {field: {"query": piece[0]}}})
        return _or(should) if should else _NONE
    if v.is_wildcard:
        return _NONE
    if kind == "date":
        if parse_date(v.text) is None or parse_date(v.text, round_up=True) is None:
            return _NONE
        return {"range": {field: {"gte": v.text, "lte": v.text}}}
    if kind == "number":
        try:
            float(v.text)
        except ValueError:
            return _NONE
        return {"term": {field: {"value": v.text}}}
    if kind == "boolean":
        return {"term": {field: {"value": v.text}}} if v.text in ("true", "false") else _NONE
    return _NONE


def _value_expr(field: str, kind: Kind | None, expr: ValueExpr) -> Query:
    if isinstance(expr, Value):
        return _value_query(field, kind, expr)
    if isinstance(expr, ValueAnd):
        return {"bool": {"filter": [_value_expr(field, kind, e) for e in expr.items]}}
    if isinstance(expr, ValueOr):
        return _or([_value_expr(field, kind, e) for e in expr.items])
    return {"bool": {"must_not": [_value_expr(field, kind, expr.item)]}}


class _Translator:
    def __init__(self, types: Mapping[str, str] | None, defaults: list[str] | None) -> None:
        self.types = types
        self.defaults = defaults

    def kind(self, field: str) -> Kind | None:
        return None if self.types is None else kind_of(self.types.get(field))

    def __call__(self, node: Node, scope: str = "") -> Query:
        if isinstance(node, MatchAll):
            return {"match_all": {}}
        if isinstance(node, And):
            return {"bool": {"filter": [self(n, scope) for n in node.items]}}
        if isinstance(node, Or):
            return _or([self(n, scope) for n in node.items])
        if isinstance(node, Not):
            return {"bool": {"must_not": [self(node.item, scope)]}}
        if isinstance(node, Exists):
            return {"exists": {"field": scope + node.field}}
        if isinstance(node, Range):
            return self.range(scope + node.field, node)
        if isinstance(node, Match):
            return self.match(node, scope)
        return self.nested(node, scope)

    def range(self, field: str, node: Range) -> Query:
        kind = self.kind(field)
        if kind == "date" and parse_date(node.value, node.op in ("lte", "gt")) is None:
            return _NONE
        if kind == "number":
            try:
                float(node.value)
            except ValueError:
                return _NONE
        if kind in ("nested", "object", "other", "boolean"):
            return _NONE
        return {"range": {field: {node.op: node.value}}}

    def match(self, node: Match, scope: str) -> Query:
        if node.field is not None:
            field = scope + node.field
            return _value_expr(field, self.kind(field), node.value)
        if self.defaults is None and self.types is None:
            return self._multi_match(node.value)
        fields = self.defaults if self.defaults is not None and not scope else None
        if fields is None:
            fields = default_fields(self.types or {}, scope)
        return _or([_value_expr(f, self.kind(f), node.value) for f in fields]) if fields else _NONE

    def _multi_match(self, expr: ValueExpr) -> Query:
        if isinstance(expr, Value):
            if expr.is_wildcard:
                return {"query_string": {"query": es_wildcard(expr.segments), "fields": ["*"]}}
            kind = "phrase" if expr.quoted else "best_fields"
            return {"multi_match": {"query": expr.text, "type": kind, "lenient": True, "fields": ["*"]}}
        if isinstance(expr, ValueAnd):
            return {"bool": {"filter": [self._multi_match(e) for e in expr.items]}}
        if isinstance(expr, ValueOr):
            return _or([self._multi_match(e) for e in expr.items])
        return {"bool": {"must_not": [self._multi_match(expr.item)]}}

    def nested(self, node: Nested, scope: str) -> Query:
        path = scope + node.path
        inner = self(node.query, path + ".")
        if self.types is not None and self.types.get(path) == "nested":
            return {"nested": {"path": path, "query": inner}}
        return inner


def to_es_query(
    node: Node, field_types: Mapping[str, str] | None = None, default_fields: list[str] | None = None
) -> dict[str, Any]:
    """The Elasticsearch query (the value of a search body's ``query``) for ``node``.

    Pass the index's ``field_types`` (and the same ``default_fields`` as to
    :func:`newsmon.kql.matches`) to get exactly the selection ``matches`` computes.
    """
    return _Translator(field_types, default_fields)(node)
