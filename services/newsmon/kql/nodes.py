"""The KQL syntax tree: small frozen dataclasses, shared by the evaluator and the ES translator.

Query nodes (:data:`Node`) combine with :class:`And`, :class:`Or`, :class:`Not`. A
``field:value`` comparison is a :class:`Match` whose value side is itself a little tree of
:class:`Value`, :class:`ValueAnd`, :class:`ValueOr`, :class:`ValueNot` (``field:(a or b)``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Value:
    """A literal. ``segments`` are the pieces between unescaped ``*`` wildcards.

    ``guar*`` is ``("guar", "")``; ``"a*b"`` (quoted) is ``("a*b",)`` with ``quoted=True``.
    """

    segments: tuple[str, ...]
    quoted: bool = False

    @property
    def is_wildcard(self) -> bool:
        return len(self.segments) > 1

    @property
    def text(self) -> str:
        """The literal text, with ``*`` where wildcards were."""
        return "*".join(self.segments)


@dataclass(frozen=True)
class ValueAnd:
    items: tuple[ValueExpr, ...]


@dataclass(frozen=True)
class ValueOr:
    items: tuple[ValueExpr, ...]


@dataclass(frozen=True)
class ValueNot:
    item: ValueExpr


ValueExpr = Value | ValueAnd | ValueOr | ValueNot


@dataclass(frozen=True)
class Match:
    """``field:value``; ``field`` is ``None`` for a bare term (free text over default fields)."""

    field: str | None
    value: ValueExpr


@dataclass(frozen=True)
class Exists:
    """``field:*``."""

    field: str


RangeOp = Literal["lt", "lte", "gt", "gte"]


@dataclass(frozen=True)
class Range:
    """``field >= value`` and friends."""

    field: str
    op: RangeOp
    value: str


@dataclass(frozen=True)
class Nested:
    """``path:{ query }``: the inner query's fields are relative to ``path``."""

    path: str
    query: Node


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    item: Node


@dataclass(frozen=True)
class MatchAll:
    """The empty query (Kibana treats an empty search bar as "everything")."""


Node = Match | Exists | Range | Nested | And | Or | Not | MatchAll
