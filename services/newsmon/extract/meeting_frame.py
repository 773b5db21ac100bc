"""Who, where and when for one meeting trigger, read from the dependency parse.

A trigger's *frame* is the part of its sentence that talks about the meeting: for a verb
("Sherman will meet Stoltenberg in Brussels") the verb with its subject, objects and
prepositional phrases; for a noun ("talks between the US and Russia", "NATO-Russia Council
meeting") the noun phrase plus, when the noun is a core argument, its verb ("Austin held a
meeting with Akar"). Participants are the named people, bodies and countries in the frame;
places are GPE/LOC names reached through in/at/to; the date is the date expression nearest the
trigger in the tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from newsmon.extract.meeting_cues import REPORTING, frame_head

PARTICIPANT_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
PLACE_LABELS = {"GPE", "LOC"}
_LOC_PREPS = {"in", "at", "outside", "near", "to", "inside"}
_DELEGATION = {
    "delegation",
    "side",
    "negotiator",
    "team",
    "official",
    "leader",
    "government",
    "authority",
    "diplomat",
    "minister",
    "envoy",
    "representative",
    "counterpart",
    "military",
    "junta",
}
_SKIP_FRAME_DEPS = {"ccomp", "advcl", "parataxis", "relcl", "acl"}
PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "she": "f",
    "her": "f",
    "they": "pl",
    "them": "pl",
    "their": "pl",
}


@dataclass
class Frame:
    """Raw findings for one trigger before normalisation."""

    ents: list[Span] = field(default_factory=list)
    pronouns: list[Token] = field(default_factory=list)
    places: list[Span] = field(default_factory=list)
    tokens: set[int] = field(default_factory=set)


def _subtree_without_clauses(tok: Token, keep: Token) -> set[int]:
    """Token indices of ``tok``'s subtree, leaving out embedded clauses that do not hold ``keep``."""
    out: set[int] = set()
    stack = [tok]
    while stack:
        t = stack.pop()
        out.add(t.i)
        for c in t.children:
            if c.dep_ in _SKIP_FRAME_DEPS and not (c.left_edge.i <= keep.i <= c.right_edge.i):
                continue
            stack.append(c)
    return out


def frame_tokens(trigger: Token) -> set[int]:
    """Indices of the tokens that describe the meeting the trigger evokes."""
    head = frame_head(trigger)
    if trigger.pos_ == "VERB" or head is not trigger:
        toks = _subtree_without_clauses(head, trigger)
    else:
        toks = _subtree_without_clauses(trigger, trigger)
    # the object of a relative clause ("Geneva, where the delegations met"): its head noun is the place
    if trigger.dep_ == "relcl":
        toks.add(trigger.head.i)
    return toks


def is_title_modifier(ent: Span) -> bool:
    """True for names that only qualify a person's title: "NATO Secretary General Jens Stoltenberg",
    "Russian Foreign Minister Sergei Lavrov", "Zelensky's chief of staff", "Fumio Kishida of Japan"."""
    doc = ent.doc
    i = ent.end
    steps = 0
    while (
        i < len(doc) and steps < 6 and (doc[i].ent_type_ == "" or doc[i].ent_type_ in ("ORG", "NORP", "GPE"))
    ):
        t = doc[i]
        if t.ent_type_ == "" and not (t.is_title or t.lower_ in ("of", "for", "'s", "’s", "-", "and", "the")):
            if t.lower_ not in ("chief", "staff", "counterpart", "envoy", "ambassador", "aide", "spokesman"):
                break
        i += 1
        steps += 1
    if i < len(doc) and doc[i].ent_type_ == "PERSON" and i > ent.end:
        return True
    root = ent.root
    if (
        root.dep_ == "poss"
        and root.head.pos_ == "NOUN"
        and root.head.lemma_ not in ("meeting", "talk", "summit")
    ):
        return True  # "Zelensky's chief of staff"
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.ent_type_ == "PERSON":
        return True  # "Fumio Kishida of Japan"
    return root.dep_ in ("amod", "compound") and root.head.ent_type_ == "PERSON"


def _via_location_prep(ent: Span, frame: set[int]) -> bool:
    """The name hangs off the frame through in/at/to (possibly via "the US Mission in ...")."""
    tok = ent.root
    for _ in range(5):
        if tok.dep_ == "pobj" and tok.head.lower_ in _LOC_PREPS:
            return True
        if tok.dep_ == "dobj" and tok.head.lemma_ == "visit":
            return True
        if tok.dep_ in ("appos", "conj", "compound", "npadvmod") or tok.dep_ == "pobj":
            tok = tok.head
            continue
        if tok.dep_ == "prep":
            tok = tok.head
            continue
        return False
    return False


def read_frame(trigger: Token, sent: Span) -> Frame:
    """Entities, pronouns and place names in the trigger's frame."""
    toks = frame_tokens(trigger)
    frame = Frame(tokens=toks)
    for ent in sent.ents:
        if ent.label_ not in PARTICIPANT_LABELS | PLACE_LABELS:
            continue
        if not any(t.i in toks for t in ent):
            if trigger.dep_ == "relcl" and ent.root.i == trigger.head.i and ent.label_ in PLACE_LABELS:
                frame.places.append(ent)  # "Geneva, where the two delegations met"
            continue
        if ent.label_ in PLACE_LABELS and _via_location_prep(ent, toks):
            frame.places.append(ent)
            continue
        if ent.label_ == "LOC":
            continue
        if is_title_modifier(ent):
            continue
        if ent.label_ == "NORP" and ent.root.head.lemma_.lower() not in _DELEGATION:
            continue
        frame.ents.append(ent)
    for t in sent:
        if t.i in toks and t.lower_ in PRONOUNS and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss"):
            frame.pronouns.append(t)
    return frame


def governing_speaker(trigger: Token) -> list[Span]:
    """Named subjects of the reporting verb above the trigger ("Sherman said ... would meet")."""
    node = trigger
    for _ in range(8):
        if node.head is node:
            return []
        node = node.head
        if node.lemma_.lower() in REPORTING or node.lemma_.lower() in ("speak", "agree"):
            subj = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
            ents: list[Span] = []
            for s in subj:
                ents.extend(
                    e
                    for e in s.doc.ents
                    if e.label_ in PARTICIPANT_LABELS
                    and s.left_edge.i <= e.start
                    and e.end <= s.right_edge.i + 1
                    and not is_title_modifier(e)
                )
            return ents
    return []


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens through their lowest common ancestor (large when unrelated)."""
    anc_a = [a, *a.ancestors]
    anc_b = [b, *b.ancestors]
    pos = {t.i: n for n, t in enumerate(anc_a)}
    for n, t in enumerate(anc_b):
        if t.i in pos:
            return pos[t.i] + n
    return 99


def lca(a: Token, b: Token) -> Token | None:
    anc_a = {t.i for t in [a, *a.ancestors]}
    for t in [b, *b.ancestors]:
        if t.i in anc_a:
            return t
    return None
