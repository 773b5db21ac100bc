"""pom.xml, docker-compose.yml, Dockerfile and .ci/run stay in step with the local stack."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
import yaml

from newsmon.settings import REPO_ROOT
from newsmon.stack_config import ELASTICSEARCH_VERSION, KAFKA_VERSION

POM_NS = {"m": "http://maven.apache.org/POM/4.0.0"}


def _pom_properties() -> dict[str, str]:
    root = ET.parse(REPO_ROOT / "pom.xml").getroot()
    props = root.find("m:properties", POM_NS)
    assert props is not None
    return {child.tag.split("}")[1]: (child.text or "") for child in props}


def _compose() -> dict:
    return yaml.safe_load((REPO_ROOT / "docker-compose.yml").read_text())


def test_pom_versions_match_the_stack():
    props = _pom_properties()
    assert props["kafka.version"] == KAFKA_VERSION
    assert props["elasticsearch.version"] == ELASTICSEARCH_VERSION


def test_pom_uses_the_slf4j_1_binding_kafka_needs():
    text = (REPO_ROOT / "pom.xml").read_text()
    assert "<artifactId>log4j-slf4j-impl</artifactId>" in text
    assert "<artifactId>log4j-slf4j2-impl</artifactId>" not in text


def test_compose_images_match_the_stack_versions():
    services = _compose()["services"]
    assert services["kafka"]["image"] == f"apache/kafka:{KAFKA_VERSION}"
    assert services["elasticsearch"]["image"].endswith(f"/elasticsearch:{ELASTICSEARCH_VERSION}")
    assert services["kibana"]["image"].endswith(f"/kibana:{ELASTICSEARCH_VERSION}")


def test_compose_services_point_at_the_containers_and_wait_for_health():
    services = _compose()["services"]
    for name in ("poller", "worker", "alerter", "setup"):
        svc = services[name]
        assert svc["environment"]["NEWSMON_KAFKA_BOOTSTRAP"] == "kafka:9092"
        assert svc["environment"]["NEWSMON_ES_URL"] == "http://elasticsearch:9200"
        assert svc["environment"]["NEWSMON_CONFIG_DIR"] == "/app/config"
        assert svc["depends_on"]["kafka"]["condition"] == "service_healthy"
        assert svc["depends_on"]["elasticsearch"]["condition"] == "service_healthy"
        assert svc["command"][0] == name
    assert services["setup"]["depends_on"]["kibana"]["condition"] == "service_healthy"
    for name in ("kafka", "elasticsearch", "kibana"):
        assert "healthcheck" in services[name]
    kafka_env = services["kafka"]["environment"]
    assert kafka_env["KAFKA_PROCESS_ROLES"] == "broker,controller"
    assert kafka_env["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "true"
    assert services["elasticsearch"]["environment"]["xpack.security.enabled"] == "false"


@pytest.mark.skipif(shutil.which("docker-compose") is None, reason="docker-compose not installed")
def test_compose_file_validates():
    proc = subprocess.run(
        ["docker-compose", "-f", str(REPO_ROOT / "docker-compose.yml"), "config", "-q"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr


def test_dockerfile_runs_as_non_root_with_the_model_installed():
    text = (REPO_ROOT / "Dockerfile").read_text()
    assert text.startswith("#") and "FROM python:3.11-slim" in text
    assert "pip install '.[model]'" in text
    assert "\nUSER newsmon\n" in text
    assert 'ENTRYPOINT ["newsmon"]' in text


def test_ci_script_is_strict_and_always_stops_the_stack():
    text = (REPO_ROOT / ".ci" / "run").read_text()
    assert "set -euo pipefail" in text
    assert "trap stop_stack EXIT" in text
    assert "stack down" in text
    assert "make test" in text
