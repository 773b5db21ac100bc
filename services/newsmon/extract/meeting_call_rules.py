"""Phone calls and conversations, for :func:`newsmon.extract.meeting_cues.find_triggers`: "called
Netanyahu on Sunday", "spoke by telephone with Erdogan", "had spoken to the chief of staff"; and
the senses of "call" that are no call ("called him a liar", "called on Congress to act")."""

from __future__ import annotations

from spacy.tokens import Token

from newsmon.extract.date_patterns import WEEKDAYS
from newsmon.extract.lexicon import OBJECT_CONTROL, TITLE_WORDS
from newsmon.extract.meeting_cue_rules import PHONE, audience_only, has_prep, media_name


def by_phone_with(tok: Token) -> bool:
    near = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "prep"))]
    # "discussed the issue by telephone with Erdogan": "with" may hang off the phone noun
    near += [g for n in near if n.dep_ == "prep" for g in n.children if g.lower_ in PHONE]
    by_phone = any(
        c.dep_ in ("prep", "agent")
        and c.lower_ in ("by", "over", "via")
        and any(g.lower_ in PHONE for g in c.children)
        for n in near
        for c in n.children
    )
    with_someone = any(c.dep_ == "prep" and c.lower_ == "with" for n in near for c in n.children) or any(
        c.dep_ == "prep" and c.lower_ == "to" and any(t.ent_type_ == "PERSON" for t in c.subtree)
        for n in near
        for c in n.children
    )  # "offered his condolences via telephone to Mr. Foley's parents"
    # "Mugabe had told President Jacob Zuma by telephone": the person told was on the line
    told = tok.lemma_.lower() in ("tell", "inform", "assure", "brief") and any(
        c.dep_ in ("dobj", "dative") and c.ent_type_ == "PERSON" for c in tok.children
    )
    return by_phone and (with_someone or told)


def spoke_with(tok: Token) -> bool:
    """ "had spoken to the chief of staff, Ron Feld, on Wednesday": a dated exchange with a named person."""
    if tok.lemma_.lower() not in ("speak", "talk"):
        return False
    people = [
        g
        for c in tok.children
        if (c.dep_ == "prep" and c.lower_ in ("with", "to")) or c.dep_ in ("npadvmod", "appos")
        for g in c.subtree
        if g.ent_type_ == "PERSON"
    ]
    # the one spoken with is a person, not "Breitbart News about Clinton" (an interview)
    objects = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "to") for g in c.children]
    if objects and all(g.ent_type_ in ("ORG", "WORK_OF_ART") for g in objects):
        return False
    dated = any(t.ent_type_ in ("DATE", "TIME") for c in tok.children if c.dep_ != "prep" or c.lower_ == "on"
                for t in c.subtree)  # fmt: skip
    # "Grassley spoke with Garland": one named person to another is an exchange even undated
    clause = tok  # "McConnell bypassed Mr. Reid to speak directly with Biden": the controller speaks
    if tok.dep_ in ("xcomp", "advcl") and any(c.tag_ == "TO" for c in tok.children):
        if tok.head.lemma_.lower() not in OBJECT_CONTROL:  # not "encouraged Xi to speak with Zelensky"
            clause = tok.head
    person_subject = any(
        c.dep_ == "nsubj"
        and (
            c.ent_type_ == "PERSON"
            or c.lower_ in ("he", "she")
            or _envoys(c)
            or any(a.dep_ == "appos" and a.ent_type_ == "PERSON" for a in c.children)
        )  # "the top Republican negotiator, Sen. Mitch McConnell, ..."
        for c in clause.children
    )
    has_to = has_prep(tok, {"with", "to"})
    return bool(people) and (dated or person_subject) and has_to and not audience_only(tok)


_ENVOYS = {"minister", "foreign", "diplomat", "envoy", "ambassador", "president", "leader", "chancellor"}


def _envoys(subject: Token) -> bool:
    """ "Foreign ministers from China and Russia (spoke with Ri)": office holders sent by named
    countries, not reporters."""
    return subject.lemma_.lower() in _ENVOYS and any(
        c.dep_ == "prep" and c.lower_ == "from" and any(g.ent_type_ == "GPE" for g in c.subtree)
        for c in subject.children
    )


