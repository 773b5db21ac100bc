"""When and where one meeting mention happens: its date and status from the tense, its place.

* The date is the expression nearest the trigger in the dependency tree, skipping dates that
  belong to another meeting in the sentence, "since ...", and a report's or rejection's own date
  when the meeting is only planned ("The Kremlin on Thursday rejected an offer to meet").
* Without a status cue, tense decides: past -> held, future -> scheduled, present -> by the date.
* The place is the first gazetteer-known name among the frame's places, disambiguated by the
  country written right after it ("Brussels, Belgium", "Vienna, Virginia").
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span, Token

from newsmon.extract.context import ArticleContext
from newsmon.extract.date_patterns import NUMBERS, YEAR
from newsmon.extract.dates import DateExpr, Resolved, add_months, find_dates, resolve
from newsmon.extract.meeting_cues import REPORTING
from newsmon.extract.meeting_frame import lca, tree_distance
from newsmon.extract.meeting_narrative import narrative_days
from newsmon.extract.meeting_status import PROPOSE, medium_of, perfect_participle, recorded, tense_of
from newsmon.extract.spans import token_at

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


def _sentence(sent: Span) -> tuple[str, list[DateExpr]]:
    """The text of ``sent`` and its date expressions, computed once per sentence rather than once
    per trigger (``Span.text`` joins every token again on each call)."""
    cache = sent.doc.user_data.setdefault("newsmon_sentence_dates", {})
    key = (sent.start, sent.end)
    if key not in cache:
        text = sent.text
        cache[key] = (text, find_dates(text))
    return cache[key]  # type: ignore[no-any-return]


def _before(sent: Span, expr: DateExpr) -> str:
    """The few words before ``expr`` (enough for the end-anchored cue patterns below)."""
    text = _sentence(sent)[0]
    return text[max(0, expr.start - 40) : expr.start].lower()


def pick_date(
    ctx: ArticleContext, trigger: Token, sent: Span, status: str | None
) -> tuple[DateExpr | None, Resolved, Token | None]:
    """The date expression nearest the trigger in the tree, resolved with its own clause's tense."""
    best: tuple[int, DateExpr, Token] | None = None
    future = tense_of(trigger) == "future"
    medium = medium_of(trigger)  # "told Rouhani in a phone call on Saturday": the telling's day is the call's
    for expr in _sentence(sent)[1]:
        if sent.start_char + expr.start < ctx.dateline_end:
            continue  # "BERLIN, Dec 30 (Wire) -": not a meeting date
        if re.search(r"\bsince(\s+(early|mid|late))?[\s-]*$", _before(sent, expr)):
            continue  # "the first visit since 2018" dates the previous one, not this one
        if re.search(r"\b(before|until|till)\s*$", _before(sent, expr)):
            continue  # "planned to visit the United States before January": a bound, not the day
        if re.search(r"\b(before|after)$", expr.text) and trigger.idx >= sent.start_char + expr.end:
            continue  # "comes a day before the president is scheduled to meet": dates the other event
        tok = token_at(sent, sent.start_char + expr.start)
        span = ctx.doc.char_span(
            sent.start_char + expr.start, sent.start_char + expr.end, alignment_mode="expand"
        )
        root = span.root if span is not None else tok
        top = lca(root, trigger)
        if root.dep_ in ("nummod", "compound", "nmod", "amod") and root.head.lemma_.lower() in _ERAS:
            if root.head.i != trigger.i:
                continue  # "a top adviser to Trump's 2016 campaign": the campaign's year, not the meeting's
        if future and _past_clause_above(root, trigger):
            continue  # "Lavrov was coy on Monday about whether Putin and Poroshenko will meet"
        if top is not None and top.i != trigger.i and perfect_participle(trigger):
            continue  # "accused him on Friday of having met Putin": Friday is the accusing
        if top is not None and _under_since(root, top):
            continue  # "the first meeting since Biden took office in January"
        if top is not None and _other_trigger_between(root, top, trigger):
            continue  # "the talks ... after Biden and Putin met in June 2021": June dates the other meeting
        dist = tree_distance(root, trigger)
        if (
            future
            and top is not None
            and top.i != trigger.i
            and top.lemma_.lower() in REPORTING
            and top.i in (root.head.i, root.head.head.i)
        ):
            continue  # "Xi will visit ..., the Kremlin said on Friday": Friday is the saying, not the visit
        if top is not None and top.lemma_.lower() in REPORTING and top.i != trigger.i:
            if trigger.dep_ == "nsubjpass" and trigger.head.i == top.i:
                continue  # "The visit was announced on Monday": the day of the announcement
            if _branch(root, top).dep_ == "ccomp" and _branch(trigger, top).dep_ != "ccomp":
                continue  # "After a speech at the summit, Trump told them ... leadership in 2016"
        told_in = medium and top is not None and top.i == trigger.head.head.i
        if top is not None and top.lemma_.lower() in _DATE_BLOCKERS and top.i != trigger.i and not told_in:
            if status is not None and status != "scheduled-past":
                continue  # "The Kremlin on Thursday rejected an offer to meet": Thursday is the rejection
            dist += 3
        if best is None or dist < best[0]:
            best = (dist, expr, root)
    if best is None:
        return _anaphoric_period(ctx, trigger, sent)
    _, expr, root = best
    # a called-off or delayed meeting was planned: its day may lie on either side of publication
    tense = None if status in ("cancelled", "postponed") else tense_of(root)
    if any(_ahead_of(t) for t in (root, *root.ancestors)):
        tense = None  # "arrived on Sunday ahead of talks on Tuesday": after the arrival, not before it
    if trigger.dep_ == "pobj" and trigger.head.lower_ in ("since", "after"):
        tense = "past"  # "the first contact since a meeting in Doha in March"
    if recorded(trigger) and trigger.left_edge.i <= root.i <= trigger.right_edge.i:
        tense = "past"  # "will release the transcript of an April 21 conversation"
    if _summoned_for(trigger) and trigger.left_edge.i <= root.i <= trigger.right_edge.i:
        tense = "future"  # "has summoned Wall Street executives ... for a meeting on Wednesday"
    content = _proposal_of(trigger) if status == "proposed" else None
    after = (
        content is not None
        and root.dep_ == "npadvmod"
        and root.head.i == content.head.i
        and root.i > content.i
    )
    if content is not None and (content.left_edge.i <= root.i <= content.right_edge.i or after):  # Jan. 9
        tense = "future"  # "has proposed holding talks Jan. 9", "offered to meet Erdogan on Monday": ahead
    if trigger.dep_ == "compound" and trigger.head.lemma_.lower() == "date":
        tense = None  # "the original summit date was June 12": a plan, on either side of publication
    if _booked_for(root, trigger):
        tense = "future"  # "called a meeting for Friday": the day the meeting was called for lies ahead
    return expr, resolve(expr, ctx.published, tense), root


