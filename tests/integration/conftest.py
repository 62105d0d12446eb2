"""Fixtures of the integration tests: a bootstrapped connection, and the nights several modules read.

A night is built once per session for each scenario and only read by the tests given it; a test that changes a
built warehouse works on a copy (``warehouse_databases``: ``clone_database``, or ``copy_under_its_name`` for a
test that builds in it).
"""

import os
import shutil
import subprocess
import time

import pytest

from equality.schema import bootstrap
from equality.sources.complaints.synthetic import complaints_demo_scenario, generate_complaints
from equality.sources.custody.synthetic import generate_custody, scenario_a, scenario_b
from equality.sources.hr.synthetic import generate_workforce
from equality.sources.stop_search.synthetic import generate
from equality.sources.use_of_force.synthetic import UseOfForceScenario, generate_use_of_force
from equality.config import Settings
from equality.pseudonymise import hmac_sha256_hex
from equality.warehouse import connect
from commands import EQUALITY
from nights import (ALL_SOURCES_END, ALL_SOURCES_RUN_ID, ALL_SOURCES_SEARCHES, ALL_SOURCES_START, ALL_SOURCES_WORKFORCE,
                    DETENTION_RATIOS, SMALL_CUSTODY, WEST_MIDLANDS_AUGUST_2018, custody_night, pseudonym_key_of)
from warehouse_databases import create_database, drop_database
from webhook import Receiver



@pytest.fixture
def conn(warehouse_url):
    """An autocommit connection to a fresh, bootstrapped warehouse database."""
    with connect(warehouse_url, autocommit=True) as connection:
        bootstrap(connection)
        yield connection


@pytest.fixture(scope="session")
def all_sources_night(server_url, tmp_path_factory):
    """One night of all five sources, run as an operator runs a warehouse's first night: `equality nightly
    --backfill` (the DAG through Airflow, in one process), its alerts sent to a local webhook receiver. Three
    financial years of stop-searches (``ALL_SOURCES_SEARCHES``: the oversight truth, an area-specific disparity, a
    missing and a partial month) and detentions (custody scenario A: a crude charge gap that offence mix explains),
    half the demo force's workforce (``ALL_SOURCES_WORKFORCE``), complaints linked to them, and use of force (the
    default scenario, with outliers of its own) linked to the searches and detentions. The end-to-end, complaints, workforce,
    custody, oversight, use-of-force, disclosure-control and board-report tests read it."""
    home = tmp_path_factory.mktemp("all_sources")
    landing = home / "landing"
    searches = generate(ALL_SOURCES_SEARCHES, landing)
    detentions = generate_custody(scenario_a(start=ALL_SOURCES_START, end=ALL_SOURCES_END,
                                             detention_rate_ratios=DETENTION_RATIOS), landing)
    workforce = generate_workforce(ALL_SOURCES_WORKFORCE, landing)
    complaints = generate_complaints(complaints_demo_scenario(), landing, stop_search_files=searches.files,
                                     custody_files=detentions.files,
                                     hr_people_files=[path for path in workforce.files if path.name.startswith("hr_people_")])
    use_of_force = generate_use_of_force(UseOfForceScenario(seed=21, start=ALL_SOURCES_START, end=ALL_SOURCES_END), landing,
                                         stop_search_files=searches.files, custody_files=detentions.files)
    url = create_database(server_url)
    receiver = Receiver()
    environment = {"WAREHOUSE_URL": url, "EQUALITY_HOME": str(home), "EQUALITY_TASK_RETRIES": "0",
                   "EQUALITY_PSEUDONYM_KEY": pseudonym_key_of(ALL_SOURCES_RUN_ID), "EQUALITY_ALERT_WEBHOOK_URL": receiver.url}
    settings = Settings.from_env(environment)
    started = time.perf_counter()
    run = subprocess.run([EQUALITY, "nightly", "--landing", str(landing), "--backfill"],
                         env={**os.environ, **environment}, capture_output=True, text=True, timeout=1800)
    if run.returncode != 0:
        receiver.close()
        drop_database(url)
        pytest.fail(f"the all-sources night failed:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}")
    key = settings.pseudonym_key()
    yield {"url": url, "landing": landing, "home": home, "settings": settings, "environment": {**os.environ, **environment},
           "run": run, "alerts": receiver.messages, "seconds": time.perf_counter() - started,
           "searches": searches, "custody": detentions, "workforce": workforce, "complaints": complaints,
           "use_of_force": use_of_force, "pseudonym": lambda value: hmac_sha256_hex(key, value)}
    receiver.close()
    drop_database(url)


@pytest.fixture(scope="session")
def police_uk_night(server_url, tmp_path_factory):
    """A real police.uk month (West Midlands, August 2018) and custody scenario B (a real within-stratum charge
    gap) through one night: the real-data reconciliation and the custody tests read it, and the Celery test runs
    the same landing folder under another executor."""
    night = custody_night(server_url, scenario_b(detention_rate_ratios=DETENTION_RATIOS, **SMALL_CUSTODY),
                          lambda landing: shutil.copy(WEST_MIDLANDS_AUGUST_2018, landing), tmp_path_factory,
                          "real-police-uk")
    yield night
    drop_database(night["url"])
