"""Every query of the published schema ``reporting``, in one place: the demo's headlines, ``equality report``.

Only ``reporting`` is read here, so whatever the published tables suppress stays suppressed in everything
built on these queries. When a published table or column is renamed, this module is the one to change.
Each function takes an open connection and returns rows (tuples in the order of its ``select``).
"""

from __future__ import annotations

from datetime import date

import psycopg

STOP_SEARCH_HEADLINE = """
    select ethnic_group, searches, population, rate_per_1000, rate_ratio, rate_ratio_lower_95,
           rate_ratio_upper_95, not_stated_share, period_start, period_end
    from reporting.stop_search_disproportionality
    where period_type = 'rolling_12_months' and area_code = 'FORCE' and legislation_group = 'All'
      and ethnicity_basis = 'self-defined' and ethnicity_level = 'broad'
      and period_start = (select max(period_start) from reporting.stop_search_disproportionality
                          where period_type = 'rolling_12_months' and is_complete_period)
    order by rate_per_1000 desc nulls last
"""

CUSTODY_HEADLINE = """
    select ethnic_group, eligible_detentions, decision_share, crude_ratio, crude_ratio_lower_95,
           crude_ratio_upper_95, adjusted_ratio, adjusted_ratio_lower_95, adjusted_ratio_upper_95,
           share_of_gap_explained, period_start
    from reporting.custody_outcomes
    where period_type = 'financial_year' and area_code = 'FORCE' and age_group = 'All'
      and decision = 'charge_vs_no_further_action' and ethnicity_basis = 'self-defined'
      and period_start = (select max(period_start) from reporting.custody_rates
                          where period_type = 'financial_year' and is_complete_period)
    order by crude_ratio desc nulls last
"""

WORKFORCE_HEADLINE = """
    with latest as (
        select max(month_end) as month_end from reporting.workforce_representation
    ),
    representation as (
        select group_code, share_of_disclosed, benchmark_share, representation_ratio, gap_in_people, month_end,
               is_reference_group
        from reporting.workforce_representation
        where month_end = (select month_end from latest) and workforce_type_code = 'OFFICER'
          and breakdown = 'force' and characteristic = 'ethnicity' and is_disclosed
    ),
    year as (
        select max(financial_year_start) as financial_year_start from reporting.recruitment_funnel
        where process_id = 'ALL' and target_rank_grade_code = 'CONSTABLE' and stage_code = 'APPOINTED'
    ),
    lowest_stage as (
        select distinct on (group_code) group_code, stage_code, relative_likelihood,
               relative_likelihood_lower_95, relative_likelihood_upper_95
        from reporting.recruitment_funnel
        where process_id = 'ALL' and target_rank_grade_code = 'CONSTABLE' and characteristic = 'ethnicity'
          and financial_year_start = (select financial_year_start from year)
          and relative_likelihood is not null and stage_code <> 'APPLICATION'
        order by group_code, relative_likelihood
    ),
    appointed as (
        select group_code, cumulative_conversion from reporting.recruitment_funnel
        where process_id = 'ALL' and target_rank_grade_code = 'CONSTABLE' and characteristic = 'ethnicity'
          and financial_year_start = (select financial_year_start from year) and stage_code = 'APPOINTED'
    ),
    leaving as (
        select group_code, rate_ratio, rate_ratio_lower_95, rate_ratio_upper_95 from reporting.leavers
        where workforce_type_code = 'OFFICER' and characteristic = 'ethnicity' and leaver_reason_code = 'ALL'
          and financial_year_start = (select max(financial_year_start) from reporting.leavers
                                      where is_complete_period)
    ),
    vetting as (
        select group_code, relative_likelihood, relative_likelihood_lower_95, relative_likelihood_upper_95
        from reporting.vetting
        where applicant_type_code = 'ALL' and characteristic = 'ethnicity'
          and financial_year_start = (select financial_year_start from year)
    )
    select representation.group_code, representation.share_of_disclosed, representation.benchmark_share,
           representation.gap_in_people, appointed.cumulative_conversion,
           lowest_stage.stage_code, lowest_stage.relative_likelihood, lowest_stage.relative_likelihood_lower_95,
           lowest_stage.relative_likelihood_upper_95,
           leaving.rate_ratio, leaving.rate_ratio_lower_95, leaving.rate_ratio_upper_95,
           vetting.relative_likelihood, vetting.relative_likelihood_lower_95,
           vetting.relative_likelihood_upper_95, representation.month_end,
           (select financial_year_start from year), representation.is_reference_group
    from representation
    left join lowest_stage on lowest_stage.group_code = representation.group_code
    left join appointed on appointed.group_code = representation.group_code
    left join leaving on leaving.group_code = representation.group_code
    left join vetting on vetting.group_code = representation.group_code
    order by representation.benchmark_share desc nulls last
"""

