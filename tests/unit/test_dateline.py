"""Agency datelines are not part of the first sentence's reported speech."""

import datetime as dt

import pytest

from newsmon.extract.dateline import dateline_end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OSLO — Energy ministers will meet.", "Energy ministers will meet."),
        ("GENEVA (Reuters) - Talks ended.", "Talks ended."),
        ("BERLIN, Dec 30 (Wire) - Scholz spoke.", "Scholz spoke."),
        ("Energy ministers will meet — in Oslo.", "Energy ministers will meet — in Oslo."),
    ],
)
def test_dateline_end(text: str, expected: str) -> None:
    assert text[dateline_end(text) :] == expected


@pytest.mark.slow
def test_reported_speech_leaves_the_dateline_out() -> None:
    from newsmon.extract import Extractor

    text = (
        "OSLO — Energy ministers from the Nordic and Baltic states will coordinate electricity "
        "supplies for the winter, the Norwegian government said on Monday."
    )
    quotes = Extractor().extract(text, published=dt.date(2026, 11, 24))["quotes"]
    reported = [q for q in quotes if not q["direct"]]
    assert len(reported) == 1
    assert reported[0]["text"].startswith("Energy ministers")
    assert reported[0]["parts"][0]["start"] == text.index("Energy")


@pytest.mark.slow
def test_dateline_city_is_not_a_meeting_participant() -> None:
    from newsmon.extract import Extractor

    text = (
        "ROTTERDAM — Union negotiators and the port employers' association met for six hours in "
        "Rotterdam on Monday, the first face-to-face session since dock workers walked out."
    )
    meetings = Extractor().extract(text, published=dt.date(2026, 11, 24))["meetings"]
    names = [p["name"] for m in meetings for p in m["participants"]]
    assert not any("ROTTERDAM" in n for n in names), names
