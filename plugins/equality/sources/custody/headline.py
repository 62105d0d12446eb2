"""The custody headline: charge versus no further action in the latest complete financial year, crude and
adjusted for offence group and age."""

from __future__ import annotations

import psycopg

from equality.figures import financial_year, shown, with_interval

HEADLINE = """
    select ethnic_group, eligible_detentions, decision_share, crude_ratio, crude_ratio_lower_95,
           crude_ratio_upper_95, adjusted_ratio, adjusted_ratio_lower_95, adjusted_ratio_upper_95,
           share_of_gap_explained, period_start
    from reporting.custody_outcomes
    where period_type = 'financial_year' and area_code = 'force' and age_group = 'All'
      and decision = 'charge_vs_no_further_action' and ethnicity_basis = 'self_defined'
      and period_start = (select max(period_start) from reporting.custody_rates
                          where period_type = 'financial_year' and is_complete_period)
    order by crude_ratio desc nulls last
"""

GAP_EXPLAINED = (
    "gap explained = (crude - adjusted) / (crude - 1): the part of the crude gap that offence group and age account\n"
    "for. 100% means case mix explains the whole gap, 0% none of it; over 100% means that with the same offences\n"
    "and ages the gap reverses (the adjusted ratio lies on the other side of 1); blank when a count is suppressed.")


def headline(conn: psycopg.Connection) -> str:
    rows = conn.execute(HEADLINE).fetchall()
    if not rows:
        return "(no custody outcomes published yet)"

    lines = [f"Custody, charged rather than no further action, financial year {financial_year(rows[0][10])}",
             f"{'ethnic group':<12} {'decisions':>9} {'charged':>8} {'crude ratio (95% CI)':>22} "
             f"{'adjusted for offence and age':>29} {'gap explained':>14}"]
    for group, pool, share, crude, crude_low, crude_high, adjusted, adj_low, adj_high, explained, _ in rows:
        lines.append(f"{group:<12} {shown(pool, ',d'):>9} "
                     f"{shown(share, '.1%'):>8} {with_interval(crude, crude_low, crude_high):>22} "
                     f"{with_interval(adjusted, adj_low, adj_high):>29} "
                     f"{'' if explained is None else format(explained, '.0%'):>14}")
    lines.append(GAP_EXPLAINED)
    return "\n".join(lines)
