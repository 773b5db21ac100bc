"""structlog configured in one place: JSON in containers and pipes, console on a terminal."""

from __future__ import annotations

import logging
import sys

import structlog


class _CurrentStderr:
    """Writes to whatever ``sys.stderr`` is at write time (pytest and CLIs swap it)."""

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()


def configure(fmt: str = "auto", level: str = "INFO") -> None:
    """Configure structlog and the standard library logging once per process.

    ``fmt`` is ``json``, ``console`` or ``auto`` (console when stderr is a terminal).
    Logs go to stderr so that commands can print results on stdout.
    """
    use_console = fmt == "console" or (fmt == "auto" and sys.stderr.isatty())
    renderer: structlog.types.Processor = (
        structlog.dev.ConsoleRenderer() if use_console else structlog.processors.JSONRenderer()
    )
    numeric = logging.getLevelName(level.upper())
    if not isinstance(numeric, int):
        numeric = logging.INFO
    logging.basicConfig(stream=sys.stderr, level=numeric, format="%(name)s %(levelname)s %(message)s")
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.StackInfoRenderer(),
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(numeric),
        logger_factory=structlog.PrintLoggerFactory(file=_CurrentStderr()),  # type: ignore[arg-type]
        # Not cached: module-level loggers used before configure() must still pick up this config.
        cache_logger_on_first_use=False,
    )


def get_logger(name: str, **context: object) -> structlog.stdlib.BoundLogger:
    """A logger with ``logger=name`` and any extra context bound."""
    # structlog.get_logger(logger=...) collides with wrap_logger's own ``logger`` parameter, and
    # get_logger().bind() would assemble the logger now, before configure() sends logs to stderr:
    # build the same lazy proxy get_logger() returns, with the name in its initial values.
    from structlog._config import BoundLoggerLazyProxy

    proxy = BoundLoggerLazyProxy(None, initial_values={"logger": name, **context}, logger_factory_args=())
    return proxy  # type: ignore[return-value]
