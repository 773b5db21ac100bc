"""Meeting triggers, tense and status cues read from one spaCy parse.

The words here are the closed classes the task is about (meeting nouns and verbs, status verbs,
modal auxiliaries); everything open-class (names, places, dates) comes from the parse, the name
index and the gazetteer.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsmon.extract.meeting_assembly import addressed_assembly
from newsmon.extract.meeting_call_rules import by_phone_with, talks_with_state
from newsmon.extract.meeting_cue_rules import negated, sat_down_with, told_behind_closed_doors, went_to_see
from newsmon.extract.meeting_deals import reached_deal
from newsmon.extract.meeting_joint import chatted, joint_conference, shook_hands_with, stood_alongside
from newsmon.extract.meeting_noun_rules import NOUN_KINDS, TRIP_VERBS, lemma_kinds, noun_kind, sit_down_noun
from newsmon.extract.meeting_presence import stayed_in
from newsmon.extract.meeting_scope import pulled_out_of
from newsmon.extract.meeting_verb_guards import no_meeting_verb

# verb lemma -> kind
VERB_KINDS = lemma_kinds(
    "meet=meeting visit=visit host=meeting convene=meeting gather=meeting negotiate=talks "
    "arrive=visit land=visit receive=meeting dine=meeting phone=call speak=call talk=call call=call "
    "travel=visit huddle=meeting come=visit fly=visit go=visit head=visit discuss=talks contact=meeting "
    "brief=meeting"
)
REPORTING = set(
    "say tell announce add state write confirm report claim insist note declare explain warn "
    "argue describe recount".split()
)
_INTO_MEETING = {"go", "head", "walk"}
# verbs whose subject looks at a meeting from outside: "is probing several 2017 meetings"
OUTSIDE_VERBS = set(
    "investigate probe examine scrutinize scrutinise review criticize criticise condemn denounce "
    "question monitor cover".split()
)
_THERE_FOR = {"be", "arrive", "land", "travel", "fly", "head", "come", "go", "return", "stay", "gather"}
_SUMMON = {"invite", "summon", "bring", "welcome", "ask", "call", "host", "receive"}


@dataclass
class Trigger:
    """One word that evokes a meeting: its token, the kind it suggests and its sentence."""

    token: Token
    kind: str
    sent: Span
    stay: bool = False  # a stay somewhere ("was in Iowa two weeks ago"), the setting of any other

    @property
    def is_noun(self) -> bool:
        return self.token.pos_ in ("NOUN", "PROPN")


def find_triggers(sent: Span) -> list[Trigger]:
    """Meeting-evoking tokens in ``sent`` (generic plurals like "his meetings" are skipped)."""
    out: list[Trigger] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if sit_down_noun(tok) or joint_conference(tok):
            out.append(Trigger(tok, "meeting", sent))  # "a perfunctory sit-down with Garland"
        elif tok.pos_ in ("NOUN", "PROPN") and lemma in NOUN_KINDS:
            kind = noun_kind(tok)
            if kind is not None:
                out.append(Trigger(tok, kind, sent))
        elif (
            sat_down_with(tok)
            or went_to_see(tok)
            or told_behind_closed_doors(tok)
            or stood_alongside(tok)
            or shook_hands_with(tok)
            or chatted(tok)
        ):
            out.append(Trigger(tok, "meeting", sent))
        elif addressed_assembly(tok):
            out.append(Trigger(tok, "council", sent))  # "Haley addressed the U.N. General Assembly"
        elif stayed_in(tok):
            out.append(Trigger(tok, "visit", sent, stay=True))  # "Rand Paul was in Iowa two weeks ago"
        elif reached_deal(tok):
            out.append(Trigger(tok, "talks", sent))  # "the U.S. and Russia reached a deal on Saturday"
        elif talks_with_state(tok) and not negated(tok):
            out.append(Trigger(tok, "talks", sent))  # "willing to talk with Pyongyang"
        elif tok.pos_ == "VERB" and lemma not in VERB_KINDS and by_phone_with(tok):
            out.append(Trigger(tok, "call", sent))  # "discussed the issue by telephone with Erdogan"
        elif tok.pos_ == "VERB" and lemma in VERB_KINDS:
            kind = "call" if lemma == "discuss" and by_phone_with(tok) else VERB_KINDS[lemma]
            if not no_meeting_verb(tok, lemma, kind):
                out.append(Trigger(tok, kind, sent))
    return [
        t
        for t in out
        if not _restates(t.token, out)
        and not _greeting_within(t.token, out)
        and not _stay_within(t.token, out)
    ]


def _stay_within(tok: Token, found: list[Trigger]) -> bool:
    """ "Zelensky will be in Paris on Thursday, when Macron will receive him": the stay is where the
    meeting the sentence tells happens, not a visit of its own."""
    stays = {t.token.i for t in found if t.stay}
    return tok.i in stays and any(not t.stay for t in found)


def _greeting_within(tok: Token, found: list[Trigger]) -> bool:
    """ "Trump shakes hands with Azar ... during a visit to the department": the handshake is a
    moment of the meeting the sentence tells, not a meeting of its own."""
    return shook_hands_with(tok) and any(t.token.i != tok.i for t in found)


def _restates(tok: Token, found: list[Trigger]) -> bool:
    """ "holding talks Jan. 9 at Panmunjom, which would be the first formal gathering between the
    two sides": a meeting noun a relative clause predicates of what the sentence already told is
    that meeting again, not another one."""
    head = tok.head
    if tok.dep_ != "attr" or head.lemma_ != "be" or head.dep_ != "relcl":
        return False
    return any(t.token.i < tok.i for t in found)


def arrival_ahead_of(tok: Token) -> bool:
    """ "arrived in Washington on Sunday ahead of talks with Biden": who arrives has the talks."""
    prep = tok.head
    if not (tok.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ in ("ahead", "before")):
        return False
    return prep.head.head.lemma_.lower() in _THERE_FOR | {"leave", "depart"}


def _purpose_of_trip(clause: Token) -> bool:
    """ "visited the Capitol on Thursday to meet with Senate Democrats", "dispatched O'Leary to meet
    with doctors": the trip's purpose shares its arguments."""
    return (
        clause.dep_ == "advcl"
        and any(c.tag_ == "TO" for c in clause.children)
        and clause.head.lemma_.lower() in TRIP_VERBS | {"send", "dispatch"}
    )


