"""What every extractor gets for one article: the parse, the text and the publication date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from newsmon.extract.text import Prepared


@dataclass
class ArticleContext:
    """One parsed article. ``names`` is filled by the entity resolver (newsmon.extract.entities)."""

    doc: Doc
    text: str
    published: dt.date | None
    title: str | None
    is_html: bool = False
    extras: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def build(
        cls, doc: Doc, prepared: Prepared, published: dt.date | None = None, title: str | None = None
    ) -> ArticleContext:
        return cls(doc=doc, text=prepared.text, published=published, title=title, is_html=prepared.is_html)
