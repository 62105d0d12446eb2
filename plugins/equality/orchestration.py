"""What the Airflow DAG needs from the package: where the landing folder is, and errors mapped to Airflow's.

Imported only by DAG files and the CLI; Airflow itself is imported lazily so the package stays usable
(and testable) without a scheduler.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any, Callable, TypeVar

from equality.config import DAGS_DIR, REPO_ROOT, Settings, private_folder
from equality.errors import EqualityError

DAG_ID = "equality_nightly"
Result = TypeVar("Result")


def landing_dir(params: dict[str, Any] | None, settings: Settings | None = None) -> Path:
    """The run's landing folder: the run's conf/params ``landing_dir``, else EQUALITY_LANDING_DIR."""
    chosen = (params or {}).get("landing_dir")
    return Path(chosen).resolve() if chosen else (settings or Settings.from_env()).landing_dir


def fail_fast(function: Callable[..., Result]) -> Callable[..., Result]:
    """Errors that retrying cannot fix fail the task at once (AirflowFailException), with our message."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Result:
        try:
            return function(*args, **kwargs)
        except EqualityError as error:
            if error.retryable:
                raise
            from airflow.exceptions import AirflowFailException

            raise AirflowFailException(f"{type(error).__name__}: {error}") from error

    return wrapper


def name_mapped_task(source: str) -> None:
    """Name this mapped task instance after its source (the tasks' ``map_index_template``), so a failed source
    names itself in the Airflow UI and logs."""
    from airflow.sdk import get_current_context

    get_current_context()["source"] = source


def task_retries() -> int:
    """Retries per task: EQUALITY_TASK_RETRIES, default 2. In-process runs (tests, the demo) set 0, because
    `airflow dags test` waits out every retry delay in real time."""
    return int(os.environ.get("EQUALITY_TASK_RETRIES", "2"))


def extract_sensor_timing() -> dict[str, float]:
    """How long the sensor waits for an extract (EQUALITY_EXTRACT_WAIT_SECONDS, default 6 hours) and how often
    it looks (every 5 minutes, or a tenth of a shorter wait); when the wait runs out it fails and alerts."""
    wait = float(os.environ.get("EQUALITY_EXTRACT_WAIT_SECONDS", 6 * 60 * 60))
    return {"timeout": wait, "poke_interval": min(300.0, max(wait / 10, 1.0))}


def airflow_environment(settings: Settings) -> dict[str, str]:
    """Environment for a self-contained Airflow (SQLite metadata under EQUALITY_HOME), unless already set."""
    home = settings.airflow_home
    defaults = {
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS_DIR),
        "AIRFLOW__CORE__PLUGINS_FOLDER": str(REPO_ROOT / "plugins"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home / 'airflow.db'}",
        "AIRFLOW__CORE__DAGBAG_IMPORT_TIMEOUT": "120",
        "AIRFLOW__LOGGING__LOGGING_LEVEL": "INFO",
        # Read only by the CeleryExecutor's workers: the night's libraries imported once each, not once a task.
        "AIRFLOW__CELERY__CELERY_CONFIG_OPTIONS": "equality.celery_config.CELERY_CONFIG",
    }
    return {key: os.environ.get(key, value) for key, value in defaults.items()}


def prepare_airflow(settings: Settings) -> dict[str, str]:
    """Set Airflow's environment in this process and migrate its metadata database once."""
    environment = airflow_environment(settings)
    os.environ.update(environment)
    migrate_once(os.environ.copy())
    return environment


def migrate_once(environment: dict[str, str]) -> None:
    """Create or upgrade the metadata database of the Airflow that ``environment`` describes (`airflow db migrate`),
    unless this home has already done so with the Airflow installed (an upgraded Airflow migrates it again)."""
    import subprocess
    import sys
    from importlib.metadata import version

    home = private_folder(Path(environment["AIRFLOW_HOME"]))  # airflow.cfg holds the Fernet key
    marker, installed = home / ".migrated", version("apache-airflow")
    if not marker.exists() or marker.read_text() != installed:
        airflow = Path(sys.executable).with_name("airflow")
        subprocess.run([str(airflow), "db", "migrate"], check=True, env=environment, stdout=subprocess.DEVNULL)
        marker.write_text(installed)
