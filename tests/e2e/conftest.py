"""End-to-end helpers: latency figures shown in the pytest summary (visible without ``-s``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

LATENCIES: list[tuple[str, float]] = []


@pytest.fixture
def report_latency(record_property: Callable[[str, object], None]) -> Callable[[str, float], None]:
    """``report_latency("first article", 4.2)``: in the terminal summary and the junit XML."""

    def report(what: str, seconds: float) -> None:
        LATENCIES.append((what, seconds))
        record_property(f"latency_s[{what}]", round(seconds, 3))

    return report


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not LATENCIES:
        return
    terminalreporter.section("end-to-end latency (feed item served -> searchable in Elasticsearch)")
    for what, seconds in LATENCIES:
        terminalreporter.write_line(f"{what}: {seconds:.2f}s")
