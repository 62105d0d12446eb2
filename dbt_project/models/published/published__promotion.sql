{{ config(alias='promotion') }}
{#- What BI reads: promotion rates against the eligible pool, small numbers suppressed. -#}
{%- set own = ['promoted', 'eligible_pool'] %}
{%- set both = ['promoted', 'eligible_pool', 'reference_promoted', 'reference_eligible_pool'] %}
with promotion as (
    select * from {{ ref('mart_promotion') }}
),

suppressed as (
    select
        financial_year_start, financial_year_end, is_complete_period, rank_grade_code, promotion_type,
        characteristic, group_code, is_disclosed, is_reference_group,
        {%- for count in both %}
        {{ suppressed(count, [count]) }} as {{ count }},
        {%- endfor %}
        {%- for rate in ['promotion_rate', 'promotion_rate_lower_95', 'promotion_rate_upper_95'] %}
        {{ suppressed(rate, own) }} as {{ rate }},
        {%- endfor %}
        {{ suppressed('reference_promotion_rate', ['reference_promoted', 'reference_eligible_pool']) }}
            as reference_promotion_rate,
        {%- for ratio in ['relative_likelihood', 'relative_likelihood_lower_95', 'relative_likelihood_upper_95'] %}
        {{ suppressed(ratio, both) }} as {{ ratio }},
        {%- endfor %}
        {{ is_suppressed(both) }} as is_ratio_suppressed
    from promotion
)

select * from suppressed
