"""Quote extraction and speaker attribution: who said what, direct and reported.

Steps, all on the article's one spaCy Doc (no re-parse):

1. Paragraphs that are captions, bylines or credit lines are set aside (``boilerplate``).
2. Quote marks are paired per paragraph (``quote_marks``): multi-paragraph quotes, split quotes
   ("A," he said, "B.") and mismatched marks become one quote each.
3. Each quote's attribution frame is the rest of its sentence outside the marks; the speech verb
   nearest the quote gives the speaker (its subject, resolved by ``speakers.Attributor``: names to
   the fullest form, titles to the person holding them, he/she to the nearest compatible person).
   With no cue, a quote continues the previous speaker (continuation paragraphs).
4. Quoted fragments inside a reporter's sentence are partial quotes when a speech verb governs
   them; scare quotes, titles of works and nicknames are dropped.
5. Reported speech ("X said that ...", "according to X, ...") comes from ``reported``.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Token

from newsmon.extract import reported as reported_mod
from newsmon.extract.boilerplate import boilerplate_paragraphs
from newsmon.extract.context import ArticleContext
from newsmon.extract.lexicon import SCARE_CUES, WORK_NOUNS
from newsmon.extract.quote_marks import Paragraph, QuoteSpan, find_quotes, merge_split_quotes, paragraphs
from newsmon.extract.spans import ents_within
from newsmon.extract.speakers import NOBODY, Attributor, Speaker
from newsmon.logs import get_logger

log = get_logger(__name__)
_SENT_END = re.compile(r"[.!?](?=[\s”\"’]|$)")
# a full stop after these does not end a sentence: Ms. Okafor said; Laura K. Cooper; U.S. officials
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Maj|St|Jr|Sr|No|Mt|Ft|Rev|Hon|vs|Inc|Corp|Co|Ltd)"
    r"|\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z])$"
)


def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    """Offsets just after each sentence-ending mark in [start, end), abbreviations skipped."""
    out = []
    for m in _SENT_END.finditer(text, start, end):
        if m.group() == "." and _ABBREV.search(text, max(start, m.start() - 12), m.start()):
            continue
        out.append(m.end())
    return out


_CONFIDENCE = {"named": 0.95, "title": 0.85, "pronoun": 0.85, "noun": 0.7, "paragraph": 0.65}


def extract_quotes(ctx: ArticleContext) -> list[dict[str, Any]]:
    """Direct and reported quotes of one article, in text order, as JSON-ready dicts."""
    text = ctx.text
    paras = paragraphs(text)
    skip = boilerplate_paragraphs(text, paras)
    spans = [s for s in find_quotes(text, paras) if s.paragraphs[0] not in skip]
    merged = merge_split_quotes(text, spans)
    # a split quote's inner attribution ("A," he said, "B.") is outside the quote
    ranges = [(ps - 1, pe + 1) for s, _ in merged for ps, pe in s.parts]
    att = Attributor(ctx, ranges, paras, skip)
    events: list[tuple[int, Any]] = [(s.start, (s, inner)) for s, inner in merged]
    events += [(c.start, c) for c in reported_mod.candidates(ctx.doc, att)]
    events.sort(key=lambda e: e[0])
    out: list[dict[str, Any]] = []
    for _, item in events:
        if isinstance(item, reported_mod.Reported):
            speaker = reported_mod.speaker_for(att, item)
            if speaker is None:
                continue
            att.remember(speaker, att.paragraph_of(item.start))
            out.append(_record(ctx, [(item.start, item.end)], speaker, item.cue, direct=False, partial=False))
            continue
        span, inner = item
        quote = _direct(ctx, att, paras, span, inner)
        if quote is not None:
            out.append(quote)
    return out


def _record(
    ctx: ArticleContext,
    parts: list[tuple[int, int]],
    speaker: Speaker,
    cue: str | None,
    direct: bool,
    partial: bool,
    confidence: float | None = None,
) -> dict[str, Any]:
    name = speaker.name
    title = ctx.names.title_of(name) if name and speaker.type == "person" else None
    conf = confidence if confidence is not None else _CONFIDENCE.get(speaker.how, 0.5)
    if not direct:
        conf = min(conf, 0.8)
    return {
        "text": " ".join(ctx.text[s:e] for s, e in parts),
        "parts": [{"start": s, "end": e} for s, e in parts],
        "speaker": name,
        "speaker_title": title,
        "speaker_type": speaker.type if name else "unknown",
        "cue": cue,
        "direct": direct,
        "partial": partial,
        "confidence": round(conf, 2),
    }


def _windows(text: str, para: Paragraph, last_para: Paragraph, span: QuoteSpan) -> tuple[int, int, int, int]:
    """The attribution frame: [left_start, open mark) and [end, right_end) within the sentence."""
    ends = _sentence_ends(text, para.start, span.start)
    left_start = ends[-1] if ends else para.start
    after = _sentence_ends(text, span.end, last_para.end)
    right_end = after[0] if after else last_para.end
    return left_start, span.start, span.end, right_end


def _direct(
    ctx: ArticleContext,
    att: Attributor,
    paras: list[Paragraph],
    span: QuoteSpan,
    inner: tuple[int, int] | None,
) -> dict[str, Any] | None:
    text = ctx.text
    para, last_para = paras[span.paragraphs[0]], paras[span.paragraphs[-1]]
    ls, le, rs, re_ = _windows(text, para, last_para, span)
    # another quote in the same sentence bounds the frame
    ls = max([ls] + [e for s, e in att.quote_ranges if ls <= e <= le])
    re_ = min([re_] + [s for s, e in att.quote_ranges if rs <= s < re_])
    content = " ".join(text[s:e] for s, e in span.parts)
    left_text = text[ls:le].strip()
    first_alpha = next((c for c in content if c.isalpha()), "")
    multi = len(span.paragraphs) > 1
    partial = not multi and (
        bool(left_text and not left_text.endswith((":", ",", "—", "–", "-"))) or first_alpha.islower()
    )
    ended = content.rstrip("”\"' ").endswith((".", "!", "?", "…"))
    cue: Token | None = None
    speaker = NOBODY
    if inner is not None:
        cue = _first(att.cues_in(*inner))
    right = att.cues_in(rs, re_) if cue is None else []
    if ended and text[rs:re_].strip()[:1].isupper():  # a new sentence: only "Name said." attaches
        right = [t for t in right if t.idx - rs < 40]
    left = att.cues_in(ls, le) if cue is None else []
    if cue is None and partial and (left or right):
        cue = _governing(ctx, left, right, span)
    elif cue is None:
        cue = _first(right)
        if cue is None and left and left_text.endswith((":", ",")):
            cue = left[-1]
    according = _according(att, ls, le) or _according(att, rs, re_)
    if partial and _not_speech(ctx, span, cue) and according is None:
        return None
    if not partial and _is_title(ctx, span):
        return None
    if cue is not None:
        speaker = att.speaker_of_cue(cue)
    if not speaker.known:
        speaker = according or _credited(att, text, ls, le, rs, re_) or NOBODY
    how_override: float | None = None
    if not speaker.known and not partial:
        speaker = _paragraph_subject(att, para, span.start)
        if speaker.known:
            how_override = _CONFIDENCE["paragraph"]
        else:
            speaker = att.continuing(para.index)
            if speaker.known:
                gap = para.index - att.last_paragraph
                how_override = 0.8 if gap <= 1 else 0.6
    words = len(content.split())
    if not speaker.known and cue is None and (partial or words <= 2):
        return None  # a fragment nobody says: a label, a term, a headline word
    if speaker.known and not partial:
        att.remember(speaker, last_para.index)
    elif speaker.known and partial:
        att.remember(speaker, para.index)
    conf = how_override if how_override is not None else (0.35 if not speaker.known else None)
    cue_text = cue.text.lower() if cue is not None else None
    return _record(ctx, span.parts, speaker, cue_text, direct=True, partial=partial, confidence=conf)


def _first(tokens: list[Token]) -> Token | None:
    return tokens[0] if tokens else None


def _governing(ctx: ArticleContext, left: list[Token], right: list[Token], span: QuoteSpan) -> Token:
    """The cue that is a syntactic ancestor of a partial quote, else the nearest one before/after it."""
    inside = ctx.doc.char_span(span.parts[0][0], span.parts[0][1], alignment_mode="expand")
    if inside is not None and len(inside):
        ancestors = {t.i for t in inside.root.ancestors}
        for cue in list(reversed(left)) + right:
            if cue.i in ancestors:
                return cue
    return left[-1] if left else right[0]


_DASH_CREDIT = re.compile(r"\s*[—–―-]+\s*")


def _credited(att: Attributor, text: str, ls: int, le: int, rs: int, re_: int) -> Speaker | None:
    """Vox pops and transcripts with no verb: “...” ― Pamela Padilla; or Ana Reyes: “...”."""
    m = _DASH_CREDIT.match(text, rs, re_)
    window = (m.end(), re_) if m else None
    if window is None and text[ls:le].rstrip().endswith(":") and len(text[ls:le].split()) <= 5:
        window = (ls, le)
    if window is None:
        return None
    span = att.ctx.doc.char_span(window[0], window[1], alignment_mode="contract")
    if span is None:
        return None
    for ent in ents_within(span):
        if ent.label_ in {"PERSON", "ORG"}:
            return att.resolve_phrase(ent.root)
    names = [t for t in span if t.pos_ == "PROPN" and t.text[:1].isupper()]
    if names and len(names) >= len([t for t in span if t.is_alpha]) - 1:  # the line is just a name
        return att.resolve_phrase(names[-1])
    return None


def _according(att: Attributor, start: int, end: int) -> Speaker | None:
    span = att.ctx.doc.char_span(start, end, alignment_mode="contract") if end > start else None
    if span is None:
        return None
    for tok in span:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            objs = [c for c in tok.nbor().children if c.dep_ == "pobj"]
            if objs:
                sp = att.resolve_phrase(objs[0])
                return sp if sp.known else None
    return None


def _paragraph_subject(att: Attributor, para: Paragraph, before: int) -> Speaker:
    """A person or body named as a subject earlier in the quote's paragraph ("Smith was blunt: ...")."""
    for m in att.names.mentions_before(before):
        if m.start < para.start:
            break
        if m.is_subject and m.kind in {"person", "organization"} and not att.inside_quote(m.start):
            kind = "person" if m.kind == "person" else "organization"
            return Speaker(m.name, kind, "paragraph", m.start)
    return NOBODY


