"""Every field a saved object uses exists, with a compatible type, in the repo's templates."""

from __future__ import annotations

import copy
import json

from newsmon.kibana import load_objects
from newsmon.kibana_objects import check_fields, field_references, template_field_types
from newsmon.settings import REPO_ROOT

OBJECTS = load_objects(REPO_ROOT / "config" / "kibana")
TYPES = template_field_types()


def test_every_field_reference_is_mapped_with_a_compatible_type():
    assert check_fields(OBJECTS, TYPES) == []


def test_references_cover_every_kind_of_use():
    uses = {(r.object_id, r.use) for r in field_references(OBJECTS)}
    # each data view's time field, each saved search's query and sort, the charts and the map
    for view in ("newsmon-articles", "newsmon-quotes", "newsmon-meetings", "newsmon-alerts"):
        assert (view, "time") in uses
    for search in (
        "newsmon-quotes-by-speaker",
        "newsmon-upcoming-meetings",
        "newsmon-cancelled-postponed-meetings",
        "newsmon-alerts-sent",
    ):
        assert (search, "query") in uses and (search, "sort") in uses
    assert ("newsmon-quotes-over-time", "date_histogram") in uses
    assert ("newsmon-top-speakers", "terms") in uses
    assert ("newsmon-alerts-per-rule", "terms") in uses
    assert ("newsmon-meetings-map", "geo") in uses


def _with(obj_id: str, change) -> list[dict]:
    objects = copy.deepcopy(OBJECTS)
    change(next(o for o in objects if o["id"] == obj_id))
    return objects


def test_checker_catches_a_misspelt_query_field():
    def edit(obj):
        source = json.loads(obj["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"])
        source["query"]["query"] = "speakr:*"
        obj["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"] = json.dumps(source)

    assert check_fields(_with("newsmon-quotes-by-speaker", edit), TYPES) == [
        "newsmon-quotes-by-speaker: query field 'speakr' is not in newsmon-quotes"
    ]


def test_checker_catches_incompatible_types():
    def terms_on_text(obj):
        layer = obj["attributes"]["state"]["datasourceStates"]["formBased"]["layers"]["layer1"]
        layer["columns"]["speaker"]["sourceField"] = "text"  # full text: not aggregatable

    problems = check_fields(_with("newsmon-top-speakers", terms_on_text), TYPES)
    assert problems == [
        "newsmon-top-speakers: terms field 'text' is text in newsmon-quotes, "
        "needs one of ['boolean', 'byte', 'constant_keyword', 'date', 'date_nanos', "
        "'double', 'float', 'half_float', 'integer', 'ip', 'keyword', 'long', "
        "'scaled_float', 'short']"
    ]

    def time_on_keyword(obj):
        obj["attributes"]["timeFieldName"] = "status"

    problems = check_fields(_with("newsmon-meetings", time_on_keyword), TYPES)
    assert problems == [
        "newsmon-meetings: time field 'status' is keyword in newsmon-meetings, "
        "needs one of ['date', 'date_nanos']"
    ]

    def map_on_floats(obj):
        layers = json.loads(obj["attributes"]["layerListJSON"])
        layers[1]["sourceDescriptor"]["geoField"] = "location.lat"
        obj["attributes"]["layerListJSON"] = json.dumps(layers)

    problems = check_fields(_with("newsmon-meetings-map", map_on_floats), TYPES)
    assert problems == [
        "newsmon-meetings-map: geo field 'location.lat' is float in newsmon-meetings, "
        "needs one of ['geo_point', 'geo_shape']"
    ]


def test_alerts_per_rule_counts_delivered_alerts_only():
    refs = {(r.field, r.use) for r in field_references(OBJECTS) if r.object_id == "newsmon-alerts-per-rule"}
    assert refs == {("rule", "terms"), ("status", "query")}
