"""Message schemas: every example validates, bad messages are refused with their JSON path."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from newsmon import schemas
from newsmon.errors import ConfigError, SchemaValidationError

EXAMPLES = sorted(Path(schemas.schemas_dir(), "examples").glob("*/*.json"))


def _example(name: str) -> dict[str, Any]:
    path = next(p for p in EXAMPLES if p.parent.name == name)
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_schema_has_examples_and_a_topic_file() -> None:
    names = schemas.available()
    assert {"articles.v1", "dead-letter.v1"} <= set(names)
    for name in names:
        assert any(p.parent.name == name for p in EXAMPLES), f"no example for {name}"
        topic = yaml.safe_load((schemas.schemas_dir() / "topics" / f"{name}.yaml").read_text())
        assert topic["schema"] == f"{name}.schema.json"
        assert topic["creation"]["partitions"] >= 1
        assert topic["producers"] and topic["consumers"]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_example_validates_and_round_trips(path: Path) -> None:
    message = json.loads(path.read_text(encoding="utf-8"))
    name = path.parent.name
    schemas.validate(name, message)
    assert schemas.decode(name, schemas.encode(name, message)) == message


@pytest.mark.parametrize(
    ("change", "path_fragment"),
    [
        (lambda m: m.pop("body"), "$"),
        (lambda m: m.update(body_source="page"), "$.body_source"),
        (lambda m: m.update(id="3c1f"), "$.id"),
        (lambda m: m.update(published="last Tuesday"), "$.published"),
        (lambda m: m.update(published="2024-03-05T09:30:00"), "$.published"),  # no offset
        (lambda m: m["feed"].pop("url"), "$.feed"),
        (lambda m: m.update(authors=[""]), "$.authors[0]"),
        (lambda m: m.update(html="yes"), "$.html"),
        (lambda m: m.update(surprise=1), "$"),
    ],
)
def test_article_rejections_name_the_path(change: Any, path_fragment: str) -> None:
    message = copy.deepcopy(_example("articles.v1"))
    change(message)
    with pytest.raises(SchemaValidationError) as info:
        schemas.encode("articles.v1", message)
    assert info.value.path == path_fragment
    assert str(info.value).startswith("articles.v1: ")
    assert info.value.__cause__ is not None


def test_dead_letter_rejects_unknown_stage() -> None:
    message = _example("dead-letter.v1")
    message["stage"] = "publish"
    with pytest.raises(SchemaValidationError, match=r"\$\.stage"):
        schemas.validate("dead-letter.v1", message)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [(b"\xff\xfe{", "not UTF-8"), (b"{not json", "not JSON"), (b"[1, 2]", "expected a JSON object")],
)
def test_decode_refuses_garbage(raw: bytes, reason: str) -> None:
    with pytest.raises(SchemaValidationError, match=reason):
        schemas.decode("articles.v1", raw)


def test_unknown_schema_is_an_error() -> None:
    with pytest.raises(SchemaValidationError, match="unknown schema"):
        schemas.validate("nope.v9", {})


def test_schemas_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "articles.v1.schema.json").write_text(
        (schemas.schemas_dir() / "articles.v1.schema.json").read_text()
    )
    monkeypatch.setenv("NEWSMON_SCHEMAS_DIR", str(tmp_path))
    assert schemas.schemas_dir() == tmp_path
    monkeypatch.setenv("NEWSMON_SCHEMAS_DIR", str(tmp_path / "missing"))
    with pytest.raises(ConfigError, match="NEWSMON_SCHEMAS_DIR"):
        schemas.schemas_dir()
