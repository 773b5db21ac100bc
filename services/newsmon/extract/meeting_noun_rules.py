"""Meeting nouns and the closed-class tests that decide whether one names a meeting, for
:func:`newsmon.extract.meeting_cues.find_triggers`: "talks" but not "a new round of talks", a
working dinner, golf with someone, an invitation from someone, not "a town hall meeting", "call
sheets", "his meetings" or "a conference call with reporters"."""

from __future__ import annotations

from spacy.tokens import Token

from newsmon.extract.meeting_assembly import closed_briefing, of_a_legislature
from newsmon.extract.meeting_cue_rules import (
    AUDIENCE,
    HABITUAL_ADJ,
    PHONE,
    audience_only,
    campaign_stop,
    has_prep,
    not_an_event_noun,
    sightseeing,
)
from newsmon.extract.meeting_scope import named_side, subject_of
from newsmon.extract.meeting_setting import body_event_setting


def lemma_kinds(spec: str) -> dict[str, str]:
    """ "talk=talks summit=summit ..." -> {"talk": "talks", "summit": "summit", ...}."""
    return dict(item.split("=", 1) for item in spec.split())


# noun lemma -> kind
NOUN_KINDS = lemma_kinds(
    "talk=talks negotiation=talks consultation=talks summit=summit meeting=meeting "
    "session=meeting call=call conversation=call visit=visit trip=visit conference=conference "
    "ministerial=meeting gathering=meeting retreat=meeting dinner=meeting lunch=meeting "
    "videoconference=call round=talks conclave=summit breakfast=meeting get-together=meeting "
    "roundtable=meeting huddle=meeting golf=meeting invitation=meeting discussion=talks luncheon=meeting "
    "briefing=meeting"
)
_OFFICE = {"president", "chairman", "chair", "head", "secretary", "member", "leader", "director", "chief"}
_NEWS = {"news", "press"}

TRIP_VERBS = {"meet", "visit", "travel", "fly", "go", "arrive"}


def part_of_trip(tok: Token) -> bool:
    """A meeting noun that is the purpose or setting of a meeting verb: "travelled to Moscow for
    three hours of talks with Putin", "met in Berlin at talks hosted by Baerbock"."""
    if body_event_setting(tok):
        return False  # "met at the G20 summit": the summit is a meeting of its own
    node = tok
    for _ in range(4):
        head = node.head
        if node.dep_ == "pobj" and head.lower_ in ("for", "at", "during"):
            verb = head.head
            return verb.pos_ == "VERB" and verb.lemma_.lower() in TRIP_VERBS
        if node.dep_ == "pobj" and head.lower_ == "of":
            node = head.head  # "three hours of talks"
            continue
        return False
    return False


def with_person(tok: Token) -> bool:
    """A "with" phrase on ``tok`` naming a person ("golf with Jim Yong Kim", "chatted with Merkel")."""
    withs = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"]
    return any(g.ent_type_ == "PERSON" for c in withs for g in c.subtree)


def _invited_by_or_to_meet(tok: Token) -> bool:
    """ "the invitation from Pena Nieto" / "an invitation to visit Mexico": a proposed meeting;
    "an invitation to speak at the convention" is not."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            if any(g.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") for g in c.subtree):
                return True
        if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ("meet", "visit", "attend", "join"):
            return True
    return False


def sit_down_noun(tok: Token) -> bool:
    """ "sit-down" as a noun: spaCy splits it into "sit", "-", "down"."""
    doc = tok.doc
    return (
        tok.lower_ == "down"
        and tok.pos_ in ("NOUN", "PROPN")
        and tok.i >= 2
        and doc[tok.i - 1].text == "-"
        and doc[tok.i - 2].lower_ == "sit"
    )


LIGHT_VERBS = {"have", "hold", "take"}


def light_verb_with(tok: Token) -> Token | None:
    """ "a June conversation she had with Trump", "the meeting they held with Xi": the relative
    clause of a light verb that carries the meeting's "with"."""
    for c in tok.children:
        if c.dep_ == "relcl" and c.lemma_.lower() in LIGHT_VERBS and has_prep(c, {"with"}):
            return c
    return None


