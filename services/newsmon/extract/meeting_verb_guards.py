"""Guards that keep a meeting verb from evoking a meeting: "meet the bar", "met a lot of
supporters", "talking with officials for weeks", "visited the factory", "if he visited".

:func:`no_meeting_verb` holds every test; ``meeting_cues.find_triggers`` asks it once per verb.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from newsmon.extract.lexicon import PARTICIPANT_LABELS, TITLE_WORDS
from newsmon.extract.meeting_call_rules import by_phone_with, is_phone_verb, spoke_with
from newsmon.extract.meeting_cue_rules import (
    AUDIENCE,
    HABITUAL,
    SEATS,
    SIGHTS,
    arrived_to_visit,
    asked_whether,
    audience_only,
    campaign_stop,
    delegation_of_party,
    fixture,
    hosts_a_guest,
    media_name,
    negated,
    passive_reception,
    receives_delegation,
    sightseeing,
)
from newsmon.extract.meeting_noun_rules import NOUN_KINDS

_NOT_MEETINGS = set(
    "target demand need requirement criterion expectation deadline goal obligation condition "
    "standard cost end challenge threshold bar benchmark mark quota commitment criteria "
    "attack aggression resistance opposition force fate death match criticism skepticism scrutiny "
    "reality fact truth".split()
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
_GENERIC_SUBJECTS = {"those", "anyone", "everyone", "everybody", "anybody", "whoever", "people"}


_NAMED_THINGS = {"ORG", "WORK_OF_ART", "PRODUCT", "FAC", "EVENT"}


_MANY = {"several", "many", "multiple", "numerous"}
_YEARS = re.compile(r"\d{4}s|'?\d0s|years|decades|career|lifetime|tenure|presidency|campaign")


def _to_the_press(tok: Token) -> bool:
    """Everyone spoken to or with is a news organisation ("told The Associated Press", "spoke with CNN")."""
    heard = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "with") for g in c.children]
    heard += [c for c in tok.children if c.dep_ == "dobj"]
    return bool(heard) and all(media_name(g) for g in heard)


def no_meeting_verb(tok: Token, lemma: str, kind: str) -> bool:
    """True when the meeting verb ``tok`` (lemma ``lemma``, suggesting ``kind``) names no meeting."""
    if audience_only(tok) or asked_whether(tok):
        return True  # "Asked whether Scholz planned to travel to Moscow, ...": a question
    if tok.ent_type_ in _NAMED_THINGS and tok.text[:1].isupper():
        return True  # "Meet the Press (@MeetThePress)": a word of a show's or a body's name
    if lemma == "meet" and _no_meeting_meet(tok):
        return True
    if any(c.dep_ == "nsubj" and (media_name(c) or c.lemma_.lower() in AUDIENCE) for c in tok.children):
        return True  # "When CBN News first met Devinn Smart": an interview; "reporters huddle": no party
    if lemma in ("speak", "talk", "call", "phone") and not (is_phone_verb(tok) or spoke_with(tok)):
        return True
    if lemma == "brief" and not _briefed_officials(tok):
        return True  # "briefed reporters", "a brief visit"; but "briefed the committee's staff"
    if lemma == "contact" and not _contacted_someone(tok):
        return True  # "contacted the Israeli ambassador on Jan. 8"; not "contact lenses", "were contacted"
    if lemma == "discuss" and not (discussed_with(tok) or by_phone_with(tok)):
        return True  # "discussed the budget"; but "discussed his intentions with the Queen"
    if lemma in ("speak", "talk") and _for_a_while(tok):
        return True  # "had been talking with officials from the Clinton campaign for weeks": many talks
    if lemma in ("receive", "host") and not (hosts_a_guest(tok) or receives_delegation(tok)):
        return True  # "received legal protection", "hosting activists at house parties"
    if lemma in ("receive", "host", "gather", "convene") and not (
        any(
            c.dep_ in ("dobj", "nsubj", "nsubjpass")  # not "dozens of protesters gathered" (CARDINAL)
            and any(t.ent_type_ in PARTICIPANT_LABELS or t.pos_ == "PRON" for t in c.subtree)
            for c in tok.children
        )
        or receives_delegation(tok)
    ):
        return True
    if lemma == "negotiate" and tok.dep_ in ("acl", "amod"):
        return True  # "the Iran nuclear deal negotiated by Obama": describes the deal
    if lemma == "gather" and any(c.dep_ == "dobj" and not c.ent_type_ for c in tok.children):
        return True  # "gathering material"
    if any(c.dep_ == "dobj" and any(d.lower_ in ("every", "each", "all") for d in c.children)
           for c in tok.children):  # fmt: skip
        return True  # "pledged to visit every Iowa county": a programme, not one visit
    if negated(tok):
        return True  # "did not need to meet with a Mexican", "has never met Putin"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
        return True  # "would unite Britain against him if he visited": a hypothetical
    if any(c.dep_ == "nsubj" and c.lower_ in _GENERIC_SUBJECTS for c in tok.children) or (
        tok.dep_ == "relcl" and tok.head.lower_ in _GENERIC_SUBJECTS
    ):
        return True  # "more than half of those who met Clinton": people in general
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in tok.children):
        return True  # "frequently meets with members of Congress": a habit, not one meeting
    if any(
        c.dep_ == "prep"
        and c.lower_ in ("throughout", "over")
        and any(_YEARS.fullmatch(g.lower_) for g in c.children if g.dep_ == "pobj")
        for c in tok.children
    ):
        return True  # "visited New York City throughout the 1960s", "met him over the years"
    if lemma in ("speak", "talk", "phone", "call") and _to_the_press(tok):
        return True  # "spoke to The Associated Press by telephone": an interview
    if lemma in ("visit", "travel", "fly", "go") and any(
        c.lemma_.lower() == "time"
        and c.dep_ in ("npadvmod", "dobj", "advmod")
        and any(n.dep_ == "nummod" or n.lower_ in _MANY for n in c.children)
        for c in tok.children
    ):
        return True  # "has visited four times this season" ("met X four times" stays: annotators keep it)
    if _habit_list(tok):
        return True
    if (
        tok.tag_ in ("VBP", "VBZ")
        and any(c.lower_ in ("when", "whenever") for c in tok.children)
        and any(c.dep_ == "dobj" and c.tag_ == "NNS" and not c.ent_type_ for c in tok.children)
    ):
        return True  # "When I visit other countries, ...": whenever, not one visit
    if passive_reception(tok):
        return True  # "the promise was met with relief"
    auxes = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    if {"would", "have"} <= auxes:
        return True  # "would have met": counterfactual
    if lemma in ("arrive", "land") and not arrived_to_visit(tok):
        return True  # only a named person arriving in a country or city or at a seat of power
    if lemma in ("come", "fly", "go", "head") and not any(
        c.dep_ == "nsubj"
        and (
            c.ent_type_ == "PERSON"
            or c.tag_ == "PRP"
            or _who_a_person(c)
            or _led_by_name(c)
            or delegation_of_party(c)
        )
        for c in tok.children
    ):
        return True  # "volunteers came to Denver", "delegates who go to Cleveland": not a named person
    if lemma in ("travel", "come", "fly", "go", "head") and not any(
        c.dep_ == "prep"
        and (
            c.lower_ == "to" or (c.lower_ == "in" and lemma == "travel")
        )  # "while traveling in South Africa"
        and any(_a_place(g) for g in c.children)
        for c in tok.children
    ):
        return True  # only "travel to <place>" is a visit
    if lemma == "visit" and any(
        c.dep_ == "dobj"
        and c.ent_type_
        and c.ent_type_ not in ("GPE", "PERSON", "LOC", "NORP")
        and c.lower_ not in SEATS
        and not (c.ent_type_ == "ORG" and c.lemma_.lower() not in SIGHTS)
        for c in tok.children
    ):
        return True  # "visiting the Peace Memorial Museum": sightseeing ("visited the FBI": a host)
    if lemma == "visit" and sightseeing(tok):
        return True  # "visited the factory"
    if kind == "visit" and campaign_stop(tok):
        return True  # "visited Missouri on Saturday, holding a rally"
    if lemma == "host" and any(c.dep_ == "dobj" and c.lemma_.lower() in NOUN_KINDS for c in tok.children):
        return True  # "host a summit": the noun is the trigger
    return False


def discussed_with(tok: Token) -> bool:
    """ "Cameron had discussed his intentions with the Queen": a named person (or "he"/"she")
    discussing something with a named party or a titled person is an exchange between them."""
    subject = [c for c in tok.children if c.dep_ == "nsubj"]
    if not any(
        c.ent_type_ in PARTICIPANT_LABELS or c.pos_ == "PROPN" or c.lower_ in _PARTY_PRONOUNS for c in subject
    ):
        return False
    holders = [tok, *(c for c in tok.children if c.dep_ == "dobj")]  # "discussed his intentions with"
    withs = [
        g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
    ]
    return any(
        g.ent_type_ in PARTICIPANT_LABELS or g.lower_ in _COUNTERPART_TITLES for g in withs
    ) and not audience_only(tok)


def _a_place(dest: Token) -> bool:
    """ "to Cagayan", "to the heavily impacted area of Cagayan", "to the southern border"."""
    if dest.ent_type_ in ("GPE", "LOC"):
        return True
    if dest.lemma_.lower() == "border" and any(c.lower_ == "the" for c in dest.children):
        return True  # "will travel to the border on Thursday": a trip news reports as a visit
    return dest.lemma_.lower() in ("area", "region", "province", "city", "state") and any(
        g.ent_type_ in ("GPE", "LOC", "NORP") for p in dest.children if p.lower_ == "of" for g in p.children
    )


def _briefed_officials(tok: Token) -> bool:
    """ "The FBI has briefed staff members of the Intelligence committees", "Trump was briefed by
    Pompeo": named people or bodies are briefed; not "briefed reporters", nor "briefed the 15
    members" (the session the article already reports)."""
    if tok.pos_ != "VERB":
        return False
    if tok.tag_ in ("VBZ", "VBP") and not any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree):
        return False  # "she was the one who briefs Obama on threats": a duty, not one briefing
    for c in tok.children:
        named = c.lower_ in ("him", "her") or any(t.ent_type_ in PARTICIPANT_LABELS for t in c.subtree)
        if c.lower_ == "who" and tok.dep_ == "relcl":  # "Peter King, who was briefed by the FBI"
            named = tok.head.ent_type_ == "PERSON"
        if c.dep_ == "dobj" and c.lemma_.lower() not in AUDIENCE and named:
            return True
        if c.dep_ == "nsubjpass" and named:
            return any(a.dep_ == "agent" for a in tok.children)
    return False


