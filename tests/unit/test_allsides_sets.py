"""eval/tools/allsides_sets.py: a set drawn from a (local, throwaway) git repository in AllSides'
layout is packed without its text and restored to the same articles and gold."""

from __future__ import annotations

import importlib.util
import json
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

TOOL = Path(__file__).resolve().parents[2] / "eval" / "tools" / "allsides_sets.py"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("allsides_sets", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _repo(root: Path) -> Path:
    repo = root / "bias"
    (repo / "data" / "jsons").mkdir(parents=True)
    words = " ".join(["filler"] * 160)
    for i in range(6):
        met = "Kerry met with Lavrov in Geneva on Monday. " if i % 2 == 0 else ""
        item = {
            "ID": f"id{i}",
            "title": f"Story {i}",
            "date": "9/16/17" if i == 0 else "2017-09-18",
            "source": "Wire",
            "topic": "world" if i < 3 else "elections",
            "content_original": f"{met}{words}.\n\n\n\nSecond paragraph {i}.",
        }
        (repo / "data" / "jsons" / f"id{i}.json").write_text(json.dumps(item))
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "data"], check=True)
    return repo


def test_draw_pack_restore_round_trip(tmp_path: Path) -> None:
    tool = _tool()
    repo = _repo(tmp_path)
    out = tmp_path / "sets"
    tool.main(["draw", "--repo", str(repo), "--seed", "7", "--name", "x", "--out", str(out),
               "--with-meetings", "2", "--without", "1"])  # fmt: skip
    meta = json.loads((out / "x.meta.json").read_text())
    assert len(meta) == 3 and all(m["date"] in ("2017-09-16", "2017-09-18") for m in meta)
    (out / "x" / "gold").mkdir()
    for m in meta:
        text = (out / "x" / f"{m['name']}.txt").read_text()
        assert "\n\n\n" not in text
        found = []
        if "Kerry met" in text:
            found = [
                {
                    "participants": ["John Kerry", "Sergei Lavrov"],
                    "location": "Geneva",
                    "date": None,
                    "status": "held",
                    "kind": "meeting",
                    "evidence": "Kerry met with Lavrov in Geneva",
                }
            ]
        gold = {
            "article": {"file": f"{m['name']}.txt", "published": m["date"]},
            "quotes": [],
            "meetings": found,
        }
        (out / "x" / "gold" / f"{m['name']}.json").write_text(json.dumps(gold))
    packed = tmp_path / "x.json"
    tool.main(["pack", "--repo", str(repo), "--set", str(out / "x"), "--meta", str(out / "x.meta.json"),
               "--out", str(packed)])  # fmt: skip
    assert "Kerry met with" not in packed.read_text()  # no article text is kept
    restored = tmp_path / "restored"
    tool.main(["restore", "--repo", str(repo), "--packed", str(packed), "--out", str(restored)])
    for m in meta:
        assert (restored / f"{m['name']}.txt").read_text() == (out / "x" / f"{m['name']}.txt").read_text()
        back = json.loads((restored / f"{m['name']}.json").read_text())
        orig = json.loads((out / "x" / "gold" / f"{m['name']}.json").read_text())
        assert back["meetings"] == orig["meetings"]
        assert back["article"]["published"] == m["date"]


def test_draw_keeps_only_the_topics_asked_for(tmp_path: Path) -> None:
    tool = _tool()
    repo = _repo(tmp_path)
    out = tmp_path / "sets"
    tool.main(["draw", "--repo", str(repo), "--seed", "7", "--name", "w", "--out", str(out),
               "--with-meetings", "5", "--without", "5", "--topics", "world,middle_east"])  # fmt: skip
    meta = json.loads((out / "w.meta.json").read_text())
    assert sorted(m["ID"] for m in meta) == ["id0", "id1", "id2"]
    assert {m["topic"] for m in meta} == {"world"}


def test_a_missing_article_is_a_clear_error(tmp_path: Path) -> None:
    tool = _tool()
    repo = _repo(tmp_path)
    packed = tmp_path / "p.json"
    article = {"name": "z01", "allsides_id": "nope", "published": "2017-01-01", "meetings": []}
    packed.write_text(json.dumps({"articles": [article]}))
    with pytest.raises(SystemExit, match="nope"):
        tool.main(["restore", "--repo", str(repo), "--packed", str(packed), "--out", str(tmp_path / "r")])
