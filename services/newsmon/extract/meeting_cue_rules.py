"""Closed-class tests on one token that decide whether it evokes a meeting, for
:func:`newsmon.extract.meeting_cues.find_triggers`: phone verbs, "spoke with", "sat down with",
receptions, and what is *not* a meeting (negated, habitual, "met with relief", sport fixtures,
audiences of reporters, questions). Phone calls: :mod:`newsmon.extract.meeting_call_rules`."""

from __future__ import annotations

from spacy.tokens import Span, Token

PHONE = {"phone", "telephone", "video", "videoconference", "zoom"}

# Seats of power one visits to meet whoever sits there: "visited the White House / the Kremlin".
SEATS = set(
    "house palace capitol kremlin chancellery hill street pentagon vatican headquarters parliament "
    "senate congress elysee quirinale bundestag".split()
)
HABITUAL = set(
    "frequently often regularly routinely usually sometimes occasionally rarely seldom "
    "always habitually periodically barely hardly scarcely".split()
)


HABITUAL_ADJ = set(
    "frequent regular repeated occasional numerous periodic routine countless daily weekly monthly "
    "nightly".split()
)


def arrived_to_visit(tok: Token) -> bool:
    """ "Netanyahu arrived at the White House", "Blinken arrived in Beijing on Sunday": a visit when
    a named person (or a pronoun) arrives in a country or city or at a seat of power."""
    subject = [c for c in tok.children if c.dep_ == "nsubj"]
    node = tok
    for _ in range(2):  # "Hagel was due to arrive in Turkey", "is expected to arrive": the subject above
        if subject or node.dep_ not in ("xcomp", "acomp"):
            break
        node = node.head
        subject = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not any(t.ent_type_ == "PERSON" or t.pos_ == "PRON" for s in subject for t in s.subtree) and not any(
        delegation_of_party(s) for s in subject
    ):
        return False
    places = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "at") for g in c.children]
    places += [n for g in places if g.ent_type_ == "DATE" for n in g.children if n.dep_ == "compound"]
    places += [  # "landed at an air force base outside Johannesburg"
        n
        for g in places
        for p in g.children
        if p.dep_ == "prep" and p.lower_ in ("outside", "near")
        for n in p.children
        if n.dep_ == "pobj"
    ]
    return any(g.ent_type_ == "GPE" or (g.ent_type_ in ("ORG", "FAC") and g.lower_ in SEATS) for g in places)


_ENVOY_NOUNS = set(
    "delegation delegate negotiator envoy diplomat inspector official minister representative "
    "team mission emissary".split()
)


def delegation_of_party(subj: Token) -> bool:
    """ "A North Korean delegation", "U.S. negotiators", "inspectors from the OPCW": envoys of a
    named country or body, who travel as its party."""
    if subj.lemma_.lower() not in _ENVOY_NOUNS:
        return False
    return any(t.ent_type_ in ("ORG", "GPE", "NORP") for t in subj.subtree if t.i != subj.i)


def negated(tok: Token) -> bool:
    """ "did not meet", "never visited", "did not need to meet": no meeting (its own or its governor's
    negation; "did not rule out a meeting" is a noun trigger and keeps its status cue)."""
    nodes = [tok] + ([tok.head] if tok.dep_ == "xcomp" else [])
    return any(c.dep_ == "neg" or c.lower_ == "never" for n in nodes for c in n.children)


_REACTIONS = set(
    "resistance skepticism scepticism criticism opposition approval success praise silence applause "
    "derision ridicule outrage anger dismay relief surprise indifference suspicion hostility enthusiasm "
    "protest protests backlash scorn disbelief acclaim condemnation".split()
)


def passive_reception(tok: Token) -> bool:
    """ "was met with relief / skepticism / protests", "his ideas have met with resistance": a
    reaction, not a meeting."""
    if tok.lemma_.lower() != "meet":
        return False
    objs = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
    if not any(c.dep_ == "auxpass" for c in tok.children):
        return bool(objs) and all(g.lemma_.lower() in _REACTIONS for g in objs)
    return bool(objs) and all(g.pos_ == "NOUN" and not g.ent_type_ for g in objs)


AUDIENCE = set("reporter journalist press media analyst investor shareholder student fan".split())


