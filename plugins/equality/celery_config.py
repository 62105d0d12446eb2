"""The Celery executor's configuration for the night: Airflow's own, and the night's libraries imported once in each
worker before it forks a process per task.

A Celery worker runs each Airflow task in a process forked from it, so a task starts with what the worker had
imported. Airflow preloads its operators that way; the night's tasks also need Great Expectations (raw and mart
validation, about 7 s to import), dbt (the build, about 4 s) and the pipeline. Imported here once per worker, a
night's validation tasks no longer pay those seconds each (docs/deployment.md, "Scaling out"). Airflow reads this
module through ``AIRFLOW__CELERY__CELERY_CONFIG_OPTIONS`` (``equality.orchestration.airflow_environment``, and the
compose file's Airflow services).
"""

from __future__ import annotations

from airflow.providers.celery.executors.default_celery import DEFAULT_CELERY_CONFIG
from celery.signals import import_modules

CELERY_CONFIG = DEFAULT_CELERY_CONFIG

# What a worker imports before it forks its task processes: the modules the night's tasks import at run time.
PRELOADED = ("equality.nightly", "great_expectations", "great_expectations.validator.v1_validator", "dbt.cli.main")


@import_modules.connect
def import_the_nights_libraries(*args, **kwargs) -> None:
    """Celery's signal that a worker is loading its modules (in the worker's main process, before the pool)."""
    import importlib
    import logging
    import time

    started = time.perf_counter()
    for module in PRELOADED:
        importlib.import_module(module)
    logging.getLogger(__name__).info("the night's libraries imported before the worker forks its tasks (%s): %.1f s",
                                     ", ".join(PRELOADED), time.perf_counter() - started)
