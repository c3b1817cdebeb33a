# The commands: `make run` (the site with demo data), `make serve` (the production stack),
# `make test` (the whole suite) and `make lint` (ruff's lint and format checks, and no model
# change without its migration).
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The first Python 3.12+ found: pyenv's (selected by .python-version), then the usual names.
PYTHON ?= $(shell for p in python3.13 python3.12 python3 python $(wildcard $(HOME)/.pyenv/versions/3.1[2-9]*/bin/python3); do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { command -v $$p; break; }; done)
PYTEST_ARGS ?=

.PHONY: install run serve test lint migrate seed lock clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	@if [ -z "$(PYTHON)" ]; then \
		echo "No Python 3.12 or newer found. Install one (e.g. 'pyenv install 3.13') or run 'make PYTHON=/path/to/python3.13 ...'." >&2; \
		exit 1; \
	fi
	@if [ -x $(BIN)/python ] && ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
		echo "Replacing $(VENV): it was made with a Python older than 3.12."; rm -rf $(VENV); \
	fi
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --constraint requirements.lock ".[test]"
	@touch $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --no-input

seed: migrate
	$(BIN)/python manage.py seed_demo

run: seed
	@echo "Starting web (http://127.0.0.1:8000), worker and scheduler. Ctrl-C stops them all."
	$(BIN)/honcho --procfile Procfile start

# The production stack: gunicorn (gunicorn.conf.py), the worker and the scheduler
# (Procfile.production) with production settings, which take everything from the environment
# (supportsite/settings/production.py says what is required; docs/operations.md).
serve: export DJANGO_SETTINGS_MODULE := supportsite.settings.production
serve: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py collectstatic --no-input --verbosity 0
	@echo "Starting web (gunicorn), worker and scheduler. Ctrl-C stops them all."
	$(BIN)/honcho --procfile Procfile.production start

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

# Re-pin the whole dependency tree after changing pyproject.toml.
lock: install
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^supportsite' > requirements.lock

clean:
	rm -rf $(VENV) staticfiles .pytest_cache test-artifacts
