"""``newsmon eval``: run the extractor over annotated corpora and print the scorer's summary.

    newsmon eval [--corpus DIR ...] [--scorer PATH] [--details] [--json] [--keep DIR]

Default corpora: ``eval/corpus`` and ``../shared/eval/dev`` (relative to the repository root;
skipped with a note when absent). Each gold file ``NAME.json`` names its article in
``article.file``; predictions are written to a temporary directory as ``NAME.json`` and scored
by ``../shared/eval/score.py --gold-dir ... --pred-dir ...``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from newsmon.extract.meetings import flat_result
from newsmon.extract.pipeline import ArticleInput, Extractor
from newsmon.logs import configure

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_CORPORA = [ROOT / "eval" / "corpus", ROOT.parent / "shared" / "eval" / "dev"]
DEFAULT_SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def load_corpus(directory: Path) -> list[tuple[str, ArticleInput]]:
    """(name, article) for every gold file whose article text exists; complains about the others."""
    items: list[tuple[str, ArticleInput]] = []
    for gold_file in sorted(directory.glob("*.json")):
        try:
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            art = gold["article"]
            text = (directory / art["file"]).read_text(encoding="utf-8")
        except (OSError, KeyError, TypeError, json.JSONDecodeError) as exc:
            print(f"  skipped {gold_file.name}: {exc}", file=sys.stderr)
            continue
        published = None
        if art.get("published"):
            try:
                published = dt.date.fromisoformat(str(art["published"])[:10])
            except ValueError:
                print(f"  {gold_file.name}: bad published date {art['published']!r}", file=sys.stderr)
        items.append((gold_file.stem, ArticleInput(text=text, published=published, title=art.get("title"))))
    return items


def predict(extractor: Extractor, items: list[tuple[str, ArticleInput]], out_dir: Path) -> None:
    """Write one prediction file per article."""
    out_dir.mkdir(parents=True, exist_ok=True)
    results = extractor.extract_many(item for _, item in items)
    for (name, _), result in zip(items, results, strict=True):
        text = json.dumps(flat_result(result), ensure_ascii=False, indent=1)
        (out_dir / f"{name}.json").write_text(text, encoding="utf-8")


def score(scorer: Path, gold_dir: Path, pred_dir: Path) -> dict[str, Any]:
    """Run the product owner's scorer and return its JSON output."""
    proc = subprocess.run(
        [sys.executable, str(scorer), "--gold-dir", str(gold_dir), "--pred-dir", str(pred_dir)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"score.py failed ({proc.returncode}): {proc.stderr.strip()[:500]}")
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def _f(block: dict[str, Any]) -> str:
    counts = f"tp {block['tp']} fp {block['fp']} fn {block['fn']}"
    return f"F1 {block['f1']:.3f} (P {block['precision']:.3f} R {block['recall']:.3f}; {counts})"


def summary_lines(name: str, n: int, result: dict[str, Any]) -> list[str]:
    """The summary in the order analysts read it."""
    s = result["summary"]
    acc = s["direct_speaker_accuracy"]
    fields = s["meeting_fields_on_matched"]
    acc_text = (
        f"{acc['accuracy']:.3f} ({acc['right']}/{acc['scored']})" if acc["accuracy"] is not None else "n/a"
    )
    return [
        f"== {name}: {n} articles",
        f"  direct quote span        {_f(s['direct_span'])}",
        f"  direct quote + speaker   {_f(s['direct_span_and_speaker'])}",
        f"  direct speaker accuracy  {acc_text}",
        f"  reported speech span     {_f(s['indirect_span'])}",
        f"  meetings                 {_f(s['meetings'])}",
        f"  meeting participants     {_f(s['participants'])}",
        "  meeting fields (matched) "
        + ", ".join(f"{k} {v if v is None else f'{v:.3f}'}" for k, v in fields.items()),
    ]


def detail_lines(result: dict[str, Any]) -> list[str]:
    """Per-article misses, false positives and wrong speakers."""
    lines: list[str] = []
    for art, r in result["articles"].items():
        for kind in ("direct_quotes", "indirect_quotes"):
            q = r[kind]
            for text in q["missed"]:
                lines.append(f"  {art} {kind} MISSED  {text}")
            for text in q["false_positives"]:
                lines.append(f"  {art} {kind} FALSE+  {text}")
            for w in q["wrong_speaker"]:
                lines.append(f"  {art} {kind} SPEAKER gold={w['gold']} pred={w['pred']}  {w['text']}")
        for text in r["meetings"]["missed"]:
            lines.append(f"  {art} meetings MISSED  {text}")
        for text in r["meetings"]["false_positives"]:
            lines.append(f"  {art} meetings FALSE+  {text}")
    return lines


def main(argv: list[str]) -> int:
    """Entry point of ``newsmon eval``."""
    p = argparse.ArgumentParser(prog="newsmon eval", description="score extraction on annotated corpora")
    p.add_argument("--corpus", action="append", type=Path, help="gold directory (repeatable)")
    p.add_argument("--scorer", type=Path, default=DEFAULT_SCORER, help="path of score.py")
    p.add_argument("--details", action="store_true", help="list misses, false positives, wrong speakers")
    p.add_argument("--json", action="store_true", help="print the scorer's full JSON per corpus")
    p.add_argument("--keep", type=Path, help="write predictions here instead of a temporary directory")
    p.add_argument("--model", help="spaCy model (default: NEWSMON_SPACY_MODEL)")
    args = p.parse_args(argv)
    configure()  # logs to stderr, results on stdout
    if not args.scorer.exists():
        print(f"newsmon eval: scorer {args.scorer} is absent; cannot score", file=sys.stderr)
        return 2
    corpora: list[Path] = args.corpus or DEFAULT_CORPORA
    extractor = Extractor(args.model)
    status = 0
    with tempfile.TemporaryDirectory(prefix="newsmon-eval-") as tmp:
        base = args.keep or Path(tmp)
        for i, corpus in enumerate(corpora):
            if not corpus.is_dir():
                print(f"== {corpus}: absent, skipped")
                continue
            items = load_corpus(corpus)
            if not items:
                print(f"== {corpus}: no annotated articles, skipped")
                continue
            pred_dir = base / f"{i}-{corpus.name}"
            predict(extractor, items, pred_dir)
            try:
                result = score(args.scorer, corpus, pred_dir)
            except (RuntimeError, json.JSONDecodeError, subprocess.TimeoutExpired) as exc:
                print(f"== {corpus}: scoring failed: {exc}")
                status = 1
                continue
            print("\n".join(summary_lines(str(corpus), len(items), result)))
            if args.details:
                print("\n".join(detail_lines(result)))
            if args.json:
                print(json.dumps(result, ensure_ascii=False, indent=1))
    return status
