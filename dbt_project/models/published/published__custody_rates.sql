{{ config(alias='custody_rates') }}
{#- What BI reads: detention rates and ratios with small numbers suppressed (null, flagged, never zero). -#}
with rates as (
    select * from {{ ref('mart_custody_rates') }}
),

suppressed as (
    select
        period_type, period_start, period_end, months_in_period, months_with_data, is_complete_period,
        area_code, area_name, age_group, ethnicity_basis, ethnic_group, reference_group, population_census_year,
        population, reference_population,
        {{ suppressed('detentions', ['detentions']) }} as detentions,
        {{ suppressed('rate_per_1000', ['detentions']) }} as rate_per_1000,
        {{ suppressed('rate_per_1000_lower_95', ['detentions']) }} as rate_per_1000_lower_95,
        {{ suppressed('rate_per_1000_upper_95', ['detentions']) }} as rate_per_1000_upper_95,
        {{ suppressed('reference_detentions', ['reference_detentions']) }} as reference_detentions,
        {{ suppressed('rate_ratio', ['detentions', 'reference_detentions']) }} as rate_ratio,
        {{ suppressed('rate_ratio_lower_95', ['detentions', 'reference_detentions']) }} as rate_ratio_lower_95,
        {{ suppressed('rate_ratio_upper_95', ['detentions', 'reference_detentions']) }} as rate_ratio_upper_95,
        rate_ratio_interval_method,
        {{ suppressed('all_detentions', ['all_detentions']) }} as all_detentions,
        {{ suppressed('not_stated_detentions', ['not_stated_detentions']) }} as not_stated_detentions,
        {{ suppressed('not_stated_share', ['not_stated_detentions']) }} as not_stated_share,
        {{ is_suppressed(['detentions']) }} as is_count_suppressed,
        {{ is_suppressed(['detentions', 'reference_detentions']) }} as is_ratio_suppressed
    from rates
    where ethnic_group <> 'Not stated'
)

select * from suppressed
