{#- For every financial year x measure x broad ethnic group (as the officer perceived or observed it), the
    units counted (whole) and those the measure holds for (part), with the reference group's beside them. Each
    measure says its unit:
      subjects (incident x subject): each tactic, any CED use, the CED's highest use at each level (one level
        per subject: its highest), subject injured;
      reports (one officer's use of force on one person): body-worn video on, officer injured;
      stop_searches (the force's searches): force used, when a use-of-force report links to the search;
      detentions (custody): force used, when a use-of-force report links to the detention. -#}
with subjects as (
    select * from {{ ref('int_use_of_force_subjects') }}
),

reports as (
    select * from {{ ref('int_use_of_force_reports_conformed') }}
),

searches as (
    select * from {{ ref('int_stop_searches_conformed') }}
    where source_system = 'force'
),

detentions as (
    select * from {{ ref('int_custody_detentions_conformed') }}
),

ced_uses as (
    select code as ced_use_code from {{ ref('use_of_force_codes') }}
    where code_list = 'ced_use' and code <> 'NONE'
),

periods as (
    select * from {{ ref('int_use_of_force_reporting_periods') }}
    where period_type = 'financial_year'
),

linked_searches as (
    select distinct stop_search_record_id from subjects where stop_search_record_id is not null
),

linked_detentions as (
    select distinct custody_detention_id from subjects where custody_detention_id is not null
),

units as (
    select subjects.month_start, subjects.perceived_broad_ethnic_group as ethnic_group, measured.measure,
           'subjects' as counted_unit, measured.holds
    from subjects
    cross join lateral (
        {%- for tactic in use_of_force_tactics() %}
        select 'tactic_{{ tactic }}' as measure, subjects.has_tactic_{{ tactic }} as holds union all
        {%- endfor %}
        select 'ced_any', subjects.has_ced_use union all
        select 'subject_injured', subjects.is_subject_injured
    ) as measured
    union all
    select subjects.month_start, subjects.perceived_broad_ethnic_group, 'ced_highest_' || lower(ced_uses.ced_use_code),
           'subjects', subjects.ced_highest_use_code = ced_uses.ced_use_code
    from subjects
    cross join ced_uses
    union all
    select reports.month_start, reports.perceived_broad_ethnic_group, measured.measure, 'reports', measured.holds
    from reports
    cross join lateral (
        select 'body_worn_video_on' as measure, reports.is_body_worn_video_on as holds union all
        select 'officer_injured', reports.is_officer_injured
    ) as measured
    union all
    select date_trunc('month', searches.searched_date)::date, searches.officer_defined_broad_ethnic_group,
           'force_in_stop_search', 'stop_searches', linked_searches.stop_search_record_id is not null
    from searches
    left join linked_searches on searches.stop_search_id = linked_searches.stop_search_record_id
    union all
    select date_trunc('month', detentions.arrived_date)::date, detentions.officer_defined_broad_ethnic_group,
           'force_in_custody', 'detentions', linked_detentions.custody_detention_id is not null
    from detentions
    left join linked_detentions on detentions.detention_id = linked_detentions.custody_detention_id
),

counted as (
    select
        periods.period_type,
        periods.period_start,
        periods.period_end,
        units.measure,
        units.counted_unit,
        units.ethnic_group,
        count(*) as units_counted,
        count(*) filter (where units.holds) as units_with_measure
    from units
    inner join periods on units.month_start = periods.month_start
    group by periods.period_type, periods.period_start, periods.period_end, units.measure, units.counted_unit,
             units.ethnic_group
),

with_reference as (
    select
        counted.*,
        coalesce(sum(units_counted) filter (where ethnic_group = '{{ var("reference_ethnic_group") }}')
            over measure_slice, 0) as reference_units_counted,
        coalesce(sum(units_with_measure) filter (where ethnic_group = '{{ var("reference_ethnic_group") }}')
            over measure_slice, 0) as reference_units_with_measure
    from counted
    window measure_slice as (partition by period_type, period_start, measure)
)

select * from with_reference
