# The two commands: `make run` and `make test`. Every target is idempotent.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install demo run test test-postgres lint format messages bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || \
		{ echo "Python 3.11 or newer is required (found: $$($(PYTHON) --version 2>&1)). Set PYTHON=/path/to/python3.11."; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

demo: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo

run: demo
	$(MANAGE) set_site_url http://$(HOST):$(PORT)
	$(MANAGE) ensure_dev_admin --url http://$(HOST):$(PORT)
	@# The periodic jobs (scheduled publishing, mail, purges) run beside the server, and stop with it.
	SITE_URL=http://$(HOST):$(PORT) $(MANAGE) run_periodic & periodic=$$!; \
	trap 'kill $$periodic 2>/dev/null' EXIT INT TERM; \
	SITE_URL=http://$(HOST):$(PORT) $(MANAGE) runserver $(HOST):$(PORT)

# The suite runs in parallel (pytest-xdist): one worker per CPU, each with its own test database
# (SQLite in memory, or PostgreSQL test_<name>_gw0, _gw1…). PYTEST_WORKERS=0 runs it serially.
PYTEST_WORKERS ?= auto
PYTEST_PARALLEL := -n $(PYTEST_WORKERS) $(if $(filter 0,$(PYTEST_WORKERS)),,--dist worksteal)
test: install
	$(BIN)/pytest $(PYTEST_PARALLEL) $(PYTEST_ARGS)

test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/kontum} $(BIN)/pytest $(PYTEST_PARALLEL) $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install  ## refresh our catalogs (needs GNU gettext) and compile them (pure Python)
	$(MANAGE) makemessages -l vi --no-location --no-obsolete --ignore='tests/*' --ignore='bench/*' --ignore='static_collected/*'
	$(MANAGE) compile_catalogs

# The benchmark (README "Performance"): a large dataset cached in bench/data/ (SQLite by default,
# or DATABASE_URL), gunicorn with production settings and the cache production ships with (a
# private Redis: bench/with_redis.sh), wrk or a Python load generator.
BENCH_DATABASE_URL ?= $(or $(DATABASE_URL),sqlite:///$(CURDIR)/bench/data/bench.sqlite3)
bench: install
	DATABASE_URL=$(BENCH_DATABASE_URL) sh bench/with_redis.sh $(MANAGE) bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 media/original_images media/images
