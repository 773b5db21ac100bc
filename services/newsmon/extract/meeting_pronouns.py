"""Pronouns as meeting participants: he/she -> the reporting subject or the last person named
(a subject pronoun continues the recent sentences' subject); they/their -> the clause's subjects,
or its one person subject and the person that clause addresses ("proposed in a letter to Li that
they meet", "a press conference with the Russian leader after their meeting")."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from newsmon.extract.context import ArticleContext
from newsmon.extract.lexicon import TITLE_WORDS
from newsmon.extract.meeting_frame import PRONOUNS, governing_speaker
from newsmon.extract.meeting_merge import Participant
from newsmon.extract.meeting_people import (
    last_two_named,
    participant,
    participant_named,
    plural_anaphor,
    role_country,
    subjects_above,
)
from newsmon.extract.spans import doc_ents, ent_at, ents_within


def resolve_pronoun(
    ctx: ArticleContext,
    pron: Token,
    trigger: Token,
    have: list[Participant],
    titled: Callable[[Token], str | None] | None = None,
) -> list[Participant]:
    """he/she -> the reporting subject or the last person named; they/their -> the clause's subjects."""
    names = {p.name for p in have}
    gender = PRONOUNS[pron.lower_]
    maybe = [participant(ctx, e) for e in subjects_above(pron.head if pron.dep_ == "nsubj" else trigger)]
    found = [p for p in maybe if p is not None and p.name not in names]
    if gender == "pl":  # "As they met in Ottawa, Trump was miles away": one person is not "they"
        return _they(ctx, pron, trigger, have, found, titled)
    if pron.dep_ == "poss" and found and found[0].type == "person":
        return found[:1]  # "Scholz plans to follow with his own visit": his = the clause's subject
    ahead = _cataphora(ctx, pron, gender, names)
    if ahead is not None:
        return [ahead]
    speakers = governing_speaker(trigger)
    if pron.dep_ == "poss" and speakers:
        # "Steinitz said the issue will be discussed with Obama during his visit": the person the
        # reported clause names just before "his", not the one reporting it
        near = _named_in_report(ctx, pron, speakers, gender, names)
        if near is not None:
            return [near]
    for ent in speakers:
        p = participant(ctx, ent)
        if p and p.type == "person" and p.name not in names:
            return [p]
    before = [m for m in ctx.names.mentions_before(pron.idx) if m.kind == "person" and m.name not in names]
    fits = [m for m in before if ctx.names.gender_of(m.name) in (None, gender)]
    if pron.dep_ in ("nsubj", "nsubjpass"):  # a subject pronoun continues the last sentences' subject
        recent = pron.sent.start_char - 400
        subjects = [
            m
            for m in fits
            if m.is_subject and m.sent_start >= recent and not _quoted(ctx.text, m.sent_start, m.start)
        ]  # "'If Donald Trump becomes the president ...,' he said. He said he planned to visit": the speaker
        fits = subjects[:1] + fits
    if fits:
        role = ctx.names.title_of(fits[0].name)
        return [Participant(fits[0].name, "person", role, role_country(role))]
    return []


def _cataphora(ctx: ArticleContext, pron: Token, gender: str, names: set[str]) -> Participant | None:
    """ "As he did while traveling in South Africa this summer, Obama called on ...": a pronoun in a
    clause set before the main clause's named subject is that subject, not the last person named."""
    root = pron.sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj" and c.ent_type_ == "PERSON"), None)
    if subj is None or subj.left_edge.i <= pron.i:
        return None
    node = pron
    while node.head.i != root.i and node.head.i != node.i:
        node = node.head
    if node.dep_ not in ("advcl", "prep") or node.right_edge.i >= subj.left_edge.i:
        return None
    ent = ent_at(subj)
    p = participant(ctx, ent) if ent is not None and ent.label_ == "PERSON" else None
    if p is None or p.type != "person" or p.name in names:
        return None
    return p if ctx.names.gender_of(p.name) in (None, gender) else None


