"""Meeting events: who meets whom, where, when, and whether it happened.

``extract_meetings(ctx, quotes)`` finds meeting triggers sentence by sentence
(:mod:`newsmon.extract.meeting_cues`), reads each trigger's participants, place and date from the
parse (:mod:`newsmon.extract.meeting_frame`), resolves the date against the publication date with
the clause's tense (:mod:`newsmon.extract.dates`), normalises the place through the gazetteer
(:mod:`newsmon.extract.places`), merges the mentions of one real meeting
(:mod:`newsmon.extract.meeting_merge`) and keys each meeting across articles
(:mod:`newsmon.extract.meeting_key`). Output dicts follow README.md, "Meeting events".
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from spacy.tokens import Span, Token

from newsmon.extract.boilerplate import is_credit_line, is_promo, is_shouted
from newsmon.extract.context import ArticleContext
from newsmon.extract.dateline import find_dateline
from newsmon.extract.dates import Resolved
from newsmon.extract.lexicon import PARTICIPANT_LABELS
from newsmon.extract.meeting_cue_rules import ATTRIBUTES, a_sight
from newsmon.extract.meeting_cues import find_triggers
from newsmon.extract.meeting_described import described_parties
from newsmon.extract.meeting_fold import fold_vague
from newsmon.extract.meeting_frame import (
    BODY_WORDS,
    governing_speaker,
    in_what_was_said,
    on_sidelines_of,
    read_frame,
)
from newsmon.extract.meeting_merge import Candidate, Participant, finish, merge_candidates
from newsmon.extract.meeting_narrative import fill_narrative_dates
from newsmon.extract.meeting_people import (
    body_named,
    group_name,
    hyphen_pair,
    last_two_named,
    participant,
    participant_named,
    participants_of,
    person_name,
    plural_anaphor,
)
from newsmon.extract.meeting_pronouns import resolve_pronoun
from newsmon.extract.meeting_quoted import first_person_speaker, quote_speakers
from newsmon.extract.meeting_relative import Anchor, relative_anchor
from newsmon.extract.meeting_scope import host_subjects
from newsmon.extract.meeting_segments import in_quote, is_headline, quoted_spans, segments, title_end
from newsmon.extract.meeting_setting import G_GROUP, SIDELINES, anaphoric_place
from newsmon.extract.meeting_split import each_counterpart, other_destinations, the_previous_one
from newsmon.extract.meeting_status import dated_past_noun, status_from_cues
from newsmon.extract.meeting_titles import occupant_named, officials_of, titled_person, titled_subject
from newsmon.extract.meeting_when import in_progress, pick_date, span_in_days, status_from_tense
from newsmon.extract.meeting_where import place_of, venue_of
from newsmon.extract.places import Place, get_gazetteer
from newsmon.extract.spans import ents_within
from newsmon.logs import get_logger

log = get_logger(__name__)

_GROUP_OF = re.compile(r"Group of (?:Seven|Eight|Twenty|20|7)")
_JOINT_BODY = re.compile(
    r"\b([A-Z][A-Za-z]+)-([A-Z][A-Za-z]+) (?:Council|Commission|Summit|Forum|Dialogue)\b"
)
_AHEAD = re.compile(  # not "the next day": that follows a day the story told
    r"(?:the\s+)?(?:next|coming|upcoming|tomorrow|later\s+this)\b(?!\s+(?:day|morning|afternoon|evening|night)\b)",
    re.IGNORECASE,
)
_DEFINITE = {"the", "this", "that", "those", "these", "its", "their", "his", "her"}


def extract_meetings(ctx: ArticleContext, quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """All meetings of one article, one dict per real meeting (see the module docstring)."""
    dateline = _dateline_place(ctx.text)
    quoted = quoted_spans(ctx.text)
    speakers = quote_speakers(quotes)
    cands: list[Candidate] = []
    anchors: dict[int, Anchor] = {}
    headline_end = title_end(ctx.text, ctx.title)
    for n, seg in enumerate(segments(ctx.doc)):
        if (n == 0 and is_headline(seg, ctx.title)) or seg.end_char <= headline_end:
            continue  # the headline restates the lead, without the details that place and date it
        if is_promo(seg.text) or is_shouted(seg.text) or is_credit_line(seg.text):
            continue  # "Visit Business Insider's homepage for more stories"; "'NEED EXCUSE' TO LEAVE MEETING"
        trigs = find_triggers(seg)
        for trig in trigs:  # words inside a direct quote are the speaker's, not reported events
            own = None
            if in_quote(ctx.text, trig, quoted):
                own = first_person_speaker(trig.token, speakers)  # unless the speaker's own meeting
                if own is None:
                    continue
            try:
                cands.append(_candidate(ctx, trig.token, trig.kind, seg))
                if own is not None:
                    cands[-1].participants = _dedupe([participant_named(ctx, own), *cands[-1].participants])
                cands[-1].triggers.append(trig.token.idx)
                cands.extend(other_destinations(cands[-1], trig.token))
                cands.extend(each_counterpart(ctx, cands[-1], trig.token))
                cands.extend(the_previous_one(ctx, cands[-1], trig.token))
                anchor = relative_anchor(trig.token, seg, [t.token for t in trigs])
                if anchor is not None and (not cands[-1].date or anchor.during):
                    anchors[trig.token.idx] = anchor
            except Exception as exc:  # one unreadable parse or rule bug loses one mention, not the article
                log.warning(
                    "meeting_mention_skipped", error=repr(exc), sentence=seg.text[:120], exc_info=True
                )
    meetings = merge_candidates(cands, anchors)
    fill_narrative_dates(meetings, ctx)
    return finish(fold_vague(meetings), ctx, dateline)


def _attended_that(tok: Token) -> bool:
    """ "Manafort and Kushner also attended that meeting": more people for the meeting just told
    ("will also attend the meeting" may mean the article's main event, so only "that"/"this")."""
    return (
        tok.dep_ == "dobj"
        and tok.head.lemma_.lower() in ("attend", "join")
        and any(c.dep_ == "det" and c.lower_ in ("that", "this") for c in tok.children)
    )


def _dateline_place(text: str) -> Place | None:
    """The city of an agency dateline ("GENEVA (Wire) — "), used for in-person meetings without a place."""
    m = find_dateline(text)
    if not m or "/" in m.group(0) or m.group(1) is None:
        return None
    return get_gazetteer().lookup(m.group(1).strip().title())


def _candidate(ctx: ArticleContext, tok: Token, kind: str, sent: Span) -> Candidate:
    frame = read_frame(
        tok, sent, lambda text: "person" if person_name(ctx, text) else ctx.names.kind_of(text)
    )
    # "the summit date": the determiner of the noun the meeting noun modifies
    holder = tok.head if tok.dep_ == "compound" and tok.head.lemma_.lower() in ATTRIBUTES else tok
    definite = tok.pos_ in ("NOUN", "PROPN") and any(
        (c.lower_ in _DEFINITE and c.dep_ in ("det", "poss")) or (c.dep_ == "poss" and c.pos_ == "PROPN")
        for c in holder.children
    )  # "the visit", "his visit", "Nakasone's visit": a meeting the story has introduced
    # "OSLO — Ministers will meet ...": the dateline says where the story was filed, not who met
    ents = [e for e in frame.ents if e.start_char >= ctx.dateline_end]
    # who acts at the meeting was there: "At the 2019 annual meeting of CPAC, Trump swore ..."
    present = frame.present if definite else set()
    if definite:  # "the meeting": only what the noun phrase itself says; the rest is anaphora
        hosts = host_subjects(tok)  # "Scholz is due to host the summit": the host takes part
        ents = [
            e
            for e in ents
            if (tok.left_edge.i <= e.start and e.end <= tok.right_edge.i + 1) or e.root.i in present
        ]
        ents += [
            e
            for e in ents_within(sent)
            if e not in ents and e.label_ in PARTICIPANT_LABELS and _within(e, hosts)
        ]
    if kind == "visit":  # "visiting the Peace Memorial Museum": a place; "visited the FBI": its host
        ents = [e for e in ents if not (e.root.dep_ == "dobj" and a_sight(e))]
    if tok.lemma_.lower() == "discuss":  # "discussed Ukraine with Putin": the topic is no party
        topic = {t.i for c in tok.children if c.dep_ == "dobj" for t in c.subtree}
        ents = [e for e in ents if e.root.i not in topic or e.root.head.lower_ == "with"]
    if kind == "call":  # "called him from Air Force One": where the caller was
        ents = [e for e in ents if not (e.label_ in ("ORG", "FAC") and _from_the_caller(e, tok))]
    participants = _dedupe(
        [p for e in ents for p in participants_of(ctx, e)]
        + _group_names(ctx, frame.tokens, sent, tok)
        + hyphen_pair(ctx, tok)
    )
    for pron in frame.pronouns:
        if definite and not (tok.left_edge.i <= pron.i <= tok.right_edge.i) and pron.i not in present:
            continue
        if pron.dep_ == "poss" and pron.head.i != tok.i and pron.i not in present:
            continue  # "his Ukrainian counterpart": a title, not a participant ("his remarks at" one is)
        titled = titled_subject(ctx, pron)
        if titled is not None:
            if titled.name not in {p.name for p in participants}:
                participants.append(titled)
            continue
        participants.extend(resolve_pronoun(ctx, pron, tok, participants, lambda t: titled_person(ctx, t)))
    for t in frame.titled:  # "the governor would meet ...": the person the article titled so
        if definite:
            break
        if t.lower_ in BODY_WORDS:  # "the council will ...": the body the article named
            body = body_named(ctx, t.lower_, t.idx)
            if body:
                participants = _dedupe([*participants, Participant(body, "organization")])
            continue
        name = titled_person(ctx, t)
        if name:
            participants = _dedupe([*participants, participant_named(ctx, name)])
    if not definite:  # "talks between the foreign ministers of Armenia and Azerbaijan": both ministers
        participants = _dedupe([*participants, *officials_of(ctx, tok, frame.tokens)])
    anaphor = plural_anaphor(tok)
    if anaphor and not participants:  # "the two leaders met": the last two people named
        participants = last_two_named(ctx, tok.idx, anaphor, _anaphor_noun(tok))
    speakers = [p for p in (participant(ctx, e) for e in governing_speaker(tok)) if p is not None]
    if any(t.lemma_.lower() == "report" and t.dep_ == "ROOT" for t in sent):
        speakers = []  # "..., the Guardian reported": a news outlet tells, it does not meet
    if in_what_was_said(tok):  # who comments on talks is no party to them ("Talks will be complex,
        speakers = [p for p in speakers if p.type != "person"]  # said Livni"); a government may be
    if tok.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and not c.ent_type_
                                  for c in tok.children):  # fmt: skip
        speakers = []  # "Kowalski said a library bus would visit": the subject, not the speaker, visits
    status = status_from_cues(_sidelines_host(tok) or tok)  # the summit is when its side meeting is
    expr, resolved, date_tok = pick_date(ctx, tok, sent, status)
    if status == "ongoing-past":  # "talks continued for a third day on Monday"
        today = bool(ctx.published and resolved.value == ctx.published.isoformat())
        status = "ongoing" if today else None
    if status is None or status == "scheduled-past":
        status = status_from_tense(tok, resolved, ctx.published, status)
    if status in ("held", "ongoing") and resolved.value and ctx.published:
        if resolved.value[:10] > ctx.published.isoformat()[: len(resolved.value[:10])]:
            status = "scheduled"  # the parse said past or under way, but the day has not come yet
    if status in ("proposed", "scheduled") and dated_past_noun(tok, date_tok, resolved, ctx.published):
        status = "held"  # "want to hear about a June 2016 meeting": the wish is ahead, the meeting is not
    if status == "held" and expr is not None and _AHEAD.match(expr.text):
        status = "scheduled"  # "during next week's visit", "tomorrow's talks": the text says it is ahead
    if status == "ongoing" and resolved.value is None and ctx.published and in_progress(tok):
        resolved = Resolved(ctx.published.isoformat())  # "is on a visit to Beijing": under way today
    days = span_in_days(tok) if resolved.value and len(resolved.value) == 10 else None
    if days and ctx.published and (status or "held") in ("held", "scheduled", "ongoing"):
        first = dt.date.fromisoformat(resolved.value or "")  # "arrived Monday for a three-day visit"
        last = first + dt.timedelta(days=days - 1)
        resolved = Resolved(resolved.value, last.isoformat())
        if first <= ctx.published <= last:
            status = "ongoing"
    place = place_of(frame.places, sent) or venue_of(frame.venues)
    if place is None and kind == "visit":
        place = anaphoric_place(tok)  # "visited the state Aug. 19"
    if kind == "visit" and place is not None and place.kind == "venue" and ctx.published:
        day = dt.date.fromisoformat(resolved.value) if resolved.value and len(resolved.value) == 10 else None
        host = _occupant_named(ctx, place.name, day or ctx.published)  # "visited the White House"
        if host is not None and host.key not in {p.key for p in participants}:
            participants = [*participants, host]
    if any(w.lower_ in ("virtual", "video", "online", "videoconference") for w in sent) and kind == "meeting":
        kind = "call"
    if kind == "meeting" and any(e.label_ == "ORG" and "council" in e.text.lower() for e in ents):
        kind = "council"
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
        definite=definite or (date_tok is not None and date_tok.dep_ == "poss"),
        is_noun=tok.pos_ in ("NOUN", "PROPN"),
        joins=_attended_that(tok),
        speakers=speakers,
        plural_anaphor=anaphor,
        again=_again(tok),
        either_mode=tok.lemma_.lower() == "discussion",
        described=described_parties(tok, ctx.dateline_end),
        opening=date_tok is not None
        and _verb_above(date_tok) in ("open", "begin", "start", "kick", "convene"),
    )


