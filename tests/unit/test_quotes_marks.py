"""Quote-mark pairing and boilerplate detection: character-level, no spaCy model needed."""

from __future__ import annotations

from newsmon.extract.boilerplate import is_boilerplate
from newsmon.extract.quote_marks import find_quotes, merge_split_quotes, paragraphs


def _texts(text: str) -> list[str]:
    spans = find_quotes(text, paragraphs(text))
    return [" ".join(text[s:e] for s, e in q.parts) for q in spans]


def test_curly_and_straight_marks_pair_inside_a_paragraph() -> None:
    text = '“One two,” she said. "Three four."'
    assert _texts(text) == ["One two,", "Three four."]


def test_mismatched_closing_mark_still_closes() -> None:
    # the dev article's last quote closes with an opening mark
    text = "“We expect a cohesive message from our allies, “Sherman said on Monday."
    assert _texts(text) == ["We expect a cohesive message from our allies,"]


def test_multi_paragraph_quote_is_one_quote_with_a_part_per_paragraph() -> None:
    text = "“First paragraph goes on.\n\n“Second one too.\n\n“Third closes.”\n\nNarrative."
    spans = find_quotes(text, paragraphs(text))
    assert len(spans) == 1
    assert len(spans[0].parts) == 3
    assert _texts(text) == ["First paragraph goes on. Second one too. Third closes."]


def test_quote_without_closing_mark_ends_with_its_paragraph() -> None:
    text = "\"You can't put that on a bus.\n\nAlvarez said parents would keep pressing."
    assert _texts(text) == ["You can't put that on a bus."]


def test_angle_marks_and_nested_single_marks() -> None:
    text = "« Nous disons ‘non’ », a-t-il dit. “We will not give up NATO’s ‘open door’ policy,” she said."
    assert _texts(text) == ["Nous disons ‘non’", "We will not give up NATO’s ‘open door’ policy,"]


def test_british_single_marks_survive_apostrophes() -> None:
    text = "'Patients' groups are right, let's talk,' she said. 'It's time.'"
    assert _texts(text) == ["Patients' groups are right, let's talk,", "It's time."]


def test_split_quote_is_merged_and_sentence_break_is_not() -> None:
    text = "“We were better,” Okonkwo said, “and then we stopped.” “Next one.” He left. “Last.”"
    merged = merge_split_quotes(text, find_quotes(text, paragraphs(text)))
    joined = [" ".join(text[s:e] for s, e in q.parts) for q, _ in merged]
    assert joined == ["We were better, and then we stopped.", "Next one.", "Last."]
    assert merged[0][1] is not None and "Okonkwo said" in text[merged[0][1][0] : merged[0][1][1]]


def test_captions_bylines_and_credits_are_boilerplate() -> None:
    assert is_boilerplate("Sherman and Ryabkov attend talks in Geneva on Monday. Denis Balibouse / AP")
    assert is_boilerplate("Eleanor Watson contributed to this report.")
    assert is_boilerplate("By Danny Marsh, Chief Football Writer")
    assert is_boilerplate("Reporting by Wire staff in Istanbul; Editing by Mark Heinrich")
    assert is_boilerplate("PICTURED: Gary Pearce confronts the referee. Photo: Sportsfile")
    assert is_boilerplate(
        "JUST WATCHED 'I screwed up' Replay More Videos ... MUST WATCH 'I screwed up' 05:06"
    )
    assert not is_boilerplate("“This was not a mistake,” Mr Keane told the jury.")
    assert not is_boilerplate("By Tuesday the talks had collapsed, officials said.")


def test_hard_wrapped_lines_stay_in_their_paragraph() -> None:
    text = (
        "“This quote is wrapped\nover two lines,” she said.\n\nNext paragraph\nwrapped too.\n\n"
        "“Another one,” he said,\n“and more.”"
    )
    assert _texts(text) == ["This quote is wrapped\nover two lines,", "Another one,", "and more."]
    assert len(paragraphs(text)) == 3
    unwrapped = "“One per line.”\n“Next line, unbalanced.\n\nThird paragraph with a long line " + "x" * 100
    assert len(paragraphs(unwrapped)) == 3


def test_doubled_apostrophes_of_wire_archives_are_quote_marks() -> None:
    text = "''We met as the core four today,'' Ms. Conway added. He called it ''a good day.''"
    assert _texts(text) == ["We met as the core four today,", "a good day."]
    assert _texts("The players' union met the owners' group.") == []
