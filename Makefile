# Kennisnetwerk — the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run test venv assets chromium lint checks messages bench clean

help:
	@echo "make run    installs everything, prepares the database with demo data and serves http://$(HOST):$(PORT)"
	@echo "make test   installs what the tests need (incl. Chromium) and runs the whole suite"
	@echo "make messages  updates and compiles the Dutch catalogue after changing texts"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements/dev.lock pyproject.toml
	$(BIN)/python -m pip install --quiet -r requirements/dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

venv: $(VENV)/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

assets: node_modules/.installed

run: venv assets
	@mkdir -p data
	$(BIN)/kennisnetwerk migrate --noinput
	$(BIN)/kennisnetwerk load_reference_data
	$(BIN)/kennisnetwerk load_demo_data
	$(BIN)/kennisnetwerk rebuild_search_index
	@echo "Start gunicorn (productie-WSGI-server) op http://$(HOST):$(PORT) met de worker voor achtergrondtaken en de planner"
	$(BIN)/kennisnetwerk serve $(HOST):$(PORT)

# Chromium for the browser journeys comes from the system package manager.
chromium:
	@bash scripts/ensure-chromium.sh

lint: venv
	$(BIN)/ruff check src tests scripts benchmarks conftest.py
	$(BIN)/ruff format --check src tests scripts benchmarks conftest.py

checks: venv assets
	@mkdir -p data
	DJANGO_SETTINGS_MODULE=kennisnetwerk.conf.ci $(BIN)/kennisnetwerk makemigrations --check --dry-run
	$(BIN)/python scripts/check_catalogue.py

test: venv assets chromium lint checks
	$(BIN)/pytest -n 2 --dist loadgroup

messages: venv
	cd src/kennisnetwerk && ../../$(BIN)/kennisnetwerk makemessages -l nl --no-location --no-obsolete --ignore "static/*"
	cd src/kennisnetwerk && ../../$(BIN)/kennisnetwerk compilemessages -l nl

# All benchmarks, or one: make bench BENCH=atlas (see docs/benchmarks.md for BENCH_SCALE etc.).
bench: venv
	$(BIN)/python benchmarks/run.py $(BENCH)

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache
