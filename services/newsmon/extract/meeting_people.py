"""Participants: entity spans and pronouns turned into normalised people, bodies and countries.

Names go through the article's name index (``ctx.names.canonical``: "Sherman" -> "Wendy
Sherman"), countries through the gazetteer ("U.S." -> "United States"), demonyms of delegations
("the Russian delegation") to their country.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from newsmon.extract.context import ArticleContext
from newsmon.extract.entity_repairs import is_big_place
from newsmon.extract.lexicon import FEMALE_NAMES, MALE_NAMES, PARTICIPANT_LABELS
from newsmon.extract.meeting_frame import PRONOUNS
from newsmon.extract.meeting_merge import Participant
from newsmon.extract.meeting_names import a_party, is_title_modifier
from newsmon.extract.places import get_gazetteer
from newsmon.extract.spans import doc_ents

FIRST_NAMES = MALE_NAMES | FEMALE_NAMES
# "the two leaders" are the last two people whose titles say so, not a commentator quoted since
_TITLE_HINTS = {
    "leaders": ("president", "prime", "chancellor", "king", "premier"),
    "presidents": ("president",),
    "ministers": ("minister", "secretary"),
    "diplomats": ("minister", "secretary", "ambassador", "envoy"),
}
_PARTIES = {"sides", "delegations", "countries", "nations", "governments", "capitals"}
_PLURAL_ANAPHORS = {"both", "two", "three", "pair", "duo"}


def person_name(ctx: ArticleContext, text: str) -> str | None:
    """The full name of a person the tagger mislabelled ("Olaf Scholz" as ORG, "Scholz" as GPE):
    known to the name index as a person, or a non-place whose fullest form starts with a first name."""
    if ctx.names.kind_of(text) == "person":
        return ctx.names.canonical(text)
    gaz = get_gazetteer()
    if gaz.lookup(text) is not None or not text[:1].isupper():
        return None
    last = text.split()[-1]
    fuller = [m.name for m in ctx.names.mentions if m.name.split()[-1] == last and " " in m.name]
    full = max(fuller, key=len) if fuller else text
    first = full.split()[0].lower()
    return full if " " in full and first in FIRST_NAMES else None


_GROUP_NUMBERS = {"7": "Seven", "8": "Eight", "20": "Twenty"}
_GROUP = re.compile(r"G-?(7|8|20)", re.IGNORECASE)


def group_name(ctx: ArticleContext, short: str) -> str:
    """ "G20" -> the long form the article itself uses ("Group of 20" or "Group of Twenty"), else
    the short form as written: outlets differ, and the fullest name is the article's own."""
    m = _GROUP.fullmatch(short)
    if not m:
        return short
    num = m.group(1)
    long = re.search(rf"\bGroup of (?:{num}|{_GROUP_NUMBERS[num]})\b", ctx.text)
    return long.group(0) if long else short


def expand_acronym(ctx: ArticleContext, name: str) -> str:
    """ "ASEAN" -> "Association of Southeast Asian Nations" when the article spells it out."""
    if _GROUP.fullmatch(name):
        return group_name(ctx, name)
    if not (name.isupper() and 2 <= len(name) <= 7 and name.isalpha()):
        return name
    for m in ctx.names.mentions:
        if m.kind == "organization" and " " in m.name and _spells(name.lower(), m.name):
            return m.name
    return name


def _spells(acr: str, full: str) -> bool:
    """Every word starts the next letter; a word may give more letters from inside ("Southeast")."""
    stop = ("of", "and", "the", "for", "in", "on")
    words = [w.lower() for w in full.replace("-", " ").split() if w.lower() not in stop]

    def match(i: int, k: int) -> bool:
        if k == len(words):
            return i == len(acr)
        w = words[k]
        if i >= len(acr) or w[0] != acr[i]:
            return False
        j, pos = i + 1, 1
        if match(j, k + 1):
            return True
        while j < len(acr):
            pos = w.find(acr[j], pos)
            if pos < 0:
                return False
            j, pos = j + 1, pos + 1
            if match(j, k + 1):
                return True
        return False

    return match(0, 0)