def _hadwith_person(tok: Token) -> bool:
    """ "the conversations he had with Russian ambassador Sergei Kislyak", "a 2013 discussion he had
    with Manafort": a light-verb relative clause naming the person on the other side."""
    clause = light_verb_with(tok)
    return clause is not None and any(
        g.ent_type_ == "PERSON"
        for c in clause.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.subtree
    )


_HOLDERS = {"hold", "host", "convene", "organize", "organise", "chair", "call", "attend", "make"}


def held_by_name(clause: Token, trigger: Token) -> bool:
    """A relative clause on the meeting (or on its "of" complement) saying who held it: "the summit
    that Obama held", "the summit of Gulf countries that Obama held at Camp David"."""
    noun = clause.head
    on_meeting = noun.i == trigger.i or (
        noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i == trigger.i
    )
    return (
        on_meeting
        and clause.lemma_.lower() in _HOLDERS
        and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in clause.children)
    )


def _on_a_person(tok: Token) -> bool:
    ons = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children]
    return any(t.ent_type_ == "PERSON" for g in ons for t in g.subtree)


def _with_named_pair(tok: Token) -> bool:
    holders = [tok, tok.head] if tok.dep_ == "dobj" else [tok]  # "held meetings on Monday with X and Y"
    preps = [c for h in holders for c in h.children if c.dep_ in ("prep", "conj") and c.lower_ == "with"]
    # "meetings with Mr. Abbas and with Mr. Netanyahu": the second "with" is a conjunct
    preps += [k for c in preps for k in c.conjuncts if k.lower_ == "with" and k not in preps]
    withs = [g for c in preps for g in c.children]
    named = [t for g in withs for t in (g, *g.conjuncts) if t.ent_type_ in ("PERSON", "ORG", "GPE")]
    return len(named) >= 2


def _between_named(tok: Token) -> bool:
    """ "talks"-like nouns that are only talks with named sides: "discussions with Iran", "joint
    discussions between six nations -- China, Japan, ..."."""
    return named_side(tok, ("with", "between"))


def _of_a_named_body(tok: Token) -> bool:
    """Meetings a named organisation holds ("RGA meetings", "the G20 meetings"): its session."""
    return tok.lemma_.lower() == "meeting" and any(
        c.dep_ in ("compound", "nmod", "poss") and c.ent_type_ == "ORG" for c in tok.children
    )


_ROUND_OF = {
    "talk",
    "negotiation",
    "discussion",
    "meeting",
    "consultation",
    "dialogue",
    "diplomacy",
    "summit",
}


def _of_what(tok: Token) -> set[str]:
    return {
        g.lemma_.lower()
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    }


def _caucus(tok: Token) -> bool:
    return (
        tok.dep_ == "pobj"
        and tok.head.lower_ in ("inside", "within", "in", "among")
        and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)
    )


def _talks_to(tok: Token) -> bool:
    tos = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"]
    return (
        bool(tos)
        and not has_prep(tok, {"with", "between"})
        and any(g.dep_ == "pobj" for c in tos for g in c.children)
    )


def _told_the_press_on(tok: Token) -> bool:
    """ "Pompeo told reporters in a conference call with Mnuchin": a press call, whoever co-hosts it."""
    if tok.lemma_.lower() != "call" or tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "on", "during"):
        return False
    verb = tok.head.head
    return any(c.dep_ in ("dobj", "dative") and c.lemma_.lower() in AUDIENCE for c in verb.children)


def _children_lemmas(tok: Token) -> set[str]:
    return {c.lemma_.lower() for c in tok.children}


