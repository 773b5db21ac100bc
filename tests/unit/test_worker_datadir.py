"""The worker's Faust data directory lives under NEWSMON_STATE_DIR, never in the working directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsmon.errors import ConfigError
from newsmon_worker.app import build_app
from newsmon_worker.settings import WorkerSettings


def test_faust_datadir_is_created_under_the_state_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    settings = WorkerSettings(state_dir=tmp_path / "state" / "nested", worker_app_id="w-datadir")
    app, _ = build_app(settings, extractor=None)
    expected = tmp_path / "state" / "nested" / "worker" / "w-datadir"
    assert Path(str(app.conf.datadir)).resolve() == expected.resolve()
    assert expected.is_dir()
    assert list(cwd.iterdir()) == []


def test_unwritable_state_dir_is_a_config_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(ConfigError, match="NEWSMON_STATE_DIR"):
        build_app(WorkerSettings(state_dir=blocker, worker_agents="quotes"), extractor=None)
