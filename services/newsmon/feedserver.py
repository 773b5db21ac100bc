"""A small HTTP server on loopback that serves feeds: for the demo and the tests.

Static feeds get an ETag and Last-Modified and answer conditional requests with 304, like a
well-behaved news site. Tests can also install a route function to script any response
(429 with Retry-After, 404, a slow or oversized body). Every request is recorded with its time.
"""

from __future__ import annotations

import email.utils
import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Response:
    """What a route answers."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0  # sleep before answering (timeouts)


@dataclass(frozen=True)
class Request:
    """One request the server received."""

    at: float  # time.time()
    path: str
    headers: dict[str, str]
    status: int


Route = Callable[[dict[str, str]], Response]

RSS_TYPE = "application/rss+xml; charset=utf-8"
ATOM_TYPE = "application/atom+xml; charset=utf-8"


class FeedServer:
    """``with FeedServer() as server: server.set_feed("/rss.xml", xml); server.url("/rss.xml")``."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._routes: dict[str, Route] = {}
        self._lock = threading.Lock()
        self.requests: list[Request] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                path = self.path.split("?", 1)[0]
                headers = {k.lower(): v for k, v in self.headers.items()}
                with server._lock:
                    route = server._routes.get(path)
                response = route(headers) if route else Response(404, b"not found\n")
                if response.delay_s:
                    time.sleep(response.delay_s)
                with server._lock:
                    server.requests.append(Request(time.time(), path, headers, response.status))
                try:
                    self.send_response(response.status)
                    for name, value in response.headers.items():
                        self.send_header(name, value)
                    if "content-length" not in {k.lower() for k in response.headers}:
                        self.send_header("Content-Length", str(len(response.body)))
                    self.end_headers()
                    if response.status != 304:
                        self.wfile.write(response.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout or size cap): that is its business

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - signature of the base
                pass  # requests are recorded in server.requests instead

        self._httpd = ThreadingHTTPServer((host, port), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="feedserver", daemon=True)

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self) -> FeedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> FeedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def set_route(self, path: str, route: Route) -> None:
        with self._lock:
            self._routes[path] = route

    def set_feed(self, path: str, body: bytes, content_type: str = RSS_TYPE) -> None:
        """Serve ``body`` at ``path`` with validators; a changed body gets new ones."""
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        modified = email.utils.formatdate(time.time(), usegmt=True)

        def route(request: dict[str, str]) -> Response:
            if request.get("if-none-match") == etag or (
                "if-none-match" not in request and request.get("if-modified-since") == modified
            ):
                return Response(304, headers={"ETag": etag, "Last-Modified": modified})
            headers = {"Content-Type": content_type, "ETag": etag, "Last-Modified": modified}
            return Response(200, body, headers)

        self.set_route(path, route)

    def requests_for(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path == path]
