"""Status and tense of a meeting mention, from the words around its trigger.

Status cues, strongest first: cancelled (cancel, call off, scrap) > postponed (postpone, delay,
push back) > proposed (offer, propose, invite, ready, could/might/may) > ongoing (continue,
enter, begin + present) > scheduled (will, is set/due/expected to). Words are read on the
trigger and the argument chain above it ("offered to meet", "postponed a visit", "the summit,
which was due ...") -- never across an adverbial or relative clause, which is another event.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Token

from newsmon.extract.date_patterns import WEEKDAYS
from newsmon.extract.dates import Resolved, Tense
from newsmon.extract.meeting_cues import REPORTING
from newsmon.extract.meeting_scope import pulled_out_of
from newsmon.extract.spans import sentence_end, sentence_start

CANCEL = {"cancel", "scrap", "abandon", "axe", "shelve", "scrub"}
POSTPONE = {"postpone", "delay", "defer", "reschedule", "adjourn"}
PROPOSE = set(
    "propose offer invite invitation suggest ready willing consider possible discussion arrange "
    "seek urge want hope likely proposal offering push request agenda refuse decline reject rebuff "
    "lobby".split()
)
SCHEDULE = set("schedule due set plan expect slate slat confirm accept prepare go".split())
ONGOING = {"continue", "underway", "enter", "begin", "start", "open", "resume"}
SLATED = {"set", "due", "expected", "scheduled", "slated", "slat", "poised"}  # "slated": lemma "slat"
_CLIMB = set("xcomp dobj nsubj nsubjpass pobj prep attr oprd compound pcomp acomp acl".split())
_SETTING_PREPS = {"at", "during", "on", "throughout", "amid"}
_ASIDE_PREPS = {"including", "because", "despite", "besides", "except", "unlike"}
MODAL_PROPOSE = {"could", "might", "may"}
MODAL_FUTURE = {"will", "shall", "'ll", "wo", "would"}
# "proposed in a letter ... that they meet": a clause under a proposing verb is its content
_PROPOSING_CLAUSE = set("propose suggest urge recommend request demand ask".split())
# "proposed in a letter ... that they meet": the parser hangs the content clause on the letter
_MESSAGES = set("letter message note statement proposal cable communique".split())


def _proposed_clause(verb: Token) -> bool:
    """``verb`` heads what is proposed: "urged that they meet", or "proposed in a letter ... that they
    meet" with the clause hung on the letter."""
    if verb.dep_ == "ccomp":
        return verb.head.lemma_.lower() in _PROPOSING_CLAUSE
    return verb.dep_ == "relcl" and verb.head.lemma_.lower() in _MESSAGES


def status_words(trigger: Token) -> tuple[list[Token], list[Token]]:
    """Tokens whose lemmas decide status: the trigger, its ancestors up to a reporting verb, their aux."""
    toks: list[Token] = [trigger]
    weak: list[Token] = []
    node = trigger
    for _ in range(6):
        # climb only through argument links: "offered to meet", "postponed a visit", "the summit was
        # due"; an adverbial or relative clause above the trigger is another event
        proposal = node.i == trigger.i and _proposed_clause(node)
        if node.head.i == node.i or (node.dep_ not in _CLIMB and not proposal):
            break
        if node.i == trigger.i and any(c.dep_ == "acl" and c.lemma_.lower() in SLATED for c in node.children):
            break  # "With negotiations set to resume this week, Obama tried ...": the talks' own clause
        if node.dep_ == "prep" and node.lower_ in _ASIDE_PREPS:
            break  # "cancelled a trip because of business at home, including the visit of Nakasone"
        if node.dep_ == "prep" and node.lower_ in _SETTING_PREPS and node.i != trigger.i:
            break  # "At a Chamber of Commerce summit, Rubio offered a defense": the offer is not the summit's
        via_subject = node.dep_ == "nsubj"
        node = node.head
        if node.lemma_.lower() in REPORTING:
            break
        if via_subject:
            # "the talks offered openings": the talks' own verb tells tense and outcome, not intent
            weak.append(node)
            break
        toks.append(node)
    extra: list[Token] = []
    for t in toks:
        for c in t.children:
            slated = c.dep_ == "acl" and t.i == trigger.i and c.lemma_.lower() in SLATED  # "talks set to"
            if (
                c.dep_ in ("aux", "auxpass", "neg", "prt", "acomp", "advmod", "amod")
                or slated
                or (c.dep_ == "relcl" and t.i == trigger.i)
            ):
                extra.append(c)
                if c.dep_ == "relcl":
                    extra.extend(cc for cc in c.subtree if cc.pos_ in ("VERB", "AUX", "ADJ", "ADV"))
    for t in weak:
        extra.extend(c for c in t.children if c.dep_ in ("aux", "auxpass", "neg", "acomp"))
    return toks + extra, weak


