# Two commands on a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
# `make test` also proves the project on an external server when one answers here (the machine's own).
EXTERNAL_WAREHOUSE_URL ?= postgresql://postgres@127.0.0.1:5432/postgres
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Test processes (pytest-xdist); the tests of one built warehouse stay in one process (tests/conftest.py). The
# slowest set-ups and tests are listed at the end (where CI time goes).
TEST_WORKERS ?= 2
PYTEST := $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadscope --durations=20
# The pg15_smoke run is one process: its police.uk night is most of its time, and a second process only imported
# the libraries and collected the tests again (alone: 88 s of CPU in one process, 156 s in two, the same 114-117 s;
# docs/benchmarks.md, sixteenth sitting).
SMOKE_PYTEST := $(BIN)/python -m pytest --durations=20
SMOKE_LOG := $(VENV)/pg15_smoke.log
# The smoke run's own temporary root: a pytest session makes its root private (0700) as it starts, and the
# suite's embedded server's user must pass through the suite's.
SMOKE_TMP := $(VENV)/pg15_smoke_tmp

.PHONY: install demo test bench clean browser

## The project and its test tools, pinned by constraints.txt, installed by uv (the same packages as pip installs, in a
## sixth of the time: docs/benchmarks.md, fifteenth sitting).
install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --constraint constraints.txt uv
	$(BIN)/uv pip install --python $(BIN)/python --quiet --constraint constraints.txt --editable '.[test]'
	touch $(STAMP)

## Start the embedded warehouse, generate a synthetic night and run the Airflow DAG end to end.
demo: $(STAMP)
	$(BIN)/equality demo

## Run the whole test suite (real PostgreSQL, Airflow, dbt and Great Expectations), on the embedded
## warehouse (or WAREHOUSE_URL), and beside it the tests marked pg15_smoke (what differs between PostgreSQL
## versions: COPY, timestamp checks, locking) on EXTERNAL_WAREHOUSE_URL if it answers; then the suite's Celery night
## runs there too (OTHER_VERSION_SERVER_URL), the whole night to publication on the other version, and must publish
## what the in-process night published on PostgreSQL 18. The smoke run shares the cores with the suite's processes
## (all of them are busy the whole pass: docs/benchmarks.md, fifteenth sitting); its output follows the suite's.
## (At nice 19 it left the suite 94 s sooner, but starved its own timed publish test: docs/benchmarks.md,
## fourteenth sitting.)
test: $(STAMP) browser
	@if [ -z "$$WAREHOUSE_URL" ] && $(BIN)/python -c "import psycopg, sys; psycopg.connect(sys.argv[1], connect_timeout=3).close()" "$(EXTERNAL_WAREHOUSE_URL)" 2>/dev/null; then \
		echo "PostgreSQL answers at $(EXTERNAL_WAREHOUSE_URL): its pg15_smoke tests run beside the suite"; \
		WAREHOUSE_URL="$(EXTERNAL_WAREHOUSE_URL)" $(SMOKE_PYTEST) -p no:cacheprovider --basetemp=$(SMOKE_TMP) \
			-m pg15_smoke tests/integration \
			> $(SMOKE_LOG) 2>&1 & smoke=$$!; other=$(EXTERNAL_WAREHOUSE_URL); \
	else \
		echo "No PostgreSQL at $(EXTERNAL_WAREHOUSE_URL) (or WAREHOUSE_URL is set): pg15_smoke run skipped"; smoke=; other=; \
	fi; \
	OTHER_VERSION_SERVER_URL="$$other" $(PYTEST); suite=$$?; \
	smoked=0; if [ -n "$$smoke" ]; then wait $$smoke; smoked=$$?; \
		echo "=== the pg15_smoke tests on $(EXTERNAL_WAREHOUSE_URL)"; cat $(SMOKE_LOG); fi; \
	[ $$suite -eq 0 ] && [ $$smoked -eq 0 ]

## Debian's chromium and its driver, for the board report's browser test: installed when missing (as root).
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium chromium-driver; \
		else echo "Chromium is missing: run 'sudo apt-get install chromium chromium-driver' for the browser test"; fi; \
	fi

## Measure load speed and memory against a bare COPY, and dbt + validation time, at 1,000,000 rows.
bench: $(STAMP)
	$(BIN)/equality bench

clean:
	-$(BIN)/equality warehouse stop
	rm -rf .equality dbt_project/target dbt_project/logs
