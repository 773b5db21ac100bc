"""Pure parts of `newsmon stack`: settings, Kafka config rendering, command lines, pid files."""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsmon.errors import StackError
from newsmon.stack_config import (
    StackSettings,
    as_user_prefix,
    es_command,
    es_environment,
    kafka_format_command,
    kafka_server_command,
    new_cluster_id,
    render_kafka_properties,
)
from newsmon.stack_fetch import check_tools, parse_java_major, prepare_dirs
from newsmon.stack_proc import PidRecord, is_running, port_open, read_pid, start_detached, stop, tail


def _props(text: str) -> dict[str, str]:
    pairs = [line.split("=", 1) for line in text.splitlines() if line and not line.startswith("#")]
    return {k: v for k, v in pairs}


@pytest.fixture(autouse=True)
def _no_stack_env(monkeypatch):
    """Defaults only: CI may run the suite with NEWSMON_STACK_* ports of its own."""
    for name in list(os.environ):
        if name.startswith("NEWSMON_STACK_"):
            monkeypatch.delenv(name)


@pytest.fixture
def settings(tmp_path: Path) -> StackSettings:
    return StackSettings(stack_dir=tmp_path / "stack")


def test_settings_read_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSMON_STACK_DIR", str(tmp_path / "s"))
    monkeypatch.setenv("NEWSMON_STACK_KAFKA_PORT", "19092")
    s = StackSettings()
    assert s.stack_dir == tmp_path / "s"
    assert s.kafka_bootstrap == "127.0.0.1:19092"
    assert s.pid_file("kafka") == tmp_path / "s" / "run" / "kafka.pid"


def test_kafka_properties_are_a_single_kraft_node(settings):
    props = _props(render_kafka_properties(settings))
    assert props["process.roles"] == "broker,controller"
    assert props["controller.quorum.voters"] == "1@127.0.0.1:9093"
    assert props["listeners"] == "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093"
    assert props["advertised.listeners"] == "PLAINTEXT://127.0.0.1:9092"
    assert props["log.dirs"] == str(settings.kafka_data)
    assert props["auto.create.topics.enable"] == "true"
    assert props["num.partitions"] == "1"
    assert props["offsets.topic.replication.factor"] == "1"
    assert props["transaction.state.log.replication.factor"] == "1"
    assert props["transaction.state.log.min.isr"] == "1"
    assert props["group.initial.rebalance.delay.ms"] == "0"


def test_kafka_properties_follow_configured_ports(tmp_path):
    s = StackSettings(stack_dir=tmp_path, stack_kafka_port=19092, stack_controller_port=19093)
    props = _props(render_kafka_properties(s))
    assert props["listeners"] == "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093"
    assert props["controller.quorum.voters"] == "1@127.0.0.1:19093"


def test_cluster_id_is_16_random_bytes_in_urlsafe_base64():
    ids = {new_cluster_id() for _ in range(20)}
    assert len(ids) == 20
    for cid in ids:
        assert len(cid) == 22 and "=" not in cid
        assert len(base64.urlsafe_b64decode(cid + "==")) == 16


def test_kafka_commands(settings):
    fmt = kafka_format_command(settings, "abc")
    assert fmt[fmt.index("-cp") + 1] == f"{settings.kafka_libs}/*"
    assert fmt[fmt.index("kafka.tools.StorageTool") :] == [
        "kafka.tools.StorageTool",
        "format",
        "--cluster-id",
        "abc",
        "--config",
        str(settings.kafka_properties),
        "--ignore-formatted",
    ]
    run = kafka_server_command(settings)
    assert run[-2:] == ["kafka.Kafka", str(settings.kafka_properties)]
    assert any(
        a.startswith("-Dlog4j2.configurationFile=") and a.endswith("log4j2-kafka.properties") for a in run
    )
    assert Path(next(a for a in run if a.startswith("-Dlog4j2")).split("=", 1)[1]).exists()


def test_es_command_and_environment(settings):
    cmd = es_command(settings)
    assert cmd[0] == str(settings.es_home / "bin" / "elasticsearch")
    flags = dict(a[2:].split("=", 1) for a in cmd[1:])
    assert flags["discovery.type"] == "single-node"
    assert flags["network.host"] == "127.0.0.1"
    assert flags["http.port"] == "9200" and flags["transport.port"] == "9300"
    assert flags["xpack.security.enabled"] == "false"
    assert flags["action.destructive_requires_name"] == "false"
    assert flags["path.data"] == str(settings.es_data)
    env = es_environment(settings, {"PATH": "/usr/bin", "JAVA_HOME": "/old", "ES_JAVA_OPTS": "-Xmx8g"})
    assert env["PATH"] == "/usr/bin" and "JAVA_HOME" not in env
    assert env["ES_JAVA_OPTS"] == "-Xms1g -Xmx1g"
    assert env["ES_JAVA_HOME"] == str(settings.stack_es_java_home)


def test_user_prefix():
    assert as_user_prefix(None) == []
    assert as_user_prefix("newsmon")[0] == "setpriv" and "--reuid=newsmon" in as_user_prefix("newsmon")


@pytest.mark.parametrize(
    ("output", "major"),
    [
        ('openjdk version "17.0.15" 2025-04-15', 17),
        ('openjdk version "25.0.3" 2025-10-21 LTS', 25),
        ('java version "1.8.0_392"', 8),
        ('openjdk version "21" 2023-09-19', 21),
    ],
)
def test_parse_java_major(output, major):
    assert parse_java_major(output) == major


