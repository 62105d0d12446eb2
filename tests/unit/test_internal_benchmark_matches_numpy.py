"""The internal benchmark's macros, run by PostgreSQL, give the numbers the method defines.

A small table of events (twelve units over four strata, two of them searching one group far more than their
peers, so the family is overdispersed and the random-effects path is taken; with so few units tau^2 is large and
only the stronger stands) goes through macros peer_benchmark_cells and internal_benchmark compiled by dbt; every
count, z-score, the winsorised overdispersion, tau^2, the adjusted z-score, the p-value, the funnel limits and the
Benjamini-Hochberg flags are compared with oversight_reference.py, which computes them in numpy from the definition.
The officers of use of force are compared with their teammates
(oversight_benchmark_cells' peers_within), counted as the reference counts peers within a team: the officers of a
team that leans as a whole stay within limits, and an officer who leans more than its teammates stands out.
"""

from __future__ import annotations

import numpy as np
import pytest
from dbt_inline import compiled_inline
from oversight_reference import funnel, peer_counts

from equality.warehouse import connect

pytestmark = pytest.mark.slow

GROUPS = ("White", "Black", "Asian", "Not stated")
MACRO_QUERY = """
with cells as (
    {{ peer_benchmark_cells('oversight_test_events', 'unit', 'event_group', ['stratum', 'month_start'], 'month_start') }}
)
select * from ({{ internal_benchmark('cells', 'month_start', 'oversight_test_periods') }}) as benchmark
where event_group = 'Black'
order by unit_id
"""
TEAMMATES_QUERY = """
select * from ({{ oversight_benchmark_model(
    '(' ~ oversight_benchmark_cells('oversight_test_events', {'officer': 'officer_id'}, peers_within=['team_code'])
    ~ ') as officer_cells', 'oversight_test_periods', unit_name='officer_id') }}) as officers
where ethnic_group = 'Black'
"""


def events(seed: int = 3):
    """Twelve units, four strata (two places x two months) with their own Black shares; units 'u01' and 'u02'
    search Black people four and three times as often (in odds) as their peers; a few events have no stated group."""
    rng = np.random.default_rng(seed)
    rows = []
    for stratum, month, black in (("A", "2024-04-01", 0.2), ("A", "2024-05-01", 0.3), ("B", "2024-04-01", 0.1),
                                  ("B", "2024-05-01", 0.15)):
        for k in range(1, 13):
            unit = f"u{k:02d}"
            tilt = {"u01": 4.0, "u02": 3.0}.get(unit, 1.0)
            share = black * tilt / (black * tilt + 1 - black)
            for _ in range(int(rng.integers(10, 60))):
                u = rng.random()
                group = "Black" if u < share else "Not stated" if u > 0.97 else \
                    "Asian" if u > 0.85 else "White"
                rows.append((unit, stratum, month, group))
    return rows


def team_events(seed: int = 5):
    """Three teams of four officers over four strata (two months x two shifts of one LPU), officer-defined basis:
    every officer of team 'T1' takes Black people three times as often (in odds) as the other teams, and officer
    'T2-4' four times as often as its teammates."""
    rng = np.random.default_rng(seed)
    rows = []
    for month, shift, black in (("2024-04-01", "early", 0.15), ("2024-04-01", "night", 0.3),
                                ("2024-05-01", "early", 0.1), ("2024-05-01", "night", 0.25)):
        for team in ("T1", "T2", "T3"):
            for k in range(1, 5):
                officer = f"{team}-{k}"
                tilt = 3.0 if team == "T1" else 4.0 if officer == "T2-4" else 1.0
                share = black * tilt / (black * tilt + 1 - black)
                for _ in range(int(rng.integers(15, 40))):
                    rows.append((officer, team, "LPU", month, shift, "officer-defined",
                                 "Black" if rng.random() < share else "White"))
    return rows


def benchmark(url: str, query: str, work_dir, columns: str, rows) -> list[dict]:
    """The compiled query's rows over the events `rows` (a temporary oversight_test_events of `columns`) and one
    financial year of two months (oversight_test_periods)."""
    sql = compiled_inline(url, query, work_dir)
    with connect(url) as conn:
        conn.execute(f"create temporary table oversight_test_events ({columns})")
        with conn.cursor().copy("copy oversight_test_events from stdin") as copy:
            for row in rows:
                copy.write_row(row)
        conn.execute("create temporary table oversight_test_periods as select 'financial_year'::text as period_type, "
                     "date '2024-04-01' as period_start, date '2025-04-01' as period_end, month_start::date, "
                     "0 as months_partial, true as is_complete_period "
                     "from (values ('2024-04-01'), ('2024-05-01')) as months (month_start)")
        cursor = conn.execute(sql)
        names = [column.name for column in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]


