"""The per-article name index (``ctx.names``) the quote and meeting extractors share."""

from __future__ import annotations

import pytest

from newsmon.extract.context import ArticleContext
from newsmon.extract.name_text import clean_mention
from newsmon.extract.nlp import load_model
from newsmon.extract.text import prepare

pytestmark = pytest.mark.slow

TEXT = (
    "Assistant Secretary of State Wendy Sherman met Russian Deputy Foreign Minister Sergei Ryabkov "
    "in Geneva. Sherman said she was hopeful.\n\n"
    "The Organization for Security and Cooperation in Europe (OSCE) will meet in Vienna. "
    "The Kremlin said the U.S. proposals were a start. Ryabkov's team declined to comment.\n\n"
    "Northwind's finance chief, Daniel Brandt, said he was confident."
)


@pytest.fixture(scope="module")
def ctx() -> ArticleContext:
    prepared = prepare(TEXT)
    return ArticleContext.build(load_model()(prepared.text), prepared)


@pytest.mark.parametrize(
    "mention",
    ["Sherman", "Wendy Sherman", "Assistant Secretary of State Wendy Sherman", "Ms. Sherman", "Sherman's"],
)
def test_every_mention_maps_to_the_fullest_name(ctx: ArticleContext, mention: str) -> None:
    assert ctx.names.canonical(mention) == "Wendy Sherman"


def test_titles_kinds_and_gender(ctx: ArticleContext) -> None:
    names = ctx.names
    assert names.title_of("Sherman") == "Assistant Secretary of State"
    assert names.title_of("Ryabkov") == "Russian Deputy Foreign Minister"
    assert names.title_of("Daniel Brandt") == "Northwind's finance chief"
    assert names.kind_of("Ryabkov's") == "person"
    assert names.kind_of("Geneva") == "country"
    assert names.kind_of("no such thing") == "unknown"
    assert names.gender_of("Wendy Sherman") == "f"
    assert names.gender_of("Sergei Ryabkov") == "m"


def test_acronyms_aliases_and_articles(ctx: ArticleContext) -> None:
    names = ctx.names
    assert names.canonical("OSCE") == "Organization for Security and Cooperation in Europe"
    assert names.canonical("U.S.") == "United States"
    assert names.canonical("the Kremlin") == "Kremlin"
    assert names.mentions_before(5) == []
    assert "Wendy Sherman" in [m.name for m in names.mentions_before(60)]
    assert names.person_with_title_word("minister") == "Sergei Ryabkov"


def test_a_title_case_headline_verb_is_not_part_of_the_name() -> None:
    assert clean_mention("Obama Says") == "Obama"
    assert clean_mention("Barack Obama Warns") == "Barack Obama"
    assert clean_mention("says") == "says"  # a single word is left alone


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("Fire Chief Dolores Ramirez", "Dolores Ramirez"),
        ("Defense Secretary Mark Esper", "Mark Esper"),
        ("King Fahd", "King Fahd"),
        ("Finance Ministry Statistics Office", "Finance Ministry Statistics Office"),
    ],
)
def test_a_title_the_tagger_took_into_a_name_is_cut_off(mention: str, name: str) -> None:
    assert clean_mention(mention) == name


def test_an_entity_never_runs_across_a_full_stop_the_tokenizer_kept() -> None:
    from newsmon.extract.entity_repairs import trim_cross_sentence_entities

    doc = load_model()("The retreat was renamed Shangri-La. Roosevelt hosted Winston Churchill there.")
    trim_cross_sentence_entities(doc)
    assert [e.text for e in doc.ents] == [
        "Roosevelt",
        "Winston Churchill",
    ]  # the tagger gave "Shangri-La. Roosevelt"
