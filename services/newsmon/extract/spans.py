"""Entity, sentence and token lookups that stay cheap on long documents.

``Doc.ents`` builds a new ``Span`` for every entity of the document on each access, and
``Span.ents`` reads ``Doc.ents`` and filters it; the meeting and quote rules ask for them once
per trigger or cue, so a long article paid (triggers x entities) on every lookup. The article's
entities are frozen once :class:`newsmon.extract.context.ArticleContext` has repaired them
(:func:`freeze_ents`); :func:`doc_ents` and :func:`ents_within` then read that tuple, the latter
with a binary search. Both give exactly what ``doc.ents`` and ``span.ents`` give.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

_KEY = "newsmon_ents"


def freeze_ents(doc: Doc) -> None:
    """Record ``doc``'s entities (call after the last change to ``doc.ents``)."""
    ents = tuple(doc.ents)
    doc.user_data[_KEY] = (ents, [e.start for e in ents])


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, from the frozen record when there is one."""
    frozen = doc.user_data.get(_KEY)
    return frozen[0] if frozen is not None else tuple(doc.ents)


def ents_within(span: Span) -> list[Span]:
    """``span.ents``: the entities that fall completely within ``span``."""
    frozen = span.doc.user_data.get(_KEY)
    if frozen is None:
        return list(span.ents)
    ents, starts = frozen
    out: list[Span] = []
    for i in range(bisect.bisect_left(starts, span.start), len(ents)):
        if ents[i].end > span.end:
            break
        out.append(ents[i])
    return out


def ent_at(tok: Token) -> Span | None:
    """The entity ``tok`` lies in, if any (``doc.ents`` never overlap: a binary search)."""
    frozen = tok.doc.user_data.get(_KEY)
    if frozen is None:
        return next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    ents, starts = frozen
    i = bisect.bisect_right(starts, tok.i) - 1
    return ents[i] if i >= 0 and tok.i < ents[i].end else None


def _offsets(doc: Doc, key: str, build: Callable[[], list[int]]) -> list[int]:
    """A sorted list of ``doc``'s offsets, built on first use and kept in ``doc.user_data`` (the
    parse, and so the list, does not change once extraction starts)."""
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = build()
    return found


def sentence_start(doc: Doc, i: int) -> int:
    """Index of the first token of the sentence holding token ``i``: ``doc[i].sent.start``, which
    spaCy finds by walking the sentence on every call (quadratic over a run-on text's names)."""
    starts = _offsets(doc, "newsmon_sent_starts", lambda: [s.start for s in doc.sents])
    return starts[bisect.bisect_right(starts, i) - 1]


def sentence_end(doc: Doc, i: int) -> int:
    """Index after the last token of the sentence holding token ``i`` (``doc[i].sent.end``)."""
    starts = _offsets(doc, "newsmon_sent_starts", lambda: [s.start for s in doc.sents])
    k = bisect.bisect_right(starts, i)
    return starts[k] if k < len(starts) else len(doc)


def token_at(sent: Span, char: int) -> Token:
    """The token of ``sent`` at character offset ``char`` (of the document), else the first one
    after it, else the sentence's root; found by binary search on the document's token offsets."""
    doc = sent.doc
    starts = _offsets(doc, "newsmon_token_starts", lambda: [t.idx for t in doc])
    i = bisect.bisect_right(starts, char, sent.start, sent.end) - 1
    if i >= sent.start and char < doc[i].idx + len(doc[i].text):
        return doc[i]
    return doc[i + 1] if i + 1 < sent.end else sent.root
