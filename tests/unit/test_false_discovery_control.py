"""Benjamini-Hochberg control as PostgreSQL runs it (macro benjamini_hochberg, compiled by dbt) against scipy's,
for several measures controlled in one pass, each within its own families."""

from __future__ import annotations

import numpy as np
import pytest
from dbt_inline import compiled_inline
from scipy.stats import false_discovery_control

from equality.warehouse import connect

pytestmark = pytest.mark.slow

QUERY = """
select family, row_id, is_first_fdr_significant, is_second_fdr_significant
from ({{ benjamini_hochberg('fdr_test_p_values', ['first_p', 'second_p'], ['family'], ['first', 'second']) }}) as controlled
"""


def p_values(rng, real_effects: int) -> np.ndarray:
    """Forty p-values of no effect and a few of real ones."""
    return np.concatenate([rng.uniform(size=40), rng.uniform(0, 0.002, size=real_effects)])


def test_two_measures_in_one_pass_each_stand_as_scipy_says_within_each_family(module_warehouse_url,
                                                                             module_dbt_work_dir):
    rng = np.random.default_rng(7)
    rows = []  # family, row id, first p-value, second p-value (None: not tested)
    for family, real_effects in (("a", 6), ("b", 3), ("c", 9)):
        first, second = p_values(rng, real_effects), rng.permutation(p_values(rng, real_effects))
        untested = rng.uniform(size=first.size) < 0.2
        rows += [(family, row_id, float(p), None if skip else float(q))
                 for row_id, (p, q, skip) in enumerate(zip(first, second, untested))]
    sql = compiled_inline(module_warehouse_url, QUERY, module_dbt_work_dir)
    with connect(module_warehouse_url) as conn:
        conn.execute("create temporary table fdr_test_p_values (family text, row_id int, first_p float8, second_p float8)")
        with conn.cursor().copy("copy fdr_test_p_values from stdin") as copy:
            for row in rows:
                copy.write_row(row)
        got = {(family, row_id): flags for family, row_id, *flags in conn.execute(sql).fetchall()}

    for measure in (0, 1):
        for family in ("a", "b", "c"):
            tested = [(row_id, values[measure]) for fam, row_id, *values in rows
                      if fam == family and values[measure] is not None]
            adjusted = false_discovery_control([p for _, p in tested], method="bh")
            expected = {row_id: bool(q <= 0.05) for (row_id, _), q in zip(tested, adjusted)}
            assert {row_id: got[(family, row_id)][measure] for row_id in expected} == expected
            assert 0 < sum(expected.values()) < len(expected)  # some stand and some do not: the test can fail
            untested = [row_id for fam, row_id, *values in rows if fam == family and values[measure] is None]
            assert all(got[(family, row_id)][measure] is None for row_id in untested)


TIED_QUERY = """
select row_id, first_p_value_rank, is_first_fdr_significant
from ({{ benjamini_hochberg('fdr_tied_p_values', 'first_p', ['family'], 'first') }}) as controlled
"""


def test_tied_p_values_share_their_rank_and_their_decision_whatever_order_the_rows_arrive_in(module_warehouse_url,
                                                                                             module_dbt_work_dir):
    """By hand: m = 4 at 5%, thresholds 0.0125, 0.025, 0.0375, 0.05; 0.01, 0.02 and 0.02 stand (k = 3), 0.5 does
    not; the two 0.02s are both at most three p-values, so both rank 3."""
    sql = compiled_inline(module_warehouse_url, TIED_QUERY, module_dbt_work_dir)
    rows = [(1, 0.01), (2, 0.02), (3, 0.02), (4, 0.5)]
    for order in (rows, rows[::-1]):
        with connect(module_warehouse_url) as conn:
            conn.execute("create temporary table fdr_tied_p_values (family text, row_id int, first_p float8)")
            for row_id, p in order:
                conn.execute("insert into fdr_tied_p_values values ('a', %s, %s)", (row_id, p))
            got = {row_id: (rank, stands) for row_id, rank, stands in conn.execute(sql).fetchall()}
        assert got == {1: (1, True), 2: (3, True), 3: (3, True), 4: (4, False)}
