"""``newsmon setup`` against a real local HTTP server that checks requests the way Kibana does.

The fake implements the two endpoints setup uses: ``GET /api/status`` (503 while "starting",
then ``available``) and ``POST /api/saved_objects/_import`` (kbn-xsrf required, multipart
``file`` part named ``*.ndjson``, ``overwrite`` honoured, references must resolve to objects
in the file or already stored, conflicts reported without ``overwrite``).
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from newsmon.kibana import (
    KibanaClient,
    KibanaError,
    SetupSettings,
    load_objects,
    main,
    setup,
    with_prefix,
)
from newsmon.settings import REPO_ROOT

KIBANA_DIR = REPO_ROOT / "config" / "kibana"


class FakeKibana:
    def __init__(self, starting_polls: int = 0) -> None:
        self.starting_polls = starting_polls
        self.status_calls = 0
        self.imports: list[dict[str, Any]] = []
        self.store: dict[tuple[str, str], dict[str, Any]] = {}
        self.rejections: list[str] = []


def _multipart_file(content_type: str, body: bytes) -> tuple[str | None, bytes]:
    raw = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode() + body
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(raw)
    assert message.is_multipart()
    for part in message.iter_parts():
        if part.get_param("name", header="content-disposition") == "file":
            return part.get_filename(), part.get_payload(decode=True)
    return None, b""


def _handler(state: FakeKibana) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # keep pytest output clean
            pass

        def _send(self, code: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _reject(self, code: int, message: str) -> None:
            state.rejections.append(message)
            self._send(code, {"statusCode": code, "error": "Bad Request", "message": message})

        def do_GET(self) -> None:
            if urlsplit(self.path).path != "/api/status":
                return self._send(404, {"statusCode": 404})
            state.status_calls += 1
            if state.status_calls <= state.starting_polls:
                return self._send(503, {"status": {"overall": {"level": "unavailable"}}})
            self._send(200, {"status": {"overall": {"level": "available"}}, "version": {"number": "9.2.4"}})

        def do_POST(self) -> None:
            url = urlsplit(self.path)
            if url.path != "/api/saved_objects/_import":
                return self._send(404, {"statusCode": 404})
            if not self.headers.get("kbn-xsrf"):
                return self._reject(400, "Request must contain a kbn-xsrf header.")
            ctype = self.headers.get("content-type", "")
            if not ctype.startswith("multipart/form-data"):
                return self._reject(415, "Unsupported Media Type")
            body = self.rfile.read(int(self.headers["content-length"]))
            filename, payload = _multipart_file(ctype, body)
            if filename is None or not filename.endswith(".ndjson"):
                return self._reject(400, "Invalid file extension")
            overwrite = parse_qs(url.query).get("overwrite") == ["true"]
            objects = [json.loads(line) for line in payload.decode().splitlines() if line.strip()]
            state.imports.append({"overwrite": overwrite, "count": len(objects)})
            in_file = {(o["type"], o["id"]) for o in objects}
            errors, ok = [], []
            for obj in objects:
                key = (obj["type"], obj["id"])
                missing = [
                    r
                    for r in obj.get("references", [])
                    if (r["type"], r["id"]) not in in_file and (r["type"], r["id"]) not in state.store
                ]
                if missing:
                    errors.append(
                        {
                            "type": key[0],
                            "id": key[1],
                            "error": {"type": "missing_references", "references": missing},
                        }
                    )
                elif key in state.store and not overwrite:
                    errors.append({"type": key[0], "id": key[1], "error": {"type": "conflict"}})
                else:
                    ok.append(obj)
            for obj in ok:
                state.store[(obj["type"], obj["id"])] = obj
            self._send(
                200,
                {
                    "success": not errors,
                    "successCount": len(ok),
                    "errors": errors,
                    "successResults": [{"type": o["type"], "id": o["id"]} for o in ok],
                },
            )

    return Handler


@pytest.fixture
def fake_kibana() -> Iterator[tuple[FakeKibana, str]]:
    state = FakeKibana(starting_polls=2)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _settings(url: str, **extra: Any) -> SetupSettings:
    return SetupSettings(kibana_url=url, kibana_wait_s=30, kibana_poll_s=0.05, **extra)


def test_setup_waits_for_kibana_then_imports_every_object(fake_kibana):
    state, url = fake_kibana
    objects = load_objects(KIBANA_DIR)
    summary = setup(_settings(url), templates=False)
    assert state.status_calls == 3  # two "starting" answers, then available
    assert state.rejections == []
    assert summary["kibana"] == {"imported": len(objects), "objects": len(objects)}
    assert set(state.store) == {(o["type"], o["id"]) for o in objects}
    assert ("dashboard", "newsmon-news-monitor") in state.store


def test_setup_is_idempotent(fake_kibana):
    state, url = fake_kibana
    setup(_settings(url), templates=False)
    first = json.dumps(sorted(state.store.items()), sort_keys=True)
    summary = setup(_settings(url), templates=False)
    assert json.dumps(sorted(state.store.items()), sort_keys=True) == first
    assert [i["overwrite"] for i in state.imports] == [True, True]
    assert summary["kibana"]["imported"] == len(state.store)


def test_import_errors_are_reported_by_object(fake_kibana):
    state, url = fake_kibana
    client = KibanaClient(_settings(url))
    broken = {
        "type": "search",
        "id": "orphan",
        "attributes": {"title": "x"},
        "references": [{"type": "index-pattern", "id": "nowhere", "name": "n"}],
    }
    with pytest.raises(KibanaError, match="search/orphan.*missing_references"):
        client.import_objects(json.dumps(broken).encode() + b"\n")
    client.close()
    assert ("search", "orphan") not in state.store


def test_wait_gives_up_with_a_clear_error():
    client = KibanaClient(_settings("http://127.0.0.1:9"))  # discard port: nothing listens
    now = [0.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    with pytest.raises(KibanaError, match="not available after 5s"):
        client.wait_available(5, interval_s=1, clock=lambda: now[0], sleep=sleep)
    client.close()


def test_cli_reports_unreachable_kibana(capsys):
    code = main(["--kibana-url", "http://127.0.0.1:9", "--wait", "0", "--skip-templates"])
    assert code == 1
    assert "not available" in capsys.readouterr().err


def test_other_prefix_renames_data_views_and_their_references(fake_kibana):
    state, url = fake_kibana
    setup(_settings(url, es_index_prefix="staging"), templates=False)
    views = {k[1]: v["attributes"]["title"] for k, v in state.store.items() if k[0] == "index-pattern"}
    assert views == {f"staging-{k}": f"staging-{k}" for k in ("articles", "quotes", "meetings", "alerts")}
    refs = [r for o in state.store.values() for r in o.get("references", []) if r["type"] == "index-pattern"]
    assert refs and all(r["id"].startswith("staging-") for r in refs)


def test_load_objects_names_file_and_line(tmp_path: Path):
    (tmp_path / "a.ndjson").write_text('{"type": "x", "id": "1", "attributes": {}}\n{oops\n')
    with pytest.raises(Exception, match=r"a.ndjson:2: not JSON"):
        load_objects(tmp_path)
    assert with_prefix([], "other") == []


def test_cli_reports_unreachable_elasticsearch(capsys):
    code = main(["--skip-kibana", "--es-url", "http://127.0.0.1:9"])  # discard port
    assert code == 1
    assert "cannot reach Elasticsearch at http://127.0.0.1:9" in capsys.readouterr().err
