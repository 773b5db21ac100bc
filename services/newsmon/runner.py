"""``newsmon run``: poller, worker and alerter together on one machine.

Each service is a child process (``python -m newsmon.cli poller`` ...), exactly as it would run
alone, so what works here works split across machines. SIGINT/SIGTERM are forwarded. If any
child exits on its own, that is logged and the others are stopped: ``run`` exits non-zero
rather than limp on, or restart anything silently; a process manager (systemd, compose) decides.
"""

from __future__ import annotations

import argparse
import importlib.util
import signal
import threading
from types import FrameType

from newsmon.logs import configure, get_logger
from newsmon.settings import CommonSettings

SERVICES = ("poller", "worker", "alerter")


def available_services() -> list[str]:
    """The services whose package has a ``cli`` module (the alerter is optional)."""
    found = []
    for name in SERVICES:
        try:
            spec = importlib.util.find_spec(f"newsmon_{name}.cli")
        except ModuleNotFoundError:
            spec = None
        if spec is not None:
            found.append(name)
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="newsmon run", description=__doc__)
    parser.add_argument(
        "--without",
        action="append",
        default=[],
        choices=SERVICES,
        help="do not start this service (repeatable)",
    )
    parser.add_argument(
        "--grace", type=float, default=20.0, help="seconds a child gets to stop before SIGKILL"
    )
    args = parser.parse_args(argv)
    settings = CommonSettings()
    configure(settings.log_format, settings.log_level)
    from newsmon.processes import Supervisor, newsmon_argv

    log = get_logger("newsmon.runner")
    services = [s for s in available_services() if s not in args.without]
    if not services:
        log.error("nothing_to_run", without=args.without)
        return 2
    stop = threading.Event()
    received: list[str] = []

    def _on_signal(signum: int, _frame: FrameType | None) -> None:
        received.append(signal.Signals(signum).name)
        stop.set()

    signal.signal(signal.SIGINT, _on_signal)
    signal.signal(signal.SIGTERM, _on_signal)
    supervisor = Supervisor(grace_s=args.grace)
    try:
        for name in services:
            supervisor.start(name, newsmon_argv(name))
        log.info("run_started", services=services)
        while not stop.is_set():
            dead = supervisor.wait_any(timeout_s=0.5)
            if dead is not None:
                log.error(
                    "child_exited",
                    child=dead.name,
                    pid=dead.pid,
                    code=dead.process.returncode,
                    action="stopping the others",
                )
                return 1
        log.info("run_stopping", signal=received[0] if received else None)
        return 0
    finally:
        supervisor.stop_all()
