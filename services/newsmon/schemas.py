"""Message schemas: JSON Schema (draft 2020-12) files in ``schemas/``, one per topic and version.

Every Kafka message is validated when it is produced (:func:`encode`) and when it is consumed
(:func:`decode`); a message that does not match raises
:class:`~newsmon.errors.SchemaValidationError` naming the schema and the JSON path.

Schema names are the file stems without ``.schema.json``: ``articles.v1``, ``quotes.v1``,
``meetings.v1``, ``dead-letter.v1``.

Where the files are found, first match wins:

1. ``NEWSMON_SCHEMAS_DIR`` (set it when newsmon is installed non-editable, e.g. in Docker;
   when set, it is the only place looked at);
2. ``schemas/`` in the source checkout (editable installs, tests);
3. ``./schemas`` in the current directory.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from jsonschema.protocols import Validator

from newsmon.errors import ConfigError, SchemaValidationError
from newsmon.settings import REPO_ROOT

SCHEMA_SUFFIX = ".schema.json"

_format_checker = jsonschema.FormatChecker(formats=())


@_format_checker.checks("date-time", raises=ValueError)  # type: ignore[untyped-decorator]
def _is_rfc3339(value: object) -> bool:
    # jsonschema only checks date-time when the optional rfc3339-validator is installed; this
    # check is ours so it never silently turns off. RFC 3339 needs a date, a time and an offset.
    if not isinstance(value, str):
        return True
    if "T" not in value.upper() or len(value) < 20:
        raise ValueError(f"{value!r} is not an RFC 3339 date-time")
    parsed = dt.datetime.fromisoformat(value.replace("z", "Z"))
    if parsed.tzinfo is None:
        raise ValueError(f"{value!r} has no UTC offset")
    return True


def schemas_dir() -> Path:
    """The directory holding ``*.schema.json`` files (see the module docstring for the order)."""
    env = os.environ.get("NEWSMON_SCHEMAS_DIR")
    if env:
        # an explicit setting never falls back: a typo must not pick up other schemas silently
        if any(Path(env).glob(f"*{SCHEMA_SUFFIX}")):
            return Path(env)
        raise ConfigError(f"NEWSMON_SCHEMAS_DIR={env}: no *{SCHEMA_SUFFIX} files there")
    candidates = [REPO_ROOT / "schemas", Path.cwd() / "schemas"]
    for candidate in candidates:
        if any(candidate.glob(f"*{SCHEMA_SUFFIX}")):
            return candidate
    raise ConfigError(
        f"no message schemas found in {', '.join(map(str, candidates))}; set NEWSMON_SCHEMAS_DIR"
    )


def available() -> list[str]:
    """Names of every schema in :func:`schemas_dir`, sorted."""
    return sorted(p.name.removesuffix(SCHEMA_SUFFIX) for p in schemas_dir().glob(f"*{SCHEMA_SUFFIX}"))


@cache
def _validator(name: str) -> Validator:
    path = schemas_dir() / f"{name}{SCHEMA_SUFFIX}"
    if not path.is_file():
        raise SchemaValidationError(name, f"unknown schema (no {path})")
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}:{exc.lineno}: invalid JSON: {exc.msg}") from exc
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator: Validator = cls(schema, format_checker=_format_checker)
    return validator


def schema(name: str) -> dict[str, Any]:
    """The parsed JSON Schema called ``name``."""
    return dict(_validator(name).schema)


def validate(name: str, message: dict[str, Any]) -> None:
    """Raise :class:`SchemaValidationError` unless ``message`` matches schema ``name``."""
    validator = _validator(name)
    error = jsonschema.exceptions.best_match(validator.iter_errors(message))
    if error is None:
        return
    raise SchemaValidationError(name, error.message, error.json_path) from error


def encode(name: str, message: dict[str, Any]) -> bytes:
    """Validate ``message`` against schema ``name`` and serialise it as compact UTF-8 JSON."""
    validate(name, message)
    return json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def decode(name: str, raw: bytes | str) -> dict[str, Any]:
    """Parse a Kafka message value and validate it against schema ``name``."""
    try:
        message = json.loads(raw)
    except UnicodeDecodeError as exc:
        raise SchemaValidationError(name, f"not UTF-8: {exc.reason} at byte {exc.start}") from exc
    except json.JSONDecodeError as exc:
        raise SchemaValidationError(
            name, f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from exc
    if not isinstance(message, dict):
        raise SchemaValidationError(name, f"expected a JSON object, got {type(message).__name__}", "$")
    validate(name, message)
    return message
