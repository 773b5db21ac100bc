"""Elasticsearch for newsmon: index templates kept in the repo, bulk indexing, merged meetings.

Shared by the worker (indexing agents), ``newsmon setup`` and ``newsmon search``::

    from newsmon.es import IndexNames, ensure_templates, make_client

    es = make_client(settings)
    ensure_templates(es, settings)          # idempotent
    IndexNames(settings.es_index_prefix).quotes   # "newsmon-quotes": the alias to read and write
"""

from newsmon.es.bulk import Backoff, BulkWriter, Doc, Rejection
from newsmon.es.meetings import MeetingIndexer, merge_meeting
from newsmon.es.setup import KINDS, IndexNames, ensure_templates, has_ilm, load_template, make_client

__all__ = [
    "KINDS",
    "Backoff",
    "BulkWriter",
    "Doc",
    "IndexNames",
    "MeetingIndexer",
    "Rejection",
    "ensure_templates",
    "has_ilm",
    "load_template",
    "make_client",
    "merge_meeting",
]
