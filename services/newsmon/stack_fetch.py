"""Prerequisites of the local stack: tools, Maven artifacts, the Elasticsearch tree and its user."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

from newsmon.errors import StackError
from newsmon.logs import get_logger
from newsmon.stack_config import ELASTICSEARCH_VERSION, KAFKA_VERSION, StackSettings

log = get_logger("newsmon.stack")


def java_major(java: str) -> int:
    """The major version of ``java`` (``java -version`` prints it on stderr)."""
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise StackError(f"cannot run {java!r}: {exc}") from exc
    return parse_java_major(out.stderr + out.stdout)


def parse_java_major(version_output: str) -> int:
    """Major version from ``java -version`` output: ``"17.0.15"`` -> 17, ``"1.8.0_392"`` -> 8."""
    match = re.search(r'version "(\d+)(?:\.(\d+))?', version_output)
    if not match:
        raise StackError(f"cannot read the Java version from: {version_output[:200]!r}")
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def check_tools(s: StackSettings, need_mvn: bool) -> None:
    """Fail with a message that says what to install when a tool is missing."""
    if shutil.which(s.stack_kafka_java) is None:
        raise StackError(
            f"'{s.stack_kafka_java}' not found: Kafka {KAFKA_VERSION} needs a Java 17+ runtime "
            "(apt-get install openjdk-17-jre-headless, or set NEWSMON_STACK_KAFKA_JAVA)"
        )
    if (major := java_major(s.stack_kafka_java)) < 17:
        raise StackError(f"Kafka {KAFKA_VERSION} needs Java 17+, '{s.stack_kafka_java}' is Java {major}")
    es_java = s.stack_es_java_home / "bin" / "java"
    if not es_java.exists():
        raise StackError(
            f"no JDK at {s.stack_es_java_home}: Elasticsearch {ELASTICSEARCH_VERSION} needs Java 21+ "
            "(install a JDK 25, e.g. Temurin 25, and point NEWSMON_STACK_ES_JAVA_HOME at it)"
        )
    if (major := java_major(str(es_java))) < 21:
        raise StackError(f"Elasticsearch {ELASTICSEARCH_VERSION} needs Java 21+, {es_java} is Java {major}")
    if need_mvn and shutil.which(s.stack_mvn) is None:
        raise StackError(
            f"'{s.stack_mvn}' not found: Maven fetches the Kafka and Elasticsearch artifacts "
            "(apt-get install maven, or set NEWSMON_STACK_MVN)"
        )


def artifacts_cached(s: StackSettings) -> bool:
    """True when the Kafka classpath and the Elasticsearch zip are already in the cache."""
    return (s.kafka_libs / f"kafka_2.13-{KAFKA_VERSION}.jar").exists() and s.es_zip.exists()


def fetch_artifacts(s: StackSettings) -> None:
    """Run Maven with the repo's pom.xml to fill the cache (no-op when already cached)."""
    if artifacts_cached(s):
        return
    if not s.stack_pom.exists():
        raise StackError(f"{s.stack_pom} not found: run from a newsmon checkout")
    s.cache_dir.mkdir(parents=True, exist_ok=True)
    for goal in ("dependency:copy-dependencies@kafka-libs", "dependency:copy@es-zip"):
        cmd = [s.stack_mvn, "-q", "-B", "-f", str(s.stack_pom), goal, f"-Dnewsmon.cache={s.cache_dir}"]
        log.info("stack.fetch", goal=goal)
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=1800)
        if proc.returncode != 0:
            raise StackError(
                f"{' '.join(cmd)} failed ({proc.returncode}):\n{(proc.stdout + proc.stderr)[-3000:]}"
            )
    if not artifacts_cached(s):
        raise StackError(f"Maven finished but the artifacts are not under {s.cache_dir}")


def extract_es(s: StackSettings) -> None:
    """Unpack the Elasticsearch zip into the stack dir once, keeping the executable bits."""
    if (s.es_home / "bin" / "elasticsearch").exists():
        return
    staging = s.stack_dir / f".extract-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    with zipfile.ZipFile(s.es_zip) as zf:
        for info in zf.infolist():
            target = Path(zf.extract(info, staging))
            mode = (info.external_attr >> 16) & 0o777
            if mode and not info.is_dir():
                target.chmod(mode)
    extracted = staging / s.es_home.name
    if not extracted.is_dir():
        raise StackError(f"{s.es_zip} does not contain {s.es_home.name}/")
    extracted.rename(s.es_home)
    shutil.rmtree(staging, ignore_errors=True)


def ensure_es_user(s: StackSettings) -> str | None:
    """The user Elasticsearch runs as: None when we are not root, else ``stack_es_user``.

    Elasticsearch refuses to run as root, so as root a system user is created when missing
    and given the Elasticsearch tree and its data, log and temp dirs.
    """
    if os.geteuid() != 0:
        return None
    user = s.stack_es_user
    if subprocess.run(["id", "-u", user], capture_output=True, check=False).returncode != 0:
        if shutil.which("useradd") is None:
            raise StackError(f"running as root, user {user!r} missing and no useradd to create it")
        proc = subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", user],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            raise StackError(f"useradd {user} failed: {proc.stderr.strip()}")
        log.info("stack.user_created", user=user)
    for path in (s.es_home, s.stack_dir / "es"):
        path.mkdir(parents=True, exist_ok=True)
        subprocess.run(["chown", "-R", f"{user}:", str(path)], check=True)
    return user


def prepare_dirs(s: StackSettings) -> None:
    """Create the stack layout; the stack dir must be traversable by the Elasticsearch user."""
    check_owner(s)
    for path in (s.stack_dir, s.run_dir, s.logs_dir, s.kafka_data, s.es_data, s.es_logs, s.es_tmp):
        path.mkdir(parents=True, exist_ok=True)
    s.stack_dir.chmod(0o755)


def check_owner(s: StackSettings) -> None:
    """Refuse an existing stack dir owned by someone else.

    /var/tmp is world-writable: a directory planted there must not receive our data or
    decide what we execute.
    """
    if s.stack_dir.exists() and s.stack_dir.stat().st_uid != os.geteuid():
        raise StackError(
            f"{s.stack_dir} belongs to uid {s.stack_dir.stat().st_uid}, not to us: "
            "remove it or choose another NEWSMON_STACK_DIR"
        )
