"""A deal reached between named sides: the negotiation that produced it is talks that were held.

"On Saturday, the U.S. and Russia reached a deal on a framework ...", "The Pentagon reached a deal
Saturday with the Chinese to turn over a Navy research drone", "Congress and the White House struck
an eleventh-hour deal", "with US and Russian officials reaching an agreement on Syria's chemical
weapons": diplomatic copy reports the round of talks by its outcome, and annotators count it.

Only an outcome actually reached by two sides counts: "efforts to strike a deal", "both sides reach
a spending deal" (a hope), "an Iran that has reached an agreement" (a description), "Trump signed
a trade pact" (a signing, one side) and "failed to reach an accord" are not a meeting found here.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsmon.extract.lexicon import PARTICIPANT_LABELS
from newsmon.extract.meeting_cue_rules import negated

_REACH = {"reach", "strike", "clinch", "seal", "conclude", "hammer", "forge"}
_OUTCOMES = {
    "deal",
    "agreement",
    "accord",
    "pact",
    "compromise",
    "truce",
    "ceasefire",
    "cease-fire",
    "settlement",
}
_NEGOTIATORS = {"leader", "negotiator", "official", "diplomat", "power", "mediator", "envoy", "minister"}
_FAILED = {"fail", "try", "seek", "hope", "want", "aim", "attempt", "struggle"}


def _party(tok: Token) -> bool:
    """A named side: an entity in the phrase ("the U.S.", "the Chinese", "US and Russian officials")."""
    return any(t.ent_type_ in PARTICIPANT_LABELS for t in tok.subtree)


def _two_sides(subject: Token) -> bool:
    """ "the U.S. and Russia": a coordinated subject naming two sides."""
    if any(c.dep_ == "conj" for c in subject.children):
        return _party(subject)  # "Iran and six world powers": one side named is enough
    # "US and Russian officials": the coordination sits in the modifiers
    mods = [
        c
        for c in subject.children
        if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in PARTICIPANT_LABELS
    ]
    return any(any(g.dep_ == "conj" and g.ent_type_ in PARTICIPANT_LABELS for g in m.children) for m in mods)


def _with_side(verb: Token, outcome: Token) -> bool:
    """ "reached a deal Saturday with the Chinese", "an agreement with Iran": the other side."""
    for node in (verb, outcome):
        for c in node.children:
            if c.dep_ == "prep" and c.lower_ == "with":
                if any(g.dep_ == "pobj" and _party(g) for g in c.children):
                    return True
            # "a deal Saturday with the Chinese to turn over a drone", parsed as a "with" clause
            marked = any(g.dep_ == "mark" and g.lower_ == "with" for g in c.children)
            if c.dep_ == "advcl" and marked and any(g.dep_ == "nsubj" and _party(g) for g in c.children):
                return True
    return False


def reached_deal(tok: Token) -> bool:
    """ "X and Y reached a deal", "X struck an agreement with Y" (past, or "reaching" as a
    participle): the talks behind the deal."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in _REACH or negated(tok):
        return False
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if tok.tag_ not in ("VBD", "VBG", "VBN") or tok.dep_ in ("relcl", "amod", "xcomp"):
        return False  # "an Iran that has reached", "efforts to strike"
    if tok.dep_ == "pcomp" and not subjects:
        return False  # "after reaching a deal": the deal, told again ("with officials reaching" has its own)
    if tok.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children):
        return False  # "the deal reached with Iran": the deal, told again
    if tok.lemma_.lower() == "hammer" and not any(
        c.dep_ == "prt" and c.lower_ == "out" for c in tok.children
    ):
        return False
    if tok.head.lemma_.lower() in _FAILED:
        return False
    outcome = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in _OUTCOMES), None)
    if outcome is None:
        return False
    if not subjects:
        return False
    if not _party(subjects[0]):  # "world leaders reached a framework accord with Tehran"
        return subjects[0].lemma_.lower() in _NEGOTIATORS and _with_side(tok, outcome)
    return _two_sides(subjects[0]) or _with_side(tok, outcome)
