# newsmon developer and CI entry points. `make test` is the one test command (README).
# The local Kafka + Elasticsearch are managed by `newsmon stack` (see docs/infrastructure.md).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# Stamp file: re-install only when pyproject.toml changes.
STAMP  := $(VENV)/.newsmon-installed

.PHONY: install stack-up stack-down stack-status test unit lint format demo clean-venv

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

# The whole suite against the real servers, after lint errors are ruled out.
test: install stack-up
	$(BIN)/ruff check services tests
	$(BIN)/pytest tests

# Unit tests only: no servers needed.
unit: install
	$(BIN)/pytest tests/unit

lint: install
	$(BIN)/ruff check services tests
	$(BIN)/ruff format --check services tests
	$(BIN)/mypy

format: install
	$(BIN)/ruff format services tests

demo: install stack-up
	$(BIN)/newsmon demo

clean-venv:
	rm -rf $(VENV)
