{#- Model body of mart_misconduct and its perturbed twin. Which officers face complaints and proceedings, by
    financial year and the officer's broad ethnic group (as recorded in HR on the day): distinct officers at each
    stage, per 1,000 officers of the group (average month-end headcount, int_workforce_average_headcount), and the
    rate ratio against White officers (rate_ratio_limit) with ratio_status. Stages: subject_of_allegation (named in
    an allegation of a complaint received in the year), formal_proceedings (a misconduct meeting or hearing opened
    in the year), gross_misconduct_proceedings, sanctioned (proven, with a sanction other than none),
    final_written_warning_or_above, dismissed (by the year proceedings opened). Only people who were police
    officers on the day count; those the workforce history never showed are in no group's count (fct_allegation
    and fct_misconduct_proceeding flag them). With `perturbed`, each count is perturbed by the key sum of the
    officers it counts (macro perturbed_cells): the stages are not parts of one total (an officer can be at
    several), so each count is its own cell, as in the non-additive tables (docs/methodology.md, Disclosure
    control). -#}
{% macro misconduct_mart(perturbed) -%}
with allegations as (
    select * from {{ ref('fct_allegation') }}
),

proceedings as (
    select * from {{ ref('fct_misconduct_proceeding') }}
    where is_officer_in_workforce and officer_workforce_type_code = 'OFFICER'
),

headcount as (
    select financial_year_start, group_code as ethnic_group, average_headcount, month_ends_covered
    from {{ ref('int_workforce_average_headcount') }}
    where workforce_type_code = 'OFFICER' and characteristic = 'ethnicity'
),

final_written_warning as (
    select sort_order from {{ ref('complaint_codes') }} where code_list = 'sanction' and code = 'FINAL_WRITTEN_WARNING'
),

officers_at_stage as (
    select financial_year_start, 'subject_of_allegation' as stage, subject_id as officer_id, subject_ethnic_group as ethnic_group
    from allegations
    where is_subject_in_workforce and subject_workforce_type_code = 'OFFICER'
    union all
    select financial_year_start, 'formal_proceedings', officer_id, officer_ethnic_group from proceedings
    union all
    select financial_year_start, 'gross_misconduct_proceedings', officer_id, officer_ethnic_group
    from proceedings where severity_code = 'GROSS_MISCONDUCT'
    union all
    select financial_year_start, 'sanctioned', officer_id, officer_ethnic_group
    from proceedings where outcome_code = 'PROVEN' and sanction_code <> 'NONE'
    union all
    select financial_year_start, 'final_written_warning_or_above', officer_id, officer_ethnic_group
    from proceedings cross join final_written_warning
    where outcome_code = 'PROVEN' and sanction_severity >= final_written_warning.sort_order
    union all
    select financial_year_start, 'dismissed', officer_id, officer_ethnic_group
    from proceedings where sanction_code = 'DISMISSAL'
),

stages as (
    select 'subject_of_allegation' as stage, 1 as stage_order union all select 'formal_proceedings', 2
    union all select 'gross_misconduct_proceedings', 3 union all select 'sanctioned', 4
    union all select 'final_written_warning_or_above', 5 union all select 'dismissed', 6
),

years as (
    select distinct financial_year_start from allegations
    union
    select distinct financial_year_start from proceedings
),

-- each officer once per year, stage and group, with the officer's record key (macro record_key)
distinct_officers as (
    select distinct financial_year_start, stage, ethnic_group, officer_id, {{ record_key('officer_id') }} as record_key
    from officers_at_stage
),

officer_counts as (
    select financial_year_start, stage, ethnic_group, count(*) as officers,
           sum(record_key)::bigint as officers_record_key_sum
    from distinct_officers
    group by 1, 2, 3
),

counted as (
    {%- if perturbed %}
    {{ perturbed_cells('officer_counts', ['financial_year_start', 'stage', 'ethnic_group'], ['officers']) }}
    {%- else %}
    select financial_year_start, stage, ethnic_group, officers from officer_counts
    {%- endif %}
),

grid as (
    select
        headcount.financial_year_start,
        headcount.month_ends_covered,
        stages.stage,
        stages.stage_order,
        headcount.ethnic_group,
        headcount.ethnic_group = '{{ var("reference_ethnic_group") }}' as is_reference_group,
        coalesce(counted.officers, 0) as officers,
        headcount.average_headcount
    from headcount
    inner join years on headcount.financial_year_start = years.financial_year_start
    cross join stages
    left join counted
        on counted.financial_year_start = headcount.financial_year_start and counted.stage = stages.stage
        and counted.ethnic_group = headcount.ethnic_group
),

with_reference as (
    select
        grid.*,
        coalesce(max(officers) filter (where is_reference_group) over year_stage, 0) as reference_officers,
        max(average_headcount) filter (where is_reference_group) over year_stage as reference_average_headcount
    from grid
    window year_stage as (partition by financial_year_start, stage)
),

measured as (
    select
        financial_year_start,
        month_ends_covered,
        month_ends_covered = 12 as is_complete_period,
        stage,
        stage_order,
        ethnic_group,
        is_reference_group,
        officers,
        round(average_headcount, 2) as average_headcount,
        reference_officers,
        round(reference_average_headcount, 2) as reference_average_headcount,
        {{ withheld_unless_complete(rate_per_1000('officers', 'average_headcount'), 'month_ends_covered = 12') }}
            as rate_per_1000_officers,
        {{ ratio_with_interval('officers', 'average_headcount', 'reference_officers', 'reference_average_headcount', 'rate_ratio', estimable=true) }},
        {{ ratio_status('officers', 'average_headcount', 'reference_officers', 'reference_average_headcount') }} as ratio_status
    from with_reference
),

-- whether each ratio stands after false discovery rate control; family: a financial year (every stage)
controlled as (
    {{ ratios_with_false_discovery_control('measured', 'rate_ratio', ['financial_year_start'],
        tested="not measured.is_reference_group") }}
)

select * from controlled
{%- endmacro %}
