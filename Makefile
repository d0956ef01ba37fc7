# Two commands do all the set-up: `make demo` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint format bench clean java

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@ $(VENV)/.runtime

demo: $(VENV)/.runtime
	$(BIN)/likewise apply examples/people.csv --column name --output-column short \
		-e 'John Smith => Smith, J.' -e 'María José Carreño => Carreño, M.'

# Spark's tests need a Java runtime: install one where it is missing and we may (root with apt);
# without one they are skipped with a reason.
java:
	@command -v java >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
		apt-get update -qq && apt-get install -y -qq --no-install-recommends default-jre-headless \
		>/dev/null; } || echo "no Java runtime: the Spark tests will be skipped"

test: $(VENV)/.test java
	$(BIN)/ruff check src tests
	$(BIN)/python -m pytest

lint: $(VENV)/.test
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

format: $(VENV)/.test
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

bench: $(VENV)/.runtime
	$(BIN)/likewise bench ../shared/benchmarks/sygus_pbe_strings/PBE_Strings_Track --timeout 10

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache .hypothesis