_THAT = re.compile(
    r"\b(?:that|the same|that same|(?P<step>the (?:following|previous|preceding)"
    r"|the next(?= (?:day|morning|afternoon|evening|night))))"
    r" (year|month|day|morning|afternoon|evening|night)\b",
    re.IGNORECASE,
)
_PARTS_OF_DAY = {"morning", "afternoon", "evening", "night"}
_YEAR = re.compile(rf"\b{YEAR}\b")
_LENGTH = {"year": 4, "month": 7, "day": 10}
_DAY_REACH = 3000  # chars back to the day "that day" refers to


def _anaphoric_period(
    ctx: ArticleContext, trigger: Token, sent: Span
) -> tuple[DateExpr | None, Resolved, Token | None]:
    """ "took with a delegation from Moscow that year", "arranged for the president to meet ... that
    day": the year (month, day) last written in this sentence or the two before it, when the
    anaphor belongs to the trigger's clause."""
    found = _THAT.search(sent.text)
    if found is None:
        return None, Resolved(None), None
    tok = token_at(sent, sent.start_char + found.start())
    if lca(tok, trigger) is None or tree_distance(tok, trigger) > 4:
        return None, Resolved(None), None
    start = sent.start
    for _ in range(2):  # back two sentences
        start = ctx.doc[max(start - 1, 0)].sent.start
    window = ctx.text[ctx.doc[start].idx : sent.start_char + found.start()]
    unit = "day" if found.group(2).lower() in _PARTS_OF_DAY else found.group(2).lower()
    size = _LENGTH[unit]
    values = [resolve(e, ctx.published, "past").value or "" for e in find_dates(window)]
    values = [v[:size] for v in values if len(v) >= size]
    if size == 4:
        values += _YEAR.findall(window)[-1:]  # "the 2016 election ... that year"
    if size == 10 and not values:  # "Later that day, ... met again that same day": the story's day
        anaphor = sent.start_char + found.start()
        values = [
            day for at, day in narrative_days(ctx) if anaphor - _DAY_REACH <= at < anaphor and len(day) == 10
        ]
    if not values:
        return None, Resolved(None), None
    expr = DateExpr(unit, found.group(0), found.start(), found.end(), ())
    value = values[-1]
    if found.group("step"):  # "the next day", "the previous year": one step from the day written
        value = _step(value, 1 if found.group("step").lower().split()[1] in ("next", "following") else -1)
    return expr, Resolved(value), tok


