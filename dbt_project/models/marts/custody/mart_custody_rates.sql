{#- Detentions per 1,000 residents by broad self-defined ethnic group, and the ratio to the reference group's
    rate, for every period, area (force, arresting LPU) and age group (Adults, Juveniles, All). The population
    base is all residents of the group (Census, all ages). Unsuppressed: analysts only. -#}
with counts as (
    select * from {{ ref('int_custody_period_counts') }}
),

population as (
    select * from {{ ref('int_population_by_area') }}
    where ethnicity_level = 'broad'
),

areas as (
    select * from {{ ref('dim_geography') }}
),

joined as (
    {{ with_reference_population('counts', 'population', 'detentions', ['period_type', 'period_start', 'area_code', 'age_group']) }}
),

measured as (
    select
        -- period
        joined.period_type,
        joined.period_start,
        joined.period_end,
        joined.months_in_period,
        joined.months_with_data,
        joined.months_partial,
        joined.is_complete_period,
        -- slice
        joined.area_code,
        areas.area_name,
        joined.age_group,
        'self-defined' as ethnicity_basis,
        joined.ethnic_group,
        '{{ var("reference_ethnic_group") }}' as reference_group,
        joined.census_year as population_census_year,
{{ rate_against_reference('detentions') }}
    from joined
    inner join areas on joined.area_code = areas.area_code
    where joined.population is not null and joined.reference_population is not null
),

-- whether each ratio stands after false discovery rate control; family: a period
controlled as (
    {{ ratios_with_false_discovery_control('measured', 'rate_ratio', ['period_type', 'period_start'],
        tested="measured.ethnic_group <> measured.reference_group") }}
)

select * from controlled
