"""The interval macros, run by PostgreSQL, give the same limits as the numpy methods whose coverage is measured.

The coverage test (test_interval_coverage.py) calibrates numpy copies of the macros; this test is what makes
that calibration a statement about the SQL: every macro is compiled by dbt, run on a grid of counts that
includes every edge (0, 1-3 successes or failures, all successes, sizes either side of 50, no trials), and
compared with its numpy copy. An unbounded limit is null in SQL and infinite in numpy.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from dbt_inline import compiled_inline
from interval_methods import (poisson_count_limits, proportion_ratio_limits, rate_ratio_limits,
                              wilson_limits)

from equality.transform import run_dbt
from equality.warehouse import connect

pytestmark = pytest.mark.slow

SIZES = (0, 1, 2, 5, 10, 12, 50, 51, 60, 1000)


def counts_of(size: int) -> list[int]:
    """Every edge of a size: 0-4 and the last five, and the middle."""
    return sorted({x for x in (*range(5), size // 2, *range(size - 4, size + 1)) if 0 <= x <= size})


CASES = [(a, n, b, m) for (n, m) in itertools.product(SIZES, repeat=2)
         for a, b in itertools.product(counts_of(n), counts_of(m))]
POISSON_COUNTS = list(range(0, 160))

MACRO_QUERY = """
select
    {{ wilson_limit('a', 'n', 'lower') }} as wilson_lower,
    {{ wilson_limit('a', 'n', 'upper') }} as wilson_upper,
    {{ proportion_ratio_limit('a', 'n', 'b', 'm', 'lower') }} as proportion_ratio_lower,
    {{ proportion_ratio_limit('a', 'n', 'b', 'm', 'upper') }} as proportion_ratio_upper,
    {{ rate_ratio_limit('a', 'n', 'b', 'm', 'lower') }} as rate_ratio_lower,
    {{ rate_ratio_limit('a', 'n', 'b', 'm', 'upper') }} as rate_ratio_upper,
    {{ poisson_rate_limit('a', 1000, 'lower') }} as poisson_lower,
    {{ poisson_rate_limit('a', 1000, 'upper') }} as poisson_upper
from cases
order by case_number
"""


def compiled(url: str, work_dir) -> str:
    return compiled_inline(url, MACRO_QUERY, work_dir)


def limits_from_sql(url: str, sql: str, cases: list[tuple[int, int, int, int]]) -> dict[str, np.ndarray]:
    columns = [list(column) for column in zip(*cases)]
    with connect(url) as conn:
        cursor = conn.execute(
            "with cases as (select * from unnest(%s::int[], %s::int[], %s::int[], %s::int[])"
            " with ordinality as given (a, n, b, m, case_number))" + sql, columns)
        names = [column.name for column in cursor.description]
        rows = cursor.fetchall()
    return {name: np.array([np.nan if row[i] is None else float(row[i]) for row in rows])
            for i, name in enumerate(names)}


def same_limits(sql: np.ndarray, python: np.ndarray) -> None:
    """Equal to 1e-9 relative; null in SQL exactly where numpy says unbounded or undefined."""
    np.testing.assert_allclose(sql, np.where(np.isinf(python), np.nan, python), rtol=1e-9, atol=1e-12,
                               equal_nan=True)


@pytest.fixture(scope="module")
def macro_limits(module_warehouse_url, module_dbt_work_dir):
    run_dbt(module_warehouse_url, "seed", "--quiet", "--select", "poisson_mid_p_limits", work_dir=module_dbt_work_dir)
    sql = compiled(module_warehouse_url, module_dbt_work_dir)
    pairs = limits_from_sql(module_warehouse_url, sql, CASES)
    poisson = limits_from_sql(module_warehouse_url, sql, [(x, x, 0, 1) for x in POISSON_COUNTS])
    return pairs, poisson


def test_wilson_limits_match(macro_limits):
    pairs, _ = macro_limits
    a, n, _, _ = (np.array(column) for column in zip(*CASES))
    lower, upper = wilson_limits(a, n)
    same_limits(pairs["wilson_lower"], lower)
    same_limits(pairs["wilson_upper"], upper)


def test_mover_wilson_proportion_ratio_limits_match(macro_limits):
    pairs, _ = macro_limits
    lower, upper = proportion_ratio_limits(*(np.array(column) for column in zip(*CASES)))
    same_limits(pairs["proportion_ratio_lower"], lower)
    same_limits(pairs["proportion_ratio_upper"], upper)


def test_rate_ratio_limits_match(macro_limits):
    pairs, _ = macro_limits
    lower, upper = rate_ratio_limits(*(np.array(column) for column in zip(*CASES)))
    same_limits(pairs["rate_ratio_lower"], lower)
    same_limits(pairs["rate_ratio_upper"], upper)


def test_poisson_rate_limits_match(macro_limits):
    _, poisson = macro_limits
    lower, upper = poisson_count_limits(np.array(POISSON_COUNTS))
    # A rate per 1,000 of a population of 1,000 has the limits of its count.
    same_limits(poisson["poisson_lower"], lower)
    same_limits(poisson["poisson_upper"], upper)


def test_the_grid_reaches_every_edge_of_the_methods():
    """A comparison that never met an edge would prove little: the cases include each one."""
    a, n, b, m = (np.array(column) for column in zip(*CASES))
    edges = {
        "no trials": n == 0, "no successes": (a == 0) & (n > 0), "all successes": (a == n) & (n > 0),
        "2 successes at n = 50 (modified)": (a == 2) & (n == 50), "3 successes at n = 51 (modified)": (a == 3) & (n == 51),
        "3 successes at n = 50 (plain Wilson)": (a == 3) & (n == 50), "both counts 10 or more (log method)": (a >= 10) & (b >= 10),
        "a count under 10 (conditional method)": (a > 0) & (a < 10) & (b > 0),
        "no events on either side": (a == 0) & (b == 0) & (n > 0) & (m > 0)}
    assert [edge for edge, cases in edges.items() if not cases.any()] == []