def frame_head(tok: Token) -> Token:
    """The verb that carries the trigger's status: climb xcomp/infinitive chains and core arguments."""
    head = tok
    for _ in range(4):
        if arrival_ahead_of(head):
            head = head.head.head.head  # "Netanyahu arrived in Washington ahead of talks with Biden"
        elif (
            head.dep_ in ("xcomp", "ccomp", "acl", "pcomp", "advcl")
            and head.head.lemma_.lower() not in REPORTING
        ):
            if head.dep_ in ("ccomp", "advcl") and head.head.pos_ in ("VERB", "AUX"):
                if not _purpose_of_trip(head):
                    break
            head = head.head
        elif head.dep_ in (
            "nsubj",
            "nsubjpass",
            "dobj",
            "attr",
            "oprd",
            "pobj",
            "conj",
            "compound",
            "acomp",
        ) and (head.head.pos_ in ("VERB", "AUX", "NOUN", "PROPN", "ADJ", "ADP")):
            journey = head.lemma_.lower() in ("trip", "visit", "tour") and head.head.lower_ == "on"
            if head.dep_ == "pobj" and head.head.lower_ not in ("for", "of", "to", "into") and not journey:
                break  # but "leaves on Saturday on a 10-day trip", "is on a visit to Beijing": the traveller
            if journey and head.head.head.pos_ in ("VERB", "AUX"):
                head = head.head.head
                continue
            if head.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN"):
                break  # "the G7 summit in Cornwall and a NATO summit in Brussels": two meetings
            if head.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
                break  # "Sullivan met Wang in Malta, and Wang visited Washington": own subject, own event
            if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
                head = head.head.head  # "a new round of peace talks ... has been pushed back"
                continue
            if head.head.lemma_.lower() in REPORTING:
                break
            if head.dep_ == "dobj" and head.head.lemma_.lower() in OUTSIDE_VERBS:
                break  # "Mueller is probing several 2017 meetings": the prober is not at them
            head = head.head
        elif (
            head.dep_ == "prep" and head.lower_ in ("to", "for", "on") and head.head.lemma_.lower() in _SUMMON
        ):
            head = head.head  # "Pena Nieto invited Trump to a meeting in Mexico City"
        elif pulled_out_of(head):
            head = head.head.head  # "Trump has pulled out of the scheduled summit": he was to attend
        elif head.dep_ == "prep" and head.lower_ == "for" and head.head.lemma_.lower() in _THERE_FOR:
            head = head.head  # "Blinken is in Beijing for talks with Wang Yi", "flew to Geneva for talks"
        elif head.dep_ == "prep" and head.lower_ == "into" and head.head.lemma_.lower() in _INTO_MEETING:
            head = head.head  # "Shultz arrived and went straight into a meeting with Shevardnadze"
        else:
            break
    return head
