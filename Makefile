# Two commands on a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test bench clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --constraint constraints.txt --editable '.[test]'
	touch $(STAMP)

## Start the embedded warehouse, generate a synthetic night and run the Airflow DAG end to end.
demo: $(STAMP)
	$(BIN)/equality demo

## Run the whole test suite (real PostgreSQL, Airflow, dbt and Great Expectations).
test: $(STAMP)
	$(BIN)/python -m pytest

## Measure load speed and memory against a bare COPY, and dbt + validation time, at 1,000,000 rows.
bench: $(STAMP)
	$(BIN)/equality bench

clean:
	-$(BIN)/equality warehouse stop
	rm -rf .equality dbt_project/target dbt_project/logs
