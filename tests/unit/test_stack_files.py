"""pom.xml, docker-compose.yml, Dockerfile and .ci/run stay in step with the local stack."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from newsmon.settings import REPO_ROOT
from newsmon.stack_config import ELASTICSEARCH_VERSION, KAFKA_VERSION, StackSettings

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


def _compose_config_command() -> list[str] | None:
    """``docker compose config -q`` where Docker is installed, else ``tools/compose-check`` built with
    Go (compose-go, the library behind ``docker compose config``), else ``None``."""
    if shutil.which("docker"):
        probe = subprocess.run(["docker", "compose", "version"], capture_output=True, timeout=60)
        if probe.returncode == 0:
            return ["docker", "compose", "-f", str(REPO_ROOT / "docker-compose.yml"), "config", "-q"]
    go = shutil.which("go") or ("/usr/local/go/bin/go" if Path("/usr/local/go/bin/go").exists() else None)
    if go is None:
        return None
    binary = StackSettings().cache_dir / "compose-check"
    binary.parent.mkdir(parents=True, exist_ok=True)
    build = subprocess.run(
        [go, "build", "-mod=readonly", "-buildvcs=false", "-o", str(binary), "."],
        cwd=REPO_ROOT / "tools" / "compose-check",
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stderr
    return [str(binary), str(REPO_ROOT / "docker-compose.yml")]


@pytest.fixture(scope="module")
def compose_config() -> list[str]:
    command = _compose_config_command()
    if command is None:
        pytest.skip("neither Docker Compose nor Go is installed")
    return command


def test_compose_file_validates(compose_config: list[str]) -> None:
    proc = subprocess.run(compose_config, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_compose_validation_catches_errors(compose_config: list[str], tmp_path: Path) -> None:
    """The validator is not a no-op: a dangling depends_on and a wrong type are refused."""
    compose = _compose()
    compose["services"]["worker"]["depends_on"]["no-such-service"] = {"condition": "service_started"}
    compose["services"]["poller"]["ports"] = "8080"
    broken = tmp_path / "docker-compose.yml"
    broken.write_text(yaml.safe_dump(compose))
    command = [str(broken) if part.endswith("docker-compose.yml") else part for part in compose_config]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0
    assert "ports" in proc.stderr or "no-such-service" in proc.stderr


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
