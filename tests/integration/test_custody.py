"""Custody end to end: two synthetic scenarios, each in a night of its own, through the one nightly spine.

Scenario A: groups differ only in offence mix, so the crude charge ratio is not 1 but the Mantel-Haenszel
ratio (offence group x age band) is 1. Scenario B: the same mixes and a within-stratum charge ratio of 1.5.
Each night also loads stop-searches (the stop-search suites require published rows): A a small synthetic extract,
B a real police.uk month (the session's police.uk night, tests/integration/conftest.py).
"""

from __future__ import annotations

from datetime import date

import pytest

from equality.warehouse import connect
from nights import DETENTION_RATIOS, query

pytestmark = pytest.mark.slow

YEAR = date(2024, 4, 1)
THRESHOLD = 10


@pytest.fixture(scope="module")
def nights(custody_night_a, police_uk_night):
    return {"A": custody_night_a, "B": police_uk_night}


def charge_row(url: str, group: str = "Black", age_group: str = "All"):
    [row] = query(url, """
        select crude_ratio, crude_ratio_lower_95, crude_ratio_upper_95,
               adjusted_ratio, adjusted_ratio_lower_95, adjusted_ratio_upper_95, share_of_gap_explained
        from marts.mart_custody_outcomes
        where decision = 'charge_vs_no_further_action' and period_type = 'financial_year' and period_start = %s
          and age_group = %s and ethnic_group = %s""", YEAR, age_group, group)
    return [float(value) for value in row]


def test_both_sources_load_and_publish_in_one_night(nights):
    for night in nights.values():
        loads = dict(query(night["url"], "select source, sum(rows_loaded) from audit.loads where status = 'loaded' "
                                         "group by source"))
        assert loads["custody_detentions"] == night["custody"].row_count
        assert loads.get("force_stop_search", 0) + loads.get("police_uk_stop_search", 0) > 0
        tables = {row[0] for row in query(night["url"], "select table_name from information_schema.tables "
                                                        "where table_schema = 'reporting'")}
        assert {"custody_rates", "custody_outcomes", "custody_duration"} <= tables
        print(f"night: {night['seconds']:.1f} s, {night['custody'].row_count} detentions")


def test_scenario_a_crude_gap_is_explained_by_offence_mix(nights):
    crude, crude_low, crude_high, adjusted, low, high, explained = charge_row(nights["A"]["url"])
    assert crude_low > 1 and crude > 1.15, (crude, crude_low)
    assert low <= 1.0 <= high, (adjusted, low, high)
    assert explained > 0.7


def test_scenario_b_within_stratum_gap_is_recovered(nights):
    crude, _, _, adjusted, low, high, _ = charge_row(nights["B"]["url"])
    assert low <= 1.5 <= high and low > 1, (adjusted, low, high)
    assert crude > adjusted  # the offence mix adds to the within-stratum gap


def test_detention_rate_ratios_recover_the_injected_ones(nights):
    for night in nights.values():
        truth = night["custody"].truth
        rows = dict((row[0], row[1:]) for row in query(night["url"], """
            select ethnic_group, rate_ratio, rate_ratio_lower_95, rate_ratio_upper_95 from marts.mart_custody_rates
            where period_type = 'financial_year' and period_start = %s and area_code = 'FORCE' and age_group = 'All'
            """, YEAR))
        for group, injected in DETENTION_RATIOS.items():
            ratio, low, high = (float(value) for value in rows[group])
            assert abs(truth.rate_ratio(group) - injected) < 1e-9
            assert low <= injected <= high or abs(ratio / injected - 1) < 0.05, (group, ratio, low, high)


def test_juveniles_are_reported_apart(nights):
    url = nights["A"]["url"]
    for table in ("custody_rates", "custody_outcomes", "custody_duration"):
        groups = {row[0] for row in query(url, f"select distinct age_group from reporting.{table}")}
        assert {"Adults", "Juveniles"} <= groups, (table, groups)
    [(adult, juvenile)] = query(url, """
        select max(median_hours_in_custody) filter (where age_group = 'Adults'),
               max(median_hours_in_custody) filter (where age_group = 'Juveniles')
        from marts.mart_custody_duration where ethnic_group = 'White'""")
    assert juvenile < adult


COUNTS = {"custody_rates": ["detentions", "reference_detentions", "all_detentions", "not_stated_detentions"],
          "custody_outcomes": ["eligible_detentions", "decision_events", "reference_eligible_detentions",
                               "reference_decision_events"],
          "custody_duration": ["detentions"]}


def test_every_published_count_is_at_least_the_threshold_or_null(nights):
    url = nights["A"]["url"]
    suppressed = 0
    for table, columns in COUNTS.items():
        for column in columns:
            [(small, hidden)] = query(url, f"select count(*) filter (where {column} < %s), "
                                           f"count(*) filter (where {column} is null) from reporting.{table}",
                                      THRESHOLD)
            assert small == 0, (table, column)
            suppressed += hidden
    assert suppressed > 0


@pytest.mark.pg15_smoke
def test_a_release_before_the_arrival_is_quarantined_and_the_rest_loads(warehouse_url, tmp_path):
    from equality.config import SEEDS_DIR
    from equality.ingest import load_file
    from equality.schema import bootstrap
    from equality.sources.custody.synthetic import CUSTODY_COLUMNS

    good = ["CD-1", "P1", "STEELHOUSE", "2024-05-01T10:00:00+00:00", "2024-05-01T20:00:00+00:00", "30", "M", "B1",
            "IC3", "DRUG_OFFENCES", "BIR", "false", "", "false", "false", "", "false", "CHARGED_BAILED",
            "MAGISTRATES"]
    early = ["CD-2"] + good[1:4] + ["2024-05-01T09:00:00+00:00"] + good[5:]
    path = tmp_path / "custody_2024-05-31.csv"
    path.write_text("\n".join(",".join(row) for row in (CUSTODY_COLUMNS, good, early)) + "\n", encoding="utf-8")
    with connect(warehouse_url) as conn:
        bootstrap(conn)
        result = load_file(conn, path, key=b"k" * 32, seeds_dir=SEEDS_DIR)
        [(reasons,)] = conn.execute("select reasons from audit.quarantined_rows").fetchall()
    assert (result.rows_loaded, result.rows_quarantined) == (1, 1)
    assert reasons == ["released_at 2024-05-01T09:00:00+00:00 is before arrived_at 2024-05-01T10:00:00+00:00"]