def audience_only(tok: Token) -> bool:
    withs = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
    return bool(withs) and all(g.lemma_.lower() in AUDIENCE for g in withs)


FIXTURES = set("final semi quarter semifinal quarterfinal match game fixture tie leg derby playoff".split())
VISITORS = set("representative delegation envoy leader minister official counterpart ambassador".split())


def fixture(tok: Token) -> bool:
    """ "meet Dynamo in the semi-final", "meet them in Saturday's final": sport, not a meeting."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
            for obj in prep.children:
                words = {w.lower() for t in obj.subtree for w in t.text.replace("-", " ").split()}
                if obj.dep_ == "pobj" and (obj.lemma_.lower() in FIXTURES or "semi" in words):
                    return True
    return False


def receives_delegation(tok: Token) -> bool:
    """ "the minister, Claire Vasseur, received the representatives of the unions": a named host
    (subject, or the noun the verb describes) and a delegation as the object."""
    objs = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in VISITORS]
    if not objs:
        return False
    hosts = [c for c in tok.children if c.dep_ == "nsubj"] + ([tok.head] if tok.dep_ == "acl" else [])
    return any(t.ent_type_ == "PERSON" for h in hosts for t in h.subtree if t.i not in
               {w.i for o in objs for w in o.subtree})  # fmt: skip


_JOURNEYS = {"travel", "fly", "go", "head", "come", "return", "stop"}


def went_to_see(tok: Token) -> bool:
    """ "will then go to Paris to see Foreign Minister Laurent Fabius": a trip's purpose is to meet
    the named person ("went home to see the game" is not)."""
    return (
        tok.lemma_.lower() == "see"
        and tok.pos_ == "VERB"
        and tok.dep_ in ("advcl", "xcomp")
        and any(c.tag_ == "TO" for c in tok.children)
        and tok.head.lemma_.lower() in _JOURNEYS
        and any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in tok.children)
    )


def told_behind_closed_doors(tok: Token) -> bool:
    """ "she told fellow House Democrats behind closed doors Tuesday": telling a named group in private
    is a meeting with it (not "met behind closed doors", a meeting verb already)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in ("tell", "brief", "address", "warn", "urge"):
        return False
    closed = any(
        c.dep_ == "prep" and c.lower_ == "behind" and any(g.lower_ == "doors" for g in c.children)
        for c in tok.children
    )
    heard = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
    return closed and any(t.ent_type_ in ("PERSON", "ORG", "NORP") for c in heard for t in c.subtree)


def sat_down_with(tok: Token) -> bool:
    """ "sat down with Raul Castro", "sat face to face with Paul Ryan", "broke bread with Guy
    Benson": a meeting."""
    lemma = tok.lemma_.lower()
    if lemma not in ("sit", "break") or tok.pos_ != "VERB":
        return False
    if lemma == "break":
        down = any(c.dep_ == "dobj" and c.lower_ == "bread" for c in tok.children)
        face = False
    else:
        down = any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children)
        face = any(c.lower_ == "face" for c in tok.children)
    withs = [g for c in tok.subtree if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
    if withs and all(g.lemma_.lower() in AUDIENCE or media_name(g) for g in withs):
        return False  # "sat down with a National Public Radio reporter", "with NPR": an interview
    if any(c.dep_ == "nsubj" and _a_journalist(c) for c in tok.children):
        return False  # "News Anchor Katie Couric sat down with Gail Saltz": an interview
    if down and not withs and _together_for(tok):
        return True  # "Trump and Macron sat down for a private luncheon"
    return (down or face) and any(g.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or g.pos_ == "PRON"
                                  for w in withs for g in w.subtree)  # fmt: skip


_SIT_FOR = {"lunch", "luncheon", "dinner", "breakfast", "meal", "talk", "meeting", "session", "discussion"}


def _together_for(tok: Token) -> bool:
    """Two named subjects sit down for a meal or talks: "Trump and Macron sat down for a lunch"."""
    fors = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children]
    if not any(g.lemma_.lower() in _SIT_FOR for g in fors):
        return False
    named = ("PERSON", "ORG", "GPE")
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    return any(s.ent_type_ in named and any(k.ent_type_ in named for k in s.conjuncts) for s in subjects)


