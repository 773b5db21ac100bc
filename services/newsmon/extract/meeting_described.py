"""Parties the text only describes: "Union negotiators and the port employers' association met".

A last resort for a meeting verb whose subject names nobody: each coordinated subject headed by a
group noun (negotiators, ministers, association, ...) with at least one modifier becomes an
organisation participant, so the meeting is kept rather than dropped. A bare "ministers" or "the
two men" is too vague and gives nothing.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsmon.extract.meeting_merge import Participant
from newsmon.extract.spans import ent_at

GROUP_HEADS = set(
    "negotiator minister leader official delegation representative association union employer "
    "worker envoy diplomat lawmaker legislator senator governor mayor committee council government "
    "federation confederation chamber group coalition bloc".split()
)
_MODIFIERS = {"compound", "amod", "poss", "nmod"}
_QUANTIFIERS = {"many", "some", "several", "few", "most", "all", "other", "numerous", "various", "any"}


def described_parties(trigger: Token, after: int = 0) -> list[Participant]:
    """Organisation participants for the described subjects of a meeting verb, or the described
    owner of a meeting noun (see the module doc);
    words before character offset ``after`` (a dateline) are never part of a name."""
    if trigger.pos_ == "NOUN":  # "the Jewish leaders' meeting with Obama"
        subjects = [c for c in trigger.children if c.dep_ == "poss" and c.idx >= after]
    elif trigger.pos_ == "VERB":
        subjects = [c for c in trigger.children if c.dep_ == "nsubj" and c.idx >= after]
    else:
        return []
    if not subjects:
        return []
    out: list[Participant] = []
    for head in [subjects[0], *subjects[0].conjuncts]:
        if head.pos_ != "NOUN" or head.lemma_.lower() not in GROUP_HEADS:
            continue
        body = _body_of(head)
        if body:  # "Top officials at the National Republican Senatorial Committee met": the committee
            out.append(Participant(body, "organization"))
            continue
        mods = [t for t in head.lefts if t.dep_ in _MODIFIERS]
        if not mods or any(t.lower_ in _QUANTIFIERS for t in head.lefts):
            continue  # "many unions negotiated": unions in general, no party
        start = min(t.left_edge.i for t in mods)
        while head.doc[start].idx < after:  # the dateline is never part of the name
            start += 1
        span = head.doc[start : head.i + 1]
        name = span.text[len(span[0].text) :].lstrip() if span[0].pos_ == "DET" else span.text
        if name:
            out.append(Participant(name, "organization"))
    return out


def _body_of(head: Token) -> str | None:
    """The named organisation a described group belongs to: "officials at/of/from the NRSC"."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("at", "of", "from"):
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.ent_type_ == "ORG" and obj.ent_iob_ != "O":
                ent = ent_at(obj)
                if ent is not None:
                    return ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
    return None
