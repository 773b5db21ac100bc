"""Which tokens of a sentence describe the meeting one trigger evokes (its *frame*), for
:mod:`newsmon.extract.meeting_frame`: the trigger's phrase (or its verb's clause) without embedded
clauses about other things, plus who is present at it or addresses it, minus the subjects of
object-control verbs above it ("encouraged Xi to speak with Zelensky").
"""

from __future__ import annotations

from spacy.tokens import Token

from newsmon.extract.lexicon import OBJECT_CONTROL
from newsmon.extract.meeting_cue_rules import media_name
from newsmon.extract.meeting_cues import REPORTING, frame_head
from newsmon.extract.meeting_joint import joint_hosts
from newsmon.extract.meeting_noun_rules import LIGHT_VERBS, held_by_name, light_verb_with, part_of_trip
from newsmon.extract.meeting_scope import (
    at_meeting_scope,
    for_meeting_scope,
    participle_subject_scope,
    reported_conjunct_scope,
    speech_scope,
)
from newsmon.extract.meeting_status import SLATED

_OTHER_EVENTS = {"meeting", "summit", "talk", "session", "conference", "visit", "negotiation", "call"}
_OTHER_EVENT_VERBS = {"meet", "visit", "negotiate", "talk"}
_HOSTING = {  # "talks hosted by Baerbock", "a June 2016 meeting involving Veselnitskaya and Kushner"
    "host", "chair", "lead", "attend", "organise", "organize", "mediate", "broker", "head", "involve",
    "include", "feature",
}  # fmt: skip
_SKIP_FRAME_DEPS = {"ccomp", "advcl", "parataxis", "relcl", "acl"}

# Whose aide someone is: "Mercedes Schlapp, communications adviser to President Donald Trump".
_AIDES = set("adviser advisor aide assistant counselor counsellor spokesman spokeswoman spokesperson".split())


def _aside(prep: Token) -> bool:
    """A phrase naming a source or a patron, not a party: "according to the Post", "adviser to X"."""
    if prep.lower_ == "according":  # an outlet; a person the source may well have been there
        objs = [o for t in prep.children if t.lower_ == "to" for o in t.children if o.dep_ == "pobj"]
        return any(media_name(o) for o in objs)
    return prep.lower_ == "to" and prep.head.lemma_.lower() in _AIDES


# Events that only time a meeting: "ahead of his AIPAC speech", "after Thursday's debate".
_TIMED_BY = set(
    "speech address remarks rally debate vote election primary caucus convention hearing testimony "
    "appearance interview announcement ceremony inauguration".split()
)


def _time_reference(phrase: Token) -> bool:
    """ "before/after/following X", "ahead of/prior to X" where X is a speech, debate, vote, ..."""
    low = phrase.lower_
    if low in ("before", "after", "following", "until", "since"):
        objs = [o for o in phrase.children if o.dep_ == "pobj"]
    elif low in ("ahead", "prior"):
        objs = [
            o for p in phrase.children if p.lower_ in ("of", "to") for o in p.children if o.dep_ == "pobj"
        ]
    else:
        return False
    return any(o.lemma_.lower() in _TIMED_BY for o in objs)


def _subtree_without_clauses(tok: Token, keep: Token) -> set[int]:
    """Token indices of ``tok``'s subtree, leaving out embedded clauses that do not hold ``keep``."""
    out: set[int] = set()
    stack = [tok]
    while stack:
        t = stack.pop()
        out.add(t.i)
        for c in t.children:
            holds = c.left_edge.i <= keep.i <= c.right_edge.i
            if c.dep_ == "acl" and c.lemma_.lower() in _HOSTING:
                stack.append(c)  # "talks hosted by Baerbock", "a session chaired by Austin"
                continue
            if c.dep_ == "acl" and t.i == keep.i and c.lemma_.lower() in SLATED:
                stack.append(c)  # "With negotiations set to resume with Iran this week": its own clause
                continue
            if c.dep_ == "relcl" and c.lemma_.lower() in ("include", "involve") and t.i == keep.i:
                stack.append(c)  # "the six-party talks that would include both Koreas, the U.S., Japan"
                continue
            if c.dep_ == "advcl" and c.lower_ == "face":
                stack.append(c)  # "sat face to face with Ryan"
                continue
            light = light_verb_with(keep) if c.dep_ == "relcl" and c.head.i == keep.i else None
            if light is not None and light.i == c.i:
                stack.append(c)  # "a June conversation she had with Trump": her and Trump
                continue
            if (
                c.dep_ == "relcl"
                and c.head.i == keep.i
                and c.lemma_.lower() in LIGHT_VERBS
                and not any(
                    a.dep_ in ("dobj", "prep") and a.lower_ not in ("that", "which") for a in c.children
                )
            ):
                # "a 2013 discussion he had with Manafort" with "with" hung on the noun: the
                # clause's subject is the other side
                out.update(t.i for s in c.children if s.dep_ == "nsubj" for t in s.subtree)
                continue
            if c.dep_ == "relcl" and held_by_name(c, keep):
                stack.append(c)  # "the summit of Gulf countries that Obama held at Camp David in May"
                continue
            if (c.dep_ in _SKIP_FRAME_DEPS or c.lemma_.lower() in REPORTING) and not holds:
                continue
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not holds:
                continue  # "X met Y in Malta, and Y visited Washington": the second clause is another event
            if c.pos_ == "NOUN" and c.lemma_.lower() in _OTHER_EVENTS and not holds and not part_of_trip(c):
                continue  # "meet X ahead of Wednesday's NATO-Russia Council meeting": that one's people
            if c.dep_ == "prep" and not holds and _aside(c):
                # "according to The Washington Post", "adviser to President Trump"; the rest of a
                # list the parser hung on the patron is still the meeting's
                stack.extend(
                    g for o in c.children if o.dep_ == "pobj" for g in o.children if g.dep_ == "conj"
                )
                continue
            if not holds and _time_reference(c):
                continue  # "a private meeting with GOP lawmakers ahead of his AIPAC speech": a time
            if c.dep_ == "pcomp" and c.lemma_.lower() in _OTHER_EVENT_VERBS and not holds:
                continue  # "Before meeting with Bush, Abdullah paid a courtesy call on Reagan"
            stack.append(c)
    return out


