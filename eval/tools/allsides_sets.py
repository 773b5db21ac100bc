"""Real-news meeting sets drawn from AllSides' article-bias data, kept without their text.

The articles (Baly et al. 2020, github.com/ramybaly/Article-Bias-Prediction, 37,554 articles from
2012-2020) are news text, so the repository keeps only what a set needs to be rebuilt: each article's
AllSides ID and publication date, and the blind annotation of its meetings with the evidence as
character offsets instead of the sentence itself. Standard library only.

  allsides_sets.py draw    --repo MIRROR --seed N --name m --out DIR [--exclude sets/*.json]
                           [--topics world,middle_east,...]
  allsides_sets.py pack    --repo MIRROR --set DIR/m --meta DIR/m.meta.json --out eval/allsides/m.json
  allsides_sets.py restore --repo MIRROR --packed eval/allsides/m.json --out DIR/m

MIRROR is a git directory of the repository (the agent tool ``fetch`` gives one; a ``git clone``
works too). ``restore`` writes ``NAME.txt`` (title, blank line, body) and ``NAME.json`` (gold in the
scorer's format) for every article, so ``newsmon eval --corpus DIR/m`` scores it.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

# articles that mention a meeting somewhere (most of a set) and some that do not
MEETING_WORDS = re.compile(
    r"\b(met with|meets? with|meeting with|summit|talks with|phone call|spoke by phone|visit(?:ed|s)? "
    r"|sat down with|negotiations|will meet|to meet|council meeting|called)\b",
    re.I,
)


def _git_json(repo: str, paths: list[str]) -> list[dict[str, Any]]:
    out = []
    missing = None
    with subprocess.Popen(
        ["git", "-C", repo, "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    ) as proc:
        assert proc.stdin is not None and proc.stdout is not None
        for path in paths:
            proc.stdin.write(f"HEAD:{path}\n".encode())
            proc.stdin.flush()
            header = proc.stdout.readline().split()
            if len(header) < 3 or header[1] == b"missing":
                missing = path
                break
            data = proc.stdout.read(int(header[2]))
            proc.stdout.read(1)
            out.append(json.loads(data))
        proc.stdin.close()
        proc.stdout.read()
    if missing is not None:
        raise SystemExit(f"{missing}: not in {repo}")
    return out


def _all_paths(repo: str) -> list[str]:
    listing = subprocess.run(
        ["git", "-C", repo, "ls-tree", "-r", "--name-only", "HEAD", "data/jsons/"],
        capture_output=True,
        text=True,
        check=True,
    )
    return listing.stdout.split()


def _iso(date: str) -> str:
    """AllSides writes "2016-09-20" or "9/16/17"."""
    if "/" in date:
        month, day, year = (int(x) for x in date.split("/"))
        return f"{year + 2000 if year < 100 else year:04d}-{month:02d}-{day:02d}"
    return date


def article_text(item: dict[str, Any]) -> str:
    body = re.sub(r"\n{3,}", "\n\n", item["content_original"].strip())
    return f"{item['title'].strip()}\n\n{body}\n"


def draw(args: argparse.Namespace) -> None:
    exclude = {m["allsides_id"] for f in args.exclude for m in json.loads(Path(f).read_text())["articles"]}
    exclude |= {m["ID"] for f in args.exclude_meta for m in json.loads(Path(f).read_text())}
    items = [
        a
        for a in _git_json(args.repo, _all_paths(args.repo))
        if a.get("date") and a.get("content_original") and a["ID"] not in exclude
    ]
    items = [a for a in items if 150 <= len(a["content_original"].split()) <= 1500]
    if args.topics:
        wanted = {t.strip() for t in args.topics.split(",") if t.strip()}
        items = [a for a in items if a.get("topic") in wanted]
    rng = random.Random(args.seed)  # noqa: S311 - a reproducible draw, not a secret
    rng.shuffle(items)
    meet = [a for a in items if MEETING_WORDS.search(a["content_original"])][: args.with_meetings]
    other = [a for a in items if not MEETING_WORDS.search(a["content_original"])][: args.without]
    chosen = meet + other
    rng.shuffle(chosen)
    out = Path(args.out) / args.name
    out.mkdir(parents=True, exist_ok=True)
    meta = []
    for i, a in enumerate(chosen, 1):
        name = f"{args.name}{i:02d}"
        (out / f"{name}.txt").write_text(article_text(a), encoding="utf-8")
        meta.append(
            {
                "name": name,
                "ID": a["ID"],
                "source": a["source"],
                "date": _iso(a["date"]),
                "topic": a.get("topic"),
            }
        )
    Path(f"{out}.meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    print(f"{len(chosen)} articles in {out}")


def pack(args: argparse.Namespace) -> None:
    meta = json.loads(Path(args.meta).read_text())
    articles = []
    for m in meta:
        text = (Path(args.set) / f"{m['name']}.txt").read_text(encoding="utf-8")
        gold = json.loads((Path(args.set) / "gold" / f"{m['name']}.json").read_text(encoding="utf-8"))
        meetings = []
        for g in gold["meetings"]:
            at = text.find(g.get("evidence") or "\0")
            entry = {k: v for k, v in g.items() if k != "evidence"}
            entry["evidence_span"] = [at, at + len(g["evidence"])] if at >= 0 else None
            meetings.append(entry)
        articles.append(
            {"name": m["name"], "allsides_id": m["ID"], "published": _iso(m["date"]), "meetings": meetings}
        )
    doc = {"source": "github.com/ramybaly/Article-Bias-Prediction", "articles": articles}
    Path(args.out).write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(articles)} articles, {sum(len(a['meetings']) for a in articles)} meetings -> {args.out}")


def restore(args: argparse.Namespace) -> None:
    packed = json.loads(Path(args.packed).read_text(encoding="utf-8"))
    paths = [f"data/jsons/{a['allsides_id']}.json" for a in packed["articles"]]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for art, item in zip(packed["articles"], _git_json(args.repo, paths), strict=True):
        text = article_text(item)
        meetings = []
        for m in art["meetings"]:
            span = m.get("evidence_span")
            gold = {k: v for k, v in m.items() if k != "evidence_span"}
            gold["evidence"] = text[span[0] : span[1]] if span else ""
            meetings.append(gold)
        head = {"file": f"{art['name']}.txt", "published": art["published"], "title": text.split("\n", 1)[0]}
        (out / f"{art['name']}.txt").write_text(text, encoding="utf-8")
        gold_doc = {"article": head, "quotes": [], "meetings": meetings}
        (out / f"{art['name']}.json").write_text(json.dumps(gold_doc, indent=1, ensure_ascii=False), "utf-8")
    print(f"{len(paths)} articles -> {out}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--repo", required=True)
    d.add_argument("--seed", type=int, required=True)
    d.add_argument("--name", required=True)
    d.add_argument("--out", required=True)
    d.add_argument("--with-meetings", type=int, default=25)
    d.add_argument("--without", type=int, default=5)
    d.add_argument("--topics", default="", help="comma-separated AllSides topics to draw from (default: all)")
    d.add_argument("--exclude", nargs="*", default=[], help="packed sets whose articles to leave out")
    d.add_argument("--exclude-meta", nargs="*", default=[], help="meta files of drawn, unpacked sets")
    p = sub.add_parser("pack")
    p.add_argument("--repo", required=True)
    p.add_argument("--set", required=True)
    p.add_argument("--meta", required=True)
    p.add_argument("--out", required=True)
    r = sub.add_parser("restore")
    r.add_argument("--repo", required=True)
    r.add_argument("--packed", required=True)
    r.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    {"draw": draw, "pack": pack, "restore": restore}[args.command](args)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
