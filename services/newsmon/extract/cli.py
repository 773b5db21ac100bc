"""``newsmon extract``: quotes and meetings from one file, or from JSON lines.

    newsmon extract FILE [--published YYYY-MM-DD] [--title T]   (FILE may be '-'; text or HTML)
    newsmon extract --jsonl IN                                   (IN may be '-')

JSON-lines input has one object per line, ``{"id", "text", "published"?, "title"?}``; the
output has one line per input line, ``{"id", "quotes", "meetings"}``, or ``{"id", "line",
"error"}`` for a line that cannot be processed (processing goes on with the next line).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator
from typing import IO, Any

from newsmon.errors import ExtractionError
from newsmon.extract.meetings import flat_result
from newsmon.extract.pipeline import ArticleInput, Extractor
from newsmon.logs import configure, get_logger

log = get_logger(__name__)


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from exc


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsmon extract", description=__doc__.split("\n\n")[0])
    p.add_argument("file", nargs="?", help="article text or HTML file, '-' for stdin")
    p.add_argument("--jsonl", metavar="IN", help="JSON lines input file, '-' for stdin")
    p.add_argument("--published", type=_date, help="publication date YYYY-MM-DD (resolves 'on Monday')")
    p.add_argument("--title", help="article title")
    p.add_argument("--model", help="spaCy model (default: NEWSMON_SPACY_MODEL)")
    return p


def _open(path: str) -> IO[str]:
    if path == "-":
        return sys.stdin
    return open(path, encoding="utf-8", errors="replace")  # noqa: SIM115 - closed by the caller


def parse_line(line: str, lineno: int) -> ArticleInput:
    """One JSON-lines record as an :class:`ArticleInput`; ``ExtractionError`` says what is wrong."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ExtractionError(f"line {lineno}: invalid JSON: {exc.msg}") from exc
    if not isinstance(obj, dict):
        raise ExtractionError(f"line {lineno}: expected a JSON object")
    text = obj.get("text")
    if not isinstance(text, str):
        raise ExtractionError(f"line {lineno}: 'text' must be a string")
    published = None
    if obj.get("published"):
        try:
            published = dt.date.fromisoformat(str(obj["published"])[:10])
        except ValueError as exc:
            raise ExtractionError(
                f"line {lineno}: 'published' is not YYYY-MM-DD: {obj['published']!r}"
            ) from exc
    title = obj.get("title")
    return ArticleInput(
        text=text,
        published=published,
        title=title if isinstance(title, str) else None,
        id=str(obj.get("id", lineno)),
    )


def run_jsonl(extractor: Extractor, stream: IO[str], out: IO[str]) -> int:
    """Extract every good line (batched through ``nlp.pipe``); write errors for the bad ones."""
    errors = 0
    pending: list[tuple[int, ArticleInput | dict[str, Any]]] = []

    def lines() -> Iterator[tuple[int, ArticleInput | dict[str, Any]]]:
        for lineno, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                yield lineno, parse_line(line, lineno)
            except ExtractionError as exc:
                try:
                    ident = json.loads(line).get("id")
                except (json.JSONDecodeError, AttributeError):
                    ident = None
                yield lineno, {"id": ident, "line": lineno, "error": str(exc)}

    def flush() -> None:
        goods = [item for _, item in pending if isinstance(item, ArticleInput)]
        results = iter(extractor.extract_many(goods)) if goods else iter(())
        for _, item in pending:
            if isinstance(item, ArticleInput):
                res = next(results)
                out.write(json.dumps({"id": item.id, **flat_result(res)}, ensure_ascii=False) + "\n")
            else:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
        out.flush()
        pending.clear()

    for lineno, item in lines():
        if isinstance(item, dict):
            errors += 1
            log.warning("bad input line", line=lineno, error=item["error"])
        pending.append((lineno, item))
        if len(pending) >= 64:
            flush()
    flush()
    return errors


def main(argv: list[str]) -> int:
    """Entry point of ``newsmon extract``; 0 on success, 1 when some input lines were bad, 2 on usage."""
    args = _parser().parse_args(argv)
    configure()  # logs go to stderr: stdout carries only the JSON results
    if bool(args.file) == bool(args.jsonl):
        _parser().print_usage(sys.stderr)
        print("newsmon extract: give either FILE or --jsonl IN", file=sys.stderr)
        return 2
    try:
        source = _open(args.jsonl or args.file)
    except OSError as exc:
        print(f"newsmon extract: cannot read {args.jsonl or args.file}: {exc}", file=sys.stderr)
        return 2
    extractor = Extractor(args.model)
    with source:
        if args.jsonl:
            bad = run_jsonl(extractor, source, sys.stdout)
            return 1 if bad else 0
        result = extractor.extract(source.read(), published=args.published, title=args.title)
    print(json.dumps(flat_result(result), ensure_ascii=False, indent=2))
    return 0
