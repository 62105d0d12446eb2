"""A row that breaks a check its model declares fails the build, and the failure says which checks, and how many
rows break each, so an engineer can act on the alert without opening dbt's logs (macro meets_its_checks)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from equality.errors import TransformFailed
from equality.transform import broken_checks_described, run_dbt
from equality.warehouse import connect

pytestmark = pytest.mark.slow


def test_a_broken_check_fails_the_test_naming_the_check_and_its_rows(module_warehouse_url, module_dbt_work_dir):
    only_the_seeds_own = ["--select", "sex", "--indirect-selection", "cautious"]  # not the tests of seeds it feeds
    run_dbt(module_warehouse_url, "seed", "--select", "sex", work_dir=module_dbt_work_dir)
    run_dbt(module_warehouse_url, "test", *only_the_seeds_own, work_dir=module_dbt_work_dir)  # as shipped, it passes
    with connect(module_warehouse_url) as conn:
        conn.execute("insert into staging.sex values ('MALE', 'Man', 3), (null, 'Not known', 4), (null, 'Other', 5)")

    with pytest.raises(TransformFailed) as failed:
        run_dbt(module_warehouse_url, "test", *only_the_seeds_own, work_dir=module_dbt_work_dir)

    assert str(failed.value).splitlines()[1:] == [
        "  - test meets_its_checks_sex_: fail — Got 2 results, configured to fail if != 0;"
        " broken: sex_code not_null (2), sex_code unique (1)"]


def test_checks_that_cannot_be_read_leave_the_failure_as_dbt_reported_it(module_warehouse_url):
    failed = SimpleNamespace(status="fail", node=SimpleNamespace(
        test_metadata=SimpleNamespace(name="meets_its_checks"), compiled_code="select * from staging.no_such_table"))
    assert broken_checks_described(module_warehouse_url, failed).startswith(
        '; its broken checks could not be read (relation "staging.no_such_table" does not exist')
