"""Field types: how a field is compared depends on its Elasticsearch mapping type.

``field_types`` everywhere is a flat ``{"dotted.path": "es type"}`` dict, as produced by
:func:`field_types_from_mapping` from an index template or ``GET index/_mapping``; multi-fields
appear as ``speaker.keyword``. Types are grouped into the kinds the matcher understands.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

Kind = Literal["text", "keyword", "date", "number", "boolean", "nested", "object", "other"]

_KINDS: dict[str, Kind] = {
    "text": "text",
    "match_only_text": "text",
    "keyword": "keyword",
    "constant_keyword": "keyword",
    "wildcard": "keyword",
    "date": "date",
    "date_nanos": "date",
    "boolean": "boolean",
    "nested": "nested",
    "object": "object",
    "flattened": "other",
}
for _t in (
    "long",
    "integer",
    "short",
    "byte",
    "double",
    "float",
    "half_float",
    "scaled_float",
    "unsigned_long",
):
    _KINDS[_t] = "number"


def kind_of(es_type: str | None) -> Kind:
    """The comparison kind of an Elasticsearch field type (``other`` when unsupported)."""
    return _KINDS.get(es_type or "", "other")


def field_types_from_mapping(mapping: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """Flatten ``{"properties": {...}}`` (or a full ``mappings`` body) to ``{path: type}``."""
    props = mapping.get("mappings", mapping).get("properties", {})
    out: dict[str, str] = {}
    for name, spec in props.items():
        path = f"{prefix}{name}"
        es_type = spec.get("type", "object" if "properties" in spec else "object")
        out[path] = es_type
        if "properties" in spec:
            out.update(field_types_from_mapping(spec, prefix=f"{path}."))
        for sub, sub_spec in spec.get("fields", {}).items():
            out[f"{path}.{sub}"] = sub_spec.get("type", "keyword")
    return out


def nested_paths(field_types: Mapping[str, str]) -> list[str]:
    return [p for p, t in field_types.items() if t == "nested"]


def default_fields(field_types: Mapping[str, str], scope: str = "") -> list[str]:
    """Text and keyword fields searched by a bare term, inside ``scope`` (a nested path or "").

    Fields inside a nested path below the scope are left out: a top-level query cannot see
    nested documents in Elasticsearch either.
    """
    nested = [p for p in nested_paths(field_types) if p != scope.rstrip(".")]
    out = []
    for path, es_type in field_types.items():
        if not path.startswith(scope) or kind_of(es_type) not in ("text", "keyword"):
            continue
        if any(path.startswith(n + ".") and n.startswith(scope) for n in nested):
            continue
        out.append(path)
    return sorted(out)


def is_multi_field(field_types: Mapping[str, str], path: str) -> bool:
    """True for ``speaker.keyword``-style sub-fields, whose values come from the parent."""
    parent, _, _ = path.rpartition(".")
    return bool(parent) and kind_of(field_types.get(parent)) not in ("object", "nested", "other")
