"""Load a YAML config file into a pydantic model, with errors that name file, line and field.

``load_yaml_model(path, Model)`` is the one way newsmon reads ``feeds.yaml`` and ``rules.yaml``:

* YAML syntax errors -> ``ConfigError("feeds.yaml:7: ...")``;
* validation errors -> one line per problem, ``feeds.yaml:12: feeds[1].interval: <reason>``, the line
  being where the offending value (or, for a missing field, its enclosing mapping) starts;
* ``${VAR}`` in string values is replaced from the environment (``${VAR:-default}`` gives a
  default; ``$${`` is a literal ``${``); an unset variable without default is a ConfigError naming
  the variable, the file and the line. Substitution happens before validation, so a secret read
  from the environment is validated like any other value.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import pydantic
import yaml

from newsmon.errors import ConfigError

T = TypeVar("T", bound=pydantic.BaseModel)

Loc = tuple[str | int, ...]

_ENV_REF = re.compile(r"\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")


def load_yaml_model(path: Path, model: type[T]) -> T:
    """Read ``path`` (YAML) and validate it as ``model``; raise :class:`ConfigError` on any problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    data, lines = parse_yaml(text, str(path))
    data = substitute_env(data, lines, str(path))
    try:
        return model.model_validate(data if data is not None else {})
    except pydantic.ValidationError as exc:
        raise ConfigError(format_validation_error(exc, lines, str(path))) from exc


def parse_yaml(text: str, source: str) -> tuple[Any, dict[Loc, int]]:
    """Parse YAML ``text``; return the data and a map from each value's location to its line (1-based)."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{source}{line}: invalid YAML: {exc.problem or exc.context}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: invalid YAML: {exc}") from exc
    finally:
        loader.dispose()
    lines: dict[Loc, int] = {}
    if node is not None:
        _record_lines(node, (), lines)
    return data, lines


def _record_lines(node: yaml.Node, loc: Loc, lines: dict[Loc, int]) -> None:
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.start_mark)
            _record_lines(value_node, (*loc, key), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, (*loc, index), lines)


def line_of(loc: Loc, lines: Mapping[Loc, int]) -> int | None:
    """The line of the longest prefix of ``loc`` that exists in the file."""
    parts = tuple(str(p) if not isinstance(p, int) else p for p in loc)
    for end in range(len(parts), -1, -1):
        if parts[:end] in lines:
            return lines[parts[:end]]
    return None


def format_loc(loc: Loc) -> str:
    """``("feeds", 1, "interval")`` -> ``feeds[1].interval``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def format_validation_error(exc: pydantic.ValidationError, lines: Mapping[Loc, int], source: str) -> str:
    """One ``file:line: field: reason`` line per pydantic error."""
    out = []
    for error in exc.errors(include_url=False):
        # pydantic adds the union member / validator name to loc for some errors; keep data keys only
        loc: Loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        line = line_of(loc, lines)
        where = f"{source}:{line}" if line is not None else source
        out.append(f"{where}: {format_loc(loc)}: {error['msg']}")
    return "\n".join(out)


def substitute_env(data: Any, lines: Mapping[Loc, int], source: str, loc: Loc = ()) -> Any:
    """Replace ``${VAR}`` in every string value of ``data`` (recursively) from the environment."""
    if isinstance(data, str):
        return _substitute(data, loc, lines, source)
    if isinstance(data, dict):
        return {k: substitute_env(v, lines, source, (*loc, str(k))) for k, v in data.items()}
    if isinstance(data, list):
        return [substitute_env(v, lines, source, (*loc, i)) for i, v in enumerate(data)]
    return data


def _substitute(value: str, loc: Loc, lines: Mapping[Loc, int], source: str) -> str:
    def replace(match: re.Match[str]) -> str:
        if match.group(0) == "$${":
            return "${"
        name, default = match.group(1), match.group(2)
        env = os.environ.get(name)
        if env is not None:
            return env
        if default is not None:
            return default
        line = line_of(loc, lines)
        where = f"{source}:{line}" if line is not None else source
        raise ConfigError(f"{where}: {format_loc(loc)}: environment variable {name} is not set")

    return _ENV_REF.sub(replace, value)
