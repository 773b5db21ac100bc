"""Who is speaking: speech cues, their subjects, pronouns and titles resolved to one canonical name."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsmon.extract.context import ArticleContext
from newsmon.extract.lexicon import SPEECH_VERBS, TITLE_WORDS
from newsmon.extract.quote_marks import Paragraph
from newsmon.extract.spans import ents_within

ORG_NOUNS = frozenset(
    """
    ministry government kremlin pentagon department office agency company firm embassy police army
    military council commission committee party administration cabinet court union bank group
    institute organisation organization foundation authority authorities
    secretariat parliament senate congress board airline hospital university
    school club league federation association alliance coalition regime junta
    """.split()
)
PERSON_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
GROUP_PRONOUNS = {"they", "we", "it"}
_SUBJ = {"nsubj", "nsubjpass"}


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker and how it was found."""

    name: str | None
    type: str  # person | organization | unknown
    how: str  # named | title | pronoun | noun | continuation | none
    offset: int = -1  # char offset of the mention that named it

    @property
    def known(self) -> bool:
        return self.name is not None


NOBODY = Speaker(None, "unknown", "none")
# verbs whose object is the addressee or topic, never an inverted speaker ("told Smith")
_NOT_INVERTING = frozenset(
    "tell describe call urge ask promise thank praise accuse criticize criticise".split()
)
_MODALS = {"could", "would", "should", "might", "can", "must", "may", "will", "cannot"}


def _not_a_speech_act(verb: Token) -> bool:
    """Passive ("we were told"), negated ("did not say") or modal ("could not write") cues."""
    for child in verb.children:
        if child.dep_ in {"auxpass", "nsubjpass", "neg"}:
            return True
        if child.dep_ == "aux" and child.lower_ in _MODALS:
            return True
    return False


