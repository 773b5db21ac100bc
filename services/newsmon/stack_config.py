"""Settings and the pure parts of the local stack: paths, config rendering, command lines.

Nothing here starts a process or touches the network, so all of it is unit-tested. The
versions must stay in step with ``pom.xml`` (which fetches the artifacts) and with
``docker-compose.yml``.
"""

from __future__ import annotations

import base64
import uuid
from pathlib import Path

from pydantic import Field

from newsmon.settings import REPO_ROOT, NewsmonSettings

KAFKA_VERSION = "4.1.1"
ELASTICSEARCH_VERSION = "9.2.4"
SERVICES = ("kafka", "elasticsearch")


class StackSettings(NewsmonSettings):
    """``newsmon stack`` settings, from ``NEWSMON_STACK_*`` and a few standard variables.

    The stack dir holds everything the servers write (data, logs, pid files) plus the
    extracted Elasticsearch distribution; it must be outside /root because Elasticsearch
    refuses to run as root and runs as ``es_user``, which needs to read it.
    """

    # Outside /root so the Elasticsearch user can read it; prepare_dirs refuses a stack dir
    # owned by another user, which is what makes a fixed path under /var/tmp safe.
    stack_dir: Path = Path("/var/tmp/newsmon-stack")  # noqa: S108
    stack_timeout_s: float = Field(default=300.0, gt=0)
    stack_stop_timeout_s: float = Field(default=60.0, gt=0)
    stack_es_user: str = "newsmon"
    stack_es_heap: str = "1g"
    stack_kafka_heap: str = "512m"
    stack_kafka_port: int = 9092
    stack_controller_port: int = 9093
    stack_es_port: int = 9200
    stack_es_transport_port: int = 9300
    stack_host: str = "127.0.0.1"
    # Elasticsearch 9 needs Java 21+; the default JDK here is 17, which runs Kafka.
    stack_es_java_home: Path = Path("/usr/lib/jvm/temurin-25-jdk-amd64")
    stack_kafka_java: str = "java"
    stack_mvn: str = "mvn"
    stack_pom: Path = REPO_ROOT / "pom.xml"

    # -- paths -------------------------------------------------------------------------
    @property
    def cache_dir(self) -> Path:
        return self.stack_dir / "cache"

    @property
    def kafka_libs(self) -> Path:
        return self.cache_dir / f"kafka-{KAFKA_VERSION}" / "libs"

    @property
    def es_zip(self) -> Path:
        return self.cache_dir / "downloads" / f"elasticsearch-{ELASTICSEARCH_VERSION}.zip"

    @property
    def es_home(self) -> Path:
        return self.stack_dir / f"elasticsearch-{ELASTICSEARCH_VERSION}"

    @property
    def run_dir(self) -> Path:
        return self.stack_dir / "run"

    @property
    def logs_dir(self) -> Path:
        return self.stack_dir / "logs"

    @property
    def kafka_data(self) -> Path:
        return self.stack_dir / "kafka" / "data"

    @property
    def kafka_properties(self) -> Path:
        return self.stack_dir / "kafka" / "server.properties"

    @property
    def es_data(self) -> Path:
        return self.stack_dir / "es" / "data"

    @property
    def es_logs(self) -> Path:
        return self.stack_dir / "es" / "logs"

    @property
    def es_tmp(self) -> Path:
        return self.stack_dir / "es" / "tmp"

    @property
    def es_url(self) -> str:
        return f"http://{self.stack_host}:{self.stack_es_port}"

    @property
    def kafka_bootstrap(self) -> str:
        return f"{self.stack_host}:{self.stack_kafka_port}"

    def pid_file(self, service: str) -> Path:
        return self.run_dir / f"{service}.pid"

    def console_log(self, service: str) -> Path:
        return self.logs_dir / f"{service}.out"


def new_cluster_id() -> str:
    """A Kafka cluster id: a random UUID in URL-safe base64 without padding (22 chars)."""
    return base64.urlsafe_b64encode(uuid.uuid4().bytes).rstrip(b"=").decode("ascii")


