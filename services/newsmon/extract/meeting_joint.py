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
    return any(
        c.dep_ == "prep" and c.lower_ == "with" and any(_person(g) for g in c.children) for c in tok.children
    )
