"""``newsmon run`` as a real process: forwards SIGTERM, and stops everything when a child dies."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from newsmon.feedserver import FeedServer

pytestmark = pytest.mark.e2e


def _events(stderr: str) -> list[dict[str, object]]:
    out = []
    for line in stderr.splitlines():
        if line.startswith("{"):
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError:
                continue
    return out


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def _env(tmp_path: Path, prefix: str) -> dict[str, str]:
    return {
        **os.environ,
        "NEWSMON_CONFIG_DIR": str(tmp_path),
        "NEWSMON_STATE_DIR": str(tmp_path / "state"),
        "NEWSMON_TOPIC_PREFIX": prefix,
        "NEWSMON_LOG_FORMAT": "json",
    }


def test_a_dead_child_stops_the_run(tmp_path: Path, unique_name: Callable[[str], str]) -> None:
    (tmp_path / "feeds.yaml").write_text("feeds:\n  - name: x\n    url: not-a-url\n")
    proc = subprocess.run(
        [sys.executable, "-m", "newsmon.cli", "run", "--without", "worker", "--without", "alerter"],
        env=_env(tmp_path, unique_name("run")),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert "feeds.yaml:3: feeds[0].url" in proc.stderr  # the poller's own error reached the terminal
    exited = [e for e in _events(proc.stderr) if e.get("event") == "child_exited"]
    assert exited and exited[0]["child"] == "poller" and exited[0]["code"] == 2


@pytest.mark.kafka
def test_sigterm_is_forwarded_and_children_stop(
    tmp_path: Path, unique_name: Callable[[str], str], kafka_bootstrap: str
) -> None:
    with FeedServer() as server:
        server.set_feed("/rss.xml", b'<rss version="2.0"><channel><title>T</title></channel></rss>')
        (tmp_path / "feeds.yaml").write_text(
            f"feeds:\n  - name: t\n    url: {server.url('/rss.xml')}\n    interval: 1s\n"
        )
        proc = subprocess.Popen(
            [sys.executable, "-m", "newsmon.cli", "run", "--without", "worker", "--without", "alerter"],
            env={**_env(tmp_path, unique_name("run")), "NEWSMON_KAFKA_BOOTSTRAP": kafka_bootstrap},
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            deadline = time.monotonic() + 60
            while len(server.requests_for("/rss.xml")) < 2:  # polling continuously, not --once
                assert proc.poll() is None, "newsmon run exited early"
                assert time.monotonic() < deadline, "the poller never polled twice"
                time.sleep(0.1)
            proc.send_signal(signal.SIGTERM)
            _, stderr = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
    assert proc.returncode == 0
    events = _events(stderr)
    [started] = [e for e in events if e.get("event") == "child_started"]
    stopped = [e for e in events if e.get("event") == "child_stopped"]
    assert stopped and stopped[0]["code"] == 0  # the poller shut down cleanly on SIGTERM
    assert any(e.get("event") == "poller_stopped" for e in events)
    assert _gone(int(started["pid"]))  # type: ignore[arg-type]