def present_at(trigger: Token) -> set[int]:
    """Who acts at the meeting or addresses it: "At a meeting in Paris, the ministers said", "said
    during an address to the Global Chiefs of Mission Conference"."""
    return at_meeting_scope(trigger, REPORTING) | speech_scope(trigger)


def frame_tokens(trigger: Token, present: set[int]) -> set[int]:
    """Indices of the tokens that describe the meeting the trigger evokes (``present``: its
    :func:`present_at`)."""
    head = frame_head(trigger)
    if trigger.pos_ == "VERB" or head.i != trigger.i:
        toks = _subtree_without_clauses(head, trigger)
    else:
        toks = _subtree_without_clauses(trigger, trigger)
    # the object of a relative clause ("Geneva, where the delegations met"): its head noun is the place
    if trigger.dep_ == "relcl":  # the nearest conjunct: "Mugabe or Raul Castro, with whom he shook hands"
        toks.add(max((c.i for c in trigger.head.conjuncts if c.i < trigger.i), default=trigger.head.i))
    # "Obama, who welcomed world leaders for a working dinner": "who" is the name it follows
    clause = head
    while clause.dep_ in ("prep", "pobj") and clause.head.i != clause.i:
        clause = clause.head  # "for a working dinner" -> "welcomed"
    if clause.dep_ == "relcl" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that") for c in clause.children
    ):
        noun = clause.head
        toks |= {t.i for t in noun.subtree if t.i <= noun.i and not clause.left_edge.i <= t.i <= clause.i}
    if trigger.dep_ == "acl" and trigger.tag_ == "VBG" and trigger.head.pos_ == "PROPN":
        noun = trigger.head  # "Mac Maharaz, visiting Ottawa to speak to a conference, said"
        toks |= {t.i for t in noun.subtree if t.i <= noun.i}
    if trigger.dep_ == "amod" and trigger.lower_ == "visiting":
        toks |= {t.i for t in trigger.head.subtree}  # "with the visiting Italian prime minister": the visitor
    # "the council will take up the budget at a special session": who acts at the session meets
    toks |= present | reported_conjunct_scope(trigger, REPORTING)
    toks |= participle_subject_scope(trigger) | for_meeting_scope(trigger, REPORTING) | joint_hosts(trigger)
    return toks - _controller_subjects(trigger)


def _controller_subjects(trigger: Token) -> set[int]:
    """Subjects of object-control verbs above the trigger, which are not the meeting's people."""
    out: set[int] = set()
    node = trigger
    for _ in range(4):
        if node.dep_ != "xcomp" or node.head.i == node.i:
            break
        node = node.head
        if node.lemma_.lower() in OBJECT_CONTROL and any(c.dep_ == "dobj" for c in node.children):
            out.update(t.i for c in node.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree)
    return out


def anchors(trigger: Token) -> set[int]:
    """The trigger, the verb carrying it and the tokens between: where a place phrase may attach."""
    head = frame_head(trigger)
    out = {trigger.i, head.i}
    node = trigger
    while node.i != head.i and node.head.i != node.i and len(out) < 8:
        node = node.head
        out.add(node.i)
    # "talks, which were scheduled to open in Washington": the relative clause places them too
    for i in list(out):
        for c in trigger.doc[i].children:
            if c.dep_ in ("relcl", "acl"):
                out.update(t.i for t in c.subtree if t.pos_ in ("VERB", "AUX"))
    # "where he was attending a meeting": the relative clause's noun is the place
    return out
