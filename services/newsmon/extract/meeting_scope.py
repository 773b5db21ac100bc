"""Frame extensions for parses where the meeting's people sit outside the trigger's own subtree.

Each function returns extra token indices for :func:`newsmon.extract.meeting_frame.frame_tokens`:

* "Saulo is due to discuss the findings with G20 ministers at a meeting in Rio": who discusses,
  and with whom, at the meeting (the subject may sit on a verb the action hangs from);
* "said that the governor was reviewing options and would meet ...", which the small model parses
  as a second conjunct of "said": the subject of the reported clause, not the speaker.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsmon.extract.lexicon import EPITHETS, TITLE_WORDS
from newsmon.extract.meeting_assembly import addressed_assembly, included_parties
from newsmon.extract.meeting_presence import trip_clause, unowned_trip
from newsmon.extract.meeting_setting import body_event_setting

_MODALS = {"would", "will", "could", "might", "may", "shall", "must"}


def subject_of(verb: Token, reporting: set[str]) -> list[Token]:
    """The nominal subject of ``verb``, or of the verbs it is an open complement of ("is due to
    discuss", "plans to raise"); never a reporting verb's subject."""
    node = verb
    for _ in range(3):
        if node.lemma_.lower() in reporting:
            return []
        subj = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj
        if node.dep_ not in ("xcomp", "acomp", "conj") or node.head.i == node.i:
            return []
        node = node.head
    return []


_BODIES = {"cabinet", "board", "council", "committee", "staff", "caucus", "leadership", "team"}


def _body_session(trigger: Token) -> bool:
    """ "recounted in an Oct. 21 cabinet meeting": a body's session, where who speaks sits."""
    return any(c.dep_ == "compound" and c.lower_ in _BODIES for c in trigger.children)


def at_meeting_scope(trigger: Token, reporting: set[str]) -> set[int]:
    """ "X discussed Y with Z at a meeting": X (the acting subject) and Z (the with-object)."""
    if not (trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "pobj"):
        return set()
    if body_event_setting(trigger):
        return set()  # "Wang and Ri met at the G20 summit": the summit's parties are not theirs
    if unowned_trip(trigger):  # "During a visit to Washington, Jordan's King Abdullah said": the visitor
        return {t.i for s in subject_of(trip_clause(trigger), set()) for t in s.subtree}
    call = trigger.lemma_.lower() in ("call", "conversation")
    verb = trigger.head.head
    # one meeting (not "meetings") a report was made in: "announced the deal during a meeting with Liu"
    sitting = (
        trigger.lemma_.lower() == "meeting" and trigger.tag_ == "NN" and verb.lemma_.lower() in reporting
    )
    # "crossed into North Korea during a meeting with Kim", "outline his plan in a meeting with House
    # leaders": who acts there took part
    met = trigger.head.lower_ in ("during", "in") and (_with_named(trigger) or _named_together(trigger, verb))
    # "he told reporters after emerging from an hours-long meeting with fellow Democrats": who leaves it
    met = met or (trigger.head.lower_ in ("from", "of") and verb.lemma_.lower() in _EXITS)
    if not (
        trigger.head.lower_ == "at" or met or (trigger.head.lower_ in ("during", "in") and (call or sitting))
    ):
        return set()  # "during a phone call with Putin": the caller; "during negotiations": anyone
    for _ in range(3):  # "informed Wang of the decision in a phone call": the call is the informing
        if not call or verb.pos_ == "VERB" or verb.dep_ not in ("pobj", "prep", "dobj"):
            break
        verb = verb.head
    if verb.pos_ != "VERB":
        return set()
    if verb.lemma_.lower() in reporting:
        if (call or sitting) and (_named_counterpart(trigger, verb) or _body_session(trigger)):
            # "Putin told Macron in a phone call", "In a call with Xi, Biden said", "announced the deal
            # during a meeting in the Oval Office with Liu He": who speaks there took part
            reporting = set()
        elif call or trigger.head.lower_ != "at":
            return set()
        else:
            reporting = set()  # "At a meeting in Paris, French and Soviet ministers said": they were there
    out: set[int] = set()
    subjects = subject_of(verb, reporting)
    if not subjects and verb.dep_ == "advcl" and verb.tag_ == "VBG" and _no_subject(verb):
        subjects = subject_of(verb.head, set())  # "Trump said while speaking at the Values Voter Summit"
    if not subjects and verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep":
        subjects = subject_of(verb.head.head, set())  # "he told reporters after emerging from a meeting"
    subjects = [
        s for s in subjects if not _a_thing(s)
    ]  # "rate futures are pricing in ... at the next Fed meeting"
    for s in subjects:
        out.update(t.i for t in s.subtree)
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            out.update(t.i for t in c.subtree)
        if call and c.dep_ == "dobj" and any(t.ent_type_ == "PERSON" for t in c.subtree):
            out.update(t.i for t in c.subtree)  # "informed Wang Yi of the decision in a phone call"
        if sitting and verb.lemma_.lower() == "tell" and c.dep_ in ("dobj", "dative"):
            out.update(t.i for t in c.subtree)  # "told House Democrats in a closed-door meeting"
    return out


_PEOPLE_NOUNS = (
    TITLE_WORDS
    | EPITHETS
    | set(
        "official lawmaker legislator delegate member people representative diplomat party side country "
        "government nation state group team delegation committee council panel board staff voter".split()
    )
)


def _named_together(trigger: Token, verb: Token) -> bool:
    """ "Freeland, Seade and Lighthizer sign documents during a meeting": one meeting, and the
    clause's subject is two or more named parties."""
    if trigger.lemma_.lower() != "meeting" or trigger.tag_ != "NN" or verb.pos_ != "VERB":
        return False
    for subject in (c for c in verb.children if c.dep_ == "nsubj" and c.ent_type_ == "PERSON"):
        words = list(subject.subtree)  # the caption parse hangs the "and" under a title, not the name
        people = sum(1 for t in words if t.ent_type_ == "PERSON" and t.ent_iob_ == "B")  # names begun
        if people >= 2 and any(t.dep_ == "cc" for t in words):
            return True
    return False


_EXITS = {"emerge", "leave", "exit", "walk", "come", "storm"}


def _with_named(trigger: Token) -> bool:
    """ "a meeting with Kim Jong-un", "talks with the Taliban": one meeting whose other side is named."""
    plural = trigger.tag_ == "NNS" and trigger.lower_ != "talks"  # "during meetings with": several
    if trigger.lemma_.lower() not in ("meeting", "talk") or plural:
        return False
    return named_side(trigger, ("with",))


def named_side(noun: Token, preps: tuple[str, ...]) -> bool:
    """A named person, body or country after one of ``preps`` on ``noun`` ("talks with Iran")."""
    sides = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in preps]
    return any(t.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") for c in sides for t in c.subtree)


def _a_thing(subject: Token) -> bool:
    """A subject that is no party: a common noun naming neither people nor a body ("futures")."""
    return subject.pos_ == "NOUN" and not subject.ent_type_ and subject.lemma_.lower() not in _PEOPLE_NOUNS


def _named_counterpart(call: Token, verb: Token) -> bool:
    """The call names who was on the other end: "a call with Xi", or the person told ("told Macron
    in a phone call"); not "said on a conference call with reporters"."""
    named = [t for t in call.subtree if t.dep_ == "prep" and t.lower_ == "with"]  # "in the Oval Office with"
    # the person told counts for a call, not for a meeting ("Xi told Trump during the meeting" tells of
    # a meeting reported elsewhere)
    told: list[Token] = []
    # ... unless the meeting is a new one the telling happened in: "told House Democrats in a
    # closed-door meeting"
    new = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in call.children)
    if (call.lemma_.lower() != "meeting" or new) and verb.lemma_.lower() == "tell":
        told = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if any(  # "In a leaked phone call, Obama told his former aides ...": not "told reporters on a call"
        c.pos_ == "NOUN" and c.lemma_.lower() not in _LISTENERS and any(p.dep_ == "poss" for p in c.children)
        for c in told
    ):
        return True
    return any(t.ent_type_ in ("PERSON", "GPE", "NORP", "ORG") for c in named + told for t in c.subtree)


