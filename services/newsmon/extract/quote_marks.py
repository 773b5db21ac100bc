"""Finding quoted spans by their marks: paragraphs, multi-paragraph quotes, split quotes, bad marks.

Works on characters, not tokens, so a tokenizer's view of odd marks cannot lose a quote. Marks
pair by alternation inside a paragraph rather than by their shape, which is what makes
mismatched marks work (a quote closed with an opening mark “ still closes). A quote left open at
the end of a paragraph continues when the next paragraph opens with a mark (the news convention
for quotes running over several paragraphs) and otherwise ends with its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DOUBLE_MARKS = frozenset('"“”«»„‟')
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘'‹](?=[\w“\"])", re.M)
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?;:…—–-])[’'›](?=[\s.,;:!?)\]—–-]|$)", re.M)
_DOUBLED = re.compile(r"''")
_PARAGRAPH = re.compile(r"[^\n]+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_BLOCK = re.compile(r"(?:[^\n]|\n(?![ \t]*\n))+")


@dataclass(frozen=True)
class Paragraph:
    """A non-empty line of the text (news text puts one paragraph on a line)."""

    index: int
    start: int
    end: int


@dataclass
class QuoteSpan:
    """One quotation: its content parts (without marks) and where its marks are."""

    parts: list[tuple[int, int]]
    open_mark: int  # offset of the first opening mark
    close_mark: int | None  # offset of the last closing mark; None when the quote ran to a paragraph end
    paragraphs: list[int] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.open_mark

    @property
    def end(self) -> int:
        """Offset just after the closing mark (or the end of the last part)."""
        return self.close_mark + 1 if self.close_mark is not None else self.parts[-1][1]


def _hard_wrapped(text: str) -> bool:
    """Lines cut at a fixed width (email and wire plain text): no line longer than ~100 characters,
    several lines per blank-line block. One-paragraph-per-line text keeps its lines apart."""
    lines = [len(line) for line in text.split("\n") if line.strip()]
    if len(lines) < 4 or max(lines) > 100:
        return False
    return len(lines) >= 2 * (len(_BLANK_LINE.findall(text)) + 1)


def paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs with their offsets: non-blank lines, or blocks between blank lines when the text
    is hard-wrapped (so a quote wrapped over two lines stays one quote)."""
    pattern = _BLOCK if _hard_wrapped(text) else _PARAGRAPH
    out: list[Paragraph] = []
    for m in pattern.finditer(text):
        if m.group().strip():
            start, end = m.start(), m.end()
            while end > start and text[end - 1].isspace():
                end -= 1
            out.append(Paragraph(len(out), start, end))
    return out


def _mark_positions(text: str, para: Paragraph, single: bool) -> list[int]:
    chunk = text[para.start : para.end]
    if not single:
        marks = [i for i, ch in enumerate(chunk) if ch in DOUBLE_MARKS]
        for m in _DOUBLED.finditer(chunk):  # ''wire archive style'': the inner apostrophe bounds the text
            after = chunk[m.end() : m.end() + 1]
            marks.append(
                m.start() + 1 if after and not after.isspace() and after not in ".,;:!?" else m.start()
            )
        return [para.start + i for i in sorted(marks)]
    found = [(m.start(), 0) for m in _SINGLE_OPEN.finditer(chunk)]
    closes = [m.start() for m in _SINGLE_CLOSE.finditer(chunk)]
    # "the players' union": a mark after -s followed by a lower-case word is a possessive, unless
    # nothing else could close the quote
    strong = [c for c in closes if not (chunk[c - 1] == "s" and re.match(r" [a-z]", chunk[c + 1 : c + 3]))]
    if strong:
        closes = strong
    found += [(c, 1) for c in closes]
    found.sort()
    # single marks double as apostrophes: keep only open/close alternations
    out: list[int] = []
    want = 0
    for pos, kind in found:
        if kind == want:
            out.append(para.start + pos)
            want = 1 - want
    return out


def uses_single_marks(text: str) -> bool:
    """British style: no double marks at all, but single marks that open words."""
    return not any(ch in DOUBLE_MARKS for ch in text) and "''" not in text and bool(_SINGLE_OPEN.search(text))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quotes(text: str, paras: list[Paragraph]) -> list[QuoteSpan]:
    """All quoted spans in ``text`` in order, multi-paragraph quotes as one span with several parts."""
    single = uses_single_marks(text)
    spans: list[QuoteSpan] = []
    current: QuoteSpan | None = None
    part_start = 0
    for para in paras:
        marks = _mark_positions(text, para, single)
        if current is not None:
            first = text[para.start : para.end].lstrip()
            lead = para.end - para.start - len(first)
            if marks and marks[0] == para.start + lead:  # next paragraph re-opens: same quote
                part_start = marks[0] + 1
                current.paragraphs.append(para.index)
                marks = marks[1:]
            else:  # no re-opening mark: the quote lacked its closing mark
                spans.append(current)
                current = None
        for pos in marks:
            if current is None:
                current = QuoteSpan(parts=[], open_mark=pos, close_mark=None, paragraphs=[para.index])
                part_start = pos + 1
            else:
                s, e = _trimmed(text, part_start, pos)
                if e > s:
                    current.parts.append((s, e))
                current.close_mark = pos
                if current.parts:
                    spans.append(current)
                current = None
        if current is not None:  # open at the paragraph end: keep the part, decide on the next one
            s, e = _trimmed(text, part_start, para.end)
            if e > s:
                current.parts.append((s, e))
    if current is not None and current.parts:
        spans.append(current)
    return [q for q in spans if q.parts]


def merge_split_quotes(text: str, spans: list[QuoteSpan]) -> list[tuple[QuoteSpan, tuple[int, int] | None]]:
    """Join "A," he said, "B." into one quote; return each quote with the span of its inner attribution.

    Two quotes in one paragraph are one split quote when the text between them is a short clause
    that ends with a comma and contains no sentence end: the sentence goes on inside the marks.
    """
    out: list[tuple[QuoteSpan, tuple[int, int] | None]] = []
    for span in spans:
        if out:
            prev, inner = out[-1]
            between = text[prev.end : span.start] if prev.close_mark is not None else ""
            first_text = text[prev.parts[-1][0] : prev.parts[-1][1]].rstrip()
            if (
                inner is None
                and prev.close_mark is not None
                and prev.paragraphs[-1] == span.paragraphs[0]
                and first_text.endswith(",")
                and between.strip().endswith(",")
                and not re.search(r"[.!?;:]", between)
                and len(between.split()) <= 12
            ):
                merged = QuoteSpan(
                    parts=prev.parts + span.parts,
                    open_mark=prev.open_mark,
                    close_mark=span.close_mark,
                    paragraphs=sorted(set(prev.paragraphs + span.paragraphs)),
                )
                out[-1] = (merged, (prev.end, span.start))
                continue
        out.append((span, None))
    return out
