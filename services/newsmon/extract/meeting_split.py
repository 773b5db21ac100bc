"""One mention, several meetings: "visited Canada and Kazakhstan" (one visit per country),
"was arranging calls with both Sanders and Clinton" (one call per counterpart) and "their first
meeting since Nov. 16" (this one, and the one on Nov. 16)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from newsmon.extract.context import ArticleContext
from newsmon.extract.dates import find_dates, resolve
from newsmon.extract.lexicon import TITLE_WORDS
from newsmon.extract.meeting_merge import Candidate
from newsmon.extract.meeting_names import of_a_person
from newsmon.extract.meeting_people import participants_of
from newsmon.extract.places import get_gazetteer
from newsmon.extract.spans import doc_ents

_PER_COUNTERPART = {"call", "meeting", "conversation"}
_COUNTERPART_LABELS = {"PERSON", "ORG", "GPE"}


def other_destinations(cand: Candidate, tok: Token) -> list[Candidate]:
    """ "Francis later visited Canada and Kazakhstan": one visit per country."""
    if tok.lemma_.lower() != "visit" or tok.pos_ != "VERB" or cand.place is None:
        return []
    gaz = get_gazetteer()
    out: list[Candidate] = []
    for obj in (c for c in tok.children if c.dep_ == "dobj" and c.ent_type_ == "GPE"):
        for conj in (c for c in obj.children if c.dep_ == "conj" and c.ent_type_ == "GPE"):
            place = gaz.lookup(conj.text)
            if place is not None and place.kind == "country" and place.name != cand.place.name:
                out.append(replace(cand, place=place, participants=list(cand.participants), triggers=[]))
    return out


def counterparts(tok: Token) -> list[Span]:
    """The named conjuncts after "with" of a plural meeting noun: "calls with both Sanders and Clinton",
    or the people a call verb names: "called Netanyahu and Abbas" (a phone call is two-sided)."""
    if tok.pos_ == "VERB" and tok.lemma_.lower() in ("call", "phone"):
        return _people_called(tok)
    separate = separately(tok)  # "separate talks with Macron, Merkel and Conte", "on separate occasions"
    if tok.pos_ == "VERB" and not separate:
        return _each_subject(tok)
    if not separate and (tok.tag_ not in ("NNS", "NNPS") or tok.lemma_.lower() not in _PER_COUNTERPART):
        return []
    ents = doc_ents(tok.doc)
    out: list[Span] = []
    holders = [tok, tok.head] if tok.dep_ == "dobj" else [tok]  # "held meetings on Monday with X and Y"
    preps = {"with", "to"} if separate else {"with"}  # "separate visits to Reid, McConnell, ..."
    # "to have meetings with Mr. Abbas and with Mr. Netanyahu": the parser may hang the second "with"
    # on the verb as a conjunct
    found = [c for h in holders for c in h.children if c.dep_ in ("prep", "conj") and c.lower_ in preps]
    found += [c for p in found for c in p.conjuncts if c.lower_ in preps]  # "with Hannity and with Cruz"
    for prep in found:
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            heads = [obj, *obj.conjuncts] if not separate else [t for t in obj.subtree if t.ent_iob_ == "B"]
            for head in heads:
                ent = next((e for e in ents if e.start <= head.i < e.end), None)
                if ent is None or (separate and ent.root.dep_ in ("compound", "poss")):
                    continue  # "Fox News host Sean Hannity": the host, not the channel
                if of_a_person(ent):
                    continue  # "Sen. Ted Cruz of Texas": his state
                if ent.label_ in _COUNTERPART_LABELS and ent not in out:
                    out.append(ent)
    if out and min(out, key=lambda e: e.start).label_ == "PERSON":
        out = _rest_of_list(out)  # "with Japanese Prime Minister Abe, French President Hollande, ..."
    return out if len(out) >= 2 else []


_LIST_GLUE = {",", "and", "or", "as", "well"}


def _rest_of_list(found: list[Span]) -> list[Span]:
    """The people the parser hung elsewhere in a list of titled names: from the first one found,
    each next PERSON that only commas, "and" and titles ("French President", "German Chancellor")
    separate from the one before."""
    doc = found[0].doc
    starts = {e.start: e for e in doc_ents(doc)}
    first = min(found, key=lambda e: e.start)
    out = [first]
    i = first.end
    while i < len(doc):
        j = i
        while j < len(doc) and j - i < 6 and j not in starts and _glue(doc[j]):
            j += 1
        ent = starts.get(j)
        titled = j > i and doc[j - 1].pos_ == "PROPN"  # "President Mitterrand", even if tagged a place
        if j == i or ent is None or not (ent.label_ in ("PERSON", "NORP") or titled):
            break
        if ent.label_ != "NORP":
            out.append(ent)
        i = ent.end  # a NORP ("Russian") opens the next title
    return out + [e for e in found if e not in out]


def _glue(tok: Token) -> bool:
    word = tok.lower_.rstrip(".")
    titled = word in TITLE_WORDS or (word.endswith("s") and word[:-1] in TITLE_WORDS)  # "Representatives"
    return tok.lower_ in _LIST_GLUE or (tok.pos_ in ("PROPN", "NOUN") and titled)


def separately(tok: Token) -> bool:
    """The mention says its counterparts were met one by one."""
    if any(c.lower_ in ("separate", "individual", "bilateral") and c.dep_ == "amod" for c in tok.children):
        return True
    return tok.pos_ == "VERB" and (
        any(c.lower_ in ("separately", "individually") for c in tok.children)
        or any(  # "on separate occasions", on the verb or (misparsed) on its last counterpart
            g.lower_ == "occasions"
            and g.dep_ == "pobj"
            and "separate" in {d.lower_ for d in g.children}
            and (g.head.head.i == tok.i or g.head.head.pos_ in ("PROPN", "NOUN"))
            for g in tok.subtree
        )
    )


def each_counterpart(ctx: ArticleContext, cand: Candidate, tok: Token) -> list[Candidate]:
    """Split ``cand`` into one meeting per counterpart; ``cand`` itself keeps the first one."""
    sides = [side for side in (participants_of(ctx, e) for e in counterparts(tok)) if side]
    if len(sides) < 2:
        return []
    everyone = {p.key for side in sides for p in side}
    # the host, who meets them all; none named ("after conversations with Abe, Hollande and
    # Merkel"): still one meeting each, its host left to the other mentions
    others = [p for p in cand.participants if p.key not in everyone]
    # each counterpart as the mention read it, or as its name gives it when the parser hung the
    # name outside the mention ("..., and Italian President Cossiga" on the main verb)
    theirs = [[p for p in cand.participants if p.key in {s.key for s in side}] or side for side in sides]
    cand.sibling_of = tok.idx  # the split meetings stay apart when merging
    out = [replace(cand, participants=others + side, triggers=[]) for side in theirs[1:]]
    cand.participants = others + theirs[0]
    return out


_EACH = {"all", "each", "separately", "individually"}


def _each_subject(verb: Token) -> list[Span]:
    """ "Foreign ministers from China, Russia and Japan all spoke with Ri": one meeting per country
    (the subject list is distributive: "all", "each", "separately")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    marked = any(c.lower_ in _EACH for c in verb.children) or any(
        t.lower_ in _EACH and t.dep_ in ("appos", "det", "predet", "advmod")
        for s in subjects
        for t in s.subtree
    )
    if not subjects or not marked:
        return []
    inside = {t.i for t in subjects[0].subtree}
    out = [e for e in doc_ents(verb.doc) if e.label_ in _COUNTERPART_LABELS and e.root.i in inside]
    return out if len(out) >= 2 else []


