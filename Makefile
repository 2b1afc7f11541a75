# Dialogue Atlas — the two commands a newcomer needs are `make run` and `make test`.
# Without DATABASE_URL both start the embedded PostgreSQL server (data in .data/postgres).

PYTHON ?= $(shell command -v python3.13 || command -v python3.12 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install install-dev run test lint format check migrate seed admin db-stop clean bench bench-views bench-first-run messages vendor audit

DEV_STAMP := $(VENV)/.dev-stamp

# What running the atlas needs, and nothing else: `make run` installs only this (the test and bench
# tools come with `make test` and `make bench`). pip's own version is whatever the venv brings; Python
# compiles the modules it imports on first use rather than pip compiling all of them (--no-compile).
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 12), "Dialogue Atlas needs Python 3.12 or newer, found " + sys.version'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-compile -e .
	touch $(STAMP)

# The test and lint tools (pytest, Playwright, ruff, …): `make test`, `make lint`, `make check`.
$(DEV_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $(DEV_STAMP)

install: $(STAMP)
install-dev: $(DEV_STAMP)

migrate: $(STAMP)
	$(BIN)/python manage.py migrate --no-input

seed: migrate
	$(BIN)/python manage.py load_seed

admin: $(STAMP)
	$(BIN)/python manage.py ensure_admin

# The background worker (imports, large exports: docs/import.md) runs beside the server and stops
# with it.
run: seed admin
	@$(BIN)/python manage.py db_worker --no-startup-delay & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(DEV_STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Translators: extract every string into each package's locale/ catalogues (Django's makemessages
# needs GNU gettext's xgettext), then compile them with polib. The .mo files are committed, so
# running and testing the atlas needs no gettext tools (config/operations/catalogues.py).
MESSAGES_IGNORE := --ignore=.venv --ignore=.data --ignore=tests --ignore=bench --ignore=staticfiles --ignore=media --ignore=node_modules

messages: $(STAMP)
	$(BIN)/python manage.py makemessages --locale=de --locale=zh_Hans --no-obsolete --add-location=file $(MESSAGES_IGNORE)
	$(BIN)/python manage.py makemessages --domain=djangojs --locale=de --locale=zh_Hans --no-obsolete --add-location=file $(MESSAGES_IGNORE)
	$(BIN)/python manage.py compile_catalogues

# Maintainers: fetch the public views' JavaScript from the npm registry (pinned in scripts/vendor_js.json,
# checked by integrity) into the static files. The copies are committed; running needs no node.
vendor:
	$(PYTHON) scripts/vendor_js.py

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(DEV_STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: lint
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

db-stop: $(STAMP)
	$(BIN)/python -m config.operations.embedded_postgres stop

clean: db-stop
	rm -rf $(VENV) .data

# Benchmarks against Datasette and a framework-free floor on 100,000 demo events, then the import
# against django-import-export's plain one (bench/README.md).
# Needs DATABASE_URL (any database on the server: the benchmark creates its own) and Redis.
BENCH_STAMP := $(VENV)/.bench-stamp

$(BENCH_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev,bench]"
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	command -v wrk >/dev/null 2>&1 || apt-get install -y wrk || (apt-get update && apt-get install -y wrk)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/import_speed.py

# The visual views (timeline, map, network, charts) at 100,000 events: Chromium's time to first draw
# and the size of the data each loads (bench/views.py; the same database as make bench).
bench-views: $(BENCH_STAMP)
	$(BIN)/python bench/views.py
# A newcomer's first `make run`: from a fresh clone of HEAD to a served page (bench/first_run.py).
bench-first-run:
	$(PYTHON) bench/first_run.py

# Quality audit: Lighthouse (mobile, desktop), the Nu HTML Checker and axe on every kind of public
# page, the atlas served as in production (bench/README.md). Needs DATABASE_URL (any database on the
# server: the audit creates its own), Chromium, java and node; the tools are pinned in bench/.cache/.
audit: $(DEV_STAMP)
	$(BIN)/python bench/quality.py $(PAGES)
