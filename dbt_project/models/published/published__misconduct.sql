{{ config(alias='misconduct') }}
{#- What BI reads: officers at each misconduct stage by group, small numbers suppressed; ratio_status says why a
    ratio is absent. -#}
{%- set both = ['officers', 'average_headcount', 'reference_officers', 'reference_average_headcount'] %}
with misconduct as (
    select * from {{ ref('mart_misconduct') }}
),

suppressed as (
    select
        financial_year_start, month_ends_covered, is_complete_period, stage, stage_order, ethnic_group, is_reference_group,
        {{ suppressed('officers', ['officers']) }} as officers,
        {{ suppressed('round(average_headcount)', ['average_headcount']) }} as average_headcount,
        {{ suppressed('reference_officers', ['reference_officers']) }} as reference_officers,
        {{ suppressed('rate_per_1000_officers', ['officers', 'average_headcount']) }} as rate_per_1000_officers,
        {%- for ratio in ['rate_ratio', 'rate_ratio_lower_95', 'rate_ratio_upper_95'] %}
        {{ suppressed(ratio, both) }} as {{ ratio }},
        {%- endfor %}
        case when {{ is_suppressed(both) }} then 'suppressed: a count below {{ var("suppression_threshold") }}'
             else ratio_status end as ratio_status
    from misconduct
)

select * from suppressed
