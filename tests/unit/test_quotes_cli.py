"""``newsmon extract`` and ``newsmon eval`` end to end in-process (loads the spaCy model)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsmon.extract import cli, evaluate

pytestmark = pytest.mark.slow

ARTICLE = (
    "Health Minister Armindo Tiago visited Beira on Friday.\n\n"
    "“We are in a race against time,” Tiago told reporters. “The next two weeks will decide.”\n\n"
    "The ministry said 27 people had died since the floods began.\n"
)


def test_extract_plain_text_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    assert cli.main([str(f), "--published", "2024-02-09", "--title", "Cholera"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"quotes", "meetings"}
    direct = [q for q in out["quotes"] if q["direct"]]
    assert [q["speaker"] for q in direct] == ["Armindo Tiago", "Armindo Tiago"]
    for q in out["quotes"]:
        assert {
            "text",
            "parts",
            "speaker",
            "speaker_title",
            "speaker_type",
            "cue",
            "direct",
            "partial",
            "confidence",
        } <= set(q)


def test_extract_html_from_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    html = (
        "<html><body><nav>Home | News</nav><article><p class='byline'>By Dana Li</p>"
        "<figure><figcaption>“We lost everything,” one resident said. (Photo: AP)</figcaption></figure>"
        "<p>“This fire is moving fast,” Fire Chief Dolores Ramirez said.</p></article></body></html>"
    )
    monkeypatch.setattr("sys.stdin", io.StringIO(html))
    assert cli.main(["-"]) == 0
    out = json.loads(capsys.readouterr().out)
    pairs = [(q["text"], q["speaker"]) for q in out["quotes"]]
    assert pairs == [("This fire is moving fast,", "Dolores Ramirez")]


def test_extract_jsonl_reports_bad_lines_and_goes_on(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        json.dumps({"id": "a1", "text": ARTICLE, "published": "2024-02-09"}),
        "{not json",
        json.dumps({"id": "a3", "text": 42}),
        json.dumps({"id": "a4", "text": "“Fine,” said Mayor Ann Lee.", "published": "yesterday"}),
        json.dumps({"id": "a5", "text": "“Fine,” said Mayor Ann Lee."}),
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    assert cli.main(["--jsonl", "-"]) == 1  # some lines were bad
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r.get("id") for r in rows] == ["a1", None, "a3", "a4", "a5"]
    assert rows[0]["quotes"] and "error" not in rows[0]
    assert rows[1]["line"] == 2 and "invalid JSON" in rows[1]["error"]
    assert "'text' must be a string" in rows[2]["error"]
    assert "'published'" in rows[3]["error"]
    assert rows[4]["quotes"][0]["speaker"] == "Ann Lee"


def test_extract_usage_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert cli.main([]) == 2
    assert cli.main([str(tmp_path / "missing.txt")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_eval_scores_a_tiny_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scorer = evaluate.DEFAULT_SCORER
    if not scorer.exists():
        pytest.skip(f"the product owner's scorer {scorer} is not on this machine")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "t.txt").write_text(ARTICLE, encoding="utf-8")
    gold = {
        "article": {"file": "t.txt", "published": "2024-02-09", "title": "Cholera", "note": "test"},
        "quotes": [
            {"text": "We are in a race against time,", "speaker": "Armindo Tiago", "direct": True},
            {"text": "The next two weeks will decide.", "speaker": "Armindo Tiago", "direct": True},
            {"text": "27 people had died since the floods began", "speaker": "ministry", "direct": False},
        ],
        "meetings": [],
    }
    (corpus / "t.json").write_text(json.dumps(gold), encoding="utf-8")
    assert evaluate.main(["--corpus", str(corpus), "--corpus", str(tmp_path / "absent")]) == 0
    out = capsys.readouterr().out
    assert "direct quote span        F1 1.000" in out
    assert "direct quote + speaker   F1 1.000" in out
    assert "reported speech span     F1 1.000" in out
    assert "absent, skipped" in out


def test_jsonl_output_is_what_the_scorer_reads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`newsmon extract --jsonl` lines go straight into the product owner's scorer."""
    scorer = evaluate.DEFAULT_SCORER
    if not scorer.exists():
        pytest.skip(f"the product owner's scorer {scorer} is not on this machine")
    text = "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Thursday."
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "m", "text": text, "published": "2022-12-03"}) + "\n", encoding="utf-8")
    assert cli.main(["--jsonl", str(src)]) == 0
    row = json.loads(capsys.readouterr().out.strip())
    (tmp_path / "pred").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "pred" / "m.json").write_text(json.dumps(row), encoding="utf-8")
    gold = {
        "article": {"file": "m.txt", "published": "2022-12-03"},
        "quotes": [],
        "meetings": [
            {
                "participants": ["Olaf Scholz", "Emmanuel Macron"],
                "location": "Paris",
                "date": "2022-12-01",
                "status": "held",
            }
        ],
    }
    (tmp_path / "gold" / "m.json").write_text(json.dumps(gold), encoding="utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            str(scorer),
            "--gold-dir",
            str(tmp_path / "gold"),
            "--pred-dir",
            str(tmp_path / "pred"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)["summary"]
    assert summary["meetings"]["f1"] == 1.0
    assert summary["meeting_fields_on_matched"] == {"date_exact": 1.0, "location": 1.0, "status": 1.0}
    meeting = row["meetings"][0]
    assert meeting["place"]["country_code"] == "FR"
    assert {p["type"] for p in meeting["participant_details"]} == {"person"}