def _occupant_named(ctx: ArticleContext, seat: str, day: dt.date) -> Participant | None:
    """The seat's occupant on the meeting's day, if the article names them (see ``seats``)."""
    name = occupant_named(ctx, seat, day)
    return participant_named(ctx, name) if name else None


def _within(ent: Span, heads: list[Token]) -> bool:
    """``ent`` lies inside the phrase of one of ``heads``."""
    return any(h.left_edge.i <= ent.start and ent.end <= h.right_edge.i + 1 for h in heads)


def _from_the_caller(ent: Span, tok: Token) -> bool:
    """``ent`` is the place "from" which the call ``tok`` was made ("called him from Air Force One")."""
    prep = ent.root.head
    return ent.root.dep_ == "pobj" and prep.lower_ == "from" and prep.head.i == tok.i


def _again(tok: Token) -> bool:
    """ "meet again", "another meeting", "a second round", "follow-up talks": a further meeting."""
    near = [tok, *tok.children, *(c for h in (tok.head,) if h.i != tok.i for c in h.children)]
    words = {t.lower_ for t in near}
    ahead = any(  # "to continue negotiating with the Russians over the coming days": more talks
        g.lower_ == "coming" for p in near if p.dep_ == "prep" for o in p.children for g in o.children
    )
    return ahead or bool(words & {"again", "another", "follow", "second", "third", "next", "further"})


