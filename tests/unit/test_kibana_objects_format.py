"""config/kibana/*.ndjson follows the saved-objects export format of the compose Kibana.

What Kibana's import checks and what it would only find when someone opens an object:
every line a JSON object with type/id/attributes/references, migration versions Kibana can
migrate from (a version newer than the running Kibana is refused at import), references that
resolve inside the file, parseable embedded JSON (searchSourceJSON, panelsJSON, layerListJSON)
and KQL queries that parse.
"""

from __future__ import annotations

import json
import re

import pytest

from newsmon.kibana import load_objects
from newsmon.kibana_objects import search_source
from newsmon.kql import parse
from newsmon.settings import REPO_ROOT

KIBANA_DIR = REPO_ROOT / "config" / "kibana"
COMPOSE = REPO_ROOT / "docker-compose.yml"

# Saved objects exported from Kibana 8.8+ carry coreMigrationVersion 8.8.0. Per type, the
# typeMigrationVersion below is one that Kibana 8.17 and every later 8.x/9.x know (model
# versions count as 10.N.0); Kibana migrates older documents forward on import and refuses
# newer ones, so these are the safe choice for the compose Kibana (checked below).
CORE_MIGRATION_VERSION = "8.8.0"
TYPE_MIGRATION_VERSIONS = {
    "index-pattern": "8.0.0",
    "search": "10.5.0",
    "lens": "8.9.0",
    "map": "8.4.0",
    "dashboard": "10.2.0",
}
MIN_KIBANA = (8, 17)

OBJECTS = load_objects(KIBANA_DIR)
BY_KEY = {(o["type"], o["id"]): o for o in OBJECTS}


def _of_type(kind: str) -> list[dict]:
    return [o for o in OBJECTS if o["type"] == kind]


def test_every_line_is_a_saved_object():
    for path in KIBANA_DIR.glob("*.ndjson"):
        for line in path.read_text("utf-8").splitlines():
            obj = json.loads(line)
            assert set(obj) >= {"type", "id", "attributes", "references"}, obj.get("id")
            assert isinstance(obj["attributes"], dict) and isinstance(obj["references"], list)
            assert re.fullmatch(r"[a-z0-9-]+", obj["id"]), obj["id"]
    assert len(BY_KEY) == len(OBJECTS), "duplicate (type, id)"


def test_migration_versions():
    for obj in OBJECTS:
        assert obj["coreMigrationVersion"] == CORE_MIGRATION_VERSION, obj["id"]
        assert obj["typeMigrationVersion"] == TYPE_MIGRATION_VERSIONS[obj["type"]], obj["id"]
        assert "migrationVersion" not in obj  # the pre-8.8 field; mixing both confuses import


def test_compose_kibana_version_knows_these_migration_versions():
    if not COMPOSE.exists():
        pytest.skip("docker-compose.yml not written yet")
    match = re.search(r"docker\.elastic\.co/kibana/kibana:(\d+)\.(\d+)\.(\d+)", COMPOSE.read_text())
    assert match, "docker-compose.yml has no pinned Kibana image"
    assert tuple(int(x) for x in match.groups()[:2]) >= MIN_KIBANA


def test_references_resolve_inside_the_file():
    for obj in OBJECTS:
        names = [r["name"] for r in obj["references"]]
        assert len(names) == len(set(names)), obj["id"]
        for ref in obj["references"]:
            assert (ref["type"], ref["id"]) in BY_KEY, f"{obj['id']} -> {ref}"


def test_data_views():
    views = {o["id"]: o["attributes"] for o in _of_type("index-pattern")}
    # the alerter links to Discover with dataViewId={prefix}-{kind}: ids must stay these
    assert set(views) == {"newsmon-articles", "newsmon-quotes", "newsmon-meetings", "newsmon-alerts"}
    for view_id, attrs in views.items():
        assert attrs["title"] == view_id  # the alias name
        assert attrs["timeFieldName"]
        for key in ("fieldAttrs", "fieldFormatMap", "runtimeFieldMap", "sourceFilters"):
            json.loads(attrs[key])


