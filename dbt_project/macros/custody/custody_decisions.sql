{#- The columns one decision cell of custody is per (int_custody_decision_cells). -#}
{% macro custody_decision_cell_grain() -%}
    {{ return(['period_type', 'period_start', 'period_end', 'age_group', 'ethnic_group', 'stratum', 'decision']) }}
{%- endmacro %}

{#- The body of int_custody_decision_strata[_perturbed]: the decision cells of `cells`, exact or perturbed
    (int_custody_decision_cells[_perturbed]), by financial year x age group (Adults, Juveniles, and All: their sum)
    x decision x broad ethnic group x stratum, with the reference group's counts in the same stratum beside them.
    Only strata where the group has eligible detentions have a row (perturbed: had; a row may hold 0). -#}
{% macro custody_decision_strata(cells) -%}
with cells as (
    select * from {{ cells }}
),

counted as (
    select
        period_type,
        period_start,
        period_end,
        case when grouping(age_group) = 1 then 'All' else age_group end as age_group,
        decision,
        ethnic_group,
        stratum,
        sum(eligible_detentions)::bigint as eligible_detentions,
        sum(decision_events)::bigint as decision_events
    from cells
    group by grouping sets (
        (period_type, period_start, period_end, age_group, decision, ethnic_group, stratum),
        (period_type, period_start, period_end, decision, ethnic_group, stratum)
    )
),

with_reference as (
    select
        counted.*,
        {{ reference_counts(['eligible_detentions', 'decision_events'], window='stratum_slice') }}
    from counted
    window stratum_slice as (partition by period_type, period_start, age_group, decision, stratum)
)

select * from with_reference
{%- endmacro %}

{#- The body of mart_custody_outcomes[_perturbed], from `strata` (int_custody_decision_strata or its perturbed
    twin): for each decision, the group's share with a Wilson interval, the crude relative likelihood against the
    reference group (log method), and the relative likelihood adjusted for case mix by the Mantel-Haenszel risk
    ratio over offence group x age band strata (Greenland-Robins interval), with the share of the crude gap the
    adjustment explains. Financial years, force area.

    Rule: a stratum contributes to the adjusted ratio only when both the group and the reference group have
    eligible detentions in it; the adjusted ratio is null when no stratum contributes or either side has no
    events in the contributing strata. adjusted_coverage_share says which share of the group's eligible
    detentions lie in contributing strata. -#}
{% macro custody_outcomes(strata) -%}
with strata as (
    select * from {{ strata }}
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
        count(*) filter (where eligible_detentions > 0) as strata_with_detentions,
        count(*) filter (where eligible_detentions > 0 and reference_eligible_detentions > 0) as contributing_strata,
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
        {{ reference_counts(['eligible_detentions', 'decision_events']) }}
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
{%- endmacro %}
