# One command each for a new user: `make example` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: example test test-all golden readme bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

## Print the chronology of the bundled example (Markdown report).
example: $(STAMP)
	$(BIN)/letopis extract examples/paris-1944.txt --format md

## Run the test suite (fast tests; CI runs the same).
test: $(STAMP)
	$(BIN)/python -m pytest -q

## Run every test, the slow ones included.
test-all: $(STAMP)
	$(BIN)/python -m pytest -q -m ''

## Regenerate the golden files; review the change with `git diff tests/golden`.
golden: $(STAMP)
	LETOPIS_REGENERATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py
	git diff --stat tests/golden

## Refresh the example section of README.md from a real run.
readme: $(STAMP)
	$(BIN)/python scripts/readme_example.py

## Side-by-side benchmark against the peers (installs them in .bench-venv).
bench: $(STAMP)
	bash bench/run.sh

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info src/*.egg-info
