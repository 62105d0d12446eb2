{{ config(alias='workforce_representation') }}
{#- What BI reads: representation as at each month end with small headcounts suppressed (a group's headcount,
    and everything computed from it, when it is below the threshold). Benchmarks are public and stay. -#}
with representation as (
    select * from {{ ref('mart_workforce_representation') }}
),

suppressed as (
    select
        month_end, workforce_type_code, breakdown, breakdown_value, characteristic, group_code, is_disclosed,
        is_reference_group,
        {%- for measure in ['headcount', 'fte', 'share_of_headcount', 'share_of_disclosed', 'representation_ratio', 'gap_in_people'] %}
        {{ suppressed(measure, ['headcount']) }} as {{ measure }},
        {%- endfor %}
        {{ suppressed('total_headcount', ['total_headcount']) }} as total_headcount,
        {{ suppressed('disclosed_headcount', ['disclosed_headcount']) }} as disclosed_headcount,
        benchmark_share,
        benchmark_census_year,
        benchmark_population_base,
        {{ is_suppressed(['headcount']) }} as is_suppressed
    from representation
)

select * from suppressed
