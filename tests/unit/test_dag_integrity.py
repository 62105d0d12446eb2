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
    order = ["wait_for_extract", "sources", "load", "validate_raw", "build", "validate_marts", "publish"]
    for upstream, downstream in zip(order, order[1:]):
        assert dag.get_task(downstream).upstream_task_ids == {upstream}


def test_load_and_raw_validation_are_mapped_over_the_sources_and_the_build_waits_for_all(dag_bag):
    from airflow.sdk.definitions.mappedoperator import MappedOperator

    dag = dag_bag.dags[DAG_ID]
    assert isinstance(dag.get_task("load"), MappedOperator)
    assert isinstance(dag.get_task("validate_raw"), MappedOperator)
    assert not isinstance(dag.get_task("build"), MappedOperator)
    assert dag.get_task("build").trigger_rule == "all_success"


def test_a_sources_row_checks_read_only_its_own_raw_tables():
    """Sources load side by side, each in contract order: a check reading another source's table could run
    before that table is loaded."""
    from equality.sources import by_name, contracts, registry

    for source in registry():
        own = {contract.raw_table for contract in source.contracts}
        for contract in source.contracts:
            read = {other.raw_table for other in contracts()
                    if any(f"raw.{other.raw_table} " in check for check in contract.row_checks)}
            assert read <= own, (source.name, contract.name, read - own)
    assert [contract.name for contract in by_name("complaints").contracts] == [
        "complaint_cases", "complaint_allegations", "misconduct_proceedings"]
