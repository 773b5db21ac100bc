"""feeds.yaml: durations, defaults, and errors that name the file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsmon.errors import ConfigError
from newsmon.feeds_config import load_feeds, parse_duration
from newsmon.settings import REPO_ROOT


@pytest.mark.parametrize(
    ("value", "seconds"), [("30s", 30), ("5m", 300), ("1h30m", 5400), (90, 90), ("90", 90), ("1.5m", 90)]
)
def test_durations(value: object, seconds: float) -> None:
    assert parse_duration(value) == seconds


@pytest.mark.parametrize("value", ["", "5 minutes", "0s", -1, True, "m"])
def test_bad_durations(value: object) -> None:
    with pytest.raises(ValueError):
        parse_duration(value)


def test_repo_feeds_yaml_is_valid() -> None:
    feeds = load_feeds(REPO_ROOT / "config" / "feeds.yaml")
    assert feeds.enabled and all(feeds.interval_of(f) >= 1 for f in feeds.feeds)


def test_defaults_apply(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "defaults:\n  interval: 2m\nfeeds:\n  - {name: a, url: 'http://x/a'}\n"
        "  - {name: b, url: 'http://x/b', interval: 10s, enabled: false}\n"
    )
    feeds = load_feeds(path)
    assert [feeds.interval_of(f) for f in feeds.feeds] == [120, 10]
    assert [f.name for f in feeds.enabled] == ["a"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "feeds:\n  - name: a\n    url: http://x/a\n    interval: soon\n",
            ":4: feeds[0].interval: Value error, 'soon'",
        ),
        ("feeds:\n  - name: a\n    url: ftp://x/a\n", ":3: feeds[0].url: String should match pattern"),
        ("feeds:\n  - name: a\n  - name: b\n    url: http://x\n", ":2: feeds[0].url: Field required"),
        (
            "feeds:\n  - name: a\n    url: http://x\n    intervall: 5m\n",
            ":4: feeds[0].intervall: Extra inputs",
        ),
        (
            "feeds:\n  - {name: a, url: 'http://x'}\n  - {name: a, url: 'http://y'}\n",
            ":2: feeds: Value error, feeds[1]: feed name 'a' is used twice",
        ),
        ("feeds: [\n", ":2: invalid YAML"),
    ],
)
def test_errors_name_file_line_field(tmp_path: Path, body: str, expected: str) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(body)
    with pytest.raises(ConfigError) as info:
        load_feeds(path)
    assert f"{path}{expected}" in str(info.value)
