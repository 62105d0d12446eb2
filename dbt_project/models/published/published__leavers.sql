{{ config(alias='leavers') }}
{#- What BI reads: leaver rates with small numbers suppressed (leavers below the threshold, on either side of a
    ratio). Average headcounts are rounded to whole people. -#}
{%- set own = ['leavers', 'average_headcount'] %}
{%- set both = ['leavers', 'average_headcount', 'reference_leavers', 'reference_average_headcount'] %}
with leavers as (
    select * from {{ ref('mart_leavers') }}
),

suppressed as (
    select
        financial_year_start, financial_year_end, month_ends_covered, is_complete_period, workforce_type_code,
        characteristic, group_code, is_disclosed, is_reference_group, leaver_reason_code,
        {{ suppressed('leavers', ['leavers']) }} as leavers,
        {{ suppressed('round(average_headcount)', ['average_headcount']) }} as average_headcount,
        {{ suppressed('reference_leavers', ['reference_leavers']) }} as reference_leavers,
        {{ suppressed('round(reference_average_headcount)', ['reference_average_headcount']) }} as reference_average_headcount,
        {{ suppressed('leaver_rate', own) }} as leaver_rate,
        {{ suppressed('reference_leaver_rate', ['reference_leavers', 'reference_average_headcount']) }} as reference_leaver_rate,
        {%- for ratio in ['rate_ratio', 'rate_ratio_lower_95', 'rate_ratio_upper_95'] %}
        {{ suppressed(ratio, both) }} as {{ ratio }},
        {%- endfor %}
        {{ suppressed('median_years_of_service', ['leavers']) }} as median_years_of_service,
        {{ is_suppressed(both) }} as is_ratio_suppressed
    from leavers
)

select * from suppressed
