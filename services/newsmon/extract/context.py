"""What every extractor gets for one article: the parse, the text and the publication date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from newsmon.extract.dateline import dateline_end
from newsmon.extract.entities import NameIndex
from newsmon.extract.entity_repairs import (
    join_caucus_names,
    join_hyphenated_names,
    join_lowercase_bodies,
    tag_sovereigns,
    trim_cross_sentence_entities,
    trim_dangling_words,
    trim_dateline_entities,
)
from newsmon.extract.spans import freeze_ents
from newsmon.extract.text import Prepared


@dataclass
class ArticleContext:
    """One parsed article.

    ``names`` is the per-article name index (newsmon.extract.entities.NameIndex): use
    ``ctx.names.canonical(mention)``, ``ctx.names.title_of(name)`` and ``ctx.names.kind_of(name)``
    so quotes and meetings name the same person the same way.
    """

    doc: Doc
    text: str
    published: dt.date | None
    title: str | None
    is_html: bool = False
    names: NameIndex = field(default_factory=NameIndex)
    dateline_end: int = 0  # offset after "GENEVA (Wire) — "; 0 when there is none
    extras: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def build(
        cls, doc: Doc, prepared: Prepared, published: dt.date | None = None, title: str | None = None
    ) -> ArticleContext:
        end = dateline_end(prepared.text)
        trim_dateline_entities(doc, end)
        trim_cross_sentence_entities(doc)
        trim_dangling_words(doc)
        join_hyphenated_names(doc)
        join_caucus_names(doc)
        join_lowercase_bodies(doc)
        tag_sovereigns(doc)
        names = NameIndex.build(doc)
        recovered = names.recovered_people(doc)  # "Trump met ...": a known person the NER missed
        relabelled = names.mislabelled_people(doc)  # "as Panetta flew": one it labelled a PRODUCT
        if recovered or relabelled:  # is a PERSON entity for every rule
            starts = {s.start for s in relabelled}
            kept = [e for e in doc.ents if e.start not in starts]
            doc.ents = sorted([*kept, *recovered, *relabelled], key=lambda e: e.start)
        freeze_ents(doc)  # no rule changes the entities from here on
        return cls(
            doc=doc,
            text=prepared.text,
            published=published,
            title=title,
            is_html=prepared.is_html,
            names=names,
            dateline_end=end,
        )
