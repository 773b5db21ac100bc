"""One meeting per real meeting: merging an article's mentions, then the output dicts.

Two mentions are the same meeting when they share a participant, their dates agree (equal at
the coarser precision, or one is unknown) and they can describe the same event (a call is never
an in-person meeting; a proposal is not a held meeting). A mention with no named participant
("Monday's meeting", "the talks") joins the meeting with its date, or, when definite, the most
recent compatible meeting. Status on merge follows the strongest news:
cancelled > postponed > ongoing > scheduled > held > proposed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span, Token

from newsmon.extract.context import ArticleContext
from newsmon.extract.meeting_key import meeting_key, participant_key
from newsmon.extract.meeting_relative import Anchor, apply_anchors
from newsmon.extract.meeting_segments import MAX_SEGMENT_TOKENS
from newsmon.extract.meeting_where import lone_city
from newsmon.extract.places import Place, get_gazetteer
from newsmon.extract.spans import sentence_end, sentence_start

STATUS_RANK = ["cancelled", "postponed", "ongoing", "scheduled", "held", "proposed"]
KIND_RANK = ["summit", "council", "conference", "talks", "visit", "call", "meeting"]
_COMPATIBLE = [{"held", "ongoing"}, {"scheduled", "postponed", "cancelled", "ongoing"}, {"proposed"}]


@dataclass(frozen=True)
class Participant:
    name: str
    type: str  # person | organization | country
    role: str | None = None
    country: str | None = None  # ISO code the role names ("Russian Deputy Foreign Minister" -> RU)

    @property
    def key(self) -> str:
        return participant_key(self.name, self.type)


@dataclass
class Candidate:
    """One mention of a meeting (one trigger), or several merged."""

    participants: list[Participant]
    place: Place | None
    date: str | None
    end_date: str | None
    date_text: str | None
    status: str
    kind: str
    sent_start: int
    sent_end: int
    definite: bool = False
    is_noun: bool = False
    mentions: int = 1
    statuses: list[str] = field(default_factory=list)
    speakers: list[Participant] = field(default_factory=list)
    plural_anaphor: str | None = None
    opening: bool = False  # the mention says when the meeting opened/began
    again: bool = False  # "agreed to meet again", "another round": a further meeting, not the last one
    described: list[Participant] = field(default_factory=list)  # "Union negotiators": last resort
    vague: bool = False  # its participants are only described ("European leaders gathered Friday")
    triggers: list[int] = field(default_factory=list)  # trigger offsets of the merged mentions
    either_mode: bool = False  # "his discussion with Johnson": a call or a meeting, whichever it joins
    sibling_of: int | None = None  # split from one mention ("separate talks with A and B"): never re-merged
    joins: bool = False  # "Manafort and Kushner also attended that meeting": more people for one told before

    def keys(self) -> set[str]:
        """Participant keys, plus the countries people's titles name (Ryabkov bridges to Russia)."""
        return {p.key for p in self.participants} | {
            p.country.lower() for p in self.participants if p.country
        }


def modes_agree(a: Candidate, b: Candidate) -> bool:
    return _mode(a.kind) == _mode(b.kind) or a.either_mode or b.either_mode


