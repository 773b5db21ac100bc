"""``rules.yaml``: alert rules and destinations, validated into frozen pydantic models.

Loaded through :func:`newsmon.config_files.load_yaml_model`, so an invalid file fails with
file, line and field, and ``${VAR}`` / ``${VAR:-default}`` (e.g. in a destination's ``url``
or ``secret``) are replaced from the environment; both are ``SecretStr`` and never logged.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SecretStr,
    field_validator,
    model_validator,
)

from newsmon.errors import ConfigError, KqlSyntaxError
from newsmon.kql import Node, parse

ItemType = Literal["quotes", "meetings", "articles"]
DestinationType = Literal["slack", "teams", "discord", "mattermost", "google_chat", "webhook"]
RULES_FILE = "rules.yaml"

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w)\s*$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(value: Any) -> dt.timedelta | None:
    """``10m``, ``1h``, ``30s``, ``2d``, ``1w`` (or seconds as a number) -> timedelta."""
    if value is None or isinstance(value, dt.timedelta):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return dt.timedelta(seconds=value)
    m = _DURATION.match(str(value))
    if not m:
        raise ValueError(f"{value!r} is not a duration like 30s, 10m, 1h, 2d or 1w")
    return dt.timedelta(seconds=float(m.group(1)) * _UNITS[m.group(2)])


def format_duration(value: dt.timedelta) -> str:
    """``timedelta(minutes=10)`` -> ``10m`` (the largest unit that divides it)."""
    seconds = value.total_seconds()
    for unit in ("w", "d", "h", "m"):
        if seconds and seconds % _UNITS[unit] == 0:
            return f"{int(seconds // _UNITS[unit])}{unit}"
    return f"{seconds:g}s"


Duration = Annotated[dt.timedelta | None, BeforeValidator(parse_duration)]


@lru_cache(maxsize=512)
def compile_query(query: str) -> Node:
    """The parsed KQL of a rule (cached: rules are re-read on every reload)."""
    return parse(query)


class Destination(BaseModel):
    """Where alerts go. ``secret`` signs generic webhooks (HMAC-SHA256)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: DestinationType
    url: SecretStr
    secret: SecretStr | None = None
    rate_per_minute: float | None = Field(default=None, gt=0)

    @field_validator("url")
    @classmethod
    def _http(cls, value: SecretStr) -> SecretStr:
        if not re.match(r"^https?://[^/\s]+", value.get_secret_value()):
            raise ValueError("must be an http:// or https:// URL (value hidden)")
        return value

    @model_validator(mode="after")
    def _secret_only_for_webhooks(self) -> Destination:
        if self.secret is not None and self.type != "webhook":
            raise ValueError("secret is only used by type: webhook")
        return self


class Rule(BaseModel):
    """One alert rule: which items (``on``), which of them (``query``), where (``notify``)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=100)
    on: ItemType
    query: str = ""
    notify: list[str] = Field(min_length=1)
    throttle: Duration = None
    key: str | None = None
    digest: Duration = None
    dedupe: bool = True  # same speaker + quote text (other outlets) -> one alert per window
    dedupe_window: Duration = dt.timedelta(days=1)  # used when there is no throttle
    enabled: bool = True

    @model_validator(mode="before")
    @classmethod
    def _yaml_on(cls, data: Any) -> Any:
        # YAML 1.1 (PyYAML) reads the bare key `on` as the boolean True
        if isinstance(data, dict) and True in data and "on" not in data:
            data = {("on" if k is True else k): v for k, v in data.items()}
        return data

    @field_validator("query")
    @classmethod
    def _kql(cls, value: str) -> str:
        try:
            compile_query(value)
        except KqlSyntaxError as exc:
            raise ValueError(str(exc)) from exc
        return value

    @property
    def node(self) -> Node:
        return compile_query(self.query)

    @property
    def window(self) -> dt.timedelta | None:
        """The content-dedupe window: the throttle if there is one."""
        return self.throttle or self.dedupe_window if self.dedupe else None


class RulesFile(BaseModel):
    """The whole ``rules.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: list[Rule] = Field(default_factory=list)
    destinations: dict[str, Destination] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _references(self) -> RulesFile:
        seen: set[str] = set()
        for rule in self.rules:
            if rule.name in seen:
                raise ValueError(f"rule name {rule.name!r} is used twice")
            seen.add(rule.name)
            missing = [d for d in rule.notify if d not in self.destinations]
            if missing:
                raise ValueError(f"rule {rule.name!r} notifies unknown destination(s) {missing}")
        return self

    def for_type(self, item_type: str) -> list[Rule]:
        return [r for r in self.rules if r.enabled and r.on == item_type]

    def rule(self, name: str) -> Rule:
        for rule in self.rules:
            if rule.name == name:
                return rule
        raise ConfigError(f"no rule named {name!r} (have: {', '.join(r.name for r in self.rules)})")


def rules_path(config_dir: Path) -> Path:
    return config_dir / RULES_FILE


def load_rules(path: Path) -> RulesFile:
    """Read and validate ``path``; raises :class:`ConfigError` naming file, line and field."""
    from newsmon.config_files import load_yaml_model  # the shared loader (pipeline engineer)

    return load_yaml_model(path, RulesFile)
