# presswash: `make run` builds the warehouse from seeds/, `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SOURCES ?= seeds

# Prefect: no analytics, and its home (the temporary server's database) inside the project.
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export PREFECT_HOME ?= $(CURDIR)/.prefect

.PHONY: run test bench eval train lint format install install-dev browser report clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(BIN)/presswash run $(SOURCES)

# The report's browser test drives Debian's chromium; `make test` installs it when missing
# (as root, or with sudo) and makes the test fail, not skip, without it.
CHROMIUM ?= /usr/bin/chromium
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

APT := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get

$(CHROMIUM):
	$(APT) install -y -q chromium || { $(APT) update -q && $(APT) install -y -q chromium; }

browser: $(CHROMIUM)

test: install-dev $(CHROMIUM)
	PRESSWASH_REQUIRE_BROWSER=1 $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install-dev
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# The quality report of the warehouse `make run` built: presswash-report.html.
report: install
	$(BIN)/presswash report

# Article finding on ../shared/extraction-dev (or $$PRESSWASH_EXTRACTION_DEV): body, headline, date.
eval: install-dev
	$(BIN)/python -m bench.extraction_eval $(EVAL_ARGS)

# Fit the line model again (transforms/line_model.json) on the same pages.
train: install-dev
	$(BIN)/python -m pip install --quiet -e ".[train]"
	$(BIN)/python -m bench.train_line_model $(TRAIN_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf .prefect .presswash exports bench/corpus_data bench/results.json presswash.duckdb presswash.duckdb.* presswash-report.html
