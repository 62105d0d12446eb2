{#- For each custody decision, the detentions eligible for it and those where it went one way, by financial
    year x age group (Adults, Juveniles, All) x broad self-defined ethnic group x stratum (offence group x age
    band), with the reference group's counts in the same stratum beside them: the input of the
    Mantel-Haenszel adjusted ratio. Only strata where the group has eligible detentions have a row.

    Decisions (eligible pool -> event):
      charge_vs_no_further_action: charged or NFA -> charged
      remand_vs_bail: charged -> remanded in custody
      crown_vs_magistrates: charged with a court recorded -> Crown Court
      community_resolution_vs_sanction: community resolution or criminal-justice sanction -> community resolution
      strip_search: every detention -> strip searched
      use_of_force: every detention -> force used -#}
with detentions as (
    select * from {{ ref('int_custody_detentions_conformed') }}
    where self_defined_broad_ethnic_group <> 'Not stated'
),

periods as (
    select * from {{ ref('int_custody_reporting_periods') }}
    where period_type = 'financial_year'
),

decisions as (
    select
        periods.period_type,
        periods.period_start,
        periods.period_end,
        detentions.age_group,
        detentions.self_defined_broad_ethnic_group as ethnic_group,
        detentions.offence_group_code || ' x ' || detentions.age_band_code as stratum,
        decided.decision,
        decided.is_event
    from detentions
    inner join periods on date_trunc('month', detentions.arrived_date)::date = periods.month_start
    cross join lateral (
        values
            ('charge_vs_no_further_action', detentions.is_charge or detentions.is_no_further_action,
             detentions.is_charge),
            ('remand_vs_bail', detentions.is_charge, detentions.is_remand),
            ('crown_vs_magistrates', detentions.is_charge and detentions.court_code is not null,
             detentions.court_code = 'CROWN'),
            ('community_resolution_vs_sanction',
             detentions.is_community_resolution or detentions.is_criminal_justice_sanction,
             detentions.is_community_resolution),
            ('strip_search', true, detentions.is_strip_search),
            ('use_of_force', true, detentions.is_use_of_force)
    ) as decided (decision, is_eligible, is_event)
    where decided.is_eligible
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
        count(*) as eligible_detentions,
        count(*) filter (where is_event) as decision_events
    from decisions
    group by grouping sets (
        (period_type, period_start, period_end, age_group, decision, ethnic_group, stratum),
        (period_type, period_start, period_end, decision, ethnic_group, stratum)
    )
),

with_reference as (
    select
        counted.*,
        coalesce(sum(eligible_detentions) filter (where ethnic_group = '{{ var("reference_ethnic_group") }}')
            over stratum_slice, 0) as reference_eligible_detentions,
        coalesce(sum(decision_events) filter (where ethnic_group = '{{ var("reference_ethnic_group") }}')
            over stratum_slice, 0) as reference_decision_events
    from counted
    window stratum_slice as (partition by period_type, period_start, age_group, decision, stratum)
)

select * from with_reference
