"""`equality nightly` stops cleanly on SIGTERM: within seconds, one line saying what happened, no traceback,
nothing published."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from commands import EQUALITY
from nights import query

pytestmark = pytest.mark.slow

POLICE_UK_EXTRACTS = Path(__file__).parents[1] / "data" / "police_uk_stop_search"
SECONDS_ALLOWED = 10


def test_sigterm_stops_a_running_night_in_seconds_and_publishes_nothing(warehouse_url, tmp_path):
    environment = {**os.environ, "WAREHOUSE_URL": warehouse_url, "EQUALITY_HOME": str(tmp_path / "home"),
                   "EQUALITY_PSEUDONYM_KEY": "sigterm-test-key-0123456789abcdef01234", "EQUALITY_TASK_RETRIES": "0"}
    night = subprocess.Popen([EQUALITY, "nightly", "--landing", str(POLICE_UK_EXTRACTS)], env=environment,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert night.stdout.readline().startswith("Airflow's log of this run")
    time.sleep(8)  # Airflow is up and the night under way
    assert night.poll() is None

    stopped = time.monotonic()
    night.send_signal(signal.SIGTERM)
    _, stderr = night.communicate(timeout=60)

    assert time.monotonic() - stopped < SECONDS_ALLOWED
    assert night.returncode == 128 + signal.SIGTERM
    assert stderr.strip().count("\n") == 0, stderr
    assert "stopped by SIGTERM" in stderr and "reporting still holds the last publication" in stderr
    assert query(warehouse_url, "select to_regclass('reporting.publication')")[0][0] is None
