"""Meeting extraction end to end through the one Extractor code path (loads spaCy: slow)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsmon.extract import Extractor
from newsmon.extract.meetings import flat_view

pytestmark = pytest.mark.slow

DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev"


def meetings(extractor: Extractor, text: str, published: dt.date) -> list[dict]:
    return extractor.extract(text, published=published)["meetings"]


def only(found: list[dict]) -> dict:
    assert len(found) == 1, [m["evidence"]["text"] for m in found]
    return found[0]


def names(meeting: dict) -> set[str]:
    return {p["name"].split()[-1] for p in meeting["participants"]}


@pytest.mark.skipif(not (DEV / "geneva-talks.json").exists(), reason="dev article not present")
def test_dev_article_all_six_meetings_with_right_dates(extractor):
    gold = json.loads((DEV / "geneva-talks.json").read_text())
    text = (DEV / "geneva-talks.txt").read_text()
    found = meetings(extractor, text, dt.date(2022, 1, 11))
    assert sorted(str(m["date"]) for m in found) == sorted(str(g["date"]) for g in gold["meetings"])
    by_date = {m["date"]: m for m in found}
    assert by_date["2022-01-10"]["status"] == "held"
    assert by_date["2022-01-10"]["location"]["country_code"] == "CH"
    assert by_date["2022-01-11"]["status"] == "scheduled"
    assert by_date["2022-01-11"]["location"]["name"] == "Brussels"
    assert {"Sherman", "Stoltenberg"} <= names(by_date["2022-01-11"])
    assert by_date["2022-01-12"]["location"] is None
    assert by_date["2021-06"]["status"] == "held"
    assert by_date[None]["status"] == "proposed"


def test_scheduled_across_year_boundary(extractor):
    text = (
        "German President Frank-Walter Steinmeier will meet Brazilian President Luiz Inacio Lula da Silva "
        "in Brasilia on Monday to discuss the Amazon."
    )
    m = only(meetings(extractor, text, dt.date(2022, 12, 30)))
    assert m["date"] == "2023-01-02"
    assert m["status"] == "scheduled"
    assert m["location"]["country_code"] == "BR"
    assert {"Steinmeier", "Silva"} <= names(m)


def test_phone_call_held_yesterday_weekday(extractor):
    text = "German Chancellor Olaf Scholz spoke with Russian President Vladimir Putin by telephone on Friday."
    m = only(meetings(extractor, text, dt.date(2022, 12, 3)))
    assert (m["kind"], m["status"], m["date"]) == ("call", "held", "2022-12-02")
    assert m["location"] is None
    assert names(m) == {"Scholz", "Putin"}


def test_cancelled_visit(extractor):
    text = (
        "Polish President Andrzej Duda has cancelled a planned visit to Kyiv on Thursday because of "
        "security concerns, his office said on Wednesday."
    )
    m = only(meetings(extractor, text, dt.date(2023, 9, 13)))
    assert m["status"] == "cancelled"
    assert m["date"] == "2023-09-14"
    assert m["location"]["name"] == "Kyiv"


def test_postponed_talks_keep_their_planned_date(extractor):
    text = (
        "A new round of peace talks between Armenia and Azerbaijan, which was scheduled to open in "
        "Washington on May 1, has been postponed, officials said on Tuesday."
    )
    m = only(meetings(extractor, text, dt.date(2023, 4, 25)))
    assert (m["status"], m["date"]) == ("postponed", "2023-05-01")
    assert m["location"]["name"] == "Washington"
    assert {p["name"] for p in m["participants"]} >= {"Armenia", "Azerbaijan"}


def test_proposed_meeting_has_no_date(extractor):
    text = (
        "Ukrainian President Volodymyr Zelensky said on Wednesday that he was ready to meet Vladimir Putin."
    )
    m = only(meetings(extractor, text, dt.date(2022, 5, 19)))
    assert m["status"] == "proposed"
    assert m["date"] is None
    assert {"Zelensky", "Putin"} <= names(m)


def test_mentions_of_one_meeting_merge_and_offsets_point_into_text(extractor):
    text = (
        "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Tokyo on "
        "Thursday.\n\nThe meeting lasted two hours. Thursday's talks were the first in twelve years."
    )
    m = only(meetings(extractor, text, dt.date(2023, 3, 17)))
    assert m["date"] == "2023-03-16" and m["status"] == "held"
    assert m["mentions"] >= 2
    ev = m["evidence"]
    assert text[ev["start"] : ev["end"]] == ev["text"]


def test_no_meeting_no_output(extractor):
    assert (
        meetings(extractor, "The minister said the economy would grow by two percent.", dt.date(2023, 1, 2))
        == []
    )


def test_same_meeting_same_key_across_outlets(extractor):
    a = "U.S. President Joe Biden and Russian President Vladimir Putin met in Geneva on Wednesday."
    b = (
        "Putin and Biden held talks at a lakeside villa in Geneva on Wednesday, hosted by Swiss President "
        "Guy Parmelin. Biden told reporters Putin was a tough adversary, and Putin said Biden was "
        "experienced."
    )
    ka = {m["meeting_key"] for m in meetings(extractor, a, dt.date(2021, 6, 17))}
    kb = {m["meeting_key"] for m in meetings(extractor, b, dt.date(2021, 6, 17))}
    assert ka and ka <= kb


def test_scorer_view_is_flat(extractor):
    text = "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Thursday."
    m = only(meetings(extractor, text, dt.date(2022, 12, 3)))
    flat = flat_view(m)
    assert flat["location"] == "Paris"
    assert all(isinstance(p, str) for p in flat["participants"])
    assert isinstance(flat["evidence"], str)
    # the structure stays beside the flat names
    assert flat["place"]["country_code"] == "FR"
    assert {p["name"] for p in flat["participant_details"]} == set(flat["participants"])
    assert flat["evidence_span"] == {"start": m["evidence"]["start"], "end": m["evidence"]["end"]}
    assert json.dumps(flat)


def test_multi_day_talks_ongoing_from_their_opening_day(extractor):
    text = (
        "Talks between the United States and the Taliban in Doha continued for a third day on Monday.\n\n"
        "The meetings, which opened on Saturday, are being held at a hotel in Doha."
    )
    m = only(meetings(extractor, text, dt.date(2022, 10, 10)))
    assert m["status"] == "ongoing"
    assert (m["date"], m["end_date"]) == ("2022-10-08", "2022-10-10")
    assert {p["name"] for p in m["participants"]} >= {"United States", "Taliban"}


def test_output_fits_the_meetings_topic_schema(extractor):
    import jsonschema

    schema_file = Path(__file__).resolve().parents[2] / "schemas" / "meetings.v1.schema.json"
    if not schema_file.exists():
        pytest.skip("meetings.v1 schema not present")
    schema = json.loads(schema_file.read_text())
    # id, article_id and extracted_at are added by the worker, not the extractor
    schema["required"] = [r for r in schema["required"] if r not in ("id", "article_id", "extracted_at")]
    text = (
        "NATO defence ministers will gather in Brussels on Wednesday and Thursday. Secretary of State "
        "Antony Blinken spoke by telephone with Russian Foreign Minister Sergei Lavrov on Tuesday, and the "
        "two men last met in Geneva on January 21. A summit planned for March was called off."
    )
    found = meetings(extractor, text, dt.date(2022, 2, 16))
    assert len(found) >= 3
    validator = jsonschema.Draft202012Validator(schema)
    for m in found:
        assert not list(validator.iter_errors(m)), m


def test_phone_discussion_with_hanging_off_the_phone_noun(extractor):
    text = (
        "Kremlin spokesman Dmitry Peskov said President Vladimir Putin had discussed the grain corridor "
        "by telephone with Turkish President Recep Tayyip Erdogan on Tuesday."
    )
    m = only(meetings(extractor, text, dt.date(2023, 11, 16)))
    assert m["kind"] == "call" and m["date"] == "2023-11-14"
    assert {"Putin", "Erdogan"} <= names(m)


def test_sports_fixture_and_hearing_are_not_meetings(extractor):
    text = (
        "Coach Maria Lopez, whose team meet Real Betis in the final on May 3, said they were ready.\n\n"
        "Transport Secretary Pete Buttigieg testified at a hearing of the Senate Commerce Committee "
        "on Tuesday."
    )
    assert meetings(extractor, text, dt.date(2024, 4, 25)) == []


def test_minister_receives_a_delegation(extractor):
    text = (
        "The Minister of Labour, Sophie Martin, received on Monday the representatives of the "
        "transport unions, at the ministry in Paris."
    )
    m = only(meetings(extractor, text, dt.date(2024, 1, 24)))
    assert "Martin" in names(m) and m["status"] == "held" and m["date"] == "2024-01-22"


def test_who_acts_at_a_meeting_meets(extractor):
    text = (
        "IMF chief Kristalina Georgieva is due to discuss the loan with finance ministers from the "
        "European Union at a meeting in Brussels next week."
    )
    m = only(meetings(extractor, text, dt.date(2024, 3, 12)))
    assert "Georgieva" in names(m) and m["status"] == "scheduled"


def test_reported_subject_not_the_spokesman_meets(extractor):
    text = (
        "Governor Kathy Hochul presented her budget plan in Albany on Monday.\n\n"
        'Her spokesman, John Smith, said in a statement that the governor was "weighing every option" '
        "and would meet with union leaders next week."
    )
    m = only(meetings(extractor, text, dt.date(2024, 2, 14)))
    assert names(m) == {"Hochul"}


def test_the_club_is_the_club_the_story_is_about(extractor):
    text = (
        "Rovers lost 2-1 to United on Saturday after a late penalty.\n\n"
        "Rovers manager Tom Price was sent off in stoppage time.\n\n"
        "The defeat leaves Rovers third in the table.\n\n"
        "The club's board will meet on Friday to discuss an appeal, a source close to the club said."
    )
    m = only(meetings(extractor, text, dt.date(2024, 3, 4)))
    assert [p["name"] for p in m["participants"]] == ["Rovers"] and m["date"] == "2024-03-08"


def test_meeting_dated_a_day_before_the_call(extractor):
    text = (
        "Chancellor Olaf Scholz spoke with President Vladimir Putin by telephone on Friday.\n\n"
        "The call came a day after Scholz met Spanish Prime Minister Pedro Sanchez in Madrid."
    )
    found = meetings(extractor, text, dt.date(2022, 12, 3))
    by_names = {frozenset(names(m)): m for m in found}
    assert by_names[frozenset({"Scholz", "Putin"})]["date"] == "2022-12-02"
    assert by_names[frozenset({"Scholz", "Sanchez"})]["date"] == "2022-12-01"


def test_meeting_on_the_sidelines_takes_the_summit_date(extractor):
    text = (
        "Leaders of the Group of 20 will hold a summit in New Delhi on September 9.\n\n"
        "A meeting between Prime Minister Narendra Modi and President Joe Biden on the sidelines "
        "is being arranged, officials said."
    )
    found = meetings(extractor, text, dt.date(2023, 9, 1))
    bilateral = next(m for m in found if {"Modi", "Biden"} <= names(m))
    assert bilateral["date"] is not None and bilateral["date"].startswith("2023-09")


def test_date_in_a_relative_clause_outside_the_meeting_is_not_its_date(extractor):
    text = (
        "Foreign Minister Penny Wong met her Chinese counterpart Wang Yi and agreed to restore the "
        "exchanges with Australia, which Beijing froze in August."
    )
    m = only(meetings(extractor, text, dt.date(2023, 11, 20)))
    assert m["date"] is None or not m["date"].endswith("-08")


def test_asked_whether_is_a_question_not_a_plan(extractor):
    text = (
        "Asked whether Chancellor Olaf Scholz planned to travel to Moscow, spokesman Steffen Hebestreit "
        "said there were no such plans."
    )
    assert meetings(extractor, text, dt.date(2022, 12, 3)) == []


def test_host_of_a_named_summit_takes_part(extractor):
    text = "Chancellor Olaf Scholz is due to host the Western Balkans summit in Berlin next month."
    m = only(meetings(extractor, text, dt.date(2022, 12, 3)))
    assert "Scholz" in names(m) and m["date"] == "2023-01"


def test_spoke_to_a_named_person_on_a_day(extractor):
    text = (
        "Senator Maria Okoye said she had spoken to the White House chief of staff, Ron Feld, "
        "on Wednesday evening.\n\nShe told reporters on Thursday that she was not satisfied."
    )
    m = only(meetings(extractor, text, dt.date(2024, 6, 13)))
    assert {"Okoye", "Feld"} <= names(m) and m["date"] == "2024-06-12" and m["status"] == "held"


def test_call_during_which_an_offer_was_made_took_place(extractor):
    text = (
        "Turkish President Recep Tayyip Erdogan has repeatedly offered to host peace talks, most recently "
        "during a phone call with Russian President Vladimir Putin on Tuesday."
    )
    found = meetings(extractor, text, dt.date(2022, 5, 19))
    call = next(m for m in found if m["kind"] == "call")
    assert {"Erdogan", "Putin"} <= names(call)
    assert call["status"] == "held" and call["date"] == "2022-05-17"


def test_speaker_is_not_the_subject_that_visits(extractor):
    text = (
        "Library director Anne Kowalski told the council that a mobile library bus would visit both "
        "neighborhoods twice a week."
    )
    assert meetings(extractor, text, dt.date(2024, 5, 15)) == []


def test_informed_someone_in_a_phone_call(extractor):
    text = (
        "Secretary of State Antony Blinken informed Chinese Foreign Minister Qin Gang of the decision "
        "in a phone call on Friday morning, an official said."
    )
    m = only(meetings(extractor, text, dt.date(2023, 2, 4)))
    assert m["kind"] == "call" and {"Blinken", "Gang"} <= names(m) and m["date"] == "2023-02-03"


def test_the_demonym_leader_is_that_country_s_head(extractor):
    text = (
        "Ukrainian President Volodymyr Zelensky arrived in Paris on Wednesday.\n\n"
        "French President Emmanuel Macron will receive the Ukrainian leader at the Elysee on Thursday."
    )
    found = meetings(extractor, text, dt.date(2023, 4, 5))
    # the arrival on Wednesday is a visit of its own; Thursday's reception is the meeting
    m = only([x for x in found if x["date"] == "2023-04-06"])
    assert {"Macron", "Zelensky"} <= names(m)


def test_ministers_of_named_countries_are_the_titled_ministers(extractor):
    text = (
        "Talks between the foreign ministers of Serbia and Kosovo will open in Brussels on Monday.\n\n"
        "Serbian Foreign Minister Ivica Dacic and Kosovar Foreign Minister Donika Gervalla-Schwarz "
        "have not met since January."
    )
    found = meetings(extractor, text, dt.date(2023, 5, 10))
    talks = next(m for m in found if m["date"] == "2023-05-15")
    assert "Dacic" in names(talks)


def test_one_visit_per_country_visited(extractor):
    text = "Pope Francis later visited Canada and Kazakhstan despite using a wheelchair."
    found = meetings(extractor, text, dt.date(2023, 1, 20))
    assert sorted(m["location"]["name"] for m in found) == ["Canada", "Kazakhstan"]
    assert all(m["kind"] == "visit" and "Francis" in names(m) for m in found)