def test_parse_java_major_rejects_garbage():
    with pytest.raises(StackError):
        parse_java_major("command not found")


def test_pid_record_round_trip_and_corruption(tmp_path):
    path = tmp_path / "x.pid"
    assert read_pid(path) is None
    path.write_text(PidRecord(1234, "kafka.Kafka").dump())
    assert read_pid(path) == PidRecord(1234, "kafka.Kafka")
    path.write_text("not a pid")
    with pytest.raises(StackError):
        read_pid(path)


def test_start_detached_then_stop_only_our_group(tmp_path):
    """A real child process: pid file written, recognised by its marker, stopped by SIGTERM."""
    marker = f"newsmon-test-sleeper-{os.getpid()}"
    code = f"import time, sys; sys.argv.append({marker!r}); print('{marker}', flush=True); time.sleep(120)"
    pid_file, log_file = tmp_path / "run" / "s.pid", tmp_path / "logs" / "s.out"
    record = start_detached(
        [sys.executable, "-c", code, marker],
        pid_file=pid_file,
        marker=marker,
        log_file=log_file,
        env=dict(os.environ),
        cwd=tmp_path,
    )
    assert read_pid(pid_file) == record
    assert is_running(record)
    assert not is_running(PidRecord(record.pid, "some-other-program"))
    deadline = time.monotonic() + 20
    while marker not in tail(log_file, 5) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker in tail(log_file, 5)
    assert stop(pid_file, timeout_s=10) is True
    assert not is_running(record)
    assert not pid_file.exists()
    assert stop(pid_file, timeout_s=1) is False


def test_stop_escalates_to_sigkill(tmp_path):
    marker = f"newsmon-test-stubborn-{os.getpid()}"
    code = (
        "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
        "print('ready', flush=True); time.sleep(120)"
    )
    log_file = tmp_path / "s.out"
    record = start_detached(
        [sys.executable, "-c", code, marker],
        pid_file=tmp_path / "s.pid",
        marker=marker,
        log_file=log_file,
        env=dict(os.environ),
        cwd=tmp_path,
    )
    deadline = time.monotonic() + 20
    while "ready" not in tail(log_file, 5) and time.monotonic() < deadline:
        time.sleep(0.05)
    t0 = time.monotonic()
    assert stop(tmp_path / "s.pid", timeout_s=1) is True
    assert time.monotonic() - t0 < 10
    assert not is_running(record)


def test_port_open_on_a_closed_port_is_quick():
    t0 = time.monotonic()
    assert port_open("127.0.0.1:1", timeout_s=2) is False
    assert time.monotonic() - t0 < 2.5


def test_prepare_dirs_refuses_a_stack_dir_owned_by_someone_else(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("needs root to create a directory owned by another user")
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    os.chown(foreign, 65534, 65534)
    with pytest.raises(StackError, match="belongs to uid 65534"):
        prepare_dirs(StackSettings(stack_dir=foreign))


def test_stack_cli_status_reports_down_with_exit_code_1(tmp_path):
    env = dict(os.environ)
    # Ports nothing listens on, so the probes answer "down" at once.
    env.update(NEWSMON_STACK_DIR=str(tmp_path), NEWSMON_STACK_KAFKA_PORT="1", NEWSMON_STACK_ES_PORT="2")
    proc = subprocess.run(
        [sys.executable, "-m", "newsmon.cli", "stack", "status"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 1
    assert "kafka: down" in proc.stdout and "elasticsearch: down" in proc.stdout


def test_missing_java_says_what_to_install(tmp_path):
    s = StackSettings(stack_dir=tmp_path, stack_kafka_java="no-such-java-here")
    with pytest.raises(StackError, match="needs a Java 17\\+ runtime.*apt-get install"):
        check_tools(s, need_mvn=False)


def test_missing_es_jdk_says_what_to_install(tmp_path):
    s = StackSettings(stack_dir=tmp_path, stack_es_java_home=tmp_path / "no-jdk")
    if shutil.which("java") is None:
        pytest.skip("no java on this machine: the Kafka check fails first")
    with pytest.raises(StackError, match="needs Java 21\\+.*NEWSMON_STACK_ES_JAVA_HOME"):
        check_tools(s, need_mvn=False)


def test_missing_maven_says_what_to_install(tmp_path):
    s = StackSettings(stack_dir=tmp_path, stack_mvn="no-such-mvn-here")
    if shutil.which("java") is None or not (s.stack_es_java_home / "bin" / "java").exists():
        pytest.skip("the Java checks come first and need both JDKs")
    check_tools(s, need_mvn=False)  # Maven only matters when artifacts must be fetched
    with pytest.raises(StackError, match="apt-get install maven"):
        check_tools(s, need_mvn=True)


def test_stack_logs_prints_the_tail_of_each_console_log(tmp_path):
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "kafka.out").write_text("".join(f"kafka line {i}\n" for i in range(100)))
    env = dict(os.environ, NEWSMON_STACK_DIR=str(tmp_path))
    proc = subprocess.run(
        [sys.executable, "-m", "newsmon.cli", "stack", "logs", "-n", "3"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 0
    assert "kafka line 97\nkafka line 98\nkafka line 99" in proc.stdout
    assert "kafka line 96" not in proc.stdout
    assert "elasticsearch.out <==\n(no log yet)" in proc.stdout
