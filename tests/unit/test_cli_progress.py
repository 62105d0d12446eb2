"""What `equality nightly` and `make demo` show of a run's log: tasks starting, stages ending, dbt model by model;
Airflow's internals and dbt's test passes stay in the log file."""

from __future__ import annotations

from equality.cli import progress_lines

RUN_LOG = """\
2026-12-01T03:13:52.807410Z [info     ] [DAG TEST] starting task_id=load map_index=-1 [airflow.sdk.definitions.dag] loc=dag.py:1501
2026-12-01T03:13:52.807848Z [info     ] [DAG TEST] running task <TaskInstance: equality_nightly.load manual__2026 [airflow.sdk.definitions.dag]
2026-12-01T03:15:22.572095Z [info     ] hr_process_stages_2022-04-30.csv: 866 rows loaded, 0 quarantined [equality.ingest] loc=ingest.py:356
2026-12-01T03:15:31.267235Z [info     ] stage load success in 51.1 s   [equality.nightly] loc=nightly.py:43
2026-12-01T03:15:31.504172Z [info     ] Done. Returned value was: {'files_loaded': 120} [airflow.task.operators]
\x1b[0m03:17:11  2 of 423 START sql view model staging.stg_complaints__cases .................... [RUN]
\x1b[0m03:17:12  2 of 423 OK created sql view model staging.stg_complaints__cases ............... [\x1b[32mCREATE VIEW\x1b[0m in 0.79s]
\x1b[0m03:19:40  97 of 423 PASS not_null_fct_stop_search_search_id ............................. [\x1b[32mPASS\x1b[0m in 0.05s]
\x1b[0m03:19:41  98 of 423 FAIL 3 unique_dim_area_area_code .................................... [\x1b[31mFAIL 3\x1b[0m in 0.06s]
"""


def test_progress_is_tasks_stages_and_dbt_models_without_airflow_internals():
    assert progress_lines(RUN_LOG) == [
        "starting load",
        "stage load success in 51.1 s",
        "2 of 423 OK created sql view model staging.stg_complaints__cases [CREATE VIEW in 0.79s]",
        "98 of 423 FAIL 3 unique_dim_area_area_code [FAIL 3 in 0.06s]",
    ]
