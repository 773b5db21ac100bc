"""Helpers for the indexing and worker tests: ES readiness, unique prefixes, a TCP relay for outages.

Imported by ``test_indexing_*.py`` and ``test_worker_*.py`` (kept out of the shared conftest.py).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import Elasticsearch
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer

from newsmon.es import KINDS, IndexNames, ensure_templates, make_client
from newsmon.settings import ElasticsearchSettings

ES_URL = os.environ.get("NEWSMON_ES_URL", "http://127.0.0.1:9200")
KAFKA = os.environ.get("NEWSMON_KAFKA_BOOTSTRAP", "127.0.0.1:9092")


def wait_for(condition: Callable[[], Any], timeout: float, what: str, interval: float = 0.2) -> Any:
    """Poll ``condition`` until it returns something truthy; fail the test after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


def es_client(url: str = ES_URL) -> Elasticsearch:
    es = Elasticsearch(url, request_timeout=10)

    def healthy() -> bool:
        try:
            return es.cluster.health()["status"] in ("green", "yellow")
        except Exception:
            return False

    wait_for(healthy, 60, f"Elasticsearch at {url} (is `newsmon stack up` running?)", 0.5)
    return es


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def cleanup_prefix(es: Elasticsearch, prefix: str) -> None:
    es.options(ignore_status=404).indices.delete(index=f"{prefix}-*")
    for kind in KINDS:
        es.options(ignore_status=404).indices.delete_index_template(name=f"{prefix}-{kind}")
    es.options(ignore_status=(400, 404)).ilm.delete_lifecycle(name=IndexNames(prefix).policy)


def installed(es: Elasticsearch, prefix: str, **settings: Any) -> ElasticsearchSettings:
    """Settings for ``prefix`` with the templates and write aliases installed."""
    es_settings = ElasticsearchSettings(es_url=ES_URL, es_index_prefix=prefix, **settings)
    ensure_templates(make_client(es_settings), es_settings)
    return es_settings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Relay:
    """A TCP relay on a fixed loopback port: closed until :meth:`open`, then forwards to ``target``.

    Lets a test start a client against an Elasticsearch that is "down" (connection refused)
    and bring it "back" on the same address later, without touching the shared server.
    """

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = free_port()
        self._server: socket.socket | None = None
        self._threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def open(self) -> None:
        server = socket.create_server(("127.0.0.1", self.port), reuse_port=False)
        self._server = server
        thread = threading.Thread(target=self._accept, daemon=True)
        thread.start()

    def _accept(self) -> None:
        assert self._server is not None
        while True:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (src, dst):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None


def es_fixture() -> Iterator[Elasticsearch]:
    es = es_client()
    yield es
    es.close()


class WorkerProcess:
    """``newsmon worker`` as a real subprocess with its own topic prefix, app id and index prefix."""

    def __init__(self, prefix: str, log_dir: Path, agents: str = "all", **env: str) -> None:
        self.prefix = prefix
        self.log_path = log_dir / f"worker-{prefix}.log"
        self.env = {
            **os.environ,
            "NEWSMON_TOPIC_PREFIX": prefix,
            "NEWSMON_ES_INDEX_PREFIX": prefix,
            "NEWSMON_WORKER_APP_ID": f"{prefix}-worker",
            "NEWSMON_STATE_DIR": str(log_dir / f"state-{prefix}"),
            "NEWSMON_WORKER_AGENTS": agents,
            "NEWSMON_WORKER_BATCH_SECONDS": "0.3",
            "NEWSMON_WORKER_RETRY_MAX": "1",
            "NEWSMON_LOG_FORMAT": "json",
            **env,
        }
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> WorkerProcess:
        newsmon = Path(sys.executable).with_name("newsmon")
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(
                [str(newsmon), "worker"], stdout=log, stderr=subprocess.STDOUT, env=self.env
            )
        return self

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def assert_alive(self) -> None:
        assert self.proc is not None
        assert self.proc.poll() is None, f"worker exited with {self.proc.returncode}:\n{self.log()[-4000:]}"

    def stop(self) -> int | None:
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        return self.proc.returncode


def produce(topic: str, values: list[bytes], key: bytes | None = None) -> None:
    producer = KafkaProducer(bootstrap_servers=KAFKA.split(","), acks="all")
    try:
        for value in values:
            producer.send(topic, key=key, value=value).get(timeout=30)
    finally:
        producer.close()


def read_dead_letters(
    topic: str, want: Callable[[list[dict[str, Any]]], bool], timeout: float = 60
) -> list[dict[str, Any]]:
    """Dead-letter records from the start of ``topic`` until ``want(records)`` is true."""
    consumer = KafkaConsumer(
        bootstrap_servers=KAFKA.split(","), auto_offset_reset="earliest", enable_auto_commit=False
    )
    records: list[dict[str, Any]] = []
    try:
        wait_for(lambda: topic in consumer.topics(), timeout, f"topic {topic}")
        consumer.subscribe([topic])
        deadline = time.monotonic() + timeout
        while not want(records):
            if time.monotonic() > deadline:
                pytest.fail(f"dead letters in {topic} so far: {records}")
            for batch in consumer.poll(timeout_ms=500).values():
                records.extend(json.loads(r.value) for r in batch)
    finally:
        consumer.close()
    return records


def delete_topics(prefix: str) -> None:
    admin = KafkaAdminClient(bootstrap_servers=KAFKA.split(","))
    try:
        mine = [t for t in admin.list_topics() if t.startswith(prefix)]
        if mine:
            admin.delete_topics(mine)
    except Exception:
        pass  # best effort: unique names never collide anyway
    finally:
        admin.close()


def search_all(es: Elasticsearch, index: str, **query: Any) -> list[dict[str, Any]]:
    """Every document in ``index`` (none while the index is missing or its shards are starting)."""
    es = es.options(ignore_status=(404, 503))
    es.indices.refresh(index=index)
    resp = es.search(index=index, size=1000, **query)
    return [h["_source"] for h in resp.get("hits", {}).get("hits", [])]
