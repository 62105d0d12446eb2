"""Alerts, for real: Airflow runs the night (dag.test through `equality nightly`, or `airflow dags test`) and a
local HTTP receiver on 127.0.0.1 stands in for the team's webhook. A failed night sends exactly one message
naming the failed stage and the fix; an extract that never arrives sends one. (That a good night sends none is
checked on the end-to-end night, which runs with a receiver too: test_nightly_end_to_end.py.)
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from commands import AIRFLOW, EQUALITY
from equality.config import Settings
from equality.orchestration import airflow_environment, migrate_once
from webhook import Receiver

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def receiver():
    receiver = Receiver()
    yield receiver
    receiver.close()


@pytest.fixture(scope="module")
def environment(module_warehouse_url, receiver, tmp_path_factory):
    """The module's settings, and its Airflow home migrated once for both ways of running the night."""
    home = tmp_path_factory.mktemp("alerts")
    environment = {**os.environ, "WAREHOUSE_URL": module_warehouse_url, "EQUALITY_HOME": str(home),
                   "EQUALITY_PSEUDONYM_KEY": "alerts-test-key-0123456789abcdef012345", "EQUALITY_TASK_RETRIES": "0",
                   "EQUALITY_ALERT_WEBHOOK_URL": receiver.url}
    migrate_once({**environment, **airflow_environment(Settings.from_env(environment))})
    return environment


def nightly(landing: Path, environment: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([EQUALITY, "nightly", "--landing", str(landing)], env=environment, capture_output=True,
                          text=True, timeout=1800)


def test_a_failed_night_sends_one_message_naming_the_stage_and_the_fix(environment, receiver, tmp_path):
    landing = tmp_path / "landing"
    landing.mkdir()
    (landing / "stop_search_2025-03-31.csv").write_text("not,the,header\n1,2,3\n")
    receiver.messages.clear()

    run = nightly(landing, environment)

    assert run.returncode == 1
    assert run.stderr.strip().count("\n") == 0, run.stderr
    assert "the night failed at load" in run.stderr and "stop_search_2025-03-31.csv" in run.stderr
    assert len(receiver.messages) == 1
    message = receiver.messages[0]
    assert message["stage"] == "load"
    assert "stop_search_2025-03-31.csv" in message["problem"]
    assert "deliver them again" in message["fix"]
    assert "failed at stage load" in message["text"]
    status = subprocess.run([EQUALITY, "status"], env=environment, capture_output=True, text=True, timeout=60)
    assert status.returncode == 1  # reporting is stale: nothing was published
    assert "failed at load" in status.stdout
    assert "stop_search_2025-03-31.csv: rejected whole" in status.stdout
    assert "Reporting: STALE" in status.stdout


def test_an_extract_that_never_arrives_sends_one_message(environment, receiver, tmp_path):
    landing = tmp_path / "empty"
    landing.mkdir()
    receiver.messages.clear()
    settings_environment = {**environment, "EQUALITY_EXTRACT_WAIT_SECONDS": "3"}
    airflow_env = {**settings_environment, **airflow_environment(Settings.from_env(settings_environment))}

    run = subprocess.run([AIRFLOW, "dags", "test", "equality_nightly", "-c", json.dumps({"landing_dir": str(landing)})],
                         env=airflow_env, capture_output=True, text=True, timeout=600)

    assert "failed" in run.stdout + run.stderr
    assert [message["stage"] for message in receiver.messages] == ["wait_for_extract"]
    assert "no extract arrived" in receiver.messages[0]["fix"]
