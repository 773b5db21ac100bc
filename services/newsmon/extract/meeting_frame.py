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

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from newsmon.extract.lexicon import EPITHETS, PARTICIPANT_LABELS, TITLE_WORDS
from newsmon.extract.meeting_assembly import addressed_assembly
from newsmon.extract.meeting_cues import REPORTING
from newsmon.extract.meeting_frame_scope import anchors, frame_tokens, present_at
from newsmon.extract.meeting_names import (
    a_party,
    aboard_vehicle,
    is_title_modifier,
    nationality_head,
    relative_named,
    the_people_of,
    trailing_speaker,
)
from newsmon.extract.meeting_setting import (
    PLACE_LABELS,
    SIDELINES,
    in_body_setting,
    left_out,
    setting_place,
    where_place,
)
from newsmon.extract.meeting_venues import LOC_PREPS, is_venue, room_of, venue_before, via_location_prep
from newsmon.extract.places import get_gazetteer
from newsmon.extract.spans import ents_within

_DELEGATION = set(
    "delegation side negotiator team official leader government authority diplomat minister "
    "envoy representative counterpart military junta".split()
)
BODY_WORDS = {"council", "committee", "board", "commission", "assembly", "parliament", "panel", "cabinet",
              "club", "company", "firm", "union"}  # fmt: skip
_MODIFIER_TAILS = {"born", "based", "led", "backed", "owned", "made", "funded", "brokered"}
PRONOUNS = {
    k: v
    for k, v in (
        item.split("=") for item in ("he=m him=m his=m she=f her=f they=pl them=pl their=pl").split()
    )
}


@dataclass
class Frame:
    """Raw findings for one trigger before normalisation."""

    ents: list[Span] = field(default_factory=list)
    pronouns: list[Token] = field(default_factory=list)
    titled: list[Token] = field(default_factory=list)  # "the governor", "the health secretary"
    places: list[Span] = field(default_factory=list)
    venues: list[Span] = field(default_factory=list)  # "at the White House", "visited the Capitol"
    tokens: set[int] = field(default_factory=set)
    # who acts at or addresses the meeting ("At the CPAC meeting, Trump swore", "an address to the
    # conference"): kept apart too, since a definite meeting takes only these from outside its phrase
    present: set[int] = field(default_factory=set)


