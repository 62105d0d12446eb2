"""Every query of the published schema ``reporting``, in one place: the demo's headlines, ``equality report``.

Only ``reporting`` is read here, so whatever the published tables suppress stays suppressed in everything
built on these queries. When a published table or column is renamed, this module is the one to change.
Each function takes an open connection and returns rows (tuples in the order of its ``select``).
"""

from __future__ import annotations

from datetime import date

import psycopg

# A workforce group's name (its code is lower_snake_case): reporting.labels names every published code.
def _ethnic_group_name(table: str = "") -> str:
    return f"(select label from reporting.labels where code_list = 'ethnicity' and code = {table}group_code)"


STOP_SEARCH_HEADLINE = """
    select ethnic_group, searches, population, rate_per_1000, rate_ratio, rate_ratio_lower_95,
           rate_ratio_upper_95, not_stated_share, period_start, period_end, is_rate_ratio_fdr_significant
    from reporting.stop_search_disproportionality
    where period_type = 'rolling_12_months' and area_code = 'force' and legislation_group = 'All'
      and ethnicity_basis = 'self_defined' and ethnicity_level = 'broad'
      and period_start = (select max(period_start) from reporting.stop_search_disproportionality
                          where period_type = 'rolling_12_months' and is_complete_period)
    order by rate_per_1000 desc nulls last
"""

CUSTODY_HEADLINE = """
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

WORKFORCE_HEADLINE = f"""
    with latest as (
        select max(month_end) as month_end from reporting.workforce_representation
    ),
    representation as (
        select group_code, share_of_disclosed, benchmark_share, representation_ratio, gap_in_people, month_end,
               is_reference_group
        from reporting.workforce_representation
        where month_end = (select month_end from latest) and workforce_type_code = 'officer'
          and breakdown = 'force' and characteristic = 'ethnicity' and is_disclosed
    ),
    year as (
        select max(financial_year_start) as financial_year_start from reporting.recruitment_funnel
        where process_id = 'ALL' and target_rank_grade_code = 'constable' and stage_code = 'appointed'
    ),
    lowest_stage as (
        select distinct on (group_code) group_code, stage_code, relative_likelihood,
               relative_likelihood_lower_95, relative_likelihood_upper_95
        from reporting.recruitment_funnel
        where process_id = 'ALL' and target_rank_grade_code = 'constable' and characteristic = 'ethnicity'
          and financial_year_start = (select financial_year_start from year)
          and relative_likelihood is not null and stage_code not in ('application', 'all_stages')
        order by group_code, relative_likelihood
    ),
    appointed as (
        select group_code, cumulative_conversion from reporting.recruitment_funnel
        where process_id = 'ALL' and target_rank_grade_code = 'constable' and characteristic = 'ethnicity'
          and financial_year_start = (select financial_year_start from year) and stage_code = 'appointed'
    ),
    leaving as (
        select group_code, rate_ratio, rate_ratio_lower_95, rate_ratio_upper_95 from reporting.leavers
        where workforce_type_code = 'officer' and characteristic = 'ethnicity' and leaver_reason_code = 'all'
          and financial_year_start = (select max(financial_year_start) from reporting.leavers
                                      where is_complete_period)
    ),
    vetting as (
        select group_code, relative_likelihood, relative_likelihood_lower_95, relative_likelihood_upper_95
        from reporting.vetting
        where applicant_type_code = 'all' and characteristic = 'ethnicity'
          and financial_year_start = (select financial_year_start from year)
    )
    select {_ethnic_group_name('representation.')}, representation.share_of_disclosed, representation.benchmark_share,
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


# -- the quarterly board report ---------------------------------------------------------------------------
# Parameters: %(quarter_start)s and %(quarter_end)s (the day after the quarter), %(previous_end)s.

LATEST_COMPLETE_QUARTER = """
    select max(period_start) from reporting.stop_search_disproportionality
    where period_type = 'quarter' and is_complete_period
"""

# The force's self-defined broad groups, all legislation: the filter every stop-search figure of the report shares.
_FORCE_BROAD = """area_code = 'force' and legislation_group = 'All' and ethnicity_basis = 'self_defined'
      and ethnicity_level = 'broad'"""

