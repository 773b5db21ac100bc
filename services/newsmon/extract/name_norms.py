"""Surnames the article introduces are read as names wherever they stand.

The small English model learnt its words from text written before most of today's politicians were
news: it reads a bare "Pence", "Pelosi" or "Nunes" as a common noun (no PERSON entity in 36 of 36,
33 of 36 and 35 of 36 test sentences), and a sentence-initial "Trump phoned Erdogan" as a noun
phrase with no verb. An article nearly always introduces such a person once with a first name or a
title ("Mike Pence", "Speaker Pelosi", "President Trump"). This component, run before the model,
collects those surnames and gives their bare occurrences ("Pence met", not "Mike Pence") the input
feature (``norm``) of a surname the model knows well. Only the model's input changes; the text, the offsets
and the token's own attributes stay as written.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsmon.extract.lexicon import FEMALE_NAMES, MALE_NAMES, TITLE_WORDS

# a surname the small model tags PERSON and reads as a subject in nearly every position
STAND_IN = "clinton"

# words that put a surname after them: "Sen. Nunes", "Speaker Pelosi", "Foreign Minister Lavrov"
_BEFORE_SURNAME = frozenset(
    """
    mr mrs ms dr sen senator rep representative gov governor president secretary minister chancellor
    premier speaker mayor ambassador judge justice king queen prince princess pope chairman
    chairwoman envoy commissioner leader gen general adm admiral col colonel lt sheriff
    """.split()
)

# capitalised words after a title that are not a surname: "Foreign Ministry", "Vice President"
_NOT_SURNAMES = TITLE_WORDS | frozenset(
    """
    ministry department office house council committee party administration campaign court state
    states union government cabinet senate congress assembly parliament commission agency board
    of the and elect emeritus democrat democrats republican republicans conservative conservatives
    liberal liberals independent independents
    """.split()
)

_FIRST_NAMES = MALE_NAMES | FEMALE_NAMES


def _bare(tok: Token) -> str:
    return tok.lower_.rstrip(".")


def _is_initial(tok: Token) -> bool:
    """ "J." in "Donald J. Trump"."""
    return len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == "."


def _capital(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.text.replace(".", "").isalpha()


def _word_before(doc: Doc, i: int) -> int:
    """Index of the word before token ``i``, past one middle initial ("Donald J. Trump")."""
    j = i - 1
    return j - 1 if j >= 0 and _is_initial(doc[j]) else j


def _introducer(doc: Doc, i: int) -> bool:
    """Is token ``i`` the last word of a name that a first name or a title introduces ("Mike
    Pence", "Speaker Pelosi", "Donald J. Trump", "President Jimmy Carter")?"""
    if i + 1 < len(doc) and _capital(doc[i + 1]) and not doc[i + 1].is_sent_start:
        return False  # "President Jimmy Carter": "Jimmy" is not the surname
    j = _word_before(doc, i)
    for _ in range(2):  # the word before, or the one before a given name the lists do not know
        if j < 0 or not _capital(doc[j]):
            return False
        word = _bare(doc[j])
        if word in _FIRST_NAMES or word in _BEFORE_SURNAME:
            return True
        j -= 1
    return False


def _inside_full_name(doc: Doc, i: int) -> bool:
    """ "Barbara Walters": after a given name the model reads the surname well; after a title
    ("President Trump") it does not."""
    j = _word_before(doc, i)
    return j >= 0 and _capital(doc[j]) and _bare(doc[j]) not in _BEFORE_SURNAME


def _surname_like(tok: Token) -> bool:
    text = tok.text
    return (
        len(text) > 2
        and text.isalpha()
        and text[0].isupper()
        and not text.isupper()
        and tok.lower_ not in _FIRST_NAMES
        and tok.lower_ not in _NOT_SURNAMES
    )


def introduced_surnames(doc: Doc) -> set[str]:
    """Surnames written after a first name or a title somewhere in ``doc``."""
    return {tok.text for tok in doc if _surname_like(tok) and _introducer(doc, tok.i)}


@Language.component("newsmon_name_norms")
def name_norms(doc: Doc) -> Doc:
    """Give every title-case occurrence of an introduced surname the model's feature of a known one."""
    surnames = introduced_surnames(doc)
    if surnames:
        for tok in doc:
            if tok.text in surnames and not _inside_full_name(doc, tok.i):
                tok.norm_ = STAND_IN
    return doc