def _after_event(trigger: Token) -> bool:
    """ "After meeting Xi, Biden said", "Emerging from talks with ...": the meeting is over by then,
    unless the main clause is future ("after talks next week, the two will sign")."""
    prep = trigger.head
    if trigger.dep_ not in ("pobj", "pcomp") or prep.i == trigger.i:
        return False
    if prep.lower_ in ("after", "following", "since"):
        main = prep.head
    elif prep.lower_ == "from" and prep.head.lemma_.lower() in ("emerge", "return", "come", "leave"):
        main = prep.head.head if prep.head.dep_ == "advcl" else prep.head
    else:
        return False
    auxes = {c.lower_ for c in main.children if c.dep_ in ("aux", "auxpass")}
    return not auxes & (MODAL_FUTURE | MODAL_PROPOSE) and main.tag_ != "VB"


_HAPPEN = {"take", "happen", "occur", "go", "proceed", "come", "be", "start", "begin", "resume"}


# "release the transcript of an April 21 conversation": a record is of a meeting that took place
_RECORDS = set("transcript readout record recording minutes notes memo memorandum tape account".split())


def recorded(trigger: Token) -> bool:
    """``trigger`` is what a record records: "the transcript of the call", "notes from the meeting"."""
    prep = trigger.head
    return (
        trigger.dep_ == "pobj"
        and prep.lower_ in ("of", "from")
        and prep.head.lemma_.lower() in _RECORDS
        and prep.head.i != trigger.i
    )