_CALL_PARTICLES = {"out", "off", "on", "for", "in"}


def _a_description(tok: Token) -> bool:
    """ "a special person", "his friend": what someone is called."""
    return tok.pos_ == "NOUN" and any(
        (c.dep_ == "det" and c.lower_ in ("a", "an")) or (c.dep_ == "poss" and c.pos_ == "PRON")
        for c in tok.children
    )


def _a_label(tok: Token) -> bool:
    """A noun the parser hung as an apposition though no comma sets it off: the second object of
    "called Rep. John Lewis (D-GA) the 'n-word'" (a real apposition reads "Macron, the president")."""
    if tok.pos_ != "NOUN" or tok.ent_type_:
        return False
    before = tok.doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else None
    return before is not None and before.text not in (",", "(", "—", "–", "-", ":", ";")


_BENCHES = set(
    "panel committee subcommittee court jury congress senate house board tribunal commission".split()
)


def _before_a_bench(tok: Token) -> bool:
    """ "call Sessions before his panel" (however the parser hangs "before")."""
    doc = tok.doc
    for t in tok.subtree:
        if t.i > tok.i and t.lower_ == "before":
            nxt = t.i + 1
            while nxt < len(doc) and doc[nxt].dep_ in ("det", "poss", "amod", "compound"):
                nxt += 1
            if nxt < len(doc) and doc[nxt].lemma_.lower() in _BENCHES:
                return True
    return False


def _names_the_noun_before(tok: Token) -> bool:
    """ "a charity in 2005 called X", parsed as a clause of its own: no subject, no auxiliary, a
    noun or number right before it and a named predicate after it."""
    return (
        tok.i > 0
        and tok.doc[tok.i - 1].pos_ in ("NOUN", "PROPN", "NUM")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)
        and any(c.dep_ == "oprd" for c in tok.children)
    )


def _quoted_label(objs: list[Token]) -> bool:
    """ "calls Orlando shooter Omar Mateen "one of the soldiers of the caliphate"", "called Mr. Kaine,
    who formerly served as governor, a "failed governor"": a name given."""
    doc = objs[0].doc if objs else None
    if doc is None:
        return False
    return any(
        o.right_edge.i + 1 < len(doc) and doc[o.right_edge.i + 1].text in _OPENING_QUOTES for o in objs
    ) or any(
        t.text in _OPENING_QUOTES and t.i > 0 and doc[t.i - 1].lower_ in ("a", "an")
        for o in objs
        for t in o.subtree
    )


_WORKS = {"LAW", "WORK_OF_ART", "EVENT", "PRODUCT"}
_NAMED_THINGS = set(
    "section law bill act program programme plan group project operation policy book film".split()
)
_OPENING_QUOTES = ('"', "\u201c")


_PERSONAL = {"he", "she", "i", "we", "they"}
_CALL_PURPOSES = {
    "tell", "ask", "discuss", "inform", "congratulate", "offer", "express", "urge", "warn",
    "apologize", "thank", "convey", "notify", "brief", "request", "invite",
}  # fmt: skip


def _calls_on_to(tok: Token) -> bool:
    """ "called on Congress to act", "call upon X to investigate" (however the parser hangs "on")."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ not in ("on", "upon"):
        return False
    return any(
        t.pos_ in ("VERB", "AUX") and any(c.tag_ == "TO" for c in t.children)
        for t in tok.subtree
        if t.i > tok.i
    )


def _called_him_or_dated_name(tok: Token, objs: list[Token]) -> bool:
    """ "Trump called him from Air Force One", "called her Friday to ask"; and "Kelly called
    Tillerson Friday", which the small model parses as one noun "Tillerson Friday"."""
    if any(
        c.dep_ in ("npadvmod", "oprd", "dobj")
        and c.lower_ in WEEKDAYS
        and any(g.dep_ == "compound" and g.ent_type_ in ("PERSON", "ORG") for g in c.children)
        for c in tok.children
    ):
        return True
    if any(c.dep_ == "oprd" for c in tok.children):
        return False  # "called him a liar"
    if len(objs) != 1 or objs[0].lower_ not in ("him", "her"):
        return False
    return any(
        c.ent_type_ in ("DATE", "TIME")
        or (c.dep_ == "prep" and c.lower_ == "from")
        or (
            c.dep_ in ("advcl", "xcomp")
            and c.lemma_ in _CALL_PURPOSES
            and any(a.lower_ == "to" for a in c.children)
        )
        for c in tok.children
    )


