"""Meeting triggers, tense and status cues read from one spaCy parse.

The words here are the closed classes the task is about (meeting nouns and verbs, status verbs,
modal auxiliaries); everything open-class (names, places, dates) comes from the parse, the name
index and the gazetteer.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsmon.extract.meeting_cue_rules import (
    HABITUAL,
    SEATS,
    arrived_to_visit,
    asked_whether,
    audience_only,
    by_phone_with,
    campaign_stop,
    fixture,
    hosts_a_guest,
    is_phone_verb,
    negated,
    passive_reception,
    receives_delegation,
    sat_down_with,
    sightseeing,
    spoke_with,
)
from newsmon.extract.meeting_noun_rules import NOUN_KINDS, TRIP_VERBS, lemma_kinds, noun_kind, sit_down_noun

# verb lemma -> kind
VERB_KINDS = lemma_kinds(
    "meet=meeting visit=visit host=meeting convene=meeting gather=meeting negotiate=talks "
    "arrive=visit receive=meeting dine=meeting phone=call speak=call talk=call call=call "
    "travel=visit huddle=meeting come=visit fly=visit go=visit"
)
REPORTING = set(
    "say tell announce add state write confirm report claim insist note declare explain warn "
    "argue describe".split()
)
_NOT_MEETINGS = set(
    "target demand need requirement criterion expectation deadline goal obligation condition "
    "standard cost end challenge threshold bar benchmark mark quota commitment criteria".split()
)
_CROWDS = {
    "lot",
    "lots",
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "plenty",
    "bunch",
}
_INTO_MEETING = {"go", "head", "walk"}
_SUMMON = {"invite", "summon", "bring", "welcome", "ask", "call"}
_GENERIC_SUBJECTS = {"those", "anyone", "everyone", "everybody", "anybody", "whoever", "people"}


@dataclass
class Trigger:
    """One word that evokes a meeting: its token, the kind it suggests and its sentence."""

    token: Token
    kind: str
    sent: Span

    @property
    def is_noun(self) -> bool:
        return self.token.pos_ in ("NOUN", "PROPN")


def find_triggers(sent: Span) -> list[Trigger]:
    """Meeting-evoking tokens in ``sent`` (generic plurals like "his meetings" are skipped)."""
    out: list[Trigger] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if sit_down_noun(tok):
            out.append(Trigger(tok, "meeting", sent))  # "a perfunctory sit-down with Garland"
        elif tok.pos_ in ("NOUN", "PROPN") and lemma in NOUN_KINDS:
            kind = noun_kind(tok)
            if kind is not None:
                out.append(Trigger(tok, kind, sent))
        elif sat_down_with(tok):
            out.append(Trigger(tok, "meeting", sent))
        elif tok.pos_ == "VERB" and lemma not in VERB_KINDS and by_phone_with(tok):
            out.append(Trigger(tok, "call", sent))  # "discussed the issue by telephone with Erdogan"
        elif tok.pos_ == "VERB" and lemma in VERB_KINDS:
            kind = VERB_KINDS[lemma]
            if audience_only(tok) or asked_whether(tok):
                continue  # "Asked whether Scholz planned to travel to Moscow, ...": a question
            if lemma == "meet" and (
                any(
                    c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.lemma_.lower() in _NOT_MEETINGS
                    for c in tok.children
                )
                or (tok.dep_ in ("acl", "relcl") and tok.head.lemma_.lower() in _NOT_MEETINGS)
            ):
                continue  # "meet the bar", "a threshold met only by Trump and Cruz"
            if lemma == "meet" and _meet_and_greet(tok):
                continue  # "a breakfast meet-and-greet": a campaign event
            if lemma == "meet" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in _CROWDS and not c.ent_type_ for c in tok.children
            ):
                continue  # "I met a lot of Bernie supporters": a crowd, not a meeting
            if lemma == "meet" and fixture(tok):
                continue  # "whose side meet Dynamo in the semi-final": a match, not a meeting
            if lemma in ("speak", "talk", "call", "phone") and not (is_phone_verb(tok) or spoke_with(tok)):
                continue
            if lemma in ("speak", "talk") and _for_a_while(tok):
                continue  # "had been talking with officials from the Clinton campaign for weeks": many talks
            if lemma in ("receive", "host") and not (hosts_a_guest(tok) or receives_delegation(tok)):
                continue  # "received legal protection", "hosting activists at house parties"
            if lemma in ("receive", "host", "gather", "convene") and not (
                any(
                    c.dep_ in ("dobj", "nsubj", "nsubjpass")
                    and any(t.ent_type_ or t.pos_ == "PRON" for t in c.subtree)
                    for c in tok.children
                )
                or receives_delegation(tok)
            ):
                continue
            if lemma == "negotiate" and tok.dep_ in ("acl", "amod"):
                continue  # "the Iran nuclear deal negotiated by Obama": describes the deal
            if lemma == "gather" and any(c.dep_ == "dobj" and not c.ent_type_ for c in tok.children):
                continue  # "gathering material"
            if any(c.dep_ == "dobj" and any(d.lower_ in ("every", "each", "all") for d in c.children)
                   for c in tok.children):  # fmt: skip
                continue  # "pledged to visit every Iowa county": a programme, not one visit
            if negated(tok):
                continue  # "did not need to meet with a Mexican", "has never met Putin"
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
                continue  # "would unite Britain against him if he visited": a hypothetical
            if any(c.dep_ == "nsubj" and c.lower_ in _GENERIC_SUBJECTS for c in tok.children) or (
                tok.dep_ == "relcl" and tok.head.lower_ in _GENERIC_SUBJECTS
            ):
                continue  # "more than half of those who met Clinton": people in general
            if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in tok.children):
                continue  # "frequently meets with members of Congress": a habit, not one meeting
            if (
                tok.tag_ in ("VBP", "VBZ")
                and any(c.lower_ in ("when", "whenever") for c in tok.children)
                and any(c.dep_ == "dobj" and c.tag_ == "NNS" and not c.ent_type_ for c in tok.children)
            ):
                continue  # "When I visit other countries, ...": whenever, not one visit
            if passive_reception(tok):
                continue  # "the promise was met with relief"
            auxes = {c.lower_ for c in tok.children if c.dep_ == "aux"}
            if {"would", "have"} <= auxes:
                continue  # "would have met": counterfactual
            if lemma == "arrive" and not arrived_to_visit(tok):
                continue  # only a named person arriving in a country or city or at a seat of power
            if lemma in ("come", "fly", "go") and not any(
                c.dep_ == "nsubj" and (c.ent_type_ == "PERSON" or c.tag_ == "PRP" or _who_a_person(c))
                for c in tok.children
            ):
                continue  # "volunteers came to Denver", "delegates who go to Cleveland": not a named person
            if lemma in ("travel", "come", "fly", "go") and not any(
                c.dep_ == "prep"
                and c.lower_ == "to"
                and any(g.ent_type_ in ("GPE", "LOC") for g in c.children)
                for c in tok.children
            ):
                continue  # only "travel to <place>" is a visit
            if lemma == "visit" and any(
                c.dep_ == "dobj"
                and c.ent_type_
                and c.ent_type_ not in ("GPE", "PERSON", "LOC", "NORP")
                and c.lower_ not in SEATS
                for c in tok.children
            ):
                continue  # "visiting the Peace Memorial Museum": sightseeing, not a visit to someone
            if lemma == "visit" and sightseeing(tok):
                continue  # "visited the factory"
            if kind == "visit" and campaign_stop(tok):
                continue  # "visited Missouri on Saturday, holding a rally"
            if lemma == "host" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in NOUN_KINDS for c in tok.children
            ):
                continue  # "host a summit": the noun is the trigger
            out.append(Trigger(tok, kind, sent))
    return out


def _purpose_of_trip(clause: Token) -> bool:
    """ "visited the Capitol on Thursday to meet with Senate Democrats", "dispatched O'Leary to meet
    with doctors": the trip's purpose shares its arguments."""
    return (
        clause.dep_ == "advcl"
        and any(c.tag_ == "TO" for c in clause.children)
        and clause.head.lemma_.lower() in TRIP_VERBS | {"send", "dispatch"}
    )


