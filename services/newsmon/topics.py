"""Create Kafka topics from their specs in ``schemas/topics/<name>.yaml``.

Producers call :func:`ensure_topic` at start-up so a topic gets the partitions and retention its
spec asks for instead of the broker's auto-create defaults. An existing topic is left as it is.
"""

from __future__ import annotations

from typing import Any

import yaml
from kafka.admin import KafkaAdminClient, NewTopic
from kafka.errors import KafkaError, TopicAlreadyExistsError

from newsmon.errors import ConfigError
from newsmon.logs import get_logger
from newsmon.schemas import schemas_dir

log = get_logger("newsmon.topics")


def topic_spec(schema_name: str) -> dict[str, Any]:
    """The creation spec of a topic (``schemas/topics/<schema_name>.yaml``)."""
    path = schemas_dir() / "topics" / f"{schema_name}.yaml"
    try:
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read topic spec: {exc}") from exc
    if not isinstance(spec, dict) or not isinstance(spec.get("creation"), dict):
        raise ConfigError(f"{path}: no 'creation' mapping")
    return spec


def ensure_topic(bootstrap: str, topic: str, schema_name: str, timeout_s: float = 30.0) -> bool:
    """Create ``topic`` as its spec says unless it exists; True if it was created now."""
    creation = topic_spec(schema_name)["creation"]
    new = NewTopic(
        topic,
        num_partitions=int(creation.get("partitions", 1)),
        replication_factor=int(creation.get("replication_factor", 1)),
        topic_configs={k: str(v) for k, v in (creation.get("config") or {}).items()},
    )
    admin = KafkaAdminClient(bootstrap_servers=bootstrap.split(","), request_timeout_ms=int(timeout_s * 1000))
    try:
        admin.create_topics([new], timeout_ms=int(timeout_s * 1000))
    except TopicAlreadyExistsError:
        return False
    except KafkaError as exc:
        # another process may have created it between our check and the request
        if "TopicAlreadyExists" in type(exc).__name__ or "already exists" in str(exc).lower():
            return False
        raise
    finally:
        admin.close()
    log.info("topic_created", topic=topic, partitions=new.num_partitions)
    return True
