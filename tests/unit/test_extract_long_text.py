"""Long and run-on texts (loads spaCy: slow). Their cost is measured by ``newsmon bench --run-on``;
these tests check that the shortcuts that keep it linear change no result."""

from __future__ import annotations

from pathlib import Path

import pytest
from wire_helpers import PUB, meetings, people

from newsmon.extract import Extractor
from newsmon.extract.context import ArticleContext
from newsmon.extract.meeting_segments import MAX_SEGMENT_TOKENS, segments
from newsmon.extract.spans import doc_ents, ents_within, sentence_start, token_at
from newsmon.extract.text import prepare

pytestmark = pytest.mark.slow

FILLER = "and the committee went on discussing the budget for the coming year while the staff waited "
DEV = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "dev"


def context(extractor: Extractor, text: str) -> ArticleContext:
    prepared = prepare(text)
    return ArticleContext.build(extractor.nlp(prepared.text), prepared, published=PUB)


def test_frozen_entities_are_the_documents_own(extractor: Extractor) -> None:
    articles = sorted(DEV.glob("*.txt"))
    assert articles, f"no dev articles under {DEV}"
    ctx = context(extractor, articles[0].read_text(encoding="utf-8"))
    doc = ctx.doc
    assert doc_ents(doc) == tuple(doc.ents)
    spans = [*doc.sents, doc[3:40], doc[len(doc) // 2 : len(doc) // 2 + 7], doc[0:0]]
    for span in spans:
        assert ents_within(span) == list(span.ents)
    for tok in doc:
        assert sentence_start(doc, tok.i) == tok.sent.start
    for sent in list(doc.sents)[:5]:
        for char in range(sent.start_char, sent.end_char + 2):
            linear = next(
                (t for t in sent if t.idx <= char < t.idx + len(t.text) or t.idx >= char), sent.root
            )
            assert token_at(sent, char) == linear


def test_a_run_on_text_is_cut_into_bounded_units_that_cover_it(extractor: Extractor) -> None:
    ctx = context(extractor, FILLER * 60)
    units = list(segments(ctx.doc))
    assert len(units) > 1
    assert max(len(u) for u in units) <= MAX_SEGMENT_TOKENS
    assert all(a.end == b.start for a, b in zip(units, units[1:], strict=False))
    assert units[0].start == 0 and units[-1].end == len(ctx.doc)


def test_a_meeting_inside_a_run_on_text_is_still_found(extractor: Extractor) -> None:
    text = (
        FILLER * 20
        + "and Senator John Heinz met with Governor Dick Thornburgh in Pittsburgh on Monday "
        + FILLER * 20
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"John Heinz", "Dick Thornburgh"}
    assert (m["date"], m["location"]["name"]) == ("1987-04-13", "Pittsburgh")
