"""Joint appearances: two named people on one stage have met.

"Speaking alongside South Korean Acting President Hwang Kyo-ahn, Pence said ...", "Standing next
to Chancellor Angela Merkel at the White House, Trump said ...", "at a joint news conference with
Netanyahu": diplomatic copy reports a visit's talks this way, and annotators count the encounter as
a meeting (the press conference itself is not one: only its named co-host makes it so).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsmon.extract.lexicon import PARTICIPANT_LABELS
from newsmon.extract.meeting_noun_rules import with_person

_BESIDE = {"alongside", "beside"}
_APPEAR = {"speak", "stand", "appear", "sit"}
_JOINT = {"joint"}
_IN = {"in", "at", "during"}
_STAGES = {"stage", "podium", "platform", "dais"}


def _person(tok: Token) -> bool:
    return any(t.ent_type_ == "PERSON" for t in tok.subtree)


def beside_whom(tok: Token) -> list[Token]:
    """The named people a verb of appearing puts the subject beside ("alongside X", "next to X")."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in _BESIDE:
            out += [g for g in c.children if g.dep_ == "pobj" and _person(g)]
        elif c.lower_ == "next" and c.dep_ in ("advmod", "prep"):
            out += [
                g
                for p in c.children
                if p.dep_ == "prep" and p.lower_ == "to"
                for g in p.children
                if g.dep_ == "pobj" and _person(g)
            ]
    return out


def stood_alongside(tok: Token) -> bool:
    """ "Speaking alongside Hwang Kyo-ahn, Pence said", "standing next to Angela Merkel": a named
    person beside the subject of a verb of appearing; "Trump and Modi shared a stage"."""
    if tok.pos_ != "VERB":
        return False
    lemma = tok.lemma_.lower()
    if lemma == "share" and any(c.dep_ == "dobj" and c.lemma_.lower() in _STAGES for c in tok.children):
        return _two_named(tok) or with_person(tok)
    return lemma in _APPEAR and bool(beside_whom(tok))


def chatted(tok: Token) -> bool:
    """ "Obama and Putin are expected to chat", "chatted with Merkel": an informal meeting of two
    named people (not "chatted with reporters")."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() != "chat":
        return False
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return with_person(tok)
    return _two_named(tok)


def _two_named(verb: Token) -> bool:
    """The verb's subject (or its governor's, for "are expected to chat") is two named parties."""
    nodes = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    subjects = [s for n in nodes for s in n.children if s.dep_ in ("nsubj", "nsubjpass")]
    return any(  # "Obama and Putin", or a parse that hangs "Trump and Indian" under Modi's title
        sum(t.ent_type_ in PARTICIPANT_LABELS and t.ent_iob_ == "B" for t in s.subtree) >= 2
        and any(t.lower_ == "and" for t in s.subtree)
        and _person(s)
        for s in subjects
    )


def joint_conference(tok: Token) -> bool:
    """ "a joint news conference with Netanyahu": the co-host met the speaker."""
    if tok.lemma_.lower() != "conference" or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if not any(c.dep_ == "amod" and c.lower_ in _JOINT for c in tok.children):
        return False
    return any(  # "with Netanyahu", "with the prime minister of Turkey"
        c.dep_ == "prep"
        and c.lower_ == "with"
        and any(t.ent_type_ in ("PERSON", "GPE") for g in c.children for t in g.subtree)
        for c in tok.children
    )


def joint_hosts(trigger: Token) -> set[int]:
    """ "Obama said in a joint news conference with Erdogan": who speaks in it is the other host."""
    if not joint_conference(trigger) or trigger.dep_ != "pobj" or trigger.head.lower_ not in _IN:
        return set()
    verb = trigger.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    return {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}


_GREETINGS = {"greeting", "pleasantry", "handshake", "hug", "word"}


def shook_hands_with(tok: Token) -> bool:
    """ "shook hands with Raul Castro", "exchanged brief greetings with Hamid Karzai": a named
    person met in passing, which diplomatic copy reports as an encounter."""
    if tok.pos_ != "VERB":
        return False
    lemma = tok.lemma_.lower()
    objects = {c.lemma_.lower() for c in tok.children if c.dep_ == "dobj"}
    if not ((lemma == "shake" and "hand" in objects) or (lemma == "exchange" and objects & _GREETINGS)):
        return False
    withs = [g for c in tok.subtree if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
    whom = tok.dep_ == "relcl" and tok.head.ent_type_ == "PERSON"  # "Raul Castro, with whom he shook hands"
    return any(_person(g) or (g.lower_ == "whom" and whom) for g in withs) or (
        lemma == "shake"
        and any(c.dep_ == "nsubj" and any(x.dep_ == "conj" for x in c.children) for c in tok.children)
    )
