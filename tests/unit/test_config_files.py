"""load_yaml_model: file:line:field errors and ${VAR} substitution."""

from __future__ import annotations

from pathlib import Path

import pydantic
import pytest

from newsmon.config_files import load_yaml_model
from newsmon.errors import ConfigError


class Hook(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    name: str
    url: pydantic.SecretStr
    retries: int = 3


class Hooks(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    hooks: list[Hook]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "hooks.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_file_loads(tmp_path: Path) -> None:
    path = _write(tmp_path, "hooks:\n  - name: a\n    url: http://x\n")
    assert load_yaml_model(path, Hooks).hooks[0].name == "a"


def test_wrong_type_names_file_line_and_field(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "hooks:\n  - name: a\n    url: http://x\n  - name: b\n    url: http://y\n    retries: lots\n",
    )
    with pytest.raises(ConfigError) as info:
        load_yaml_model(path, Hooks)
    assert str(info.value).startswith(f"{path}:6: hooks[1].retries: ")


def test_missing_field_points_at_its_mapping(tmp_path: Path) -> None:
    path = _write(tmp_path, "hooks:\n  - name: a\n    url: http://x\n  - name: b\n")
    with pytest.raises(ConfigError, match=rf"^{path}:4: hooks\[1\]\.url: Field required"):
        load_yaml_model(path, Hooks)


def test_unknown_key_and_several_errors_are_all_reported(tmp_path: Path) -> None:
    path = _write(tmp_path, "hooks:\n  - name: a\n    url: http://x\n    colour: red\n  - url: http://y\n")
    with pytest.raises(ConfigError) as info:
        load_yaml_model(path, Hooks)
    lines = str(info.value).splitlines()
    assert f"{path}:4: hooks[0].colour: Extra inputs are not permitted" in lines
    assert f"{path}:5: hooks[1].name: Field required" in lines


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "hooks:\n  - name: a\n    url: [unclosed\n")
    with pytest.raises(ConfigError, match=rf"^{path}:4: invalid YAML"):
        load_yaml_model(path, Hooks)


def test_missing_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_yaml_model(tmp_path / "absent.yaml", Hooks)
    with pytest.raises(ConfigError, match=r"hooks: Field required"):
        load_yaml_model(_write(tmp_path, "# nothing yet\n"), Hooks)


def test_env_substitution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOOK_URL", "https://chat.example/hook/s3cret")
    path = _write(
        tmp_path,
        "hooks:\n  - name: ${HOOK_NAME:-fallback}\n    url: ${HOOK_URL}\n  - name: $${literal}\n    url: x\n",
    )
    hooks = load_yaml_model(path, Hooks).hooks
    assert hooks[0].name == "fallback"
    assert hooks[0].url.get_secret_value() == "https://chat.example/hook/s3cret"
    assert hooks[1].name == "${literal}"


def test_unset_env_var_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSMON_TEST_UNSET_HOOK", raising=False)
    path = _write(tmp_path, "hooks:\n  - name: a\n    url: ${NEWSMON_TEST_UNSET_HOOK}\n")
    with pytest.raises(
        ConfigError, match=rf"^{path}:3: hooks\[0\]\.url: environment variable NEWSMON_TEST_UNSET_HOOK"
    ):
        load_yaml_model(path, Hooks)
