{#- Time in custody (arrival to release), hours: median and 90th percentile by broad self-defined ethnic group,
    adults and juveniles apart, financial years, force area. Unsuppressed: analysts only. -#}
with detentions as (
    select * from {{ ref('int_custody_detentions_conformed') }}
),

periods as (
    select * from {{ ref('int_custody_reporting_periods') }}
    where period_type = 'financial_year'
),

measured as (
    select
        periods.period_type,
        periods.period_start,
        periods.period_end,
        'FORCE' as area_code,
        detentions.age_group,
        'self-defined' as ethnicity_basis,
        detentions.self_defined_broad_ethnic_group as ethnic_group,
        count(*) as detentions,
        percentile_cont(0.5) within group (order by detentions.hours_in_custody) as median_hours_in_custody,
        percentile_cont(0.9) within group (order by detentions.hours_in_custody) as p90_hours_in_custody
    from detentions
    inner join periods on date_trunc('month', detentions.arrived_date)::date = periods.month_start
    group by periods.period_type, periods.period_start, periods.period_end, detentions.age_group,
             detentions.self_defined_broad_ethnic_group
)

select * from measured
