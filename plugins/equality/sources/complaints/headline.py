"""The complaints headline: the latest complete financial year, rates by complainant group, upheld allegations,
and officers entering misconduct proceedings by their group, each against White people; a ratio that cannot be
estimated says why."""

from __future__ import annotations

import psycopg

from equality.figures import financial_year, ratio_or_why, shown

LATEST_YEAR = "select max(financial_year_start) from reporting.misconduct where is_complete_period"

HEADLINE = """
    with groups as (
        select ethnic_group from reporting.complaints
        where financial_year_start = %(year)s and basis = 'population' and ethnic_group <> 'Not stated'
    ),
    complaints as (
        select ethnic_group, basis, rate_per_1000, rate_ratio, rate_ratio_lower_95, rate_ratio_upper_95,
               rate_ratio_status
        from reporting.complaints where financial_year_start = %(year)s
    ),
    upheld as (
        select complainant_group as ethnic_group, upheld_share, upheld_relative_likelihood,
               upheld_relative_likelihood_lower_95, upheld_relative_likelihood_upper_95, upheld_ratio_status
        from reporting.allegation_outcomes where financial_year_start = %(year)s and view = 'complainant'
    ),
    proceedings as (
        select ethnic_group, rate_per_1000_officers, rate_ratio, rate_ratio_lower_95, rate_ratio_upper_95,
               rate_ratio_status
        from reporting.misconduct where financial_year_start = %(year)s and stage = 'formal_proceedings'
    )
    select groups.ethnic_group,
           population.rate_per_1000, population.rate_ratio, population.rate_ratio_lower_95,
           population.rate_ratio_upper_95, population.rate_ratio_status,
           searches.rate_per_1000, searches.rate_ratio, searches.rate_ratio_lower_95,
           searches.rate_ratio_upper_95, searches.rate_ratio_status,
           upheld.upheld_share, upheld.upheld_relative_likelihood, upheld.upheld_relative_likelihood_lower_95,
           upheld.upheld_relative_likelihood_upper_95, upheld.upheld_ratio_status,
           proceedings.rate_per_1000_officers, proceedings.rate_ratio, proceedings.rate_ratio_lower_95,
           proceedings.rate_ratio_upper_95, proceedings.rate_ratio_status
    from groups
    left join complaints as population on population.ethnic_group = groups.ethnic_group and population.basis = 'population'
    left join complaints as searches on searches.ethnic_group = groups.ethnic_group and searches.basis = 'stop_search'
    left join upheld on upheld.ethnic_group = groups.ethnic_group
    left join proceedings on proceedings.ethnic_group = groups.ethnic_group
    order by groups.ethnic_group = 'White' desc, groups.ethnic_group
"""


def headline(conn: psycopg.Connection) -> str:
    year = conn.execute(LATEST_YEAR).fetchone()[0]
    if year is None:
        return "(no complaints published yet)"
    rows = conn.execute(HEADLINE, {"year": year}).fetchall()

    lines = [f"Complaints and misconduct, financial year {financial_year(year)}, against White people",
             f"{'':<7} {'complaints per 1,000 residents':>31} {'per 1,000 stop-searches':>31} "
             f"{'allegations upheld':>31} {'officers in proceedings, per 1,000':>35}",
             f"{'group':<7}" + f" {'rate':>10} {'ratio (95% CI)':>20}" * 4]
    for row in rows:
        group = row[0]
        cells = []
        for start, pattern in ((1, ".2f"), (6, ".1f"), (11, ".0%"), (16, ".1f")):
            compared = "reference" if group == "White" else ratio_or_why(*row[start + 1:start + 5])
            cells.append(f"{shown(row[start], pattern):>10} {compared:>20}")
        lines.append(f"{group:<7} " + " ".join(cells))
    lines.append("upheld: share of allegations with a finding that were upheld; officers by their ethnic group in HR.")
    return "\n".join(lines)
