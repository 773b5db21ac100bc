"""The newsmon exception tree.

NewsmonError
├── ConfigError            invalid settings or config file (names file, line and field)
│   └── KqlSyntaxError     a Kibana Query Language query that does not parse (with position)
├── SchemaValidationError  a Kafka message does not match its JSON Schema
├── FeedError              a feed could not be fetched or parsed
├── ExtractionError        the extractor could not process an article
├── IndexingError          Elasticsearch refused or could not take documents
├── DeliveryError          an alert could not be delivered to its destination
└── StackError             the local Kafka/Elasticsearch stack could not be managed
"""

from __future__ import annotations


class NewsmonError(Exception):
    """Base class of every error newsmon raises on purpose."""


class ConfigError(NewsmonError):
    """Invalid settings or configuration file."""


class KqlSyntaxError(ConfigError):
    """A KQL query could not be parsed; ``position`` is the 0-based character offset."""

    def __init__(self, message: str, query: str, position: int) -> None:
        self.query = query
        self.position = position
        self.reason = message
        pointer = f"\n  {query}\n  {' ' * position}^"
        super().__init__(f"KQL syntax error at position {position}: {message}{pointer}")


class SchemaValidationError(NewsmonError):
    """A message does not match the JSON Schema of its topic."""

    def __init__(self, schema: str, message: str, path: str = "") -> None:
        self.schema = schema
        self.path = path
        super().__init__(f"{schema}: {path + ': ' if path else ''}{message}")


class FeedError(NewsmonError):
    """A feed could not be fetched or parsed."""


class ExtractionError(NewsmonError):
    """The extractor failed on an article."""


class IndexingError(NewsmonError):
    """Elasticsearch refused documents or could not be reached."""


class DeliveryError(NewsmonError):
    """An alert could not be delivered."""


class StackError(NewsmonError):
    """The local servers could not be started, stopped or inspected."""