def _step(value: str, by: int) -> str:
    """ "2016-07-25" + 1 day, "2016-07" + 1 month, "2016" + 1 year."""
    if len(value) == 10:
        return (dt.date.fromisoformat(value) + dt.timedelta(days=by)).isoformat()
    if len(value) == 7:
        year, month = add_months(dt.date(int(value[:4]), int(value[5:7]), 1), by)
        return f"{year:04d}-{month:02d}"
    return f"{int(value) + by:04d}"


_ERAS = set("campaign election race cycle primary bid run administration presidency term".split())


_SUMMONS = {"summon", "invite", "call", "ask", "bring"}


def _summoned_for(trigger: Token) -> bool:
    """ "has summoned X to the White House for a meeting on Wednesday", "invites Y for talks on
    Friday": the meeting the summons is for lies ahead of it (a present or present perfect summons)."""
    prep = trigger.head
    verb = prep.head
    if trigger.dep_ != "pobj" or prep.lower_ != "for" or verb.lemma_.lower() not in _SUMMONS:
        return False
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children)
    return verb.tag_ in ("VBZ", "VBP") or perfect


_BOOKINGS = set(
    "call request schedule set convene arrange plan book seek demand summon reschedule move".split()
)


def _proposal_of(trigger: Token) -> Token | None:
    """What a proposing verb above the trigger proposes ("proposed holding talks", "offered to
    meet", "asked for a meeting"), reached through argument links only: the verb's child on the way."""
    node = trigger
    for _ in range(3):
        if node.dep_ not in ("dobj", "xcomp", "pobj", "prep", "pcomp") or node.head.i == node.i:
            return None
        if node.head.pos_ == "VERB" and node.head.lemma_.lower() in PROPOSE | {"ask"}:
            return node
        node = node.head
    return None


def _booked_for(date: Token, trigger: Token) -> bool:
    """ "The council called a meeting for Friday", "requested an emergency session for Thursday",
    "set the talks for next Tuesday": a day introduced by "for" on the meeting noun, or on the verb
    that calls or sets it, is the day the meeting is booked for, ahead of the booking."""
    prep = date.head
    if date.dep_ != "pobj" or prep.lower_ != "for" or trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    verb = trigger.head if trigger.dep_ in ("dobj", "nsubjpass") else None
    if prep.head.i == trigger.i:
        return verb is not None and verb.lemma_.lower() in _BOOKINGS
    return verb is not None and prep.head.i == verb.i and verb.lemma_.lower() in _BOOKINGS


def _past_clause_above(date: Token, trigger: Token) -> bool:
    """The date hangs on a past-tense clause that governs the trigger's clause from outside it
    ("was coy on Monday about whether they will meet", "was in Paris on Monday, where he will
    meet"): it dates that clause, not a meeting still ahead."""
    head = date
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    own = {trigger.i} | {t.i for t in trigger.ancestors if t.dep_ in ("xcomp", "conj", "aux")}
    if head.i in own or head.i not in {t.i for t in trigger.ancestors}:
        return False
    return tense_of(date) == "past"


