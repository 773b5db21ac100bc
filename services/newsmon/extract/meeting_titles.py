"""Participants the article names only by title: "the governor", "the Ukrainian leader", "the
foreign ministers of Armenia and Azerbaijan" -> the people it titled so earlier."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Token

from newsmon.extract.context import ArticleContext
from newsmon.extract.lexicon import EPITHETS, TITLE_WORDS
from newsmon.extract.meeting_merge import Participant
from newsmon.extract.meeting_people import demonym_country, participant_named, role_country
from newsmon.extract.places import get_gazetteer
from newsmon.extract.seats import occupant
from newsmon.extract.spans import ent_at

_HEADS = {"president", "prime", "chancellor", "premier", "king"}
_OF_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)")
_PLURAL_TITLES = {"ministers": "minister", "presidents": "president", "secretaries": "secretary"}


def titled_person(ctx: ArticleContext, t: Token) -> str | None:
    """ "the governor" -> the person last titled governor; "the French president" must be French;
    "The Republican presidential nominee" opening a sentence -> the person the last one was about."""
    found = _titled(ctx, t)
    if found is None and t.lower_ in EPITHETS:
        found = _previous_subject(ctx, t)
    return found


def _previous_subject(ctx: ArticleContext, t: Token) -> str | None:
    """The named person subject of the sentence before, when ``t`` opens its sentence as subject."""
    if t.dep_ != "nsubj" or t.left_edge.i != t.sent.start or t.sent.start == 0:
        return None
    before = ctx.doc[t.sent.start - 1].sent
    for tok in before:
        if tok.dep_ == "nsubj" and tok.head.i == before.root.i and tok.ent_type_ == "PERSON":
            ent = ent_at(tok)
            return ctx.names.canonical(ent.text) if ent is not None else None
    return None


def _titled(ctx: ArticleContext, t: Token) -> str | None:
    qualifiers = [
        c.text.lower() for c in t.children if c.dep_ in ("amod", "compound") and c.text[:1].isupper()
    ]
    if not qualifiers:
        vice = any(c.lower_ == "vice" for c in t.children)  # "the vice president"
        found = ctx.names.person_with_title_word(t.lower_, before=t.idx, vice=vice)
        former = "former" in (ctx.names.title_of(found) or "").lower().split() if found else False
        if (found is None or former) and t.lower_ == "president":
            # "Mr. Trump ... the president": never titled, or only "former President Obama" was
            heads = {_head_of_state(ctx, code) for code in _SEATS} - {None}
            found = heads.pop() if len(heads) == 1 else found
        return found
    for m in ctx.names.mentions_before(t.idx):
        title = (ctx.names.title_of(m.name) or "").lower()
        if m.kind == "person" and t.lower_ in title.split() and all(q in title for q in qualifiers):
            return m.name
        words = m.name.lower().split()  # "Crown Prince Abdullah bin Abdul Aziz": the title inside the name
        if m.kind == "person" and t.lower_ in words and all(q in words for q in qualifiers):
            return m.name
    if t.lower_ == "leader" and len(qualifiers) == 1:  # "the Ukrainian leader": Ukraine's head
        code = demonym_country(qualifiers[0])
        for m in ctx.names.mentions_before(t.idx):
            title = ctx.names.title_of(m.name) or ""
            head = bool(_HEADS & set(f"{title} {m.name}".lower().split()))  # "King Fahd"
            if (
                code
                and head
                and m.kind == "person"
                and code in (role_country(title), _country_after(ctx, m.end))
            ):
                return m.name
    if t.lower_ in ("leader", "president") and len(qualifiers) == 1 and ctx.published:
        return _head_of_state(ctx, demonym_country(qualifiers[0]))  # "the Russian leader" in 2018: Putin
    return None  # "the French president" with no French president named: better nobody than Xi


_SEATS = {"RU": "kremlin", "US": "white house", "FR": "elysee"}


def _head_of_state(ctx: ArticleContext, code: str | None) -> str | None:
    """The president the seats table gives for the country on the article's day, if named in it."""
    seat = _SEATS.get(code or "")
    return occupant_named(ctx, seat, ctx.published) if seat and ctx.published else None


def occupant_named(ctx: ArticleContext, seat: str, day: dt.date) -> str | None:
    """The seat's occupant on ``day`` (see ``seats``), by the article's name for them, if it names them."""
    surname = occupant(seat, day)
    if surname is None or ctx.names.kind_of(surname) != "person":
        return None
    return ctx.names.canonical(surname)


def titled_subject(ctx: ArticleContext, pron: Token) -> Participant | None:
    """ "the president decided to swap out Tillerson for Pompeo ahead of his coming meeting",
    "the president suggested that he would release ...": his/her, or he/she under a reporting
    verb, is that clause's subject, here named only by title, not the last person named."""
    if pron.lower_ in ("he", "she") and pron.dep_ == "nsubj" and pron.head.dep_ == "ccomp":
        node = pron.head
    elif pron.lower_ in ("his", "her"):
        node = pron
    else:
        return None
    for _ in range(5):
        if node.head.i == node.i:
            return None
        node = node.head
        subjects = [c for c in node.children if c.dep_ == "nsubj"] if node.pos_ in ("VERB", "AUX") else []
        if subjects:
            subj = subjects[0]
            the = any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children)
            country = _country_of_title(subj)
            if subj.ent_type_ or not (the or country) or subj.lower_ not in TITLE_WORDS:
                return None
            name = titled_person(ctx, subj)
            if name:
                return participant_named(ctx, name)
            gaz = get_gazetteer()  # "Russia's foreign minister cancelled his trip": unnamed, Russia's
            return Participant(gaz.country_name(country), "country") if country else None
    return None


def _country_of_title(title: Token) -> str | None:
    """The country a title's owner serves: "Russia's foreign minister", "the Russian minister"."""
    gaz = get_gazetteer()
    for c in title.children:
        if c.dep_ == "poss" and c.ent_type_ == "GPE":
            code = gaz.country_code(c.text)
        elif c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP":
            code = demonym_country(c.text)
        else:
            continue
        if code:
            return code
    return None


def _country_after(ctx: ArticleContext, end: int) -> str | None:
    """The country code of an "of <country>" right after a name: "King Fahd of Saudi Arabia"."""
    match = _OF_COUNTRY.match(ctx.text, end)
    return get_gazetteer().country_code(match.group(1)) if match else None


def officials_of(ctx: ArticleContext, trigger: Token, frame: set[int]) -> list[Participant]:
    """ "the foreign ministers of Armenia and Azerbaijan": the people titled "... Foreign Minister"
    whose title names one of those countries ("Armenian Foreign Minister Ararat Mirzoyan")."""
    gaz = get_gazetteer()
    out: list[Participant] = []
    for t in trigger.doc[trigger.left_edge.i : trigger.right_edge.i + 1]:
        if t.i not in frame or t.lower_ not in _PLURAL_TITLES:
            continue
        mods = {c.lower_ for c in t.children if c.dep_ in ("amod", "compound")}
        codes = {
            gaz.country_code(g.text)
            for c in t.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.subtree
            if g.ent_type_ == "GPE"
        } - {None}
        for m in ctx.names.mentions:  # the lead often names them only in the next sentence
            title = ctx.names.title_of(m.name) or ""
            words = set(title.lower().split())
            if m.kind == "person" and _PLURAL_TITLES[t.lower_] in words and mods <= words:
                if role_country(title) in codes and m.name not in {p.name for p in out}:
                    out.append(participant_named(ctx, m.name))
    return out
