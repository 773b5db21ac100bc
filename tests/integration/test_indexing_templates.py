"""Index templates on the real Elasticsearch: idempotent install, Kibana-friendly mapping types."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from elasticsearch import Elasticsearch
from indexing_support import ES_URL, cleanup_prefix, unique

from newsmon.es import KINDS, IndexNames, ensure_templates, has_ilm, load_template, make_client
from newsmon.settings import ElasticsearchSettings

pytestmark = pytest.mark.elasticsearch


@pytest.fixture
def prefix(es: Elasticsearch) -> Iterator[str]:
    name = unique("nmtest-tpl")
    yield name
    cleanup_prefix(es, name)


def field(mapping: dict, path: str) -> dict:
    node = mapping
    for part in path.split("."):
        node = node["properties"][part]
    return node


def test_templates_install_idempotently_with_the_right_types(es: Elasticsearch, prefix: str) -> None:
    settings = ElasticsearchSettings(es_url=ES_URL, es_index_prefix=prefix, es_shards=2, es_replicas=0)
    first = ensure_templates(make_client(settings), settings)
    second = ensure_templates(make_client(settings), settings)  # a second start-up changes nothing
    assert first["aliases"] == second["aliases"] == {k: f"{prefix}-{k}" for k in KINDS}
    names = IndexNames(prefix)

    for kind in KINDS:
        alias = es.indices.get_alias(name=names.alias(kind)).body
        assert alias == {names.first_index(kind): {"aliases": {names.alias(kind): {"is_write_index": True}}}}
        index_settings = es.indices.get_settings(index=names.first_index(kind)).body[names.first_index(kind)]
        assert index_settings["settings"]["index"]["number_of_shards"] == "2"

    quotes = es.indices.get_mapping(index=names.quotes).body[names.first_index("quotes")]["mappings"]
    for path in ("speaker", "speaker_title", "outlet", "feed.name"):
        assert field(quotes, path)["type"] == "keyword", path
        assert field(quotes, path)["fields"]["text"]["type"] == "text", path
    assert field(quotes, "text")["type"] == "text"
    assert field(quotes, "text").get("analyzer", "standard") == "standard"
    assert field(quotes, "published")["type"] == "date"
    assert field(quotes, "extracted_at")["type"] == "date"
    assert field(quotes, "direct")["type"] == "boolean"

    meetings = es.indices.get_mapping(index=names.meetings).body[names.first_index("meetings")]["mappings"]
    for path in ("participants.name", "location.name", "status", "kind", "meeting_key", "mentions.outlet"):
        assert field(meetings, path)["type"] == "keyword", path
    assert field(meetings, "location.point")["type"] == "geo_point"
    assert field(meetings, "date")["format"] == "strict_date_optional_time||yyyy-MM||yyyy"
    assert field(meetings, "date_precision")["type"] == "keyword"
    assert field(meetings, "evidence.text")["type"] == "text"
    assert field(meetings, "status_history.as_of")["type"] == "date"

    articles = es.indices.get_mapping(index=names.articles).body[names.first_index("articles")]["mappings"]
    assert field(articles, "body")["type"] == "text"
    assert field(articles, "feed.name")["type"] == "keyword"
    assert field(articles, "published")["type"] == "date"


def test_meeting_dates_of_every_precision_are_accepted_and_searchable(es: Elasticsearch, prefix: str) -> None:
    settings = ElasticsearchSettings(es_url=ES_URL, es_index_prefix=prefix)
    ensure_templates(make_client(settings), settings)
    alias = IndexNames(prefix).meetings
    for i, date in enumerate(("2022-01-10", "2021-06", "2023")):
        es.index(index=alias, id=str(i), document={"meeting_key": str(i), "date": date}, refresh=True)
    hits = es.search(index=alias, query={"range": {"date": {"gte": "2021-06-01", "lte": "2022-12-31"}}})
    assert sorted(h["_id"] for h in hits["hits"]["hits"]) == ["0", "1"]


def test_lifecycle_policy_only_where_the_server_has_ilm(es: Elasticsearch, prefix: str) -> None:
    settings = ElasticsearchSettings(es_url=ES_URL, es_index_prefix=prefix)
    summary = ensure_templates(make_client(settings), settings)
    ilm = has_ilm(es)
    assert summary["ilm"] is ilm
    names = IndexNames(prefix)
    template = es.indices.get_index_template(name=names.template("quotes")).body["index_templates"][0]
    lifecycle = template["index_template"]["template"]["settings"]["index"].get("lifecycle")
    if ilm:
        assert lifecycle == {"name": names.policy, "rollover_alias": names.quotes}
        assert names.policy in es.ilm.get_lifecycle(name=names.policy).body
    else:
        # The core-only test distribution: no _ilm endpoint, so no policy is referenced.
        assert lifecycle is None


def test_repo_templates_are_complete() -> None:
    for kind in KINDS:
        body = load_template(kind)
        assert body["mappings"]["dynamic"] == "false"
        assert body["_meta"]["managed_by"] == "newsmon"
    with pytest.raises(ValueError):
        load_template("alerts")


def test_write_alias_is_rollover_ready(es: Elasticsearch, prefix: str) -> None:
    # Rollover itself is core Elasticsearch: it works here even without ILM to trigger it.
    settings = ElasticsearchSettings(es_url=ES_URL, es_index_prefix=prefix)
    ensure_templates(make_client(settings), settings)
    names = IndexNames(prefix)
    es.index(index=names.quotes, id="before", document={"text": "before rollover"}, refresh=True)
    result = es.indices.rollover(alias=names.quotes)
    assert result["rolled_over"] and result["new_index"] == f"{prefix}-quotes-000002"
    es.index(index=names.quotes, id="after", document={"text": "after rollover"}, refresh=True)
    assert es.get(index=f"{prefix}-quotes-000002", id="after")["found"]
    assert es.count(index=names.quotes)["count"] == 2  # readers see both generations through the alias
    mapping = es.indices.get_mapping(index=f"{prefix}-quotes-000002").body[f"{prefix}-quotes-000002"][
        "mappings"
    ]
    assert field(mapping, "speaker")["type"] == "keyword"  # the template applies to new generations
    ensure_templates(make_client(settings), settings)  # a restart keeps -000002 as the write index
    aliases = es.indices.get_alias(name=names.quotes).body
    assert aliases[f"{prefix}-quotes-000002"]["aliases"][names.quotes]["is_write_index"] is True
    assert aliases[f"{prefix}-quotes-000001"]["aliases"][names.quotes].get("is_write_index") is False
