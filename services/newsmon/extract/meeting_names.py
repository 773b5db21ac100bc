"""Names in a meeting's frame that are not its parties, or that stand for a country, for
:func:`newsmon.extract.meeting_frame.read_frame`: a name qualifying a title ("NATO Secretary General
Jens Stoltenberg"), a vehicle's owner ("aboard a U.S. Air Force plane"), a trailing speaker the
parser took for an appositive; nationalities that qualify a delegation ("German and Japanese
officials") or stand for their country ("negotiating with the Russians")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsmon.extract.lexicon import TITLE_WORDS
from newsmon.extract.meeting_cues import REPORTING


def _names_next(t: Token) -> bool:
    """A job noun right before a person's name: "host" in "CBS News host Dan Rather"."""
    return t.i + 1 < len(t.doc) and t.doc[t.i + 1].ent_type_ == "PERSON" and t.doc[t.i + 1].ent_iob_ == "B"


def is_title_modifier(ent: Span) -> bool:
    """True for names that only qualify a person's title: "NATO Secretary General Jens Stoltenberg",
    "Russian Foreign Minister Sergei Lavrov", "Zelensky's chief of staff", "Fumio Kishida of Japan"."""
    doc = ent.doc
    i = ent.end
    if i < len(doc) and doc[i].text in ("-", "–") and ent.label_ == "PERSON":
        return False  # "the Reagan-Gorbachev summit": a pair, not a title
    steps = 0
    while (
        i < len(doc) and steps < 6 and (doc[i].ent_type_ == "" or doc[i].ent_type_ in ("ORG", "NORP", "GPE"))
    ):
        t = doc[i]
        if t.ent_type_ == "" and not (t.is_title or t.lower_ in ("of", "for", "'s", "’s", "-", "the")):
            if (
                t.lower_ not in TITLE_WORDS
                and t.lower_ not in ("staff", "counterpart", "aide")
                and not (t.pos_ == "NOUN" and (t.dep_ == "compound" and t.head.i > t.i or _names_next(t)))
            ):  # "Fox News host Sean Hannity", "Fox News contributor Guy Benson"
                break
        i += 1
        steps += 1
    if i < len(doc) and doc[i].ent_type_ == "PERSON" and (i > ent.end or ent.label_ != "PERSON"):
        return True
    root = ent.root
    if (
        root.dep_ == "poss"
        and root.head.pos_ == "NOUN"
        and root.head.lemma_ not in ("meeting", "talk", "summit", "call", "visit", "trip", "conversation")
    ):
        title = root.head
        # "Zelensky's chief of staff Andriy Yermak" qualifies Yermak; "Myanmar's foreign minister",
        # with nobody named, stands for Myanmar
        others = [t for t in title.subtree if not ent.start <= t.i < ent.end]
        return any(t.ent_type_ == "PERSON" for t in others) or title.head.ent_type_ == "PERSON"
    if of_a_person(ent):
        return True  # "Fumio Kishida of Japan"
    return root.dep_ in ("amod", "compound") and root.head.ent_type_ == "PERSON"


def of_a_person(ent: Span) -> bool:
    """The name says where a person is from: "Fumio Kishida of Japan", "Sen. Ted Cruz of Texas"."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.ent_type_ == "PERSON"


_VEHICLES = set("plane jet aircraft airplane helicopter ship vessel car motorcade train flight".split())


def _first_conjunct(tok: Token) -> Token:
    """The head of a coordination ``tok`` belongs to: "Japanese" in "German and Japanese" -> "German"."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def nationality_head(ent: Span) -> Token:
    """The noun a nationality qualifies, through coordination: "German and Japanese officials"."""
    return _first_conjunct(ent.root).head


def trailing_speaker(ent: Span) -> bool:
    """A name parsed as an appositive that is really the subject of a trailing "told reporters"."""
    doc = ent.doc
    if ent.root.dep_ != "appos" or ent.end >= len(doc):
        return False
    verb = doc[ent.end]
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return verb.lemma_.lower() in REPORTING and not has_subject


PARTIES = {"democrats", "republicans", "conservatives", "liberals", "tories", "socialists", "greens"}


def a_party(ent: Span) -> bool:
    """ "meet with Democrats", "talks between Trump and the Democrats": a party as a side."""
    root = ent.root
    return root.lower_ in PARTIES and root.tag_ in ("NNPS", "NNS") and root.dep_ in ("pobj", "conj", "dobj")


def the_people_of(ent: Span) -> bool:
    """ "negotiating with the Russians", "talks between the Israelis and the Palestinians": a plural
    nationality as the counterpart stands for its country."""
    root = _first_conjunct(ent.root)
    return (
        ent.root.tag_ in ("NNPS", "NNS")
        and root.dep_ == "pobj"
        and root.head.lower_ in ("with", "between")
        and any(t.lower_ == "the" for t in ent.doc[max(ent.start - 1, 0) : ent.end])
    )


def aboard_vehicle(ent: Span) -> bool:
    """ "arrived aboard a U.S. Air Force plane": the name only says whose plane."""
    return ent.root.dep_ == "compound" and ent.root.head.lemma_.lower() in _VEHICLES


_RELATIVES = set(
    "widow widower wife husband son daughter mother father brother sister lawyer attorney".split()
)


def relative_named(ent: Span) -> bool:
    """ "met with Coulibaly's widow, Hayat Boumeddiene": the name only says whose relative (or
    lawyer) took part, and the relative is named right after. Without that name ("met the family
    of Otto Warmbier") the possessor's name stands for the family and stays."""
    root = ent.root
    if root.dep_ == "poss":
        relative = root.head
    elif root.dep_ == "pobj" and root.head.lower_ == "of":
        relative = root.head.head
    else:
        return False
    if relative.lemma_.lower() not in _RELATIVES:
        return False
    doc = ent.doc
    after = max(relative.i + 1, ent.end)  # "Coulibaly's widow, Hayat ...", "the widow of Aquino, Corazon ..."
    return after + 1 < len(doc) and doc[after].text == "," and doc[after + 1].ent_type_ == "PERSON"
