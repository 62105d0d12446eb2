{{ config(alias='allegation_outcomes') }}
{#- What BI reads: allegation outcomes with small numbers suppressed; ratio_status says why a ratio is absent. -#}
{%- set upheld_both = ['upheld', 'with_finding', 'reference_upheld', 'reference_with_finding'] %}
{%- set without_both = ['without_investigation', 'allegations', 'reference_without_investigation', 'reference_allegations'] %}
with outcomes as (
    select * from {{ ref('mart_allegation_outcomes') }}
),

suppressed as (
    select
        financial_year_start, view, complainant_group, officer_group, is_reference_group,
        {%- for count in ['allegations', 'with_finding', 'upheld', 'without_investigation', 'reference_allegations', 'reference_with_finding', 'reference_upheld', 'reference_without_investigation'] %}
        {{ suppressed(count, [count]) }} as {{ count }},
        {%- endfor %}
        {%- for share in ['upheld_share', 'upheld_share_lower_95', 'upheld_share_upper_95'] %}
        {{ suppressed(share, ['upheld', 'with_finding']) }} as {{ share }},
        {%- endfor %}
        {%- for ratio in ['upheld_relative_likelihood', 'upheld_relative_likelihood_lower_95', 'upheld_relative_likelihood_upper_95'] %}
        {{ suppressed(ratio, upheld_both) }} as {{ ratio }},
        {%- endfor %}
        case when {{ is_suppressed(upheld_both) }} then 'suppressed: a count below {{ var("suppression_threshold") }}'
             else upheld_ratio_status end as upheld_ratio_status,
        {{ suppressed('without_investigation_share', ['without_investigation', 'allegations']) }} as without_investigation_share,
        {%- for ratio in ['without_investigation_relative_likelihood', 'without_investigation_relative_likelihood_lower_95', 'without_investigation_relative_likelihood_upper_95'] %}
        {{ suppressed(ratio, without_both) }} as {{ ratio }},
        {%- endfor %}
        case when {{ is_suppressed(without_both) }} then 'suppressed: a count below {{ var("suppression_threshold") }}'
             else without_investigation_ratio_status end as without_investigation_ratio_status
    from outcomes
)

select * from suppressed
