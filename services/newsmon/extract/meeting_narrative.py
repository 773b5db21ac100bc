"""Narrative time: a meeting reported without a date of its own happened on the story's current day.

News tells events in the order of a day: "President Obama spent Thursday discussing Asia ... The
president held a joint meeting in the morning with Abe and Park ... Obama met in the afternoon with
Xi". The last day the text named before a mention is its reference time (TimeML's narrative
time); an undated held or ongoing meeting takes that day, a scheduled one the day if it is still to
come. Only day-precise dates count, only within a short stretch of text, and never a day that
contradicts the status (a held meeting after publication, a scheduled one before it).
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Token

from newsmon.extract.context import ArticleContext
from newsmon.extract.dates import find_dates, resolve
from newsmon.extract.meeting_cues import REPORTING
from newsmon.extract.meeting_merge import Candidate
from newsmon.extract.meeting_status import perfect_participle, tense_of

# A mention timed only vaguely keeps no date rather than the story's day.
VAGUE = re.compile(
    r"\b(?:summer|winter|spring|autumn|(?<!as )soon(?! as)|eventually|someday|(?:at )?some point|"
    r"in the future|"
    r"coming (?:days|weeks|months)|next few (?:days|weeks|months)|later this (?:year|month)|any time|"
    r"anytime|again|previously|in the past|ever|over the years|for years|twice|"
    r"(?:many|several|a few|two|three|four|five|six|seven|eight|nine|ten|\d+) times)\b",
    re.I,
)
WINDOW_CHARS = 1500  # about three short news paragraphs
MAX_DAYS = 7  # the story's own week, not a date from its background
WEEK_WINDOW_CHARS = 400  # "battled in Wisconsin last week ... He visited Netanyahu": the next sentence


def narrative_days(ctx: ArticleContext) -> list[tuple[int, str]]:
    """(offset, ISO day) of every day-precise date the article names, in text order."""
    out: list[tuple[int, str]] = []
    for sent in ctx.doc.sents:
        for expr in find_dates(sent.text):
            start = sent.start_char + expr.start
            if start < ctx.dateline_end:
                continue
            span = ctx.doc.char_span(start, sent.start_char + expr.end, alignment_mode="expand")
            tense = tense_of(span.root) if span is not None else None
            resolved = resolve(expr, ctx.published, tense)
            # a weekend is two days (its Saturday stands for it), no story day: "this weekend" on a Sunday
            day = (
                resolved.value
                and len(resolved.value) == 10
                and not resolved.end_value
                and expr.kind != "weekend"
            )
            week = expr.kind == "rel_span" and (expr.get("u") or "").lower() == "week"
            if resolved.value and (day or week):  # "last week": the story's week, as its month
                out.append((start, resolved.value))
    return out


def fill_narrative_dates(meetings: list[Candidate], ctx: ArticleContext) -> None:
    """Give undated held/ongoing/scheduled meetings the story's current day (see the module doc)."""
    pub = ctx.published
    if pub is None or all(m.date for m in meetings):
        return
    days = narrative_days(ctx)
    for m in meetings:
        if m.date or m.status not in ("held", "ongoing", "scheduled"):
            continue
        first = min(m.triggers) if m.triggers else m.sent_start
        tokens = [t for t in (_token_at(ctx, offset) for offset in m.triggers or [first]) if t is not None]
        if any(VAGUE.search(t.sent.text) for t in tokens):
            continue
        if m.triggers and any(_pluperfect(t) for t in tokens):
            continue  # "she had been visiting her sister": before the story's day
        prior = [(offset, day) for offset, day in days if offset < first and first - offset <= WINDOW_CHARS]
        if not prior:
            continue
        # the last day named that fits the status: "cuts looming Wednesday" is a deadline ahead, no
        # story time for a meeting held before it
        fitting = [(o, v) for o, v in prior if len(v) == 7 or not _contradicts(m.status, v, pub)]
        if not fitting:
            continue
        offset, value = fitting[-1]
        if len(value) == 7:  # a week: only for the very next sentences, and never a coming one
            if first - offset <= WEEK_WINDOW_CHARS and m.status == "held" and value <= pub.isoformat()[:7]:
                m.date = value
            continue
        if abs((dt.date.fromisoformat(value) - pub).days) > MAX_DAYS:
            continue
        m.date = value


def _contradicts(status: str, value: str, pub: dt.date) -> bool:
    """A held meeting after publication, a scheduled one before it."""
    day = dt.date.fromisoformat(value)
    return (status == "held" and day > pub) or (status == "scheduled" and day < pub)


def _token_at(ctx: ArticleContext, offset: int) -> Token | None:
    span = ctx.doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span.root if span is not None else None


def _pluperfect(trigger: Token) -> bool:
    """The trigger's clause is in the past perfect ("had met", "had been visiting") or a perfect
    participle ("accused him of having met Putin")."""
    node = trigger
    for _ in range(3):
        if perfect_participle(node):
            return True
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in node.children):
            # "Xie said the two men had agreed": a reported past, shifted back by "said"
            return not (node.dep_ == "ccomp" and node.head.lemma_.lower() in REPORTING)
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False
        node = node.head
    return False
