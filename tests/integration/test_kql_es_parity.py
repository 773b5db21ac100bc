"""The same KQL selects the same documents in Elasticsearch (to_es_query) and in-stream (matches).

Documents are indexed into a unique index created with the repo's real quotes and meetings
templates (newsmon.es), and every query of the table is run both ways.
"""

from __future__ import annotations

import pytest

from newsmon.es.setup import load_template
from newsmon.kql import field_types_from_mapping, matches, parse, to_es_query

pytestmark = pytest.mark.elasticsearch

QUOTES = [
    {
        "id": "q1",
        "speaker": "Sergei Ryabkov",
        "speaker_title": "Deputy Foreign Minister",
        "text": "We need legally binding guarantees that NATO will not expand.",
        "outlet": "Reuters",
        "published": "2022-01-11T10:15:00Z",
        "confidence": 0.9,
        "direct": True,
        "feed": {"name": "Reuters World", "url": "https://example.org/rss"},
        "title": "Russia, U.S. hold talks in Geneva",
    },
    {
        "id": "q2",
        "speaker": "Wendy Sherman",
        "speaker_title": "Deputy Secretary of State",
        "text": "We will not allow anyone to slam closed NATO's open-door policy.",
        "outlet": "AP",
        "published": "2022-01-10T18:00:00Z",
        "confidence": 0.7,
        "direct": True,
        "title": "Sherman: talks were frank",
    },
    {
        "id": "q3",
        "speaker": "Jens Stoltenberg",
        "text": "The security situation is serious; guarantee of dialogue matters.",
        "outlet": "BBC",
        "published": "2022-01-12T00:00:00Z",
        "confidence": 0.4,
        "direct": False,
    },
    {
        "id": "q4",
        "speaker": "sergei ryabkov",  # a lower-case variant: keyword exactness matters
        "text": "No comment on U.S. proposals, 1,000 times no.",
        "outlet": "TASS",
        "published": "2021-12-31T23:59:59.999Z",
        "confidence": 0.5,
        "direct": False,
    },
    {
        "id": "q5",
        "text": "Anonymous officials said talks could resume in February.",
        "published": "2022-01-11",
    },
]

MEETINGS = [
    {
        "meeting_key": "k1",
        "participants": [
            {"name": "Wendy Sherman", "type": "person", "role": "US"},
            {"name": "Sergei Ryabkov", "type": "person", "role": "RU"},
        ],
        "location": {"name": "Geneva", "country_code": "CH"},
        "date": "2022-01-10",
        "status": "held",
        "kind": "talks",
        "evidence": {"text": "Sherman and Ryabkov met in Geneva on Monday.", "start": 0, "end": 44},
        "outlets": ["Reuters", "AP"],
        "mention_count": 2,
        "published": "2022-01-10T20:00:00Z",
    },
    {
        "meeting_key": "k2",
        "participants": [{"name": "NATO", "type": "organization"}, {"name": "Russia", "type": "country"}],
        "location": {"name": "Brussels", "country_code": "BE"},
        "date": "2022-01",
        "status": "scheduled",
        "kind": "council",
        "evidence": {
            "text": "The NATO-Russia Council will meet in Brussels in January.",
            "start": 5,
            "end": 60,
        },
        "outlets": ["BBC"],
        "mention_count": 1,
        "published": "2022-01-08T09:00:00Z",
    },
    {
        "meeting_key": "k3",
        "participants": [{"name": "OSCE", "type": "organization"}],
        "location": None,
        "date": None,
        "status": "postponed",
        "kind": "conference",
        "evidence": {"text": "The OSCE conference was postponed.", "start": 0, "end": 33},
        "outlets": ["TASS"],
        "mention_count": 1,
        "published": "2022-01-13T09:00:00Z",
    },
]