def status_from_cues(trigger: Token) -> str | None:
    """cancelled > postponed > proposed > ongoing > scheduled from the words around the trigger."""
    if recorded(trigger):
        return "held"
    words, weak = status_words(trigger)
    if _after_event(trigger):
        return "held"
    if trigger.dep_ == "xcomp" and trigger.head.lemma_ == "be" and trigger.head.tag_ in ("VBZ", "VBP"):
        if any(c.tag_ == "TO" for c in trigger.children):
            return "scheduled"  # "We are to be meeting with House Republicans", "is to visit Kyiv"
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "during":
        return None  # "offered to host a summit during a phone call with Putin": the call took place
    if medium_of(trigger):
        return None  # "Trudeau urged Trump in a phone call to press China": the call took place
    # "went into a meeting" is not "is going to meet"; "a hastily arranged visit" was arranged
    lemmas = {
        w.lemma_.lower()
        for w in words
        if (w.lemma_.lower() != "go" or w.tag_ == "VBG")
        and not (w.lemma_.lower() in ("arrange", "open") and w.dep_ == "amod")  # "an open session"
        and not (w.i == trigger.i and w.lemma_.lower() == "discussion")  # the talks, not a proposal
        and not _offered_sympathy(w)
    }
    texts = {w.lower_ for w in words}
    outcome = lemmas | {w.lemma_.lower() for w in weak}  # "the talks were cancelled/continued"
    phrasal = {
        (w.lemma_.lower(), c.lower_) for w in words + weak for c in w.children if c.dep_ in ("prt", "advmod")
    }
    if _will_not_happen(weak):
        return "cancelled"  # "the meeting would not take place", "the summit will not go ahead"
    if ("rule", "out") in phrasal:  # "did not rule out a meeting" / "ruled out talks"
        return "proposed" if any(w.dep_ == "neg" for w in words) else "cancelled"
    pulled_out = trigger.dep_ == "pobj" and pulled_out_of(trigger.head)  # "pulled out of the summit"
    if outcome & CANCEL or ("call", "off") in phrasal or pulled_out:
        return "cancelled"
    if outcome & POSTPONE or ("push", "back") in phrasal or ("put", "off") in phrasal:
        return "postponed"
    if (texts & {"would", "'d"} and "welcome" in lemmas) or _as_soon_as_possible(trigger):
        return "proposed"  # "would welcome a visit from the president", "would travel as soon as possible"
    if "accept" in lemmas or _agreed_to(trigger):  # "agreed to meet", "agreed to engage in follow-up talks"
        if any(w.dep_ == "neg" for w in words):
            return "proposed"  # "is not accepting the invitation": offered, not agreed
        return "scheduled"  # "accepted an invitation to visit", "agreed to meet"
    own_modals = {w.lower_ for w in words if not (w.head in weak and w.head.lemma_.lower() not in _HAPPEN)}
    asked_for = trigger.dep_ == "pobj" and trigger.head.lower_ == "for" and trigger.head.head.lemma_ == "ask"
    if lemmas & PROPOSE or own_modals & MODAL_PROPOSE or asked_for:  # "asked NATO for a meeting"
        return "proposed"  # "talks could take place"; not "the visit could coincide with the vote"
    if outcome & ONGOING and any(
        w.tag_ in ("VBZ", "VBP", "VBG") or w.lemma_ == "begin" for w in words + weak
    ):
        return "ongoing"
    if outcome & {"continue", "enter"}:
        return "ongoing-past"  # ongoing if it continued on the publication day, else by tense
    if lemmas & SCHEDULE or texts & MODAL_FUTURE:
        past = any(
            w.tag_ == "VBD" or w.lower_ == "had" for w in words if w.dep_ in ("aux", "auxpass", "ROOT")
        )
        return "scheduled-past" if past and not texts & MODAL_FUTURE else "scheduled"
    return None


_SYMPATHY = set("condolence sympathy congratulation thanks apology prayer support".split())


_MEDIA = {"call", "conversation", "meeting", "talks", "letter", "discussion"}


def medium_of(trigger: Token) -> bool:
    """ "urged Trump in a phone call", "told Xi in a meeting on Monday": the call or meeting an act
    was done in, which took place (not "interested in a meeting", a wish)."""
    prep = trigger.head
    if not (trigger.dep_ == "pobj" and prep.lower_ == "in" and trigger.lemma_.lower() in _MEDIA):
        return False
    determined = any(c.dep_ in ("det", "poss") for c in trigger.children)
    return determined and prep.head.pos_ == "VERB" and prep.head.lemma_.lower() not in ("interest", "believe")


def _offered_sympathy(w: Token) -> bool:
    """ "offered his condolences via telephone": a call made, not a call offered."""
    return w.lemma_.lower() == "offer" and any(
        c.dep_ == "dobj" and c.lemma_.lower().rstrip("s") in _SYMPATHY for c in w.children
    )


def _agreed_to(trigger: Token) -> bool:
    """The trigger lies in what someone agreed to do ("agreed to meet", "agreed to engage in talks"),
    not where the agreeing happened ("agreed on Wednesday ..., in their first meeting in a year")."""
    node = trigger
    for _ in range(4):
        if node.head.i == node.i:
            return False
        if node.head.lemma_.lower() == "agree":
            return node.dep_ == "xcomp"
        node = node.head
    return False


_ASAP = re.compile(r"as soon as possible", re.IGNORECASE)


