# Two commands do all the set-up on a fresh machine: `make serve` and `make test`.
# Each creates .venv/ with the pinned packages of requirements.lock on first use.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LIGHTHOUSE := $(VENV)/lighthouse/node_modules/.bin/lighthouse
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build validate test test-fast browser lint lock clean help bench release

help:
	@echo "make serve     build the site and serve it on http://127.0.0.1:8000 with live reload"
	@echo "make test      run every test (installs Debian chromium for the browser tests)"
	@echo "make build     build the site into site/"
	@echo "make validate  check the case files only"
	@echo "make release   build the site, then the web archive, research deposit and checksums into dist/"

serve: $(STAMP)
	$(BIN)/mkdocs serve -a 127.0.0.1:8000 --livereload --dirty --no-strict

build: $(STAMP)
	$(BIN)/mkdocs build

# The packages that libraries and repositories keep (README, "Preserving this archive").
# RELEASE_VERSION names the files (the workflow sets it to the tag; default: git describe).
release: $(STAMP)
	$(BIN)/python -m generator release $${RELEASE_VERSION:+--version "$$RELEASE_VERSION"}

validate: $(STAMP)
	$(BIN)/python -m generator validate

test: $(STAMP) browser $(LIGHTHOUSE) lint
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser and not slow"

# Debian's chromium for the browser tests (Playwright drives it, it never downloads its own)
# and faketime for the test that builds under another clock.
browser:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v faketime >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver faketime >/dev/null; \
	  else \
	    echo "Tests need Debian's chromium and faketime: sudo apt-get install chromium chromium-driver faketime"; exit 1; \
	  fi; \
	fi

# Lighthouse for the page-quality test (tests/examples/test_lighthouse.py), pinned: 13.x wants Node 22.
$(LIGHTHOUSE):
	npm install --silent --no-audit --no-fund --prefix $(VENV)/lighthouse -E lighthouse@12.2.3

# The gates: lint, format and types (configured in pyproject.toml), the workflows' security.
lint: $(STAMP)
	$(BIN)/ruff check generator tests bench tools
	$(BIN)/ruff format --check generator tests bench tools
	$(BIN)/mypy
	$(BIN)/zizmor --offline --min-severity medium .github/workflows
	$(BIN)/actionlint .github/workflows/*.yml

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed (found $$($(PYTHON) --version))"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps -e .
	@touch $@

# Re-pin after changing requirements.in (needs the network to reach PyPI).
lock:
	rm -rf /tmp/lckb-lock && $(PYTHON) -m venv /tmp/lckb-lock
	/tmp/lckb-lock/bin/pip install -q -r requirements.in
	/tmp/lckb-lock/bin/pip freeze --exclude-editable > requirements.lock

clean:
	rm -rf site site.partial .cache dist dist.partial

# Benchmarks (figures in README.md): slow, run by hand.
bench: $(STAMP)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r bench/requirements.txt
	$(BIN)/python bench/run.py