def render_kafka_properties(s: StackSettings) -> str:
    """``server.properties`` for one KRaft node that is both broker and controller."""
    host = s.stack_host
    props = {
        "process.roles": "broker,controller",
        "node.id": "1",
        # A static single-voter quorum: formatting needs only the cluster id.
        "controller.quorum.voters": f"1@{host}:{s.stack_controller_port}",
        "listeners": f"PLAINTEXT://{host}:{s.stack_kafka_port},CONTROLLER://{host}:{s.stack_controller_port}",
        "advertised.listeners": f"PLAINTEXT://{host}:{s.stack_kafka_port}",
        "controller.listener.names": "CONTROLLER",
        "inter.broker.listener.name": "PLAINTEXT",
        "listener.security.protocol.map": "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
        "log.dirs": str(s.kafka_data),
        "auto.create.topics.enable": "true",
        "num.partitions": "1",
        "default.replication.factor": "1",
        "offsets.topic.replication.factor": "1",
        "transaction.state.log.replication.factor": "1",
        "transaction.state.log.min.isr": "1",
        "share.coordinator.state.topic.replication.factor": "1",
        "share.coordinator.state.topic.min.isr": "1",
        # Tests create many short-lived consumer groups: no 3 s wait before the first rebalance.
        "group.initial.rebalance.delay.ms": "0",
        # Small segments and short retention: this is a dev/test broker on a shared disk.
        "log.retention.hours": "24",
        "log.segment.bytes": str(64 * 1024 * 1024),
    }
    lines = ["# Written by `newsmon stack up`; edits are overwritten on the next start."]
    lines += [f"{k}={v}" for k, v in props.items()]
    return "\n".join(lines) + "\n"


def kafka_java_base(s: StackSettings) -> list[str]:
    """``java`` with the Kafka classpath and the log4j2 config, before the main class."""
    return [
        s.stack_kafka_java,
        f"-Xms{s.stack_kafka_heap}",
        f"-Xmx{s.stack_kafka_heap}",
        "-XX:+UseG1GC",
        "-Djava.awt.headless=true",
        f"-Dkafka.logs.dir={s.logs_dir / 'kafka'}",
        f"-Dlog4j2.configurationFile={REPO_ROOT / 'config' / 'log4j2-kafka.properties'}",
        "-cp",
        f"{s.kafka_libs}/*",
    ]


def kafka_format_command(s: StackSettings, cluster_id: str) -> list[str]:
    """Format the KRaft storage directory once (``kafka-storage.sh format``)."""
    return [
        *kafka_java_base(s),
        "kafka.tools.StorageTool",
        "format",
        "--cluster-id",
        cluster_id,
        "--config",
        str(s.kafka_properties),
        "--ignore-formatted",
    ]


def kafka_server_command(s: StackSettings) -> list[str]:
    """Run the combined broker+controller in the foreground (we detach it ourselves)."""
    return [*kafka_java_base(s), "kafka.Kafka", str(s.kafka_properties)]


def es_settings(s: StackSettings) -> dict[str, str]:
    """Elasticsearch node settings, passed as ``-E`` flags so the distribution stays pristine."""
    return {
        "cluster.name": "newsmon-local",
        "node.name": "newsmon-1",
        "discovery.type": "single-node",
        "network.host": s.stack_host,
        "http.port": str(s.stack_es_port),
        "transport.port": str(s.stack_es_transport_port),
        "path.data": str(s.es_data),
        "path.logs": str(s.es_logs),
        # The integ-test distribution ships x-pack-security; local use is without auth.
        "xpack.security.enabled": "false",
        # The shared disk is sometimes nearly full: do not turn indices read-only for it.
        "cluster.routing.allocation.disk.threshold_enabled": "false",
        # Tests clean up their uniquely prefixed indices with wildcard deletes (`nmtest-abc*`).
        "action.destructive_requires_name": "false",
    }


def es_command(s: StackSettings) -> list[str]:
    """``bin/elasticsearch`` with every setting as ``-E key=value``."""
    cmd = [str(s.es_home / "bin" / "elasticsearch")]
    for key, value in es_settings(s).items():
        cmd.append(f"-E{key}={value}")
    return cmd


def es_environment(s: StackSettings, base: dict[str, str]) -> dict[str, str]:
    """The environment Elasticsearch runs with: JDK, heap, temp dir, home of its user."""
    env = {k: v for k, v in base.items() if not k.startswith(("JAVA_", "ES_", "_JAVA"))}
    env.update(
        {
            "ES_JAVA_HOME": str(s.stack_es_java_home),
            "ES_JAVA_OPTS": f"-Xms{s.stack_es_heap} -Xmx{s.stack_es_heap}",
            "ES_TMPDIR": str(s.es_tmp),
            "HOME": str(s.stack_dir / "es"),
        }
    )
    return env


def as_user_prefix(user: str | None) -> list[str]:
    """``setpriv`` prefix that drops root for ``user`` (empty when no switch is needed)."""
    if not user:
        return []
    return ["setpriv", f"--reuid={user}", f"--regid={user}", "--init-groups", "--"]