def _as_soon_as_possible(trigger: Token) -> bool:
    """ "said he would travel to Sudan as soon as possible to meet both sides": no day agreed (the
    phrase's offsets are found once per article; a sentence's text is never rebuilt per trigger)."""
    doc = trigger.doc
    hits: list[int] | None = doc.user_data.get("newsmon_asap")
    if hits is None:
        hits = doc.user_data["newsmon_asap"] = [m.start() for m in _ASAP.finditer(doc.text)]
    if not hits:
        return False
    first, end = sentence_start(doc, trigger.i), sentence_end(doc, trigger.i)
    return any(doc[first].idx <= h < doc[end - 1].idx for h in hits)


def _will_not_happen(weak: list[Token]) -> bool:
    """The meeting's own verb says it will not happen ("would not take place", "will not go
    ahead", "won't happen"): it is called off."""
    for w in weak:
        kids = {c.lower_ for c in w.children}
        happens = w.lemma_.lower() in ("happen", "occur", "proceed") or bool(
            (w.lemma_.lower() == "take" and "place" in kids) or (w.lemma_.lower() == "go" and "ahead" in kids)
        )
        negated = any(c.dep_ == "neg" for c in w.children)
        if happens and negated and any(c.dep_ == "aux" and c.lower_ in MODAL_FUTURE for c in w.children):
            return True
    return False


_LOOKS_AHEAD = set("plan schedule due set expect go intend want hope prepare slate slat".split())
# "has invited Trump to meet on Thursday": ahead of an invitation still standing (a past one,
# "invited him to meet on Monday", keeps the past tense)
_STANDING_OFFER = set("invite agree offer promise ask".split())