def _branch(tok: Token, top: Token) -> Token:
    """The child of ``top`` whose subtree holds ``tok`` (``tok`` itself when it is ``top``)."""
    while tok.head.i != top.i and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _ahead_of(tok: Token) -> bool:
    """``tok`` is the object of "ahead of": "ahead of Wednesday's council meeting"."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "ahead"


def _under_since(root: Token, top: Token) -> bool:
    node = root
    for _ in range(10):
        if node.i == top.i or node.head.i == node.i:
            return False
        if any(c.lower_ == "since" and c.dep_ in ("mark", "prep") for c in node.children):
            return True
        node = node.head
    return False


def _other_trigger_between(root: Token, top: Token, trigger: Token) -> bool:
    node = root
    for _ in range(12):
        if node.i == top.i or node.head.i == node.i:
            return False
        if node.dep_ == "relcl" and node.head.ent_type_ == "PERSON":
            return True  # "Riek Machar, who were kissed by Francis in April 2019": about the person
        if node.dep_ in ("relcl", "acl") and any(c.lower_ == "first" for c in node.children):
            return True  # "the summit, an event Obama first organized in 2010": the first edition
        if node.dep_ == "relcl" and node.head.pos_ in ("NOUN", "PROPN") and not _evokes_meeting(node.head):
            if node.head.i not in _own_phrase(trigger):
                return True  # "met Wang and agreed to resume exchanges with Australia, which ... in August"
        node = node.head
        if (
            node.i != trigger.i
            and node.i != top.i
            and _evokes_meeting(node)
            and not _setting_of(node, trigger)
        ):
            return True
    return False


def _setting_of(node: Token, trigger: Token) -> bool:
    """ "when they meet at the Group of 20 meeting, which starts Nov. 30": the event the meeting
    takes place at dates it too."""
    prep = _branch(node, trigger)
    return prep.head.i == trigger.i and prep.dep_ == "prep" and prep.lower_ in ("at", "during")


def _own_phrase(trigger: Token) -> set[int]:
    """The trigger with its arguments, without coordinated or embedded clauses."""
    skip = {"conj", "cc", "advcl", "ccomp", "xcomp", "parataxis", "acl", "relcl"}
    return {trigger.i} | {t.i for c in trigger.children if c.dep_ not in skip for t in c.subtree}


def _evokes_meeting(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        return lemma in ("meet", "visit", "convene", "negotiate")
    nouns = ("talk", "meeting", "summit", "visit", "negotiation", "trip", "call")
    return tok.pos_ == "NOUN" and lemma in nouns


def status_from_tense(tok: Token, resolved: Resolved, published: dt.date | None, cue: str | None) -> str:
    day = resolved.value
    pub = published.isoformat() if published else None
    if cue == "scheduled-past":  # "was scheduled to meet": held once its day has passed
        if not day:
            return "scheduled"  # "During his stay, he was also scheduled to meet X": no day, no outcome
        # its day not over at publication ("was due to arrive in Turkey on Monday", written on Monday):
        # still scheduled, the article tells no outcome
        later = pub and (day > pub[: len(day)] or day == pub)  # a week or month may have passed in part
        return "scheduled" if later else "held"
    tense = tense_of(tok)
    if _ahead_of(tok) and not (day and pub and day[:10] < pub[: len(day[:10])]):
        return "scheduled"  # "arrived on Sunday ahead of talks with Biden": the talks come after
    if tense == "past":
        return "held"
    if tense == "future":
        return "scheduled"
    if day and pub:
        if day[:10] > pub[: len(day[:10])]:
            return "scheduled"
        if len(day) == 10 and day == pub and tense == "present":
            return "ongoing"
    if not day and tense == "present" and in_progress(tok):
        return "ongoing"
    return "held"


_BE_PRESENT = {"is", "are", "'s", "'re", "am"}
_ON_JOURNEY = {"visit", "trip", "tour", "mission"}


def in_progress(tok: Token) -> bool:
    """The mention reports a meeting under way at publication: "Biden is visiting Poland", "Scholz is
    on a two-day visit to Beijing", "Blinken is in Beijing for talks", "talks are under way"."""
    node = tok
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX"):
            break
        node = node.head
    if node.tag_ == "VBG":
        if node.dep_ == "advcl" and node.head.lower_ in _BE_PRESENT:
            return True  # "Netanyahu is at the White House, meeting with President Obama"
        return any(c.dep_ == "aux" and c.lower_ in _BE_PRESENT for c in node.children)
    if node.lemma_ != "be" or node.lower_ not in _BE_PRESENT:
        return False
    if node.i == tok.i and any(c.dep_ == "prep" and c.lower_ in ("in", "at") for c in node.children):
        return True  # "Pence is in Estonia on the first leg of a tour": the stay is the trigger
    for prep in (c for c in node.children if c.dep_ == "prep"):
        objs = [g.lemma_.lower() for g in prep.children if g.dep_ == "pobj"]
        if prep.lower_ == "under" and "way" in objs:
            return True
        if prep.lower_ == "on" and _ON_JOURNEY & set(objs):
            return True
        if prep.lower_ == "for" and tok.i in {g.i for g in prep.children} and node.i == tok.head.head.i:
            return any(c.dep_ == "prep" and c.lower_ == "in" for c in node.children)  # "is in X for talks"
    return any(c.lower_ in ("underway", "ongoing") for c in node.children)


def span_in_days(trigger: Token) -> int | None:
    """How many days the meeting lasts when its own phrase says so: "a three-day state visit",
    "arrived in Moscow on Monday for a three-day state visit", "for a two-day show of support"
    (not "met Varadkar on Thursday, the final stop of a four-day trade mission")."""
    nouns = [trigger] + [
        g for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("for", "on") for g in c.children
    ]
    for noun in nouns:
        for tok in noun.children:
            if tok.lower_ != "day" or tok.dep_ not in ("compound", "amod", "nmod"):
                continue
            nums = [c for c in tok.children if c.dep_ == "nummod"]
            word = nums[0].lower_ if nums else ""
            days = NUMBERS.get(word) or (int(word) if word.isdigit() else None)
            if days and 1 < days <= 14:
                return days
    return None
