"""The stop-and-search headline: the latest complete rolling 12 months, force area, self-defined broad groups."""

from __future__ import annotations

from datetime import timedelta

import psycopg

from equality.figures import FDR_VERDICT, shown, teams_flagged, with_interval

HEADLINE = """
    select ethnic_group, searches, population, rate_per_1000, rate_ratio, rate_ratio_lower_95,
           rate_ratio_upper_95, not_stated_share, period_start, period_end, is_rate_ratio_fdr_significant
    from reporting.stop_search_disproportionality
    where period_type = 'rolling_12_months' and area_code = 'force' and legislation_group = 'All'
      and ethnicity_basis = 'self_defined' and ethnicity_level = 'broad'
      and period_start = (select max(period_start) from reporting.stop_search_disproportionality
                          where period_type = 'rolling_12_months' and is_complete_period)
    order by rate_per_1000 desc nulls last
"""

def headline(conn: psycopg.Connection) -> str:
    rows = conn.execute(HEADLINE).fetchall()
    if not rows:
        return "(no complete rolling 12-month period published yet)"

    last_month = rows[0][9] - timedelta(days=1)
    period = f"{rows[0][8]:%B %Y} to {last_month:%B %Y}"
    lines = [f"Stop and search, West Midlands force area, rolling 12 months {period}",
             f"{'ethnic group':<12} {'searches':>9} {'population':>11} {'per 1,000':>10} "
             f"{'ratio vs White (95% CI)':>26} {'real difference':>16}"]
    for group, searches, population, rate, ratio, low, high, _, _, _, stands in rows:
        lines.append(f"{group:<12} {shown(searches, ',d'):>9} {population:>11,d} {shown(rate, '.2f'):>10} "
                     f"{with_interval(ratio, low, high):>26} {FDR_VERDICT[stands]:>16}")
    lines.append(f"Ethnicity not stated on {shown(rows[0][7], '.1%')}"
                 " of searches (ratios if all of them belonged to the group or to White: see the mart).")
    lines.append("A real difference is a ratio whose interval excludes 1 and that stands after false discovery rate "
                 "control (Benjamini-Hochberg, 5%) across every area, power and group of the period.")
    lines.extend(teams_flagged(conn, "oversight_stop_search_benchmark", "search"))
    return "\n".join(lines)