QUOTE_QUERIES = [
    "speaker:Sergei Ryabkov",
    'speaker:"Sergei Ryabkov"',
    "speaker:ryabkov",
    "speaker.text:ryabkov",
    "speaker.text:RYABKOV and text:guarantees",
    'speaker.text:"sergei ryabkov"',
    "speaker:Serg*",
    "speaker:*yabkov",
    "text:guar*",
    "text:GUAR*",
    "text:guarantee",
    'text:"binding guarantees"',
    'text:"guarantees binding"',
    "text:nato",
    "text:nato's",
    "text:u.s",
    'text:"1,000 times"',
    "text:(nato and not guarantees)",
    "text:slam closed",
    "outlet:(Reuters or AP)",
    "outlet:reuters",
    "outlet.text:reuters",
    "not outlet:Reuters",
    "speaker:*",
    "not speaker:*",
    "speaker_title:*",
    "published:2022-01-11",
    "published >= 2022-01-11",
    "published > 2022-01-11",
    "published <= 2022-01-11",
    "published < 2022-01-11",
    "published >= 2022-01 and published < 2022-02",
    'published >= "2022-01-11T10:15:00Z"',
    'published > "2022-01-11T10:15:00Z"',
    "published <= 2021",
    "confidence >= 0.5",
    "confidence < 0.5",
    "confidence:0.9",
    "direct:true",
    "direct:false and confidence > 0.45",
    "feed.name:Reuters World",
    "feed:{ name: Reuters World }",
    "guarantees",
    "Reuters",
    "reuters",
    '"talks could resume"',
    "talk*",
    "title:geneva or speaker:Wendy Sherman",
    "(speaker.text:sergei or speaker.text:wendy) and not text:nato",
    "*",
]

MEETING_QUERIES = [
    "status:(scheduled or postponed)",
    "status:cancelled",
    "kind:talks",
    "participants.name:Sergei Ryabkov",
    'participants:{ name:"Sergei Ryabkov" and role:RU }',
    "participants:{ name:Sergei Ryabkov and role:US }",  # object, not nested: ES flattens
    "participants.name.text:ryabkov",
    "participants.type:organization and not participants.type:country",
    "location.name:Geneva",
    "location.name.text:brussels",
    "location:*",
    "location.name:*",
    "date:2022-01",
    "date:2022-01-10",
    "date >= 2022-01-05",
    "date <= 2022-01-05",
    "date > 2022-01",
    'evidence.text:"met in Geneva"',
    "evidence.text:postpone*",
    "outlets:AP",
    "mention_count >= 2",
    "geneva",
    "NATO",
]


def _index(es, unique_name, kind, docs, id_field):
    index = unique_name(f"newsmon-kql-{kind}")
    mappings = load_template(kind)["mappings"]
    es.indices.create(
        index=index, mappings=mappings, settings={"number_of_shards": 1, "number_of_replicas": 0}
    )
    for doc in docs:
        es.index(index=index, id=doc[id_field], document=doc)
    es.indices.refresh(index=index)
    return index, field_types_from_mapping(mappings)


@pytest.fixture
def quotes_index(es, unique_name):
    index, types = _index(es, unique_name, "quotes", QUOTES, "id")
    yield index, types
    es.indices.delete(index=index)


@pytest.fixture
def meetings_index(es, unique_name):
    index, types = _index(es, unique_name, "meetings", MEETINGS, "meeting_key")
    yield index, types
    es.indices.delete(index=index)


def _check(es, index, types, docs, id_field, queries):
    mismatches = []
    for query in queries:
        node = parse(query)
        resp = es.search(index=index, query=to_es_query(node, types), size=100)
        in_es = sorted(h["_id"] for h in resp["hits"]["hits"])
        in_stream = sorted(d[id_field] for d in docs if matches(node, d, types))
        if in_es != in_stream:
            mismatches.append(f"{query!r}: elasticsearch {in_es} vs in-stream {in_stream}")
    assert not mismatches, "\n".join(mismatches)


def test_quote_queries_agree(es, quotes_index):
    index, types = quotes_index
    _check(es, index, types, QUOTES, "id", QUOTE_QUERIES)


def test_meeting_queries_agree(es, meetings_index):
    index, types = meetings_index
    _check(es, index, types, MEETINGS, "meeting_key", MEETING_QUERIES)


def test_the_table_is_not_trivial(quotes_index, meetings_index):
    # guard against a table where everything selects nothing or everything
    _, qtypes = quotes_index
    _, mtypes = meetings_index
    q_counts = {sum(matches(parse(q), d, qtypes) for d in QUOTES) for q in QUOTE_QUERIES}
    m_counts = {sum(matches(parse(q), d, mtypes) for d in MEETINGS) for q in MEETING_QUERIES}
    assert {0, 1, 2}.issubset(q_counts) and len(QUOTES) in q_counts
    assert {0, 1, 2}.issubset(m_counts)
