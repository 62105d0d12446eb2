"""Every DAG imports cleanly and carries what operators rely on: tags, retries, no catch-up, one run at a time."""

import pytest

from equality.config import DAGS_DIR, Settings
from equality.orchestration import DAG_ID, airflow_environment


@pytest.fixture(scope="module")
def dag_bag(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EQUALITY_HOME", str(tmp_path_factory.mktemp("home")))
        for name, value in airflow_environment(Settings.from_env()).items():
            patch.setenv(name, value)
        from airflow.dag_processing.dagbag import DagBag

        yield DagBag(dag_folder=str(DAGS_DIR))


def test_every_dag_imports_without_errors(dag_bag):
    assert dag_bag.import_errors == {}
    assert DAG_ID in dag_bag.dag_ids


def test_every_dag_has_tags_retries_and_no_catch_up(dag_bag):
    for dag in dag_bag.dags.values():
        assert dag.tags, dag.dag_id
        assert dag.catchup is False and dag.max_active_runs == 1, dag.dag_id
        assert all(task.retries >= 1 for task in dag.tasks), dag.dag_id


def test_the_nightly_dag_publishes_only_after_both_validations(dag_bag):
    dag = dag_bag.dags[DAG_ID]
    order = ["wait_for_extract", "load", "validate_raw", "build", "validate_marts", "publish"]
    for upstream, downstream in zip(order, order[1:]):
        assert dag.get_task(downstream).upstream_task_ids == {upstream}
