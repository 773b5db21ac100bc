"""Meeting patterns of the twelfth pass (loads spaCy: slow). Every text is written for the test; the
publication day is Tuesday 1987-04-14. Each case was a miss, a false meeting or a wrong participant
before its rule.
"""

from __future__ import annotations

import pytest
from wire_helpers import meetings, people

from newsmon.extract import Extractor
from newsmon.extract.name_norms import STAND_IN, introduced_surnames
from newsmon.extract.nlp import load_model

pytestmark = pytest.mark.slow


def test_introduced_surnames_are_collected_after_first_names_and_titles() -> None:
    doc = load_model().make_doc(
        "Vice President Mike Pence met Speaker Nancy Pelosi and Sen. Nunes. The Foreign Ministry said "
        "Donald J. Trump would call."
    )
    assert introduced_surnames(doc) == {"Pence", "Pelosi", "Nunes", "Trump"}


def test_the_model_reads_a_bare_introduced_surname_as_a_name() -> None:
    nlp = load_model()
    doc = nlp("Vice President Mike Pence is in Asia. On Monday, Pence told reporters he was tired.")
    introduced, bare = [t for t in doc if t.text == "Pence"]  # the text stays as written
    assert (introduced.norm_, bare.norm_) == ("pence", STAND_IN)
    assert any(e.text == "Pence" and e.label_ == "PERSON" for e in doc.ents)


