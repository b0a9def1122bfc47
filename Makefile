# One command each for a new user: `make example` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: example test test-all fuzz golden readme readme-check schema bench clean chromium

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

## Print the chronology of the bundled example (Markdown report).
example: $(STAMP)
	$(BIN)/letopis extract examples/paris-1944.txt --format md

## Run the test suite (fast tests; CI runs the same).
test: $(STAMP) chromium
	$(BIN)/python -m pytest -q

## The browser tests drive Debian's Chromium (Playwright never downloads a browser here).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
		else \
			echo "make: /usr/bin/chromium is missing; the browser tests need it. Install it with:"; \
			echo "    sudo apt-get update && sudo apt-get install -y chromium"; \
		fi; \
	fi

## Run every test, the slow ones included.
test-all: $(STAMP) chromium
	$(BIN)/python -m pytest -q -m ''

## The fuzzing suite's long profile (the short one runs in `make test`): the HTTP API, the
## request parser and the store with fresh seeds for LETOPIS_FUZZ_MINUTES (60), then the
## decoder, the HTML reader and the temporal grammar with FUZZ_EXAMPLES examples per property.
FUZZ_EXAMPLES ?= 200000
fuzz: $(STAMP)
	LETOPIS_FUZZ_MINUTES=$${LETOPIS_FUZZ_MINUTES:-60} $(BIN)/python -m pytest -q -s tests/web/test_web_fuzz.py tests/store/test_store_fuzz.py
	HYPOTHESIS_PROFILE=long FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q tests/fuzz

## Regenerate the golden files; review the change with `git diff tests/golden`.
golden: $(STAMP)
	LETOPIS_REGENERATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py
	git diff --stat tests/golden

## Refresh the example section of README.md from a real run.
readme: $(STAMP)
	$(BIN)/python scripts/readme_example.py

## Fail if the example section of README.md is stale (tests/test_readme.py checks the same).
readme-check: $(STAMP)
	$(BIN)/python scripts/readme_example.py --check

## Write src/letopis/schema/chronology.schema.json from the contract's records (letopis.contract).
schema: $(STAMP)
	$(BIN)/python -m letopis.schema
	git diff --stat src/letopis/schema

## Side-by-side benchmark against the peers (installs them in .bench-venv).
bench: $(STAMP)
	bash bench/run.sh

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info src/*.egg-info