def _verb_above(tok: Token) -> str:
    node = tok
    for _ in range(4):
        if node.pos_ == "VERB":
            return node.lemma_.lower()
        if node.head.i == node.i:
            break
        node = node.head
    return ""


def _anaphor_noun(tok: Token) -> str | None:
    for prep in tok.children:
        for obj in prep.children:
            if prep.dep_ == "prep" and obj.dep_ == "pobj" and obj.pos_ == "NOUN":
                return obj.lower_
    node = tok
    for _ in range(3):
        for c in node.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN":
                return c.lower_
        if node.head.i == node.i:
            break
        node = node.head
    return None


def _dedupe(parts: list[Participant]) -> list[Participant]:
    """One participant per key; an organisation that is only the first words of another's name
    ("Group" or "Group of" beside "Group of 20", tagger fragments) is dropped."""
    seen: set[str] = set()
    out: list[Participant] = []
    names = [p.name for p in parts]
    for p in parts:
        fragment = p.type == "organization" and any(n.startswith(p.name + " ") for n in names)
        if p.key not in seen and not fragment:
            seen.add(p.key)
            out.append(p)
    return out


def _sidelines_host(tok: Token) -> Token | None:
    """The meeting verb held "on the sidelines of" the summit ``tok``: "is to meet Putin on the
    sidelines of the G-20 gathering" (the summit is as scheduled as the meeting)."""
    prep = tok.head
    if not (tok.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in SIDELINES):
        return None
    verb = prep.head.head.head if prep.head.dep_ == "pobj" else None
    return verb if verb is not None and verb.pos_ == "VERB" else None


