# Thi đua – Khen thưởng. `make run` serves the demo; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/thidua
# Test processes (pytest-xdist); each has its own test database. TEST_WORKERS=0: one process.
TEST_WORKERS ?= 2
PYTEST_N := -n $(TEST_WORKERS) --dist loadgroup
DEV_ENV := THIDUA_DEBUG=true
# Some machines set PYTHONDONTWRITEBYTECODE: every Django process (test workers, the many the
# deployment tests start, the server) would then compile the whole project again, ≈ 0.5 s each.
unexport PYTHONDONTWRITEBYTECODE

comma := ,
.PHONY: run test lint format test-sqlite test-postgres system-deps bench clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# --no-compile: pip would compile every installed module (half the install's time); Python
# compiles the modules a process imports, once, as it first imports them.
$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --no-compile -e '.[dev]'
	touch $@

run: $(VENV)/.installed
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py seed_demo
	@echo "Mở trình duyệt: http://127.0.0.1:$(PORT)  (Ctrl+C để dừng)"
	@# The background worker (certificates) runs beside the web server and stops with it.
	@mkdir -p var
	@$(DEV_ENV) $(BIN)/python manage.py run_worker --interval 1 --no-startup-delay > var/worker.log 2>&1 & \
	worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Chromium (browser tests), LibreOffice and poppler (document tests). Installed with apt-get
# where we can (root, as in CI); elsewhere one visible line says which tests will be skipped.
SYSTEM_TOOLS := /usr/bin/chromium /usr/bin/soffice /usr/bin/pdftotext /usr/share/fonts/truetype/liberation2 /usr/bin/softhsm2-util
system-deps:
	@missing=""; for t in $(SYSTEM_TOOLS); do [ -e $$t ] || missing="$$missing $$t"; done; \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		echo "Installing Chromium, LibreOffice Writer/Calc, poppler-utils and SoftHSM2 (browser, document and token signing tests)…"; \
		apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			chromium libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-liberation2 softhsm2 >/dev/null; \
	else \
		echo "NOTE:$$missing missing and not root: browser/document tests needing them will be SKIPPED (apt-get install chromium libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils softhsm2)."; \
	fi

# Style, the one-way flow between apps (import-linter, contracts in pyproject.toml) and the
# types of services, policies and the criteria engine (mypy with django-stubs).
lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

PG_UP = $(shell $(BIN)/python -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null && echo yes)
# `make test`: the browser tests check what Chromium does with the pages (scripts, HTMX, layout,
# phones), not the database, whose every query the other tests run on both: with PostgreSQL
# reachable they run once, in its pass. `make test-sqlite` alone runs them too.
test: BROWSER_ONCE = yes
test-sqlite: $(VENV)/.installed
	@echo "== Test suite on SQLite (the deployment tests run in the PostgreSQL pass$(if $(BROWSER_ONCE),$(if $(PG_UP),$(comma) and so do the browser tests))) =="
	$(BIN)/pytest $(PYTEST_N) --ignore=tests/deploy $(if $(BROWSER_ONCE),$(if $(PG_UP),-m "not browser"))

test-postgres: $(VENV)/.installed
	@if $(BIN)/python -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null; then \
		echo "== Test suite on PostgreSQL (127.0.0.1:5432) =="; \
		DATABASE_URL=$(PG_URL) $(BIN)/pytest $(PYTEST_N); \
	else \
		echo "NOTE: PostgreSQL not reachable on 127.0.0.1:5432: PostgreSQL run skipped."; \
	fi

test: $(VENV)/.installed system-deps lint test-sqlite test-postgres

# Speed at scale, each measure printed beside its floor (see bench/run.py). By default the
# province data (100 units, 30,000 people, generated once into var/bench-province/) keeps the
# run to minutes; SCALE=national (10,000 units, 1,000,000 people, var/bench-national/) is the
# option for the whole country (its first run generates it, several minutes more).
SCALE ?= province
bench: $(VENV)/.installed
	$(BIN)/python bench/run.py --scale $(SCALE)

clean:
	rm -rf $(VENV) var/ .pytest_cache