_LISTENERS = set(
    "reporter journalist press media audience crowd viewer listener reader supporter fan".split()
)


def reported_conjunct_scope(trigger: Token, reporting: set[str]) -> set[int]:
    """ "X said that the governor was reviewing ... and would meet Y" mis-parsed as "said ... and
    would meet": the conjunct has a modal and no subject; its subject is the reported clause's."""
    head = trigger.head
    if not (
        trigger.pos_ == "VERB"
        and trigger.dep_ == "conj"
        and head.lemma_.lower() in reporting
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children)
        and any(c.dep_ == "aux" and c.lower_ in _MODALS for c in trigger.children)
    ):
        return set()
    for clause in head.subtree:
        if clause.i >= trigger.i or clause.pos_ not in ("VERB", "AUX") or clause.i == head.i:
            continue
        marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
        if clause.dep_ in ("ccomp", "acl") and marked:
            subj = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                return {t.i for s in subj for t in s.subtree}
    return set()


# the subject of these, with the meeting as object, takes part: "hosted the summit", "is not
# accepting the invitation", "extended an invitation"
_HOSTS = {"host", "chair", "attend", "convene", "organise", "organize", "accept", "decline", "extend"}


_PULL_OUT = {"pull", "back", "walk", "drop", "bow"}


def pulled_out_of(prep: Token) -> bool:
    """ "has pulled out of the scheduled summit", "backed out of the talks": the prep phrase's verb."""
    out = prep.head
    return (
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and out.lower_ == "out"
        and out.head.lemma_.lower() in _PULL_OUT
        and out.head.pos_ == "VERB"
    )