def read_frame(trigger: Token, sent: Span, kind_of: Callable[[str], str] | None = None) -> Frame:
    """Entities, pronouns and place names in the trigger's frame.

    ``kind_of`` (the article's name index) overrides the NER label for names the article has
    already introduced: the small model tags a bare "Blinken" or "Burhan" as a place.
    """
    present = present_at(trigger)
    toks = frame_tokens(trigger, present)
    anchor = anchors(trigger)
    frame = Frame(
        tokens=toks, present=present, places=where_place(trigger, sent) or setting_place(trigger, sent)
    )
    covered: set[int] = set()
    for ent in ents_within(sent):
        covered.update(range(ent.start, ent.end))
        label = ent.label_
        if kind_of is not None and label not in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
            if kind_of(ent.text) == "person":
                label = "PERSON"
        if (is_venue(ent, label) and via_location_prep(ent, anchor)) or venue_before(ent, trigger):
            frame.venues.append(ent)
            continue
        room = room_of(ent, anchor)
        if room is not None:
            frame.venues.append(room)  # "met inside the Cabinet room": where, not with whom
            continue
        if label not in PARTICIPANT_LABELS | PLACE_LABELS:
            if label in ("WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "FAC"):
                covered.difference_update(range(ent.start, ent.end))  # "Lula in Brasilia" (WORK_OF_ART)
            continue
        if label in PLACE_LABELS and via_location_prep(ent, anchor):
            if ent not in frame.places:
                frame.places.append(ent)
            continue
        if not any(t.i in toks for t in ent):
            continue
        if label in PLACE_LABELS:
            spoken_to = ent.root.head.lower_ == "to" and ent.root.head.head.i == trigger.i  # "talk to Iran"
            if label == "LOC" or (
                ent.root.dep_ == "pobj" and ent.root.head.lower_ in LOC_PREPS and not spoken_to
            ):
                continue  # "the fighting in Sudan": some other thing's place
        if (
            ent.end + 1 < len(ent.doc)
            and ent.doc[ent.end].text == "-"
            and ent.doc[ent.end + 1].lower_ in _MODIFIER_TAILS
        ):
            continue  # "Cruz's Cuba-born father": the country qualifies someone, it does not meet
        if left_out(ent, trigger):
            continue  # "a summit of 27 leaders - Theresa May was not invited -"
        if label in ("GPE", "NORP") and _topic_of(ent, trigger):
            continue  # "the first Geneva conference on Syria": its subject
        if on_sidelines_of(ent.root, trigger):
            continue  # "meet on the sidelines of the U.N. General Assembly": the setting, not a party
        if aboard_vehicle(ent):
            continue  # "arrived aboard a U.S. Air Force plane"
        if relative_named(ent):
            continue  # "met with Coulibaly's widow, Hayat Boumeddiene": the widow, not Coulibaly
        if trailing_speaker(ent) and not _caller(ent, trigger):
            continue  # "... with President Reagan, Chief Cabinet Secretary Masaharu Gotoda told reporters"
        if is_title_modifier(ent):
            continue
        if (
            label in ("ORG", "FAC")
            and ent.root.dep_ == "pobj"
            and ent.root.head.lower_ in ("at", "in", "inside")
            and not (ent.root.i == trigger.i and addressed_assembly(trigger))  # "remarks at the Assembly"
        ):
            continue  # "at the Dolmabahce office": a venue
        if (
            label == "GPE"
            and ent.root.dep_ in ("appos", "npadvmod")
            and ent.root.head.ent_type_ in ("GPE", "LOC")
        ):
            continue  # "Brussels, Belgium": Belgium says which Brussels
        if label in ("GPE", "ORG") and _state_of_person(ent):
            continue  # "Reps. Seth Moulton (MA), Kathleen Rice (NY)": whose seat, not a party
        if (
            label == "NORP"
            and nationality_head(ent).lemma_.lower() not in _DELEGATION
            and not the_people_of(ent)
            and not a_party(ent)
        ):
            continue  # "German and Japanese officials": both qualify "officials"
        if label == "NORP" and _named_holder(nationality_head(ent)):
            continue  # "the Japanese prime minister, Shinzo Abe": the person takes part, named
        frame.ents.append(ent if label == ent.label_ else Span(ent.doc, ent.start, ent.end, label=label))
    for t in sent:
        if t.i not in toks or t.i in covered:
            continue
        if t.lower_ in PRONOUNS and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss"):
            frame.pronouns.append(t)
        elif (
            t.pos_ in ("NOUN", "PROPN")
            and (t.lower_ in TITLE_WORDS or t.lower_ in BODY_WORDS or t.lower_ in EPITHETS)
            and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss")
            and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
        ):
            frame.titled.append(t)
        elif t.pos_ == "PROPN" and t.dep_ != "compound" and kind_of is not None:
            span = t.doc[t.left_edge.i : t.i + 1] if t.left_edge.pos_ == "PROPN" else t.doc[t.i : t.i + 1]
            kind = kind_of(span.text)
            if kind == "person" and not is_title_modifier(span):
                frame.ents.append(Span(t.doc, span.start, span.end, label="PERSON"))
            elif t.dep_ == "pobj" and t.head.lower_ in LOC_PREPS and t.head.head.i in anchor:
                if get_gazetteer().lookup(span.text) is not None:
                    frame.places.append(Span(t.doc, span.start, span.end, label="GPE"))
    return frame


def _state_of_person(ent: Span) -> bool:
    """A place (or its postal code, often tagged ORG) in parentheses right after a person's name:
    the state the person represents ("Seth Moulton (MA)")."""
    doc = ent.doc
    return (
        len(ent) <= 2
        and ent.start >= 2
        and ent.end < len(doc)
        and doc[ent.start - 1].text == "("
        and doc[ent.end].text == ")"
        and doc[ent.start - 2].ent_type_ == "PERSON"
    )


def _named_holder(noun: Token) -> bool:
    """The title noun names its holder in apposition: "the Japanese prime minister, Shinzo Abe"."""
    return any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in noun.children) or (
        noun.dep_ == "appos" and noun.head.ent_type_ == "PERSON"
    )


