"""Quote extraction hard cases, each on a short text written for the test (loads the spaCy model)."""

from __future__ import annotations

from typing import Any

import pytest

from newsmon.extract.pipeline import Extractor

pytestmark = pytest.mark.slow


def quotes(extractor: Extractor, text: str, direct: bool | None = True) -> list[dict[str, Any]]:
    out = extractor.extract(text)["quotes"]
    return [q for q in out if direct is None or q["direct"] is direct]


def by_text(qs: list[dict[str, Any]], start: str) -> dict[str, Any]:
    found = [q for q in qs if q["text"].startswith(start)]
    assert found, f"no quote starting {start!r} in {[q['text'] for q in qs]}"
    return found[0]


def test_speaker_before_after_and_inverted(extractor: Extractor) -> None:
    text = (
        "Finance Minister Karen Holt spoke on Monday.\n\n"
        "“Inflation is falling faster than we expected,” Holt said.\n\n"
        "Opposition leader Mark Bryce said: “The minister is living in a fantasy world.”\n\n"
        "“Nobody believes these numbers,” said Bryce, who leads the Labour group."
    )
    qs = quotes(extractor, text)
    assert by_text(qs, "Inflation")["speaker"] == "Karen Holt"
    assert by_text(qs, "Inflation")["speaker_title"] == "Finance Minister"
    assert by_text(qs, "The minister is living")["speaker"] == "Mark Bryce"
    assert by_text(qs, "Nobody believes")["speaker"] == "Mark Bryce"
    assert all(q["partial"] is False for q in qs)


def test_split_quote_with_speaker_inside_is_one_quote(extractor: Extractor) -> None:
    text = "“We were the better side for an hour,” coach Dan Price said, “and then we stopped running.”"
    qs = quotes(extractor, text)
    assert len(qs) == 1
    assert qs[0]["text"] == "We were the better side for an hour, and then we stopped running."
    assert len(qs[0]["parts"]) == 2
    assert qs[0]["speaker"] == "Dan Price"


def test_pronouns_follow_gender_and_the_last_speaker(extractor: Extractor) -> None:
    text = (
        "Councilwoman Erica Vance attacked her rival, David Kessler, over housing.\n\n"
        "“Rents went up every single year,” she said.\n\n"
        "Kessler rejected the charge.\n\n"
        "“I am proud of that record,” he said. “We built more homes than anyone.”"
    )
    qs = quotes(extractor, text)
    assert by_text(qs, "Rents went up")["speaker"] == "Erica Vance"
    assert by_text(qs, "I am proud")["speaker"] == "David Kessler"
    assert by_text(qs, "We built more")["speaker"] == "David Kessler"


def test_continuation_and_multi_paragraph_quotes_keep_the_speaker(extractor: Extractor) -> None:
    text = (
        "“We have done what we said we would do,” Janet Okafor said. “We froze hiring.\n\n"
        "“But efficiency has limits.\n\n"
        "“If the state does not act, riders will pay.”\n\n"
        "“And we will keep asking,” she went on."
    )
    qs = quotes(extractor, text)
    multi = by_text(qs, "We froze hiring.")
    assert (
        multi["text"]
        == "We froze hiring. But efficiency has limits. If the state does not act, riders will pay."
    )
    assert len(multi["parts"]) == 3
    assert {q["speaker"] for q in qs} == {"Janet Okafor"}
    unattributed = "Some people didn't want to believe it."
    text2 = f"“They were banging on doors,” Frank Olsen said.\n\n“{unattributed}”"
    assert by_text(quotes(extractor, text2), "Some people")["speaker"] == "Frank Olsen"


def test_nested_and_mismatched_marks(extractor: Extractor) -> None:
    text = (
        "“We will not shut NATO’s ‘open door’ policy,” Wendy Sherman said.\n\n"
        "“Russia will hear a cohesive message from our allies, “Sherman said on Monday."
    )
    qs = quotes(extractor, text)
    assert by_text(qs, "We will not shut")["text"] == "We will not shut NATO’s ‘open door’ policy,"
    assert by_text(qs, "Russia will hear")["speaker"] == "Wendy Sherman"