_ROLES = {"participant", "attendee", "delegate", "guest", "host", "member"}


def host_subjects(trigger: Token) -> list[Token]:
    """ "Scholz is due to host the Western Balkans summit": Scholz (the subject of the host verb);
    "China and Japan are key participants in the summit": the subjects of the role noun."""
    verb = trigger.head
    if trigger.dep_ == "pobj" and pulled_out_of(verb):
        return subject_of(verb.head.head, set())  # "Trump has pulled out of the scheduled summit"
    if trigger.dep_ == "pobj" and verb.lower_ in ("in", "at", "of") and verb.head.lemma_.lower() in _ROLES:
        role = verb.head
        if role.dep_ == "attr" and role.head.pos_ in ("AUX", "VERB"):
            return subject_of(role.head, set())
        return []
    if trigger.dep_ == "nsubj" and verb.lemma_.lower() in ("include", "involve"):
        return included_parties(trigger)  # "Kerry's meetings Monday included Saeb Erekat and ..."
    if trigger.dep_ != "dobj" or verb.lemma_.lower() not in _HOSTS:
        return []
    return subject_of(verb, set())


_ADVERBIAL_PREPS = {"after", "following", "before", "since", "from", "during"}


_ATTENDING = {"address", "attend", "join", "open", "chair", "host", "close", "leave", "tell"}
_SPEECHES = {"address", "speech", "remark", "remarks", "keynote", "talk", "lecture"}


def speech_scope(trigger: Token) -> set[int]:
    """ "Pence said during an address to the Global Chiefs of Mission Conference": the speaker (the
    speech's owner, or the subject of the clause the speech is in) attends the meeting addressed."""
    if trigger.dep_ in ("dobj", "dative") and trigger.head.lemma_.lower() in ("tell", "address", "brief"):
        # "Haley told an emergency Monday meeting of the Security Council of the attack"
        return {t.i for c in subject_of(trigger.head, set()) for t in c.subtree}
    name = trigger  # "the Global Chiefs of Mission Conference": the name's head, not its last word
    while name.ent_type_ and name.head.ent_type_ == name.ent_type_ and name.head.i != name.i:
        name = name.head
    # "remarks at the General Assembly": an assembly is addressed from where it sits, too
    at_body = name.head.lower_ in ("at", "before") and addressed_assembly(name)
    if not (name.dep_ == "pobj" and (name.head.lower_ == "to" or at_body)):
        return set()
    speech = name.head.head
    if speech.lemma_.lower() not in _SPEECHES or speech.pos_ != "NOUN":
        return set()
    owners = [c for c in speech.children if c.dep_ == "poss"]
    if not owners and speech.dep_ == "pobj" and speech.head.head.pos_ in ("VERB", "AUX"):
        owners = subject_of(speech.head.head, set())  # "said during an address to": who said
    return {t.i for o in owners for t in o.subtree}


def _no_subject(verb: Token) -> bool:
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


_ACCUSING = set("accuse criticize criticise fault blast slam attack blame chastise praise thank".split())