_INTERVIEWERS = {"anchor", "host", "reporter", "journalist", "correspondent", "interviewer", "columnist"}


def _a_journalist(subject: Token) -> bool:
    """The subject's title makes it a journalist: "NBC anchor Lester Holt", "Holt, the NBC anchor"."""
    return (
        any(
            t.lower_ in _INTERVIEWERS
            for c in subject.children
            if c.dep_ in ("compound", "appos", "amod")
            for t in c.subtree
        )
        or subject.lower_ in _INTERVIEWERS
    )


def asked_whether(tok: Token) -> bool:
    node = tok
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in node.children):
            return node.head.lemma_.lower() in ("ask", "wonder", "question")
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def has_prep(tok: Token, preps: set[str]) -> bool:
    """``tok`` governs one of ``preps`` ("by" may be parsed as a passive agent: "spoke by telephone")."""
    return any(c.dep_ in ("prep", "agent") and c.lower_ in preps for c in tok.children)


MEDIA_WORDS = set(
    "news times post journal radio tv television magazine press network herald tribune gazette cnn msnbc "
    "fox nbc abc cbs npr bbc reuters bloomberg politico breitbart".split()
)


def media_name(tok: Token) -> bool:
    """``tok`` heads the name of a news organisation ("Yahoo News", "the Times", "MSNBC")."""
    words = {t.lower_ for t in tok.subtree if t.pos_ == "PROPN" or t.i == tok.i}
    return tok.ent_type_ == "ORG" and bool(words & MEDIA_WORDS)


_CAMPAIGN_EVENTS = {"town", "hall", "campaign", "rally", "fundraising", "fundraiser", "prayer", "electoral"}
_EVENT_NOUNS = {"meeting", "summit", "talk", "talks", "visit", "call", "conference", "session", "trip"}
# what a meeting noun may modify and still name one meeting: "the original summit date was June 12"
ATTRIBUTES = {"date", "venue", "agenda"}
_GENERIC_PLURALS = {"gathering", "dinner", "lunch", "breakfast", "huddle", "retreat", "roundtable"}


def not_an_event_noun(tok: Token) -> bool:
    """A meeting noun that names no single meeting: a campaign event ("a town hall meeting"), a
    body's name ("the Conference of Presidents of Major American Jewish Organizations"), a modifier
    of another noun ("call sheets"), every or any meeting ("every local meeting"), or a generic
    plural ("Tea Party gatherings")."""
    kids = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    if kids & _CAMPAIGN_EVENTS:
        return True
    doc = tok.doc
    if (
        tok.ent_type_ == "ORG"
        and tok.pos_ == "PROPN"
        and tok.i + 1 < len(doc)
        and doc[tok.i + 1].lower_ == "of"
        and doc[tok.i + 1].ent_type_ == "ORG"
    ):
        return True  # the body is named after its meetings; "Munich Security Conference" ends the name
    if (
        tok.dep_ == "compound"
        and tok.head.pos_ == "NOUN"
        and tok.head.lemma_.lower() not in _EVENT_NOUNS
        and tok.head.lemma_.lower() not in ATTRIBUTES
    ):
        return True
    if tok.dep_ == "conj" and tok.head.lemma_.lower() in ("debate", "rally", "hearing", "speech"):
        return True  # "the last debate and probably the final face-to-face meeting for Clinton and Sanders"
    if any(c.dep_ == "det" and c.lower_ in ("every", "each", "any") for c in tok.children):
        return True
    plural = tok.tag_ in ("NNS", "NNPS")
    return (
        plural
        and tok.lemma_.lower() in _GENERIC_PLURALS
        and not any(c.ent_type_ == "DATE" for c in tok.subtree)
    )


_GUEST_ENTS = {"PERSON", "ORG", "NORP", "GPE"}
_RECEIVED = {"briefing", "guest", "visitor", "delegation", "envoy", "counterpart"}


_HOSTED_EVENTS = set(
    "debate rally fundraiser forum concert show game party convention ceremony festival hearing vote "
    "caucus primary tournament match games olympics championship cup marathon parade expo fair "
    "exhibition exhibit day night gala celebration screening commemoration memorial tribute".split()
)


