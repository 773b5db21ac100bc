"""newsmon: streaming news monitoring (shared library).

Subpackages and modules:
    newsmon.settings   pydantic-settings classes shared by every service
    newsmon.logs       structlog configuration (JSON in containers, console on a terminal)
    newsmon.errors     the exception tree
    newsmon.schemas    JSON Schema loading and validation of every Kafka message
    newsmon.extract    quote and meeting extraction (no Kafka, no Elasticsearch)
    newsmon.stack      the local Kafka + Elasticsearch servers (`newsmon stack`)
"""

__version__ = "0.1.0"
