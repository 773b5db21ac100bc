"""Joint appearances: two named people on one stage have met.

"Speaking alongside South Korean Acting President Hwang Kyo-ahn, Pence said ...", "Standing next
to Chancellor Angela Merkel at the White House, Trump said ...", "at a joint news conference with
Netanyahu": diplomatic copy reports a visit's talks this way, and annotators count the encounter as
a meeting (the press conference itself is not one: only its named co-host makes it so).
"""

from __future__ import annotations

from spacy.tokens import Token

_BESIDE = {"alongside", "beside"}
_APPEAR = {"speak", "stand", "appear", "sit"}
_JOINT = {"joint"}
_IN = {"in", "at", "during"}


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
    person beside the subject of a verb of appearing."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in _APPEAR:
        return False
    return bool(beside_whom(tok))


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
    return any(_person(g) for g in withs) or (
        lemma == "shake"
        and any(c.dep_ == "nsubj" and any(x.dep_ == "conj" for x in c.children) for c in tok.children)
    )