def _also_called(tok: Token) -> bool:
    """ "an offshoot also called ISIS": a thing (no person, no title) "also called" a name."""
    if tok.i < 2 or tok.doc[tok.i - 1].lower_ != "also":
        return False
    noun = tok.doc[tok.i - 2]
    return noun.pos_ == "NOUN" and not noun.ent_type_ and noun.lemma_.lower() not in TITLE_WORDS


def is_phone_verb(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    words = {t.lower_ for t in tok.subtree}
    if lemma == "phone":
        return True
    if lemma == "call":  # "called Carson a special person" names, it does not phone
        if any(c.dep_ == "prt" and c.lower_ in _CALL_PARTICLES for c in tok.children):
            return False  # "called out Trump" criticises, "called off the talks" cancels
        if _calls_on_to(tok):
            return False  # "call on Inspector General Grimm to investigate": a demand
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(c.dep_ == "nsubj" for c in tok.children):
            return False  # "a civil rights group called Color of Change" names the group
        if _also_called(tok):
            return False  # "a radical al-Qaeda offshoot also called ISIS and ISIL" names it
        if _before_a_bench(tok):
            return False  # "to call Sessions before his panel": a summons to testify
        if any(c.dep_ == "oprd" and c.ent_type_ in _WORKS for c in tok.children) or any(
            c.dep_ == "nsubj" and c.pos_ == "NOUN" and not c.ent_type_ and c.lemma_.lower() in _NAMED_THINGS
            for c in tok.children
        ):
            return False  # "the section of law called the Family First Prevention Services Act"
        if _names_the_noun_before(tok):
            return False  # "founded a charity in 2005 called the Doctor Kelley Cancer Foundation"
        objs = [c for c in tok.children if c.dep_ in ("dobj", "oprd")]
        if any(media_name(o) for o in objs):
            return False  # "calling Yahoo News to ask readers to watch": an interview, not a call
        if any(t.lemma_.lower() == "witness" and t.head.lower_ == "as" for t in tok.subtree):
            return False  # "to call Biden's son Hunter ... as witnesses"
        if _called_him_or_dated_name(tok, objs):
            return True
        if _quoted_label(objs):
            return False
        if any(
            _a_description(a) or _a_label(a) for o in objs for a in o.children if a.dep_ in ("appos", "dobj")
        ):
            return False  # "called Ben Carson a special person", "calling Trump his friend" (misparsed)
        if len(objs) == 1 and objs[0].pos_ == "PROPN" and objs[0].ent_type_ in ("PERSON", "ORG"):
            return True  # "called Naghmeh Abedini" (the small model sometimes says oprd)
        caller_named = any(  # "he would call his allies, ... Shinzo Abe": a pronoun stands for a name
            c.dep_ == "nsubj" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN" or c.lower_ in _PERSONAL)
            for c in tok.children
        )
        named = [  # "called Clara Powers"; "Palin called a delegate candidate, Clara Powers" (not
            c  # "the prosecution will call the charity's finance director, Paul Wren": a witness)
            for c in objs
            if c.ent_type_ == "PERSON"
            or (
                caller_named
                and any(
                    a.dep_ == "appos" and any(t.ent_type_ == "PERSON" for t in a.subtree) for a in c.children
                )
            )
        ]
        if any(c.dep_ == "oprd" for c in tok.children):  # "called Carson a special person"
            return len(objs) == 1 and bool(named)  # unless the "predicate" is the callee with a name
        return any(c.dep_ == "dobj" for c in named)
    return bool(words & {"phone", "telephone", "video", "videoconference"}) and has_prep(
        tok, {"with", "to", "by"}
    )


def talks_with_state(tok: Token) -> bool:
    """ "the U.S. was willing to talk with Pyongyang", "Iran is ready to talk to Washington": "talk"
    with a country (or a capital standing for its government) as the other side is negotiations."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() != "talk":
        return False
    sides = [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("with", "to")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return any(g.ent_type_ == "GPE" for g in sides)
