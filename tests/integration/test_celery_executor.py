"""The night on Airflow's own scale-out engine: the CeleryExecutor, Redis as its broker, two Celery workers.

The landing folder of the session's police.uk night (a real police.uk month and custody scenario B) runs through
the DAG with the executor (`airflow dags test --use-executor`): the sources' load and raw validation go to the
workers through Redis, the workers report to an Airflow API server, and the published tables must be those the
in-process night of the same folder published.

When `make test` finds a second PostgreSQL (the machine's 15: ``OTHER_VERSION_SERVER_URL``), the Celery night's
warehouse and Airflow's metadata live there: the same night, to publication, on the other version, must publish
what the in-process night published on the embedded PostgreSQL 18. That is the pg15_smoke run's whole night,
checked against the other version's, without a third night in the pass.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
import uuid

import pytest

from commands import AIRFLOW
from equality.config import Settings
from equality.orchestration import airflow_environment
from equality.warehouse import connect
from nights import pseudonym_key_of, query
from warehouse_databases import create_database, drop_database

pytestmark = pytest.mark.slow

REDIS = ("127.0.0.1", 6379)
REDIS_DATABASE = 11  # not the default 0, so another Celery app on the same Redis never takes these tasks
WORKERS = 2
STARTUP_SECONDS = 180
OTHER_VERSION = "OTHER_VERSION_SERVER_URL"  # set by `make test` when the machine's PostgreSQL answers


def redis_answers() -> bool:
    try:
        with socket.create_connection(REDIS, timeout=2) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def sqlalchemy_url(url: str) -> str:
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


def published_tables(url: str) -> dict[str, str]:
    """Each reporting table (bar the run's own publication record) as one checksum of its rows, sorted byte-wise
    (so two servers' collations agree)."""
    tables = [name for (name,) in query(url, "select table_name from information_schema.tables "
                                             "where table_schema = 'reporting' and table_name <> 'publication'")]
    return {table: query(url, f"select md5(coalesce(string_agg(t::text, '|' order by t::text collate \"C\"), '')) "
                              f"from reporting.{table} as t")[0][0] for table in sorted(tables)}


def server_version(url: str) -> str:
    return query(url, "show server_version")[0][0]


@pytest.fixture(scope="module")
def celery_night(police_uk_night, server_url, tmp_path_factory):
    if not redis_answers():
        pytest.skip(f"no Redis answers at {REDIS[0]}:{REDIS[1]}, the Celery executor's broker")
    home = tmp_path_factory.mktemp("celery")
    server = os.environ.get(OTHER_VERSION) or server_url
    warehouse, metadata = create_database(server), create_database(server)
    api_port = free_port()
    pipeline = {"WAREHOUSE_URL": warehouse, "EQUALITY_HOME": str(home), "EQUALITY_TASK_RETRIES": "0",
                "EQUALITY_PSEUDONYM_KEY": pseudonym_key_of("real-police-uk")}  # the in-process night's key
    environment = {**os.environ, **pipeline, **airflow_environment(Settings.from_env(pipeline))}
    environment |= {
        "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": sqlalchemy_url(metadata),
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_ASYNC": sqlalchemy_url(metadata),  # psycopg 3 is async too
        "AIRFLOW__CELERY__BROKER_URL": f"redis://{REDIS[0]}:{REDIS[1]}/{REDIS_DATABASE}",
        "AIRFLOW__CELERY__OPERATION_TIMEOUT": "30",  # seconds to hand a task to Redis on a busy machine
        "AIRFLOW__CELERY__RESULT_BACKEND": "db+" + sqlalchemy_url(metadata),
        "AIRFLOW__CELERY__WORKER_CONCURRENCY": "1",
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{api_port}/execution/",
        "AIRFLOW__API_AUTH__JWT_SECRET": uuid.uuid4().hex,
    }
    subprocess.run([AIRFLOW, "db", "migrate"], env=environment, check=True, capture_output=True)
    logs = home / "logs"
    logs.mkdir()
    commands = {"api-server": [AIRFLOW, "api-server", "--port", str(api_port)],
                **{f"worker-{n}": [AIRFLOW, "celery", "worker", "-H", f"equality-test-{n}@%h",
                                   "--concurrency", "1", "--skip-serve-logs"] for n in range(1, WORKERS + 1)}}
    processes = {name: subprocess.Popen(command, env=environment, stdout=open(logs / f"{name}.log", "w"),
                                        stderr=subprocess.STDOUT, start_new_session=True)
                 for name, command in commands.items()}
    try:
        _wait_for_api(api_port, processes["api-server"])
        run = subprocess.run([AIRFLOW, "dags", "test", "--use-executor", "equality_nightly",
                              "-c", json.dumps({"landing_dir": str(police_uk_night["landing"])})],
                             env=environment, capture_output=True, text=True, timeout=1800)
        yield {"run": run, "url": warehouse, "metadata": metadata, "logs": logs,
               "in_process": police_uk_night}
    finally:
        for process in processes.values():  # each in a session of its own: its group is it and its children
            os.killpg(process.pid, signal.SIGTERM)
        for process in processes.values():
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        drop_database(warehouse)
        drop_database(metadata)


def _wait_for_api(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        assert process.poll() is None, "the Airflow API server exited; see its log under the test's home"
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/monitor/health", timeout=5):
                return
        except OSError:
            time.sleep(2)
    raise AssertionError(f"the Airflow API server did not answer on port {port} in {STARTUP_SECONDS} s")


def test_the_night_runs_under_the_celery_executor_on_two_workers(celery_night):
    run = celery_night["run"]
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    with connect(celery_night["metadata"]) as conn:
        states = conn.execute("select task_id, map_index, state from task_instance").fetchall()
    assert {state for _, _, state in states} == {"success"}, states
    assert len([task for task, *_ in states if task == "load"]) > 1  # mapped over the sources
    logs = {log.name: log.read_text() for log in celery_night["logs"].glob("worker-*.log")}
    assert len([name for name, text in logs.items() if "equality_nightly" in text]) == WORKERS, logs.keys()
    # each worker imported the night's libraries once, before it forked a process per task (equality.celery_config)
    assert all("the night's libraries imported before the worker forks its tasks" in text for text in logs.values())


def test_it_publishes_the_same_tables_as_the_in_process_night(celery_night):
    print("the Celery night on PostgreSQL", server_version(celery_night["url"]), "the in-process night on",
          server_version(celery_night["in_process"]["url"]))
    assert published_tables(celery_night["url"]) == published_tables(celery_night["in_process"]["url"])
    assert query(celery_night["url"], "select count(*) from reporting.custody_rates")[0][0] > 0
