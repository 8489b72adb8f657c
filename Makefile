# Two commands: `make run` and `make test`. Both create the virtual environment first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= eventcoder.duckdb

.PHONY: setup run test lint bench bench-100k clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

run: setup
	$(BIN)/eventcoder ingest src/eventcoder/samples --db $(DB)
	$(BIN)/eventcoder events --db $(DB)

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
	rm -rf $(VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache
