"""Reported (indirect) speech: "X said (that) ...", "X told reporters ...", "according to X, ...".

The reported clause is the clausal complement (``ccomp``) of a reporting verb, taken from the
dependency parse of the article's one spaCy Doc. A clause is kept only when its speaker is a
named person or body (or a pronoun/title that resolves to one): plural anonymous groups are
left out when they are nationalities ("the Russians said") or when the clause carries a quoted
fragment whose owner is then unclear. Clauses a quarter or more of which is a direct quote are the direct
quote's business, and "X said Y said Z" keeps only the inner report.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsmon.extract.lexicon import REPORTING_VERBS
from newsmon.extract.speakers import Attributor, Speaker

_WH = {"whether", "if", "what", "how", "why", "when", "where", "who", "which"}
_STRIP_LEAD = {"that", ",", ":", "—", "–", "-"}


@dataclass(frozen=True)
class Reported:
    """A reported-speech candidate, resolved when the extractor reaches it in text order."""

    start: int
    end: int
    verb: Token | None  # the reporting verb, or None for "according to"
    source: Token  # the token naming the speaker (the verb's subject or the pobj of "according to")
    cue: str
    span: Span  # the reported clause
    nationality: bool = False  # the subject is a nationality ("the Russians said")


def _in_paragraph(att: Attributor, verb: Token, span: Span) -> Span | None:
    """Clip a clause to the verb's paragraph (the parser's sentences may run across lines)."""
    para = att.paras[att.paragraph_of(verb.idx)]
    start = max(para.start, att.ctx.dateline_end)  # "OSLO — Ministers will meet ..., X said"
    toks = [t for t in span if start <= t.idx < para.end]
    if not toks:
        return None
    return span.doc[toks[0].i : toks[-1].i + 1]


def _trim(span: Span | None) -> Span | None:
    if span is None:
        return None
    doc = span.doc
    s, e = span.start, span.end
    while s < e and (doc[s].lower_ in _STRIP_LEAD or doc[s].is_space):
        s += 1
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
        e -= 1
    return doc[s:e] if e > s else None


def _quoted_share(att: Attributor, span: Span) -> float:
    inside = sum(len(t) for t in span if att.inside_quote(t.idx))
    total = sum(len(t) for t in span) or 1
    return inside / total


def _has_inner_report(span: Span) -> bool:
    return any(
        t.lemma_.lower() in REPORTING_VERBS and any(c.dep_ == "ccomp" for c in t.children) for t in span
    )


def candidates(doc: Doc, att: Attributor) -> list[Reported]:
    """Reported-speech clauses in document order (speakers not resolved yet)."""
    out: list[Reported] = []
    for tok in doc:
        if att.inside_quote(tok.idx) or att.paragraph_of(tok.idx) in att.skip_paragraphs:
            continue
        lemma = tok.lemma_.lower()
        if lemma in REPORTING_VERBS and tok.pos_ == "VERB":
            comps = [c for c in tok.children if c.dep_ == "ccomp"]
            if not comps:
                continue
            comp = comps[-1]
            clause = _trim(_in_paragraph(att, tok, doc[comp.left_edge.i : comp.right_edge.i + 1]))
            if clause is None or not _keep(att, clause):
                continue
            subj = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
            norp = bool(subj) and subj[0].ent_type_ == "NORP"
            out.append(Reported(clause.start_char, clause.end_char, tok, tok, tok.text.lower(), clause, norp))
        elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            objs = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
            if not objs:
                continue
            sent = tok.sent
            phrase_end = objs[0].right_edge.i + 1
            if tok.i - sent.start <= 1:
                clause = _trim(_in_paragraph(att, tok, doc[phrase_end : sent.end]))
            else:
                clause = _trim(_in_paragraph(att, tok, doc[sent.start : tok.i]))
            if clause is None or not _keep(att, clause):
                continue
            out.append(Reported(clause.start_char, clause.end_char, None, objs[0], "according to", clause))
    return out


def _keep(att: Attributor, clause: Span) -> bool:
    words = [t for t in clause if not t.is_punct]
    if len(words) < 4 or words[0].lower_ in _WH:
        return False
    if _quoted_share(att, clause) >= 0.25:
        return False
    return not _has_inner_report(clause)


def speaker_for(att: Attributor, cand: Reported) -> Speaker | None:
    """The named speaker of a candidate, or None when it is an anonymous group or unresolved."""
    speaker = att.speaker_of_cue(cand.verb) if cand.verb is not None else att.resolve_phrase(cand.source)
    if not speaker.known:
        return None
    if speaker.how == "noun":
        # unnamed sources ("officials said", "a spokesperson said") count, but not a nationality
        # ("the Russians said") and not a clause carrying someone's quoted words: whose words
        # they are is then unclear
        if cand.nationality or _quoted_share(att, cand.span) > 0:
            return None
    return speaker
