"""Index templates, write aliases and the lifecycle policy, installed idempotently.

Every data set (articles, quotes, meetings) is written through an alias ``{prefix}-{kind}`` whose
write index is ``{prefix}-{kind}-000001`` (rollover-ready). Mappings live in
``newsmon/es/templates/<kind>.json`` and are installed as composable index templates matching
``{prefix}-{kind}-*``. An ILM policy is installed and referenced only when the server has ILM:
the core-only Elasticsearch used in tests has no ``_ilm`` endpoint, and an index setting naming
a policy would be rejected there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from elasticsearch import ApiError, Elasticsearch

from newsmon.errors import IndexingError
from newsmon.logs import get_logger
from newsmon.settings import ElasticsearchSettings

log = get_logger(__name__)

KINDS: tuple[str, ...] = ("articles", "quotes", "meetings")
# Merged meeting documents are updated in place by meeting_key, so they must stay in one
# index: no rollover for them (a rolled-over index would hold a second copy of a meeting).
ROLLOVER_KINDS: frozenset[str] = frozenset({"articles", "quotes"})
TEMPLATE_PRIORITY = 200


@dataclass(frozen=True)
class IndexNames:
    """Alias, template and first-index names for one index prefix."""

    prefix: str

    def alias(self, kind: str) -> str:
        """The alias every reader and writer uses, e.g. ``newsmon-quotes``."""
        return f"{self.prefix}-{kind}"

    def first_index(self, kind: str) -> str:
        return f"{self.prefix}-{kind}-000001"

    def pattern(self, kind: str) -> str:
        return f"{self.prefix}-{kind}-*"

    def template(self, kind: str) -> str:
        return f"{self.prefix}-{kind}"

    @property
    def policy(self) -> str:
        return f"{self.prefix}-rollover"

    @property
    def articles(self) -> str:
        return self.alias("articles")

    @property
    def quotes(self) -> str:
        return self.alias("quotes")

    @property
    def meetings(self) -> str:
        return self.alias("meetings")


@cache
def load_template(kind: str) -> dict[str, Any]:
    """The template body kept in the repo (``_meta``, ``settings``, ``mappings``) for ``kind``."""
    if kind not in KINDS:
        raise ValueError(f"unknown index kind {kind!r}; expected one of {KINDS}")
    text = resources.files("newsmon.es").joinpath("templates", f"{kind}.json").read_text("utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def make_client(settings: ElasticsearchSettings | None = None, **overrides: Any) -> Elasticsearch:
    """A synchronous client for ``settings`` (retries are ours, not the transport's)."""
    settings = settings or ElasticsearchSettings()
    kwargs = settings.client_kwargs() | {"max_retries": 0, "retry_on_timeout": False}
    return Elasticsearch(**(kwargs | overrides))


def has_ilm(es: Elasticsearch) -> bool:
    """Whether the server has index lifecycle management (the core-only build does not)."""
    try:
        es.perform_request("GET", "/_ilm/status", headers={"accept": "application/json"})
    except ApiError as exc:
        if exc.meta.status in (400, 404, 405, 410):
            return False
        raise
    return True


def _policy_body() -> dict[str, Any]:
    return {
        "phases": {
            "hot": {"actions": {"rollover": {"max_primary_shard_size": "50gb", "max_age": "30d"}}},
        }
    }


def _template_body(
    kind: str, names: IndexNames, settings: ElasticsearchSettings, ilm: bool
) -> dict[str, Any]:
    base = load_template(kind)
    index_settings: dict[str, Any] = json.loads(json.dumps(base.get("settings", {})))
    index = index_settings.setdefault("index", {})
    index["number_of_shards"] = settings.es_shards
    index["number_of_replicas"] = settings.es_replicas
    if ilm and kind in ROLLOVER_KINDS:
        index["lifecycle"] = {"name": names.policy, "rollover_alias": names.alias(kind)}
    return {
        "index_patterns": [names.pattern(kind)],
        "priority": TEMPLATE_PRIORITY,
        "template": {"settings": index_settings, "mappings": base["mappings"]},
        "_meta": base.get("_meta", {}),
    }


def _ensure_write_index(es: Elasticsearch, names: IndexNames, kind: str) -> None:
    alias = names.alias(kind)
    if es.indices.exists_alias(name=alias):
        return
    try:
        es.indices.create(index=names.first_index(kind), aliases={alias: {"is_write_index": True}})
        log.info("es_index_created", index=names.first_index(kind), alias=alias)
    except ApiError as exc:
        # Another worker created it between our check and our create: that is the goal anyway.
        if exc.meta.status == 400 and "resource_already_exists" in str(exc):
            return
        raise


def ensure_templates(es: Elasticsearch, settings: ElasticsearchSettings | None = None) -> dict[str, Any]:
    """Install policy (if ILM exists), templates and write aliases; safe to call any number of times.

    Returns a summary ``{"ilm": bool, "aliases": {kind: alias}, "templates": [...]}``.
    Raises :class:`IndexingError` when the server refuses a template.
    """
    settings = settings or ElasticsearchSettings()
    names = IndexNames(settings.es_index_prefix)
    try:
        ilm = has_ilm(es)
        if ilm:
            es.ilm.put_lifecycle(name=names.policy, policy=_policy_body())
        for kind in KINDS:
            body = _template_body(kind, names, settings, ilm)
            es.indices.put_index_template(name=names.template(kind), **body)
        for kind in KINDS:
            _ensure_write_index(es, names, kind)
    except ApiError as exc:
        raise IndexingError(f"could not install index templates: {exc}") from exc
    log.info("es_templates_ready", prefix=names.prefix, ilm=ilm)
    return {
        "ilm": ilm,
        "aliases": {kind: names.alias(kind) for kind in KINDS},
        "templates": [names.template(kind) for kind in KINDS],
    }