def _group_names(ctx: ArticleContext, tokens: set[int], sent: Span, trigger: Token) -> list[Participant]:
    """Summit groups the tagger misses: "G7", "G20", "G-7", "Group of Seven"."""
    out = [
        Participant(group_name(ctx, t.text), "organization")
        for t in sent
        if t.i in tokens and G_GROUP.fullmatch(t.text) and not on_sidelines_of(t, trigger)
    ]
    text = sent.text
    for m in _GROUP_OF.finditer(text):
        start = sent.start_char + m.start()
        if any(t.idx == start and t.i in tokens for t in sent):
            out.append(Participant(m.group(0), "organization"))
    gaz = get_gazetteer()
    for m in _JOINT_BODY.finditer(text):  # "NATO-Russia Council": the body and both its sides
        start = sent.start_char + m.start()
        if not any(t.idx == start and t.i in tokens for t in sent):
            continue
        out.append(Participant(m.group(0), "organization"))
        for side in (m.group(1), m.group(2)):
            code = gaz.country_code(side)
            out.append(
                Participant(gaz.country_name(code), "country") if code else Participant(side, "organization")
            )
    return out


def flat_view(meeting: dict[str, Any]) -> dict[str, Any]:
    """A meeting as ``newsmon extract`` prints it: names as strings, structure kept beside them.

    The product owner's scorer (``eval/score.py``) compares ``participants`` and ``location`` as
    strings and slices ``evidence``; so the command's output carries those as plain strings and
    keeps the structured values under ``participant_details`` ({name, type, role?}), ``place``
    ({name, country_code, lat, lon}) and ``evidence_span`` ({start, end}). Kafka messages and
    indexed documents keep the structured form (schemas/meetings.v1).
    """
    loc = meeting.get("location")
    ev = meeting.get("evidence")
    parts = meeting.get("participants") or []
    return {
        **meeting,
        "participants": [p["name"] if isinstance(p, dict) else str(p) for p in parts],
        "participant_details": [p for p in parts if isinstance(p, dict)],
        "location": loc.get("name") if isinstance(loc, dict) else loc,
        "place": loc if isinstance(loc, dict) else None,
        "evidence": ev.get("text", "") if isinstance(ev, dict) else ev,
        "evidence_span": ({"start": ev.get("start"), "end": ev.get("end")} if isinstance(ev, dict) else None),
    }


def flat_result(result: dict[str, Any]) -> dict[str, Any]:
    """An extraction result with every meeting in :func:`flat_view` form."""
    return {**result, "meetings": [flat_view(m) for m in result.get("meetings", [])]}