def noun_kind(tok: Token) -> str | None:
    """The kind of meeting the noun ``tok`` (its lemma in :data:`NOUN_KINDS`) names, or None."""
    lemma = tok.lemma_.lower()
    low = tok.text.lower()
    kind = NOUN_KINDS[lemma]
    kids = _children_lemmas(tok)
    if lemma == "talk" and low != "talks":
        return None
    if lemma == "briefing" and not closed_briefing(tok):
        return None  # "a press briefing", "the daily briefing": the press, not a meeting
    if lemma == "talk" and _talks_to(tok):
        return None  # "talks to Halifax Investment Management": lectures given, not negotiations
    if lemma == "round" and not (
        kids & {"previous", "new", "next", "first", "second", "third", "last", "final", "latest"}
        and (has_prep(tok, {"between", "of"}) or "face" in {t.lower_ for t in tok.subtree})
    ):
        return None  # "a new round of talks", "the previous face-to-face round between the two sides"
    if lemma == "round" and _of_what(tok) - _ROUND_OF:
        return None  # "their final round of Common Core tests", "a new round of sanctions"
    if lemma == "conference" and kids & _NEWS:
        return None
    if lemma == "conference" and "party" in kids:
        return None  # "the Conservative party conference": a party convention, not a meeting of parties
    if lemma == "conference" and _caucus(tok):
        return None  # "divisions inside his conference": the party's members in a chamber, a body
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return None  # "declaring no talks with the Senate": ruled out, not reported
    if lemma == "conference" and tok.dep_ == "compound" and tok.head.lemma_.lower() == "call":
        return None  # "a conference call with reporters": the call is the trigger
    if part_of_trip(tok):
        return None  # "visited Washington for talks with Blinken": the visit's own talks
    if not_an_event_noun(tok):
        return None  # "a town hall meeting", "call sheets", "every local meeting"
    if lemma in ("visit", "trip") and (sightseeing(tok) or campaign_stop(tok)):
        return None  # "a visit to the Brooklyn apartment where he grew up", "a trip for a fundraiser"
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in _OFFICE:
        return None  # "president of the national bishops' conference": a body, not an event
    if lemma == "call" and ("courtesy" in kids or _on_a_person(tok)):
        return "visit"  # "paid a courtesy call on President Reagan": in person
    if lemma in ("call", "conversation") and not (
        kids & PHONE
        or has_prep(tok, {"with", "between"})
        or light_verb_with(tok)
        or _dated_own_call(tok)
        or _held_conference_call(tok)
        or _held_by_two(tok)
    ):
        return None
    if lemma == "discussion" and (
        tok.head.lower_ == "under" or not (_between_named(tok) or _hadwith_person(tok))
    ):
        return None  # "discussions about the budget"; but "discussions between six nations -- China, ..."
    if lemma == "golf" and not with_person(tok) and not with_person(tok.head):
        return None  # "playing golf with Jim Yong Kim" is a meeting; golf alone is not
    if lemma == "invitation" and not _invited_by_or_to_meet(tok):
        return None  # "the invitation from Pena Nieto", "an invitation to visit Beijing"
    working = any(
        c.lower_ in ("working", "private", "state")
        or (c.lower_ == "door" and any(g.lower_ == "closed" for g in c.children))
        for c in tok.children
    )
    if lemma in ("dinner", "lunch", "breakfast", "luncheon") and not working and not with_person(tok):
        return None  # "a working dinner", "a state dinner for Xi", "had breakfast with Vice President Biden"
    if audience_only(tok) or _told_the_press_on(tok):
        return None  # "his daily call with reporters", "told reporters in a conference call with Mnuchin"
    if lemma == "session" and "duck" in {t.lower_.split("-")[-1] for t in tok.subtree if t.i < tok.i}:
        return None  # "the lame duck session of Congress": a stretch of the legislative calendar
    if (
        lemma == "session"
        and not any(c.ent_type_ in ("ORG",) for c in tok.subtree)
        and not of_a_legislature(tok)
    ):
        if not kids & {"emergency", "plenary", "special", "extraordinary", "closed"}:
            return None
    if low.endswith("s") and (
        any(c.dep_ == "det" and c.lower_ in ("all", "every") for c in tok.children)
        or (tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in ("all", "each"))
    ):
        return None  # "all of the Obama administration's meetings with Cuba and Iran": no one meeting
    if lemma in ("trip", "journey") and any(c.lower_ == "back" for c in tok.children):
        return None  # "his long trip back to Washington": going home is no visit
    if kids & HABITUAL_ADJ and low.endswith("s"):
        return None  # "his frequent visits", "regular meetings": a habit, not one event
    if _not_held(tok):
        return None  # "has not scheduled a new meeting", "did not hold any talks"
    if _a_power(tok):
        return None  # "can still call a meeting of the council", "is permitted to go to NSC meetings"
    if (
        low.endswith("s")
        and lemma in ("meeting", "summit", "visit", "call", "trip", "conversation")
        and not _with_named_pair(tok)  # "calls with both Sanders and Clinton": one call each
        and not _of_a_named_body(tok)  # "the first day of Republican Governors Association meetings"
        and not any(c.dep_ == "amod" and c.lower_ == "separate" for c in tok.children)  # one per counterpart
        and not _hadwith_person(tok)  # "conversations he'd had with Kislyak": the exchanges with one man
        and not any(c.ent_type_ == "DATE" for c in tok.subtree)
    ):
        return None  # "his meetings": generic, not one event
    if kids & PHONE and kind == "meeting":
        kind = "call"
    return kind


