{{ config(alias='custody_duration') }}
{#- What BI reads: hours in custody by group, adults and juveniles apart, small groups suppressed. -#}
with durations as (
    select * from {{ ref('mart_custody_duration') }}
),

suppressed as (
    select
        period_type, period_start, period_end, area_code, age_group, ethnicity_basis, ethnic_group,
        {{ suppressed('detentions', ['detentions']) }} as detentions,
        {{ suppressed('median_hours_in_custody', ['detentions']) }} as median_hours_in_custody,
        {{ suppressed('p90_hours_in_custody', ['detentions']) }} as p90_hours_in_custody,
        {{ is_suppressed(['detentions']) }} as is_count_suppressed
    from durations
)

select * from suppressed
