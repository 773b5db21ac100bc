"""Where a meeting took place, read off the parse: a place or building reached through in/at/to on
the trigger ("met Stoltenberg in Brussels", "visited the Capitol"), a building named before the
meeting noun ("a White House meeting") or a room ("inside the Cabinet room")."""

from __future__ import annotations

from spacy.tokens import Span, Token

LOC_PREPS = {"in", "at", "outside", "near", "to", "inside"}

_TRAVEL = frozenset(("visit", "trip", "travel", "go", "come", "fly"))


_PLACE_NOUNS = set("village town city capital port resort province region island enclave".split())


def via_location_prep(ent: Span, anchor: set[int]) -> bool:
    """The name hangs off the trigger through in/at/to, directly or via one noun ("the US Mission
    in Geneva", "Brussels, Belgium"); "the fighting in Sudan" is not the meeting's place."""
    tok = ent.root
    while tok.dep_ in ("appos", "conj", "compound") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "dobj" and tok.head.lemma_ == "visit" and tok.head.i in anchor:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _PLACE_NOUNS:
        tok = tok.head.head  # "at the border village of Panmunjom", "in the Black Sea resort of Sochi"
    if tok.dep_ != "pobj" or tok.head.lower_ not in LOC_PREPS:
        return False
    holder = tok.head.head
    if tok.head.lower_ == "to" and holder.lemma_.lower() not in _TRAVEL:
        # "his trip in 2013 to China", parsed with "to China" on the verb that has the trip
        return holder.i in anchor and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _TRAVEL and c.i in anchor for c in holder.children
        )  # "the U.N. envoy to Sudan": only a visit goes "to" its place
    if holder.i in anchor:
        return True
    while holder.dep_ == "appos" and holder.head.i != holder.i:
        holder = holder.head  # "spoke with their counterpart Ri Yong Ho in Manila"
    # "meet with Stoltenberg in Brussels", "a meeting of the ministers in Moscow"
    if holder.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and holder.head.i in anchor:
        return True  # "will meet Lula da Silva in Brasilia"
    return bool(holder.dep_ == "pobj" and holder.head.head.i in anchor)


# Last words of organisation names that are also buildings: "the White House", "Trump Tower".
VENUE_HEADS = set(
    "house tower hall palace capitol castle residence building center centre hotel headquarters "
    "chancellery kremlin mansion estate manor lodge pentagon vatican office hill".split()
)


def venue_before(ent: Span, trigger: Token) -> bool:
    """A building named right before the meeting noun is where it was held ("a White House
    meeting", "the Trump Tower meeting", which the tagger may take for a person)."""
    words = ent.text.split()
    return (
        trigger.pos_ == "NOUN"
        and trigger.lemma_.lower() not in _TRAVEL  # "a White House visit" is with its occupant
        and ent.end == trigger.i
        and len(words) >= 2
        and words[-1].lower() in VENUE_HEADS
    )


_ROOMS = set("room office hall ballroom chamber chambers suite residence garden lawn".split())


def room_of(ent: Span, anchor: set[int]) -> Span | None:
    """ "the Cabinet room", "the Roosevelt Room", "the Oval Office" after in/at/inside on the
    meeting: the whole room name, which the tagger cut before its last word."""
    head = ent.root.head
    if ent.root.dep_ != "compound" or head.i != ent.end or head.lemma_.lower() not in _ROOMS:
        return None
    if head.dep_ != "pobj" or head.head.lower_ not in LOC_PREPS or head.head.head.i not in anchor:
        return None
    return Span(ent.doc, ent.start, head.i + 1, label="FAC")


def is_venue(ent: Span, label: str) -> bool:
    """A building or compound named as where something happens (FAC, or an ORG named after one)."""
    if label == "FAC":
        return True
    words = ent.text.split()
    return label in ("ORG", "GPE", "LOC") and bool(words) and words[-1].lower() in VENUE_HEADS
