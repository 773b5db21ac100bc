"""Child processes of ``newsmon run`` and ``newsmon demo``: started, watched, stopped together.

Children run ``python -m newsmon.cli <command>`` in their own session, so a Ctrl-C in the
terminal reaches only the parent, which forwards SIGTERM to each child exactly once and waits
for them (then SIGKILL after a grace period). Nothing is restarted silently: the parent learns
of a dead child from :meth:`Supervisor.wait_any` and decides.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from newsmon.logs import get_logger


def newsmon_argv(command: str, *args: str) -> list[str]:
    """The argv that runs ``newsmon <command> <args>`` with this interpreter."""
    return [sys.executable, "-m", "newsmon.cli", command, *args]


@dataclass
class Child:
    """One supervised process."""

    name: str
    process: subprocess.Popen[bytes]
    log_path: Path | None = None
    started_at: float = field(default_factory=time.monotonic)

    @property
    def pid(self) -> int:
        return self.process.pid


class Supervisor:
    """Starts named children and stops them all; ``with Supervisor() as sup:`` stops on exit."""

    def __init__(self, grace_s: float = 20.0) -> None:
        self.children: dict[str, Child] = {}
        self.grace_s = grace_s
        self.log = get_logger("newsmon.processes")
        self._logs: list[IO[bytes]] = []

    def start(
        self,
        name: str,
        argv: list[str],
        env: dict[str, str] | None = None,
        log_path: Path | None = None,
    ) -> Child:
        """Start ``argv``; its stdout and stderr go to ``log_path`` if given, else are inherited."""
        out: IO[bytes] | None = None
        if log_path is not None:
            log_path.parent.mkdir(parents=True, exist_ok=True)
            out = log_path.open("ab")
            self._logs.append(out)
        process = subprocess.Popen(
            argv,
            env={**os.environ, **(env or {})},
            stdout=out,
            stderr=subprocess.STDOUT if out else None,
            start_new_session=True,  # terminal signals go to the parent, which forwards them
        )
        child = Child(name, process, log_path)
        self.children[name] = child
        self.log.info("child_started", child=name, pid=process.pid, argv=" ".join(argv[2:]))
        return child

    def running(self) -> list[Child]:
        return [c for c in self.children.values() if c.process.poll() is None]

    def wait_any(self, timeout_s: float | None = None, poll_s: float = 0.2) -> Child | None:
        """The first child found exited within ``timeout_s`` (None: wait forever), else None."""
        deadline = None if timeout_s is None else time.monotonic() + timeout_s
        while True:
            for child in self.children.values():
                if child.process.poll() is not None:
                    return child
            if deadline is not None and time.monotonic() >= deadline:
                return None
            time.sleep(poll_s)

    def wait(self, name: str, timeout_s: float) -> int:
        """Wait for one child to exit; return its code (raises TimeoutExpired)."""
        return self.children[name].process.wait(timeout=timeout_s)

    def stop(self, name: str) -> int | None:
        """SIGTERM one child, wait ``grace_s``, then SIGKILL; return its exit code."""
        child = self.children[name]
        if child.process.poll() is None:
            child.process.send_signal(signal.SIGTERM)
            try:
                child.process.wait(timeout=self.grace_s)
            except subprocess.TimeoutExpired:
                self.log.warning("child_killed", child=name, pid=child.pid, after_s=self.grace_s)
                child.process.kill()
                child.process.wait()
        self.log.info("child_stopped", child=name, pid=child.pid, code=child.process.returncode)
        return child.process.returncode

    def stop_all(self) -> None:
        """Stop every child still running (SIGTERM to all first, so they shut down in parallel)."""
        for child in self.running():
            child.process.send_signal(signal.SIGTERM)
        for name in list(self.children):
            self.stop(name)
        for handle in self._logs:
            handle.close()
        self._logs.clear()

    def __enter__(self) -> Supervisor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop_all()
