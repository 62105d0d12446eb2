{{ config(alias='custody_outcomes') }}
{#- What BI reads: custody decisions by group with small numbers suppressed. Shares need the group's events
    and pool; ratios (crude and adjusted) need both groups' events and pools. -#}
with outcomes as (
    select * from {{ ref('mart_custody_outcomes') }}
),

{%- set own = ['decision_events', 'eligible_detentions'] %}
{%- set both = ['decision_events', 'eligible_detentions', 'reference_decision_events', 'reference_eligible_detentions'] %}

suppressed as (
    select
        period_type, period_start, period_end, area_code, age_group, decision, ethnicity_basis, ethnic_group,
        reference_group,
        {%- for count in both %}
        {{ suppressed(count, [count]) }} as {{ count }},
        {%- endfor %}
        {{ suppressed('decision_share', own) }} as decision_share,
        {{ suppressed('decision_share_lower_95', own) }} as decision_share_lower_95,
        {{ suppressed('decision_share_upper_95', own) }} as decision_share_upper_95,
        {{ suppressed('reference_decision_share', ['reference_decision_events', 'reference_eligible_detentions']) }}
            as reference_decision_share,
        {%- for measure in ['crude_ratio', 'crude_ratio_lower_95', 'crude_ratio_upper_95', 'adjusted_ratio',
                            'adjusted_ratio_lower_95', 'adjusted_ratio_upper_95', 'share_of_gap_explained'] %}
        {{ suppressed(measure, both) }} as {{ measure }},
        {%- endfor %}
        contributing_strata,
        adjusted_coverage_share,
        {{ is_suppressed(own) }} as is_share_suppressed,
        {{ is_suppressed(both) }} as is_ratio_suppressed
    from outcomes
)

select * from suppressed