def test_angle_marks_and_machine_translated_verbs(extractor: Extractor) -> None:
    text = (
        "The Minister of Agriculture, Claire Vasseur, received the unions on Tuesday.\n\n"
        "« Nobody in this government is indifferent », declared the minister.\n\n"
        "« We did not come to Paris to drink coffee », launched Henri Lacombe, the union leader."
    )
    qs = quotes(extractor, text)
    assert by_text(qs, "Nobody in this")["speaker"] == "Claire Vasseur"
    assert by_text(qs, "We did not come")["speaker"] == "Henri Lacombe"


def test_partial_quotes_need_a_speech_cue(extractor: Extractor) -> None:
    text = (
        "Ryabkov told reporters the talks were “very professional” and useful.\n\n"
        "The so-called “peace plan” was dropped. Fans called the striker “The Rocket” for years.\n\n"
        "Rovers boss Gary “The Bulldog” Pearce left early. Her debut novel, “The Salt Road,” sold well."
    )
    qs = quotes(extractor, text)
    assert [q["text"] for q in qs] == ["very professional"]
    assert qs[0]["partial"] is True
    assert qs[0]["speaker"] == "Ryabkov"


def test_captions_and_credits_are_not_quotes(extractor: Extractor) -> None:
    text = (
        "“We lost everything,” said Maria Lopez, whose house burned.\n\n"
        "Residents watch the fire. “It’s gone,” one said. Photo: Kevin Lu / Getty Images\n\n"
        "Dana Li contributed to this report."
    )
    qs = quotes(extractor, text, direct=None)
    assert [q["text"] for q in qs] == ["We lost everything,"]


def test_one_canonical_speaker_and_organisations(extractor: Extractor) -> None:
    text = (
        "Assistant Secretary of State Wendy Sherman led the talks.\n\n"
        "“We were clear,” Sherman said.\n\n"
        "The Kremlin said it was open to talks but would not move first.\n\n"
        "“Our position has not changed,” the Kremlin said in a statement."
    )
    qs = quotes(extractor, text, direct=None)
    clear = by_text(qs, "We were clear")
    assert clear["speaker"] == "Wendy Sherman"
    assert clear["speaker_title"] == "Assistant Secretary of State"
    assert clear["speaker_type"] == "person"
    position = by_text(qs, "Our position")
    assert position["speaker"] == "Kremlin"
    assert position["speaker_type"] == "organization"


def test_reported_speech_is_indirect_with_the_clause_as_text(extractor: Extractor) -> None:
    text = (
        "Pentagon spokesman John Kirby said the department supported the talks.\n\n"
        "According to the ministry, 27 people had died in the floods.\n\n"
        "Ryabkov told reporters that Moscow had no intention of attacking Ukraine."
    )
    qs = quotes(extractor, text, direct=False)
    texts = {q["text"]: q for q in qs}
    assert texts["the department supported the talks"]["speaker"] == "John Kirby"
    assert "27 people had died in the floods" in texts
    assert texts["Moscow had no intention of attacking Ukraine"]["speaker"] == "Ryabkov"
    assert all(q["direct"] is False and q["partial"] is False for q in qs)


def test_offsets_point_at_the_quoted_text(extractor: Extractor) -> None:
    text = "Intro line.\n\n“A first part,” he said, “and a second.” Mayor Ann Lee spoke."
    for q in extractor.extract(text)["quotes"]:
        pieces = [text[p["start"] : p["end"]] for p in q["parts"]]
        assert " ".join(pieces) == q["text"]
        assert 0.0 <= q["confidence"] <= 1.0


def test_vox_pop_credit_lines_and_transcript_labels(extractor: Extractor) -> None:
    text = (
        "Readers wrote in after the debate.\n\n"
        "“He makes blanket statements about people he knows nothing about.” ― Pamela Padilla\n\n"
        "Ana Reyes: “I was not surprised at all by what I heard.”"
    )
    qs = quotes(extractor, text)
    assert by_text(qs, "He makes blanket")["speaker"] == "Pamela Padilla"
    assert by_text(qs, "I was not surprised")["speaker"] == "Ana Reyes"


def test_unnamed_sources_report_but_nationalities_do_not(extractor: Extractor) -> None:
    text = (
        "Local officials said the bridge would reopen to traffic on Monday morning.\n\n"
        "The Russians said they had no intention of invading the neighbouring country."
    )
    texts = [q["text"] for q in quotes(extractor, text, direct=False)]
    assert texts == ["the bridge would reopen to traffic on Monday morning"]