def _contacted_someone(tok: Token) -> bool:
    """A named person (or he/she) contacted a named or titled person, on a given day."""
    subject = [c for c in tok.children if c.dep_ == "nsubj"]
    if tok.pos_ != "VERB" or not any(
        c.ent_type_ == "PERSON" or c.pos_ == "PROPN" or c.lower_ in ("he", "she") for c in subject
    ):
        return False
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    dated = any(
        t.ent_type_ == "DATE" for c in tok.children if c.dep_ in ("prep", "npadvmod") for t in c.subtree
    )
    return dated and any(
        c.ent_type_ in ("PERSON", "ORG", "GPE") or c.lower_ in _COUNTERPART_TITLES for c in objects
    )


_PARTY_PRONOUNS = {"he", "she", "they", "we"}
_COUNTERPART_TITLES = TITLE_WORDS - {
    "aide",
    "adviser",
    "advisor",
    "analyst",
    "economist",
    "researcher",
    "lawyer",
}


def _no_meeting_meet(tok: Token) -> bool:
    """ "meet the bar", "a threshold met only by Trump and Cruz", "a breakfast meet-and-greet",
    "I met a lot of Bernie supporters", "whose side meet Dynamo in the semi-final"."""
    args = [c for c in tok.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
    args += [k for c in args if c.dep_ == "dobj" for k in c.conjuncts]  # "the polling and donor thresholds"
    if any(c.lemma_.lower() in _NOT_MEETINGS for c in args):
        return True  # a standard or target is met, not a person
    if tok.dep_ in ("acl", "relcl") and tok.head.lemma_.lower() in _NOT_MEETINGS:
        return True
    if any(c.dep_ == "dobj" and c.lemma_.lower() in _CROWDS and not c.ent_type_ for c in args):
        return True  # a crowd, not a meeting
    if any(
        c.dep_ == "prep"
        and c.lower_ in ("in", "at")
        and any(g.lemma_.lower() in _CONTESTS for g in c.children)
        for c in tok.children
    ):
        return True  # "Clinton and Trump are likely to meet in the general election": rivals
    return _meet_and_greet(tok) or fixture(tok)  # a campaign event; a match


_CONTESTS = {"election", "primary", "runoff", "race", "final", "semifinal", "playoff", "ballot", "poll"}


def _led_by_name(subj: Token) -> bool:
    """ "Duterte and government officials flew": a named person the parser hung on the group noun."""
    return any(c.dep_ in ("nmod", "conj") and c.ent_type_ == "PERSON" and c.i < subj.i for c in subj.children)


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


def _habit_list(tok: Token) -> bool:
    """ "He marches in parades, spends campaign money on TV ads, and meets with constituents": a
    present-tense verb in a list of three or more undated present-tense doings is a habit."""
    if tok.tag_ not in ("VBZ", "VBP") or any(c.dep_ == "aux" for c in tok.children):
        return False
    if any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree):
        return False
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    listed = [first]
    for verb in listed:  # "marches ..., spends ..., and meets": each conjunct hangs on the one before
        listed.extend(c for c in verb.children if c.dep_ == "conj")
    return sum(1 for v in listed if v.tag_ in ("VBZ", "VBP")) >= 3