def _dates_agree(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def statuses_agree(a: str, b: str) -> bool:
    return any(a in group and b in group for group in _COMPATIBLE)


def _mode(kind: str) -> str:
    return "call" if kind == "call" else "meet"


def absorb(into: Candidate, c: Candidate, anaphoric: bool = False) -> None:
    if anaphoric and c.status not in ("cancelled", "postponed"):
        c.status = into.status  # "the negotiations would ...": a back-reference does not restate status
    for p in c.participants:
        if p.key not in into.keys():
            into.participants.append(p)
    if into.place is None and c.place is not None:
        into.place = c.place
    if _opens(c, into):
        into.end_date = into.end_date or into.date
        into.date, into.date_text = c.date, c.date_text
    elif c.date and (not into.date or len(c.date) > len(into.date)):
        into.date, into.date_text = c.date, c.date_text
        into.end_date = c.end_date or into.end_date
    into.end_date = into.end_date or c.end_date
    into.statuses.append(c.status)
    ranked = [s for s in STATUS_RANK if s in into.statuses + [into.status]]
    if ranked:
        into.status = ranked[0]
    if KIND_RANK.index(c.kind) < KIND_RANK.index(into.kind) and _mode(c.kind) == _mode(into.kind):
        into.kind = c.kind
    if not into.participants or (into.sent_start > c.sent_start and c.participants):
        into.sent_start, into.sent_end = c.sent_start, c.sent_end
    into.mentions += 1
    into.triggers.extend(c.triggers)


def places_conflict(a: Place | None, b: Place | None) -> bool:
    """Two known, different places; a venue the gazetteer does not know ("Filoli") conflicts with nothing."""
    return bool(a and b and a.country_code and b.country_code and a.name != b.name)


def _opens(c: Candidate, m: Candidate) -> bool:
    """ "The summit opened on November 6": the start of a multi-day meeting reported by its end."""
    if not (c.opening and c.date and m.date and len(c.date) == len(m.date) == 10):
        return False
    return c.date < m.date and c.date[:7] in (m.date[:7], _prev_month(m.date))


def _prev_month(iso: str) -> str:
    y, mth = int(iso[:4]), int(iso[5:7])
    return f"{y - (mth == 1):04d}-{(mth - 2) % 12 + 1:02d}"


def _attach_target(out: list[Candidate], c: Candidate) -> Candidate | None:
    """Where a mention without named participants belongs ("Monday's meeting", "the talks")."""
    if c.date:
        for m in reversed(out):
            if m.date == c.date and modes_agree(m, c):
                return m
    if c.definite and c.is_noun and not c.again:
        ok = [
            m
            for m in reversed(out)
            if modes_agree(m, c)
            and (_dates_agree(m.date, c.date) or _opens(c, m))  # "next week" and "April 6 to 8"
            and (m.kind == c.kind or not c.date or m.date)  # a dated summit dates no other meeting
            and not places_conflict(m.place, c.place)
            and not _elsewhere_then(c, m)
        ]
        if c.date and any(m.date for m in ok):  # "this year's gathering": the summit dated this year,
            ok = [m for m in ok if m.date]  # not an undated lunch told just before it
        same_kind = [m for m in ok if m.kind == c.kind]  # "the visit" -> the last visit, not the last call
        pick = same_kind or ok
        return pick[0] if pick else None
    return None


def _elsewhere_then(c: Candidate, m: Candidate) -> bool:
    """ "last year's gathering in Charlevoix" is not the undated lunch at the Hotel du Palais told
    before it: a dated mention placed elsewhere (venues the gazetteer does not know included)."""
    return bool(c.date and not m.date and c.place and m.place and c.place.name != m.place.name)


def _visit_to(out: list[Candidate], c: Candidate) -> Candidate | None:
    """The last visit into the country that is the only party of the definite visit ``c``."""
    if not c.participants or any(p.type != "country" for p in c.participants):
        return None
    codes = {getattr(get_gazetteer().lookup(p.name), "country_code", None) for p in c.participants}
    for m in reversed(out):
        if m.kind == "visit" and m.place is not None and m.place.country_code in codes:
            return m
    return None


def _same_people(a: Candidate, b: Candidate) -> bool:
    """One side's people are among the other's, or they share two: "Obama met Abe and Park" and
    "Obama met Xi" share only the host, so they are two meetings."""
    ka, kb = a.keys(), b.keys()
    named = {p.key for p in a.participants} & {p.key for p in b.participants}  # not a title's country
    return bool(ka & kb) and (_covered(a, kb) or _covered(b, ka) or len(named) >= 2)


def _covered(c: Candidate, keys: set[str]) -> bool:
    """Every participant of ``c`` is in ``keys``, itself or through its title's country (Ryabkov: RU)."""
    return all(p.key in keys or bool(p.country and p.country.lower() in keys) for p in c.participants)


def _other_groups(a: Candidate, b: Candidate) -> bool:
    """ "the Jewish leaders' meeting with Obama" is not Netanyahu's meeting with Obama: one side
    has a described party the other lacks."""
    ka, kb = {p.key for p in a.described}, {p.key for p in b.described}
    if not (ka ^ kb) or ka & kb:
        return False
    grouped, other = (a, b) if ka else (b, a)
    return not _covered(other, grouped.keys())  # the other side names someone the group's mention lacks


def _same_meeting(out: list[Candidate], c: Candidate) -> Candidate | None:
    for m in reversed(out):
        if not _same_people(m, c) or not modes_agree(m, c) or _other_groups(m, c):
            continue
        if m.sibling_of is not None and m.sibling_of == c.sibling_of:
            continue
        if c.again and m.status == "held":
            continue  # "agreed to meet again": not the meeting just held
        if not _dates_agree(m.date, c.date):
            continue
        if m.place and c.place and m.place.name != c.place.name:
            continue  # Berlin in February and Munich in February are two meetings
        same_place = bool(m.place and c.place)
        if not (m.date and c.date) and (m.date or c.date) and not c.definite:
            # one dated, one not: an anaphoric mention, or the same kind and status (a headline
            # "summit postponed" and the lead "the summit due on Thursday has been postponed")
            if not ((m.kind == c.kind or same_place) and statuses_agree(m.status, c.status)):
                continue
            dated, undated = (m, c) if m.date else (c, m)
            if _far_newcomer(dated, undated):
                continue
        if statuses_agree(m.status, c.status):
            return m
    return None


def _same_parties_again(out: list[Candidate], c: Candidate) -> None:
    """ "The United States offered to meet again": again with whoever it last met in the article
    (the parties of the same type: countries for a country, people for a person, not the host)."""
    kind = c.participants[0].type
    for m in reversed(out):
        if m.keys() & c.keys() and _mode(m.kind) == _mode(c.kind) and len(m.participants) > 1:
            c.participants.extend(p for p in m.participants if p.key not in c.keys() and p.type == kind)
            return


def merge_candidates(cands: list[Candidate], anchors: dict[int, Anchor] | None = None) -> list[Candidate]:
    """Merge mentions of the same real meeting (see the module docstring); ``anchors`` date
    meetings given only relatively to another ("a day after", "on the sidelines")."""
    out: list[Candidate] = []
    for c in cands:
        c.statuses = [c.status]
        target: Candidate | None = None
        if not c.participants and c.plural_anaphor:
            # "the two leaders met": the people of the last meeting with two or more named
            pairs = [m for m in reversed(out) if len(m.participants) >= 2]
            prev = max(pairs, key=lambda m: m.mentions) if pairs else None  # the article's main meeting
            c.participants = list(prev.participants) if prev else []
        anaphoric = False
        if c.definite and c.kind == "visit":
            target = _visit_to(out, c)  # "the U.S. visit": the visit to the U.S. told before
            anaphoric = target is not None
        if not c.participants and target is None:
            target = _attach_target(out, c)
            anaphoric = target is not None
            if target is None:
                # "diplomats from X and Y said" the talks went well; but who tells of a trip is not on it
                speakers = [] if c.kind == "visit" else c.speakers
                c.participants = list(speakers) or list(c.described)
                if not c.participants:
                    continue  # nobody named and nothing to attach to: not reportable
                c.vague = not speakers  # only described parties (a trip's teller does not count)
        if target is None and c.joins:
            target = _attach_target(out, c)
        if target is None:
            target = _same_meeting(out, c)
        if target is None:
            if c.again and len(c.participants) == 1:
                _same_parties_again(out, c)  # the other side of "offered to meet again" is unnamed
            out.append(c)
        else:
            absorb(target, c, anaphoric)
    apply_anchors(out, anchors or {})
    return _fold_undated(out)


def _fold_undated(meetings: list[Candidate]) -> list[Candidate]:
    """An undated mention of a meeting that is also reported with its date joins the dated one."""
    kept: list[Candidate] = []
    for m in meetings:
        if not m.date:
            homes = [
                d
                for d in meetings
                if d is not m
                and d.date
                and _same_people(d, m)
                and not _other_groups(d, m)
                and modes_agree(d, m)
                and (d.kind == m.kind or _covered(m, d.keys()))  # "met Xi" is not "the 2010 summit"
                and statuses_agree(d.status, m.status)
                and not (d.place and m.place and d.place.name != m.place.name)
                and not (m.again and d.status == "held")  # "continue negotiating over the coming days"
                and not (m.sibling_of is not None and m.sibling_of == d.sibling_of)
                and not _far_newcomer(d, m)
            ]
            # the dated meeting sharing the most people; among equals, the one reported first
            home = max(homes, key=lambda d: len(d.keys() & m.keys()), default=None)
            if home is not None:
                absorb(home, m)
                continue
        kept.append(m)
    return kept


FAR_CHARS = 2500  # about five news paragraphs


def _far_newcomer(dated: Candidate, undated: Candidate) -> bool:
    """An undated mention naming someone the dated meeting lacks is a meeting of its own when it
    is far from it ("during a meeting in the Oval Office with Liu He", fifty lines after "an
    Oct. 21 cabinet meeting") or split off as one of several separate ones ("also met with
    Hannity and with Cruz on separate occasions", after "met with conservative leaders June 19")."""
    far = abs(undated.sent_start - dated.sent_start) > FAR_CHARS
    return (far or undated.sibling_of is not None) and not _covered(undated, dated.keys())


def _salience(ctx: ArticleContext) -> dict[str, int]:
    counts: dict[str, int] = {}
    for m in ctx.names.mentions:
        counts[m.name] = counts.get(m.name, 0) + 1
    return counts


def finish(meetings: list[Candidate], ctx: ArticleContext, dateline: Place | None) -> list[dict[str, Any]]:
    """Output dicts, participants most-mentioned first, with confidence and the cross-article key."""
    sal = _salience(ctx)
    out: list[dict[str, Any]] = []
    pub = ctx.published
    by_offset = {t.idx: t for t in ctx.doc}
    for m in meetings:
        if not m.participants:
            continue
        place = m.place
        trig = by_offset.get(m.triggers[0]) if m.triggers else None
        if place is None and m.kind != "call" and trig is not None:  # "remarks in Venice"; after merging
            place = lone_city(_window(trig), trig, {p.name for p in m.participants})
        near_now = bool(m.date and pub and len(m.date) == 10 and abs((_d(m.date) - pub).days) <= 7)
        if (
            place is None
            and dateline is not None
            and m.kind != "call"
            and m.status in ("held", "ongoing")
            and near_now
        ):
            place = dateline  # "GENEVA (Wire) —" and a meeting this week with no place of its own
        parts = sorted(m.participants, key=lambda p: -sal.get(p.name, 0))
        plist = [{"name": p.name, "type": p.type, **({"role": p.role} if p.role else {})} for p in parts]
        conf = (
            0.45
            + 0.1 * bool(m.date)
            + 0.1 * bool(place)
            + 0.1 * (len(parts) >= 2)
            + 0.05 * min(m.mentions - 1, 3)
        )
        out.append(
            {
                "participants": plist,
                "location": place.as_dict() if place else None,
                "date": m.date,
                "date_text": m.date_text,
                "end_date": m.end_date,
                "status": m.status,
                "kind": m.kind,
                "evidence": {
                    "text": ctx.text[m.sent_start : m.sent_end],
                    "start": m.sent_start,
                    "end": m.sent_end,
                },
                "confidence": round(min(conf, 0.95), 2),
                "mentions": m.mentions,
                "meeting_key": meeting_key(plist, m.date, m.kind),
            }
        )
    return out


def _window(tok: Token) -> Span:
    """``tok.sent``, found by lookup and cut to the 150 tokens either side that the meeting rules read
    (spaCy walks a run-on sentence of thousands of tokens on every ``Token.sent``)."""
    doc = tok.doc
    start = max(sentence_start(doc, tok.i), tok.i - MAX_SEGMENT_TOKENS)
    return doc[start : min(sentence_end(doc, tok.i), tok.i + MAX_SEGMENT_TOKENS)]


def _d(iso: str) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(iso)
