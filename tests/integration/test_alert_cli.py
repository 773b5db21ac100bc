"""``newsmon rules validate|test`` and ``newsmon alerts list`` against the real Elasticsearch."""

from __future__ import annotations

import json

import pytest

from newsmon.es.setup import load_template
from newsmon_alerter import alerts_cli, rules_cli
from newsmon_alerter.audit import AuditLog, ensure_alerts_index

pytestmark = pytest.mark.elasticsearch

RULES = """\
rules:
  - name: r1
    on: quotes
    query: 'speaker.text:ryabkov and text:guarantees and outlet:Reuters'
    notify: [hook]
destinations:
  hook:
    type: webhook
    url: http://127.0.0.1:9/never-called-secret-path
    secret: s
"""

DOCS = [
    {"id": "hit", "speaker": "Sergei Ryabkov", "text": "We need guarantees.", "outlet": "Reuters"},
    {"id": "near", "speaker": "Sergei Ryabkov", "text": "We need guarantees.", "outlet": "TASS"},
    {"id": "far", "speaker": "Wendy Sherman", "text": "Frank talks.", "outlet": "TASS"},
]


@pytest.fixture
def env(monkeypatch, tmp_path, es, es_url, unique_name):
    prefix = unique_name("t-alertcli")
    monkeypatch.setenv("NEWSMON_ES_URL", es_url)
    monkeypatch.setenv("NEWSMON_ES_INDEX_PREFIX", prefix)
    monkeypatch.setenv("NEWSMON_CONFIG_DIR", str(tmp_path))
    (tmp_path / "rules.yaml").write_text(RULES)
    yield prefix
    es.indices.delete(index=f"{prefix}-*", ignore_unavailable=True, allow_no_indices=True)


def test_validate_hides_urls(env, capsys):
    assert rules_cli.main(["validate"]) == 0
    out = capsys.readouterr().out
    assert "OK, 1 rule(s), 1 destination(s)" in out and "destination hook: webhook, signed" in out
    assert "secret-path" not in out


def test_rule_test_shows_matches_and_near_misses(env, es, capsys):
    index = f"{env}-quotes"
    es.indices.create(index=index, mappings=load_template("quotes")["mappings"])
    for doc in DOCS:
        es.index(index=index, id=doc["id"], document=doc)
    es.indices.refresh(index=index)
    assert rules_cli.main(["test", "r1", "--since", ""]) == 0
    out = capsys.readouterr().out
    assert "1 match(es)" in out and "✓ hit" in out
    assert "1 near miss(es)" in out
    near = out[out.index("near miss") :]
    assert "near" in near and "fails: outlet:Reuters" in near and "far" not in near


def test_alerts_list(env, es, capsys):
    index = f"{env}-alerts"
    ensure_alerts_index(es, index)
    log = AuditLog(es, index, "i1")
    first = {"rule": "r1", "item_id": "q-1", "destination": "hook"}
    log.record("retry", **first, attempt=1, http_status=503, error="HTTP 503")
    log.record("delivered", **first, attempt=2, http_status=200)
    log.record("throttled", rule="r2", item_id="q-2")
    es.indices.refresh(index=index)
    assert alerts_cli.main(["list", "--rule", "r1"]) == 0
    out = capsys.readouterr().out
    assert "delivered" in out and "retry" in out and "HTTP 503" in out and "r2" not in out
    assert alerts_cli.main(["list", "--status", "throttled", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["rule"] for r in rows] == ["r2"]
