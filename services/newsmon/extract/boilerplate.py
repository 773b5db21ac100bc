"""Paragraphs that are not article prose: photo captions, bylines, credit and contribution lines.

Quotes inside them are not speech, and the people they name must not become the antecedent of
a later "he" or "she".
"""

from __future__ import annotations

import re

from newsmon.extract.quote_marks import Paragraph

_AGENCIES = (
    r"(AP|AFP|Reuters|EPA|Getty Images|Getty|Bloomberg|Xinhua|TASS|Sputnik|Anadolu|dpa|PA|ANSA"
    r"|Shutterstock|Alamy|NurPhoto|SOPA Images|LightRocket|Pool)"
)
_CREDIT = re.compile(rf"(/|\||—|–|-|\()\s*{_AGENCIES}( via {_AGENCIES})?\)?\s*\.?$")
_VIDEO = re.compile(r"\bJUST WATCHED\b.{0,300}?\b(Replay More Videos|MUST WATCH)\b")  # CNN's video player
_PATTERNS = [
    _CREDIT,
    re.compile(
        r"\b(Photo|Photograph|Picture|Image|Credit|Photo credit|Image source|Image caption)\s*(by|:)", re.I
    ),
    re.compile(r"\b(contributed|contributing) (to )?(this|the) (report|story|article)", re.I),
    re.compile(r"^(Additional )?(reporting|writing|editing|compiled|research) by\b", re.I),
    re.compile(r"^\(?(PICTURED|WATCH|READ MORE|RELATED|SIGN UP|ADVERTISEMENT|Follow us)\b", re.I),
    re.compile(
        r"^By [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3}( and [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3})?(,.*)?$"
    ),
    re.compile(r"^(Copyright|©)", re.I),
    _VIDEO,
]


_PROMO = re.compile(
    r"^(Visit|Go to|Check out|Click|Subscribe to|Sign up for|Download)\b.{0,80}?"
    r"\b(homepage|home page|website|site|\w+\.com|newsletter|app|podcast)\b"
    # "To find out more about Ben Shapiro ..., visit the Creators Syndicate website at www."
    r"|\b(visit|go to|check out)\b.{0,80}?\b(homepage|home page|websites?|web sites?|www\.|\w+\.com)\b"
    r"|^(Read more|Read also|Also read|Related|See also|More from \w+|MORE)\s*:",  # a link to another story
    re.I,
)


def is_promo(sentence: str) -> bool:
    """The publisher's call to action: "Visit Business Insider's homepage for more stories", or a
    video player's label ("JUST WATCHED CNN talks with Americans ... Replay More Videos")."""
    text = sentence.strip()
    return bool(_PROMO.search(text) or _VIDEO.search(text))


def is_credit_line(sentence: str) -> bool:
    """A photo credit on its own: "Korea Summit Press Pool/Pool via Reuters" (its words are a name)."""
    text = sentence.strip()
    return len(text.split()) <= 12 and bool(_CREDIT.search(text))


def is_boilerplate(paragraph: str) -> bool:
    """A caption, byline or credit line (short, and shaped like one)."""
    text = paragraph.strip()
    if not text or len(text.split()) > 70:
        return False
    return any(p.search(text) for p in _PATTERNS)


def boilerplate_paragraphs(text: str, paras: list[Paragraph]) -> set[int]:
    """Indexes of the paragraphs of ``text`` that are captions, bylines or credits."""
    return {p.index for p in paras if is_boilerplate(text[p.start : p.end])}


def is_shouted(text: str) -> bool:
    """A subhead in capitals: a label over the next paragraphs, not a report."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)
