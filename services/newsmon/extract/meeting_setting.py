"""Where a meeting mention is set and who is left out of it, read from the clause around the
trigger: "Geneva, where the delegations met", "When Obama flew to Boise, he met", "met during a
G20 meeting in China", "Theresa May was not invited", "visited the state" (the state named before)."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from newsmon.extract.places import Place, get_gazetteer
from newsmon.extract.spans import doc_ents, ents_within

PLACE_LABELS = {"GPE", "LOC"}


def where_place(trigger: Token, sent: Span) -> list[Span]:
    """ "Geneva, where the two delegations met" / "Hanoi, where he was attending a meeting"."""
    node = trigger
    for _ in range(3):
        if node.dep_ == "relcl" and any(c.lower_ == "where" for c in node.children):
            return [e for e in ents_within(sent) if e.root.i == node.head.i and e.label_ in PLACE_LABELS]
        if node.head.i == node.i:
            break
        node = node.head
    return []


_MOVES = {"travel", "fly", "go", "come", "head", "spend", "return", "arrive"}
_SETTINGS = {"during", "at"}
SIDELINES = {"sideline", "sidelines", "margin", "margins"}  # "on the sidelines of the G20 meeting in ..."


def setting_place(trigger: Token, sent: Span) -> list[Span]:
    """Where the clause around a meeting verb is: "When Obama flew to Boise, Idaho, ..., he met",
    "Sanders spent Wednesday in New York, meeting with Sharpton", "met during a G20 meeting in
    China"."""
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ == "for":
        trip = trigger.head.head  # "teams headed to Washington on Monday for preliminary talks"
        if trip.pos_ == "VERB" and trip.lemma_.lower() in _MOVES:
            objs = [
                g for c in trip.children if c.dep_ == "prep" and c.lower_ in ("to", "in") for g in c.children
            ]
            return [
                e for e in ents_within(sent) if e.label_ in PLACE_LABELS and e.root.i in {g.i for g in objs}
            ]
    if trigger.pos_ != "VERB":
        return []
    holders = [c for c in trigger.children if c.dep_ == "advcl" and c.lemma_.lower() in _MOVES]
    if (
        trigger.dep_ in ("advcl", "xcomp", "conj")
        and trigger.tag_ == "VBG"
        and trigger.head.lemma_.lower() in _MOVES
    ):
        holders.append(trigger.head)
    preps = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("to", "in")]
    events = [  # "during a Group of 20 meeting in China": the setting event's place
        g for c in trigger.children if c.dep_ == "prep" and c.lower_ in _SETTINGS for g in c.children
    ]
    events += [  # "on the sidelines of the G20 meeting in New Delhi"
        g
        for c in trigger.children
        if c.dep_ == "prep" and c.lower_ == "on"
        for g in c.children
        if g.lemma_.lower() in SIDELINES
    ]
    preps += [t for e in events for t in e.subtree if t.dep_ == "prep" and t.lower_ == "in"]
    objs = [g for p in preps for g in p.children if g.dep_ == "pobj"]
    heads = {t.i for g in objs for t in (g, *(c for c in g.children if c.dep_ == "appos"))}
    # the small model tags some towns ORG ("Boise"); the gazetteer decides what is a place
    return [e for e in ents_within(sent) if e.label_ in PLACE_LABELS | {"ORG"} and e.root.i in heads]


_LEFT_OUT = {"invite", "attend", "join", "include", "take", "participate"}


def left_out(ent: Span, trigger: Token) -> bool:
    """The subject of a negated "invite / attend / join" other than the trigger: not a participant."""
    verb = ent.root.head
    if (
        ent.root.dep_ in ("nsubj", "nsubjpass")
        and verb.i != trigger.i
        and verb.lemma_.lower() in _LEFT_OUT
        and any(c.dep_ == "neg" for c in verb.children)
    ):
        return True
    after = ent.doc[ent.end : ent.end + 4]  # "Theresa May was not invited", however it is parsed
    negs = [t.i for t in after if t.dep_ == "neg" or t.lower_ in ("not", "never")]
    return bool(negs) and any(
        t.i > negs[0] and t.lemma_.lower() in _LEFT_OUT and t.i != trigger.i for t in after
    )


# "the state" / "the country" / "the city": a place the story named before, of that kind
_PLACE_NOUNS = {"state": "region", "country": "country", "nation": "country", "city": "city"}


def anaphoric_place(trigger: Token) -> Place | None:
    """ "Trump visited the state Aug. 19", "his visit to the country": the last place of that kind
    the story named before the trigger (a US state is a gazetteer region)."""
    dests = [c for c in trigger.children if c.dep_ == "dobj"]
    dests += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children]
    for dest in dests:
        kind = _PLACE_NOUNS.get(dest.lower_)
        if kind is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in dest.children):
            continue
        gaz = get_gazetteer()
        for ent in reversed(
            [e for e in doc_ents(trigger.doc) if e.end <= trigger.i and e.label_ in PLACE_LABELS]
        ):
            place = gaz.lookup(ent.text)
            if place is not None and place.kind == kind:
                return place
    return None


_BODY_EVENTS = {"summit", "conference", "meeting", "session", "gathering"}
_SET_IN = {"meet", "talk", "speak", "sit", "confer", "huddle"}
G_GROUP = re.compile(r"G-?(?:7|8|20)")  # "G20", "G-7": a summit group the tagger misses


def body_event_setting(tok: Token) -> bool:
    """ "Wang and Ri met at the ASEAN meeting of foreign ministers", "Obama met Xi during the G20
    summit": a named body's own event that sets a meeting between two named people -- a meeting
    of its own, not the same one and not a party to it."""
    if (
        tok.lemma_.lower() not in _BODY_EVENTS
        or tok.dep_ != "pobj"
        or tok.head.lower_ not in ("at", "during")
    ):
        return False
    verb = tok.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _SET_IN:
        return False
    named_body = ("ORG", "NORP", "EVENT")
    body = [
        c
        for c in tok.children
        if c.dep_ in ("compound", "poss", "nmod") and (c.ent_type_ in named_body or G_GROUP.fullmatch(c.text))
    ]
    body += [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.subtree
        if g.ent_type_ == "ORG"
    ]
    if not body:
        return False
    inside = range(tok.left_edge.i, tok.right_edge.i + 1)
    people = [t for t in verb.subtree if t.ent_type_ == "PERSON" and t.ent_iob_ == "B" and t.i not in inside]
    return len(people) >= 2


def in_body_setting(tok: Token, trigger: Token) -> bool:
    """``tok`` names the body whose event sets another meeting (see :func:`body_event_setting`)."""
    root = tok
    while root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.i != root.i:
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ == "of":  # "the meeting of ASEAN foreign ministers"
        root = root.head.head
    return root.i != trigger.i and body_event_setting(root)
