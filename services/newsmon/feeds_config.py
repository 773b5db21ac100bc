"""``feeds.yaml``: which feeds the poller reads and how often.

    defaults:            # optional, applies to every feed that does not say otherwise
      interval: 5m
    feeds:
      - name: harbour-gazette        # unique; names the feed in logs, messages and state
        url: https://news.example.org/rss.xml
        interval: 10m                # 30s, 5m, 1h, 1h30m, or a number of seconds
        enabled: true                # optional, default true
        outlet: Harbour Gazette      # optional; else the feed's title, else the site's host

Loaded with :func:`newsmon.config_files.load_yaml_model`, so an invalid file fails at start-up
with ``feeds.yaml:LINE: feeds[i].field: reason``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from newsmon.config_files import load_yaml_model

_DURATION = re.compile(r"^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$")

MIN_INTERVAL_S = 1.0


def parse_duration(value: Any) -> float:
    """``"30s"``, ``"5m"``, ``"1h30m"``, ``90`` or ``"90"`` -> seconds (float)."""
    if isinstance(value, bool):
        raise ValueError("expected a duration such as 30s, 5m or 1h")
    if isinstance(value, int | float):
        seconds = float(value)
    elif isinstance(value, str):
        text = value.strip().lower().replace(" ", "")
        try:
            seconds = float(text)
        except ValueError:
            match = _DURATION.match(text)
            if not text or match is None:
                raise ValueError(f"{value!r} is not a duration such as 30s, 5m or 1h") from None
            h, m, s = (float(g) if g else 0.0 for g in match.groups())
            seconds = h * 3600 + m * 60 + s
    else:
        raise ValueError("expected a duration such as 30s, 5m or 1h")
    if seconds < MIN_INTERVAL_S:
        raise ValueError(f"must be at least {MIN_INTERVAL_S:g}s, got {value!r}")
    return seconds


Duration = Annotated[float, BeforeValidator(parse_duration)]


class FeedDefaults(BaseModel):
    """Values every feed inherits unless it sets its own."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    interval: Duration = 300.0


class FeedConfig(BaseModel):
    """One feed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    url: str = Field(pattern=r"^https?://\S+$")
    interval: Duration | None = None  # None = defaults.interval
    enabled: bool = True
    outlet: str | None = Field(default=None, min_length=1)


class FeedsFile(BaseModel):
    """The whole ``feeds.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    defaults: FeedDefaults = FeedDefaults()
    feeds: list[FeedConfig]

    @field_validator("feeds")
    @classmethod
    def _unique_names(cls, feeds: list[FeedConfig]) -> list[FeedConfig]:
        seen: set[str] = set()
        for index, feed in enumerate(feeds):
            if feed.name in seen:
                raise ValueError(f"feeds[{index}]: feed name {feed.name!r} is used twice (names are unique)")
            seen.add(feed.name)
        return feeds

    def interval_of(self, feed: FeedConfig) -> float:
        """The feed's polling interval in seconds."""
        return feed.interval if feed.interval is not None else self.defaults.interval

    @property
    def enabled(self) -> list[FeedConfig]:
        return [f for f in self.feeds if f.enabled]


def load_feeds(path: Path) -> FeedsFile:
    """Load and validate ``feeds.yaml``; raises :class:`newsmon.errors.ConfigError`."""
    return load_yaml_model(path, FeedsFile)
