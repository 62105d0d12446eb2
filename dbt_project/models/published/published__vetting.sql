{{ config(alias='vetting') }}
{#- What BI reads: vetting refusal rates with small numbers suppressed. -#}
{%- set own = ['refused', 'decided'] %}
{%- set both = ['refused', 'decided', 'reference_refused', 'reference_decided'] %}
with vetting as (
    select * from {{ ref('mart_vetting') }}
),

suppressed as (
    select
        financial_year_start, applicant_type_code, characteristic, group_code, is_disclosed, is_reference_group,
        {%- for count in ['applications', 'granted', 'refused', 'withdrawn', 'decided', 'reference_refused', 'reference_decided'] %}
        {{ suppressed(count, [count]) }} as {{ count }},
        {%- endfor %}
        {%- for rate in ['refusal_rate', 'refusal_rate_lower_95', 'refusal_rate_upper_95'] %}
        {{ suppressed(rate, own) }} as {{ rate }},
        {%- endfor %}
        {{ suppressed('reference_refusal_rate', ['reference_refused', 'reference_decided']) }} as reference_refusal_rate,
        {%- for ratio in ['relative_likelihood', 'relative_likelihood_lower_95', 'relative_likelihood_upper_95'] %}
        {{ suppressed(ratio, both) }} as {{ ratio }},
        {%- endfor %}
        {{ is_suppressed(both) }} as is_ratio_suppressed
    from vetting
)

select * from suppressed