_AGENCIES = r"(?:Reuters|AP|AFP|Getty|EPA|Bloomberg|Pool|UPI|Xinhua|TASS|Sputnik)"
_PHOTO_CREDIT = re.compile(rf"\s?/\s?{_AGENCIES}\b")
_WIRE_CREDIT = re.compile(rf"\({_AGENCIES}\)")  # "ISLAMABAD (AP) —": the dateline's wire, anywhere


def participant(ctx: ArticleContext, ent: Span) -> Participant | None:
    """A normalised participant for a PERSON/ORG/GPE/NORP span, or None (cities, unknown groups)."""
    gaz = get_gazetteer()
    if ent.label_ == "PERSON" and _PHOTO_CREDIT.match(ctx.text, ent.end_char):
        return None  # "Henry Romero/Reuters Canadian Deputy Prime Minister ...": who took the photo
    if ent.start_char > 0 and _WIRE_CREDIT.fullmatch(ctx.text, ent.start_char - 1, ent.end_char + 1):
        return None  # a dateline after the photo captions is not at the text's start
    if len(ent) == 1 and ent.text.isupper() and ent.root.pos_ in ("ADJ", "ADV"):
        return None  # "I had a GREAT meeting": a shouted word, not an organisation
    text = _extend_name(ent).strip()
    full = person_name(ctx, text) if ent.label_ != "NORP" else None
    label = "PERSON" if full else ent.label_
    if label == "PERSON" and not full and ctx.names.kind_of(text) != "person" and is_big_place(text):
        label = "GPE"  # "Bratislava" tagged a person: a city of 200k+ the article names no one after
    if label == "PERSON":
        name = full or ctx.names.canonical(text)
        if text == ent.text.strip():
            name = ctx.names.canonical_span(ent)  # "Mr. Clinton" beside "Hillary Clinton": Bill Clinton
        if not name or name.lower() in PRONOUNS:
            return None
        role = ctx.names.title_of(name)
        return Participant(name, "person", role, role_country(role))
    if label == "ORG":
        name = ctx.names.canonical(text)
        if gaz.city_candidates(name) and not gaz.country_code(name):
            return None  # "Kyiv trip": a city the tagger took for an organisation
        code = gaz.country_code(name)
        if code:  # "U.S." is sometimes tagged ORG
            return Participant(gaz.country_name(code), "country", None)
        return Participant(expand_acronym(ctx, name), "organization", None) if name else None
    if label == "GPE":
        place = gaz.lookup(ctx.names.canonical(text))
        code = gaz.capital_of(text) if _metonym_slot(ent) else None
        if code:  # "talks between officials from Pyongyang and Washington": the capitals stand for states
            return Participant(gaz.country_name(code), "country", None)
        if place is None or place.kind != "country":
            return None  # a city is where a meeting is, not who meets
        return Participant(place.name, "country", None)
    if label == "NORP":
        code = demonym_country(text)
        if code is None and a_party(ent):
            return Participant(ent.root.text, "organization", None)  # "talks with the Democrats"
        return Participant(gaz.country_name(code), "country", None) if code else None
    return None


def _metonym_slot(ent: Span) -> bool:
    """A place name in a party's slot: "between Washington and Beijing", "talks with Moscow",
    "officials from Pyongyang" (not "flew from Washington", "talks in Moscow")."""
    tok = ent.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ in ("between", "with"):
        return prep.head.pos_ in ("NOUN", "VERB")
    return prep.lower_ == "from" and prep.head.pos_ == "NOUN"


def participants_of(ctx: ArticleContext, ent: Span) -> list[Participant]:
    """Like :func:`participant`, but "Armenia-Azerbaijan talks" / "Biden-Xi summit" give both sides."""
    found = _pair_sides(ctx, ent.text)
    if len(found) == 2:
        return found
    one = participant(ctx, ent)
    return [one] if one else []


