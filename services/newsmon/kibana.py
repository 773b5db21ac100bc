"""``newsmon setup``: index templates in Elasticsearch, saved objects in Kibana, idempotently.

The saved objects (data views, saved searches, Lens charts, the meetings map and the
"News monitor" dashboard) live in ``config/kibana/*.ndjson`` in the format Kibana's own export
writes. They are imported through the saved-objects API with ``overwrite=true``, so running
setup again replaces them with the repo's version instead of creating copies. Kibana is waited
for first (``/api/status`` says ``available``) because a fresh container answers 503 for a while.

    newsmon setup --kibana-url http://localhost:5601 --es-url http://localhost:9200
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from elasticsearch import ApiError, TransportError
from pydantic import SecretStr

from newsmon.errors import ConfigError, NewsmonError
from newsmon.logs import configure, get_logger
from newsmon.settings import CommonSettings, ElasticsearchSettings

log = get_logger(__name__)

# The prefix the NDJSON is written for; another NEWSMON_ES_INDEX_PREFIX is substituted on import.
REPO_PREFIX = "newsmon"


class KibanaError(NewsmonError):
    """Kibana could not be reached in time or refused the saved objects."""


class SetupSettings(ElasticsearchSettings, CommonSettings):
    """What ``newsmon setup`` reads (``NEWSMON_KIBANA_URL``, ``NEWSMON_KIBANA_USERNAME`` ...)."""

    kibana_url: str = "http://localhost:5601"
    kibana_username: str | None = None
    kibana_password: SecretStr | None = None
    kibana_space: str | None = None  # import into this space instead of the default one
    kibana_wait_s: float = 300.0
    kibana_poll_s: float = 2.0
    kibana_timeout_s: float = 30.0

    @property
    def kibana_dir(self) -> Path:
        return self.config_dir / "kibana"


def load_objects(directory: Path) -> list[dict[str, Any]]:
    """Every saved object in ``directory/*.ndjson`` (sorted by file name), parsed and checked.

    Raises :class:`ConfigError` naming file and line for a line that is not a JSON object with
    ``type``, ``id`` and ``attributes``.
    """
    files = sorted(directory.glob("*.ndjson"))
    if not files:
        raise ConfigError(f"no saved objects: {directory} has no *.ndjson file")
    objects: list[dict[str, Any]] = []
    for path in files:
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ConfigError(f"{path}:{number}: not JSON: {exc.msg}") from exc
            if not isinstance(obj, dict) or not all(k in obj for k in ("type", "id", "attributes")):
                raise ConfigError(f"{path}:{number}: a saved object needs type, id and attributes")
            objects.append(obj)
    return objects


def _rename(value: str, prefix: str) -> str:
    return prefix + value[len(REPO_PREFIX) :] if value.startswith(REPO_PREFIX + "-") else value


def with_prefix(objects: list[dict[str, Any]], prefix: str) -> list[dict[str, Any]]:
    """The objects with data views renamed from ``newsmon-*`` to ``{prefix}-*`` (ids and titles).

    Data view ids follow the index names because the alerter links to Discover with
    ``dataViewId={prefix}-{kind}``.
    """
    if prefix == REPO_PREFIX:
        return objects
    out = []
    for obj in objects:
        obj = json.loads(json.dumps(obj))
        if obj["type"] == "index-pattern":
            obj["id"] = _rename(obj["id"], prefix)
            obj["attributes"]["title"] = _rename(obj["attributes"]["title"], prefix)
        for ref in obj.get("references", []):
            if ref.get("type") == "index-pattern":
                ref["id"] = _rename(ref["id"], prefix)
        out.append(obj)
    return out


def to_ndjson(objects: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects).encode("utf-8")


class KibanaClient:
    """The two Kibana endpoints setup needs, over one httpx client."""

    def __init__(self, settings: SetupSettings, transport: httpx.BaseTransport | None = None) -> None:
        auth = None
        if settings.kibana_username and settings.kibana_password:
            auth = (settings.kibana_username, settings.kibana_password.get_secret_value())
        base = settings.kibana_url.rstrip("/")
        if settings.kibana_space:
            base += f"/s/{settings.kibana_space}"
        self.status_url = settings.kibana_url.rstrip("/") + "/api/status"
        self.import_url = base + "/api/saved_objects/_import"
        self.http = httpx.Client(
            auth=auth,
            timeout=settings.kibana_timeout_s,
            # kbn-xsrf: Kibana refuses state-changing API calls without it
            headers={"kbn-xsrf": "newsmon-setup"},
            transport=transport,
        )

    def close(self) -> None:
        self.http.close()

    def status(self) -> str | None:
        """Kibana's overall status level (``available``, ``degraded`` ...), None if unreachable."""
        try:
            response = self.http.get(self.status_url)
        except httpx.TransportError:
            return None
        if response.status_code != 200:
            return None
        try:
            body = response.json()
        except ValueError:
            return None
        overall = body.get("status", {}).get("overall", {})
        # 8.x/9.x report "level"; 7.x reported "state": "green"
        level = overall.get("level") or ("available" if overall.get("state") == "green" else None)
        return str(level) if level else None

    def wait_available(
        self,
        timeout_s: float,
        interval_s: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """Poll ``/api/status`` until Kibana is available; :class:`KibanaError` after ``timeout_s``."""
        deadline = clock() + timeout_s
        last: str | None = None
        while True:
            last = self.status()
            if last == "available":
                log.info("kibana_available", url=self.status_url)
                return
            if clock() >= deadline:
                raise KibanaError(
                    f"Kibana at {self.status_url} not available after {timeout_s:.0f}s (last status: {last})"
                )
            log.info("kibana_waiting", url=self.status_url, status=last)
            sleep(interval_s)

    def import_objects(self, ndjson: bytes, filename: str = "newsmon.ndjson") -> dict[str, Any]:
        """Import ``ndjson`` with overwrite; returns Kibana's answer, raises on any failed object."""
        try:
            response = self.http.post(
                self.import_url,
                params={"overwrite": "true"},
                files={"file": (filename, ndjson, "application/ndjson")},
            )
        except httpx.TransportError as exc:
            raise KibanaError(f"cannot reach Kibana at {self.import_url}: {exc}") from exc
        if response.status_code != 200:
            raise KibanaError(f"Kibana refused the import ({response.status_code}): {response.text[:500]}")
        body: dict[str, Any] = response.json()
        errors = body.get("errors") or []
        if not body.get("success", False) or errors:
            described = "; ".join(
                f"{e.get('type')}/{e.get('id')}: {json.dumps(e.get('error'))}" for e in errors
            )
            raise KibanaError(
                f"Kibana imported {body.get('successCount', 0)} objects but failed: {described}"
            )
        return body


def install_templates(settings: SetupSettings) -> dict[str, Any]:
    """The worker's index templates and aliases, and the alerter's audit index.

    Imported late: ``--skip-templates`` must work without an Elasticsearch client configured.
    """
    from newsmon.es import ensure_templates, make_client
    from newsmon_alerter.audit import ensure_alerts_index

    es = make_client(settings)
    try:
        summary = ensure_templates(es, settings)
        alerts = f"{settings.es_index_prefix}-alerts"
        ensure_alerts_index(es, alerts)
        summary["aliases"] = {**summary.get("aliases", {}), "alerts": alerts}
        return summary
    finally:
        es.close()


def check_objects(objects: list[dict[str, Any]], prefix: str) -> None:
    """Refuse saved objects that name a field the index templates do not have."""
    from newsmon.kibana_objects import check_fields, template_field_types

    problems = check_fields(objects, template_field_types(prefix))
    if problems:
        raise ConfigError("saved objects refer to unmapped fields:\n  " + "\n  ".join(problems))


def verify_searches(settings: SetupSettings) -> dict[str, dict[str, Any]]:
    """Run every saved search's query on Elasticsearch: ``{title: {"index", "hits"}}``.

    What an analyst would see in Discover with an unlimited time range; a check after a demo
    or a deployment that the saved searches find the indexed quotes and meetings.
    """
    from elasticsearch import NotFoundError

    from newsmon.es import make_client
    from newsmon.kibana_objects import saved_search_requests, template_field_types

    prefix = settings.es_index_prefix
    objects = with_prefix(load_objects(settings.kibana_dir), prefix)
    es = make_client(settings)
    out: dict[str, dict[str, Any]] = {}
    try:
        for request in saved_search_requests(objects, template_field_types(prefix)):
            try:
                count = es.count(index=request.index, query=request.query)["count"]
            except NotFoundError:
                count = 0
            out[request.title] = {"index": request.index, "hits": count}
    finally:
        es.close()
    return out


def setup(
    settings: SetupSettings,
    *,
    templates: bool = True,
    kibana: bool = True,
    transport: httpx.BaseTransport | None = None,
) -> dict[str, Any]:
    """Install templates and saved objects; safe to run any number of times."""
    summary: dict[str, Any] = {}
    objects = with_prefix(load_objects(settings.kibana_dir), settings.es_index_prefix)
    check_objects(objects, settings.es_index_prefix)
    if templates:
        summary["templates"] = install_templates(settings)
    if kibana:
        client = KibanaClient(settings, transport=transport)
        try:
            client.wait_available(settings.kibana_wait_s, settings.kibana_poll_s)
            answer = client.import_objects(to_ndjson(objects))
        finally:
            client.close()
        summary["kibana"] = {"imported": answer.get("successCount", 0), "objects": len(objects)}
        log.info("kibana_objects_imported", count=answer.get("successCount", 0), url=settings.kibana_url)
    return summary


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsmon setup", description=__doc__.split("\n\n")[0])
    p.add_argument("--kibana-url", help="Kibana base URL (NEWSMON_KIBANA_URL)")
    p.add_argument("--es-url", help="Elasticsearch URL (NEWSMON_ES_URL)")
    p.add_argument("--wait", type=float, metavar="SECONDS", help="how long to wait for Kibana")
    p.add_argument("--skip-templates", action="store_true", help="do not touch Elasticsearch")
    p.add_argument("--skip-kibana", action="store_true", help="only install the index templates")
    p.add_argument(
        "--verify", action="store_true", help="also count what each saved search finds in Elasticsearch"
    )
    return p


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    overrides: dict[str, Any] = {}
    if args.kibana_url:
        overrides["kibana_url"] = args.kibana_url
    if args.es_url:
        overrides["es_url"] = args.es_url
    if args.wait is not None:
        overrides["kibana_wait_s"] = args.wait
    settings = SetupSettings(**overrides)
    configure(settings.log_format, settings.log_level)
    # one line per HTTP request from the clients drowns setup's own log lines
    for noisy in ("elastic_transport", "httpx"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        summary = setup(settings, templates=not args.skip_templates, kibana=not args.skip_kibana)
        if args.verify:
            summary["searches"] = verify_searches(settings)
    except NewsmonError as exc:
        print(f"newsmon setup: {exc}", file=sys.stderr)
        return 1
    except ApiError as exc:
        print(f"newsmon setup: Elasticsearch at {settings.es_url} refused: {exc}", file=sys.stderr)
        return 1
    except TransportError as exc:
        print(f"newsmon setup: cannot reach Elasticsearch at {settings.es_url}: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(summary, sort_keys=True))
    return 0