def _is_title(ctx: ArticleContext, span: QuoteSpan) -> bool:
    """A short Title Case name right after or before a work noun: her novel, "The Salt Road," ..."""
    text = ctx.text
    content = " ".join(text[s:e] for s, e in span.parts).strip(" ,.")
    words = content.split()
    if len(words) > 8 or not all(w[:1].isupper() or not w[:1].isalpha() or len(w) <= 3 for w in words):
        return False
    before = text[max(0, span.start - 40) : span.start].split()
    after = text[span.end : span.end + 30].split()
    prev = before[-1].lower().strip(",.;:()") if before else ""
    nxt = after[0].lower().strip(",.;:()") if after else ""
    return prev in WORK_NOUNS or nxt in WORK_NOUNS or prev in SCARE_CUES


def _not_speech(ctx: ArticleContext, span: QuoteSpan, cue: Token | None) -> bool:
    """Scare quotes, titles of works and nicknames: a fragment that nobody is reported to say."""
    text = ctx.text
    before = text[max(0, span.start - 40) : span.start].split()
    after = text[span.end : span.end + 30].split()
    prev = before[-1].lower().strip(",.;:()") if before else ""
    prev2 = " ".join(w.lower() for w in before[-2:])
    content = " ".join(text[s:e] for s, e in span.parts).strip(" ,.")
    words = content.split()
    if prev in SCARE_CUES or prev2 in {"known as", "so called", "referred to", "referred as"}:
        return True
    nxt_word = after[0].lower().strip(",.;:()") if after else ""
    if nxt_word in WORK_NOUNS and all(w[:1].isupper() for w in words if w[:1].isalpha()):
        return True  # the "State of the Global Climate" report
    if prev in WORK_NOUNS or (
        len(before) > 1
        and prev in {"the", "a", "its", "his", "her", "their"}
        and before[-2].lower() in WORK_NOUNS
    ):
        return True
    nxt = after[0] if after else ""
    if before and before[-1][:1].isupper() and nxt[:1].isupper() and len(words) <= 4:
        return True  # a nickname between first and last name: Dwayne "The Rock" Johnson
    if cue is None:
        return True
    titled = all(w[:1].isupper() for w in words if w[:1].isalpha())
    if titled and 2 <= len(words) <= 5 and prev in {"on", "told"}:
        return True  # a programme or publication: told "Fox News Sunday", on "Morning Joe"
    return titled and len(words) <= 6 and cue.lemma_.lower() in {"call", "describe"}
