"""What the Kibana saved objects refer to, checked against the index templates in the repo.

Kibana only complains about a misspelt field when someone opens the chart, so ``newsmon setup``
and the unit tests check every field reference up front: data view time fields, saved-search
queries (KQL), columns and sort, Lens columns, map layers. Each use needs a compatible mapping
type (a date histogram needs a ``date``, a terms chart or a sort needs an aggregatable field,
the map needs a ``geo_point``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from newsmon.kql import field_types_from_mapping, parse
from newsmon.kql.nodes import And, Exists, Match, MatchAll, Nested, Node, Not, Or, Range

_DATE = frozenset({"date", "date_nanos"})
_NUMBER = frozenset({"long", "integer", "short", "byte", "double", "float", "half_float", "scaled_float"})
# doc_values-backed types: what sorting and terms aggregations need (text is not aggregatable)
_AGGREGATABLE = frozenset({"keyword", "constant_keyword", "boolean", "ip"}) | _DATE | _NUMBER
_ANY = frozenset({"*"})

# use -> mapping types it accepts ("*" = any mapped leaf field)
COMPATIBLE: dict[str, frozenset[str]] = {
    "time": _DATE,
    "date_histogram": _DATE,
    "terms": _AGGREGATABLE,
    "sort": _AGGREGATABLE,
    "geo": frozenset({"geo_point", "geo_shape"}),
    "query": _ANY,
    "column": _ANY,
    "tooltip": _ANY,
    "format": _ANY,
    "style": _AGGREGATABLE,
}


@dataclass(frozen=True)
class FieldRef:
    """One field a saved object uses, on the data view (``index-pattern`` id) it reads."""

    object_id: str
    data_view: str
    field: str
    use: str


def kql_fields(node: Node, scope: str = "") -> Iterator[str]:
    """The field names a KQL query names (bare terms name none)."""
    if isinstance(node, Match):
        if node.field is not None:
            yield scope + node.field
    elif isinstance(node, Exists | Range):
        yield scope + node.field
    elif isinstance(node, Nested):
        yield from kql_fields(node.query, f"{scope}{node.path}.")
    elif isinstance(node, And | Or):
        for item in node.items:
            yield from kql_fields(item, scope)
    elif isinstance(node, Not):
        yield from kql_fields(node.item, scope)
    elif not isinstance(node, MatchAll):
        raise TypeError(f"unknown KQL node {node!r}")


def _refs(obj: dict[str, Any]) -> dict[str, str]:
    return {r["name"]: r["id"] for r in obj.get("references", []) if r.get("type") == "index-pattern"}


def search_source(obj: dict[str, Any]) -> dict[str, Any]:
    """The parsed ``kibanaSavedObjectMeta.searchSourceJSON`` of a saved object ({} if none)."""
    meta = obj["attributes"].get("kibanaSavedObjectMeta") or {}
    return json.loads(meta.get("searchSourceJSON") or "{}")  # type: ignore[no-any-return]


def _search_refs(obj: dict[str, Any]) -> Iterator[FieldRef]:
    source = search_source(obj)
    view = _refs(obj)[source["indexRefName"]]
    query = source.get("query", {}).get("query", "")
    for field in kql_fields(parse(query)):
        yield FieldRef(obj["id"], view, field, "query")
    for column in obj["attributes"].get("columns", []):
        yield FieldRef(obj["id"], view, column, "column")
    for field, _order in obj["attributes"].get("sort", []):
        yield FieldRef(obj["id"], view, field, "sort")


def _lens_refs(obj: dict[str, Any]) -> Iterator[FieldRef]:
    refs = _refs(obj)
    state = obj["attributes"]["state"]
    layers = state["datasourceStates"]["formBased"]["layers"]
    query = state.get("query") or {}
    for layer_id, layer in layers.items():
        view = refs[f"indexpattern-datasource-layer-{layer_id}"]
        if query.get("language") == "kuery":
            for field in kql_fields(parse(query.get("query", ""))):
                yield FieldRef(obj["id"], view, field, "query")
        for column in layer["columns"].values():
            op = column["operationType"]
            if op == "count":
                continue
            use = op if op in ("date_histogram", "terms") else "query"
            yield FieldRef(obj["id"], view, column["sourceField"], use)


def _map_refs(obj: dict[str, Any]) -> Iterator[FieldRef]:
    refs = _refs(obj)
    for layer in json.loads(obj["attributes"]["layerListJSON"]):
        source = layer.get("sourceDescriptor", {})
        if source.get("type") != "ES_SEARCH":
            continue
        view = refs[source["indexPatternRefName"]]
        yield FieldRef(obj["id"], view, source["geoField"], "geo")
        if source.get("sortField"):
            yield FieldRef(obj["id"], view, source["sortField"], "sort")
        for field in source.get("tooltipProperties", []):
            yield FieldRef(obj["id"], view, field, "tooltip")
        for prop in layer.get("style", {}).get("properties", {}).values():
            field = (prop.get("options") or {}).get("field")
            if prop.get("type") == "DYNAMIC" and field:
                yield FieldRef(obj["id"], view, field["name"], "style")


def field_references(objects: list[dict[str, Any]]) -> list[FieldRef]:
    """Every field reference in ``objects``, in file order."""
    out: list[FieldRef] = []
    for obj in objects:
        kind = obj["type"]
        if kind == "index-pattern":
            attrs = obj["attributes"]
            if attrs.get("timeFieldName"):
                out.append(FieldRef(obj["id"], obj["id"], attrs["timeFieldName"], "time"))
            for field in json.loads(attrs.get("fieldFormatMap") or "{}"):
                out.append(FieldRef(obj["id"], obj["id"], field, "format"))
        elif kind == "search":
            out.extend(_search_refs(obj))
        elif kind == "lens":
            out.extend(_lens_refs(obj))
        elif kind == "map":
            out.extend(_map_refs(obj))
    return out


def check_fields(objects: list[dict[str, Any]], field_types: Mapping[str, Mapping[str, str]]) -> list[str]:
    """Problems with the field references: unknown data view, unknown field, wrong type.

    ``field_types`` maps a data view id to its ``{field: es type}`` (see
    :func:`newsmon.kql.field_types_from_mapping`). An empty list means every reference is sound.
    """
    problems: list[str] = []
    for ref in field_references(objects):
        types = field_types.get(ref.data_view)
        if types is None:
            problems.append(f"{ref.object_id}: data view {ref.data_view!r} has no known mapping")
            continue
        es_type = types.get(ref.field)
        if es_type is None:
            problems.append(f"{ref.object_id}: {ref.use} field {ref.field!r} is not in {ref.data_view}")
            continue
        accepted = COMPATIBLE[ref.use]
        if accepted is not _ANY and es_type not in accepted:
            problems.append(
                f"{ref.object_id}: {ref.use} field {ref.field!r} is {es_type} in {ref.data_view}, "
                f"needs one of {sorted(accepted)}"
            )
    return problems


def template_field_types(prefix: str = "newsmon") -> dict[str, dict[str, str]]:
    """``{data view id: field types}`` from the index templates kept in the repo."""
    from newsmon.es import KINDS, load_template

    out = {f"{prefix}-{kind}": field_types_from_mapping(load_template(kind)["mappings"]) for kind in KINDS}
    # the audit index is the alerter's: one mapping, created by ensure_alerts_index
    from newsmon_alerter.audit import ALERTS_MAPPING

    out[f"{prefix}-alerts"] = field_types_from_mapping(ALERTS_MAPPING)
    return out


@dataclass(frozen=True)
class SavedSearchRequest:
    """A saved search as an Elasticsearch request: the same KQL, data view and sort as Discover."""

    title: str
    index: str  # the data view's title: the alias
    query: dict[str, Any]
    sort: list[dict[str, Any]]


def saved_search_requests(
    objects: list[dict[str, Any]], field_types: Mapping[str, Mapping[str, str]]
) -> list[SavedSearchRequest]:
    """Every saved search in ``objects``, its KQL translated by :func:`newsmon.kql.to_es_query`."""
    from newsmon.kql import to_es_query

    views = {o["id"]: o["attributes"]["title"] for o in objects if o["type"] == "index-pattern"}
    out = []
    for obj in objects:
        if obj["type"] != "search":
            continue
        source = search_source(obj)
        view = _refs(obj)[source["indexRefName"]]
        query = to_es_query(parse(source.get("query", {}).get("query", "")), field_types[view])
        sort = [{field: {"order": order}} for field, order in obj["attributes"].get("sort", [])]
        out.append(SavedSearchRequest(obj["attributes"]["title"], views[view], query, sort))
    return out
