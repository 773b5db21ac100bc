"""``newsmon stack up|down|status|logs``: the local Kafka (KRaft) and Elasticsearch.

``up`` fetches the artifacts with Maven when they are not cached, formats Kafka's storage
once, starts both servers detached and waits until they answer real requests. It is
idempotent: servers that are already healthy are left alone. ``down`` stops exactly the
process groups recorded in the pid files. Everything lives under ``NEWSMON_STACK_DIR``.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import sys
import time
from collections.abc import Callable, Iterator

from newsmon import logs
from newsmon.errors import StackError
from newsmon.stack_config import (
    ELASTICSEARCH_VERSION,
    KAFKA_VERSION,
    SERVICES,
    StackSettings,
    as_user_prefix,
    es_command,
    es_environment,
    kafka_format_command,
    kafka_server_command,
    new_cluster_id,
    render_kafka_properties,
)
from newsmon.stack_fetch import (
    artifacts_cached,
    check_owner,
    check_tools,
    ensure_es_user,
    extract_es,
    fetch_artifacts,
    prepare_dirs,
)
from newsmon.stack_proc import es_ready, is_running, kafka_ready, read_pid, start_detached, stop, tail

# The marker that must appear in the command line of a recorded pid (see stack_proc).
MARKERS = {"kafka": "kafka.Kafka", "elasticsearch": "elasticsearch"}


@contextlib.contextmanager
def _locked(s: StackSettings) -> Iterator[None]:
    """Serialise `up` and `down`: two engineers running `up` at once must not start two of each."""
    check_owner(s)
    s.run_dir.mkdir(parents=True, exist_ok=True)
    with (s.run_dir / "stack.lock").open("w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("another `newsmon stack` command is running; waiting for it...", flush=True)
            fcntl.flock(fh, fcntl.LOCK_EX)
        yield


def probe(s: StackSettings, service: str, timeout_s: float = 3.0) -> bool:
    """Whether ``service`` answers a real request right now."""
    if service == "kafka":
        return kafka_ready(s.kafka_bootstrap, timeout_s)
    return es_ready(s.es_url, timeout_s)


def _format_kafka(s: StackSettings) -> None:
    import subprocess

    s.kafka_properties.parent.mkdir(parents=True, exist_ok=True)
    s.kafka_properties.write_text(render_kafka_properties(s))
    if (s.kafka_data / "meta.properties").exists():
        return
    id_file = s.kafka_properties.parent / "cluster-id"
    if not id_file.exists():
        id_file.write_text(new_cluster_id())
    proc = subprocess.run(
        kafka_format_command(s, id_file.read_text().strip()), capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise StackError(f"formatting Kafka storage failed:\n{(proc.stdout + proc.stderr)[-3000:]}")


def _start(s: StackSettings, service: str) -> None:
    env = dict(os.environ)
    if service == "kafka":
        _format_kafka(s)
        cmd, cwd = kafka_server_command(s), s.stack_dir
    else:
        user = ensure_es_user(s)
        cmd = as_user_prefix(user) + es_command(s)
        env, cwd = es_environment(s, env), s.es_home
    start_detached(
        cmd,
        pid_file=s.pid_file(service),
        marker=MARKERS[service],
        log_file=s.console_log(service),
        env=env,
        cwd=cwd,
    )


def up(s: StackSettings) -> int:
    t0 = time.monotonic()
    todo = [name for name in SERVICES if not probe(s, name)]
    if not todo:
        print(f"stack already up: kafka {s.kafka_bootstrap}, elasticsearch {s.es_url}")
        return 0
    for name in todo:
        if not is_running(read_pid(s.pid_file(name))):
            continue
        # Ours and alive but not answering yet: a previous `up` is still starting it.
        print(f"{name}: already started (pid file {s.pid_file(name)}), waiting for it")
    check_tools(s, need_mvn=not artifacts_cached(s))
    prepare_dirs(s)
    if not artifacts_cached(s):
        print("fetching Kafka and Elasticsearch with Maven (first run only)...", flush=True)
    fetch_artifacts(s)
    extract_es(s)
    t_fetch = time.monotonic() - t0
    for name in todo:
        if not is_running(read_pid(s.pid_file(name))):
            _start(s, name)
    _wait(s, todo, t0)
    total = time.monotonic() - t0
    print(
        f"stack up in {total:.1f}s (artifacts {t_fetch:.1f}s): kafka {KAFKA_VERSION} at {s.kafka_bootstrap}, "
        f"elasticsearch {ELASTICSEARCH_VERSION} at {s.es_url}; data in {s.stack_dir}"
    )
    return 0


def _wait(s: StackSettings, services: list[str], t0: float) -> None:
    pending = set(services)
    deadline = t0 + s.stack_timeout_s
    while pending:
        for name in sorted(pending):
            if probe(s, name):
                print(f"{name}: ready after {time.monotonic() - t0:.1f}s", flush=True)
                pending.discard(name)
            elif not is_running(read_pid(s.pid_file(name))):
                raise StackError(
                    f"{name} exited during start-up; last lines of {s.console_log(name)}:\n"
                    + tail(s.console_log(name), 30)
                )
        if pending and time.monotonic() > deadline:
            raise StackError(
                f"{', '.join(sorted(pending))} not ready after {s.stack_timeout_s:.0f}s "
                f"(NEWSMON_STACK_TIMEOUT_S); see `newsmon stack logs`"
            )
        if pending:
            time.sleep(1.0)


def down(s: StackSettings) -> int:
    for name in reversed(SERVICES):
        was = stop(s.pid_file(name), s.stack_stop_timeout_s)
        print(f"{name}: {'stopped' if was else 'not running (nothing to stop)'}")
    return 0


def status(s: StackSettings) -> int:
    ok = True
    for name in SERVICES:
        record = read_pid(s.pid_file(name))
        ours = is_running(record)
        healthy = probe(s, name)
        where = s.kafka_bootstrap if name == "kafka" else s.es_url
        if healthy:
            state = (
                f"up ({where}, pid {record.pid})" if ours and record else f"up ({where}, not started here)"
            )
        elif ours and record:
            state = f"starting or unhealthy (pid {record.pid}, not answering at {where})"
        else:
            state = "down"
        ok &= healthy
        print(f"{name}: {state}")
    print(f"stack dir: {s.stack_dir}")
    return 0 if ok else 1


def show_logs(s: StackSettings, services: list[str], lines: int) -> int:
    for name in services:
        print(f"==> {s.console_log(name)} <==")
        print(tail(s.console_log(name), lines) or "(no log yet)")
    return 0


def _with_lock(s: StackSettings, action: Callable[[StackSettings], int]) -> int:
    with _locked(s):
        return action(s)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsmon stack", description=__doc__.splitlines()[0] if __doc__ else "")
    sub = p.add_subparsers(dest="action", required=True)
    sub.add_parser("up", help="fetch if needed, start both servers, wait until ready")
    sub.add_parser("down", help="stop what `up` started")
    sub.add_parser("status", help="state of each server (exit 1 unless both answer)")
    lg = sub.add_parser("logs", help="tail the servers' console logs")
    lg.add_argument("service", nargs="?", choices=SERVICES)
    lg.add_argument("-n", "--lines", type=int, default=50)
    return p


def main(argv: list[str]) -> int:
    """Entry point of ``newsmon stack``."""
    args = _parser().parse_args(argv)
    s = StackSettings()
    logs.configure(
        os.environ.get("NEWSMON_LOG_FORMAT", "auto"), os.environ.get("NEWSMON_LOG_LEVEL", "WARNING")
    )
    actions: dict[str, Callable[[], int]] = {
        "up": lambda: _with_lock(s, up),
        "down": lambda: _with_lock(s, down),
        "status": lambda: status(s),
        "logs": lambda: show_logs(s, [args.service] if args.service else list(SERVICES), args.lines),
    }
    try:
        return actions[args.action]()
    except StackError as exc:
        print(f"newsmon stack {args.action}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
