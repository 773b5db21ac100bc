"""Meetings dated only relatively to another meeting of the same article.

* "The call came a day after Scholz met Macron": the meeting is one day before the call;
  "met Kishida on the eve of the summit": one day before the summit.
* "a trilateral meeting on the sidelines (of the summit)": during that summit -- its day, or its
  month when the summit runs over several days.

:func:`relative_anchor` reads the relation for one trigger from the parse; :func:`apply_anchors`
dates the merged meetings once the meetings they refer to have their own dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span, Token

from newsmon.extract.meeting_noun_rules import NOUN_KINDS

_NUMBERS = {"a": 1, "one": 1, "the": 1, "two": 2, "three": 3, "four": 4, "five": 5}


@dataclass
class Anchor:
    """The meeting this one is dated by: the trigger offset of one of its mentions (None: the
    article's main summit or conference), the day offset, and whether it is "during" it."""

    ref: int | None
    days: int = 0
    during: bool = False
    kind: str | None = None  # "The call came a day after ...": the article's call, not a trigger


def relative_anchor(trigger: Token, sent: Span, triggers: list[Token]) -> Anchor | None:
    """How the sentence dates ``trigger`` relatively to another meeting, if it does."""
    for tok in sent:
        low = tok.lower_
        if _during_the_trip(trigger, tok):  # "met with Li during the trip": when and where the trip was
            return Anchor(None, 0, True, kind="visit")
        if low == "sidelines" and _governs(trigger, tok):
            of = [g for c in tok.children if c.lower_ == "of" for g in c.children]
            refs = [t for t in triggers if of and t.i in {w.i for w in of[0].subtree}]
            return Anchor(refs[0].idx if refs else None, 0, True)
        days = _offset_phrase(tok)
        if days is None:
            continue
        inside = {t.i for t in (tok.head if tok.dep_ == "mark" else tok).subtree}
        others = [t for t in triggers if t.i != trigger.i]
        if trigger.i in inside:  # "came a day after Scholz met Macron": met = the call - 1
            refs = sorted((t for t in others if t.i not in inside), key=lambda t: abs(t.i - trigger.i))
            sign = -1 if days > 0 else 1
            nouns = [t for t in sent if t.i not in inside and t.pos_ == "NOUN" and t.lemma_ in NOUN_KINDS]
            if not refs and nouns:
                return Anchor(None, sign * abs(days), kind=NOUN_KINDS[nouns[0].lemma_])
        else:  # "met Kishida on the eve of the summit": met = the summit - 1
            if not _governs(trigger, tok):
                continue
            refs = [t for t in others if t.i in inside]
            sign = 1 if days > 0 else -1
        if refs:
            return Anchor(refs[0].idx, sign * abs(days))
    return None


_ENCOUNTERS = {"meet", "talk", "speak", "dine", "negotiate", "huddle", "sit", "see"}


def _during_the_trip(trigger: Token, prep: Token) -> bool:
    """ "met ... during the trip" / "on his visit": a meeting on the article's trip (the trip noun is
    no trigger of its own there)."""
    if prep.lower_ not in ("during", "on"):
        return False
    attended = trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in ("attend", "hold", "host", "join")
    if attended:  # "During the visit this July, Obama will attend a Global Entrepreneurship Summit"
        if prep.head.i != trigger.head.i:
            return False
    elif prep.head.i != trigger.i or trigger.pos_ != "VERB" or trigger.lemma_.lower() not in _ENCOUNTERS:
        return False  # "traveled to Pittsburgh on their bus tour": the journey itself
    return any(
        c.dep_ == "pobj"
        and c.lemma_.lower() in ("trip", "visit", "tour")
        and any(
            d.dep_ in ("det", "poss") and d.lower_ in ("the", "his", "her", "their", "that")
            for d in c.children
        )
        for c in prep.children
    )


def _offset_phrase(tok: Token) -> int | None:
    """+n for "n days after", -n for "n days before" / "on the eve of" (at ``after``/``before``/``of``)."""
    doc = tok.doc
    if tok.lower_ == "of" and tok.i >= 1 and doc[tok.i - 1].lower_ == "eve":
        return -1
    if tok.lower_ not in ("after", "before") or tok.i < 2 or doc[tok.i - 1].lower_ not in ("day", "days"):
        return None
    n = _NUMBERS.get(doc[tok.i - 2].lower_)
    if n is None:
        return None
    return n if tok.lower_ == "after" else -n


def _governs(trigger: Token, tok: Token) -> bool:
    node = tok
    for _ in range(5):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.i == trigger.i:
            return True
    return False


def apply_anchors(meetings: list[Any], anchors: dict[int, Anchor]) -> None:
    """Date the undated meetings whose mentions carry an anchor. ``meetings`` are merge Candidates
    with ``triggers`` (trigger offsets of their mentions), ``date``, ``end_date`` and ``kind``."""
    by_trigger = {idx: m for m in meetings for idx in m.triggers}
    main = max(
        (m for m in meetings if m.kind in ("summit", "conference") and m.date),
        key=lambda m: m.mentions,
        default=None,
    )
    for m in meetings:
        if m.date:
            _place_of_setting(m, anchors, by_trigger, meetings)
            continue
        for idx in m.triggers:
            anchor = anchors.get(idx)
            if anchor is None:
                continue
            ref = by_trigger.get(anchor.ref) if anchor.ref is not None else None
            if ref is None and anchor.kind:
                ref = max((d for d in meetings if d.kind == anchor.kind and d.date), key=lambda d: d.mentions,
                          default=None)  # fmt: skip
            elif ref is None and anchor.during:
                ref = main
            if ref is None or ref is m or not ref.date:
                continue
            if anchor.during:
                m.date = ref.date[:7] if ref.end_date and len(ref.date) == 10 else ref.date
                m.place = m.place or ref.place
            elif len(ref.date) == 10:
                m.date = (dt.date.fromisoformat(ref.date) + dt.timedelta(days=anchor.days)).isoformat()
            else:
                continue
            break


def _place_of_setting(
    m: Any, anchors: dict[int, Anchor], by_trigger: dict[int, Any], meetings: list[Any]
) -> None:
    """A dated meeting "on the sidelines of the G-7" with no place of its own is where the summit is."""
    if m.place is not None:
        return
    for idx in m.triggers:
        anchor = anchors.get(idx)
        if anchor is None or not anchor.during:
            continue
        ref = by_trigger.get(anchor.ref) if anchor.ref is not None else None
        if ref is None or ref is m:  # no summit named, or its mention merged into this meeting
            placed = [d for d in meetings if d is not m and d.kind in ("summit", "conference") and d.place]
            ref = max(placed, key=lambda d: d.mentions, default=None)  # the article's main summit
        if ref is not None and ref.place is not None:
            m.place = ref.place
            return