def _who_a_person(subj: Token) -> bool:
    """ "Dan Kildee, a Michigan Democrat who flew to Germany": "who" stands for a named person."""
    clause = subj.head
    if subj.lower_ != "who" or clause.dep_ != "relcl":
        return False
    noun = clause.head
    return noun.ent_type_ == "PERSON" or (noun.dep_ == "appos" and noun.head.ent_type_ == "PERSON")


def _for_a_while(tok: Token) -> bool:
    """ "for weeks", "for two months" anywhere in the clause (the parser may hang it off a noun)."""
    return any(
        t.lower_ == "for" and any(g.lemma_.lower() in _SPANS and g.tag_ == "NNS" for g in t.children)
        for t in tok.subtree
    )


_SPANS = {"day", "week", "month", "year", "decade"}


def _meet_and_greet(tok: Token) -> bool:
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ == "and"


def frame_head(tok: Token) -> Token:
    """The verb that carries the trigger's status: climb xcomp/infinitive chains and core arguments."""
    head = tok
    for _ in range(4):
        if (
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
            head = head.head
        elif (
            head.dep_ == "prep" and head.lower_ in ("to", "for", "on") and head.head.lemma_.lower() in _SUMMON
        ):
            head = head.head  # "Pena Nieto invited Trump to a meeting in Mexico City"
        elif head.dep_ == "prep" and head.lower_ == "into" and head.head.lemma_.lower() in _INTO_MEETING:
            head = head.head  # "Shultz arrived and went straight into a meeting with Shevardnadze"
        else:
            break
    return head
