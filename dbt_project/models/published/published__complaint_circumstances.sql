{{ config(alias='complaint_circumstances') }}
{#- What BI reads: complaints per 1,000 contacts by circumstance, small numbers suppressed; ratio_status says
    why a ratio is absent. Every value (team codes included) is listed; only its counts may be suppressed. -#}
{%- set both = ['complaints', 'contacts', 'other_complaints', 'other_contacts'] %}
with circumstances as (
    select * from {{ ref('mart_complaint_circumstances') }}
),

suppressed as (
    select
        financial_year_start, contact_type, circumstance, value,
        {%- for count in both %}
        {{ suppressed(count, [count]) }} as {{ count }},
        {%- endfor %}
        {%- for rate in ['complaints_per_1000_contacts', 'complaints_per_1000_lower_95', 'complaints_per_1000_upper_95'] %}
        {{ suppressed(rate, ['complaints', 'contacts']) }} as {{ rate }},
        {%- endfor %}
        {%- for ratio in ['rate_ratio_to_other_contacts', 'rate_ratio_lower_95', 'rate_ratio_upper_95'] %}
        {{ suppressed(ratio, both) }} as {{ ratio }},
        {%- endfor %}
        case when {{ is_suppressed(both) }} then 'suppressed: a count below {{ var("suppression_threshold") }}'
             else ratio_status end as ratio_status
    from circumstances
)

select * from suppressed
