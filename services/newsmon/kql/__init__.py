"""Kibana Query Language (KQL), shared by the alerter (in-stream) and ``newsmon search`` (in ES).

Stable interface::

    node = parse('speaker:"Ryabkov" and text:guar*')   # raises KqlSyntaxError (a ConfigError)
    matches(node, doc, field_types)                     # evaluate on one document
    to_es_query(node, field_types)                      # Elasticsearch query DSL, same selection
    field_types_from_mapping(mapping)                   # {"dotted.path": "es type"} for the above
"""

from __future__ import annotations

from newsmon.errors import KqlSyntaxError
from newsmon.kql.es import to_es_query
from newsmon.kql.evaluate import matches
from newsmon.kql.fields import default_fields, field_types_from_mapping
from newsmon.kql.nodes import Node
from newsmon.kql.parser import parse

__all__ = [
    "KqlSyntaxError",
    "Node",
    "default_fields",
    "field_types_from_mapping",
    "matches",
    "parse",
    "to_es_query",
]
