"""Detached server processes tracked by pid files, and the readiness probes.

Each server is started in a new session, so its pid is also its process group id; ``stop``
signals that group only (what ``up`` started, never anything found by name). A pid file
holds the pid and a marker that must appear in the process's command line, so a recycled
pid is never mistaken for our server.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from newsmon.errors import StackError
from newsmon.logs import get_logger

log = get_logger("newsmon.stack")


@dataclass(frozen=True)
class PidRecord:
    """What a pid file holds: the process (group) id and a command-line marker."""

    pid: int
    marker: str

    def dump(self) -> str:
        return f"{self.pid}\n{self.marker}\n"

    @classmethod
    def parse(cls, text: str) -> PidRecord:
        parts = text.split("\n")
        try:
            return cls(pid=int(parts[0].strip()), marker=parts[1].strip() if len(parts) > 1 else "")
        except ValueError as exc:
            raise StackError(f"corrupt pid file content {text[:40]!r}") from exc


def read_pid(path: Path) -> PidRecord | None:
    """The record in ``path``, or None when there is no pid file."""
    try:
        return PidRecord.parse(path.read_text())
    except FileNotFoundError:
        return None


def _cmdline(pid: int) -> str:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return ""
    return raw.replace(b"\0", b" ").decode("utf-8", "replace")


# Children started by this process, kept so they are reaped (no zombies, no ResourceWarning)
# when the same process also stops them, as tests and a failed `up` do.
_CHILDREN: dict[int, subprocess.Popen[bytes]] = {}


def _reap(pid: int) -> None:
    proc = _CHILDREN.get(pid)
    if proc is not None and proc.poll() is not None:
        del _CHILDREN[pid]


def _group_alive(pgid: int) -> bool:
    """True while the process group has a member that is not a zombie."""
    _reap(pgid)
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return any(_state(pid) != "Z" for pid in _group_members(pgid))


def _state(pid: int) -> str:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return "Z"
    return stat[stat.rfind(")") + 2 :].split()[0]


def is_running(record: PidRecord | None) -> bool:
    """True when the recorded process group still has a member that is our server.

    The leader may be a wrapper script that has exited while the JVM it started lives on
    in the same group, so the group is checked, and the marker on the leader when present.
    """
    if record is None or not _group_alive(record.pid):
        return False
    cmd = _cmdline(record.pid)
    if cmd:
        return record.marker in cmd
    # Leader gone (or a zombie): look for any group member carrying the marker.
    return any(record.marker in _cmdline(pid) for pid in _group_members(record.pid))


def _group_members(pgid: int) -> list[int]:
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # Field 5 (pgrp) follows the parenthesised command name, which may contain spaces.
        fields = stat[stat.rfind(")") + 2 :].split()
        if len(fields) > 2 and int(fields[2]) == pgid:
            members.append(int(entry.name))
    return members


def start_detached(
    cmd: list[str], *, pid_file: Path, marker: str, log_file: Path, env: dict[str, str], cwd: Path
) -> PidRecord:
    """Start ``cmd`` in its own session with output appended to ``log_file``; write the pid file."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    pid_file.parent.mkdir(parents=True, exist_ok=True)
    with log_file.open("ab") as out:
        out.write(f"\n=== newsmon stack: starting at {time.strftime('%Y-%m-%dT%H:%M:%S')} ===\n".encode())
        out.flush()
        try:
            proc = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                env=env,
                cwd=cwd,
                close_fds=True,
            )
        except OSError as exc:
            raise StackError(f"could not start {cmd[0]}: {exc}") from exc
    _CHILDREN[proc.pid] = proc
    record = PidRecord(proc.pid, marker)
    pid_file.write_text(record.dump())
    log.info("stack.started", pid=proc.pid, log=str(log_file))
    return record


def stop(pid_file: Path, timeout_s: float) -> bool:
    """SIGTERM the recorded process group, SIGKILL it after ``timeout_s``. True if it was running."""
    record = read_pid(pid_file)
    if record is None:
        return False
    was_running = is_running(record)
    if was_running:
        _signal_group(record.pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout_s
        while _group_alive(record.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        if _group_alive(record.pid):
            log.warning("stack.sigkill", pid=record.pid, after_s=timeout_s)
            _signal_group(record.pid, signal.SIGKILL)
            deadline = time.monotonic() + 10
            while _group_alive(record.pid) and time.monotonic() < deadline:
                time.sleep(0.1)
    pid_file.unlink(missing_ok=True)
    return was_running


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    try:
        os.killpg(pgid, sig)
    except ProcessLookupError:
        pass


def tail(path: Path, lines: int) -> str:
    """The last ``lines`` lines of a text file ('' when it does not exist)."""
    try:
        with path.open("rb") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - 256 * 1024))
            data = f.read().decode("utf-8", "replace")
    except FileNotFoundError:
        return ""
    return "\n".join(data.splitlines()[-lines:])


# -- readiness probes ------------------------------------------------------------------


def kafka_ready(bootstrap: str, timeout_s: float = 5.0) -> bool:
    """True when the broker answers a real Metadata request (kafka-python admin ``list_topics``)."""
    from kafka import KafkaAdminClient  # lazy: kafka-python is slow to import

    if not port_open(bootstrap, timeout_s):
        return False
    ms = int(timeout_s * 1000)
    try:
        admin = KafkaAdminClient(
            bootstrap_servers=bootstrap,
            client_id="newsmon-stack-probe",
            request_timeout_ms=ms,
            bootstrap_timeout_ms=ms,
        )
    except Exception:  # any failure to connect means "not ready yet"
        return False
    try:
        admin.list_topics()
        return True
    except Exception:
        return False
    finally:
        admin.close()


def port_open(host_port: str, timeout_s: float = 2.0) -> bool:
    """True when a TCP connection to ``host:port`` (the first of a comma list) succeeds."""
    host, _, port = host_port.split(",")[0].strip().rpartition(":")
    try:
        with socket.create_connection((host or "127.0.0.1", int(port)), timeout=timeout_s):
            return True
    except OSError:
        return False


def es_ready(url: str, timeout_s: float = 5.0) -> bool:
    """True when ``/_cluster/health`` reports yellow or green (no ``GET /`` on this distribution)."""
    try:
        resp = httpx.get(
            f"{url}/_cluster/health",
            params={"wait_for_status": "yellow", "timeout": f"{max(1, int(timeout_s))}s"},
            timeout=timeout_s + 2,
        )
    except httpx.HTTPError:
        return False
    if resp.status_code != 200:
        return False
    return resp.json().get("status") in {"yellow", "green"}
