"""Meeting triggers, tense and status cues read from one spaCy parse.

The words here are the closed classes the task is about (meeting nouns and verbs, status verbs,
modal auxiliaries); everything open-class (names, places, dates) comes from the parse, the name
index and the gazetteer.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

# noun lemma -> kind
NOUN_KINDS = {
    k: v
    for k, v in (
        item.split("=")
        for item in (
            "talk=talks negotiation=talks consultation=talks summit=summit meeting=meeting "
            "session=meeting call=call conversation=call visit=visit trip=visit conference=conference "
            "ministerial=meeting gathering=meeting retreat=meeting dinner=meeting lunch=meeting "
            "videoconference=call round=talks"
        ).split()
    )
}
# verb lemma -> kind
VERB_KINDS = {
    k: v
    for k, v in (
        item.split("=")
        for item in (
            "meet=meeting visit=visit host=meeting convene=meeting gather=meeting negotiate=talks "
            "receive=meeting dine=meeting phone=call speak=call talk=call call=call travel=visit"
        ).split()
    )
}
REPORTING = set(
    "say tell announce add state write confirm report claim insist note declare explain warn "
    "argue describe".split()
)
_NOT_MEETINGS = set(
    "target demand need requirement criterion expectation deadline goal obligation condition "
    "standard cost end challenge threshold bar benchmark mark quota commitment criteria".split()
)
_PHONE = {"phone", "telephone", "video", "videoconference", "zoom"}
_OFFICE = {"president", "chairman", "chair", "head", "secretary", "member", "leader", "director", "chief"}
_NEWS = {"news", "press"}


@dataclass
class Trigger:
    """One word that evokes a meeting: its token, the kind it suggests and its sentence."""

    token: Token
    kind: str
    sent: Span

    @property
    def is_noun(self) -> bool:
        return self.token.pos_ in ("NOUN", "PROPN")


def _children_lemmas(tok: Token) -> set[str]:
    return {c.lemma_.lower() for c in tok.children}


def find_triggers(sent: Span) -> list[Trigger]:
    """Meeting-evoking tokens in ``sent`` (generic plurals like "his meetings" are skipped)."""
    out: list[Trigger] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        low = tok.text.lower()
        if tok.pos_ in ("NOUN", "PROPN") and lemma in NOUN_KINDS:
            kind = NOUN_KINDS[lemma]
            kids = _children_lemmas(tok)
            if lemma == "talk" and low != "talks":
                continue
            if lemma == "round" and not (
                kids & {"previous", "new", "next", "first", "second", "third", "last", "final", "latest"}
                and (_has_prep(tok, {"between", "of"}) or "face" in {t.lower_ for t in tok.subtree})
            ):
                continue  # "a new round of talks", "the previous face-to-face round between the two sides"
            if lemma == "conference" and kids & _NEWS:
                continue
            if lemma == "conference" and tok.dep_ == "compound" and tok.head.lemma_.lower() == "call":
                continue  # "a conference call with reporters": the call is the trigger
            if part_of_trip(tok):
                continue  # "visited Washington for talks with Blinken": the visit's own talks
            if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in _OFFICE:
                continue  # "president of the national bishops' conference": a body, not an event
            if lemma in ("call", "conversation") and not (
                kids & _PHONE or _has_prep(tok, {"with", "between"})
            ):
                continue
            if lemma in ("dinner", "lunch") and "working" not in kids:
                continue
            if _audience_only(tok):
                continue  # "his daily call with reporters", "a call with analysts"
            if lemma == "session" and not any(c.ent_type_ in ("ORG",) for c in tok.subtree):
                if not kids & {"emergency", "plenary", "special", "extraordinary", "closed"}:
                    continue
            if (
                low.endswith("s")
                and lemma in ("meeting", "summit", "visit", "call", "trip")
                and not any(c.ent_type_ == "DATE" for c in tok.subtree)
            ):
                continue  # "his meetings": generic, not one event
            if kids & _PHONE and kind == "meeting":
                kind = "call"
            out.append(Trigger(tok, kind, sent))
        elif sat_down_with(tok):
            out.append(Trigger(tok, "meeting", sent))
        elif tok.pos_ == "VERB" and lemma not in VERB_KINDS and _by_phone_with(tok):
            out.append(Trigger(tok, "call", sent))  # "discussed the issue by telephone with Erdogan"
        elif tok.pos_ == "VERB" and lemma in VERB_KINDS:
            kind = VERB_KINDS[lemma]
            if _audience_only(tok) or _asked_whether(tok):
                continue  # "Asked whether Scholz planned to travel to Moscow, ...": a question
            if lemma == "meet" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in _NOT_MEETINGS for c in tok.children
            ):
                continue
            if lemma == "meet" and _fixture(tok):
                continue  # "whose side meet Dynamo in the semi-final": a match, not a meeting
            if lemma in ("speak", "talk", "call", "phone") and not (_is_phone_verb(tok) or _spoke_with(tok)):
                continue
            if lemma in ("receive", "host", "gather", "convene") and not (
                any(
                    c.dep_ in ("dobj", "nsubj", "nsubjpass")
                    and any(t.ent_type_ or t.pos_ == "PRON" for t in c.subtree)
                    for c in tok.children
                )
                or _receives_delegation(tok)
            ):
                continue
            if lemma == "negotiate" and tok.dep_ in ("acl", "amod"):
                continue  # "the Iran nuclear deal negotiated by Obama": describes the deal
            if lemma == "gather" and any(c.dep_ == "dobj" and not c.ent_type_ for c in tok.children):
                continue  # "gathering material"
            if any(c.dep_ == "dobj" and any(d.lower_ in ("every", "each", "all") for d in c.children)
                   for c in tok.children):  # fmt: skip
                continue  # "pledged to visit every Iowa county": a programme, not one visit
            if _negated(tok):
                continue  # "did not need to meet with a Mexican", "has never met Putin"
            if any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in tok.children):
                continue  # "frequently meets with members of Congress": a habit, not one meeting
            if _passive_reception(tok):
                continue  # "the promise was met with relief"
            auxes = {c.lower_ for c in tok.children if c.dep_ == "aux"}
            if {"would", "have"} <= auxes:
                continue  # "would have met": counterfactual
            if lemma == "travel" and not any(
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
                and c.lower_ not in _SEATS
                for c in tok.children
            ):
                continue  # "visiting the Peace Memorial Museum": sightseeing, not a visit to someone
            if lemma == "host" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in NOUN_KINDS for c in tok.children
            ):
                continue  # "host a summit": the noun is the trigger
            out.append(Trigger(tok, kind, sent))
    return out


# Seats of power one visits to meet whoever sits there: "visited the White House / the Kremlin".
_SEATS = set(
    "house palace capitol kremlin chancellery hill street pentagon vatican headquarters parliament "
    "senate congress elysee quirinale bundestag".split()
)
_HABITUAL = set(
    "frequently often regularly routinely usually sometimes occasionally rarely seldom "
    "always habitually periodically".split()
)


def _negated(tok: Token) -> bool:
    """ "did not meet", "never visited", "did not need to meet": no meeting (its own or its governor's
    negation; "did not rule out a meeting" is a noun trigger and keeps its status cue)."""
    nodes = [tok] + ([tok.head] if tok.dep_ == "xcomp" else [])
    return any(c.dep_ == "neg" or c.lower_ == "never" for n in nodes for c in n.children)


def _passive_reception(tok: Token) -> bool:
    """ "was met with relief / skepticism / protests": a reaction, not a meeting."""
    if tok.lemma_.lower() != "meet" or not any(c.dep_ == "auxpass" for c in tok.children):
        return False
    objs = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
    return bool(objs) and all(g.pos_ == "NOUN" and not g.ent_type_ for g in objs)


def part_of_trip(tok: Token) -> bool:
    """A meeting noun that is the purpose or setting of a meeting verb: "travelled to Moscow for
    three hours of talks with Putin", "met in Berlin at talks hosted by Baerbock"."""
    node = tok
    for _ in range(4):
        head = node.head
        if node.dep_ == "pobj" and head.lower_ in ("for", "at", "during"):
            verb = head.head
            return verb.pos_ == "VERB" and verb.lemma_.lower() in ("meet", "visit", "travel", "fly", "go")
        if node.dep_ == "pobj" and head.lower_ == "of":
            node = head.head  # "three hours of talks"
            continue
        return False
    return False