class Attributor:
    """Speaker resolution for one article; remembers the last speaker for continuations."""

    def __init__(
        self,
        ctx: ArticleContext,
        quote_ranges: list[tuple[int, int]],
        paras: list[Paragraph],
        skip: set[int],
    ) -> None:
        self.ctx = ctx
        self.paras = paras
        self._pstarts = [p.start for p in paras]
        self.names = ctx.names
        self.quote_ranges = sorted(quote_ranges)
        self._qstarts = [s for s, _ in self.quote_ranges]
        self.skip_paragraphs = skip
        self.last: Speaker | None = None
        self.last_paragraph = -10

    # -- helpers -----------------------------------------------------------------------------
    def inside_quote(self, offset: int) -> bool:
        i = bisect_right(self._qstarts, offset) - 1
        return i >= 0 and self.quote_ranges[i][0] <= offset < self.quote_ranges[i][1]

    def cues_in(self, start: int, end: int) -> list[Token]:
        """Speech verbs whose token lies in [start, end) and outside quotes."""
        span = self.ctx.doc.char_span(start, end, alignment_mode="contract") if end > start else None
        if span is None:
            return []
        return [
            t
            for t in span
            if t.lemma_.lower() in SPEECH_VERBS
            and t.pos_ in {"VERB", "AUX"}
            and not self.inside_quote(t.idx)
            and not (t.lemma_.lower() == "call" and t.i + 1 < len(t.doc) and t.nbor().pos_ == "PROPN")
            and not _not_a_speech_act(t)
        ]

    def _type(self, name: str, fallback: str = "unknown") -> str:
        kind = self.names.kind_of(name)
        if kind == "country":
            return "organization"
        return kind if kind != "unknown" else fallback

    # -- subjects -----------------------------------------------------------------------------
    def speaker_of_cue(self, verb: Token) -> Speaker:
        """The speaker of a speech verb: its subject (inherited through conjunctions), resolved."""
        head: Token = verb
        for _ in range(4):
            # the speaker is never inside the quote (the parser sometimes finds a subject there)
            subj = [c for c in head.children if c.dep_ in _SUBJ and not self.inside_quote(c.idx)]
            if subj:
                return self.resolve_phrase(subj[0])
            # "... and said", "..., describing Biden as": the subject of the verb it hangs on
            if head.dep_ in {"conj", "advcl", "xcomp"} and head.head.pos_ == "VERB":
                head = head.head
                continue
            break
        prev = verb.doc[verb.i - 1] if verb.i > 0 else None
        if prev is not None and prev.pos_ in {"PRON", "PROPN"} and not self.inside_quote(prev.idx):
            return self.resolve_phrase(prev)  # "», she underlined": attached to the wrong clause
        if verb.lemma_.lower() in _NOT_INVERTING:
            return NOBODY
        # "said Smith" is often parsed with Smith as object or attribute
        for child in verb.children:
            if child.dep_ in {"dobj", "attr", "npadvmod", "appos", "oprd"} and verb.i < child.i <= verb.i + 4:
                lemma = child.lemma_.lower()
                titled = lemma in TITLE_WORDS or lemma in ORG_NOUNS  # "declared the minister"
                if child.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or child.pos_ == "PROPN" or titled:
                    return self.resolve_phrase(child)
        for tok in verb.doc[verb.i + 1 : min(verb.i + 4, verb.sent.end)]:
            if tok.ent_type_ in {"PERSON", "ORG"} and not self.inside_quote(tok.idx):
                return self.resolve_phrase(tok)
        return NOBODY

    def resolve_phrase(self, tok: Token) -> Speaker:
        """Resolve the noun phrase headed by ``tok`` to a canonical speaker."""
        low = tok.lower_
        if tok.pos_ == "PRON" or low in PERSON_PRONOUNS or low in GROUP_PRONOUNS:
            return self.resolve_pronoun(low, tok.idx)
        if not tok.ent_type_ and tok.pos_ != "PROPN":
            for child in tok.children:  # "the committee's chairman, Senator Robert Castellano,"
                if child.dep_ == "appos":
                    named = [t for t in child.subtree if t.ent_type_ == "PERSON"]
                    if named:
                        return self.resolve_phrase(named[-1])
        phrase = self._phrase(tok)
        # a name in a trailing prepositional phrase ("diplomats from Russia") is not the speaker
        head_part = tok.doc[phrase.start : tok.i + 1]
        lemma = tok.lemma_.lower()
        speaking_head = (
            tok.ent_type_ != "" or tok.pos_ == "PROPN" or lemma in TITLE_WORDS or lemma in ORG_NOUNS
        )
        for label in ("PERSON", "ORG", "GPE", "NORP"):
            # "Germany's line" is not Germany speaking; "Russia's foreign ministry" is Russia's
            ents = [e for e in ents_within(head_part) if e.label_ == label and (speaking_head or tok in e)]
            if ents:
                ent = ents[-1] if label == "PERSON" else ents[0]
                name = self.names.canonical_span(ent)
                fallback = "person" if label == "PERSON" else "organization"
                if label == "NORP":  # "the Russians": a group, not a named body
                    if tok.tag_ not in {"NNS", "NNPS"} and len(phrase) <= 2 and phrase[0].lower_ == "the":
                        near = self._nearest_person(tok.idx)  # "the Italian said"
                        if near:
                            return Speaker(near, "person", "title", tok.idx)
                    return Speaker(phrase.text, "unknown", "noun", tok.idx)
                return Speaker(name, self._type(name, fallback), "named", ent.start_char)
        if tok.pos_ == "PROPN" and tok.text[:1].isupper():  # the tagger calls some "minister" NNP
            name = self.names.canonical(phrase.text)
            return Speaker(name, self._type(name, "unknown"), "named", tok.idx)
        definite = any(c.lower_ in {"the", "this"} and c.dep_ == "det" for c in tok.children)
        singular = tok.tag_ not in {"NNS", "NNPS"}
        if lemma in TITLE_WORDS and singular:
            person = self.names.person_with_title_word(lemma, before=tok.idx)
            if person:
                return Speaker(person, "person", "title", tok.idx)
            if definite and len(phrase) <= 4:  # "the skipper told ...": the person just written about
                near = self._nearest_person(tok.idx)
                if near:
                    return Speaker(near, "person", "title", tok.idx)
        if lemma in ORG_NOUNS:
            org = self._org_with_word(lemma, tok.idx)
            if org is None and definite and singular and len(phrase) <= 3:
                org = self._nearest_org(tok.idx)
            if org:
                return Speaker(org, "organization", "title", tok.idx)
            return Speaker(self.names.canonical(phrase.text), "organization", "noun", tok.idx)
        return Speaker(self.names.canonical(phrase.text), "unknown", "noun", tok.idx)

    def _phrase(self, tok: Token) -> Span:
        """The head noun with its left modifiers and a following PP: "senior officials in Kyiv"."""
        left = tok.left_edge.i
        for i in range(tok.i - 1, left - 1, -1):  # never across a paragraph break
            if "\n" in tok.doc[i].text:
                left = i + 1
                break
        right = tok.i
        for child in tok.rights:
            if child.dep_ in {"prep", "compound", "flat"} and child.right_edge.i - tok.i <= 8:
                right = child.right_edge.i
            else:
                break
        span = tok.doc[left : right + 1]
        while len(span) > 1 and span[-1].is_punct:
            span = span[:-1]
        return span

    def _nearest_person(self, before: int) -> str | None:
        for m in self.names.mentions_before(before)[:12]:
            if m.kind == "person" and m.is_subject and not self.inside_quote(m.start):
                if not self._skipped(m.start):
                    return m.name
        return None

    def _nearest_org(self, before: int) -> str | None:
        for m in self.names.mentions_before(before)[:12]:
            if m.kind == "organization" and not self.inside_quote(m.start) and not self._skipped(m.start):
                return m.name
        return None

    def _org_with_word(self, word: str, before: int) -> str | None:
        for m in self.names.mentions_before(before):
            if m.kind == "organization" and word in m.name.lower().split():
                return m.name
        return None

    # -- pronouns -----------------------------------------------------------------------------
    def resolve_pronoun(self, pron: str, offset: int) -> Speaker:
        """he/she: the nearest compatible preceding person (subjects and the last speaker first)."""
        gender = PERSON_PRONOUNS.get(pron)
        if gender is None:
            if pron in GROUP_PRONOUNS and self.last and self.last.type == "organization":
                return Speaker(self.last.name, "organization", "pronoun", offset)
            if pron == "it":
                for m in self.names.mentions_before(offset)[:8]:
                    if m.kind == "organization" and m.is_subject and not self.inside_quote(m.start):
                        return Speaker(m.name, "organization", "pronoun", m.start)
            return NOBODY
        fallback: str | None = None
        last_name = self.last.name if self.last else None
        para_start = self.paras[self.paragraph_of(offset)].start if self.paras else 0
        # a person introduced earlier in the same paragraph is the likeliest antecedent
        same_para = [
            m
            for m in self.names.mentions_before(offset)[:12]
            if m.start >= para_start and m.kind == "person" and not self.inside_quote(m.start)
        ]
        compatible = [
            m
            for m in same_para
            if (self.names.gender_of(m.name) == gender and self.names.gender_is_certain(m.name))
            or (m.is_subject and self.names.gender_of(m.name) in {None, gender})
        ]
        if compatible:
            best = next((m for m in compatible if m.is_subject), compatible[0])
            return Speaker(best.name, "person", "pronoun", best.start)
        # the speaker of the last paragraph or two goes on being "he"/"she"
        if (
            self.last is not None
            and self.last.type == "person"
            and self.last.name
            and self.paragraph_of(offset) - self.last_paragraph <= 1
            and self.names.gender_of(self.last.name) in {None, gender}
        ):
            return Speaker(self.last.name, "person", "pronoun", offset)
        for m in self.names.mentions_before(offset)[:40]:
            if m.kind != "person" or self.inside_quote(m.start) or self._skipped(m.start):
                continue
            g = self.names.gender_of(m.name)
            if g is not None and g != gender:
                continue
            if m.is_subject or m.name == last_name:
                return Speaker(m.name, "person", "pronoun", m.start)
            if fallback is None:
                fallback = m.name
        if fallback:
            return Speaker(fallback, "person", "pronoun", offset)
        return NOBODY

    def paragraph_of(self, offset: int) -> int:
        """Index of the paragraph holding ``offset``."""
        return max(0, bisect_right(self._pstarts, offset) - 1)

    def _skipped(self, offset: int) -> bool:
        return self.paragraph_of(offset) in self.skip_paragraphs

    def remember(self, speaker: Speaker, paragraph: int) -> None:
        """Record the latest attributed speaker (continuation paragraphs fall back to it)."""
        if speaker.known:
            self.last = speaker
            self.last_paragraph = paragraph

    def continuing(self, paragraph: int) -> Speaker:
        """The previous speaker, when the last attribution was in this or the previous paragraphs."""
        if self.last is None:
            return NOBODY
        gap = [p for p in range(self.last_paragraph + 1, paragraph) if p not in self.skip_paragraphs]
        if len(gap) <= 1:
            return Speaker(self.last.name, self.last.type, "continuation", self.last.offset)
        return NOBODY