def test_saved_searches():
    titles = {o["attributes"]["title"]: o for o in _of_type("search")}
    assert set(titles) == {
        "Quotes by speaker",
        "Upcoming meetings",
        "Cancelled or postponed meetings",
        "Alerts sent",
    }
    for obj in titles.values():
        source = search_source(obj)
        assert source["query"]["language"] == "kuery"
        parse(source["query"]["query"])  # raises on a KQL syntax error
        ref = next(r for r in obj["references"] if r["name"] == source["indexRefName"])
        assert ref["type"] == "index-pattern"
        assert obj["attributes"]["columns"]
        # opened from Discover, a saved search brings its own time range: the picker's default
        # (last 15 minutes) would hide what it is for
        assert obj["attributes"]["timeRestore"] is True
        assert re.fullmatch(r"now-\d+[dMy]", obj["attributes"]["timeRange"]["from"])
        assert obj["attributes"]["timeRange"]["to"] == "now"
        assert all(len(s) == 2 and s[1] in ("asc", "desc") for s in obj["attributes"]["sort"])


def test_lens_layers_reference_their_data_view_and_columns():
    assert {o["attributes"]["title"] for o in _of_type("lens")} == {
        "Quotes over time by speaker",
        "Top speakers",
        "Alerts per rule",
    }
    for obj in _of_type("lens"):
        state = obj["attributes"]["state"]
        layers = state["datasourceStates"]["formBased"]["layers"]
        ref_names = {r["name"] for r in obj["references"]}
        for layer_id, layer in layers.items():
            assert f"indexpattern-datasource-layer-{layer_id}" in ref_names
            assert set(layer["columnOrder"]) == set(layer["columns"])
        for vis_layer in state["visualization"]["layers"]:
            columns = layers[vis_layer["layerId"]]["columns"]
            used = [*vis_layer["accessors"], vis_layer.get("xAccessor"), vis_layer.get("splitAccessor")]
            assert all(c in columns for c in used if c), obj["id"]


def test_map_has_a_meetings_layer_on_a_geo_field():
    (obj,) = _of_type("map")
    layers = json.loads(obj["attributes"]["layerListJSON"])
    es_layers = [la for la in layers if la["sourceDescriptor"]["type"] == "ES_SEARCH"]
    assert len(es_layers) == 1 and es_layers[0]["sourceDescriptor"]["geoField"] == "location.point"
    ref_name = es_layers[0]["sourceDescriptor"]["indexPatternRefName"]
    assert {"name": ref_name, "type": "index-pattern", "id": "newsmon-meetings"} in obj["references"]
    json.loads(obj["attributes"]["mapStateJSON"])


def test_dashboard_panels_reference_objects_and_fit_the_grid():
    (dash,) = _of_type("dashboard")
    attrs = dash["attributes"]
    assert attrs["title"] == "News monitor"
    # Kibana 9's dashboard schema forbids unknown attributes
    assert set(attrs) <= {
        "title",
        "description",
        "kibanaSavedObjectMeta",
        "timeRestore",
        "timeFrom",
        "timeTo",
        "refreshInterval",
        "controlGroupInput",
        "panelsJSON",
        "optionsJSON",
        "hits",
        "version",
    }
    refs = {r["name"]: (r["type"], r["id"]) for r in dash["references"]}
    panels = json.loads(attrs["panelsJSON"])
    shown = set()
    for panel in panels:
        key = refs[f"{panel['panelIndex']}:{panel['panelRefName']}"]
        assert key[0] == panel["type"]
        shown.add(BY_KEY[key]["attributes"]["title"])
        grid = panel["gridData"]
        assert grid["i"] == panel["panelIndex"] and 0 <= grid["x"] and grid["x"] + grid["w"] <= 48
    assert shown >= {
        "Quotes over time by speaker",
        "Top speakers",
        "Meetings on a map",
        "Upcoming meetings",
        "Alerts per rule",
    }
    for a in panels:  # no two panels overlap
        for b in panels:
            ga, gb = a["gridData"], b["gridData"]
            if a is not b:
                assert (
                    ga["x"] + ga["w"] <= gb["x"]
                    or gb["x"] + gb["w"] <= ga["x"]
                    or ga["y"] + ga["h"] <= gb["y"]
                    or gb["y"] + gb["h"] <= ga["y"]
                )