def tense_of(tok: Token) -> Tense:
    """Tense of the clause governing ``tok``: the nearest verb, its auxiliaries and xcomp governors."""
    if recorded(tok):
        return "past"
    node: Token | None = tok
    for _ in range(8):
        if node is None:
            return None
        if node.pos_ in ("VERB", "AUX"):
            break
        node = node.head if node.head.i != node.i else None
    if node is None or node.pos_ not in ("VERB", "AUX"):
        return None
    if (
        node.dep_ == "ROOT"
        and node.tag_ == "VB"
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in node.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
    ):
        return "future"  # a headline's "UN security council to meet", "Xi to visit Moscow"
    if _proposed_clause(node) and (node.dep_ == "ccomp" or node.i == tok.i):
        return "future"  # "urged that they meet on Friday": what is proposed lies ahead
    if node.tag_ in ("VBP", "VBZ") and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in ("until", "once", "before", "after")
        for c in node.children
    ):
        return "future"  # "wait until I meet with Bibi": the present of a time clause is to come
    chain = [node]
    # "to meet both sides" / "and to hold talks": an infinitive takes the tense of its governor
    while (
        (
            chain[-1].dep_ in ("xcomp", "conj")
            or (chain[-1].dep_ in ("advcl", "acl") and any(c.tag_ == "TO" for c in chain[-1].children))
            or (  # "a trip that will see him hold talks": a bare infinitive takes its governor's tense
                chain[-1].dep_ == "ccomp"
                and chain[-1].tag_ == "VB"
                and not any(c.dep_ in ("aux", "mark") for c in chain[-1].children)
            )
        )
        and chain[-1].head.i != chain[-1].i
        and len(chain) < 4
    ):
        chain.append(chain[-1].head)
    if chain[-1].lower_ == "due" and chain[-1].dep_ == "acomp" and chain[-1].head.pos_ == "AUX":
        chain.append(chain[-1].head)  # "was due to arrive": the tense of "was"
    auxes = [c for v in chain for c in v.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    lemmas = {v.lemma_.lower() for v in chain}
    if lowers & MODAL_FUTURE or lowers & MODAL_PROPOSE:
        return "future"
    from_past = any(a.tag_ == "VBD" or a.lower_ == "had" for a in auxes) or any(
        v.tag_ == "VBD" for v in chain
    )
    if lemmas & _LOOKS_AHEAD:
        return None if from_past else "future"  # "had been due to ...": seen from the past, nearest day
    governors = {v.lemma_.lower() for v in chain[1:]}
    recently = any(c.lower_ == "recently" for v in chain for c in v.children)  # "most recently during a call"
    if governors & _STANDING_OFFER and not recently and not from_past:
        return "future"
    if any(a.lower_ in ("has", "have", "had", "having") for a in auxes) or any(
        v.tag_ == "VBD" for v in chain
    ):
        return "past"
    if any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if all(v.tag_ == "VBG" for v in chain) and not auxes:
        governing = _governing_tense(
            chain[-1]
        )  # "with Cruz calling Trump his friend, meeting with him in July"
        if governing is not None:
            return governing
    if _timetable_present(node, auxes):
        return "future"  # "Baldrige leaves on Saturday on a trip": the present of a timetable
    if any(v.tag_ in ("VBZ", "VBP", "VBG") for v in chain) or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    if node.tag_ == "VBN" and node.dep_ in ("acl", "relcl", "amod"):
        return "past"
    if node.tag_ == "VBN" and node.dep_ == "advcl" and not auxes:
        return _governing_tense(node)  # "had been compromised, as evidenced by a conversation on June 27"
    return None


def _timetable_present(verb: Token, auxes: list[Token]) -> bool:
    """A simple present with a weekday in its clause, in a sentence that ends like prose (not a
    headline): "leaves on Saturday", "meets Putin on Monday" speak of what is to come."""
    if verb.tag_ not in ("VBZ", "VBP") or auxes or verb.lemma_.lower() in ("be", "have", "say"):
        return False
    if not verb.sent[-1].is_punct:
        return False
    preps = {c.i for c in verb.children if c.dep_ == "prep"}
    return any(
        t.lower_ in WEEKDAYS
        and ((t.dep_ == "npadvmod" and t.head.i == verb.i) or (t.dep_ == "pobj" and t.head.i in preps))
        for t in verb.subtree
    )


_ADJUNCT_PREPS = {"with", "after", "before", "while", "since", "following", "without", "by", "upon"}


def _set_off(tok: Token) -> bool:
    """A participial adjunct opens its sentence or follows a comma: "..., meeting with him in July"."""
    return tok.i == tok.sent.start or tok.doc[tok.i - 1].text in (",", ";", "—", "–")


def _governing_tense(participle: Token) -> Tense:
    """A bare participle takes the tense of the finite verb it hangs from (at most five links up)."""
    node = participle
    for _ in range(5):
        if node.dep_ not in ("advcl", "conj", "pcomp", "prep", "pobj", "xcomp") or node.head.i == node.i:
            return None
        if node.dep_ == "pcomp" and node.head.lower_ not in _ADJUNCT_PREPS:
            return None  # "aimed at meeting": not an adjunct of the clause
        if node.dep_ == "advcl" and node.tag_ == "VBG" and not _set_off(node):
            return None  # "signs pointed to Obama endorsing Clinton on Thursday": ahead, not past
        node = node.head
        if node.pos_ in ("VERB", "AUX") and (
            node.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in node.children)
        ):
            return tense_of(node)
    return None


def dated_past_noun(
    tok: Token, date_tok: Token | None, resolved: Resolved, published: dt.date | None
) -> bool:
    """A meeting noun whose own modifier dates it before publication: "a June 2016 meeting"."""
    if tok.pos_ != "NOUN" or date_tok is None or not resolved.value or published is None:
        return False
    about = tok.dep_ == "pobj" and tok.head.lower_ in ("about", "over", "into", "regarding")
    if not (tok.left_edge.i <= date_tok.i < tok.i or about):
        return False  # own modifier, or the topic of questions: "questions about his meetings ... last year"
    value = resolved.value
    return value < published.isoformat()[: len(value)]


def perfect_participle(tok: Token) -> bool:
    """ "of having met Putin": a perfect participle, before whatever its governing clause tells."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ == "having" for c in tok.children)
