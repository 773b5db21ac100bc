"""Meeting events: who meets whom, where, when, and whether it happened.

``extract_meetings(ctx, quotes)`` finds meeting triggers sentence by sentence
(:mod:`newsmon.extract.meeting_cues`), reads each trigger's participants, place and date from the
parse (:mod:`newsmon.extract.meeting_frame`), resolves the date against the publication date with
the clause's tense (:mod:`newsmon.extract.dates`), normalises the place through the gazetteer
(:mod:`newsmon.extract.places`), merges the mentions of one real meeting
(:mod:`newsmon.extract.meeting_merge`) and keys each meeting across articles
(:mod:`newsmon.extract.meeting_key`). Output dicts follow docs/meetings.md.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from spacy.tokens import Span, Token

from newsmon.extract.context import ArticleContext
from newsmon.extract.dates import DateExpr, Resolved, find_dates, resolve
from newsmon.extract.meeting_cues import REPORTING, find_triggers, status_from_cues, tense_of
from newsmon.extract.meeting_frame import PRONOUNS, governing_speaker, lca, read_frame, tree_distance
from newsmon.extract.meeting_merge import Candidate, Participant, finish, merge_candidates
from newsmon.extract.places import Place, get_gazetteer
from newsmon.logs import get_logger

log = get_logger(__name__)

_DATE_BLOCKERS = REPORTING | {
    "reject",
    "dismiss",
    "deny",
    "welcome",
    "criticise",
    "criticize",
    "urge",
    "accuse",
}
_DATELINE = re.compile(
    r"^\s*([A-Z][A-Z .'-]{2,40}?)(?:,\s*[A-Z][A-Za-z .]+?)?\s*(?:\([^)]*\))?\s*[—–=-]{1,2}\s", re.M
)
_DEFINITE = {"the", "this", "that", "those", "these", "its", "their", "his", "her"}


def extract_meetings(ctx: ArticleContext, quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """All meetings of one article, one dict per real meeting (see the module docstring)."""
    del quotes  # speakers come from ctx.names, which the quote extractor also uses
    dateline = _dateline_place(ctx.text)
    cands: list[Candidate] = []
    for sent in ctx.doc.sents:
        for trig in find_triggers(sent):
            try:
                cands.append(_candidate(ctx, trig.token, trig.kind, sent))
            except (
                ValueError,
                IndexError,
            ) as exc:  # a parse we cannot read loses one mention, not the article
                log.warning("meeting_mention_skipped", error=str(exc), sentence=sent.text[:120])
    meetings = merge_candidates(cands)
    return finish(meetings, ctx, dateline)


def _dateline_place(text: str) -> Place | None:
    """The city of an agency dateline ("GENEVA (Wire) — "), used for in-person meetings without a place."""
    head = text[:600]
    m = _DATELINE.search(head)
    if not m or "/" in m.group(0):
        return None
    return get_gazetteer().lookup(m.group(1).strip().title())


def _candidate(ctx: ArticleContext, tok: Token, kind: str, sent: Span) -> Candidate:
    frame = read_frame(tok, sent)
    participants = [p for p in (_participant(ctx, e) for e in frame.ents) if p is not None]
    for pron in frame.pronouns:
        participants.extend(_resolve_pronoun(ctx, pron, tok, participants))
    if not participants and tok.dep_ not in ("relcl",):
        participants = [p for p in (_participant(ctx, e) for e in governing_speaker(tok)) if p is not None]
    status = status_from_cues(tok)
    expr, resolved, date_tok = _pick_date(ctx, tok, sent, status)
    if status is None or status == "scheduled-past":
        status = _status_from_tense(tok, resolved, ctx.published, status)
    if (
        status == "held"
        and resolved.value
        and ctx.published
        and resolved.value[:10] > ctx.published.isoformat()
    ):
        status = "scheduled"  # the parse said past, but the day has not come yet
    place = _place(frame.places, sent)
    if kind != "call" and any(w.lower_ in ("virtual", "video", "online", "videoconference") for w in sent):
        kind = "call" if kind == "meeting" else kind
    if any(e.label_ == "ORG" and "council" in e.text.lower() for e in frame.ents) and kind == "meeting":
        kind = "council"
    definite = any(c.lower_ in _DEFINITE and c.dep_ in ("det", "poss") for c in tok.children) or (
        date_tok is not None and date_tok.dep_ == "poss"
    )
    return Candidate(
        participants=participants,
        place=place,
        date=resolved.value,
        end_date=resolved.end_value,
        date_text=expr.text if expr else None,
        status=status or "held",
        kind=kind,
        sent_start=sent.start_char,
        sent_end=sent.end_char,
        definite=definite,
        is_noun=tok.pos_ in ("NOUN", "PROPN"),
    )


def _participant(ctx: ArticleContext, ent: Span) -> Participant | None:
    gaz = get_gazetteer()
    text = ent.text.strip()
    if ent.label_ == "PERSON":
        name = ctx.names.canonical(text)
        if not name or name.lower() in PRONOUNS:
            return None
        return Participant(name, "person", ctx.names.title_of(name))
    if ent.label_ == "ORG":
        return Participant(ctx.names.canonical(text), "organization", None)
    if ent.label_ == "GPE":
        place = gaz.lookup(ctx.names.canonical(text))
        if place is None:
            return None
        if place.kind == "country":
            return Participant(place.name, "country", None)
        return None  # a city as an actor is rare outside capitals' metonymy; leave it out
    if ent.label_ == "NORP":
        code = _demonym_country(text)
        return Participant(gaz.country_name(code), "country", None) if code else None
    return None


def _demonym_country(word: str) -> str | None:
    """ "Russian" -> RU, "Ukrainian" -> UA: the country whose name shares the demonym's stem."""
    gaz = get_gazetteer()
    w = word.strip().lower()
    for cut in (0, 1, 2, 3):  # Russian -> Russia, Ukrainian -> Ukraine(-ian), Israeli -> Israel
        stem = w[: len(w) - cut] if cut else w
        if len(stem) < 4:
            break
        for cand in (stem, stem + "a", stem + "e"):
            code = gaz.country_code(cand)
            if code:
                return code
    return None