def _pair_sides(ctx: ArticleContext, text: str) -> list[Participant]:
    """The sides of "Armenia-Azerbaijan" / "Biden-Xi" that are a country or a person the article names."""
    parts = [p.strip() for p in text.replace("–", "-").split("-")]
    found: list[Participant] = []
    if len(parts) != 2 or not all(parts):
        return found
    gaz = get_gazetteer()
    for part in parts:
        code = gaz.country_code(part)
        if code:
            found.append(Participant(gaz.country_name(code), "country", None))
        elif ctx.names.kind_of(part) == "person":
            name = ctx.names.canonical(part)
            found.append(Participant(name, "person", ctx.names.title_of(name)))
    return found


def hyphen_pair(ctx: ArticleContext, tok: Token) -> list[Participant]:
    """ "the Trump-Putin summit", "U.S.-China talks": the sides of a pair written before a meeting
    noun, which the small model often leaves without any entity."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return []
    doc = tok.doc
    found: list[Participant] = []
    for i in range(tok.left_edge.i, tok.i):
        t = doc[i]
        if t.pos_ == "PROPN" and any(h in t.text[1:-1] for h in "-–"):
            found += _pair_sides(ctx, t.text)  # one token: "U.S.-China"
        elif (
            t.text in ("-", "–")
            and 0 < i < tok.i - 1
            and not doc[i - 1].whitespace_
            and not t.whitespace_
            and doc[i - 1].pos_ == doc[i + 1].pos_ == "PROPN"
        ):
            found += _pair_sides(ctx, f"{doc[i - 1].text}-{doc[i + 1].text}")  # "Trump", "-", "Putin"
    return found


def _extend_name(ent: Span) -> str:
    """ "Yoon Suk" + "Yeol": the tagger sometimes stops one capitalised token short."""
    doc = ent.doc
    end = ent.end
    while ent.label_ == "PERSON" and end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
        if doc[end].ent_type_ or end - ent.end >= 1:
            break
        end += 1
    return doc[ent.start : end].text


_ORG_NOUNS = {"club", "company", "firm", "union"}


def body_named(ctx: ArticleContext, word: str, before: int) -> str | None:
    """ "the council" -> the council the article named; "the club" / "the company" -> the
    organisation the article names most often before (the club the sports story is about)."""
    named = [m for m in ctx.names.mentions_before(before) if m.kind == "organization"]
    body = next((m.name for m in named if word in m.name.lower()), None)
    if body or word not in _ORG_NOUNS or not named:
        return body
    counts = {m.name: sum(1 for n in named if n.name == m.name) for m in named}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] >= 2 else None  # named once ("the Champions Trophy"): not the club


def participant_named(ctx: ArticleContext, name: str) -> Participant:
    """A person participant from a name the index already knows."""
    role = ctx.names.title_of(name)
    return Participant(name, "person", role, role_country(role))


# demonyms that do not share their country's stem (ISO 3166 codes); the rest are found by stem
_DEMONYMS = dict(
    item.split("=")
    for item in (
        "german=DE british=GB briton=GB english=GB scottish=GB welsh=GB dutch=NL swiss=CH danish=DK "
        "dane=DK swedish=SE swede=SE finnish=FI finn=FI norwegian=NO polish=PL pole=PL spanish=ES "
        "spaniard=ES portuguese=PT greek=GR turkish=TR turk=TR irish=IE korean=KR saudi=SA afghan=AF "
        "belgian=BE hungarian=HU czech=CZ slovak=SK thai=TH filipino=PH emirati=AE mexican=MX "
        "italian=IT lebanese=LB moroccan=MA peruvian=PE kazakh=KZ uzbek=UZ bosnian=BA kosovar=XK "
        "cypriot=CY french=FR frenchman=FR"
    ).split()
)


def demonym_country(word: str) -> str | None:
    """ "Russian" -> RU, "Ukrainian" -> UA, "Israeli" -> IL: the country sharing the demonym's stem
    (or an irregular one: "German" -> DE, "British" -> GB)."""
    gaz = get_gazetteer()
    w = word.strip().lower()
    if w.startswith("the "):
        w = w[4:]
    base = w[:-1] if w.endswith("s") and w[:-1] in _DEMONYMS else w  # "Germans", "Saudis"
    if base in _DEMONYMS:
        return _DEMONYMS[base]
    for cut in (0, 1, 2, 3):
        stem = w[: len(w) - cut] if cut else w
        if len(stem) < 4:
            break
        for cand in (stem, stem + "a", stem + "e"):
            code = gaz.country_code(cand)
            if code:
                return code
    return None


def role_country(role: str | None) -> str | None:
    """The country a title names ("Russian Deputy Foreign Minister" -> RU), for merging people with
    the countries whose delegations they lead."""
    if not role:
        return None
    for word in role.replace("’", "'").split():
        if word.rstrip(",") in ("U.S.", "U.K.", "US", "UK"):
            return get_gazetteer().country_code(word.rstrip(","))  # "U.S. Secretary of State"
        word = word.strip(".,'s")
        if word[:1].isupper() and len(word) >= 4:
            code = demonym_country(word) or get_gazetteer().country_code(word)
            if code:
                return code
    return None


def subjects_above(trigger: Token) -> list[Span]:
    """Named subjects (or agents) of the nearest verbs above the trigger: "their meeting" -> who."""
    node = trigger
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX"):
            for c in node.children:
                if c.dep_ in ("nsubj", "nsubjpass", "agent"):
                    ents = [
                        e
                        for e in doc_ents(c.doc)
                        if e.label_ in PARTICIPANT_LABELS
                        and c.left_edge.i <= e.start
                        and e.end <= c.right_edge.i + 1
                        and not is_title_modifier(e)
                    ]
                    if ents:
                        return ents
        if node.head.i == node.i:
            break
        node = node.head
    return []


def plural_anaphor(trigger: Token) -> str | None:
    """ "the two leaders met", "both sides", "the two men had agreed during a meeting": who the
    anaphor stands for -- ``"people"`` (men, leaders, ministers) or ``"parties"`` (sides,
    delegations, countries) -- or None."""
    for prep in trigger.children:  # "a meeting between the two presidents"
        if prep.dep_ == "prep" and prep.lower_ in ("between", "of", "with"):
            for obj in prep.children:
                words = {t.lower_ for t in obj.subtree}
                if obj.dep_ == "pobj" and not obj.ent_type_ and words & _PLURAL_ANAPHORS:
                    return "parties" if words & _PARTIES else "people"
    node = trigger
    for _ in range(3):
        if node.pos_ in ("VERB", "AUX"):
            for c in node.children:
                if c.dep_ in ("nsubj", "nsubjpass") and not c.ent_type_:
                    words = {t.lower_ for t in c.subtree}
                    if words & _PLURAL_ANAPHORS:
                        return "parties" if words & _PARTIES else "people"
            return None
        if node.head.i == node.i:
            break
        node = node.head
    return None


def last_two_named(ctx: ArticleContext, before: int, kind: str, noun: str | None = None) -> list[Participant]:
    """The last two distinct people (or, for "the two sides", countries/bodies) named before ``before``."""
    out: list[Participant] = []
    gaz = get_gazetteer()
    pool = [m for m in ctx.names.mentions_before(before) if m.kind != "country" or gaz.country_code(m.name)]
    if kind == "people":
        pool = [m for m in pool if m.kind == "person"]
    else:  # "the two delegations": countries first, then bodies
        pool = [m for m in pool if m.kind == "country"] + [m for m in pool if m.kind == "organization"]
    if kind == "people":
        pool = [
            m
            for m in pool
            if demonym_country(m.name) is None and (" " in m.name or ctx.names.title_of(m.name))
        ]
        wanted = _TITLE_HINTS.get(noun or "", ())
        titled = [m for m in pool if any(w in (ctx.names.title_of(m.name) or "").lower() for w in wanted)]
        pool = titled + [m for m in pool if m not in titled] if len({m.name for m in titled}) >= 2 else pool
    for m in pool:
        if m.name not in {p.name for p in out}:
            role = ctx.names.title_of(m.name) if m.kind == "person" else None
            ptype = m.kind if m.kind != "organization" else "organization"
            out.append(Participant(m.name, ptype, role, role_country(role)))
            if len(out) == 2:
                return out
    return []
