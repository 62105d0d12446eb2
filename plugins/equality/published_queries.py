"""The board report's queries of the published schema ``reporting`` (each source's headline keeps its own query
in its package, ``equality.sources.<source>.headline``).

Only ``reporting`` is read here, so whatever the published tables suppress stays suppressed in everything
built on these queries. When a published table or column is renamed, this module and the headlines change.
Each function takes an open connection and returns rows (tuples in the order of its ``select``).
"""

from __future__ import annotations

from datetime import date

import psycopg
from psycopg import sql


def ethnic_group_name(table: str = "") -> str:
    """A workforce group's name (its code is lower_snake_case): reporting.labels names every published code."""
    return f"(select label from reporting.labels where code_list = 'ethnicity' and code = {table}group_code)"


# Teams screened and flagged above their peers (any minority group, self-defined) in the latest complete
# financial year of a source's internal benchmark (reporting.oversight_<source>_benchmark).
TEAMS_FLAGGED = """
    select period_start, count(distinct unit_id) filter (where is_screened),
           count(distinct unit_id) filter (where benchmark_flag = 'above_peers')
    from reporting.{table}
    where unit_level = 'team' and period_type = 'financial_year' and ethnicity_basis = %(basis)s
      and period_start = (select max(period_start) from reporting.{table}
                          where period_type = 'financial_year' and is_complete_period)
    group by period_start
"""



def teams_flagged(conn: psycopg.Connection, table: str, basis: str) -> tuple | None:
    """(financial year, teams screened, teams flagged above their peers) of a source's internal benchmark."""
    return conn.execute(sql.SQL(TEAMS_FLAGGED).format(table=sql.Identifier(table)), {"basis": basis}).fetchone()


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

# The internal benchmark of teams (oversight below force level), 12 months to the end of the quarter.
TEAM_BENCHMARK = """
    select unit_id, expected, ratio, benchmark_flag, variance_per_expected, tau_squared
    from reporting.oversight_stop_search_benchmark
    where period_type = 'rolling_12_months' and period_end = %(quarter_end)s and unit_level = 'team'
      and ethnicity_basis = 'self_defined' and ethnic_group = %(group)s and is_screened
    order by unit_id
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
    select financial_year_start, stage_code, stage_order, {ethnic_group_name()} as group_name,
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
           {ethnic_group_name()} as group_name, rate_ratio, rate_ratio_lower_95,
           rate_ratio_upper_95
    from reporting.leavers
    where workforce_type_code = 'officer' and characteristic = 'ethnicity' and leaver_reason_code = 'all'
      and is_disclosed and not is_reference_group
      and financial_year_start = {_LATEST_COMPLETE_YEAR.format(table='leavers')}
    union all
    select 'Refused vetting', financial_year_start, {ethnic_group_name()}, relative_likelihood, relative_likelihood_lower_95,
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
    from equality.sources.use_of_force.headline import RATES_AND_TASER as USE_OF_FORCE_RATES_AND_TASER

    period = {"quarter_start": quarter_start, "quarter_end": quarter_end, "previous_end": previous_end}
    return {
        "stop_search_quarter": _rows(conn, STOP_SEARCH_QUARTER, period),
        "stop_search_ratios_over_time": _rows(conn, STOP_SEARCH_RATIOS_OVER_TIME, period),
        "stop_search_year_to": _rows(conn, STOP_SEARCH_YEAR_TO, period),
        "stop_search_lpu_rates": _rows(conn, STOP_SEARCH_LPU_RATES, {**period, "group": "Black"}),
        "team_benchmark": _rows(conn, TEAM_BENCHMARK, {**period, "group": "Black"}),
        "workforce_by_rank": _rows(conn, WORKFORCE_MINORITY_SHARE_BY_RANK, period),
        "recruitment_funnel": _rows(conn, FUNNEL_STAGES.format(table="recruitment_funnel"),
                                    {**period, "target": "constable"}),
        "promotion_funnel": _rows(conn, FUNNEL_STAGES.format(table="promotion_funnel"),
                                  {**period, "target": "sergeant"}),
        "leavers_and_vetting": _rows(conn, LEAVERS_AND_VETTING, period),
        "complaints_and_misconduct": _rows(conn, COMPLAINTS_AND_MISCONDUCT, period),
        "custody": _rows(conn, CUSTODY_CRUDE_AND_ADJUSTED, period),
        "use_of_force": _rows(conn, USE_OF_FORCE_RATES_AND_TASER, {"until": quarter_end}),
    }
