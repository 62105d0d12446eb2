{{ config(alias='complaints') }}
{#- What BI reads: complaint rates by complainant group, small counts suppressed (and every rate or ratio
    computed from one); ratio_status stays, so a reader sees why a ratio is absent. -#}
{%- set both = ['cases', 'reference_cases'] %}
with complaints as (
    select * from {{ ref('mart_complaints') }}
),

suppressed as (
    select
        financial_year_start, basis, ethnic_group, is_reference_group,
        -- residents are public; counts of searches and detentions are suppressed as in their own tables
        case when basis = 'population' then denominator else {{ suppressed('denominator', ['denominator']) }} end
            as denominator,
        denominator_label,
        {{ suppressed('cases', ['cases']) }} as cases,
        {%- for rate in ['rate_per_1000', 'rate_per_1000_lower_95', 'rate_per_1000_upper_95'] %}
        {{ suppressed(rate, ['cases']) }} as {{ rate }},
        {%- endfor %}
        {{ suppressed('reference_cases', ['reference_cases']) }} as reference_cases,
        case when basis = 'population' then reference_denominator
             else {{ suppressed('reference_denominator', ['reference_denominator']) }} end as reference_denominator,
        {%- for ratio in ['rate_ratio', 'rate_ratio_lower_95', 'rate_ratio_upper_95'] %}
        {{ suppressed(ratio, both) }} as {{ ratio }},
        {%- endfor %}
        case when {{ is_suppressed(both) }} then 'suppressed: fewer than {{ var("suppression_threshold") }} cases'
             else ratio_status end as ratio_status,
        {{ suppressed('handled_without_investigation_share', ['handled_without_investigation', 'cases']) }}
            as handled_without_investigation_share,
        {{ suppressed('median_days_to_finalise', ['finalised_cases']) }} as median_days_to_finalise
    from complaints
)

select * from suppressed