def test_a_sentence_initial_surname_phones(extractor: Extractor) -> None:
    text = (
        "President Donald Trump is under pressure at home. Trump phoned Turkish President Recep "
        "Tayyip Erdogan on Monday."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Donald Trump", "Recep Tayyip Erdogan"}
    assert m["kind"] == "call"
    assert m["date"] == "1987-04-13"


def test_a_known_surname_read_as_a_noun_still_meets(extractor: Extractor) -> None:
    text = "Vice President Mike Pence toured Tokyo. Pence met Prime Minister Shinzo Abe on Monday."
    (m,) = meetings(extractor, text)
    assert people(m) == {"Mike Pence", "Shinzo Abe"}


def test_a_hyphenated_pair_of_people_before_a_summit(extractor: Extractor) -> None:
    text = (
        "Donald Trump and Vladimir Putin arrived on Sunday. The Trump-Putin summit was held in "
        "Helsinki on Monday."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Donald Trump", "Vladimir Putin"}
    assert m["location"]["name"] == "Helsinki"


def test_a_hyphenated_pair_of_countries_before_talks(extractor: Extractor) -> None:
    (m,) = meetings(extractor, "The U.S.-China talks resumed in Beijing on Monday.")
    assert people(m) == {"United States", "China"}
    assert m["kind"] == "talks"


def test_calling_someone_a_quoted_label_is_no_call(extractor: Extractor) -> None:
    text = 'Al-Bayan radio calls Orlando mass shooter Omar Mateen "one of the soldiers."'
    assert meetings(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "other", "date"),
    [
        (
            "Secretary of State George Shultz flew to Tokyo on Friday. He met Prime Minister Yasuhiro "
            "Nakasone the next day.",
            "Yasuhiro Nakasone",
            "1987-04-11",
        ),
        (
            "Secretary of State George Shultz landed in Seoul on Friday. He met President Chun Doo-hwan "
            "the following morning.",
            "Chun Doo-hwan",
            "1987-04-11",
        ),
        (
            "Secretary of State George Shultz was in Seoul on April 3. The previous day he had met Prime "
            "Minister Yasuhiro Nakasone in Tokyo.",
            "Yasuhiro Nakasone",
            "1987-04-02",
        ),
        (
            "In 1985 the envoy Vernon Walters visited Cuba. He met President Fidel Castro the "
            "following year.",
            "Fidel Castro",
            "1986",
        ),
    ],
)
def test_the_next_or_previous_day_steps_from_the_day_the_story_told(
    extractor: Extractor, text: str, other: str, date: str
) -> None:
    (m,) = [m for m in meetings(extractor, text) if other in people(m)]
    assert (m["date"], m["status"]) == (date, "held")


def test_the_following_week_is_not_counted_from_publication(extractor: Extractor) -> None:
    (m,) = meetings(extractor, "George Shultz will meet Eduard Shevardnadze the following week.")
    assert m["date"] is None


def test_a_visit_to_an_organisation_is_a_visit_to_its_host(extractor: Extractor) -> None:
    text = (
        "President Reagan is scheduled to visit the FBI National Academy on Friday to address its graduates."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Reagan", "FBI National Academy"}
    assert (m["kind"], m["status"], m["date"]) == ("visit", "scheduled", "1987-04-17")


def test_a_visit_to_a_museum_is_still_sightseeing(extractor: Extractor) -> None:
    assert meetings(extractor, "President Reagan visited the Smithsonian museum on Monday.") == []


def test_a_round_of_something_other_than_talks_is_no_meeting(extractor: Extractor) -> None:
    text = (
        "A week before their final round of Common Core tests, the pupils of Lincoln Prep sang for "
        "Mayor Ed Koch."
    )
    assert all(m["kind"] != "talks" for m in meetings(extractor, text))
    (m,) = meetings(
        extractor, "A new round of talks between Shultz and Shevardnadze opened in Geneva on Monday."
    )
    assert m["kind"] == "talks"


def test_who_tells_people_on_a_leaked_call_is_on_it(extractor: Extractor) -> None:
    text = (
        "In a leaked phone call, Reagan told his former aides that the deal was at risk, The Washington "
        "Post reported Saturday."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Reagan"}
    assert m["kind"] == "call"


def test_telling_reporters_on_a_conference_call_is_no_meeting(extractor: Extractor) -> None:
    assert meetings(extractor, "In a conference call, Reagan told reporters that the deal was at risk.") == []


def test_a_clause_that_names_the_noun_before_it_is_no_call(extractor: Extractor) -> None:
    text = (
        "Public records also show the couple founded a cancer research charity in 1985 called the "
        "Doctor Kelley Cancer Foundation."
    )
    assert meetings(extractor, text) == []


def test_visiting_several_times_tells_no_one_visit(extractor: Extractor) -> None:
    text = (
        "In Texas, volunteers have held more than 560 events for Bernie Sanders, while the candidate "
        "himself has visited four times this primary season."
    )
    assert meetings(extractor, text) == []


def test_hosting_a_named_day_is_no_meeting(extractor: Extractor) -> None:
    text = (
        'On Friday, the Newseum will host "JFK Remembrance Day," which includes a rebroadcast of three '
        "hours of CBS News' live television coverage."
    )
    assert meetings(extractor, text) == []


def test_a_state_dinner_for_a_guest_is_a_meeting(extractor: Extractor) -> None:
    text = "President Ronald Reagan will host a state dinner for Soviet leader Mikhail Gorbachev on Friday."
    (m,) = meetings(extractor, text)
    assert people(m) == {"Ronald Reagan", "Mikhail Gorbachev"}
    assert (m["date"], m["status"]) == ("1987-04-17", "scheduled")


@pytest.mark.parametrize(
    "text",
    [
        "To find out more about Ben Stein and read other Creators Syndicate writers, visit the Creators "
        "Syndicate website at www.creators.com.",
        "Read more:Shultz softens U.S. stance on possible talks with Nicaragua",
    ],
)
def test_links_to_other_pages_are_no_meetings(extractor: Extractor, text: str) -> None:
    assert meetings(extractor, text) == []


def test_calling_someone_before_a_panel_is_a_summons(extractor: Extractor) -> None:
    text = (
        "Nine senators asked Judiciary Committee Chairman Strom Thurmond to call Edwin Meese before his "
        "panel to explain."
    )
    assert meetings(extractor, text) == []


def test_visits_throughout_a_decade_are_a_habit(extractor: Extractor) -> None:
    text = "Dr. Martin Luther King Jr. visited New York City throughout the 1960s and called attention to it."
    assert meetings(extractor, text) == []


def test_a_past_dated_meeting_involving_people_was_held(extractor: Extractor) -> None:
    text = (
        "Lawmakers have said they want to hear about a June 1986 meeting involving Soviet lawyer Natalia "
        "Orlova and the senator's eldest son, Robert Dole Jr."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Natalia Orlova", "Robert Dole Jr"}
    assert (m["date"], m["status"]) == ("1986-06", "held")


def test_a_junior_is_not_his_father(extractor: Extractor) -> None:
    text = (
        "President Ronald Reagan met Mikhail Gorbachev on Monday. Ronald Reagan Jr. met Natalia Orlova "
        "on April 9. Reagan Jr. said it was nothing."
    )
    found = {frozenset(people(m)) for m in meetings(extractor, text)}
    assert found == {
        frozenset({"Ronald Reagan", "Mikhail Gorbachev"}),
        frozenset({"Ronald Reagan Jr", "Natalia Orlova"}),
    }


def test_briefing_officials_is_a_meeting_briefing_reporters_is_not(extractor: Extractor) -> None:
    text = "The FBI has briefed staff members of the House and Senate Intelligence committees."
    (m,) = meetings(extractor, text)
    assert "FBI" in people(m)
    assert meetings(extractor, "Secretary of State George Shultz briefed reporters on Monday.") == []


def test_flying_to_the_area_of_a_place_is_a_visit(extractor: Extractor) -> None:
    text = (
        "On Sunday, President Corazon Aquino and her officials flew to the heavily impacted area of Cagayan."
    )
    (m,) = meetings(extractor, text)
    assert "Corazon Aquino" in people(m)
    assert (m["kind"], m["date"]) == ("visit", "1987-04-12")


def test_a_subhead_in_capitals_is_no_report(extractor: Extractor) -> None:
    assert meetings(extractor, "‘NEED EXCUSE’ TO LEAVE MEETING WITH GORBACHEV") == []


def test_visiting_beaches_is_no_meeting(extractor: Extractor) -> None:
    assert meetings(extractor, "Dr. Ngozi Ezike said she is not personally ready to visit beaches.") == []


def test_a_country_talked_about_with_the_other_side_is_a_topic(extractor: Extractor) -> None:
    text = (
        "He said the ambassador asked for a secure line to facilitate a discussion with Soviet generals "
        "about Syria."
    )
    assert all("Syria" not in people(m) for m in meetings(extractor, text))


def test_meeting_someone_several_times_is_still_reported(extractor: Extractor) -> None:
    # a guard: unlike visits "four times this season", annotators keep "met X four times last year"
    (m,) = meetings(extractor, "Michael Deaver met Anatoly Dobrynin four times last year.")
    assert "Michael Deaver" in people(m)


def test_the_year_of_a_campaign_does_not_date_the_meeting(extractor: Extractor) -> None:
    text = (
        "Gary Hart met Senate Intelligence Committee staff. In a statement Hart made public before the "
        "meeting, the senator portrayed himself as new to politics when he became a top adviser to "
        "Mondale's 1984 campaign."
    )
    (m,) = meetings(extractor, text)
    assert m["date"] != "1984"


def test_telling_reporters_on_a_conference_call_with_a_colleague_is_no_meeting(extractor: Extractor) -> None:
    text = (
        '"Our aim is to compel Iran to behave," Secretary of State George Shultz told reporters in a '
        "conference call with Treasury Secretary James Baker."
    )
    assert meetings(extractor, text) == []


def test_a_plural_noun_opening_a_sentence_is_no_given_name(extractor: Extractor) -> None:
    text = (
        "President Barack Obama is in Israel. Discussions Obama will have there matter. Obama met "
        "Benjamin Netanyahu in Jerusalem on Monday."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Barack Obama", "Benjamin Netanyahu"}


def test_visits_multiple_times_throughout_a_campaign_are_a_habit(extractor: Extractor) -> None:
    text = "Senator Gary Hart has visited the state multiple times throughout his campaign."
    assert meetings(extractor, text) == []


def test_questions_about_last_years_meetings_are_about_held_ones(extractor: Extractor) -> None:
    text = (
        "Attorney General Edwin Meese will reply in writing to questions about his meetings with Soviet "
        "envoy Yuri Dubinin last year, the Justice Department said."
    )
    (m,) = meetings(extractor, text)
    assert (m["date"], m["status"]) == ("1986", "held")


def test_who_is_accused_of_having_met_someone_met_them(extractor: Extractor) -> None:
    text = (
        "On Friday, he accused Senator Robert Byrd, the top Democrat in the Senate, of double standards "
        "for having met Soviet leader Mikhail Gorbachev himself."
    )
    (m,) = meetings(extractor, text)
    assert people(m) == {"Robert Byrd", "Mikhail Gorbachev"}
    assert m["date"] is None  # Friday is the accusing


def test_a_thing_acting_at_a_meeting_is_no_party(extractor: Extractor) -> None:
    text = (
        "U.S. interest rate futures are pricing in a rate hike of 25 basis points at the next Federal "
        "Reserve meeting, scheduled for May."
    )
    (m,) = meetings(extractor, text)
    assert "United States" not in people(m)


def test_a_party_is_a_side_of_talks(extractor: Extractor) -> None:
    text = "The talks between Mr. Reagan and the Democrats have not been the only stabs at bipartisanship."
    (m,) = meetings(extractor, text)
    assert people(m) == {"Reagan", "Democrats"}


@pytest.mark.parametrize(
    "text",
    [
        'Mr. Reagan called Mr. Mondale, who formerly served as vice president, a "failed leader" who '
        "raised taxes.",
        "Though little noticed in the debates, the section of law called the Family First Prevention "
        "Services Act fills more than 100 pages.",
        "Police Superintendent Fred Rice visited a doctor earlier this week regarding a medication change.",
        "Visit Dr. Samadi's websites at robotic oncology and prostate cancer 911.",
        "Kurdish militants have trained volunteers, a Reuters photographer who visited a training camp said "
        "on Sunday.",
        "Those include talks to Halifax Investment Management and Black Duck Software, which he called "
        "consulting jobs.",
        "At Tuesday's hearing, Julia Pierson said she was the one who briefs President Reagan on threats.",
    ],
)
def test_survey_false_meetings(extractor: Extractor, text: str) -> None:
    assert meetings(extractor, text) == []


def test_a_year_before_a_modified_summit_dates_it(extractor: Extractor) -> None:
    text = (
        "A superPAC has tried to portray Robert Dole as a supporter of the law by taking comments he made "
        "at a 1985 health care summit out of context."
    )
    (m,) = meetings(extractor, text)
    assert (m["date"], m["kind"]) == ("1985", "summit")


@pytest.mark.parametrize(
    "text",
    [
        "Facing sharp divisions inside his conference on the issue, Speaker Jim Wright wants action.",
        "Speaker Jim Wright's statement Wednesday declaring no talks with the Senate on its bill was meant "
        "to reassure them.",
    ],
)
def test_a_caucus_and_talks_ruled_out_are_no_meetings(extractor: Extractor, text: str) -> None:
    assert meetings(extractor, text) == []


def test_the_controller_of_to_speak_with_someone_speaks(extractor: Extractor) -> None:
    text = (
        "Talks were so broken at one point Sunday that the top Republican negotiator, Sen. Robert Dole of "
        "Kansas, went around Mr. Byrd to speak directly with Vice President George Bush."
    )
    (m,) = meetings(extractor, text)
    assert {"Robert Dole", "George Bush"} <= people(m)
    assert m["date"] == "1987-04-12"


def test_urging_someone_to_speak_with_another_is_no_exchange_held(extractor: Extractor) -> None:
    text = "Mitterrand encouraged Deng Xiaoping to speak directly with Lech Walesa."
    assert all(m["status"] != "held" for m in meetings(extractor, text))