STOP_SEARCH_QUARTER = f"""
    select ethnic_group, searches, population, rate_per_1000, rate_ratio, rate_ratio_lower_95, rate_ratio_upper_95
    from reporting.stop_search_disproportionality
    where period_type = 'quarter' and period_start = %(quarter_start)s and {_FORCE_BROAD}
    order by ethnic_group = 'White', rate_per_1000 desc nulls last
"""

STOP_SEARCH_RATIOS_OVER_TIME = f"""
    select ethnic_group, period_end, rate_ratio, rate_ratio_lower_95, rate_ratio_upper_95
    from reporting.stop_search_disproportionality
    where period_type = 'rolling_12_months' and is_complete_period and period_end <= %(quarter_end)s
      and ethnic_group <> reference_group and {_FORCE_BROAD}
    order by ethnic_group, period_end
"""

# Rolling 12 months ending with the quarter (or the one before): one row per group and end.
STOP_SEARCH_YEAR_TO = """
    select ethnic_group_label as label, ethnic_group, ethnicity_level, period_end, searches, rate_ratio,
           rate_ratio_lower_95, rate_ratio_upper_95
    from reporting.stop_search_disproportionality
    where period_type = 'rolling_12_months' and period_end in (%(quarter_end)s, %(previous_end)s)
      and area_code = 'force' and legislation_group = 'All' and ethnicity_basis = 'self_defined'
      and ethnic_group <> reference_group
    order by ethnicity_level, ethnic_group_label
"""

STOP_SEARCH_LPU_RATES = """
    select area_name, area_code, ethnic_group, searches, population, rate_per_1000
    from reporting.stop_search_disproportionality
    where period_type = 'rolling_12_months' and period_end = %(quarter_end)s and legislation_group = 'All'
      and ethnicity_basis = 'self_defined' and ethnicity_level = 'broad' and ethnic_group = %(group)s
    order by area_code = 'force' desc, area_name
"""

WORKFORCE_MINORITY_SHARE_BY_RANK = """
    select breakdown_value as rank_group, workforce_type_code, month_end, 1 - share_of_disclosed as minority_share,
           1 - benchmark_share as population_minority_share, total_headcount
    from reporting.workforce_representation
    where month_end = (select max(month_end) from reporting.workforce_representation where month_end < %(quarter_end)s)
      and breakdown = 'rank_group' and characteristic = 'ethnicity' and group_code = 'white'
    order by workforce_type_code, total_headcount desc
"""

# A funnel's latest financial year started before the quarter ended, by stage and disclosed group.
FUNNEL_STAGES = f"""
    with year as (
        select max(financial_year_start) as financial_year_start from reporting.{{table}}
        where financial_year_start < %(quarter_end)s and target_rank_grade_code = %(target)s
    )
    select financial_year_start, stage_code, stage_order, {_ethnic_group_name()} as group_name,
           cumulative_conversion
    from reporting.{{table}}
    where financial_year_start = (select financial_year_start from year) and target_rank_grade_code = %(target)s
      and process_id = 'ALL' and characteristic = 'ethnicity' and is_disclosed
    order by group_code = 'white' desc, group_code, stage_order
"""

# The latest complete financial year of a table ending before the quarter ended.
_LATEST_COMPLETE_YEAR = """(select max(financial_year_start) from reporting.{table}
                            where is_complete_period and financial_year_start + interval '1 year' <= %(quarter_end)s)"""

LEAVERS_AND_VETTING = f"""
    select 'Leaving (officers)' as measure, financial_year_start,
           {_ethnic_group_name()} as group_name, rate_ratio, rate_ratio_lower_95,
           rate_ratio_upper_95
    from reporting.leavers
    where workforce_type_code = 'officer' and characteristic = 'ethnicity' and leaver_reason_code = 'all'
      and is_disclosed and not is_reference_group
      and financial_year_start = {_LATEST_COMPLETE_YEAR.format(table='leavers')}
    union all
    select 'Refused vetting', financial_year_start, {_ethnic_group_name()}, relative_likelihood, relative_likelihood_lower_95,
           relative_likelihood_upper_95
    from reporting.vetting
    where applicant_type_code = 'all' and characteristic = 'ethnicity' and is_disclosed and not is_reference_group
      and financial_year_start = (select max(financial_year_start) from reporting.vetting
                                  where financial_year_start + interval '1 year' <= %(quarter_end)s)
    order by measure, group_name
"""

