"""The use-of-force headline the demo prints: read from ``reporting`` only, so every suppression holds."""

from __future__ import annotations

from datetime import date

import psycopg

from equality.figures import FDR_VERDICT, financial_year, shown, teams_flagged, with_interval

# The latest complete financial year ending by %(until)s: subjects per 1,000 residents by perceived broad group
# with the ratio to White, and the share of each group's subjects on whom a Taser was used (any use) with its
# ratio. The headline and the board report's use-of-force section read it.
RATES_AND_TASER = """
    with year as (
        select max(period_start) as period_start from reporting.use_of_force_rates
        where period_type = 'financial_year' and is_complete_period and period_end <= %(until)s
    )
    select rates.ethnic_group, rates.subjects, rates.population, rates.rate_per_1000, rates.rate_ratio,
           rates.rate_ratio_lower_95, rates.rate_ratio_upper_95, rates.is_rate_ratio_fdr_significant,
           taser.share, taser.share_ratio, taser.share_ratio_lower_95, taser.share_ratio_upper_95,
           rates.period_start
    from reporting.use_of_force_rates as rates
    inner join year on rates.period_start = year.period_start
    left join reporting.use_of_force_shares as taser
        on taser.period_type = 'financial_year' and taser.period_start = rates.period_start
        and taser.measure = 'ced_any' and taser.ethnic_group = rates.ethnic_group
    where rates.period_type = 'financial_year' and rates.area_code = 'force'
    order by rates.ethnic_group = 'White' desc, rates.rate_per_1000 desc nulls last
"""


def headline(conn: psycopg.Connection) -> str:
    """People subjected to force per 1,000 residents in the latest complete financial year, by the group the
    officer perceived, against White, and the share of them on whom a Taser was used."""
    rows = conn.execute(RATES_AND_TASER, {"until": date.max}).fetchall()
    if not rows:
        return "(no use-of-force figures published yet)"
    lines = [f"Use of force, people subjected to force (once per incident), financial year "
             f"{financial_year(rows[0][-1])}",
             f"{'ethnic group':<12} {'subjects':>9} {'population':>11} {'per 1,000':>10} "
             f"{'ratio vs White (95% CI)':>26} {'real difference':>16} {'Taser used':>11} {'Taser ratio (95% CI)':>24}"]
    for group, subjects, population, rate, ratio, low, high, stands, taser, taser_ratio, taser_low, taser_high, _ \
            in rows:
        lines.append(f"{group:<12} {shown(subjects, ',d'):>9} {population:>11,d} {shown(rate, '.2f'):>10} "
                     f"{with_interval(ratio, low, high):>26} {FDR_VERDICT[stands]:>16} {shown(taser, '.1%'):>11} "
                     f"{with_interval(taser_ratio, taser_low, taser_high):>24}")
    lines.append("Taser used: the share of the group's subjects on whom a CED was drawn, aimed, arced, red-dotted, "
                 "drive-stunned or fired, counted once at its highest use.")
    lines.extend(teams_flagged(conn, "oversight_use_of_force_benchmark", "used force on", basis="officer_defined"))
    return "\n".join(lines)
