"""A local webhook receiver: records what it is sent, answers as scripted.

Stands in for Slack, Teams, Discord, Mattermost, Google Chat or any webhook endpoint in the
tests, the demo (``python -m newsmon_alerter.receiver --port 8765``) and the latency benchmark.
Responses are scripted per path: a list of ``(status, headers, delay_s)`` consumed one per
request, the last one repeating.
"""

from __future__ import annotations

import argparse
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    at: float  # time.time() when the request arrived

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Script:
    responses: list[tuple[int, dict[str, str], float]] = field(default_factory=lambda: [(200, {}, 0.0)])

    def next(self) -> tuple[int, dict[str, str], float]:
        return self.responses.pop(0) if len(self.responses) > 1 else self.responses[0]


class Receiver:
    """A threaded HTTP server on loopback; ``url(path)`` gives its address."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.received: list[Received] = []
        self.scripts: dict[str, Script] = {}
        self.cond = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                status, headers, delay = receiver.scripts.get(self.path, Script()).next()
                if delay:
                    time.sleep(delay)
                if 200 <= status < 300:  # only accepted requests count as received
                    with receiver.cond:
                        receiver.received.append(Received(self.path, dict(self.headers), body, time.time()))
                        receiver.cond.notify_all()
                else:
                    with receiver.cond:
                        receiver.rejected += 1
                payload = b'{"ok":true}' if status < 300 else b'{"ok":false}'
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client timed out and left: that is what the slow script tests

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - silence access logs
                return

        self.rejected = 0
        self.server = ThreadingHTTPServer((host, port), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str = "/hook") -> str:
        host, port = self.server.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else host
        return f"http://{host}:{port}{path}"

    def script(self, path: str, *responses: tuple[int, dict[str, str], float]) -> None:
        self.scripts[path] = Script(list(responses))

    def on(self, path: str) -> list[Received]:
        with self.cond:
            return [r for r in self.received if r.path == path]

    def wait_for(self, path: str, count: int, timeout: float = 30.0) -> list[Received]:
        """Block until ``count`` requests reached ``path`` (or raise TimeoutError)."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while len([r for r in self.received if r.path == path]) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    got = len([r for r in self.received if r.path == path])
                    raise TimeoutError(f"{path}: {got} of {count} requests after {timeout}s")
                self.cond.wait(left)
            return [r for r in self.received if r.path == path]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="print every webhook newsmon sends")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args(argv)
    with Receiver(port=args.port) as rx:
        print(f"listening on {rx.url('/')}", flush=True)
        seen = 0
        try:
            while True:
                with rx.cond:
                    rx.cond.wait(1.0)
                    new = rx.received[seen:]
                    seen = len(rx.received)
                for r in new:
                    print(json.dumps({"path": r.path, "body": r.json()}, ensure_ascii=False), flush=True)
        except KeyboardInterrupt:
            return 0


if __name__ == "__main__":
    raise SystemExit(main())
