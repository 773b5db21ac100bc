"""A named person's stay somewhere, told with its time or purpose: a visit.

"Rand Paul was in Iowa two weeks ago", "Pence is in Estonia on the first leg of a European tour",
"Hollande, who was at the White House Tuesday and will be in Russia Friday", "The president is in
Europe this week for meetings with allies", "Obama has spent the past few days in the Philippines
and Malaysia": copy tells a trip by where the traveller is. The stay needs a time ("two weeks ago",
"Friday", "this week") or a purpose ("on a tour", "for talks") of its own; "was in charge", "is in
the midst of a civil war" and a country "in talks" are no stay, and a place without either ("he was
in Paris when the attack happened") is left alone.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsmon.extract.meeting_cue_rules import negated

_PLACES = {"GPE", "LOC"}
_HOUSES = {"white house", "kremlin", "elysee", "élysée", "downing street", "vatican"}
_JOURNEYS = {"tour", "leg", "visit", "trip", "stop", "swing", "mission", "journey"}
_PURPOSES = {"talk", "talks", "meeting", "summit", "conference", "negotiation", "visit"}
_OWN_RULE = {"tour", "trip", "visit", "journey", "duty"}
_SPANS = {"day", "days", "week", "weeks", "hour", "hours"}


def _stay_place(verb: Token) -> Token | None:
    """ "in Iowa", "in the Philippines and Malaysia", "at the White House": where the stay is."""
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ not in ("in", "at"):
            continue
        for g in c.children:
            if g.dep_ != "pobj":
                continue
            phrase = " ".join(t.lower_ for t in g.subtree if t.dep_ != "det")
            if c.lower_ == "in" and g.ent_type_ in _PLACES:
                return g
            if c.lower_ == "at" and phrase in _HOUSES:
                return g
    return None


def _timed_or_purposed(verb: Token, place: Token) -> bool:
    """A time ("two weeks ago", "Friday", "this week") or a purpose ("on a tour", "for meetings")."""
    for c in verb.children:
        if c.ent_type_ in ("DATE", "TIME") and c.dep_ in ("npadvmod", "advmod", "tmod", "obl"):
            return True
        if c.dep_ == "prep" and c.lower_ in ("on", "for"):
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if any(g.lemma_.lower() in _JOURNEYS | _PURPOSES or g.lower_ in _PURPOSES for g in objs):
                return True
        if c.dep_ == "prep" and c.lower_ == "on" and any(g.ent_type_ == "DATE" for g in c.subtree):
            return True  # "was in Kabul on Sunday"
    return any(t.ent_type_ in ("DATE", "TIME") and t.dep_ == "npadvmod" for t in place.subtree)


def _a_named_person(verb: Token) -> bool:
    """The subject is a named person, directly or through "who" ("Hollande, who was at ...")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]  # "was at ... and will be in"
    if not subjects:
        return False
    subj = subjects[0]
    if subj.lower_ in ("who", "that"):
        clause = verb if verb.dep_ == "relcl" else verb.head
        subj = clause.head if clause.dep_ == "relcl" else subj
    return subj.ent_type_ == "PERSON"


def stayed_in(tok: Token) -> bool:
    """ "X was in <place> <time>", "X is in <place> on a tour", "X spent the past few days in <place>"."""
    lemma = tok.lemma_.lower()
    if lemma not in ("be", "spend") or negated(tok):
        return False
    if lemma == "spend" and not any(c.dep_ == "dobj" and c.lower_ in _SPANS for c in tok.children):
        return False
    place = _stay_place(tok)
    if place is None or not _a_named_person(tok) or _on_journey_noun(tok):
        return False
    return lemma == "spend" or _timed_or_purposed(tok, place)


def _on_journey_noun(verb: Token) -> bool:
    """ "were on a preseason tour in China", "was on duty that day in Dallas": the trip noun has its
    own rule (which knows a sports tour from a state visit), and duty is no stay."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "on"
        and any(g.dep_ == "pobj" and g.lemma_.lower() in _OWN_RULE for g in c.children)
        for c in verb.children
    )


_DESTINATION_LABELS = {"GPE", "LOC", "NORP"}


def unowned_trip(trigger: Token) -> bool:
    """ "during a visit to Washington", "In a visit to Estonia, Pence gave a speech", "During a
    Middle East trip on Sunday, Pompeo said", "on a tour of southern Europe": a trip to a place with
    no owner or agent of its own, set in a clause whose subject makes it."""
    lemma = trigger.lemma_.lower()
    if lemma not in ("visit", "trip", "tour") or trigger.head.lower_ not in ("during", "on", "in"):
        return False
    kids = {c.lower_ if c.dep_ == "prep" else c.dep_ for c in trigger.children}
    where = any(
        c.dep_ in ("compound", "amod") and c.ent_type_ in _DESTINATION_LABELS for c in trigger.children
    )
    to = "to" in kids or where or (lemma == "tour" and "of" in kids)
    owned = kids & {"poss", "by", "with"} or ("of" in kids and lemma != "tour")
    return to and not owned and trip_clause(trigger).pos_ == "VERB"


def trip_clause(trigger: Token) -> Token:
    """The verb whose subject makes the trip: the clause the trip's phrase sits in, or for a subjectless
    participle ("Speaking in Estonia during a visit to Europe, Obama ...") the clause it opens."""
    verb = trigger.head.head
    if (
        verb.tag_ in ("VBG", "VBN")
        and verb.dep_ in ("advcl", "csubj")  # "Speaking ..., Obama took": misread as a clausal subject
        and not any(c.dep_ == "nsubj" for c in verb.children)
    ):
        return verb.head
    return verb
