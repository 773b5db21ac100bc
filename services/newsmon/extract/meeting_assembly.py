"""A named assembly in session, addressed by a speaker: the speaker attends the body's meeting.

"Nikki Haley addressed the U.N. General Assembly this morning", "Mr. Trump told the annual United
Nations General Assembly on Tuesday", "in his remarks at the General Assembly", "Rouhani told an
open session of parliament": a session of a named body is a meeting (the guideline's council kind),
and whoever addresses it takes part. A speech is not a meeting by itself; the assembly makes it one.
Also who a meeting noun "included" ("Kerry's meetings Monday included Saeb Erekat and ...").
"""

from __future__ import annotations

from spacy.tokens import Token

from newsmon.extract.lexicon import PARTICIPANT_LABELS

_ADDRESS = {"address", "tell", "brief"}
_SPEECHES = {"address", "speech", "remark", "remarks", "keynote", "appearance"}
_BODY_PREPS = {"to", "at", "before"}
# the chambers whose "session" is one sitting ("an open session of parliament")
LEGISLATURES = set("parliament congress legislature assembly knesset senate duma bundestag majlis".split())


def _assembly_name(tok: Token) -> bool:
    """ "the (U.N.) General Assembly", "the National Assembly": a named assembly, not "an assembly line"."""
    return tok.lemma_.lower() == "assembly" and tok.pos_ == "PROPN" and bool(tok.ent_type_)


def addressed_assembly(tok: Token) -> bool:
    """A named assembly that someone addresses: the object of "addressed" / "told", or where a
    speech is given ("remarks at the General Assembly", "a speech to the General Assembly")."""
    if not _assembly_name(tok):
        return False
    if tok.dep_ in ("dobj", "dative") and tok.head.lemma_.lower() in _ADDRESS:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in _BODY_PREPS:
        holder = tok.head.head
        return holder.lemma_.lower() in _SPEECHES and holder.pos_ == "NOUN"
    return False


def of_a_legislature(tok: Token) -> bool:
    """ "a session of parliament", "the joint session of the Knesset": a sitting of a chamber."""
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.lemma_.lower() in LEGISLATURES for g in c.children)
        for c in tok.children
    )


_CLOSED = {"classified", "closed", "closed-door", "private", "secret", "confidential"}
_PRESS = {"press", "media", "news", "daily", "web", "background", "reporter", "televised", "house"}


def closed_briefing(tok: Token) -> bool:
    """ "during a briefing with members of the House Intelligence Committee", "requested a classified
    briefing from Pompeo and Mattis": one briefing of named officials, behind closed doors; not a
    press or televised briefing, "briefings" in general, or one told only by its topic."""
    if tok.lemma_.lower() != "briefing" or tok.tag_ != "NN":
        return False
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
    if mods & _PRESS:
        return False
    named = any(
        c.dep_ == "prep"
        and c.lower_ in ("with", "from", "for", "by")
        and any(t.ent_type_ in PARTICIPANT_LABELS for t in c.subtree)
        for c in tok.children
    )
    return named or bool(mods & _CLOSED)


def included_parties(trigger: Token) -> list[Token]:
    """ "Kerry's meetings Monday included Saeb Erekat and Nabil Elaraby": the named people a meeting
    noun's "include"/"involve" takes, when the verb agrees with it ("the trip include Sen. Tester"
    is a misparse of "Others not making the trip include ...")."""
    verb = trigger.head
    agrees = (trigger.tag_, verb.tag_) in (("NN", "VBZ"), ("NNS", "VBP")) or verb.tag_ == "VBD"
    if not (agrees or (verb.tag_ == "VB" and any(c.dep_ == "aux" for c in verb.children))):
        return []  # "will include" agrees too
    named = [c for c in verb.children if c.dep_ == "dobj"]  # "negotiator Saeb Erekat": the appositive
    return [
        c
        for c in named
        if c.pos_ == "PROPN" or any(g.dep_ == "appos" and g.ent_type_ == "PERSON" for g in c.children)
    ]
