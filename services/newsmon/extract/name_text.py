"""How a mention is written: cleaning it to a name ("the Rev. Al Sharpton / AP" -> "Al Sharpton"),
country aliases ("U.S." -> "United States"), gender from honorifics and first names. No parse needed.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from newsmon.extract.entity_repairs import SOVEREIGNS
from newsmon.extract.lexicon import FEMALE_NAMES, HONORIFICS, MALE_NAMES, TITLE_WORDS

KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "unknown"}
ALIASES = {
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "eu": "European Union",
    "un": "United Nations",
    "u.n.": "United Nations",
}
# "Jr.", "Sr.", "III" stay: Donald Trump Jr. is not Donald Trump (see GENERATIONS)
_POSTNOMINALS = {
    "kc",
    "qc",
    "mp",
    "mep",
    "obe",
    "mbe",
    "cbe",
    "phd",
    "md",
    "esq",
}
GENERIC_ORG_WORDS = {
    "national", "united", "european", "international", "world", "new", "first", "royal", "federal",
    "state", "city", "general", "central", "american", "british", "global", "north", "south", "east", "west",
    "house", "senate", "supreme", "white", "republican", "democratic", "joint", "foreign",
}  # fmt: skip
NAME_PARTICLES = set("da de do dos das van von der den bin ibn al el del la le".split())
_TRAIL = re.compile(r"(\s*[/|,(].*$)|(['’][sS]?$)")


# well-known leaders' nicknames -> the surname key the article's full name registers
NICKNAMES = {"bibi": "netanyahu", "amlo": "obrador", "mbs": "salman", "mbz": "zayed", "dubya": "bush"}


def honorific_gender(ent: Span) -> str | None:
    """ "m" after Mr./Sir, "f" after Mrs./Ms./Miss (inside the mention or just before it)."""
    words = [ent[0].lower_.rstrip(".")]
    if ent.start > 0:
        words.append(ent.doc[ent.start - 1].lower_.rstrip("."))
    for word in words:
        if word in ("mr", "sir", "lord"):
            return "m"
        if word in ("mrs", "ms", "miss", "lady", "dame", "mme"):
            return "f"
    return None


def first_name_gender(name: str) -> str | None:
    first = name.split()[0].lower() if name.split() else ""
    if first in MALE_NAMES and first not in FEMALE_NAMES:
        return "m"
    if first in FEMALE_NAMES and first not in MALE_NAMES:
        return "f"
    return None


def alias(key: str) -> str | None:
    """ "us", "u.s" (its last full stop cleaned off) and "u.s." all give "United States"."""
    return ALIASES.get(key) or ALIASES.get(key + ".")


_CREDITS = {"REUTERS", "AP", "AFP", "EPA", "GETTY", "IMAGES", "PHOTO", "CREDIT"}  # capitals only


# lower case only: "First Data" and "Second Circuit" keep their first word
_ORDINAL = re.compile(r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)")


def clean_mention(mention: str) -> str:
    """Strip leading articles and honorifics, possessives and credit tails ("X / AP")."""
    text = " ".join(mention.split())
    if " - " in text:  # "Weak - Rubio": a headline fragment glued to the name across a dash
        text = text.rsplit(" - ", 1)[1]
    text = _TRAIL.sub("", text).strip(" .,;:\"“”‘’'•·▪●■►")
    words = text.split(" ")
    while words and (
        words[0].lower() in {"the", "a", "an"}
        or words[0].lower().rstrip(".") in HONORIFICS
        or (len(words) > 1 and words[0] in _CREDITS)  # "REUTERS Obama": a photo credit ran into the caption
        or (len(words) > 1 and _ORDINAL.fullmatch(words[0]))  # "his seventh Group of Seven summit"
    ):
        words = words[1:]
    # "Fire Chief Dolores Ramirez" tagged whole: the name is "Dolores Ramirez" (a given name and a
    # surname or two after the last title word, not a body's long name)
    titled = [i for i, w in enumerate(words[:4]) if w.lower().strip(".,") in TITLE_WORDS - _KEPT_TITLES]
    if (
        titled
        and 2 < len(words) - titled[-1] <= 4
        and all(w[:1].isupper() for w in words[: titled[-1] + 1])
        and not any(w.lower() in TITLE_WORDS | _BODY_HEADS for w in words[titled[-1] + 1 :])
    ):
        words = words[titled[-1] + 1 :]
    while len(words) > 1 and words[-1].lower().strip(".,") in _POSTNOMINALS:  # "Andrew Keane KC"
        words = words[:-1]
    while len(words) > 1 and words[-1] in _HEADLINE_VERBS:  # "Obama Says" from a title-case headline
        words = words[:-1]
    return " ".join(words)


GENERATIONS = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}

_BODY_HEADS = {"ministry", "department", "office", "committee", "council", "agency", "act", "bureau"}
# titles that are part of how the person is named: "King Fahd", "Pope Francis", "Sir Keir Starmer"
_KEPT_TITLES = SOVEREIGNS | {"father", "sir", "dame"}

_HEADLINE_VERBS = set(
    "Says Said Tells Told Warns Urges Calls Claims Vows Slams Blasts Backs Rejects Denies Admits Insists "
    "Praises Meets Visits Asks Defends Accuses Attacks Pledges Signs Wins Loses Rips Hits Unveils".split()
)
