"""What every custody night must show (test_custody.py reads scenario A, test_custody_within_stratum_gap.py
scenario B): both sources loaded and the custody tables published, and the injected detention rate ratios
recovered, in the financial year 2024/25."""

from __future__ import annotations

from datetime import date

from nights import DETENTION_RATIOS, query

YEAR = date(2024, 4, 1)


def charge_row(url: str, group: str = "Black", age_group: str = "All"):
    [row] = query(url, """
        select crude_ratio, crude_ratio_lower_95, crude_ratio_upper_95,
               adjusted_ratio, adjusted_ratio_lower_95, adjusted_ratio_upper_95, share_of_gap_explained
        from marts.mart_custody_outcomes
        where decision = 'charge_vs_no_further_action' and period_type = 'financial_year' and period_start = %s
          and age_group = %s and ethnic_group = %s""", YEAR, age_group, group)
    return [float(value) for value in row]


def assert_both_sources_load_and_publish(night: dict) -> None:
    loads = dict(query(night["url"], "select source, sum(rows_loaded) from audit.loads where status = 'loaded' "
                                     "group by source"))
    assert loads["custody_detentions"] == night["custody"].row_count
    assert loads.get("force_stop_search", 0) + loads.get("police_uk_stop_search", 0) > 0
    tables = {row[0] for row in query(night["url"], "select table_name from information_schema.tables "
                                                    "where table_schema = 'reporting'")}
    assert {"custody_rates", "custody_outcomes", "custody_duration"} <= tables
    print(f"night: {night['seconds']:.1f} s, {night['custody'].row_count} detentions")


def assert_detention_rate_ratios_recover_the_injected_ones(night: dict) -> None:
    truth = night["custody"].truth
    rows = dict((row[0], row[1:]) for row in query(night["url"], """
        select ethnic_group, rate_ratio, rate_ratio_lower_95, rate_ratio_upper_95 from marts.mart_custody_rates
        where period_type = 'financial_year' and period_start = %s and area_code = 'FORCE' and age_group = 'All'
        """, YEAR))
    for group, injected in DETENTION_RATIOS.items():
        ratio, low, high = (float(value) for value in rows[group])
        assert abs(truth.rate_ratio(group) - injected) < 1e-9
        assert low <= injected <= high or abs(ratio / injected - 1) < 0.05, (group, ratio, low, high)