def _named_in_report(
    ctx: ArticleContext, pron: Token, speakers: list[Span], gender: str, names: set[str]
) -> Participant | None:
    """The last person named between the reporting speaker and a possessive pronoun, in its sentence."""
    after = max(e.end for e in speakers)
    people = [e for e in doc_ents(pron.doc) if e.label_ == "PERSON" and after <= e.start and e.end <= pron.i]
    for ent in reversed(people):
        p = participant(ctx, ent)
        if p and p.type == "person" and p.name not in names:
            if ctx.names.gender_of(p.name) in (None, gender):
                return p
    return None


def _they(
    ctx: ArticleContext,
    pron: Token,
    trigger: Token,
    have: list[Participant],
    found: list[Participant],
    titled: Callable[[Token], str | None] | None,
) -> list[Participant]:
    """they/their: the clause's subjects, or its one person subject and the person it addresses."""
    names = {p.name for p in have}
    subject = _subject_pronoun(pron)
    if not found and subject is not None:  # "the formula he agreed upon with Gorbachev at their summit"
        found = resolve_pronoun(ctx, subject, trigger, have)
    other = [p for p in (participant(ctx, e) for e in _addressee(pron)) if p is not None]
    if not other and titled is not None:  # "Trump said during a press conference with the Russian leader
        name = next((n for n in (titled(t.root) for t in _addressee(pron, titles=True)) if n), None)
        other = [participant_named(ctx, name)] if name else []  # after their July meeting"
        if other and not found:
            found = [p for p in (participant(ctx, e) for e in governing_speaker(trigger)) if p is not None]
    if len(found) == 1 and found[0].type == "person":
        return found + other[:1] if len(other) == 1 and other[0].name not in names else []
    if not found and not other and not have:
        found = _previous_pair(ctx, pron)
    return found


def _previous_pair(ctx: ArticleContext, pron: Token) -> list[Participant]:
    """ "The two men were barely acquainted. They met only briefly, in 2005": a sentence-opening
    "they" is the pair the sentence before had as its subject (named, or "the two men")."""
    if pron.dep_ != "nsubj" or pron.i != pron.sent.start or pron.sent.start == 0:
        return []
    before = ctx.doc[pron.sent.start - 1].sent
    # the names before its verb (its subject, however the parser hung them)
    named = [
        participant(ctx, e) for e in ents_within(before) if e.label_ == "PERSON" and e.end <= before.root.i
    ]
    people = [p for p in named if p is not None]
    if len(people) >= 2:
        return people
    if plural_anaphor(before.root) == "people":
        return last_two_named(ctx, pron.idx, "people")
    return []


def _subject_pronoun(pron: Token) -> Token | None:
    """The he/she subject of the clause a plural pronoun sits in ("he agreed ... at their summit")."""
    node = pron
    for _ in range(4):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            subj = [c for c in node.children if c.dep_ == "nsubj" and c.lower_ in ("he", "she")]
            return subj[0] if subj else None
    return None


def _addressee(pron: Token, titles: bool = False) -> list[Span]:
    """ "Lho proposed in a letter to his counterpart Li Gun-mo that they meet": the person the
    governing verb addresses, who with its subject makes "they" (``titles``: the title nouns there
    instead, "with the Russian leader", as one-token spans)."""
    node = pron.head
    for _ in range(3):
        if node.head.i == node.i:
            return []
        node = node.head  # the verb, or the noun it works through ("in a letter to ...")
        for prep in (c for c in node.children if c.dep_ == "prep" and c.lower_ in ("to", "with")):
            ents = [
                e
                for e in doc_ents(pron.doc)
                if e.label_ == "PERSON" and prep.i < e.start <= prep.right_edge.i
            ]
            if titles:
                ents = [
                    g.doc[g.i : g.i + 1]
                    for g in prep.children
                    if g.dep_ == "pobj" and g.lower_ in TITLE_WORDS
                ]
            if ents:
                return ents
    return []


def _quoted(text: str, sent_start: int, offset: int) -> bool:
    """Whether ``offset`` lies inside a quotation opened earlier in its sentence."""
    head = text[sent_start:offset]
    return head.count("“") > head.count("”") or head.count('"') % 2 == 1
