{{ config(alias='stop_search_disproportionality') }}
{#- What BI reads: the disproportionality mart with small numbers suppressed (null, flagged, never zero). -#}
with disproportionality as (
    select * from {{ ref('mart_stop_search_disproportionality') }}
),

{%- set group_counts = ['searches'] %}
{%- set ratio_counts = ['searches', 'reference_searches'] %}

suppressed as (
    select
        period_type, period_start, period_end, is_complete_period, months_with_data,
        area_code, area_name, legislation_group, ethnicity_basis, ethnicity_level, ethnic_group,
        ethnic_group_label, reference_group, population_census_year,
        {{ suppressed('searches', group_counts) }} as searches,
        population,
        {{ suppressed('rate_per_1000', group_counts) }} as rate_per_1000,
        {{ suppressed('rate_per_1000_lower_95', group_counts) }} as rate_per_1000_lower_95,
        {{ suppressed('rate_per_1000_upper_95', group_counts) }} as rate_per_1000_upper_95,
        {{ suppressed('reference_searches', ['reference_searches']) }} as reference_searches,
        {{ suppressed('reference_rate_per_1000', ['reference_searches']) }} as reference_rate_per_1000,
        {{ suppressed('rate_ratio', ratio_counts) }} as rate_ratio,
        {{ suppressed('rate_ratio_lower_95', ratio_counts) }} as rate_ratio_lower_95,
        {{ suppressed('rate_ratio_upper_95', ratio_counts) }} as rate_ratio_upper_95,
        rate_ratio_interval_method,
        {{ suppressed('not_stated_share', ['not_stated_searches']) }} as not_stated_share,
        {{ suppressed('rate_ratio_if_not_stated_were_group', ratio_counts + ['not_stated_searches']) }}
            as rate_ratio_if_not_stated_were_group,
        {{ suppressed('rate_ratio_if_not_stated_were_reference', ratio_counts + ['not_stated_searches']) }}
            as rate_ratio_if_not_stated_were_reference,
        {{ is_suppressed(group_counts) }} as is_count_suppressed,
        {{ is_suppressed(ratio_counts) }} as is_ratio_suppressed
    from disproportionality
)

select * from suppressed