_AUDIENCE = set("reporter journalist press media analyst investor shareholder student fan".split())


def _audience_only(tok: Token) -> bool:
    withs = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
    return bool(withs) and all(g.lemma_.lower() in _AUDIENCE for g in withs)


_FIXTURES = set("final semi quarter semifinal quarterfinal match game fixture tie leg derby playoff".split())
_VISITORS = set("representative delegation envoy leader minister official counterpart ambassador".split())


def _fixture(tok: Token) -> bool:
    """ "meet Dynamo in the semi-final", "meet them in Saturday's final": sport, not a meeting."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
            for obj in prep.children:
                words = {w.lower() for t in obj.subtree for w in t.text.replace("-", " ").split()}
                if obj.dep_ == "pobj" and (obj.lemma_.lower() in _FIXTURES or "semi" in words):
                    return True
    return False


def _receives_delegation(tok: Token) -> bool:
    """ "the minister, Claire Vasseur, received the representatives of the unions": a named host
    (subject, or the noun the verb describes) and a delegation as the object."""
    objs = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in _VISITORS]
    if not objs:
        return False
    hosts = [c for c in tok.children if c.dep_ == "nsubj"] + ([tok.head] if tok.dep_ == "acl" else [])
    return any(t.ent_type_ == "PERSON" for h in hosts for t in h.subtree if t.i not in
               {w.i for o in objs for w in o.subtree})  # fmt: skip


def _by_phone_with(tok: Token) -> bool:
    near = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "prep"))]
    # "discussed the issue by telephone with Erdogan": "with" may hang off the phone noun
    near += [g for n in near if n.dep_ == "prep" for g in n.children if g.lower_ in _PHONE]
    by_phone = any(
        c.dep_ == "prep" and c.lower_ in ("by", "over") and any(g.lower_ in _PHONE for g in c.children)
        for n in near
        for c in n.children
    )
    with_someone = any(c.dep_ == "prep" and c.lower_ == "with" for n in near for c in n.children)
    return by_phone and with_someone


def _spoke_with(tok: Token) -> bool:
    """ "had spoken to the chief of staff, Ron Feld, on Wednesday": a dated exchange with a named person."""
    if tok.lemma_.lower() not in ("speak", "talk"):
        return False
    people = [
        g
        for c in tok.children
        if (c.dep_ == "prep" and c.lower_ in ("with", "to")) or c.dep_ in ("npadvmod", "appos")
        for g in c.subtree
        if g.ent_type_ == "PERSON"
    ]
    # the one spoken with is a person, not "Breitbart News about Clinton" (an interview)
    objects = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "to") for g in c.children]
    if objects and all(g.ent_type_ in ("ORG", "WORK_OF_ART") for g in objects):
        return False
    dated = any(t.ent_type_ in ("DATE", "TIME") for c in tok.children if c.dep_ != "prep" or c.lower_ == "on"
                for t in c.subtree)  # fmt: skip
    # "Grassley spoke with Garland": one named person to another is an exchange even undated
    person_subject = any(
        c.dep_ == "nsubj" and (c.ent_type_ == "PERSON" or c.lower_ in ("he", "she")) for c in tok.children
    )
    has_to = _has_prep(tok, {"with", "to"})
    return bool(people) and (dated or person_subject) and has_to and not _audience_only(tok)


def sat_down_with(tok: Token) -> bool:
    """ "sat down with Raul Castro", "sat face to face with Paul Ryan": a meeting."""
    if tok.lemma_.lower() != "sit" or tok.pos_ != "VERB":
        return False
    down = any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children)
    face = any(c.lower_ == "face" for c in tok.children)
    withs = [g for c in tok.subtree if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
    return (down or face) and any(g.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or g.pos_ == "PRON"
                                  for w in withs for g in w.subtree)  # fmt: skip


def _asked_whether(tok: Token) -> bool:
    node = tok
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in node.children):
            return node.head.lemma_.lower() in ("ask", "wonder", "question")
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _has_prep(tok: Token, preps: set[str]) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in preps for c in tok.children)


def _is_phone_verb(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    words = {t.lower_ for t in tok.subtree}
    if lemma == "phone":
        return True
    if lemma == "call":  # "called Carson a special person" names, it does not phone
        return any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in tok.children) and not any(
            c.dep_ == "oprd" for c in tok.children
        )
    return bool(words & {"phone", "telephone", "video", "videoconference"}) and _has_prep(
        tok, {"with", "to", "by"}
    )


def frame_head(tok: Token) -> Token:
    """The verb that carries the trigger's status: climb xcomp/infinitive chains and core arguments."""
    head = tok
    for _ in range(4):
        if (
            head.dep_ in ("xcomp", "ccomp", "acl", "pcomp", "advcl")
            and head.head.lemma_.lower() not in REPORTING
        ):
            if head.dep_ in ("ccomp", "advcl") and head.head.pos_ in ("VERB", "AUX"):
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
            if head.dep_ == "pobj" and head.head.lower_ not in ("for", "of", "to"):
                break
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
        else:
            break
    return head