def _people_called(verb: Token) -> list[Span]:
    """ "Kerry called Netanyahu and Abbas", "would call his allies, ... Shinzo Abe, and ... Moon Jae-in"."""
    inside = {t.i for c in verb.children if c.dep_ in ("dobj", "oprd") for t in c.subtree}
    out = [e for e in doc_ents(verb.doc) if e.label_ == "PERSON" and e.root.i in inside]
    return out if len(out) >= 2 else []


def the_previous_one(ctx: ArticleContext, cand: Candidate, tok: Token) -> list[Candidate]:
    """ "It was their first meeting since Nov. 16": the same parties also met on Nov. 16."""
    if tok.pos_ != "NOUN" or not any(c.dep_ == "amod" and c.lower_ == "first" for c in tok.children):
        return []
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "since"):
        span = tok.doc[prep.i + 1 : prep.right_edge.i + 1]
        exprs = find_dates(span.text)
        if len(exprs) != 1 or exprs[0].start > 0:
            return []  # "since Biden took office in January": the date of something else
        day = resolve(exprs[0], ctx.published, "past").value
        if day is None or (cand.date and cand.date.startswith(day)):
            return []
        theirs = any(c.dep_ == "poss" and c.lower_ == "their" for c in tok.children)
        held = replace(cand, participants=list(cand.participants), date=day, date_text=exprs[0].text)
        anaphor = cand.plural_anaphor or ("people" if theirs and not cand.participants else None)
        return [
            replace(held, end_date=None, status="held", triggers=[], definite=False, plural_anaphor=anaphor)
        ]
    return []
