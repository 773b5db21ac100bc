"""First-person meetings inside direct quotes: "We met as the 'core four' today," Conway added.

Words inside a direct quote are the speaker's, so a meeting trigger there is normally not a
reported event. The exception is the speaker telling of their own meeting: the trigger's clause
has "I" or "we" as its subject, and the quote has a named person as its speaker, who then takes
part ("I want to wait until I meet with Bibi," Trump said -> Trump and Netanyahu, proposed), as
does "my"/"our" on a meeting noun ("In my first meeting with him in 2011, ...," Mitchell recalled).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

_FIRST_PERSON = {"i", "we"}
_PROCESSES = {"talk", "talks", "negotiation", "discussion", "consultation"}
_AT_EVENT = {"at", "during", "after", "before", "in", "since"}  # "we spoke at the meeting"


def quote_speakers(quotes: list[dict[str, Any]]) -> list[tuple[int, int, str]]:
    """(start, end, speaker) of every part of a direct quote whose speaker is a named person."""
    out: list[tuple[int, int, str]] = []
    for q in quotes:
        if not q.get("direct") or q.get("speaker_type") != "person" or not q.get("speaker"):
            continue
        for part in q.get("parts") or []:
            out.append((int(part["start"]), int(part["end"]), str(q["speaker"])))
    return out


def first_person_speaker(trigger: Token, spans: list[tuple[int, int, str]]) -> str | None:
    """The quote's speaker when ``trigger`` lies in that quote and its clause's subject is I/we."""
    speaker = next((who for s, e, who in spans if s <= trigger.idx < e), None)
    if speaker is None:
        return None
    own = (
        {"my"} if trigger.lemma_.lower() in _PROCESSES else {"my", "our"}
    )  # "our negotiations": the nation's
    if trigger.pos_ == "NOUN" and any(c.dep_ == "poss" and c.lower_ in own for c in trigger.children):
        return speaker  # "In my first meeting with him in 2011, ...," Mitchell recalled
    # the trigger's verb, then the verbs it is a complement of ("want to ... meet", "are to be meeting")
    node = trigger
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _FIRST_PERSON for c in node.children
        ):
            return speaker
        if node.dep_ == "prep" and node.lower_ not in _AT_EVENT:
            break  # "I'm O.K. with negotiations": an opinion about talks, not the speaker's talks
        if node.head.i == node.i or node.dep_ not in ("xcomp", "dobj", "pobj", "prep", "advcl", "ROOT"):
            break
        node = node.head
    return None
