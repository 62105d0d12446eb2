"""The workforce headline: officers by broad ethnic group at the latest month end (representation), then
recruitment, promotion, leaving and vetting in the latest financial year the data covers, each against White
officers, and the recruitment commitment."""

from __future__ import annotations

from datetime import timedelta

import psycopg

from equality.figures import financial_year, shown, with_interval
from equality.published_queries import ethnic_group_name

HEADLINE = f"""
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
    select {ethnic_group_name('representation.')}, representation.share_of_disclosed, representation.benchmark_share,
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


def headline(conn: psycopg.Connection) -> str:
    rows, target = conn.execute(HEADLINE).fetchall(), conn.execute(RECRUITMENT_TARGET_LATEST).fetchone()
    if not rows:
        return "(no workforce figures published yet)"

    year = rows[0][16]
    lines = [f"Workforce: police officers at {rows[0][15]:%d %B %Y}; recruitment and vetting "
             + (financial_year(year) if year else "(none yet)")
             + "; leavers in the latest complete financial year",
             f"{'ethnic group':<12} {'officers':>9} {'residents':>10} {'gap (people)':>13} {'appointed':>10} "
             f"{'lowest stage: pass ratio vs White':>38} {'leaving ratio':>20} {'vetting refusal ratio':>22}"]
    for (group, share, benchmark, gap, conversion, stage, rl, rl_low, rl_high, leave, leave_low, leave_high,
         refusal, refusal_low, refusal_high, _, _, is_reference) in rows:
        if is_reference:
            stage_text = leaving = refusing = "reference"
        else:
            stage_text = f"{stage.lower().replace('_', ' ')} {with_interval(rl, rl_low, rl_high)}" if stage else "suppressed"
            leaving, refusing = with_interval(leave, leave_low, leave_high), with_interval(refusal, refusal_low, refusal_high)
        lines.append(f"{group:<12} {shown(share, '.1%'):>9} {shown(benchmark, '.1%'):>10} {shown(gap, ',d'):>13} "
                     f"{shown(conversion, '.1%'):>10} {stage_text:>38} "
                     f"{leaving:>20} {refusing:>22}")
    lines.append("officers / residents: share of officers who stated their ethnicity / of the force area's residents; "
                 "appointed: share of applicants appointed.")
    if target:
        recruits, goal, to_date, start, end, month, share, population = target
        lines.append(f"Recruitment commitment: {shown(recruits, ',d')} ethnic-minority officer recruits of {goal:,d} "
                     f"by {end - timedelta(days=1):%d %B %Y} ({to_date:,.0f} due by the end of {month:%B %Y}); {shown(share, '.1%')} of recruits "
                     f"who stated their ethnicity, against {population:.1%} of residents.")
    return "\n".join(lines)
