{{ config(alias='stop_search_outcomes') }}
{#- What BI reads: the outcome test with small numbers suppressed (null, flagged, never zero). -#}
with outcomes as (
    select * from {{ ref('mart_stop_search_outcomes') }}
),

{%- set measures = [
    ('find', 'searches_finding_object'),
    ('arrest', 'searches_ending_in_arrest'),
    ('more_than_outer_clothing', 'searches_removing_more_than_outer_clothing'),
] %}

suppressed as (
    select
        period_type, period_start, period_end, is_complete_period, area_code, area_name, legislation_group,
        ethnicity_basis, ethnic_group, reference_group,
        {{ suppressed('searches', ['searches']) }} as searches,
        {%- for name, column in measures %}
        {%- set own = [column] %}
        {%- set both = [column, 'reference_' ~ column] %}
        {{ suppressed(column, own) }} as {{ column }},
        {{ suppressed(name ~ '_share', own) }} as {{ name }}_share,
        {{ suppressed(name ~ '_share_lower_95', own) }} as {{ name }}_share_lower_95,
        {{ suppressed(name ~ '_share_upper_95', own) }} as {{ name }}_share_upper_95,
        {{ suppressed('reference_' ~ name ~ '_share', ['reference_' ~ column]) }} as reference_{{ name }}_share,
        {{ suppressed(name ~ '_share_ratio', both) }} as {{ name }}_share_ratio,
        {{ suppressed(name ~ '_share_ratio_lower_95', both) }} as {{ name }}_share_ratio_lower_95,
        {{ suppressed(name ~ '_share_ratio_upper_95', both) }} as {{ name }}_share_ratio_upper_95,
        {{ is_suppressed(both) }} as is_{{ name }}_suppressed,
        {%- endfor %}
        {{ is_suppressed(['searches']) }} as is_count_suppressed
    from outcomes
)

select * from suppressed