RECRUITMENT_TARGET_LATEST = """
    select ethnic_minority_recruits_to_date, target, target_to_date, target_start, target_end, month_start,
           ethnic_minority_share_of_recruits, population_minority_share
    from reporting.recruitment_target order by month_start desc limit 1
"""

COMPLAINTS_LATEST_YEAR = "select max(financial_year_start) from reporting.misconduct where is_complete_period"

COMPLAINTS_HEADLINE = """
    with groups as (
        select ethnic_group from reporting.complaints
        where financial_year_start = %(year)s and basis = 'population' and ethnic_group <> 'Not stated'
    ),
    complaints as (
        select ethnic_group, basis, rate_per_1000, rate_ratio, rate_ratio_lower_95, rate_ratio_upper_95,
               ratio_status
        from reporting.complaints where financial_year_start = %(year)s
    ),
    upheld as (
        select complainant_group as ethnic_group, upheld_share, upheld_relative_likelihood,
               upheld_relative_likelihood_lower_95, upheld_relative_likelihood_upper_95, upheld_ratio_status
        from reporting.allegation_outcomes where financial_year_start = %(year)s and view = 'complainant'
    ),
    proceedings as (
        select ethnic_group, rate_per_1000_officers, rate_ratio, rate_ratio_lower_95, rate_ratio_upper_95,
               ratio_status
        from reporting.misconduct where financial_year_start = %(year)s and stage = 'formal_proceedings'
    )
    select groups.ethnic_group,
           population.rate_per_1000, population.rate_ratio, population.rate_ratio_lower_95,
           population.rate_ratio_upper_95, population.ratio_status,
           searches.rate_per_1000, searches.rate_ratio, searches.rate_ratio_lower_95,
           searches.rate_ratio_upper_95, searches.ratio_status,
           upheld.upheld_share, upheld.upheld_relative_likelihood, upheld.upheld_relative_likelihood_lower_95,
           upheld.upheld_relative_likelihood_upper_95, upheld.upheld_ratio_status,
           proceedings.rate_per_1000_officers, proceedings.rate_ratio, proceedings.rate_ratio_lower_95,
           proceedings.rate_ratio_upper_95, proceedings.ratio_status
    from groups
    left join complaints as population on population.ethnic_group = groups.ethnic_group and population.basis = 'population'
    left join complaints as searches on searches.ethnic_group = groups.ethnic_group and searches.basis = 'stop_search'
    left join upheld on upheld.ethnic_group = groups.ethnic_group
    left join proceedings on proceedings.ethnic_group = groups.ethnic_group
    order by groups.ethnic_group = 'White' desc, groups.ethnic_group
"""


def stop_search_headline(conn: psycopg.Connection) -> list[tuple]:
    """Force area, self-defined broad groups, the latest complete rolling 12 months, highest rate first."""
    return conn.execute(STOP_SEARCH_HEADLINE).fetchall()


def custody_headline(conn: psycopg.Connection) -> list[tuple]:
    """Charge versus no further action in the latest complete financial year, crude and adjusted."""
    return conn.execute(CUSTODY_HEADLINE).fetchall()


def workforce_headline(conn: psycopg.Connection) -> tuple[list[tuple], tuple | None]:
    """Officers by broad ethnic group (representation, recruitment, leaving, vetting), and the latest month of
    the recruitment commitment."""
    return conn.execute(WORKFORCE_HEADLINE).fetchall(), conn.execute(RECRUITMENT_TARGET_LATEST).fetchone()


def complaints_headline(conn: psycopg.Connection) -> tuple[date | None, list[tuple]]:
    """The latest complete financial year of complaints and misconduct, and its rows by complainant group."""
    year = conn.execute(COMPLAINTS_LATEST_YEAR).fetchone()[0]
    if year is None:
        return None, []
    return year, conn.execute(COMPLAINTS_HEADLINE, {"year": year}).fetchall()
