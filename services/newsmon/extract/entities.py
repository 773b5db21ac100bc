"""Per-article name index: every mention of a person or body maps to the fullest name the article gives.

Built once per article from the spaCy Doc (``ArticleContext.build`` puts it in ``ctx.names``) and
shared by the quote and meeting extractors. Stable interface:

* ``names.canonical(mention) -> str``: "Sherman", "Ms. Sherman", "Wendy Sherman",
  "Assistant Secretary of State Wendy Sherman", "Sherman's" all give "Wendy Sherman"; "OSCE" gives
  "Organization for Security and Cooperation in Europe" when the article spells it out; "the
  Kremlin" gives "Kremlin"; "U.S." gives "United States". Unknown mentions come back cleaned
  (leading article, honorific and possessive removed). Pronouns are NOT resolved here.
* ``names.title_of(name) -> str | None``: the first title the article gives the person, e.g.
  "Russian Deputy Foreign Minister" (pre-modifier) or "chief executive" (appositive).
* ``names.kind_of(name) -> "person" | "organization" | "country" | "unknown"``.
* ``names.gender_of(name) -> "m" | "f" | None`` (honorifics, first names, following pronouns).
* ``names.mentions``: every ``Mention`` (char offsets, canonical name, kind) in document order.
* ``names.person_with_title_word(word, before)``: the person most recently titled e.g. "spokesman".
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsmon.extract.entity_repairs import is_big_place, missed_people, relabel
from newsmon.extract.lexicon import FEMALE_NAMES, FEMALE_WORDS, MALE_NAMES, MALE_WORDS
from newsmon.extract.name_text import (
    ALIASES,
    GENERATIONS,
    GENERIC_ORG_WORDS,
    KINDS,
    NAME_PARTICLES,
    NICKNAMES,
    clean_mention,
    first_name_gender,
    honorific_gender,
)
from newsmon.extract.name_text import alias as alias_of
from newsmon.extract.spans import sentence_start
from newsmon.extract.titles import title_of_person


@dataclass(frozen=True)
class Mention:
    """One entity mention in the text (character offsets refer to ``ctx.text``)."""

    start: int
    end: int
    text: str
    name: str  # canonical (fullest) name
    kind: str
    sent_start: int  # char offset of the sentence start
    is_subject: bool


# where a name read as a common noun stands alone as an argument ("Trump met", "with Trump")
_NAME_SLOTS = {"nsubj", "nsubjpass", "dobj", "pobj"}
# "first lady Melania Trump", "his wife, Jane Doe", "son Hunter Biden": a relative named in full
# does not claim the bare surname, which in news stays the family's public figure ("President Trump")
_KIN = {"lady", "wife", "husband", "son", "daughter", "brother", "sister", "mother", "father", "widow"}
_NOT_NAMES = {"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "LAW"}


def _capitalised(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.text[:1].isupper()


def _neighbours(span: Span) -> list[Token]:
    doc = span.doc
    return [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]


def _outvoted_people(ents: list[Span], labels: dict[int, str]) -> None:
    """ "Border Patrol" tagged PERSON once and ORG twice in one article is an organisation (a lone
    surname is left alone: the small model often tags "Trump" ORG)."""
    votes: dict[str, dict[str, int]] = {}
    for e in ents:
        tally = votes.setdefault(e.text.lower(), {})
        tally[labels[e.start]] = tally.get(labels[e.start], 0) + 1
    for e in ents:
        tally = votes[e.text.lower()]
        if len(e) > 1 and labels[e.start] == "PERSON" and tally.get("ORG", 0) > tally["PERSON"]:
            labels[e.start] = "ORG"


_CORPORATE = {"ceo", "executive", "founder", "chairman", "owner", "director"}


def _kin_before(ent: Span) -> bool:
    """Whether a relative's role stands right before the name ("first lady", "his wife,")."""
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and doc[i].lower_ in {",", "his", "her", "their", "the"}:
        i -= 1
    return (
        i >= 0
        and doc[i].lower_ in _KIN
        and (doc[i].lower_ != "lady" or (i > 0 and doc[i - 1].lower_ == "first"))
    )


def _president_rank(title: str, vice: bool) -> tuple[bool, bool, bool]:
    words = title.lower().split()
    before = words[words.index("president") - 1] if "president" in words[1:] else ""
    qualified = before not in ("", "the", "vice")  # "Russian President", "former President": not now ours
    return bool(_CORPORATE & set(words)), ("vice" in words) != vice, qualified


