"""
### Equality nightly

**Purpose**: every night, turn the delivered extracts into published disparity figures, or leave
yesterday's publication untouched and fail loudly.

**Inputs**: extracts in the landing folder (run conf / param `landing_dir`, else `EQUALITY_LANDING_DIR`),
named as in `docs/data-contracts.md`; the reference files in `reference/`.

**Outputs**: `raw` (as landed), `audit` (loads, quarantine, validation results, stage timings), the dbt
schemas, and `reporting` (what BI reads), replaced atomically only when both validations passed.

Stages: wait for an extract → load → validate raw (Great Expectations) → dbt build → validate marts →
publish → board report (written once a quarter closes). Load and raw validation are mapped over the sources
(`equality.sources`: one package per source), which run side by side and name themselves when they fail; the build waits for
all of them. A failed task, or a sensor that gives up waiting, sends one alert (`equality.alerts`, configured
by `EQUALITY_ALERT_*`). All logic lives in the `equality`
package (`plugins/equality`); this file only wires it.
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow.sdk import Asset, Param, dag, task
from airflow.sdk.bases.sensor import PokeReturnValue

from equality.alerts import NightFailedNotifier
from equality.orchestration import extract_sensor_timing, task_retries

REPORTING = Asset(name="equality_reporting", uri="equality://warehouse/reporting")


@dag(
    dag_id="equality_nightly",
    schedule="30 2 * * *",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    doc_md=__doc__,
    tags=["equality", "stop-and-search", "nightly"],
    default_args={
        "owner": "equality-data-cell",
        "retries": task_retries(),
        "retry_delay": timedelta(minutes=5),
        "retry_exponential_backoff": True,
        "max_retry_delay": timedelta(minutes=30),
        "on_failure_callback": [NightFailedNotifier()],
    },
    params={"landing_dir": Param(None, type=["null", "string"], description="Folder holding the night's extracts"),
            "backfill": Param(False, type="boolean",
                              description="A bulk load of history: raw's indexes are built after the load")},
)
def equality_nightly():
    @task.sensor(mode="reschedule", **extract_sensor_timing())
    def wait_for_extract(params=None) -> PokeReturnValue:
        from equality.nightly import delivered
        from equality.orchestration import landing_dir

        files = delivered(landing_dir(params))
        return PokeReturnValue(is_done=bool(files), xcom_value=[str(path) for path in files])

    @task
    def sources() -> list[str]:
        from equality.nightly import sources

        return list(sources())

    @task(map_index_template="{{ source }}")
    def load(source: str, params=None, run_id=None) -> str:
        from equality.nightly import load
        from equality.orchestration import fail_fast, landing_dir, name_mapped_task

        name_mapped_task(source)
        fail_fast(load)(landing_dir(params), run_id, source=source, backfill=params["backfill"])
        return source

    @task(map_index_template="{{ source }}")
    def validate_raw(source: str, run_id=None) -> int:
        from equality.nightly import validate_raw
        from equality.orchestration import fail_fast, name_mapped_task

        name_mapped_task(source)
        return fail_fast(validate_raw)(run_id, source=source)

    @task
    def build(suites: list[int], run_id=None) -> int:
        from equality.nightly import build
        from equality.orchestration import fail_fast

        return fail_fast(build)(run_id)

    @task
    def validate_marts(nodes: int, run_id=None) -> int:
        from equality.nightly import validate_marts
        from equality.orchestration import fail_fast

        return fail_fast(validate_marts)(run_id)

    @task(outlets=[REPORTING])
    def publish(suites: int, run_id=None) -> dict[str, int]:
        from equality.nightly import publish
        from equality.orchestration import fail_fast

        return fail_fast(publish)(run_id)

    @task
    def board_report(tables: dict[str, int]) -> str | None:
        from equality.report import write_report_when_quarter_closes

        return write_report_when_quarter_closes()

    source_names = sources()
    wait_for_extract() >> source_names
    loaded = load.expand(source=source_names)
    board_report(publish(validate_marts(build(validate_raw.expand(source=loaded)))))


equality_nightly()
