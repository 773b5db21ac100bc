"""``newsmon bench``: extraction speed beside bare spaCy parsing of the same texts, in one run.

    newsmon bench [--corpus DIR ...] [--repeat N] [--batch-size B]

Texts are every ``*.txt``/``*.html`` article of the corpora (default: ``eval/corpus`` and
``../shared/eval/dev``). Both sides get the same texts; the runs alternate (bare, extract, bare,
...) after one warm-up so that caches and CPU frequency treat them alike. The ratio is
extraction articles/s over bare ``nlp.pipe`` articles/s; the target is >= 0.8 (extraction adds
at most 25% to parse time). Peak memory is the tracemalloc peak of each side and the process's
maximum RSS, taken in a separate untimed run (tracemalloc slows Python code down).

``--run-on`` adds the worst case: one unpunctuated "sentence" of 10k, 40k and 160k characters
(a broken page), timed against bare parsing of the same text. Extraction must grow with the
text, not with its square: the extract/bare ratio should stay about the same at every size.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from newsmon.extract.evaluate import DEFAULT_CORPORA
from newsmon.extract.pipeline import ArticleInput, Extractor
from newsmon.extract.text import prepare
from newsmon.logs import configure


def corpus_texts(dirs: list[Path]) -> list[str]:
    """The article files (.txt, .html) of the given directories."""
    texts: list[str] = []
    for d in dirs:
        if not d.is_dir():
            print(f"  {d}: absent, skipped", file=sys.stderr)
            continue
        for f in sorted(d.iterdir()):
            if f.suffix in {".txt", ".html"}:
                texts.append(f.read_text(encoding="utf-8"))
    return texts


def _timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _peak(fn: Callable[[], object]) -> int:
    """tracemalloc peak of one run; measured apart from the timing, which tracemalloc slows down."""
    tracemalloc.start()
    tracemalloc.reset_peak()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def run(texts: list[str], repeat: int, batch_size: int, model: str | None = None) -> dict[str, float]:
    """Measure both sides; return articles/s, words/s, peaks and the ratio."""
    extractor = Extractor(model)
    nlp = extractor.nlp
    prepared = [prepare(t).text for t in texts]
    items = [ArticleInput(text=t) for t in texts]
    words = sum(len(t.split()) for t in prepared)

    def bare() -> None:
        for _ in nlp.pipe(prepared, batch_size=batch_size):
            pass

    def extract() -> None:
        for _ in extractor.extract_many(items, batch_size=batch_size):
            pass

    extract()  # warm-up: lazy initialisation on both paths
    bare_times: list[float] = []
    ext_times: list[float] = []
    for _ in range(repeat):  # alternate so both sides see the same machine load
        bare_times.append(_timed(bare))
        ext_times.append(_timed(extract))
    bare_peak, ext_peak = _peak(bare), _peak(extract)
    tb, te = min(bare_times), min(ext_times)
    n = len(texts)
    return {
        "articles": n,
        "words": words,
        "bare_articles_s": n / tb,
        "bare_words_s": words / tb,
        "extract_articles_s": n / te,
        "extract_words_s": words / te,
        "bare_peak_mb": bare_peak / 1e6,
        "extract_peak_mb": ext_peak / 1e6,
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "ratio": tb / te,
    }


RUN_ON = (
    "Senator John Smith met with Governor Ann Lee in Boston on Monday and talks with Russia "
    "continued while Obama said the summit would go on "
)


def run_on(sizes: list[int], model: str | None = None) -> list[tuple[int, float, float]]:
    """(characters, bare seconds, extract seconds) for one unpunctuated text of each size."""
    extractor = Extractor(model)
    extractor.extract("Warm up. Obama met Putin on Monday.")
    out = []
    for size in sizes:
        text = (RUN_ON * (size // len(RUN_ON) + 1))[:size]
        bare = _timed(lambda text=text: extractor.nlp(text))  # type: ignore[misc]
        ext = _timed(lambda text=text: extractor.extract(text))  # type: ignore[misc]
        out.append((size, bare, ext))
    return out


def main(argv: list[str]) -> int:
    """Entry point of ``newsmon bench``."""
    p = argparse.ArgumentParser(prog="newsmon bench", description="extraction speed vs bare nlp.pipe")
    p.add_argument("--corpus", action="append", type=Path, help="directory of .txt/.html articles")
    p.add_argument("--repeat", type=int, default=3, help="timed runs per side (best is kept)")
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--model", help="spaCy model (default: NEWSMON_SPACY_MODEL)")
    p.add_argument("--run-on", action="store_true", help="also time unpunctuated texts of 10k-160k chars")
    args = p.parse_args(argv)
    configure()  # logs to stderr, results on stdout
    texts = corpus_texts(args.corpus or DEFAULT_CORPORA)
    if not texts:
        print("newsmon bench: no .txt or .html articles found", file=sys.stderr)
        return 2
    r = run(texts, max(1, args.repeat), args.batch_size, args.model)
    print(f"corpus: {r['articles']:.0f} articles, {r['words']:.0f} words; best of {args.repeat} runs")
    print(
        f"bare nlp.pipe      {r['bare_articles_s']:8.2f} articles/s  {r['bare_words_s']:9.0f} words/s  "
        f"peak {r['bare_peak_mb']:.1f} MB (tracemalloc)"
    )
    print(
        f"extract_many       {r['extract_articles_s']:8.2f} articles/s  {r['extract_words_s']:9.0f} words/s  "
        f"peak {r['extract_peak_mb']:.1f} MB (tracemalloc)"
    )
    print(f"process max RSS    {r['max_rss_mb']:.0f} MB")
    verdict = "OK" if r["ratio"] >= 0.8 else "BELOW TARGET"
    print(f"ratio extract/bare {r['ratio']:.3f}  (target >= 0.8: {verdict})")
    if args.run_on:
        print("run-on text (no sentence stops): characters, bare parse s, extraction s, ratio")
        for size, bare, ext in run_on([10_000, 40_000, 160_000], args.model):
            print(f"  {size:>7}  {bare:7.2f}  {ext:7.2f}  {bare / ext:.3f}")
    return 0