@dataclass
class NameIndex:
    """Name resolution for one article (see the module docstring for the interface)."""

    mentions: list[Mention] = field(default_factory=list)
    _canon: dict[str, str] = field(default_factory=dict)
    _kinds: dict[str, str] = field(default_factory=dict)
    _titles: dict[str, str] = field(default_factory=dict)
    _gender_votes: dict[str, list[int]] = field(default_factory=dict)
    _starts: list[int] = field(default_factory=list)
    _people: set[str] = field(default_factory=set)
    _strong: set[str] = field(default_factory=set)
    _by_surname: dict[str, list[str]] = field(default_factory=dict)  # "clinton" -> both Clintons
    _named_counts: Counter[str] = field(default_factory=Counter)  # full names, times named in full

    # -- public interface -------------------------------------------------------------------
    def canonical(self, mention: str) -> str:
        """The fullest name the article gives for ``mention`` (the cleaned mention if unknown)."""
        cleaned = clean_mention(mention)
        key = cleaned.lower()
        if NICKNAMES.get(key) in self._canon:  # "Bibi", when the article names Benjamin Netanyahu
            return self._canon[NICKNAMES[key]]
        if key in self._canon:
            return self._canon[key]
        if alias_of(key):
            return alias_of(key) or cleaned
        parts = key.split()
        if parts and parts[-1] in self._canon:  # "Minister Ryabkov" -> "ryabkov"
            return self._canon[parts[-1]]
        return cleaned

    def canonical_span(self, ent: Span) -> str:
        """:meth:`canonical` for a mention in the text: an honorific picks the namesake it fits
        ("Mr. Clinton" is Bill Clinton, "Mrs. Clinton" Hillary Clinton, in one article)."""
        name = self.canonical(ent.text)
        gender = honorific_gender(ent)
        words = clean_mention(ent.text).lower().split()
        if gender is None or len(words) != 1 or first_name_gender(name) in (gender, None):
            return name
        fits = [f for f in self._by_surname.get(words[0], []) if first_name_gender(f) == gender]
        if len(fits) == 1:
            return fits[0]
        # "Mr. Obama" where the article tags only Michelle Obama in full: not her, just "Obama"
        return clean_mention(ent.text) if not fits else name

    def title_of(self, name: str) -> str | None:
        """The first title the article gives ``name`` (canonicalised first), or None."""
        return self._titles.get(self.canonical(name))

    def kind_of(self, name: str) -> str:
        """person | organization | country | unknown."""
        canon = self.canonical(name)
        if canon in self._kinds:
            return self._kinds[canon]
        if canon in ALIASES.values():
            return "country"
        return "unknown"

    def gender_of(self, name: str) -> str | None:
        """ "m", "f" or None, from honorifics, first names and the pronouns that follow mentions."""
        votes = self._gender_votes.get(self.canonical(name))
        if not votes or votes[0] == votes[1]:
            return None
        return "m" if votes[0] > votes[1] else "f"

    def gender_is_certain(self, name: str) -> bool:
        """True when the gender comes from a first name, honorific or gendered title, not pronouns."""
        return self.canonical(name) in self._strong

    def mentions_before(self, offset: int) -> list[Mention]:
        """Mentions that end before ``offset``, most recent first."""
        i = bisect_right(self._starts, offset)
        return [m for m in reversed(self.mentions[:i]) if m.end <= offset]

    def person_with_title_word(self, word: str, before: int | None = None, vice: bool = False) -> str | None:
        """The most recently mentioned person whose title contains ``word`` ("spokesman"); for
        "president" the country's before a company's, a vice president only for ``vice``, and one
        titled bare ("President Obama") before another country's ("Russian President Vladimir Putin")."""
        word = word.lower()
        pool = self.mentions_before(before) if before is not None else list(reversed(self.mentions))
        if word == "president":
            pool = sorted(pool, key=lambda m: _president_rank(self._titles.get(m.name) or "", vice))
        for m in pool:
            title = self._titles.get(m.name)
            if m.kind == "person" and title and word in title.lower().split():
                return m.name
            if m.kind == "person" and word in m.name.lower().split()[:-1]:
                return m.name  # "the pope" -> "Pope Francis", "the prince" -> "Crown Prince Abdullah"
        return None

    # -- construction ---------------------------------------------------------------------
    @classmethod
    def build(cls, doc: Doc) -> NameIndex:
        """Index the PERSON/ORG/GPE/NORP entities of ``doc``."""
        index = cls()
        ents = [e for e in doc.ents if e.label_ in KINDS] + missed_people(doc)
        people = {w.lower() for e in ents if e.label_ == "PERSON" and len(e) > 1 for w in e.text.split()}
        surnames = {e.text.split()[-1].lower() for e in ents if e.label_ == "PERSON" and len(e) > 1}
        labels = {e.start: relabel(e, people) for e in ents}
        _outvoted_people(ents, labels)
        for e in ents:  # "Okonkwo" alone tagged ORG, after "Tunde Okonkwo" was found
            if len(e) == 1 and e.label_ in {"ORG", "GPE", "NORP"} and e.text.lower() in surnames:
                labels[e.start] = "PERSON"
        index._register_full_names(ents, labels)
        index._register_first_names()
        index._register_org_short_names(ents, labels)
        for ent in sorted(ents + index._unlabelled_people(doc), key=lambda e: e.start):
            cleaned = clean_mention(ent.text)
            if not cleaned:
                continue
            name = index.canonical_span(ent)
            kind = KINDS[labels.get(ent.start, ent.label_)]
            index._kinds.setdefault(name, kind)
            root = ent.root
            is_subject = (
                root.dep_ in {"nsubj", "nsubjpass"}
                or (root.dep_ in {"appos", "compound"} and root.head.dep_ in {"nsubj", "nsubjpass"})
                or any(  # "Suu Kyi, who had breakfast with Biden": the subject of its relative clause
                    c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.lower_ == "who" for g in c.children)
                    for c in root.children
                )
            )
            index.mentions.append(
                Mention(
                    ent.start_char,
                    ent.end_char,
                    ent.text,
                    name,
                    kind,
                    doc[sentence_start(doc, ent.start)].idx,
                    is_subject,
                )
            )
            if kind == "person":
                title = title_of_person(ent)
                if title and name not in index._titles:
                    index._titles[name] = title
                index._vote_gender(ent, name, title)
        index._starts = [m.start for m in index.mentions]
        return index

    def recovered_people(self, doc: Doc) -> list[Span]:
        """The known people's mentions the NER missed that stand alone as an argument ("Trump met",
        "with Reince"), as PERSON spans to add to ``doc.ents``; not a word of a longer name
        ("Trump National Doral", "Prime Minister")."""
        return [
            span
            for span in self._unlabelled_people(doc)
            if span.root.dep_ in _NAME_SLOTS and not any(_capitalised(t) for t in _neighbours(span))
        ]

    def mislabelled_people(self, doc: Doc) -> list[Span]:
        """Known people's one-word mentions the NER labelled as something else ("as Panetta flew"
        with "Panetta" a PRODUCT, "Broadwell" a GPE) where they stand alone as an argument: PERSON
        spans to put in their place. A big place keeps its label ("Jordan" beside a Michael Jordan)."""
        out: list[Span] = []
        for ent in doc.ents:
            if len(ent) != 1 or ent.label_ in _NOT_NAMES or ent.root.dep_ not in _NAME_SLOTS:
                continue
            if not ent.text[:1].isupper() or ent.text.isupper() or is_big_place(ent.text):
                continue
            name = self._canon.get(ent.text.lower())
            if name and name != ent.text and self._kinds.get(name) == "person" and name in self._people:
                out.append(Span(doc, ent.start, ent.end, label="PERSON"))
        return out

    def _unlabelled_people(self, doc: Doc) -> list[Span]:
        """Later mentions of a known person the NER missed ("a furious Pearce said"), also when
        the parser read the name as a common noun ("Trump met on Monday with his task force")."""
        out: list[Span] = []
        for tok in doc:
            if tok.ent_type_ or not tok.text[:1].isupper() or tok.text.isupper():
                continue
            if tok.pos_ != "PROPN" and not (tok.pos_ == "NOUN" and tok.dep_ in _NAME_SLOTS):
                continue
            name = self._canon.get(tok.lower_)
            if name and self._kinds.get(name, "person") == "person" and name in self._people:
                out.append(Span(doc, tok.i, tok.i + 1, label="PERSON"))
        return out

    def _register_full_names(self, ents: list[Span], labels: dict[int, str]) -> None:
        """Map every sub-name (surname, first name, acronym) to the longest name containing it."""
        fulls: list[tuple[str, str]] = []
        kin: set[str] = set()
        for ent in ents:
            cleaned = clean_mention(ent.text)
            if not cleaned:
                continue
            alias = alias_of(cleaned.lower())
            fulls.append((alias or cleaned, labels.get(ent.start, ent.label_)))
            if _kin_before(ent):
                kin.add((alias or cleaned).lower())
        # longest first so "Wendy Sherman" claims "sherman" before a bare "Sherman" does
        # an all-capitals headline form ("SAUDI ARABIA") yields to the body's spelling of the same name
        juniors: list[tuple[str, str]] = []
        for full, label in sorted(fulls, key=lambda f: (-len(f[0]), f[0].isupper())):
            key = full.lower()
            self._canon.setdefault(key, self._canon.get(key, full))
            words = key.split()
            if label == "PERSON" and len(words) > 2 and words[-1] in GENERATIONS:
                # "Donald Trump Jr": "Trump Jr" is his; the bare "Trump" only if no one else has it
                self._canon.setdefault(" ".join(words[-2:]), full)
                self._people.add(self._canon.get(key, full))
                juniors.append((words[-2], full))
                continue
            if label == "PERSON" and len(words) > 1:
                if key not in kin:
                    self._canon.setdefault(words[-1], full)
                same = self._by_surname.setdefault(words[-1], [])
                if self._canon.get(key, full) not in same:
                    same.append(self._canon.get(key, full))
                if len(words) > 2:  # "Laura K. Cooper" -> "Laura Cooper"
                    self._canon.setdefault(f"{words[0]} {words[-1]}", full)
                    for k in range(1, len(words) - 1):  # "Suu Kyi" -> "Aung San Suu Kyi"
                        self._canon.setdefault(" ".join(words[k:]), full)
                    for inner in words[1:-1]:  # "Lula" -> "Luiz Inacio Lula da Silva"
                        if len(inner) > 2 and inner.isalpha() and inner not in NAME_PARTICLES:
                            self._canon.setdefault(inner, full)
            if label == "PERSON":
                self._people.add(self._canon.get(key, full))
            # a two-word body's acronym too: "European Union" -> "EU", before "EU Commission" claims it
            if label == "ORG" and len(words) > 1:
                acro = "".join(w[0] for w in full.split() if w[:1].isupper())
                if len(acro) >= 2:
                    self._canon.setdefault(acro.lower(), full)
        for surname, full in juniors:
            self._canon.setdefault(surname, full)
        self._named_counts = Counter(
            self._canon.get(full.lower(), full) for full, label in fulls if label == "PERSON" and " " in full
        )
        self._surname_to_most_named()

    def _surname_to_most_named(self) -> None:
        """A bare surname two people share is the one the article names in full more often: "President
        Donald Trump" (four times) over "Melania Trump" (twice), whichever name is longer."""
        counts = self._named_counts
        for surname, names in self._by_surname.items():
            holder = self._canon.get(surname)
            if len(names) < 2 or holder not in names:
                continue
            best = max(names, key=lambda n: counts[n])
            if counts[best] > counts[holder]:
                self._canon[surname] = best

    def _register_org_short_names(self, ents: list[Span], labels: dict[int, str]) -> None:
        """ "Northwind" -> "Northwind Semiconductor" when the article uses the short form alone."""
        for ent in ents:
            words = clean_mention(ent.text).split()
            if labels.get(ent.start, ent.label_) == "ORG" and len(words) > 1:
                first = words[0].lower()
                if first not in GENERIC_ORG_WORDS and words[0][:1].isupper():
                    # "Obama" stays the person in "the Obama White House", "Obama administration"
                    if self._canon.get(first, words[0]) == words[0] and words[0] not in self._people:
                        self._canon[first] = self._canon.get(" ".join(words).lower(), " ".join(words))

    def _register_first_names(self) -> None:
        """ "Xi" -> "Xi Jinping", "Wendy" -> "Wendy Sherman", when no surname claims the word."""
        counts = self._named_counts
        # longest first, but a first word two people share is the one named in full more often:
        # "Kim Jong Un" (three times) over the spokesman "Kim Eui-kyeom" (once)
        for full in sorted(self._people, key=lambda f: (counts[f], len(f), f), reverse=True):
            words = full.lower().split()
            if len(words) > 1:
                current = self._canon.get(words[0])
                if current is None or " " not in current:  # a bare "Xi" registered itself
                    self._canon[words[0]] = full

    def _vote_gender(self, ent: Span, name: str, title: str | None) -> None:
        votes = self._gender_votes.setdefault(name, [0, 0])
        prev = ent.doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
        first = ent[0].lower_
        words = set((title or "").lower().split()) | {prev}
        if first in MALE_NAMES or words & MALE_WORDS:
            votes[0] += 2
            self._strong.add(name)
        if first in FEMALE_NAMES or words & FEMALE_WORDS:
            votes[1] += 2
            self._strong.add(name)
        # the first personal pronoun after the mention, before another person is named
        for tok in ent.doc[ent.end : min(len(ent.doc), ent.end + 40)]:
            if tok.ent_type_ == "PERSON":
                break
            if tok.lower_ in {"he", "him", "his", "himself"}:
                votes[0] += 1
                break
            if tok.lower_ in {"she", "her", "hers", "herself"}:
                votes[1] += 1
                break