COMPLAINTS_AND_MISCONDUCT = f"""
    with year as (select {_LATEST_COMPLETE_YEAR.format(table='misconduct')} as financial_year_start)
    select 'Complaints per resident' as measure, financial_year_start, ethnic_group as group_name, rate_ratio,
           rate_ratio_lower_95, rate_ratio_upper_95
    from reporting.complaints
    where basis = 'population' and not is_reference_group and ethnic_group <> 'Not stated'
      and financial_year_start = (select financial_year_start from year)
    union all
    select 'Allegations upheld', financial_year_start, complainant_group, upheld_relative_likelihood,
           upheld_relative_likelihood_lower_95, upheld_relative_likelihood_upper_95
    from reporting.allegation_outcomes
    where view = 'complainant' and not is_reference_group and complainant_group <> 'Not stated'
      and financial_year_start = (select financial_year_start from year)
    union all
    select 'Officers in formal proceedings', financial_year_start, ethnic_group, rate_ratio, rate_ratio_lower_95,
           rate_ratio_upper_95
    from reporting.misconduct
    where stage = 'formal_proceedings' and not is_reference_group
      and financial_year_start = (select financial_year_start from year)
    order by measure, group_name
"""

CUSTODY_CRUDE_AND_ADJUSTED = """
    select period_start as financial_year_start, ethnic_group as group_name, eligible_detentions, crude_ratio,
           crude_ratio_lower_95, crude_ratio_upper_95, adjusted_ratio, adjusted_ratio_lower_95,
           adjusted_ratio_upper_95, share_of_gap_explained
    from reporting.custody_outcomes
    where period_type = 'financial_year' and area_code = 'force' and age_group = 'All'
      and decision = 'charge_vs_no_further_action' and ethnicity_basis = 'self_defined'
      and ethnic_group <> reference_group
      and period_start = (select max(period_start) from reporting.custody_rates
                          where period_type = 'financial_year' and is_complete_period and period_end <= %(quarter_end)s)
    order by ethnic_group
"""


def _rows(conn: psycopg.Connection, query: str, parameters: dict) -> list[dict]:
    from psycopg.rows import dict_row

    with conn.cursor(row_factory=dict_row) as cursor:
        return cursor.execute(query, parameters).fetchall()


def latest_complete_quarter(conn: psycopg.Connection) -> date | None:
    """The first day of the latest calendar quarter whose stop-search data is complete."""
    return conn.execute(LATEST_COMPLETE_QUARTER).fetchone()[0]


def board_report_figures(conn: psycopg.Connection, quarter_start: date, quarter_end: date,
                         previous_end: date) -> dict[str, list[dict]]:
    """Everything the quarterly board report shows, read from ``reporting`` only, by figure."""
    period = {"quarter_start": quarter_start, "quarter_end": quarter_end, "previous_end": previous_end}
    return {
        "stop_search_quarter": _rows(conn, STOP_SEARCH_QUARTER, period),
        "stop_search_ratios_over_time": _rows(conn, STOP_SEARCH_RATIOS_OVER_TIME, period),
        "stop_search_year_to": _rows(conn, STOP_SEARCH_YEAR_TO, period),
        "stop_search_lpu_rates": _rows(conn, STOP_SEARCH_LPU_RATES, {**period, "group": "Black"}),
        "workforce_by_rank": _rows(conn, WORKFORCE_MINORITY_SHARE_BY_RANK, period),
        "recruitment_funnel": _rows(conn, FUNNEL_STAGES.format(table="recruitment_funnel"),
                                    {**period, "target": "constable"}),
        "promotion_funnel": _rows(conn, FUNNEL_STAGES.format(table="promotion_funnel"),
                                  {**period, "target": "sergeant"}),
        "leavers_and_vetting": _rows(conn, LEAVERS_AND_VETTING, period),
        "complaints_and_misconduct": _rows(conn, COMPLAINTS_AND_MISCONDUCT, period),
        "custody": _rows(conn, CUSTODY_CRUDE_AND_ADJUSTED, period),
    }
