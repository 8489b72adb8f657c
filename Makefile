# Two commands: `make run` and `make test`. Both set up everything first: the virtual environment, the npm
# packages of the web page (leaflet, world-atlas, topojson-client) and of the browser test (playwright-core),
# and Debian's chromium for the browser test (apt-get, only when /usr/bin/chromium is missing and we are root).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= eventcoder.duckdb
CHROMIUM ?= /usr/bin/chromium
APT_GET ?= apt-get

.PHONY: setup run serve test lint bench bench-100k clean browser

setup: $(VENV)/.installed node_modules/.installed browser

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# node and npm come with the machine; where they do not, Debian's packages bring them.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { [ "$$(id -u)" = 0 ] && command -v $(APT_GET) >/dev/null && \
	  $(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq nodejs npm; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The browser test needs Debian's chromium (Playwright's own browser download does not work here).
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v $(APT_GET) >/dev/null; then \
	    $(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq chromium chromium-driver; \
	  else \
	    echo "setup: $(CHROMIUM) is missing and apt-get needs root: the browser test will be skipped"; \
	  fi; \
	fi

run: setup
	$(BIN)/eventcoder ingest src/eventcoder/samples --db $(DB)
	$(BIN)/eventcoder events --db $(DB)
	@echo "now: $(BIN)/eventcoder serve --db $(DB)   (or: make serve), then open http://127.0.0.1:8000/"

serve: setup
	$(BIN)/eventcoder serve --db $(DB)

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

bench: setup
	$(BIN)/python benchmarks/bench_pipeline.py
	$(BIN)/python benchmarks/bench_scale.py

# 100,000 synthetic documents: ingest, SIGKILL mid-run, resume, count (tens of minutes; not part of `make test`)
bench-100k: setup
	$(BIN)/python benchmarks/bench_100k.py --documents 100000 --workers 2

clean:
	rm -rf $(VENV) $(DB) node_modules .pytest_cache .mypy_cache .ruff_cache tests/output
