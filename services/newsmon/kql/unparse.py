"""Turn a KQL tree back into query text (for explanations such as "which clause failed")."""

from __future__ import annotations

import re

from newsmon.kql.nodes import (
    And,
    Exists,
    MatchAll,
    Nested,
    Node,
    Not,
    Or,
    Range,
    Value,
    ValueAnd,
    ValueExpr,
    ValueNot,
    ValueOr,
)

_OPS = {"lt": "<", "lte": "<=", "gt": ">", "gte": ">="}
_NEEDS_ESCAPE = re.compile(r'([\\():<>"{}*])')


def _literal(text: str) -> str:
    return _NEEDS_ESCAPE.sub(r"\\\1", text)


def _value(v: ValueExpr) -> str:
    if isinstance(v, Value):
        if v.quoted:
            return '"' + v.segments[0].replace("\\", "\\\\").replace('"', '\\"') + '"'
        return "*".join(_literal(s) for s in v.segments)
    if isinstance(v, ValueAnd):
        return "(" + " and ".join(_value(i) for i in v.items) + ")"
    if isinstance(v, ValueOr):
        return "(" + " or ".join(_value(i) for i in v.items) + ")"
    return f"not {_value(v.item)}"


def to_kql(node: Node) -> str:
    """KQL text that parses back to an equal tree."""
    if isinstance(node, MatchAll):
        return "*"
    if isinstance(node, And):
        return " and ".join(_group(n) for n in node.items)
    if isinstance(node, Or):
        return " or ".join(_group(n) for n in node.items)
    if isinstance(node, Not):
        return f"not {_group(node.item)}"
    if isinstance(node, Exists):
        return f"{_literal(node.field)}:*"
    if isinstance(node, Range):
        return f'{_literal(node.field)} {_OPS[node.op]} "{node.value}"'
    if isinstance(node, Nested):
        return f"{_literal(node.path)}:{{ {to_kql(node.query)} }}"
    value = _value(node.value)
    if isinstance(node.value, ValueNot):
        value = f"({value})"
    return value if node.field is None else f"{_literal(node.field)}:{value}"


def _group(node: Node) -> str:
    return f"({to_kql(node)})" if isinstance(node, And | Or) else to_kql(node)