_ABOUT = ("on", "about", "over", "regarding", "concerning")


def _topic_of(ent: Span, trigger: Token) -> bool:
    """A country the meeting is about, not one that meets: "the Geneva conference on Syria". ("Iran
    nuclear talks" stay Iran's: a country in front of the noun is often a party.)"""
    node = ent.root  # also deeper down: "the negotiations on securing Syria's chemical weapons"
    for _ in range(6):
        if node.head.i == node.i:
            return False
        if node.dep_ == "prep" and node.head.i == trigger.i:
            return node.lower_ in _ABOUT
        if node.dep_ == "prep" and node.lower_ in _ABOUT and trigger.i < node.i <= trigger.right_edge.i:
            return True  # "a discussion with Russian generals about Syria"
        node = node.head
    return False


def on_sidelines_of(tok: Token, trigger: Token) -> bool:
    """ "met on the sidelines of the G-20 summit" (or of "the G-20 gathering": the name modifies a
    noun): the setting of a meeting, not a party to it; unless that summit is the trigger itself."""
    root = tok
    while root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.i != root.i:
        root = root.head
    if in_body_setting(tok, trigger):
        return True  # "Wang and Ri met at the ASEAN meeting of foreign ministers": its setting
    return (
        root.i != trigger.i
        and root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.lemma_.lower() in _SIDELINES
    )


_SIDELINES = SIDELINES | {"fringe", "fringes"}


def _caller(ent: Span, trigger: Token) -> bool:
    """ "In a call with President Xi Jinping, President Joe Biden said": the speaker the parser hung
    on Xi as an appositive was on the call the saying happened in."""
    call = trigger.lemma_.lower() in ("call", "conversation") and trigger.dep_ == "pobj"
    return call and trigger.head.lower_ in ("in", "during", "on") and trigger.head.head.i == ent.end


def governing_speaker(trigger: Token) -> list[Span]:
    """Named subjects of the reporting verb above the trigger ("Sherman said ... would meet")."""
    node = trigger
    for _ in range(8):
        if node.head.i == node.i:
            return []
        if node.dep_ == "advcl" and any(
            c.dep_ in ("nsubj", "nsubjpass") and not c.left_edge.i <= trigger.i <= c.right_edge.i
            for c in node.children
        ):
            return []  # "While Democrats have pushed for new negotiations, Cornyn told reporters"
        node = node.head
        if node.lemma_.lower() in REPORTING or node.lemma_.lower() in ("speak", "agree"):
            subj = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
            ents: list[Span] = []
            for s in subj:
                ents.extend(
                    e
                    for e in ents_within(s.doc[s.left_edge.i : s.right_edge.i + 1])
                    if e.label_ in PARTICIPANT_LABELS and not is_title_modifier(e)
                )
            return ents
    return []


_SETTING_DEPS = {"prep", "advcl", "npadvmod", "advmod", "agent", "pcomp"}


def in_what_was_said(trigger: Token) -> bool:
    """The trigger lies in what the reporting verb above it reports ("Talks will be complex, said
    Livni"), not in its setting ("Trump said during a press conference after their meeting")."""
    node = trigger
    for _ in range(8):
        if node.head.i == node.i:
            return False
        if node.head.lemma_.lower() in REPORTING:
            return node.dep_ not in _SETTING_DEPS
        node = node.head
    return False


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