def test_internal_benchmark_matches_the_reference(module_warehouse_url, module_dbt_work_dir):
    rows = events()
    got = benchmark(module_warehouse_url, MACRO_QUERY, module_dbt_work_dir,
                    "unit text, stratum text, month_start date, event_group text", rows)

    counts = peer_counts([r[0] for r in rows], [(r[1], r[2]) for r in rows], [r[3] for r in rows], "Black")
    units = sorted(counts)
    assert [row["unit_id"] for row in got] == units
    events_, observed, expected, variance = (np.array([counts[u][i] for u in units], dtype=float) for i in range(4))
    screened = (events_ >= 30) & (expected >= 5)
    reference = funnel(observed, expected, variance, screened)
    assert reference["tau2"] > 0 and reference["significant"][0]   # the overdispersed path, and a flag taken

    def column(name):
        return np.array([np.nan if row[name] is None else float(row[name]) for row in got])

    close = dict(rtol=1e-9, atol=1e-12, equal_nan=True)
    np.testing.assert_allclose(column("events"), events_, **close)
    np.testing.assert_allclose(column("observed"), observed, **close)
    np.testing.assert_allclose(column("expected"), expected, **close)
    np.testing.assert_allclose(column("null_variance"), variance, **close)
    assert [row["is_screened"] for row in got] == list(screened)
    np.testing.assert_allclose(column("z_score"), reference["z"], **close)
    np.testing.assert_allclose(column("overdispersion")[screened], reference["phi"], **close)
    np.testing.assert_allclose(column("tau_squared")[screened], reference["tau2"], **close)
    np.testing.assert_allclose(column("adjusted_z_score"), reference["adjusted_z"], **close)
    np.testing.assert_allclose(column("p_value"), reference["p"], rtol=1e-6, atol=1e-7, equal_nan=True)
    for limit in ("lower_95", "upper_95", "lower_998", "upper_998"):
        np.testing.assert_allclose(column(limit), reference[limit], **close)
    assert [row["is_benchmark_fdr_significant"] is True for row in got] == list(reference["significant"])
    flags = {row["unit_id"]: row["benchmark_flag"] for row in got}
    assert flags["u01"] == "above_peers"
    print(f"phi {reference['phi']:.3f}, tau^2 {reference['tau2']:.4f}, flagged "
          f"{[u for u, flag in flags.items() if flag != 'within_limits']}")


def test_officers_peers_within_their_team_are_their_teammates(module_warehouse_url, module_dbt_work_dir):
    rows = team_events()
    got = {row["officer_id"]: row for row in benchmark(module_warehouse_url, TEAMMATES_QUERY, module_dbt_work_dir,
                                                         "officer_id text, team_code text, lpu_code text, "
                                                         "month_start date, shift text, ethnicity_basis text, "
                                                         "broad_ethnic_group text", rows)}

    officers = [r[0] for r in rows]
    strata = [(r[2], r[3], r[4]) for r in rows]
    groups = [r[6] for r in rows]
    counts = peer_counts(officers, strata, groups, "Black", peers_within=[r[1] for r in rows])
    assert sorted(got) == sorted(counts)
    for officer, (events_, observed, expected, variance) in counts.items():
        row = got[officer]
        assert (row["events"], row["observed"]) == (events_, observed)
        np.testing.assert_allclose([float(row["expected"]), float(row["null_variance"])], [expected, variance],
                                   rtol=1e-9)
    flags = {officer: row["benchmark_flag"] for officer, row in got.items()}
    print(f"against teammates: {flags}")
    assert flags["T2-4"] == "above_peers"
    assert all(flag == "within_limits" for officer, flag in flags.items() if officer.startswith("T1-"))
    against_everyone = peer_counts(officers, strata, groups, "Black")
    assert all(against_everyone[f"T1-{k}"][1] > against_everyone[f"T1-{k}"][2] for k in range(1, 5))


def test_a_family_of_one_screened_unit_has_no_between_unit_variance(module_warehouse_url, module_dbt_work_dir):
    """With one unit there is no spread between units to estimate: tau^2 is 0 and the adjusted z-score is the z-score.
    (Its sum w - sum w^2 / sum w is 0 in exact arithmetic, a rounding residue of 1.8e-15 in double precision here,
    which once made tau^2 10^16 and overflowed the published column.)"""
    [unit] = benchmark(module_warehouse_url, "select * from ({{ funnel_plot('oversight_test_events', ['family'], 'true') }}) as f",
                       module_dbt_work_dir, "family text, observed float8, expected float8, null_variance float8",
                       [("one unit", 30.0, 5.4, 2.3)])
    assert unit["overdispersion"] > 1 and unit["tau_squared"] == 0
    assert unit["adjusted_z_score"] == pytest.approx(unit["z_score"])