def _accused_of(trigger: Token) -> Token | None:
    """The person accused of (criticised for, thanked for) meeting: the object of that verb."""
    if not (trigger.pos_ == "VERB" and trigger.tag_ in ("VBG", "VBN") and _no_subject(trigger)):
        return None
    if trigger.dep_ != "pcomp" or trigger.head.lower_ not in ("of", "for"):
        return None
    verb = trigger.head.head
    if verb.dep_ == "pobj" and verb.head.lower_ == "of":
        verb = verb.head.head  # "accused Schumer of double standards for having met Putin"
    if verb.lemma_.lower() not in _ACCUSING:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def participle_subject_scope(trigger: Token) -> set[int]:
    """ "Emerging from a meeting with Obama, Sanders said", "After meeting Xi, Biden told reporters",
    "Speaking after talks with Scholz, Macron ...": a subjectless adverbial clause shares the main
    clause's subject, who took part (even when the main verb is a reporting verb)."""
    main: Token | None = None
    outer = trigger  # "After a day of meetings with Bush and Shultz, Clark told": the day's phrase
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.pos_ == "NOUN":
        outer = trigger.head.head
    if trigger.pos_ == "NOUN" and outer.dep_ == "pobj" and outer.head.lower_ in _ADVERBIAL_PREPS:
        prep = outer.head
        holder = prep.head
        participle = holder.pos_ == "VERB" and holder.tag_ in ("VBG", "VBN")
        if participle and holder.dep_ == "advcl" and _no_subject(holder):
            main = holder.head  # "Emerging from a meeting with X, Y said"
        elif prep.lower_ in ("after", "following") and holder.pos_ in ("VERB", "AUX"):
            with_someone = any(c.dep_ == "prep" and c.lower_ == "with" for c in trigger.children)
            indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in trigger.children)
            if with_someone or indefinite:
                main = holder  # "After talks with Putin, Macron said", "X and Y agreed after a meeting"
    elif (
        trigger.pos_ in ("NOUN", "PROPN")
        and trigger.dep_ == "dobj"
        and trigger.head.tag_ == "VBG"
        and trigger.head.dep_ == "advcl"
        and trigger.head.lemma_.lower() in _ATTENDING
        and _no_subject(trigger.head)
    ):
        main = trigger.head.head  # "Addressing the Values Voter Summit, the congressman sought to ..."
    elif trigger.pos_ == "VERB" and trigger.tag_ == "VBG" and _no_subject(trigger):
        if trigger.dep_ == "advcl":
            main = trigger.head  # "Meeting Xi on Monday, Biden said"
        elif trigger.dep_ == "pcomp" and trigger.head.lower_ in _ADVERBIAL_PREPS:
            main = trigger.head.head  # "After meeting with Xi, Biden said"
    main = main or _ahead_or_back_from(trigger) or _after_holding(trigger)
    accused = _accused_of(trigger)
    if accused is not None:  # "accused Chuck Schumer of having met Putin himself": Schumer met him
        return {t.i for t in accused.subtree}
    if main is None or main.pos_ not in ("VERB", "AUX"):
        return set()
    for _ in range(2):  # "While speaking with reporters before meeting with Putin, Trump said"
        if not (main.dep_ == "advcl" and main.tag_ in ("VBG", "VBN") and _no_subject(main)):
            break
        main = main.head
    subjects = {t.i for c in subject_of(main, set()) if c.dep_ == "nsubj" for t in c.subtree}
    if not subjects:  # "the memo was written by Comey shortly after a meeting with Trump": the agent
        subjects = {t.i for c in main.children if c.dep_ == "agent" for t in c.subtree}
    return subjects


_HELD = {"hold", "have", "attend", "host", "conduct", "stage"}


def _after_holding(trigger: Token) -> Token | None:
    """ "Trump and Kim are meeting this week, after holding a June 2018 summit in Singapore": the
    main clause's subject held the earlier meeting too."""
    verb = trigger.head
    if not (trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and verb.tag_ == "VBG"):
        return None
    if verb.lemma_.lower() not in _HELD or verb.dep_ != "pcomp" or not _no_subject(verb):
        return None
    prep = verb.head
    if prep.lower_ not in _ADVERBIAL_PREPS or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    return prep.head


def _ahead_or_back_from(trigger: Token) -> Token | None:
    """ "Ahead of talks with Xi on Monday, Kerry visited a horse farm", "Trump announced it a week
    after returning from a trip to Asia": the main clause's subject has (or had) the meeting."""
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.dep_ != "pobj":
        return None
    prep = trigger.head
    if prep.lower_ == "of" and prep.head.lower_ == "ahead" and prep.head.head.pos_ in ("VERB", "AUX"):
        return prep.head.head
    back = prep.head
    if not (prep.lower_ == "from" and back.lemma_.lower() == "return" and back.tag_ == "VBG"):
        return None
    if not (back.dep_ == "pcomp" and back.head.lower_ in _ADVERBIAL_PREPS and _no_subject(back)):
        return None
    holder = back.head.head
    if holder.dep_ == "npadvmod" and holder.pos_ == "NOUN":
        holder = holder.head  # "one week after returning": the week's verb
    return holder if holder.pos_ in ("VERB", "AUX") else None


def for_meeting_scope(trigger: Token, reporting: set[str]) -> set[int]:
    """ "She has been under fire for a private meeting with Bill Clinton", "Trump pushed for a
    meeting with Xi": the subject of a verb with no object of its own, whose "for" phrase is a
    meeting with someone, takes part ("criticized Clinton for a meeting with Y" has an object)."""
    if not (trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ == "for"):
        return set()
    if not any(c.dep_ == "prep" and c.lower_ == "with" for c in trigger.children):
        return set()
    if any(c.dep_ == "poss" for c in trigger.children):
        return set()  # "for her meeting with Y": "her" says who
    holder = trigger.head.head
    if holder.lower_ == "fire" and holder.dep_ == "pobj":
        holder = holder.head.head  # "under fire for ..."
    if holder.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("dobj", "dative") for c in holder.children):
        return set()
    return {t.i for c in subject_of(holder, reporting) for t in c.subtree}
