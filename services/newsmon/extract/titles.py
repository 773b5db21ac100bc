"""A person's title from the words around the name: before it, the noun it stands for, or an appositive."""

from __future__ import annotations

from spacy.tokens import Span

from newsmon.extract.lexicon import HONORIFICS, TITLE_WORDS
from newsmon.extract.spans import sentence_start

_CONNECTORS = {"of", "for", "and", "the", "on", "-", "'s", "’s", "&"}


def title_of_person(ent: Span) -> str | None:
    """The title given with this mention of a person, or None."""
    return _title_before(ent) or _title_head(ent) or _title_appositive(ent)


def _title_before(ent: Span) -> str | None:
    """Title words directly before a person name: "Russian Deputy Foreign Minister" Sergei Ryabkov."""
    doc = ent.doc
    i = ent.start - 1
    sent_start = sentence_start(doc, ent.start)
    words: list[str] = []
    while i >= sent_start:
        tok = doc[i]
        low = tok.lower_
        if low in TITLE_WORDS or low.rstrip(".") in TITLE_WORDS:
            words.append(tok.text)
        elif tok.text[:1].isupper() and tok.pos_ in {"PROPN", "ADJ", "NOUN"} and tok.ent_type_ != "PERSON":
            words.append(tok.text)
        elif low in _CONNECTORS and words and low != "the":
            words.append(tok.text)
        elif tok.text in {"-", "–"} and words:
            words.append(tok.text)
        else:
            break
        i -= 1
    words.reverse()
    while words and words[0].lower() in _CONNECTORS:
        words.pop(0)
    if not any(w.lower().rstrip(".") in TITLE_WORDS for w in words):
        return None
    title = " ".join(words).replace(" - ", "-").replace(" 's", "'s").replace(" ’s", "’s")
    if title.lower().rstrip(".") in HONORIFICS:
        return None
    return title


def _title_head(ent: Span) -> str | None:
    """The noun a name stands in apposition to: "Their president, Manon Ferrand," -> "president"."""
    root = ent.root
    head = root.head
    if root.dep_ != "appos" or head.i >= ent.start or head.lemma_.lower() not in TITLE_WORDS:
        return None
    toks = [t for t in head.subtree if t.i <= head.i or (t.dep_ == "prep" and t.i < ent.start)]
    if any(t.dep_ == "prep" for t in toks):  # "The president of the first agricultural union"
        toks = [t for t in head.subtree if t.i < ent.start]
    possessives = {"their", "its", "his", "her"}
    words = [t for t in toks if t.dep_ not in {"det", "punct"} and t.lower_ not in possessives]
    while words and words[-1].is_punct:
        words.pop()
    text = " ".join(t.text for t in words).replace(" 's", "'s").replace(" ’s", "’s").strip(" ,")
    return text or None


def _title_appositive(ent: Span) -> str | None:
    """An appositive after the name: "Jane Doe, the company's chief executive, said"."""
    doc = ent.doc
    if ent.end + 2 >= len(doc) or doc[ent.end].text != ",":
        return None
    words: list[str] = []
    for tok in doc[ent.end + 1 : min(len(doc), ent.end + 12)]:
        if tok.text in {",", ".", ";", ":", "—", "–", "(", ")"} or tok.pos_ in {"VERB", "AUX"}:
            break
        words.append(tok.text_with_ws)
    phrase = "".join(words).strip()
    low = phrase.lower().split()
    if not low or low[0] in {"who", "which", "that"} or not any(w.rstrip(".") in TITLE_WORDS for w in low):
        return None
    for article in ("the ", "a ", "an "):
        if phrase.lower().startswith(article):
            phrase = phrase[len(article) :]
            break
    return phrase or None