def _resolve_pronoun(
    ctx: ArticleContext, pron: Token, trigger: Token, have: list[Participant]
) -> list[Participant]:
    """he/she -> the reporting subject or the last person named; they/their -> the clause's named subjects."""
    names = {p.name for p in have}
    gender = PRONOUNS[pron.lower_]
    if gender == "pl":
        return []
    for ent in governing_speaker(trigger):
        p = _participant(ctx, ent)
        if p and p.type == "person" and p.name not in names:
            return [p]
    for m in ctx.names.mentions_before(pron.idx):
        if m.kind != "person" or m.name in names:
            continue
        g = ctx.names.gender_of(m.name)
        if g is None or g == gender:
            return [Participant(m.name, "person", ctx.names.title_of(m.name))]
    return []


def _doc_token(sent: Span, start: int) -> Token:
    for t in sent:
        if t.idx <= start < t.idx + len(t.text) or t.idx >= start:
            return t
    return sent.root


def _pick_date(
    ctx: ArticleContext, trigger: Token, sent: Span, status: str | None
) -> tuple[DateExpr | None, Resolved, Token | None]:
    """The date expression nearest the trigger in the tree, resolved with its own clause's tense."""
    best: tuple[int, DateExpr, Token] | None = None
    for expr in find_dates(sent.text):
        tok = _doc_token(sent, sent.start_char + expr.start)
        span = ctx.doc.char_span(
            sent.start_char + expr.start, sent.start_char + expr.end, alignment_mode="expand"
        )
        root = span.root if span is not None else tok
        top = lca(root, trigger)
        dist = tree_distance(root, trigger)
        if top is not None and top.lemma_.lower() in _DATE_BLOCKERS and top is not trigger:
            if status is not None and status != "scheduled-past":
                continue  # "The Kremlin on Thursday rejected an offer to meet": Thursday is the rejection
            dist += 3
        if best is None or dist < best[0]:
            best = (dist, expr, root)
    if best is None:
        return None, Resolved(None), None
    _, expr, root = best
    return expr, resolve(expr, ctx.published, tense_of(root)), root


def _status_from_tense(tok: Token, resolved: Resolved, published: dt.date | None, cue: str | None) -> str:
    day = resolved.value
    pub = published.isoformat() if published else None
    if cue == "scheduled-past":
        return "scheduled" if day and pub and day[: len(day)] > pub[: len(day)] else "held"
    tense = tense_of(tok)
    if tense == "past":
        return "held"
    if tense == "future":
        return "scheduled"
    if day and pub:
        if day[:10] > pub[: len(day[:10])]:
            return "scheduled"
        if len(day) == 10 and day == pub and tense == "present":
            return "ongoing"
    return "held"


def _place(spans: list[Span], sent: Span) -> Place | None:
    """The first gazetteer-known place among the frame's places; "Brussels, Belgium" picks BE."""
    if not spans:
        return None
    gaz = get_gazetteer()
    near = tuple(
        code
        for e in sent.ents
        if e.label_ == "GPE" and (code := gaz.country_code(e.text.strip())) is not None
    )
    cities = [s for s in spans if gaz.city_candidates(s.text.strip())]
    for span in cities or spans:
        name = re.sub(r"^the\s+", "", span.text.strip(), flags=re.I)
        place = gaz.lookup(name, near)
        if place is not None:
            return place
    name = re.sub(r"^the\s+", "", spans[0].text.strip(), flags=re.I)
    return Place(name, None, kind="unknown") if name else None


def for_scorer(meeting: dict[str, Any]) -> dict[str, Any]:
    """The flat view ``eval/score.py`` reads: participant and place names as strings, evidence text.

    The scorer compares strings (``same_entity``) and slices ``evidence``; the extractor's richer
    dicts must go through this view before scoring (``newsmon eval`` does this for meetings).
    """
    loc = meeting.get("location")
    ev = meeting.get("evidence")
    return {
        **meeting,
        "participants": [
            p["name"] if isinstance(p, dict) else str(p) for p in meeting.get("participants") or []
        ],
        "location": loc.get("name") if isinstance(loc, dict) else loc,
        "evidence": ev.get("text", "") if isinstance(ev, dict) else ev,
    }
