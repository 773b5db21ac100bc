"""The units meeting rules read one at a time, and the spans they skip.

Sentences are also cut at line breaks (headlines, datelines and captions are units of their own)
and into windows of at most :data:`MAX_SEGMENT_TOKENS` tokens; the headline and its pieces, and
direct quotes (a speaker's words, not a reported event) are found here too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from newsmon.extract.meeting_cues import Trigger

_QUOTED = re.compile(r"“[^”\n]{1,600}”|\"[^\"\n]{1,600}\"|''[^\n]{1,600}?''")  # '' quotes: wire archives


MAX_SEGMENT_TOKENS = 150  # news sentences stay well under it; a run-on text without stops does not


def segments(doc: Doc) -> Iterator[Span]:
    """Sentences, also cut at line breaks: headlines, datelines and captions are their own units."""
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                if tok.i > start:
                    yield from windows(doc, start, tok.i)
                start = tok.i + 1
        if start < sent.end:
            yield from windows(doc, start, sent.end)


def windows(doc: Doc, start: int, end: int) -> Iterator[Span]:
    """``doc[start:end]``, cut into pieces of at most :data:`MAX_SEGMENT_TOKENS` tokens (after a
    comma, semicolon, dash or conjunction where one is near the limit). Every rule looks across
    its unit, so an unpunctuated page of thousands of words would otherwise cost quadratic time."""
    while end - start > MAX_SEGMENT_TOKENS:
        cut = start + MAX_SEGMENT_TOKENS
        for i in range(cut - 1, start + MAX_SEGMENT_TOKENS // 2, -1):
            if doc[i].text in (",", ";", ":", "—", "–", "-") or doc[i].pos_ == "CCONJ":
                cut = i + 1
                break
        yield doc[start:cut]
        start = cut
    yield doc[start:end]


def is_headline(seg: Span, title: str | None) -> bool:
    text = seg.text.strip()
    if title and text == title.strip():
        return True
    after = seg.doc.text[seg.end_char : seg.end_char + 3]
    return bool(text) and text[-1] not in '.!?"”' and "\n" in after and len(text) < 200


def title_end(text: str, title: str | None) -> int:
    """Where the headline ends when the text opens with it, else -1: its pieces the sentence
    splitter cut ("Clinton to Trayvon Martin Foundation conference:") give no meeting."""
    head = (title or "").strip()
    for start in range(3):
        if head and text.startswith(head, start):
            return start + len(head)
    return -1


def quoted_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTED.finditer(text)]


def in_quote(text: str, trig: Trigger, quoted: list[tuple[int, int]]) -> bool:
    """The trigger is inside a direct quote; a noun in scare quotes ("led a “social media summit”
    of activists") names the event and is the writer's report."""
    for s, e in quoted:
        if s <= trig.token.idx < e:
            if trig.is_noun and trig.token.right_edge.idx >= e:
                return False  # "the fate of the DPRK-U.S. summit” scheduled for June 12": the writer's too
            inner = text[s:e].strip("“”\"' ,")
            return not (trig.is_noun and len(inner.split()) <= 4 and not re.search(r"[.!?;:]", inner))
    return False