def hosts_a_guest(tok: Token) -> bool:
    """ "Obama hosted Netanyahu", "Xi received him": the object of host/receive is a named guest or a
    pronoun; "received legal protection" and "hosting liberal activists at house parties" are not."""
    if any(c.dep_ == "dobj" and c.lemma_.lower() in _HOSTED_EVENTS for c in tok.children):
        return False  # "hosting the latest debate among Republican candidates"
    if tok.lemma_.lower() == "receive" and any(
        c.dep_ == "dobj" and c.pos_ == "NOUN" and not c.ent_type_ and c.lemma_.lower() not in _RECEIVED
        for c in tok.children
    ):
        return False  # "receiving legal protection was Heather Samuelson": a thing is received
    if any(c.dep_ == "dobj" and c.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") for c in tok.children):
        return False  # "received $5.6 million in PPP aid"
    for c in tok.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in _RECEIVED:
            return True  # "received his first national security briefing", "hosted visitors"
        if c.dep_ == "dobj" and (c.ent_type_ in _GUEST_ENTS or c.pos_ == "PRON"):
            return True
        if c.dep_ == "dobj" and any(t.ent_type_ in _GUEST_ENTS for t in c.subtree if t.dep_ != "amod"):
            return True  # "received the leaders of Japan and South Korea"
        if c.dep_ == "nsubjpass" and any(t.ent_type_ in _GUEST_ENTS or t.pos_ == "PRON" for t in c.subtree):
            return True  # "Netanyahu was received by Obama"
    return False


# places one visits to see the place, not someone: "a visit to the Brooklyn apartment where he grew up"
SIGHTS = set(
    "apartment home house school museum memorial site factory plant farm church mosque synagogue temple "
    "hospital store restaurant shop neighborhood neighbourhood campus park zoo grave cemetery monument "
    "wall beach bar gym mall theater theatre pool salon casino resort website camp doctor dentist "
    "clinic".split()
)


def sightseeing(tok: Token) -> bool:
    """A visit or trip whose destination is a sight, not a host or a country: "visited the factory",
    "a visit to the Brooklyn apartment where he grew up"."""
    dests = [c for c in tok.children if c.dep_ == "dobj"] if tok.pos_ == "VERB" else []
    dests += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children]
    return bool(dests) and all(_a_sight(d) for d in dests) and not has_prep(tok, {"with"})


def _a_sight(dest: Token) -> bool:
    return (
        dest.lemma_.lower() in SIGHTS
        and dest.ent_type_ in ("", "FAC", "LOC")  # "a visit to Friendship Park"
        and dest.lower_ not in SEATS
        and not any(c.dep_ == "poss" for c in dest.children)  # "a visit to his church": to its pastor
    )


# what a campaign stop is for: "to campaign", "holding a rally", "for Democratic Party fundraisers"
_STUMPING = set("campaign stump rally fundraise fundraiser fundraising canvass".split())


def campaign_stop(tok: Token) -> bool:
    """A visit or trip made to campaign, not to meet anyone: "visited Missouri on Saturday, holding a
    rally", "visited the St. Louis area to campaign", "traveled to New York for fundraisers"."""
    if has_prep(tok, {"with"}):
        return False  # "traveled to Iowa with Sanders" meets Sanders
    for c in tok.children:
        if c.dep_ in ("advcl", "xcomp", "conj") and c.pos_ == "VERB":
            if c.lemma_.lower() in _STUMPING:
                return True  # "to campaign", "speaking to"
            if c.lemma_.lower() in ("hold", "headline", "attend") and any(
                g.dep_ == "dobj" and g.lemma_.lower() in _STUMPING | _CAMPAIGN_EVENTS for g in c.children
            ):
                return True  # "holding a rally in Springfield"
        if (
            c.dep_ == "prep"
            and c.lower_ == "for"
            and any(g.dep_ == "pobj" and g.lemma_.lower() in _STUMPING | _CAMPAIGN_EVENTS for g in c.children)
        ):
            return True  # "for Democratic Party fundraisers"
    return False


def a_sight(ent: Span) -> bool:
    return ent.label_ == "FAC" or (ent.label_ == "ORG" and ent.root.lemma_.lower() in SIGHTS)
