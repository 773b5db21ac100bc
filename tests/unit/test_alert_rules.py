"""rules.yaml: validation with file:line errors, environment substitution, hot reload."""

from __future__ import annotations

import datetime as dt
import os
import time

import pytest

from newsmon.errors import ConfigError
from newsmon_alerter.consumer import RulesWatcher
from newsmon_alerter.rules import format_duration, load_rules, parse_duration
from newsmon_alerter.service import content_key, key_of

GOOD = """\
rules:
  - name: ryabkov-quotes
    on: quotes
    query: 'speaker:"Sergei Ryabkov" and text:guarantees'
    notify: [ops-slack]
    throttle: 10m
    key: speaker
destinations:
  ops-slack:
    type: slack
    url: ${TEST_SLACK_URL}
"""


@pytest.fixture(autouse=True)
def env(monkeypatch):
    monkeypatch.setenv("TEST_SLACK_URL", "https://hooks.slack.example/T000/B000/secret-token")


def write(tmp_path, text, name="rules.yaml"):
    p = tmp_path / name
    p.write_text(text)
    return p


def test_valid_file(tmp_path):
    rules = load_rules(write(tmp_path, GOOD))
    (rule,) = rules.rules
    assert rule.on == "quotes" and rule.throttle == dt.timedelta(minutes=10) and rule.key == "speaker"
    dest = rules.destinations["ops-slack"]
    assert dest.url.get_secret_value().endswith("secret-token")
    assert "secret-token" not in repr(rules) and "secret-token" not in str(dest)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (("text:guarantees'", "text:\"guarantees'"), ":4: rules[0].query"),  # unterminated quote
        (("on: quotes", "on: tweets"), ":3: rules[0].on"),
        (("notify: [ops-slack]", "notify: [nowhere]"), "unknown destination"),
        (("throttle: 10m", "throttle: soon"), ":6: rules[0].throttle"),
        (("type: slack", "type: icq"), ":10: destinations.ops-slack.type"),
        (("${TEST_SLACK_URL}", "ftp://x"), ":11: destinations.ops-slack.url"),
        (("${TEST_SLACK_URL}", "${TEST_UNSET_VARIABLE_X}"), "TEST_UNSET_VARIABLE_X is not set"),
        (("key: speaker", "key: speaker\n    colour: red"), "rules[0].colour"),
    ],
)
def test_errors_name_line_and_field(tmp_path, edit, expected):
    with pytest.raises(ConfigError) as info:
        load_rules(write(tmp_path, GOOD.replace(*edit)))
    assert expected in str(info.value)
    assert "secret-token" not in str(info.value)


def test_kql_error_shows_the_position(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_rules(write(tmp_path, GOOD.replace("and text:", "and and text:")))
    assert "position" in str(info.value)


def test_hot_reload_keeps_last_good_rules(tmp_path):
    path = write(tmp_path, GOOD)
    watcher = RulesWatcher(path)
    assert [r.name for r in watcher.load_initial().rules] == ["ryabkov-quotes"]
    assert not watcher.poll()  # unchanged

    def touch(text):
        path.write_text(text)
        st = path.stat()
        os.utime(path, (st.st_atime, time.time() + 5))  # mtime granularity: make the change visible

    touch(GOOD.replace("on: quotes", "on: nonsense"))
    assert not watcher.poll()
    assert watcher.error and [r.name for r in watcher.rules.rules] == ["ryabkov-quotes"]
    touch(GOOD.replace("ryabkov-quotes", "renamed-rule"))
    assert watcher.poll()
    assert [r.name for r in watcher.rules.rules] == ["renamed-rule"] and watcher.error is None


def test_missing_file_means_no_rules(tmp_path):
    watcher = RulesWatcher(tmp_path / "rules.yaml")
    assert watcher.load_initial().rules == []


def test_shipped_example_is_valid():
    from newsmon.settings import REPO_ROOT

    rules = load_rules(REPO_ROOT / "config" / "rules.yaml")
    assert rules.rules and all(r.notify for r in rules.rules)


def test_durations_keys_and_content():
    assert parse_duration("90s") == dt.timedelta(seconds=90) and parse_duration("1w") == dt.timedelta(weeks=1)
    with pytest.raises(ValueError):
        parse_duration("tomorrow")
    assert [format_duration(parse_duration(d)) for d in ("10m", "1h", "90s", "2d", "1w")] == [
        "10m",
        "1h",
        "90s",
        "2d",
        "1w",
    ]
    from newsmon_alerter.rules import Rule

    rule = Rule(name="r", on="meetings", notify=["x"], key="participants.name")
    item = {"participants": [{"name": "B"}, {"name": "A"}]}
    assert key_of(rule, item) == "A,B"
    a = content_key("quotes", {"speaker": "Ryabkov", "text": "We need guarantees."})
    b = content_key("quotes", {"speaker": "ryabkov", "text": "we need  guarantees"})
    assert a == b and a != content_key("quotes", {"speaker": "Sherman", "text": "We need guarantees."})