_HOLDING = {"hold", "have", "schedule", "set", "arrange", "plan", "convene", "host", "book"}


def _not_held(tok: Token) -> bool:
    """An indefinite meeting that a negated verb says nobody holds or arranges ("did not rule out a
    meeting" keeps its meeting: ruling out is no holding)."""
    verb = tok.head
    return (
        tok.dep_ == "dobj"
        and verb.lemma_.lower() in _HOLDING
        and any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children)
        and any(c.dep_ == "det" and c.lower_ in ("a", "an", "any", "no") for c in tok.children)
    )


_PERMITS = {"permit", "allow", "entitle", "authorize", "empower"}


def _a_power(tok: Token) -> bool:
    """A meeting someone may call or attend (a right or a power, no event): the verb above the noun
    has "can", or is what someone is permitted or allowed to do."""
    verb = tok.head if tok.dep_ == "dobj" else tok.head.head if tok.dep_ == "pobj" else None
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in _HOLDING | {"attend", "go", "call"}:
        return False
    if any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree):
        return False  # "hopes they can hold talks in Moscow next week": one occasion
    if any(c.dep_ == "aux" and c.lower_ == "can" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _PERMITS


def _held_conference_call(tok: Token) -> bool:
    """ "held a conference call to announce his decision to his campaign team": a named person's own
    call (a call "with reporters" or "with analysts" is a briefing, caught before)."""
    verb = tok.head
    return (
        any(c.dep_ == "compound" and c.lower_ == "conference" for c in tok.children)
        and tok.dep_ == "dobj"
        and verb.lemma_.lower() in ("hold", "host", "convene", "have")
        and any(c.pos_ in ("PROPN", "PRON") for c in subject_of(verb, set()))
    )


def _held_by_two(tok: Token) -> bool:
    """ "Obama and Rouhani held a 15-minute call in September": two named parties hold it together."""
    verb = tok.head
    if tok.dep_ != "dobj" or verb.lemma_.lower() not in ("hold", "have"):
        return False
    return any(
        s.ent_type_ in ("PERSON", "GPE", "NORP", "ORG")
        and any(c.dep_ == "conj" and c.ent_type_ in ("PERSON", "GPE", "NORP", "ORG") for c in s.children)
        for s in verb.children
        if s.dep_ == "nsubj"
    )


def _dated_own_call(tok: Token) -> bool:
    """ "Trump's July 25 call", "Biden's Friday call", "Mr. Kerry's call on Sunday": a named person's
    call on a given day (not "Trump's call on Sunday for a ban", "a call to arms")."""
    owner = any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in tok.children)
    dated = any(
        c.ent_type_ == "DATE" and c.dep_ in ("compound", "nmod", "amod", "npadvmod") for c in tok.children
    )
    on_day = any(
        c.dep_ == "prep" and c.lower_ == "on" and any(g.ent_type_ == "DATE" for g in c.children)
        for c in tok.children
    )
    purpose = any(t.tag_ == "TO" for t in tok.subtree if t.i > tok.i)  # "call on Monday to raise taxes"
    return owner and (
        dated or (on_day and not has_prep(tok, {"for", "to"}) and not purpose and tok.dep_ != "dobj")
    )
