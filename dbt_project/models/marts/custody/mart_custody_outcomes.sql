{#- How detentions end, by ethnic group: for each decision (its eligible pool and event are defined in
    int_custody_decision_strata), the group's share with a Wilson interval, the crude relative likelihood
    against the reference group (log method), and the relative likelihood adjusted for case mix by the
    Mantel-Haenszel risk ratio over offence group x age band strata (Greenland-Robins interval), with the
    share of the crude gap the adjustment explains. Financial years, force area. Unsuppressed: analysts only.

    Rule: a stratum contributes to the adjusted ratio only when both the group and the reference group have
    eligible detentions in it; the adjusted ratio is null when no stratum contributes or either side has no
    events in the contributing strata. adjusted_coverage_share says which share of the group's eligible
    detentions lie in contributing strata. -#}
with strata as (
    select * from {{ ref('int_custody_decision_strata') }}
),

adjusted as (
    select
        period_type,
        period_start,
        period_end,
        age_group,
        decision,
        ethnic_group,
        sum(eligible_detentions) as eligible_detentions,
        sum(decision_events) as decision_events,
        count(*) as strata_with_detentions,
        count(*) filter (where reference_eligible_detentions > 0) as contributing_strata,
        sum(eligible_detentions) filter (where reference_eligible_detentions > 0) as eligible_in_contributing_strata,
        {{ mantel_haenszel_risk_ratio('decision_events', 'eligible_detentions', 'reference_decision_events', 'reference_eligible_detentions') }}
            as adjusted_ratio,
        {{ mantel_haenszel_risk_ratio_limit('decision_events', 'eligible_detentions', 'reference_decision_events', 'reference_eligible_detentions', 'lower') }}
            as adjusted_ratio_lower_95,
        {{ mantel_haenszel_risk_ratio_limit('decision_events', 'eligible_detentions', 'reference_decision_events', 'reference_eligible_detentions', 'upper') }}
            as adjusted_ratio_upper_95
    from strata
    group by period_type, period_start, period_end, age_group, decision, ethnic_group
),

joined as (
    select
        adjusted.*,
        sum(eligible_detentions) filter (where ethnic_group = '{{ var("reference_ethnic_group") }}')
            over reference_slice as reference_eligible_detentions,
        sum(decision_events) filter (where ethnic_group = '{{ var("reference_ethnic_group") }}')
            over reference_slice as reference_decision_events
    from adjusted
    window reference_slice as (partition by period_type, period_start, age_group, decision)
),

crude as (
    select
        joined.*,
        {{ rate_ratio('joined.decision_events', 'joined.eligible_detentions', 'joined.reference_decision_events', 'joined.reference_eligible_detentions') }}
            as crude_ratio
    from joined
),

measured as (
    select
        -- period and slice
        crude.period_type,
        crude.period_start,
        crude.period_end,
        'FORCE' as area_code,
        crude.age_group,
        crude.decision,
        'self-defined' as ethnicity_basis,
        crude.ethnic_group,
        '{{ var("reference_ethnic_group") }}' as reference_group,
        -- the group's share
        crude.eligible_detentions,
        crude.decision_events,
        {{ share_with_interval('crude.decision_events', 'crude.eligible_detentions', 'decision_share') }},
        -- the reference group
        crude.reference_eligible_detentions,
        crude.reference_decision_events,
        {{ share('crude.reference_decision_events', 'crude.reference_eligible_detentions') }} as reference_decision_share,
        -- crude relative likelihood
        crude.crude_ratio,
        {{ proportion_ratio_limit('crude.decision_events', 'crude.eligible_detentions', 'crude.reference_decision_events', 'crude.reference_eligible_detentions', 'lower') }}
            as crude_ratio_lower_95,
        {{ proportion_ratio_limit('crude.decision_events', 'crude.eligible_detentions', 'crude.reference_decision_events', 'crude.reference_eligible_detentions', 'upper') }}
            as crude_ratio_upper_95,
        -- adjusted relative likelihood (Mantel-Haenszel, offence group x age band)
        crude.strata_with_detentions,
        crude.contributing_strata,
        {{ share('crude.eligible_in_contributing_strata', 'crude.eligible_detentions') }} as adjusted_coverage_share,
        crude.adjusted_ratio,
        crude.adjusted_ratio_lower_95,
        crude.adjusted_ratio_upper_95,
        {{ share_of_gap_explained('crude.crude_ratio', 'crude.adjusted_ratio') }} as share_of_gap_explained
    from crude
),

-- whether each ratio stands after false discovery rate control; family: a period (every decision and age group)
controlled as (
    {{ ratios_with_false_discovery_control('measured', ['crude_ratio', 'adjusted_ratio'], ['period_type', 'period_start'],
        tested="ethnic_group <> reference_group") }}
)

select * from controlled
