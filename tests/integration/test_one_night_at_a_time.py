"""One night at a time per warehouse and per EQUALITY_HOME: a second night exits at once naming the first.

Every entry point (the whole night and each stage the DAG calls) takes the night lock. A night killed with
SIGKILL releases it, and the stage it left 'running' is marked 'failed' when the next night starts. Run on
the embedded PostgreSQL 18 and on PostgreSQL 15 via WAREHOUSE_URL.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from equality import nightly
from equality.errors import NightInProgress
from equality.night_lock import one_night
from equality.schema import bootstrap
from equality.warehouse import connect

pytestmark = pytest.mark.pg15_smoke  # advisory locks on every supported PostgreSQL

ENTRY_POINTS = {
    "run_night": lambda landing, settings: nightly.run_night(landing, "night-B", settings),
    "load": lambda landing, settings: nightly.load(landing, "night-B", settings),
    "validate_raw": lambda landing, settings: nightly.validate_raw("night-B", settings),
    "build": lambda landing, settings: nightly.build("night-B", settings),
    "validate_marts": lambda landing, settings: nightly.validate_marts("night-B", settings),
    "publish": lambda landing, settings: nightly.publish("night-B", settings),
}


@pytest.fixture
def bootstrapped(warehouse_url) -> str:
    with connect(warehouse_url, autocommit=True) as conn:
        bootstrap(conn)
    return warehouse_url


def second_night_refused(entry_point: str, settings, landing) -> str:
    started = time.perf_counter()
    with pytest.raises(NightInProgress) as refused:
        ENTRY_POINTS[entry_point](landing, settings)
    assert time.perf_counter() - started < 2, "the second night exits at once"
    assert "\n" not in str(refused.value)
    return str(refused.value)


@pytest.mark.parametrize("entry_point", ENTRY_POINTS)
def test_a_second_night_on_the_same_warehouse_and_home_exits_naming_the_first(
        bootstrapped, pipeline_env, tmp_path, entry_point):
    settings = pipeline_env(bootstrapped)
    with one_night(bootstrapped, settings.home, "night-A"):
        message = second_night_refused(entry_point, settings, tmp_path)
    assert "run night-A since 20" in message and "this one did nothing" in message
    with connect(bootstrapped) as conn:
        assert conn.execute("select count(*) from audit.run_stages").fetchone()[0] == 0


def test_a_second_night_from_another_home_is_refused_by_the_warehouse(bootstrapped, pipeline_env, tmp_path):
    settings = pipeline_env(bootstrapped, tmp_path / "first-home")
    with one_night(bootstrapped, settings.home, "night-A"):
        other = pipeline_env(bootstrapped, tmp_path / "second-home")
        message = second_night_refused("build", other, tmp_path)
    assert message.startswith("another night is running on this warehouse: run night-A since 20")


def test_a_second_night_on_another_warehouse_is_refused_by_the_home(bootstrapped, server_url, pipeline_env,
                                                                    tmp_path):
    settings = pipeline_env(bootstrapped)
    with one_night(server_url, settings.home, "night-A"):
        message = second_night_refused("build", settings, tmp_path)
    assert message.startswith(f"another night is running on EQUALITY_HOME {settings.home}: run night-A since 20")


def test_a_killed_night_releases_the_lock_and_its_running_stage_is_marked_failed(bootstrapped, pipeline_env,
                                                                                  tmp_path):
    settings = pipeline_env(bootstrapped)
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent("""
        import sys, time
        from equality import nightly
        from equality.config import Settings
        with nightly.night_stage("night-A", "build", Settings.from_env()):
            print("holding", flush=True)
            time.sleep(600)
    """)], stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        assert holder.stdout.readline().strip() == "holding"
        assert "run night-A since" in second_night_refused("validate_marts", settings, tmp_path)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    with one_night(bootstrapped, settings.home, "night-B"), nightly.stage(bootstrapped, "night-B", "validate_raw"):
        pass
    with connect(bootstrapped) as conn:
        stages = conn.execute("select run_id, stage, status, detail from audit.run_stages order by started_at"
                              ).fetchall()
    assert stages == [("night-A", "build", "failed", nightly.ABANDONED), ("night-B", "validate_raw", "success", None)]
